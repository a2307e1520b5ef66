#!/usr/bin/env bash
# Secrets benchmark: Bulwark's secrets analyzer vs secretlint (preset-recommend) on the same generated tree,
# in the same run. Prints MB/s per core for both and the ratio.
#
#   bench/secrets/run.sh [TREE] [SIZE_MB]      (defaults: /tmp/bulwark-secrets-bench, 1024)
#
# Needs: the module built (./mvnw -o -q -pl analyzers/secrets install -DskipTests), node/npm, /usr/bin/python3.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
TREE="${1:-/tmp/bulwark-secrets-bench}"
SIZE_MB="${2:-1024}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | head -1)/bin/java}"

if [ ! -d "$TREE" ]; then
  /usr/bin/python3 "$HERE/generate_tree.py" "$TREE" "$SIZE_MB" >&2
fi
if [ ! -x "$HERE/node_modules/.bin/secretlint" ]; then
  (cd "$HERE" && npm i --no-audit --no-fund secretlint @secretlint/secretlint-rule-preset-recommend >&2)
fi
CP_FILE="$REPO/analyzers/secrets/target/bench-classpath.txt"
if [ ! -s "$CP_FILE" ]; then
  (cd "$REPO" && ./mvnw -o -q -pl analyzers/secrets dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2)
fi
CP="$REPO/analyzers/secrets/target/classes:$REPO/analyzers/secrets/target/test-classes:$(cat "$CP_FILE")"

echo "== bulwark (1 thread, best of 2 timed passes after a warm-up pass)" >&2
BW=$("$JAVA" -Xmx1g -XX:+UseParallelGC -cp "$CP" dev.bulwark.secrets.bench.SecretsBench "$TREE" 3)
echo "$BW" >&2
BYTES=$(sed -E 's/.*bytes=([0-9]+).*/\1/' <<<"$BW")
BW_WALL=$(sed -E 's/.*wall_s=([0-9.]+).*/\1/' <<<"$BW")
BW_CPU=$(sed -E 's/.*cpu_s=([0-9.]+).*/\1/' <<<"$BW")

echo "== secretlint (node, single-threaded)" >&2
TIMEF=$(mktemp)
set +e
( cd "$TREE" && /usr/bin/time -f "%e %U %S" -o "$TIMEF" "$HERE/node_modules/.bin/secretlint" \
    --secretlintrc "$HERE/.secretlintrc.json" --format json "**/*" > "$HERE/secretlint-out.json" 2> "$HERE/secretlint-err.txt" )
SL_RC=$?
set -e
read -r SL_WALL SL_USER SL_SYS < "$TIMEF"
SL_CPU=$(python3 -c "print($SL_USER + $SL_SYS)")
SL_FOUND=$(python3 -c "import json;d=json.load(open('$HERE/secretlint-out.json'));print(sum(len(f.get('messages',[])) for f in d))" 2>/dev/null || echo "?")
rm -f "$TIMEF"

python3 - "$BYTES" "$BW_WALL" "$BW_CPU" "$SL_WALL" "$SL_CPU" "$SL_FOUND" "$SL_RC" <<'PY'
import sys
b, bw_wall, bw_cpu, sl_wall, sl_cpu, sl_found, sl_rc = sys.argv[1:]
mb = int(b) / 1e6
bw_w, bw_c, sl_w, sl_c = mb / float(bw_wall), mb / float(bw_cpu), mb / float(sl_wall), mb / float(sl_cpu)
print(f"tree: {mb:.0f} MB")
print(f"bulwark    : {bw_c:8.1f} MB/s per core (cpu time)   {bw_w:8.1f} MB/s wall, 1 thread")
print(f"secretlint : {sl_c:8.1f} MB/s per core (cpu time)   {sl_w:8.1f} MB/s wall  (findings: {sl_found}, exit {sl_rc})")
print(f"ratio      : {bw_c / sl_c:8.1f}x per core (cpu)   {bw_w / sl_w:8.1f}x wall")
print(f"targets    : >= 100 MB/s/core -> {'met' if bw_c >= 100 else 'NOT met'}; >= 10x secretlint -> {'met' if bw_c / sl_c >= 10 else 'NOT met'}")
PY
