#!/usr/bin/env bash
# Checks the running server against docs/openapi.yaml with schemathesis (PyPI, installed into
# .build-py by scripts/install-python-deps.sh): a server on a scratch data directory with a
# driver token and stored laps (the load tool's demo, as fast as possible), then schemathesis
# on every operation of the spec with the checks below, a bounded number of examples each so
# the whole takes about a minute. Its summary is printed; any failure fails this script (and
# so scripts/test.sh).
#
#   scripts/api-conformance.sh [BUILD_DIR]     # default .build/debug (trailbrake, trailbrake-load)
#
# TRAILBRAKE_API_EXAMPLES sets the examples per operation (default 40).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-.build/debug}
examples=${TRAILBRAKE_API_EXAMPLES:-40}
schemathesis=.build-py/bin/schemathesis
for tool in "$bin/trailbrake" "$bin/trailbrake-load" "$schemathesis"; do
  [ -x "$tool" ] || { echo "api conformance: $tool is missing (build first; scripts/install-python-deps.sh)"; exit 1; }
done

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export TRAILBRAKE_SERVER_REFERENCE_DIR="$PWD/ReferenceLaps"
"$bin/trailbrake" token create --driver api-check --data-dir "$work/data" > "$work/token" 2>/dev/null
token=$(cat "$work/token")

"$bin/trailbrake" serve --data-dir "$work/data" --host 127.0.0.1 --port 0 2> "$work/server.log" &
server_pid=$!
base=
for _ in $(seq 1 300); do   # the log line that says where it listens; 30 s at most
  base=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$work/server.log" | head -1 | sed 's/listening on //') || true
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; echo "api conformance: the server did not start"; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { cat "$work/server.log"; echo "api conformance: the server did not say where it listens"; exit 1; }

# Stored laps, so that the lap, telemetry, report and comparison answers are checked too.
"$bin/trailbrake-load" stream --demo --as-fast-as-possible --server "$base" --token "$token" \
  --reference-dir "$PWD/ReferenceLaps" > "$work/stream.log" 2>&1 ||
  { tail -20 "$work/stream.log"; echo "api conformance: the demo stream failed"; exit 1; }
laps=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/sessions" | grep -c '"id"' || true)
[ "$laps" -ge 1 ] || { echo "api conformance: no session was stored"; exit 1; }

echo "api conformance: schemathesis on $base ($examples examples per operation)"
set +e
NO_COLOR=1 "$schemathesis" run docs/openapi.yaml --url "$base" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --max-examples "$examples" --seed 20261205 --workers 2 --request-timeout 10 \
  --report junit --report-junit-path "$work/junit.xml" --no-color 2>&1 | tee "$work/schemathesis.log"
status=${PIPESTATUS[0]}
set -e
if ! kill -0 "$server_pid" 2>/dev/null; then
  tail -30 "$work/server.log"; echo "api conformance: the server died during the run"; exit 1
fi
[ "$status" -eq 0 ] || { echo "api conformance: schemathesis found problems (exit $status)"; exit "$status"; }
echo "api conformance: passed"
