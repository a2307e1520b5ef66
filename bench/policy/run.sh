#!/bin/sh
# Policy benchmark: evaluations per second of the built-in packs and a user policy, and the gate's share
# of a whole scan of examples/vulnerable-ai-app. Uses the CLI jar with this module's jars in front.
# Usage: bench/policy/run.sh   (after ./mvnw -o -q -pl bulwark-policy,analyzers/iac install -DskipTests)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
. "$ROOT/.mvn/find-jdk.sh"
bulwark_require_jdk
JAVA="$JAVA_HOME/bin/java"
CP="$ROOT/bulwark-policy/target/bulwark-policy-0.1.0-SNAPSHOT.jar:$ROOT/analyzers/iac/target/bulwark-analyzer-iac-0.1.0-SNAPSHOT.jar:$ROOT/bulwark-cli/target/bulwark.jar"
REPORT=$(mktemp --suffix=.json)
trap 'rm -f "$REPORT"' EXIT
START=$(date +%s%N)
"$JAVA" -cp "$CP" dev.bulwark.cli.Main scan "$ROOT/examples/vulnerable-ai-app" --offline -o "json=$REPORT" >/dev/null 2>&1 || true
END=$(date +%s%N)
SCAN_MS=$(( (END - START) / 1000000 ))
"$JAVA" -cp "$CP" "$ROOT/bench/policy/PolicyBench.java" "$REPORT" "$SCAN_MS" 2>/dev/null
