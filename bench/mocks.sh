# Sourced by the benchmarks: a work directory, and `monitor mock-server`s, all gone when the benchmark exits.
work="$(mktemp -d)"
mocks=()
stop_mocks() {
  for pid in "${mocks[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap stop_mocks EXIT

# serve_mock PORT COMMAND...: runs COMMAND (a `monitor mock-server` with its options) on 127.0.0.1:PORT and returns
# once it says it listens; it is stopped when the benchmark exits.
serve_mock() {
  local port="$1"
  shift
  "$@" --host 127.0.0.1 --port "$port" 2>"$work/mock-$port.log" >/dev/null &
  mocks+=($!)
  for _ in $(seq 200); do
    # -s: the log may not exist yet, until the mock's shell has opened it.
    grep -qs "listening on" "$work/mock-$port.log" && return 0
    sleep 0.1
  done
  echo "bench: the mock on port $port did not start:" >&2
  cat "$work/mock-$port.log" >&2
  exit 3
}

# start_mock PORT SERVERS LATENCY-MS COMMAND...: serves the mock cluster API with COMMAND (a monitor), each server's
# figures fixed by --seed.
start_mock() {
  local port="$1" servers="$2" latency="$3"
  shift 3
  serve_mock "$port" "$@" mock-server --servers "$servers" --latency-ms "$latency" --seed 1
}
