#!/usr/bin/env bash
# What tracing costs the live path (docs/operations.md, "Traces"): the same load against the
# release server with `[tracing]` off, on at live_batch_sample_ratio 1 and on at 0.01, in one
# command, each mode run REPEATS times in turn (off, 1, 0.01, off, ...) so a noisy neighbour
# hits all three alike. Spans go to scripts/lib/otlp_sink.py on loopback (accepts and counts).
#   - as fast as possible: 50 drivers, 6-frame batches, window 256: sustained msg/s, cue p50/p99;
#   - real time: 200 drivers at 60 Hz in 100 ms batches: cue p50/p99 and the server's CPU.
# Client, server and sink share this machine. Not part of `swift test`.
# Usage: scripts/bench-tracing.sh [SECONDS_PER_RUN] [REPEATS] (defaults 20 and 2).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
repeats=${2:-2}
port=${BENCH_PORT:-18191}
sink_port=${BENCH_SINK_PORT:-18192}
source scripts/lib/bench-server.sh
bench_binaries trailbrake trailbrake-load

bench_start_server 200 "$port"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
python3 scripts/lib/otlp_sink.py "$sink_port" > "$work/sink.txt" &
sink_pid=$!
trap 'kill $sink_pid 2>/dev/null || true; bench_cleanup' EXIT
ticks=$(getconf CLK_TCK)
lift=(TRAILBRAKE_LIVE_BATCHES_PER_SECOND=1000000 TRAILBRAKE_LIVE_BATCH_BURST=10000000)

run_mode() {  # run_mode MODE REPEAT: MODE is off or a sample ratio
    local mode=$1 name="$1-$2" tracing=(TRAILBRAKE_TRACING_ENABLED=false)
    if [ "$mode" != off ]; then
        tracing=(TRAILBRAKE_TRACING_ENABLED=true TRAILBRAKE_TRACING_LIVE_BATCH_SAMPLE_RATIO="$mode"
            TRAILBRAKE_TRACING_ENDPOINT="http://127.0.0.1:$sink_port" TRAILBRAKE_TRACING_EXPORT_INTERVAL_SECONDS=1)
    fi
    bench_serve "$port" "${lift[@]}" "${tracing[@]}"
    bench_load "$port" "fast-$name" --drivers 50 --duration "$seconds" --ramp-up 2 --as-fast-as-possible --window 256
    local before after
    before=$(bench_cpu_ticks)
    bench_load "$port" "real-$name" --drivers 200 --duration "$seconds" --ramp-up 5
    after=$(bench_cpu_ticks)
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    printf "%-6s %3s %10s %9s %9s %9s %9s %7s %7s\n" "$mode" "$2" \
        "$(bench_field "fast-$name" "round(messages_per_second['sent'])")" \
        "$(bench_field "fast-$name" "cue_latency_ms['p50']")" "$(bench_field "fast-$name" "cue_latency_ms['p99']")" \
        "$(bench_field "real-$name" "cue_latency_ms['p50']")" "$(bench_field "real-$name" "cue_latency_ms['p99']")" \
        "$(python3 -c "print(f'{($after - $before) / $ticks / $seconds * 100:.0f}')")" \
        "$(bench_field "fast-$name" "sum(errors.values())")+$(bench_field "real-$name" "sum(errors.values())")"
}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "== ${seconds} s per run; fast: 50 drivers as fast as possible; real: 200 drivers at 60 Hz (CPU: server, real-time run)"
printf "%-6s %3s %10s %9s %9s %9s %9s %7s %7s\n" ratio run "fast msg/s" "fast p50" "fast p99" "real p50" "real p99" "CPU %" errors
for repeat in $(seq 1 "$repeats"); do
    for mode in off 1 0.01; do run_mode "$mode" "$repeat"; done
done
kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true
echo "== spans received by the sink: $(cat "$work/sink.txt"); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
