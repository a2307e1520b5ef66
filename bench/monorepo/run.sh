#!/bin/sh
# Times `bulwark sbom` on a generated 100,000-file monorepo with 50 real lockfiles (issue 3's target:
# under 10 s on a 2-core machine). Prints wall time, files per second and the component count.
# Usage: bench/monorepo/run.sh [N_FILES]   (needs python3 and ../shared/data/projects)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
N=${1:-100000}
OUT=${TMPDIR:-/tmp}/bulwark-monorepo-$N
python3 "$ROOT/bench/monorepo/generate.py" "$OUT" "$N" "$ROOT/../shared/data/projects"
"$ROOT/bulwark" version >/dev/null   # builds the jar if needed and warms the CDS archive
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$ROOT/bulwark" sbom "$OUT" -q -o json=/tmp/bulwark-monorepo.json
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$N" <<'PY'
import json, sys
start, end, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
report = json.load(open("/tmp/bulwark-monorepo.json"))
secs = end - start
print("run: %.2f s wall, %.0f files/s, %d components" % (secs, n / secs, len(report["components"])))
PY
done
