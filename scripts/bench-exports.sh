#!/usr/bin/env bash
# REST exports beside live coaching (docs/performance.md, "REST exports beside live coaching").
# Builds release binaries, starts a server on a fresh database, has four exporting drivers each
# store a lap (a synthesised session streamed as fast as possible), then measures the coached
# drivers' ack round trip and cue latency twice, back to back: alone, then while the four
# exporters download their largest lap over and over (JSON), four at a time.
# Client and server share this machine: the client's own CPU is in every number.
# Not part of `swift test`. Usage: scripts/bench-exports.sh [SECONDS_PER_RUN] (default 30).
#   BENCH_DRIVERS (default 100) coached drivers at 60 Hz in 100 ms batches;
#   BENCH_LAP_REFERENCE (default the Brands Hatch GP reference, the shortest lap;
#   ReferenceLaps/spa-francorchamps-gp-gt4.reference.json gives longer laps);
#   BENCH_BIN=DIR runs prebuilt binaries (e.g. an older build, for before and after).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
port=${BENCH_PORT:-18191}
drivers=${BENCH_DRIVERS:-100}
reference=${BENCH_LAP_REFERENCE:-ReferenceLaps/brands-hatch-gp-gt4.reference.json}
exporters=4
source scripts/lib/bench-server.sh
bench_binaries trailbrake trailbrake-load
# Four exports of one driver each, so the default per-driver bound never refuses one.
bench_start_server $((drivers + exporters)) "$port"
base="http://127.0.0.1:$port"
head -n "$exporters" "$work/tokens.txt" > "$work/exporters.txt"
tail -n +$((exporters + 1)) "$work/tokens.txt" > "$work/coached.txt"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "== storing one lap per exporter ($(basename "$reference"), streamed as fast as possible)"
largest_lap() {  # largest_lap TOKEN: "LAP_ID FRAMES" of the driver's largest stored lap
    python3 - "$base" "$1" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def get(path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(request))
laps = [lap for session in get("/api/v1/sessions")["sessions"] for lap in get(f"/api/v1/sessions/{session['id']}/laps")["laps"]]
best = max(laps, key=lambda lap: lap["frame_count"])
print(best["id"], best["frame_count"])
PY
}
i=0
while read -r token; do
    i=$((i + 1))
    "$bin/trailbrake-load" stream --server "ws://127.0.0.1:$port" --token "$token" --synthesize "$reference" --laps 2 \
        --as-fast-as-possible > "$work/store-$i.log" 2>&1
    read -r lap frames < <(largest_lap "$token")
    echo "$token $lap" >> "$work/laps.txt"
    echo "   exporter $i: lap $lap, $frames frames"
done < "$work/exporters.txt"

load() {  # load NAME: the coached drivers for $seconds, report in $work/NAME.json
    "$bin/trailbrake-load" run --server "ws://127.0.0.1:$port" --tokens-file "$work/coached.txt" --drivers "$drivers" \
        --duration "$seconds" --ramp-up 5 --report "$work/$1.json" > "$work/$1.table" 2> "$work/$1.progress"
}
export_loop() {  # export_loop TOKEN LAP: downloads the lap until $work/stop exists
    while [ ! -e "$work/stop" ]; do
        curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' -H "Authorization: Bearer $1" \
            "$base/api/v1/laps/$2/telemetry" >> "$work/exports.log" || true
    done
}

echo "== coaching alone: $drivers drivers, ${seconds} s"
load alone
echo "== coaching while $exporters clients export their lap over and over"
pids=()
while read -r token lap; do export_loop "$token" "$lap" & pids+=($!); done < "$work/laps.txt"
load exporting
touch "$work/stop"
wait "${pids[@]}"

python3 - "$work" "$drivers" <<'PY'
import json, sys
work, drivers = sys.argv[1], sys.argv[2]
for name in ("alone", "exporting"):
    r = json.load(open(f"{work}/{name}.json"))
    a, c = r["ack_rtt_ms"], r["cue_latency_ms"]
    print(f"{name:10s} ack rtt ms p50 {a['p50']:7.2f} p99 {a['p99']:7.2f} p99.9 {a['p999']:7.2f} max {a['max']:7.2f} ({a['count']})"
          f" | cue ms p50 {c['p50']:6.2f} p99 {c['p99']:7.2f} max {c['max']:7.2f} ({c['count']}) | errors {sum(r['errors'].values())}")
rows = [line.split() for line in open(f"{work}/exports.log")]
done = [row for row in rows if row[0] == "200"]
times = sorted(float(row[2]) * 1000 for row in done)
refused = sum(1 for row in rows if row[0] in ("429", "503"))
codes = {code: sum(1 for row in rows if row[0] == code) for code in sorted({row[0] for row in rows})}
other = len(rows) - len(done) - refused
if times:
    print(f"exports    {len(done)} done ({sum(int(row[1]) for row in done) / 1e6:.1f} MB), {refused} refused, {other} failed;"
          f" per export ms p50 {times[len(times) // 2]:.0f} max {times[-1]:.0f}; statuses {codes}")
else:
    print(f"exports    none completed, {refused} refused, {other} failed")
PY
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
