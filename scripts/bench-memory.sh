#!/usr/bin/env bash
# Memory per driver (docs/performance.md, "Memory per driver"): a release server on a fresh
# database and `trailbrake-load run` with N real-time drivers for S seconds (long enough that
# every driver has a lap well under way when memory is read, at 80 % of the run), then the
# in-process breakdown of the coaching state (`trailbrake-bench memory`).
# Not part of `swift test`. Usage: scripts/bench-memory.sh [DRIVERS] [SECONDS] (default 300 100).
# BENCH_BIN=DIR uses already-built binaries from DIR instead of building (e.g. an older build).
set -euo pipefail
cd "$(dirname "$0")/.."

drivers=${1:-300}
seconds=${2:-100}
port=${BENCH_PORT:-18182}
source scripts/lib/bench-server.sh
bench_binaries trailbrake trailbrake-load trailbrake-bench
bench_start_server "$drivers" "$port"

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
"$bin/trailbrake-load" run --server "ws://127.0.0.1:$port" --tokens-file "$work/tokens.txt" \
    --server-pid "$server_pid" --drivers "$drivers" --duration "$seconds" --ramp-up 5 \
    --report "$work/report.json" > "$work/table" 2> /dev/null
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m = r.get("memory") or {}
t = r["totals"]
print(f"drivers {r['drivers']}, {r['duration_seconds']:.0f} s, laps stored {t['laps']}, errors {r['errors'] or 'none'}")
if m:
    print(f"resident idle {m['resident_bytes_before']/1048576:.1f} MiB, loaded {m['resident_bytes_loaded']/1048576:.1f} MiB"
          f" ({m['source']}): {m['bytes_per_driver']/1024:.1f} KiB per driver")
    # Issue 15's budget, read at 80 % of the run: with the default 100 s, late in a driver's
    # first lap (bench-load.sh reads it at most 15 s into a session).
    kib = m['bytes_per_driver'] / 1024
    into = 0.8 * r['duration_seconds']
    print(f"budget  memory per driver, {into:.0f} s into the run: {kib:.0f} KiB  <= 64 KiB  {'met' if kib <= 64 else 'missed'}")
PY
grep -E '^(VmRSS|VmHWM|RssAnon)' "/proc/$server_pid/status" | tr -s ' ' | sed 's/^/after the run: /'
if [ -x "$bin/trailbrake-bench" ]; then
    # The server's ring (16 slots) and, as the server does with its data directory, the lap
    # in progress spooled to disk.
    mkdir -p "$work/bench-spool"
    "$bin/trailbrake-bench" memory --drivers "$drivers" --ring-capacity 16 --spool-directory "$work/bench-spool"
fi
