#!/usr/bin/env bash
# The test suite's time (issue 16): `./mvnw -B verify` in a fresh clone of each commit, one after the other on
# this machine, with its wall time, CPU, lines printed and tests run. Run it from a terminal or a job with job
# control: a background job of a non-interactive shell starts with SIGINT ignored, and the tests that press Ctrl-C
# on monitor would then wait out their timeouts and fail.
#
#   bench/test-suite.sh [COMMIT ...]      # default: ae414b8 (before issue 16) and HEAD
#
# Needs what the tests need (see README's "Run the tests"; .ci/run installs it) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH" CI=true
commits=("$@")
[ ${#commits[@]} -gt 0 ] || commits=(ae414b8 HEAD)
repo="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "| commit | wall | CPU (user + sys) | lines printed | tests (JVM + packaged) | load at start / end |"
echo "| --- | ---: | ---: | ---: | --- | --- |"
for commit in "${commits[@]}"; do
  id="$(git -C "$repo" rev-parse --short "$commit")"
  git clone -q "$repo" "$work/$id"
  git -C "$work/$id" checkout -q "$id"
  load_start="$(cut -d' ' -f1 /proc/loadavg)"
  (cd "$work/$id" && /usr/bin/time -f '%e %U %S' -o "$work/$id.time" ./mvnw -B verify > "$work/$id.log" 2>&1) ||
    { echo "bench/test-suite.sh: ./mvnw verify failed at $id; its output:" >&2; tail -50 "$work/$id.log" >&2; exit 1; }
  read -r wall user sys < "$work/$id.time"
  tests="$(grep -E 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$work/$id.log" |
    sed -E 's/.*Tests run: ([0-9]+).*/\1/' | paste -sd+ -)"
  printf '| %s | %.0f s | %.0f s | %d | %s | %s / %s |\n' "$id" "$wall" "$(awk "BEGIN { print $user + $sys }")" \
    "$(wc -l < "$work/$id.log")" "$tests" "$load_start" "$(cut -d' ' -f1 /proc/loadavg)"
  rm -rf "${work:?}/$id"
done
