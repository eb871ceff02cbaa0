#!/usr/bin/env bash
# Peak memory of target/monitor (issue 17): a fetch of 10,000 and of 100,000 servers, each with and without
# JAVA_TOOL_OPTIONS=-XX:MaxRAM=128g (the JVM then sizes itself as on a 128 GiB host), peak RSS from GNU time.
# The 100k fetch prints every report as JSON as well, the most a run keeps alive; a run that fails (an
# OutOfMemoryError included) stops the script.
#
#   ./mvnw package -DskipTests && bench/memory.sh        # RUNS (3), PORT_BASE (24300), MONITOR (target/monitor)
#
# Peak RSS hardly depends on the machine's load, so it needs no quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT_BASE=${PORT_BASE:-24300}
MONITOR=${MONITOR:-target/monitor}
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
[ -x "$MONITOR" ] || { echo "bench/memory.sh: build first with ./mvnw package" >&2; exit 3; }

. bench/mocks.sh
export XDG_CACHE_HOME="$work/cache"

# The largest peak RSS (MiB) of RUNS fetches; any exit code above 2 (no data, an error) stops the script.
peak() { # port tool-options extra-args...
  local port="$1" tool="$2"; shift 2
  local most=0 rss status
  for _ in $(seq "$RUNS"); do
    status=0
    JAVA_TOOL_OPTIONS="$tool" /usr/bin/time -f %M -o "$work/rss" "$MONITOR" --port "$port" --refresh --quiet \
      --snapshot "$work/snapshot-$port.json" "$@" >/dev/null 2>"$work/err" || status=$?
    if [ "$status" -gt 2 ]; then
      echo "bench/memory.sh: the fetch from port $port [$tool] exited $status:" >&2
      grep -v '^Picked up' "$work/err" | head -5 >&2
      exit 3
    fi
    rss=$(( $(tail -n 1 "$work/rss") / 1024 ))
    [ "$rss" -le "$most" ] || most=$rss
  done
  echo "$most"
}

start_mock "$PORT_BASE" 10000 0 "$MONITOR"
start_mock "$((PORT_BASE + 1))" 100000 0 "$MONITOR"
big="-XX:MaxRAM=128g"
k10=$(peak "$PORT_BASE" "")
k10big=$(peak "$PORT_BASE" "$big")
k100=$(peak "$((PORT_BASE + 1))" "" --printservers --avg --unhealthyservices -o json)
k100big=$(peak "$((PORT_BASE + 1))" "$big" --printservers --avg --unhealthyservices -o json)

echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $RUNS runs each (largest peak RSS)"
echo
echo "| fetch | peak RSS | with JAVA_TOOL_OPTIONS=$big | difference | target |"
echo "|:---|---:|---:|---:|:---|"
echo "| 10,000 servers | $k10 MiB | $k10big MiB | $(awk -v a="$k10" -v b="$k10big" 'BEGIN { printf "%+.1f %%", (b - a) * 100 / a }') | within 10 % |"
echo "| 100,000 servers, every report as JSON | $k100 MiB | $k100big MiB | | under 300 MiB either way |"
