#!/bin/bash
# Vulnerability benchmark: full import of the shared OSV data (target < 30 s) and matching of 10,000 components
# against the warm database (target >= 50,000 components/s). Prints figures and their ratio to the targets.
# Usage: bench/vuln/run.sh [SHARED_OSV_DIR]   (run from the repository root after installing analyzers/vuln)
set -eu
OSV=${1:-../shared/data/osv}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MOD="$ROOT/analyzers/vuln"
CPFILE=$(mktemp)
(cd "$MOD" && "$ROOT/mvnw" -o -q dependency:build-classpath -Dmdep.outputFile="$CPFILE" >/dev/null)
CP="$MOD/target/classes:$(cat "$CPFILE")"
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
JAVA=${JAVA:-java}
WORK=$(mktemp -d)
cat > "$WORK/Db.java" <<'J'
public class Db { public static void main(String[] a) { System.exit(dev.bulwark.vuln.cli.DbCommand.run(a)); } }
J
DB="$WORK/osv.db"
START=$(date +%s.%N)
TIMEFORMAT='import CPU: %U s user + %S s system'
time ("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" "$WORK/Db.java" import --db "$DB" "$OSV" 2>/dev/null | tail -1)
END=$(date +%s.%N)
N=$("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" "$WORK/Db.java" status --db "$DB" 2>/dev/null | awk '/^advisories:/ {print $2}')
awk -v s="$START" -v e="$END" -v n="$N" 'BEGIN { t = e - s; printf "import: %d advisories in %.1f s (whole process) = %.0f advisories/s (target 30 s: %.2fx)\n", n, t, n / t, 30 / t }'
uptime
# re-import of the same data: idempotent, every record unchanged
START=$(date +%s.%N)
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" "$WORK/Db.java" import --db "$DB" "$OSV" 2>/dev/null | tail -1
END=$(date +%s.%N)
awk -v s="$START" -v e="$END" 'BEGIN { printf "re-import (no changes): %.1f s\n", e - s }'
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" "$ROOT/bench/vuln/MatchBench.java" "$DB" 10000 7 2>/dev/null
rm -rf "$WORK" "$CPFILE"
