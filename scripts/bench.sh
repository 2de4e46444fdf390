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
echo "== the same with the lap in progress packed, as the server runs it"
for run in 1 2 3; do "$bench" coaching --packed-laps; done

echo "== lap storage"
"$bench" storage --laps 200 --runs 3

echo "== voice clips (synthesis + encode of new phrases, cache hits, cache memory)"
"$bench" voice

echo "== the lap page (5,000-frame lap: decode, grid, render, gzip; size with gzip)"
for run in 1 2 3; do "$bench" web; done

echo "== coaching state per driver (the server end to end: scripts/bench-memory.sh)"
"$bench" memory --drivers 300
