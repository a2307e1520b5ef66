#!/usr/bin/env bash
# Model-scanner benchmark: >= 2 GB of model files, Bulwark's model analyzer + AI-BOM cataloger (which
# SHA-256es every byte) against `sha256sum` on the same files, both single-threaded, warm page cache.
# Usage: bench/model/run.sh [DIR]   (default /tmp/bulwark-model-bench; files are generated once)
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:-/tmp/bulwark-model-bench}
/usr/bin/python3 bench/model/generate_models.py "$DIR" >&2
CP_FILE=$(mktemp)
./mvnw -o -q -pl analyzers/model dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="analyzers/model/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
JAVA=${JAVA:-java}
BYTES=$(du -cb "$DIR"/* | tail -1 | cut -f1)
cat "$DIR"/* > /dev/null   # warm the page cache for both contenders
# each contender twice; keep the faster run's wall time and its CPU time (user + sys)
measure() { for i in 1 2; do /usr/bin/time -f "TIME %e %U %S" "$@" 2>&1 >/dev/null | awk '/^TIME/ {print $2, $3 + $4}'; done | sort -n | head -1; }
read SHA SHA_CPU < <(measure sha256sum "$DIR"/*)
read BUL BUL_CPU < <(measure "$JAVA" -cp "$CP" bench/model/ModelBench.java "$DIR")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v b="$BYTES" -v s="$SHA" -v sc="$SHA_CPU" -v j="$BUL" -v jc="$BUL_CPU" 'BEGIN {
  printf "files: %.2f GB\n", b / 1e9;
  printf "sha256sum:          wall %6.2f s %6.0f MB/s   cpu %6.2f s %6.0f MB/s\n", s, b / 1e6 / s, sc, b / 1e6 / sc;
  printf "bulwark model scan: wall %6.2f s %6.0f MB/s   cpu %6.2f s %6.0f MB/s (analyzer + AI-BOM with SHA-256, JVM start included)\n", j, b / 1e6 / j, jc, b / 1e6 / jc;
  printf "ratio bulwark/sha256sum: wall %.2fx, cpu %.2fx (target <= 1.5x)\n", j / s, jc / sc }'
