#!/usr/bin/env bash
# Builds in release mode and runs the benchmarks recorded in docs/performance.md.
# Not part of the tests: it takes a few minutes and its numbers depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-system-deps.sh
swift build -c release --scratch-path .build-release --product trailbrake-bench
bench=.build-release/release/trailbrake-bench

echo "== coaching engine, server side per batch (3 runs)"
for run in 1 2 3; do "$bench" coaching; done

echo "== lap storage"
"$bench" storage --laps 200 --runs 3

echo "== voice clips (synthesis + encode of new phrases, cache hits, cache memory)"
"$bench" voice
