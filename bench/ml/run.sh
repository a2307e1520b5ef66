#!/usr/bin/env bash
# Times `bulwark fairness` (10M rows x 2 sensitive attributes) and `bulwark drift` (1M x 20 columns)
# against the pandas/scipy peer (peer.py) on the same generated data, in the same run, and prints
# seconds, rows/s and the ratio. Whole processes are timed (JVM and interpreter start included).
# Usage: bench/ml/run.sh [DATA_DIR]   (data generated there on first use; default /tmp/bulwark-ml-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${1:-/tmp/bulwark-ml-bench}
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$py" "$here/generate.py" "$data"
cd "$repo"
./mvnw -o -q -pl bulwark-ml dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1
cp="$(cat "$work/cp.txt"):$repo/bulwark-ml/target/classes"
java_home=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
java="${java_home:+$java_home/bin/}java"
javac="${java_home:+$java_home/bin/}javac"
"$javac" -cp "$cp" -d "$work" "$here/MlBench.java"

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>"$work/err" || [ $? -eq 1 ] || { cat "$work/err"; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
report() { # name rows ours peer
  printf '%-9s rows=%-9s bulwark %7.2f s (%10.0f rows/s)   pandas/scipy %7.2f s (%10.0f rows/s)   ratio %.2fx\n' \
    "$1" "$2" "$3" "$(echo "$2 / $3" | bc -l)" "$4" "$(echo "$2 / $4" | bc -l)" "$(echo "$4 / $3" | bc -l)"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
fair_rows=$(($(wc -l < "$data/fairness.csv") - 1))
drift_rows=$(($(wc -l < "$data/drift_reference.csv") - 1))
ours_f=$(seconds "$java" --enable-native-access=ALL-UNNAMED -cp "$cp:$work" MlBench fairness --data "$data/fairness.csv" \
  --label label --prediction pred --sensitive race,sex -o json="$work/f.json")
peer_f=$(seconds "$py" "$here/peer.py" fairness "$data/fairness.csv" "$work/pf.json")
ours_d=$(seconds "$java" --enable-native-access=ALL-UNNAMED -cp "$cp:$work" MlBench drift --reference "$data/drift_reference.csv" \
  --current "$data/drift_current.csv" -o json="$work/d.json")
peer_d=$(seconds "$py" "$here/peer.py" drift "$data/drift_reference.csv" "$data/drift_current.csv" "$work/pd.json")
report fairness "$fair_rows" "$ours_f" "$peer_f"
report drift "$((2 * drift_rows))" "$ours_d" "$peer_d"
"$py" - "$work" <<'PY'
import json, sys
w = sys.argv[1]
f, pf = json.load(open(w + "/f.json")), json.load(open(w + "/pf.json"))
worst = max(abs(f["metrics"][a][m] - pf[a][m]) for a in pf for m in pf[a] if m != "groups")
d, pd_ = json.load(open(w + "/d.json")), json.load(open(w + "/pd.json"))
cols = {c["name"]: c for c in d["columns"]}
dw = max(abs(cols[c]["tests"]["ks"]["statistic"] - v["ks"]) for c, v in pd_.items() if "ks" in v)
print(f"agreement: fairness metrics max |diff| {worst:.2e}; KS statistics max |diff| {dw:.2e}")
PY
