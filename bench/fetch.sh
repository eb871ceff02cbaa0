#!/usr/bin/env bash
# Fetch and memory benchmark of monitor against its own mock cluster API (issue 5).
#
# Run from the project root after `./mvnw package`:   bench/fetch.sh
# Prints one table: scenario, median wall time, rate, peak RSS, the physical bound, and the ratio to it.
# Every ratio is taken within this one run, because machines (and their load) differ.
#
# Environment: RUNS (default 5, the median is taken), PORT_BASE (24100: three mocks on PORT_BASE..+2),
# C_10K (256), C_1K (64), C_100K (the default --concurrency of application.properties; wrk, which needs a
# number, is given --max-concurrency's default when that is auto),
# WRK_SECONDS (5), MONITOR (the command to benchmark; default target/monitor if it exists, else the jar).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT_BASE=${PORT_BASE:-24100}
C_10K=${C_10K:-256}
C_1K=${C_1K:-64}
C_100K=${C_100K:-$(sed -n 's/^monitor\.concurrency=//p' src/main/resources/application.properties)}
WRK_C=$C_100K
if ! [[ $WRK_C =~ ^[0-9]+$ ]]; then WRK_C=$(sed -n 's/^monitor\.max-concurrency=//p' src/main/resources/application.properties); fi
WRK_SECONDS=${WRK_SECONDS:-5}
LATENCY_MS=20

need() {
    if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
        echo "bench: installing $2 (Debian package) for $1" >&2
        if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q "$2" >/dev/null; else sudo apt-get install -y -q "$2" >/dev/null; fi
    fi
}
need hyperfine hyperfine
need wrk wrk
need /usr/bin/time time

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PLAIN="$JAVA -jar target/quarkus-app/quarkus-run.jar"
if [ "$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" -lt 21 ]; then
    echo "bench: $JAVA is older than Java 21; set JAVA_HOME to a JDK 21 or newer" >&2
    exit 3
fi
if [ -z "${MONITOR:-}" ]; then
    if [ -x target/monitor ]; then MONITOR=target/monitor; else MONITOR=$PLAIN; fi
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "bench: target/quarkus-app/quarkus-run.jar is missing; run ./mvnw package first" >&2
    exit 3
fi

. bench/mocks.sh
WORK=$work

# Runs a command RUNS times under hyperfine and /usr/bin/time; sets MEDIAN (s) and RSS (MiB, the largest).
measure() { # name command...
    local name=$1; shift
    local rss="$WORK/$name.rss"
    : >"$rss"
    # -i: a run's exit code is its verdict (random figures may make it 1 or 2); only UNKNOWN is a failure.
    hyperfine -i --style none --runs "$RUNS" --export-csv "$WORK/$name.csv" \
        "/usr/bin/time -f %M -a -o $rss $* >/dev/null 2>>$WORK/$name.err" >/dev/null 2>&1
    if grep -q "UNKNOWN" "$WORK/$name.err"; then
        echo "bench: $name could not read the cluster:" >&2; grep UNKNOWN "$WORK/$name.err" | head -3 >&2; exit 3
    fi
    MEDIAN=$(awk -F, 'NR == 2 { print $4 }' "$WORK/$name.csv")
    RSS=$(sort -n "$rss" | tail -1 | awk '{ printf "%.0f", $1 / 1024 }')
}

ROWS=()
row() { # scenario median rate rss bound ratio
    ROWS+=("$(printf '%-58s %9s %12s %9s %9s %7s' "$@")")
}
fmt() { awk -v x="$1" 'BEGIN { printf "%.3f", x }'; }

# A fetch scenario: start-up from a fresh snapshot of the same size, then full fetches.
fetch_scenario() { # label port servers concurrency
    local label=$1 port=$2 servers=$3 c=$4
    local url="http://127.0.0.1:$port" snapshot="$WORK/snapshot-$port.json"
    $MONITOR --url "$url" --concurrency "$c" --snapshot "$snapshot" >/dev/null 2>&1 || true
    measure "startup-$port" $MONITOR --url "$url" --max-age 1h --snapshot "$snapshot"
    STARTUP=$MEDIAN
    row "$label: start-up (snapshot, --max-age 1h)" "$(fmt "$STARTUP")" "" "${RSS}MiB" "" ""
    measure "fetch-$port" $MONITOR --url "$url" --concurrency "$c" --refresh --snapshot "$snapshot"
    FETCH=$(awk -v t="$MEDIAN" -v s="$STARTUP" 'BEGIN { f = t - s; print (f > 0.001 ? f : 0.001) }')
    TOTAL=$MEDIAN
}

