#!/bin/sh
# Start-up of `./bulwark version` (issue 2's target: <= 0.5 s once built), next to the same jar started
# without the AppCDS archive, measured in the same run. Prints mean and median wall time of N runs each.
# Usage: bench/startup.sh [N]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
N=${1:-20}
. "$ROOT/.mvn/find-jdk.sh"
bulwark_require_jdk
"$ROOT/bulwark" version >/dev/null   # build if needed, write the CDS archive
"$ROOT/bulwark" version >/dev/null
time_runs() { # label, command...
  label=$1; shift
  python3 - "$N" "$label" "$@" <<'PY'
import subprocess, sys, time, statistics
n, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
times = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
print("%-34s mean %.3f s  median %.3f s  min %.3f s" % (label, statistics.mean(times), statistics.median(times), min(times)))
PY
}
time_runs "./bulwark version (launcher)" "$ROOT/bulwark" version
time_runs "java -jar bulwark.jar version" "$JAVA_HOME/bin/java" -Xshare:auto -jar "$ROOT/bulwark-cli/target/bulwark.jar" version
time_runs "java -version (JVM floor)" "$JAVA_HOME/bin/java" -Xshare:auto -version
