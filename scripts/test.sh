#!/usr/bin/env bash
# The test command: installs what it needs, runs the lock-free ring's tests under the thread
# sanitizer (pure targets only, a small separate build), then builds everything (from scratch on
# a clean clone) and runs the whole test suite, whose summary closes the output.
# Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-system-deps.sh
./scripts/install-python-deps.sh   # pyirsdk, the independent .ibt reader the tests compare with

# Build progress lines ("[12/900] Compiling ...") are dropped; diagnostics and test output stay.
quiet_build() { sed -u -E '/^\[[0-9]+\/[0-9]+\] /d'; }

echo "== thread sanitizer: the lock-free ring (pure targets only, separate build folder)"
set +e
TRAILBRAKE_BUILD=core swift test --sanitize=thread --scratch-path .build-tsan --filter Ring 2>&1 | quiet_build
tsan=${PIPESTATUS[0]}
set -e
if [ "$tsan" -ne 0 ]; then
  echo "thread-sanitizer tests failed (exit $tsan)"
  exit "$tsan"
fi

echo "== swift test (all targets)"
set +e
swift test 2>&1 | quiet_build
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "swift test failed (exit $status)"
  exit "$status"
fi
