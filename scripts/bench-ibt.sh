#!/usr/bin/env bash
# Reading speed of the .ibt reader beside pyirsdk, same files, same run, same machine: builds
# trailbrake-bench in release mode (its own build folder, .build-release), runs `trailbrake-bench
# ibt` and scripts/ibt_bench.py (pyirsdk from .build-py) on every valid .ibt in
# ../shared/data/telemetry (or TRAILBRAKE_SHARED_DATA/telemetry), and prints the ratio.
# Not part of the tests; the numbers are recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

data="${TRAILBRAKE_SHARED_DATA:-../shared/data}/telemetry"
runs="${RUNS:-5}"
./scripts/install-python-deps.sh >/dev/null
# The fixtures that are not recordings (empty, garbage) are left out: manifest.json lists the rest.
mapfile -t files < <(.build-py/bin/python3 -c "import json,sys; print('\n'.join(sorted(json.load(open(sys.argv[1] + '/manifest.json')))))" "$data")
paths=("${files[@]/#/$data/}")

swift build -c release --scratch-path .build-release --product trailbrake-bench 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
echo "== Trailbrake IBTFile (open + Yams YAML + frames), release build, best of $runs"
swift_out=$(.build-release/release/trailbrake-bench ibt --runs "$runs" "${paths[@]}")
echo "$swift_out"
echo "== pyirsdk $(.build-py/bin/python3 -c 'import irsdk; print(irsdk.VERSION)') IBT.get_all of the same channels, best of $runs"
python_out=$(.build-py/bin/python3 scripts/ibt_bench.py --runs "$runs" "${paths[@]}")
echo "$python_out"

value() { sed -n "s/.*TOTAL $1 .*$2=\([0-9.]*\).*/\1/p" <<<"$3"; }
swift_rows=$(value swift rows_per_s "$swift_out"); python_rows=$(value pyirsdk rows_per_s "$python_out")
swift_mb=$(value swift mb_per_s "$swift_out"); python_mb=$(value pyirsdk mb_per_s "$python_out")
echo "== ratio (Trailbrake / pyirsdk)"
awk -v s="$swift_rows" -v p="$python_rows" -v sm="$swift_mb" -v pm="$python_mb" \
  'BEGIN { printf "rows/s: %.0f vs %.0f = %.2fx; MB/s: %.1f vs %.1f = %.2fx\n", s, p, s / p, sm, pm, sm / pm }'