# When the launcher is benchmarked, the same fetch with a plain `java -jar` beside it: its JVM options
# (chosen for start-up) must not slow a long fetch by more than 10 %.
versus_plain_java() { # label port concurrency
    [ "$MONITOR" != "$PLAIN" ] || return 0
    local launcher=$TOTAL
    measure "plain-$2" $PLAIN --url "http://127.0.0.1:$2" --concurrency "$3" --refresh --snapshot "$WORK/plain-$2.json"
    row "$1: plain java -jar, same fetch" "$(fmt "$MEDIAN")" "" "${RSS}MiB" "$(fmt "$MEDIAN")" \
        "$(awk -v l="$launcher" -v p="$MEDIAN" 'BEGIN { printf "%.2f", l / p }')"
}

# The most connections to the mock open at once during one fetch: with keep-alive, about the concurrency.
connections_during_fetch() { # port concurrency
    $MONITOR --url "http://127.0.0.1:$1" --concurrency "$2" --refresh --snapshot "$WORK/ss-$1.json" >/dev/null 2>&1 &
    local pid=$! most=0 now
    while kill -0 "$pid" 2>/dev/null; do
        now=$(ss -Htn state established "( dport = :$1 )" | wc -l)
        [ "$now" -le "$most" ] || most=$now
        sleep 0.1
    done
    wait "$pid" || true
    echo "$most"
}

echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each, monitor = $MONITOR" >&2
start_mock $((PORT_BASE)) 10000 $LATENCY_MS $PLAIN
start_mock $((PORT_BASE + 1)) 1000 $LATENCY_MS $PLAIN
start_mock $((PORT_BASE + 2)) 100000 0 $PLAIN

# 1. Latency-bound: N x L / C is the least time any client needs.
bound=$(awk -v c="$C_10K" 'BEGIN { print 10000 * 0.020 / c }')
fetch_scenario "10k servers, 20ms, c=$C_10K" $((PORT_BASE)) 10000 "$C_10K"
row "10k servers, 20ms, c=$C_10K: fetch" "$(fmt "$TOTAL")" "$(awk -v f="$FETCH" 'BEGIN { printf "%.0f/s", 10000 / f }')" \
    "${RSS}MiB" "$(fmt "$bound")" "$(awk -v f="$FETCH" -v b="$bound" 'BEGIN { printf "%.2f", f / b }')"
versus_plain_java "10k servers, 20ms, c=$C_10K" $((PORT_BASE)) "$C_10K"
connections=$(connections_during_fetch $((PORT_BASE)) "$C_10K")

bound=$(awk -v c="$C_1K" 'BEGIN { print 1000 * 0.020 / c }')
fetch_scenario "1k servers, 20ms, c=$C_1K" $((PORT_BASE + 1)) 1000 "$C_1K"
row "1k servers, 20ms, c=$C_1K: fetch" "$(fmt "$TOTAL")" "$(awk -v f="$FETCH" 'BEGIN { printf "%.0f/s", 1000 / f }')" \
    "${RSS}MiB" "$(fmt "$bound")" "$(awk -v f="$FETCH" -v b="$bound" 'BEGIN { printf "%.2f", f / b }')"

# 2. CPU-bound: the bound is what wrk, a lean C client, gets from the same mock at the same concurrency.
fetch_scenario "100k servers, 0ms, c=$C_100K" $((PORT_BASE + 2)) 100000 "$C_100K"
client_rate=$(awk -v f="$FETCH" 'BEGIN { printf "%.0f", 100000 / f }')
threads=$(( WRK_C < 2 ? 1 : 2 ))
wrk_rate=$(wrk -t"$threads" -c"$WRK_C" -d"${WRK_SECONDS}s" -s bench/walk.lua "http://127.0.0.1:$((PORT_BASE + 2))" -- 100000 \
    | awk '/Requests\/sec/ { printf "%.0f", $2 }')
row "100k servers, 0ms, c=$C_100K: fetch" "$(fmt "$TOTAL")" "${client_rate}/s" "${RSS}MiB" "${wrk_rate}/s" \
    "$(awk -v c="$client_rate" -v w="$wrk_rate" 'BEGIN { printf "%.2f", c / w }')"
versus_plain_java "100k servers, 0ms, c=$C_100K" $((PORT_BASE + 2)) "$C_100K"
row "100k servers, 0ms: wrk -t$threads -c$WRK_C (the mock's rate)" "${WRK_SECONDS}.000" "${wrk_rate}/s" "" "" ""

printf '%-58s %9s %12s %9s %9s %7s\n' scenario "median s" rate "peak RSS" bound ratio
printf '%s\n' "${ROWS[@]}"
cat <<EOF

connections to the mock during one c=$C_10K fetch (ss, most at once): $connections

fetch ratio = (median fetch - median start-up) / (N x L / C), target <= 1.3
plain java  = launcher time / plain java -jar time for the same fetch, target <= 1.10
100k ratio  = client rate / wrk rate at the same concurrency, target >= 0.70; mock rate aim >= 30000/s
peak RSS    = largest of the runs (/usr/bin/time), target < 300 MiB at 100k
EOF
