#!/usr/bin/env bash
# Start-up of the packaged command: target/monitor (the launcher with its trained start-up cache, or the
# native executable) against plain `java -jar target/quarkus-app/quarkus-run.jar`, side by side in one
# hyperfine run, for `--version` and for `--port P --unhealthyservices` on a fresh snapshot.
#
#   ./mvnw package && bench/startup.sh [--runs N] [--port P] [--breakdown] [--export FILE.md]
#
# --breakdown adds one row per JVM option of the launcher, each on top of the ones before, so the table
# shows what each contributes. Needs hyperfine (installed from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20
port=23080
breakdown=false
export_md=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --breakdown) breakdown=true; shift ;;
    --export) export_md="$2"; shift 2 ;;
    *) echo "bench/startup.sh: unknown argument $1" >&2; exit 3 ;;
  esac
done

for tool in hyperfine jq; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench/startup.sh: installing $tool" >&2
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done
if [ ! -x target/monitor ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "bench/startup.sh: build first with ./mvnw package" >&2
  exit 3
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=target/quarkus-app/quarkus-run.jar

# A private cache directory, so the snapshot is this run's own and stays fresh for the whole benchmark.
work="$(mktemp -d)"
export XDG_CACHE_HOME="$work" MONITOR_MAX_AGE=1h
target/monitor mock-server --host 127.0.0.1 --port "$port" --seed 1 2>"$work/mock.log" &
mock=$!
trap 'kill $mock 2>/dev/null; wait $mock 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$work/mock.log" && break
  sleep 0.1
done
grep -q "listening on" "$work/mock.log" || { cat "$work/mock.log" >&2; exit 3; }
target/monitor --port "$port" --unhealthyservices >/dev/null || [ $? -le 2 ]

commands=()
names=()
add() { names+=("$1"); commands+=("$2"); }
for args in "--version" "--port $port --unhealthyservices"; do
  add "java -jar quarkus-run.jar $args" "$java -jar $jar $args"
  if $breakdown; then
    options=""
    for option in -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData; do
      options="$options $option"
      add "java$options -jar quarkus-run.jar $args" "$java$options -jar $jar $args"
    done
    if [ -s target/monitor.aot ]; then
      add "java$options -XX:AOTCache=monitor.aot -jar quarkus-run.jar $args" \
        "$java$options -XX:AOTCache=target/monitor.aot -Xlog:disable -jar $jar $args"
    fi
  fi
  add "target/monitor $args" "target/monitor $args"
done

hyperfine_args=(-N --warmup 3 --runs "$runs" --ignore-failure --export-json "$work/startup.json")
for i in "${!commands[@]}"; do
  hyperfine_args+=(-n "${names[$i]}" "${commands[$i]}")
done
"$java" -version 2>&1 | head -n 1
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores (hyperfine runs are wall time: compare on a quiet machine)"
hyperfine "${hyperfine_args[@]}"

# Each row against plain `java -jar` with the same arguments: the median wall time (what the issue's
# target is stated in) and the CPU time, which a busy machine disturbs much less.
summary="$(jq -r '
  def args: sub("^.*(quarkus-run\\.jar|target/monitor) "; "");
  def ms: . * 1000 | round | tostring + " ms";
  def ratio: . * 100 | round / 100 | tostring + " x";
  (.results | map(select(.command | startswith("java -jar "))) | map({key: (.command | args), value: .})
    | from_entries) as $base
  | "| command | median | mean ± σ | CPU (user+sys) | median vs java -jar | CPU vs java -jar |",
    "|:---|---:|---:|---:|---:|---:|",
    (.results[] | . as $r | $base[$r.command | args] as $b
      | "| `\($r.command)` | \($r.median | ms) | \($r.mean | ms) ± \($r.stddev | ms) | \($r.user + $r.system | ms)"
        + " | \($r.median / $b.median | ratio) | \(($r.user + $r.system) / ($b.user + $b.system) | ratio) |")
' "$work/startup.json")"
echo
echo "$summary"
[ -n "$export_md" ] && echo "$summary" > "$export_md"
exit 0
