#!/bin/sh
# Times every report writer and the SBOM reader on N synthetic components (default 100000) against
# Jackson's plain serialisation of the same report, measured in the same run; prints ms, size and ratio.
set -eu
cd "$(dirname "$0")/../.."
N="${1:-100000}"
. .mvn/find-jdk.sh
bulwark_require_jdk
./mvnw -o -q -pl bulwark-report test-compile
CP_FILE="$(mktemp)"
./mvnw -o -q -pl bulwark-report dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -Xmx2g -cp "bulwark-report/target/test-classes:bulwark-report/target/classes:$(cat "$CP_FILE")" \
  dev.bulwark.report.bench.WriterBenchmark "$N"
rm -f "$CP_FILE"
