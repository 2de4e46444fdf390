#!/usr/bin/env bash
# Fuzzes the readers of outside input with libFuzzer (docs/fuzzing.md).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#
# Builds the fuzz targets (TRAILBRAKE_BUILD=fuzz: release, libFuzzer and AddressSanitizer, in
# .build-fuzz; never part of the normal build), fills each target's corpus in Fuzz/corpus/TARGET
# (git-ignored) from ../shared/data, the shipped files and Fuzz/seeds, then runs the targets one
# after the other at the lowest CPU priority (one core at a time) and prints executions, speed,
# new corpus entries and findings per target. A finding (crash-*, timeout-*, oom-*, leak-*) is
# kept in Fuzz/findings/TARGET with the run's log; the script then exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(
  fuzz-binary-batch fuzz-client-message fuzz-voice-clip fuzz-ibt fuzz-session-info fuzz-lap-csv
  fuzz-lap-export fuzz-track-geometry fuzz-reference-lap fuzz-track-map fuzz-ogg fuzz-sim-telemetry
)
# Targets that make their own seeds (LLVMFuzzerInitialize with TRAILBRAKE_FUZZ_SEEDS_OUT).
seed_makers=" fuzz-binary-batch fuzz-client-message fuzz-voice-clip fuzz-reference-lap fuzz-ogg fuzz-sim-telemetry "

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "unknown target $target (known: ${all_targets[*]})"; exit 2; }
done

# Largest input per target: one message or file of the size that matters, so mutations stay fast.
max_len() {
  case "$1" in
    fuzz-binary-batch) echo 8180 ;;   # 20-byte header + 120 frames of 68 bytes
    fuzz-voice-clip) echo 4096 ;;
    fuzz-ibt) echo 131072 ;;          # headers, variable table, session YAML and some rows
    fuzz-track-map) echo 16384 ;;
    fuzz-ogg) echo 16384 ;;
    fuzz-sim-telemetry) echo 16384 ;;   # about 40 datagrams of one sim
    *) echo 65536 ;;
  esac
}

shared=${TRAILBRAKE_SHARED_DATA:-../shared/data}
bin=.build-fuzz/release
# Leak checking is off: the Swift runtime keeps metadata caches and Foundation its current
# directory alive for the process's lifetime, which LeakSanitizer reports at exit. Memory
# errors (out-of-bounds reads and writes, use after free) are still caught; allocation stacks
# are not recorded (a fifth faster): rerun a finding with ASAN_OPTIONS=detect_leaks=0 for them.
# Swift's own backtracer is off so that libFuzzer reports the crash and writes its input.
export ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 SWIFT_BACKTRACE=enable=no

echo "== building the fuzz targets (.build-fuzz, release, -sanitize=fuzzer,address)"
# The smaller package graph would rewrite Package.resolved without the other pins (and every
# later build would then resolve and compile again): build from the pinned versions as they are.
pinned=()
[ -f Package.resolved ] && pinned=(--force-resolved-versions)
set +e
# swiftc keeps only the last -sanitize= it is given, and SwiftPM passes one per --sanitize: without
# the combined flag last, Swift code would get AddressSanitizer but no coverage, and libFuzzer would
# mutate blindly. The two --sanitize flags still reach clang (C targets) and the link.
TRAILBRAKE_BUILD=fuzz nice -n 19 swift build -c release --sanitize=fuzzer --sanitize=address \
  -Xswiftc -sanitize=fuzzer,address --scratch-path .build-fuzz "${pinned[@]}" 2>&1 \
  | sed -u -E -e '/^\[[0-9]+\/[0-9]+\] /d' -e "/ld.gold: warning: Cannot export local symbol '__asan_extra_spill_area'/d"
build=${PIPESTATUS[0]}
set -e
[ "$build" -eq 0 ] || { echo "fuzz build failed (exit $build)"; exit "$build"; }
# Coverage counters in the Swift code, or the runs would be worth nothing.
sections=$(readelf -SW "$bin/Telemetry.build/BinaryFrameBatchCodec.swift.o")
if [[ "$sections" != *__sancov_cntrs* ]]; then
  echo "the Swift code was built without coverage instrumentation (no __sancov_cntrs)"; exit 3
fi

echo "== seed corpora (Fuzz/corpus)"
python3 scripts/fuzz_seeds.py "$shared" Fuzz/corpus "${targets[@]}"
for target in "${targets[@]}"; do
  # Made once: the corpus keeps them (delete Fuzz/corpus/TARGET to make them again).
  if [[ "$seed_makers" == *" $target "* ]] && ! compgen -G "Fuzz/corpus/$target/made-*" > /dev/null; then
    TRAILBRAKE_FUZZ_SEEDS_OUT="Fuzz/corpus/$target" TRAILBRAKE_SHARED_DATA="$shared" TRAILBRAKE_PACKAGE_ROOT="$PWD" \
      "$bin/$target" | sed "s/^/$target: /"
  fi
done

scratch=$(mktemp -d "${TMPDIR:-/dev/shm}/trailbrake-fuzz.XXXXXX" 2>/dev/null || mktemp -d)
trap 'rm -rf "$scratch"' EXIT
summary=()
found=0
total_runs=0
for target in "${targets[@]}"; do
  findings="Fuzz/findings/$target"
  mkdir -p "$findings"
  log="$findings/last-run.log"
  before=$(find "$findings" -maxdepth 1 -name '*-*' ! -name 'last-run.log' ! -name 'slow-unit-*' | wc -l)
  echo "== $target: ${seconds} s (log: $log)"
  set +e
  TRAILBRAKE_FUZZ_SCRATCH="$scratch" \
    nice -n 19 "$bin/$target" "Fuzz/corpus/$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1
  status=$?
  set -e
  after=$(find "$findings" -maxdepth 1 -name '*-*' ! -name 'last-run.log' ! -name 'slow-unit-*' | wc -l)
  stat() { awk -v key="stat::$1:" '$1 == key { print $2 }' "$log" | tail -1; }
  runs=$(stat number_of_executed_units)
  speed=$(stat average_exec_per_sec)
  added=$(stat new_units_added)
  total_runs=$((total_runs + ${runs:-0}))
  new=$((after - before))
  verdict="none"
  if [ "$new" -gt 0 ] || [ "$status" -ne 0 ]; then
    found=1
    verdict="$new new (exit $status): $(grep -m1 -E 'ERROR|Fatal error|deadly signal|out-of-memory|timeout' "$log" | cut -c1-100 || true)"
  fi
  summary+=("$(printf '%-22s %8s %14s %10s %9s  %s' "$target" "$seconds" "${runs:-?}" "${speed:-?}" "${added:-?}" "$verdict")")
done

echo
echo "== fuzzing summary ($(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-22s %8s %14s %10s %9s  %s\n' target seconds executions exec/s "new units" findings
printf '%s\n' "${summary[@]}"
echo "total executions: $total_runs"
exit "$found"
