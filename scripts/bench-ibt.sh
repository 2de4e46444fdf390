#!/usr/bin/env bash
# Reading speed of the .ibt reader beside pyirsdk, same files, same run, same machine: builds
# trailbrake-bench in release mode (its own build folder, .build-release), runs `trailbrake-bench
# ibt` and scripts/ibt_bench.py (pyirsdk from .build-py) on every valid .ibt in
# ../shared/data/telemetry (or TRAILBRAKE_SHARED_DATA/telemetry), and prints the ratio to pyirsdk
# for the coaching channels and for all channels (RUNS reads per file, best counts; RUNS_ALL for
# all channels, where pyirsdk takes seconds per file). Not part of the tests; the numbers are
# recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

data="${TRAILBRAKE_SHARED_DATA:-../shared/data}/telemetry"
runs="${RUNS:-5}"
runs_all="${RUNS_ALL:-3}"
./scripts/install-python-deps.sh >/dev/null
# The fixtures that are not recordings (empty, garbage) are left out: manifest.json lists the rest.
mapfile -t files < <(.build-py/bin/python3 -c "import json,sys; print('\n'.join(sorted(json.load(open(sys.argv[1] + '/manifest.json')))))" "$data")
paths=("${files[@]/#/$data/}")

swift build -c release --scratch-path .build-release --product trailbrake-bench 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
bench=.build-release/release/trailbrake-bench
python=(.build-py/bin/python3 scripts/ibt_bench.py)
pyirsdk_version=$(.build-py/bin/python3 -c 'import irsdk; print(irsdk.VERSION)')

echo "== Trailbrake IBTReader (open, no YAML) + frames of the coaching channels, release build, best of $runs"
coaching=$("$bench" ibt --work coaching --runs "$runs" "${paths[@]}"); echo "$coaching"
echo "== Trailbrake IBTFile (open + Yams YAML) + frames, for comparison, best of $runs"
with_yaml=$("$bench" ibt --work coaching-with-session-info --runs "$runs" "${paths[@]}"); echo "$with_yaml"
echo "== pyirsdk $pyirsdk_version IBT.get_all of the coaching channels, best of $runs"
py_coaching=$("${python[@]}" --work coaching --runs "$runs" "${paths[@]}"); echo "$py_coaching"
echo "== Trailbrake IBTReader, a column of every channel, best of $runs_all"
all=$("$bench" ibt --work all --runs "$runs_all" "${paths[@]}"); echo "$all"
echo "== pyirsdk $pyirsdk_version IBT.get_all of every channel, best of $runs_all"
py_all=$("${python[@]}" --work all --runs "$runs_all" "${paths[@]}"); echo "$py_all"

value() { sed -n "s/.*TOTAL $1 .*$2=\([0-9.]*\).*/\1/p" <<<"$3"; }
ratio() {  # label, swift output, swift label, python output, python label
  local s p sm pm
  s=$(value "$3" rows_per_s "$2"); p=$(value "$5" rows_per_s "$4")
  sm=$(value "$3" mb_per_s "$2"); pm=$(value "$5" mb_per_s "$4")
  awk -v l="$1" -v s="$s" -v p="$p" -v sm="$sm" -v pm="$pm" \
    'BEGIN { printf "%s: rows/s: %.0f vs %.0f = %.2fx; MB/s: %.1f vs %.1f = %.2fx\n", l, s, p, s / p, sm, pm, sm / pm }'
}
echo "== ratio (Trailbrake / pyirsdk)"
ratio "coaching channels" "$coaching" swift-coaching "$py_coaching" pyirsdk-coaching
ratio "coaching channels, YAML parsed at open" "$with_yaml" swift-coaching-with-session-info "$py_coaching" pyirsdk-coaching
ratio "all channels" "$all" swift-all "$py_all" pyirsdk-all
