#!/usr/bin/env bash
# `monitor serve` (issue 15) against a mock of 10,000 servers: what a scrape of /metrics costs (wrk, one
# connection, so each latency is one scrape's; the median of its distribution), with and without --per-server,
# and whether its RSS stays flat over FETCHES fetches (--interval 1s; VmRSS after the first fetch and after the
# last, each fetch seen as a new monitor_last_successful_fetch_timestamp_seconds).
#
#   ./mvnw package -DskipTests && bench/serve.sh     # FETCHES (100), WRK_SECONDS (10), PORT_BASE (24400)
#
# Needs wrk (installed from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

FETCHES=${FETCHES:-100}
WRK_SECONDS=${WRK_SECONDS:-10}
PORT_BASE=${PORT_BASE:-24400}
MONITOR=${MONITOR:-target/monitor}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x "$MONITOR" ] || { echo "bench/serve.sh: build first with ./mvnw package" >&2; exit 3; }

. bench/mocks.sh
export XDG_CACHE_HOME="$work/cache"
mock=$PORT_BASE
start_mock "$mock" 10000 0 "$MONITOR"

# start_serve LISTEN-PORT ARGS...: monitor serve on the mock, once /-/ready says a first fetch is complete.
start_serve() {
  local listen="$1"
  shift
  "$MONITOR" serve --port "$mock" --listen "127.0.0.1:$listen" --snapshot "$work/serve-$listen.json" "$@" \
    2>"$work/serve-$listen.log" >/dev/null &
  mocks+=($!)
  serve_pid=$!
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$listen/-/ready")" = 200 ] && return 0
    sleep 0.1
  done
  echo "bench/serve.sh: serve on $listen was not ready in a minute:" >&2
  cat "$work/serve-$listen.log" >&2
  exit 3
}

# The median latency of wrk's one connection on /metrics, and its scrapes per second.
scrape_cost() { # listen-port
  local out
  out=$(wrk -t1 -c1 -d"${WRK_SECONDS}s" --latency "http://127.0.0.1:$1/metrics")
  echo "$(awk '$1 == "50%" { print $2 }' <<<"$out") median, $(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")/s"
}

bytes() { curl -s "http://127.0.0.1:$1/metrics" | wc -c; }

start_serve $((PORT_BASE + 1)) --interval 30s
aggregate="$(scrape_cost $((PORT_BASE + 1))), $(bytes $((PORT_BASE + 1))) bytes"
start_serve $((PORT_BASE + 2)) --interval 30s --per-server
per_server="$(scrape_cost $((PORT_BASE + 2))), $(bytes $((PORT_BASE + 2))) bytes"

# RSS over FETCHES fetches, each a fetch of every one of the 10,000 servers.
listen=$((PORT_BASE + 3))
start_serve "$listen" --interval 1s
rss() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$serve_pid/status"; }
fetched_at() { curl -s "http://127.0.0.1:$listen/metrics" | awk '/^monitor_last_successful_fetch_timestamp_seconds / { print $2 }'; }
seen=$(fetched_at)
first=$(rss)
fetches=1
started=$(date +%s)
while [ "$fetches" -lt "$FETCHES" ]; do
  sleep 0.2
  now=$(fetched_at)
  if [ "$now" != "$seen" ]; then
    seen=$now
    fetches=$((fetches + 1))
    [ "$fetches" -ne 10 ] || tenth=$(rss)
  fi
done
last=$(rss)
took=$(($(date +%s) - started))

echo "$(date -u +%F), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo
echo "| measure | result | target |"
echo "|:---|---:|:---|"
echo "| scrape of /metrics, 10,000 servers | $aggregate | under 10 ms |"
echo "| scrape of /metrics, 10,000 servers, --per-server | $per_server | under 10 ms |"
echo "| RSS after fetch 1, 10, $FETCHES (${took} s) | $first, ${tenth:-?}, $last MiB ($(awk -v a="$first" -v b="$last" 'BEGIN { printf "%+.1f %%", (b - a) * 100 / a }')) | last within 10 % of first |"
