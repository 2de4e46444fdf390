# Shared by the load benchmarks (bench-load.sh, bench-memory.sh); source it, then call
# `bench_binaries PRODUCT...` and `bench_start_server DRIVERS PORT [VAR=value...]` (then
# `bench_serve PORT [VAR=value...]` restarts the server on the same database).
# Afterwards: $bin (the binaries), $work (a temp directory deleted on exit, holding
# tokens.txt and server.log) and $server_pid (stopped on exit).

# Builds the release products, or uses BENCH_BIN=DIR (prebuilt binaries, e.g. a copy of an
# older build, to compare before and after back to back). BENCH_BUILD=debug uses the debug
# build in .build (only when no release build can be made in time; not the budgets' numbers).
bench_binaries() {
    if [ -n "${BENCH_BIN:-}" ]; then
        bin=$BENCH_BIN
    elif [ "${BENCH_BUILD:-release}" = debug ]; then
        for product in "$@"; do swift build --product "$product"; done
        bin=.build/debug
    else
        for product in "$@"; do swift build -c release --scratch-path .build-release --product "$product"; done
        bin=.build-release/release
    fi
}

# Makes DRIVERS tokens and starts `trailbrake serve` on a fresh database at PORT, with the extra
# environment given, log level warning and no start-up voice pre-render (it would take a core
# away from the first runs); returns once /api/v1/health answers.
bench_start_server() {
    local drivers=$1 port=$2
    shift 2
    work=$(mktemp -d)
    server_pid=""
    trap bench_cleanup EXIT
    ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
    "$bin/trailbrake" token create --driver load --count "$drivers" --data-dir "$work" > "$work/tokens.txt" 2>/dev/null
    bench_serve "$port" "$@"
}

# Starts `trailbrake serve` on $work's database at PORT (again, after a crash: the log is
# appended to), with the extra environment given; returns once /api/v1/health answers.
bench_serve() {
    local port=$1
    shift
    env "$@" TRAILBRAKE_LOG_LEVEL=warning TRAILBRAKE_VOICE_PRERENDER=false \
        "$bin/trailbrake" serve --data-dir "$work" --port "$port" >> "$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" > /dev/null && break; sleep 0.2; done
}

# bench_load PORT NAME ARGS...: one `trailbrake-load run` against the server at PORT with the
# tokens made by bench_start_server; its JSON report in $work/NAME.json.
bench_load() {
    local port=$1 name=$2
    shift 2
    "$bin/trailbrake-load" run --server "ws://127.0.0.1:$port" --tokens-file "$work/tokens.txt" \
        --server-pid "$server_pid" --report "$work/$name.json" "$@" > "$work/$name.table" 2> "$work/$name.progress"
}

# bench_field NAME EXPR: EXPR (Python) over the keys of $work/NAME.json.
bench_field() { python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, r))" "$work/$1.json" "$2"; }

# The server's CPU time so far, in clock ticks (user + system, from /proc/PID/stat).
bench_cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

bench_cleanup() {
    if [ -n "${server_pid:-}" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "${work:?}"
}
