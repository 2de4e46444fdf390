#!/usr/bin/env bash
# The test command: installs what it needs, runs the lock-free ring's tests under the thread
# sanitizer (pure targets only, a small separate build), then builds everything (from scratch on
# a clean clone) and runs the whole test suite. It then reports the skipped tests with their
# reasons (scripts/skipped_tests.py, from Swift Testing's JSON event stream), and the test
# runs' own summaries close the output.
# Then scripts/api-conformance.sh checks a running server against docs/openapi.yaml
# (schemathesis).
# Exits non-zero when any test fails, when the API does not match its spec, when a test skips
# without saying why, or when
# ../shared/data is present and a test that needs it was skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-system-deps.sh
./scripts/install-python-deps.sh   # pyirsdk and gt-telem, the independent .ibt and GT7 readers the tests compare with
./scripts/install-browser-test-deps.sh   # headless Chromium for the listen page's browser test

# Build progress lines ("[12/900] Compiling ...") are dropped; diagnostics and test output stay.
quiet_build() { sed -u -E '/^\[[0-9]+\/[0-9]+\] /d'; }

echo "== thread sanitizer: the lock-free ring (pure targets only, separate build folder)"
# The core graph would rewrite Package.resolved without the other pins, and the full build
# would then resolve and compile everything again: use the pinned versions as they are.
pinned=()
[ -f Package.resolved ] && pinned=(--force-resolved-versions)
set +e
TRAILBRAKE_BUILD=core swift test --sanitize=thread --scratch-path .build-tsan "${pinned[@]}" --filter FrameRingTests 2>&1 | quiet_build
tsan=${PIPESTATUS[0]}
set -e
if [ "$tsan" -ne 0 ]; then
  echo "thread-sanitizer tests failed (exit $tsan)"
  exit "$tsan"
fi

# The whole suite, in two runs of one build. The pure suites (readers, coaching, storage, voice:
# CPU-bound, no sockets) run in parallel. The suites that start servers and fakes on loopback
# (the live server, iRacing, Discord, the load tool) run one test at a time: on a 2-core machine
# Swift's cooperative pool has two threads, and CPU-heavy tests beside them stall their
# timers and sockets for seconds, which made timing tests fail for no fault of the code.
# Each run has a time limit so a hang fails the command instead of blocking it.
pure='^(TelemetryTests|CoachingTests|ReferenceToolsTests|StorageTests|VoiceTests|SimTelemetryTests|ServerLoggingTests|EndurancePlannerTests|FrameRingTests|WebPagesTests)\.'
limit=${TRAILBRAKE_TEST_TIMEOUT:-1800}

echo "== swift build --build-tests"
set +e
swift build --build-tests 2>&1 | quiet_build
build=${PIPESTATUS[0]}
set -e
if [ "$build" -ne 0 ]; then
  echo "build failed (exit $build)"
  exit "$build"
fi

# Each run writes Swift Testing's event stream (which tests ran, were skipped and why) and
# keeps its output, whose last line is the run's own summary.
logs=.build/test-logs
rm -rf "$logs" && mkdir -p "$logs"
events=(--event-stream-version 0 --event-stream-output-path)
status=0
echo "== swift test: pure suites (in parallel)"
set +e
timeout "$limit" swift test --skip-build --filter "$pure" "${events[@]}" "$logs/pure.jsonl" 2>&1 | tee "$logs/pure.log"
first=${PIPESTATUS[0]}
echo "== swift test: server, iRacing, Discord and load-tool suites (one test at a time)"
timeout "$limit" swift test --skip-build --no-parallel --skip "$pure" "${events[@]}" "$logs/server.jsonl" 2>&1 | tee "$logs/server.log"
second=${PIPESTATUS[0]}
echo "== API conformance: the running server against docs/openapi.yaml (schemathesis)"
timeout 600 ./scripts/api-conformance.sh .build/debug 2>&1 | tee "$logs/api.log"
api=${PIPESTATUS[0]}
shared=${TRAILBRAKE_SHARED_DATA:-../shared/data}
data_flag=()
[ -d "$shared" ] && data_flag=(--shared-data-present)
python3 scripts/skipped_tests.py "${data_flag[@]}" "$logs/pure.jsonl" "$logs/server.jsonl"
skips=$?
set -e
[ "$first" -ne 0 ] && { echo "pure suites failed (exit $first; 124 = timed out)"; status=$first; }
[ "$second" -ne 0 ] && { echo "server suites failed (exit $second; 124 = timed out)"; status=$second; }
[ "$api" -ne 0 ] && { echo "API conformance failed (exit $api; 124 = timed out)"; status=$api; }
[ "$skips" -ne 0 ] && [ "$status" -eq 0 ] && { echo "tests were skipped that must run (list above)"; status=1; }
[ "$status" -ne 0 ] && echo "swift test failed"
grep -E '^api conformance: (passed|schemathesis found)' "$logs/api.log" | tail -1 || echo "(API conformance: no summary; exit status above)"
echo "== the two runs' summaries"
for run in pure server; do
  grep -E 'Test run with .* (passed|failed)' "$logs/$run.log" | tail -1 || echo "($run run: no summary; exit status above)"
done
exit "$status"
