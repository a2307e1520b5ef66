#!/usr/bin/env bash
# PII detection and masking throughput and peak memory on generated CSVs of two sizes.
# Usage: bench/data/run.sh [SMALL_MB] [LARGE_MB]   (defaults 100 and 1024; data goes to /tmp, never committed)
# Prints MB/s and peak RSS for `bulwark data scan` (every row) and `bulwark data mask --rules`, plus a peer
# in the same run: Python's csv module copying the same file (read + write, no detection), as a floor.
set -euo pipefail
cd "$(dirname "$0")/../.."
SMALL=${1:-100}
LARGE=${2:-1024}
WORK=${BENCH_DIR:-/tmp/bulwark-bench-data}
mkdir -p "$WORK"
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 2>/dev/null || true)}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
./mvnw -o -q -pl analyzers/data install -DskipTests
./mvnw -o -q -pl analyzers/data dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="analyzers/data/target/classes:$(cat "$WORK/cp.txt")"
export BULWARK_MASK_KEY=bench-key-0123456789abcdef
cat > "$WORK/rules.yaml" <<'RULES'
columns:
  name: pseudonym
  email: pseudonym
  phone: pseudonym
  card: {operator: partial, keep: 4}
  iban: hash
  ssn: hash
  dob: pseudonym
  ip: hash
  notes: {operator: tag, scope: spans}
RULES

measure() { # label, command...: prints seconds and max RSS (MB)
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || { cat "$WORK/err.txt"; exit 1; }
  read -r secs kb < "$WORK/time.txt"
  echo "$label $secs $((kb / 1024))"
}

printf '%-8s %-10s %10s %10s %10s %12s\n' size task seconds MB/s peakRSS_MB vs_peer
for MB in "$SMALL" "$LARGE"; do
  CSV="$WORK/pii-$MB.csv"
  [ -f "$CSV" ] || /usr/bin/python3 bench/data/generate_csv.py "$MB" "$CSV"
  BYTES=$(stat -c %s "$CSV")
  rm -f "$WORK/out-$MB.csv" "$WORK/out-$MB.csv.mask-report.json" "$WORK/peer-$MB.csv"
  read -r _ peer_s peer_rss < <(measure peer /usr/bin/python3 -c "
import csv,sys
with open(sys.argv[1], newline='') as i, open(sys.argv[2], 'w', newline='') as o:
    w = csv.writer(o)
    for r in csv.reader(i): w.writerow(r)" "$CSV" "$WORK/peer-$MB.csv")
  read -r _ scan_s scan_rss < <(measure scan "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$CP" \
      dev.bulwark.data.cli.DataCommand scan --max-rows 0 -f json "$CSV")
  read -r _ mask_s mask_rss < <(measure mask "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$CP" \
      dev.bulwark.data.cli.DataCommand mask "$CSV" -o "$WORK/out-$MB.csv" --rules "$WORK/rules.yaml")
  for t in "peer:$peer_s:$peer_rss" "scan:$scan_s:$scan_rss" "mask:$mask_s:$mask_rss"; do
    IFS=: read -r task s rss <<< "$t"
    awk -v mb="$MB" -v task="$task" -v s="$s" -v rss="$rss" -v b="$BYTES" -v p="$peer_s" \
      'BEGIN { printf "%-8s %-10s %10.1f %10.2f %10d %11.2fx\n", mb "MB", task, s, b / 1048576 / s, rss, s / p }'
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
