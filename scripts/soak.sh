#!/usr/bin/env bash
# Soak (docs/durability.md): a release server on a fresh database and `trailbrake-load run` with
# DRIVERS real-time drivers for SECONDS; every SOAK_INTERVAL seconds (default 30) the server's
# resident memory (VmRSS) and open file descriptors are sampled and printed. The verdict:
# after the warm-up (the first 20 % of the run, at least ramp-up + 150 s) resident memory stays
# within 5 % (max over min), the descriptors within max(5, 1 % of DRIVERS), and there is no
# error (none in the load report, no failed connection, no error in the server log, the server
# still running). Not part of CI.
#
#   scripts/soak.sh [DRIVERS] [SECONDS]       (default 500 3600: one hour)
#
# BENCH_BIN=DIR uses prebuilt binaries (scripts/lib/bench-server.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

drivers=${1:-500}
seconds=${2:-3600}
interval=${SOAK_INTERVAL:-30}
ramp_up=$(( seconds / 10 < 60 ? seconds / 10 : 60 ))
port=${BENCH_PORT:-18184}
source scripts/lib/bench-server.sh
bench_binaries trailbrake trailbrake-load
bench_start_server "$drivers" "$port"
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $drivers drivers for $seconds s, a sample every $interval s"

"$bin/trailbrake-load" run --server "ws://127.0.0.1:$port" --tokens-file "$work/tokens.txt" \
  --drivers "$drivers" --duration "$seconds" --ramp-up "$ramp_up" --report "$work/report.json" \
  > "$work/table.txt" 2> "$work/progress.txt" &
load_pid=$!

samples="$work/samples.tsv"
start=$(date +%s)
printf 'seconds\trss_kib\tfds\n' > "$samples"
echo "seconds  resident MiB  open fds"
while kill -0 "$load_pid" 2>/dev/null && kill -0 "$server_pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status")
  fds=$(find "/proc/$server_pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  elapsed=$(( $(date +%s) - start ))
  printf '%s\t%s\t%s\n' "$elapsed" "$rss" "$fds" >> "$samples"
  printf '%7d  %12.1f  %8d\n' "$elapsed" "$(echo "$rss" | awk '{ print $1 / 1024 }')" "$fds"
  sleep "$interval"
done
server_alive=yes
kill -0 "$server_pid" 2>/dev/null || server_alive=no
load_status=0
wait "$load_pid" || load_status=$?

server_errors=$(grep -ciE '"level":"(error|critical)"|\b(error|critical)\b' "$work/server.log" || true)
python3 - "$samples" "$work/report.json" "$seconds" "$ramp_up" "$drivers" "$server_alive" "$load_status" "$server_errors" <<'PY'
import csv, json, os, sys
samples_path, report_path, seconds, ramp_up, drivers, alive, load_status, server_errors = sys.argv[1:9]
seconds, ramp_up, drivers = int(seconds), int(ramp_up), int(drivers)
rows = [(int(r["seconds"]), int(r["rss_kib"]), int(r["fds"])) for r in csv.DictReader(open(samples_path), delimiter="\t")]
# Warm-up: a fifth of the run, and at least until every driver has stored its first lap (the
# default laps take about 100 s, joined up to 15 s before a line), which brings the database's
# page cache and the first laps' buffers in: a one-time step, not growth.
warm = max(seconds // 5, ramp_up + 150)
steady = [r for r in rows if r[0] >= warm]
problems = []
if len(steady) < 2:
    problems.append(f"only {len(steady)} samples after the {warm} s warm-up: run longer or sample more often")
else:
    rss = [r[1] for r in steady]
    fds = [r[2] for r in steady]
    growth = max(rss) / min(rss) - 1
    fd_spread = max(fds) - min(fds)
    fd_limit = max(5, drivers // 100)
    print(f"after the {warm} s warm-up ({len(steady)} samples): resident {min(rss)/1024:.1f} to {max(rss)/1024:.1f} MiB "
          f"({growth*100:.1f} %, limit 5 %), first {rss[0]/1024:.1f} MiB, last {rss[-1]/1024:.1f} MiB; "
          f"open fds {min(fds)} to {max(fds)} (spread {fd_spread}, limit {fd_limit})")
    if growth > 0.05:
        problems.append(f"resident memory varies by {growth*100:.1f} %")
    if fd_spread > fd_limit:
        problems.append(f"open file descriptors vary by {fd_spread}")
report = json.load(open(report_path)) if os.path.exists(report_path) else None
if report is None:
    problems.append(f"the load tool wrote no report (exit {load_status})")
else:
    totals = report["totals"]
    print(f"load: {report['drivers']} drivers, {report['duration_seconds']:.0f} s, laps stored {totals['laps']}, cues {totals['cues']}, "
          f"reconnects {report['reconnects']}, connect failures {totals['connect_failures']}, errors {report['errors'] or 'none'}, "
          f"cue latency p99 {report['cue_latency_ms']['p99']:.1f} ms")
    if report["errors"]:
        problems.append(f"protocol errors {report['errors']}")
    if totals["connect_failures"] or report["reconnects"]:
        problems.append(f"{totals['connect_failures']} failed connections, {report['reconnects']} reconnects")
if alive != "yes":
    problems.append("the server was not running at the end")
if int(load_status) != 0:
    problems.append(f"the load tool exited with {load_status}")
if int(server_errors) > 0:
    problems.append(f"{server_errors} error lines in the server log")
print("verdict: " + ("PASS: memory flat, descriptors flat, no error" if not problems else "FAIL: " + "; ".join(problems)))
sys.exit(1 if problems else 0)
PY
