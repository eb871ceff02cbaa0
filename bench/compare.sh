#!/usr/bin/env bash
# The start-up and fetch targets of issue 17, side by side in one hyperfine run each: the build before (OLD, its
# target/monitor), this build (target/monitor) and, for the fetches, the seed's client (bench/seed_client.py), all
# against the same `monitor mock-server`s.
#
#   git worktree add --detach ../monitor-old <commit> && (cd ../monitor-old && ./mvnw package -DskipTests)
#   ./mvnw package -DskipTests
#   OLD=../monitor-old/target/monitor bench/compare.sh [--runs N] [--export FILE.md] [--force]
#
# Timings are wall time: on a machine with a load average of 3 or more the script stops unless --force is given.
# Needs hyperfine, jq, python3 with requests and pandas (installed from Debian when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
export_md=""
force=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --export) export_md="$2"; shift 2 ;;
    --force) force=true; shift ;;
    *) echo "bench/compare.sh: unknown argument $1" >&2; exit 3 ;;
  esac
done
new=target/monitor
old="${OLD:-}"
if [ -z "$old" ] || [ ! -x "$old" ] || [ ! -x "$new" ]; then
  echo "bench/compare.sh: set OLD to the target/monitor of the build to compare with, and build this one first" >&2
  exit 3
fi
load="$(cut -d' ' -f1 /proc/loadavg)"
if ! $force && awk -v l="$load" 'BEGIN { exit !(l >= 3) }'; then
  echo "bench/compare.sh: load average $load on $(nproc) cores: wall times would measure the machine, not the code;" \
    "run it on a quiet machine (or give --force)" >&2
  exit 3
fi

need() { # command debian-package
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "bench/compare.sh: installing $2" >&2
    apt-get install -y -qq "$2" >/dev/null
  fi
}
need hyperfine hyperfine
need jq jq
# The seed's client needs requests and pandas: the python3 on PATH if it has them, else Debian's, with Debian's.
python=python3
if ! "$python" -c 'import requests, pandas' 2>/dev/null; then
  python=/usr/bin/python3
  "$python" -c 'import requests, pandas' 2>/dev/null || apt-get install -y -qq python3-requests python3-pandas >/dev/null
fi

. bench/mocks.sh
export XDG_CACHE_HOME="$work/cache"
port150=24150
port1k=24151
start_mock "$port150" 150 0 "$new"
start_mock "$port1k" 1000 20 "$new"

# hyperfine name command ...: one scenario, every command side by side, its results in $work/NAME.json.
bench() {
  local name="$1"; shift
  hyperfine --warmup 1 --runs "$runs" --ignore-failure --style basic --export-json "$work/$name.json" "$@" >&2
}
median() { jq -r --arg c "$2" '.results[] | select(.command == $c) | .median' "$work/$1.json"; }

# The snapshots the start-up rows answer from, fresh for the whole run.
for build in old new; do
  cmd="$old"; [ "$build" = new ] && cmd="$new"
  "$cmd" --port "$port150" --snapshot "$work/$build-150.json" >/dev/null 2>&1 || true
  "$cmd" --port "$port1k" --concurrency 64 --snapshot "$work/$build-1k.json" >/dev/null 2>&1 || true
done

report="--port $port150 --max-age 1h --unhealthyservices"
bench version -n "old --version" "$old --version" -n "new --version" "$new --version"
bench report -n "old report" "$old $report --snapshot $work/old-150.json" \
  -n "new report" "$new $report --snapshot $work/new-150.json"
bench fetch150 \
  -n "old fetch 150" "$old --port $port150 --refresh --snapshot $work/old-f150.json" \
  -n "new fetch 150" "$new --port $port150 --refresh --snapshot $work/new-f150.json" \
  --prepare "rm -f $work/seed-150.json" \
  -n "seed fetch 150" "SEED_DATA_JSON=$work/seed-150.json $python bench/seed_client.py --port $port150 --unhealthyservices"
bench fetch1k \
  -n "new start-up 1k" "$new --port $port1k --concurrency 64 --max-age 1h --snapshot $work/new-1k.json" \
  -n "old fetch 1k" "$old --port $port1k --concurrency 64 --refresh --snapshot $work/old-f1k.json" \
  -n "new fetch 1k" "$new --port $port1k --concurrency 64 --refresh --snapshot $work/new-f1k.json" \
  --prepare "rm -f $work/seed-1k.json" \
  -n "seed fetch 1k" "SEED_DATA_JSON=$work/seed-1k.json $python bench/seed_client.py --port $port1k --unhealthyservices"

ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "met" : "not met") }'; }
v_old=$(median version "old --version"); v_new=$(median version "new --version")
r_old=$(median report "old report"); r_new=$(median report "new report")
f_old=$(median fetch150 "old fetch 150"); f_new=$(median fetch150 "new fetch 150"); f_seed=$(median fetch150 "seed fetch 150")
k_start=$(median fetch1k "new start-up 1k"); k_old=$(median fetch1k "old fetch 1k"); k_new=$(median fetch1k "new fetch 1k")
k_seed=$(median fetch1k "seed fetch 1k")
bound=$(awk 'BEGIN { print 1000 * 0.020 / 64 }')
k_target=$(awk -v s="$k_start" -v b="$bound" 'BEGIN { print s + 1.5 * b }')
summary="$(cat <<EOF
| scenario | old | new | seed | measure | target | |
|:---|---:|---:|---:|---:|---:|:---|
| \`--version\` | $(ms "$v_old") | $(ms "$v_new") | | new / old $(ratio "$v_new" "$v_old") | <= 0.60 | $(verdict "$(ratio "$v_new" "$v_old")" 0.6) |
| report from a fresh snapshot, 150 servers, \`--max-age 1h\` | $(ms "$r_old") | $(ms "$r_new") | | new / old $(ratio "$r_new" "$r_old") | <= 0.60 | $(verdict "$(ratio "$r_new" "$r_old")" 0.6) |
| fresh fetch, 150 servers, no latency | $(ms "$f_old") | $(ms "$f_new") | $(ms "$f_seed") | new / old $(ratio "$f_new" "$f_old") | <= 0.60 | $(verdict "$(ratio "$f_new" "$f_old")" 0.6) |
| the same | | | | new / seed $(ratio "$f_new" "$f_seed") | <= 0.50 | $(verdict "$(ratio "$f_new" "$f_seed")" 0.5) |
| fresh fetch, 1,000 servers, 20 ms, \`--concurrency 64\` | $(ms "$k_old") | $(ms "$k_new") | $(ms "$k_seed") | new $(ms "$k_new") | start-up $(ms "$k_start") + 1.5 x bound $(ms "$bound") = $(ms "$k_target") | $(verdict "$k_new" "$k_target") |
EOF
)"
echo
echo "$(nproc) cores, load average $load at the start, $runs runs each (medians), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "$summary"
[ -n "$export_md" ] && echo "$summary" > "$export_md"
exit 0
