#!/usr/bin/env bash
# Crash under load (docs/durability.md): a release server on a fresh database and
# `trailbrake-load run` with DRIVERS real-time drivers; in each round the server is killed with
# SIGKILL at a random moment in the middle of the round and started again on the same database
# while the drivers keep streaming (they reconnect, resume or start a new session). After each
# round every lap whose `lap` message ("stored": true) reached a driver must be in the database,
# and no lap may be stored twice (scripts/lib/check_stored_laps.py); the counts are printed
# per round. Not part of CI: it builds release binaries and takes both cores for its run.
#
#   scripts/crash-under-load.sh [DRIVERS] [ROUNDS] [SECONDS_PER_ROUND]   (default 300 5 240)
#
# A round must be long enough for laps to end both before and after the kill: the default
# source's lap (Brands Hatch GP, GT4) takes about 100 s and each driver joins up to 15 s
# before a line. BENCH_BIN=DIR uses prebuilt binaries (scripts/lib/bench-server.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

drivers=${1:-300}
rounds=${2:-5}
seconds=${3:-240}
port=${BENCH_PORT:-18183}
source scripts/lib/bench-server.sh
bench_binaries trailbrake trailbrake-load
bench_start_server "$drivers" "$port"
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $drivers drivers, $rounds rounds of $seconds s"

failed=0
results=()
for round in $(seq 1 "$rounds"); do
  # The kill falls between 45 % and 75 % of the round, when laps are ending all the time.
  kill_after=$(( seconds * (45 + RANDOM % 31) / 100 ))
  "$bin/trailbrake-load" run --server "ws://127.0.0.1:$port" --tokens-file "$work/tokens.txt" \
    --drivers "$drivers" --duration "$seconds" --ramp-up 10 --seed "$round" \
    --stored-laps "$work/stored-laps-$round.jsonl" --report "$work/report-$round.json" \
    > "$work/table-$round.txt" 2> "$work/progress-$round.txt" &
  load_pid=$!
  sleep "$kill_after"
  before=$(wc -l < "$work/stored-laps-$round.jsonl")
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  started=$(date +%s%N)
  bench_serve "$port"
  echo "round $round: killed the server at ${kill_after} s (after $before acknowledged laps this round);" \
    "serving again after $(( ($(date +%s%N) - started) / 1000000 )) ms"
  if ! wait "$load_pid"; then
    echo "round $round: the load tool failed:"
    tail -5 "$work/progress-$round.txt"
    failed=1
    continue
  fi
  set +e
  line=$(python3 scripts/lib/check_stored_laps.py "$round" "$work/trailbrake.sqlite" \
    "$work/stored-laps-$round.jsonl" "$work/report-$round.json")
  check=$?
  set -e
  echo "$line"
  results+=("$(echo "$line" | head -1)")
  [ "$check" -eq 0 ] || failed=1
done

echo
echo "== crash under load: $drivers drivers, $rounds rounds of $seconds s ($(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${results[@]}"
if grep -qiE '"level":"(error|critical)"|\berror\b' "$work/server.log"; then
  echo "server log errors:"
  grep -iE '"level":"(error|critical)"|\berror\b' "$work/server.log" | sort | uniq -c | sort -rn | head -10
fi
[ "$failed" -eq 0 ] && echo "verdict: every acknowledged lap is stored, none twice" || echo "verdict: FAILED (see above)"
exit "$failed"
