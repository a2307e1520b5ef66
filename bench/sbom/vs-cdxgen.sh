#!/usr/bin/env bash
# Times `bulwark sbom` against cdxgen on every project of the shared data set, both in the same run, and prints
# per project the wall-time and CPU-time ratios (cdxgen / bulwark) and each tool's component count.
#
# Usage (from the repository root):  bench/sbom/vs-cdxgen.sh [PROJECTS_DIR] [REPEATS]
#   PROJECTS_DIR  default ../shared/data/projects
#   REPEATS       runs per tool and project, the fastest is kept (default 3)
# Needs: bulwark-cli/target/bulwark.jar (./mvnw package of the CLI) and cdxgen installed with
#   npm i --prefix bench @cyclonedx/cdxgen          (bench/node_modules is ignored by git)
# cdxgen runs offline: CDXGEN_NO_BANNER=true FETCH_LICENSE=false, --no-install-deps, recursive (-r).
# Bulwark runs through ./bulwark (the launcher users run, with its AppCDS archive); BULWARK_PLAIN_JAR=1 runs
# plain `java -jar` instead, BULWARK_EXTRA_CP=path.jar puts classes before the CLI jar (e.g. a freshly built
# analyzers/sbom jar).
# The machine is shared, so CPU time (user+sys of the whole process tree) is printed beside wall time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PROJECTS=${1:-$ROOT/../shared/data/projects}
REPEATS=${2:-3}
JAR=${BULWARK_JAR:-$ROOT/bulwark-cli/target/bulwark.jar}
CDXGEN=${CDXGEN:-$ROOT/bench/node_modules/.bin/cdxgen}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
JAVA=${JAVA:-java}
PY=/usr/bin/python3
[ -f "$JAR" ] || { echo "missing $JAR: build the CLI first (./mvnw -q -pl bulwark-cli -am package -DskipTests)" >&2; exit 2; }
[ -x "$CDXGEN" ] || { echo "missing $CDXGEN: npm i --prefix bench @cyclonedx/cdxgen" >&2; exit 2; }
[ -d "$PROJECTS" ] || { echo "no projects folder $PROJECTS" >&2; exit 2; }
MAIN=$(unzip -p "$JAR" META-INF/MANIFEST.MF | tr -d '\r' | awk -F': ' '/^Main-Class:/ {print $2}')
if [ -n "${BULWARK_EXTRA_CP:-}" ]; then
  BULWARK=("$JAVA" -cp "$BULWARK_EXTRA_CP:$JAR" "$MAIN")
elif [ "${BULWARK_PLAIN_JAR:-0}" = "1" ]; then
  BULWARK=("$JAVA" -jar "$JAR")
else
  # what users run: the launcher, with its class-data archive (trained on its first run, done here)
  BULWARK=("$ROOT/bulwark")
  "$ROOT/bulwark" version >/dev/null
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# run LABEL CMD... : runs the command, appends "wall cpu" (seconds) of the fastest run to $OUT/LABEL.t
run() {
  local label=$1; shift
  local best_wall="" best_cpu=""
  for _ in $(seq "$REPEATS"); do
    local t
    /usr/bin/time -f "%e %U %S" -o "$OUT/$label.time" "$@" >/dev/null 2>"$OUT/$label.err" || true
    t=$(tail -1 "$OUT/$label.time")
    local wall cpu
    wall=$(echo "$t" | awk '{print $1}')
    cpu=$(echo "$t" | awk '{printf "%.2f", $2 + $3}')
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a<b)}'; then
      best_wall=$wall; best_cpu=$cpu
    fi
  done
  echo "$best_wall $best_cpu"
}

count() {
  "$PY" - "$1" <<'PYEOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception:
    print("-"); sys.exit(0)
def walk(cs):
    n = 0
    for c in cs or []:
        n += 1 + walk(c.get("components"))
    return n
print(walk(d.get("components")))
PYEOF
}

printf "%-42s %9s %9s %9s %9s %8s %8s %9s %9s\n" project bulwark_s bw_cpu_s cdxgen_s cdx_cpu_s wall_x cpu_x bulwark_n cdxgen_n
for p in "$PROJECTS"/*/; do
  name=$(basename "$p")
  b=$(run bulwark "${BULWARK[@]}" sbom "$p" --offline -q -o "cyclonedx-json=$OUT/$name.bulwark.json")
  c=$(run cdxgen env CDXGEN_NO_BANNER=true FETCH_LICENSE=false CDXGEN_DEBUG_MODE= "$CDXGEN" -r --no-install-deps \
      --no-babel -o "$OUT/$name.cdxgen.json" "$p")
  bw=${b% *}; bc=${b#* }; cw=${c% *}; cc=${c#* }
  printf "%-42s %9s %9s %9s %9s %8s %8s %9s %9s\n" "$name" "$bw" "$bc" "$cw" "$cc" \
    "$(awk -v a="$cw" -v b="$bw" 'BEGIN{printf "%.1f", a/b}')" "$(awk -v a="$cc" -v b="$bc" 'BEGIN{printf "%.1f", (b>0? a/b : 0)}')" \
    "$(count "$OUT/$name.bulwark.json")" "$(count "$OUT/$name.cdxgen.json")"
done
echo "ratios are cdxgen / bulwark (higher is better for bulwark); times are the fastest of $REPEATS runs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
