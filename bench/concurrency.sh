#!/usr/bin/env bash
# The default concurrency (auto) against fixed ones, side by side, on the four servers of issue 18:
#
#   one-at-a-time  150 servers; one worker, HTTP/1.0, a backlog of 5 (Python's http.server, as small Python cluster APIs run)
#   fast 10k       10,000 servers behind 20 ms (the mock's event loop)
#   fast 1k        1,000 servers behind 20 ms
#   429 above 16   1,000 servers behind 20 ms that answer 429 at once to a request above 16 in flight
#
#   ./mvnw package && bench/concurrency.sh [--runs N] [--port-base P] [--export FILE.md]
#
# One hyperfine run per scenario (a warm-up, then --runs runs of each command, 5 by default; the median is
# taken): the default first, then each fixed --concurrency. "vs" is each median over the reference's: the best
# fixed concurrency, or the one the issue names (64 for 1k, 16 for 429 above 16). UNKNOWN counts the servers
# not fetched over every run of the command. The trace is one more run of the default with --verbose: how its
# limit moved. Every run is a fresh fetch (--refresh) of the whole cluster, start-up included.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
port_base=24200
export_md=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --port-base) port_base="$2"; shift 2 ;;
        --export) export_md="$2"; shift 2 ;;
        *) echo "bench/concurrency.sh: unknown argument $1" >&2; exit 3 ;;
    esac
done

for tool in hyperfine jq; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench/concurrency.sh: installing $tool" >&2
        apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
    fi
done
if [ ! -x target/monitor ]; then
    echo "bench/concurrency.sh: build first with ./mvnw package" >&2
    exit 3
fi

. bench/mocks.sh
export XDG_CACHE_HOME="$work"

# Starts `monitor mock-server` with the options, and waits until it listens.
start_mock() { # port options...
    local port=$1; shift
    serve_mock "$port" target/monitor mock-server "$@"
}

table=()
row() { table+=("$(printf '| %s | %s | %s | %s | %s | %s |' "$@")"); }

# One scenario: the default and each fixed concurrency under one hyperfine, then the default's trace.
scenario() { # name port reference(best|N) fixed...
    local name=$1 port=$2 reference=$3; shift 3
    local url="http://127.0.0.1:$port" labels=(auto "$@") commands=()
    for label in "${labels[@]}"; do
        local option=""
        [ "$label" = auto ] || option="--concurrency $label"
        # --min-healthy 0: the random figures never make the exit code fail the run; JSON, to count UNKNOWN.
        commands+=("target/monitor --url $url --refresh --min-healthy 0 -o json $option \
--snapshot $work/$port-$label.json >>$work/$port-$label.out")
    done
    echo "bench/concurrency.sh: $name ..." >&2
    hyperfine -i --style none --warmup 1 --runs "$runs" --export-json "$work/$port.json" "${commands[@]}" \
        >/dev/null 2>&1
    local medians=()
    mapfile -t medians < <(jq -r '.results[].median' "$work/$port.json")
    local stddevs=()
    mapfile -t stddevs < <(jq -r '.results[].stddev' "$work/$port.json")
    local best=1 i
    for ((i = 2; i < ${#labels[@]}; i++)); do
        if awk -v a="${medians[i]}" -v b="${medians[best]}" 'BEGIN { exit !(a < b) }'; then best=$i; fi
    done
    local ref=$best
    if [ "$reference" != best ]; then
        for ((i = 1; i < ${#labels[@]}; i++)); do [ "${labels[i]}" = "$reference" ] && ref=$i; done
    fi
    for ((i = 0; i < ${#labels[@]}; i++)); do
        local label="${labels[i]}" unknown note=""
        unknown=$(grep -c '"status" : "UNKNOWN"' "$work/$port-$label.out" || true)
        [ "$i" -eq "$best" ] && note=" (best fixed)"
        [ "$i" -eq "$ref" ] && [ "$ref" -ne "$best" ] && note=" (reference)"
        [ "$label" = auto ] && note=" (the default)"
        row "$name" "\`--concurrency $label\`$note" \
            "$(awk -v m="${medians[i]}" -v s="${stddevs[i]}" 'BEGIN { printf "%.0f ms ± %.0f", m * 1000, s * 1000 }')" \
            "$(awk -v m="${medians[i]}" -v r="${medians[ref]}" 'BEGIN { printf "%.2f x", m / r }')" \
            "$unknown" "$([ "$label" = auto ] && target/monitor --url "$url" --refresh --min-healthy 0 --verbose \
                --snapshot "$work/$port-trace.json" 2>&1 >/dev/null | sed -n 's/.* ms at concurrency auto (at most [0-9]*): //p')"
    done
}

echo "bench/concurrency.sh: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each" >&2
start_mock "$port_base" --servers 150 --workers 1 --backlog 5 --http10
start_mock $((port_base + 1)) --servers 10000 --latency-ms 20
start_mock $((port_base + 2)) --servers 1000 --latency-ms 20
start_mock $((port_base + 3)) --servers 1000 --latency-ms 20 --max-in-flight 16

scenario "one-at-a-time, HTTP/1.0, backlog 5, 150 servers" "$port_base" best 1 2 4 8 128
scenario "fast mock, 10,000 servers at 20 ms" $((port_base + 1)) best 64 128 256
scenario "fast mock, 1,000 servers at 20 ms" $((port_base + 2)) 64 16 64 256
scenario "429 above 16 in flight, 1,000 servers at 20 ms" $((port_base + 3)) 16 8 16 32

{
    echo "| scenario | command | median ± σ | vs reference | UNKNOWN (all runs) | the default's limit (one --verbose run) |"
    echo "|:---|:---|---:|---:|---:|:---|"
    printf '%s\n' "${table[@]}"
} | tee "${export_md:-/dev/null}"
echo "bench/concurrency.sh: load at the end $(cut -d' ' -f1-3 /proc/loadavg)" >&2
