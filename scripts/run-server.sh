#!/usr/bin/env bash
# Sets up and runs the server on its embedded defaults: SQLite in ./data, the shipped reference
# laps in ReferenceLaps/, and config/trailbrake.toml. On the first run it creates a driver and
# prints that driver's token. Safe to run again (the database and token are kept).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-system-deps.sh
swift build -c release --product trailbrake
exec .build/release/trailbrake serve --config config/trailbrake.toml "$@"
