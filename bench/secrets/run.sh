#!/usr/bin/env bash
# Secrets benchmark: Bulwark's secrets analyzer vs secretlint (preset-recommend) on the same generated tree,
# in the same run. Prints MB/s per core for both and the ratio.
#
#   bench/secrets/run.sh [TREE] [SIZE_MB] [PEER_DIRS]   (defaults: /tmp/bulwark-secrets-bench, 1024, 2)
#
# Bulwark runs over the whole tree. secretlint is ~100x slower (well over an hour of CPU for 1 GB), so it runs
# over the first PEER_DIRS package folders of the same tree (PEER_DIRS=all for the whole tree), and Bulwark is
# timed on that same subset too; the ratio compares the two on identical bytes.
#
# Needs: the module built (./mvnw -o -q -pl analyzers/secrets install -DskipTests), node/npm, /usr/bin/python3.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
TREE="${1:-/tmp/bulwark-secrets-bench}"
SIZE_MB="${2:-1024}"
PEER_DIRS="${3:-2}"
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

OUT="$HERE/out"
mkdir -p "$OUT"
if [ "$PEER_DIRS" = "all" ]; then
  SUBSET="$TREE"
else
  SUBSET="$OUT/subset"
  rm -rf "$SUBSET"; mkdir -p "$SUBSET"
  for d in $(ls "$TREE" | sort | head -n "$PEER_DIRS"); do cp -r "$TREE/$d" "$SUBSET/$d"; done
fi

bulwark() { "$JAVA" -Xmx1g -XX:+UseParallelGC -cp "$CP" dev.bulwark.secrets.bench.SecretsBench "$1" "$2"; }
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }

echo "== bulwark, whole tree (1 thread; warm-up pass, then best timed pass)" >&2
BW=$(bulwark "$TREE" 3); echo "$BW" >&2
echo "== bulwark, peer subset" >&2
BS=$(bulwark "$SUBSET" 4); echo "$BS" >&2

echo "== secretlint, peer subset (node, single-threaded)" >&2
TIMEF=$(mktemp)
set +e
( cd "$SUBSET" && /usr/bin/time -f "%e %U %S" -o "$TIMEF" "$HERE/node_modules/.bin/secretlint" \
    --secretlintrc "$HERE/.secretlintrc.json" "**/*" > "$OUT/secretlint.txt" 2>&1 )
SL_RC=$?
set -e
read -r SL_WALL SL_USER SL_SYS < <(tail -1 "$TIMEF")
rm -f "$TIMEF"
SUB_BYTES=$(field bytes "$BS")

python3 - "$(field bytes "$BW")" "$(field wall_s "$BW")" "$(field cpu_s "$BW")" "$(field findings "$BW")" \
  "$SUB_BYTES" "$(field wall_s "$BS")" "$(field cpu_s "$BS")" "$(field findings "$BS")" \
  "$SL_WALL" "$SL_USER" "$SL_SYS" "$SL_RC" "$(grep -c '✘\|error' "$OUT/secretlint.txt" || true)" <<'PY'
import sys
(b, bw_w, bw_c, bw_f, sb, bs_w, bs_c, bs_f, sl_w, sl_u, sl_s, sl_rc, sl_f) = sys.argv[1:]
mb, smb = int(b) / 1e6, int(sb) / 1e6
sl_c = float(sl_u) + float(sl_s)
print(f"whole tree : {mb:7.0f} MB  bulwark {mb / float(bw_c):7.1f} MB/s per core (cpu {float(bw_c):.1f} s), {mb / float(bw_w):7.1f} MB/s wall, {bw_f} findings")
print(f"peer subset: {smb:7.0f} MB  bulwark {smb / float(bs_c):7.1f} MB/s per core (cpu {float(bs_c):.2f} s), {bs_f} findings")
print(f"             {smb:7.0f} MB  secretlint {smb / sl_c:5.2f} MB/s per core (cpu {sl_c:.1f} s, wall {float(sl_w):.0f} s), exit {sl_rc}, {sl_f} error lines")
ratio = (smb / float(bs_c)) / (smb / sl_c)
print(f"ratio (same bytes, per core): {ratio:.0f}x")
print(f"targets: >= 100 MB/s/core -> {'met' if mb / float(bw_c) >= 100 else 'NOT met'} ({mb / float(bw_c):.0f}); >= 10x secretlint -> {'met' if ratio >= 10 else 'NOT met'}")
PY
