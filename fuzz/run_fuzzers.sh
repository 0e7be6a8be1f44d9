#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time on a copy of its committed
# corpus, with its dictionary; prints each target's executions and the total,
# and fails on any crash, leak, timeout or out-of-memory.
# Targets run FUZZ_JOBS at a time (default: one per core): each libFuzzer
# process uses one core, so on CI's two cores this halves the wall time
# without taking a second from any target.
# usage: fuzz/run_fuzzers.sh BUILD_DIR SECONDS
set -euo pipefail
bin=$1
seconds=$2
jobs=${FUZZ_JOBS:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A dict=([fuzz_validate]=registration [fuzz_enablement]=enablement [fuzz_schema]=schema
                 [fuzz_rules_file]=rules_file [fuzz_differential]=registration)
targets=(fuzz_validate fuzz_enablement fuzz_schema fuzz_rules_file fuzz_differential)

# Runs one target; its exit status is libFuzzer's, and its status file says
# 0 or 1.
fuzz_one() {
  local target=$1
  mkdir -p "$work/$target" "$work/artifacts"
  cp "$here/corpus/$target/"* "$work/$target/"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$bin/$target" "$work/$target" -dict="$here/dict/${dict[$target]}.dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -artifact_prefix="$work/artifacts/$target-" -print_final_stats=1 >"$work/$target.log" 2>&1
}

running=0
for target in "${targets[@]}"; do
  if ((running >= jobs)); then
    wait -n || true
    running=$((running - 1))
  fi
  { fuzz_one "$target" && echo 0 || echo 1; } >"$work/$target.status" &
  running=$((running + 1))
done
wait || true

# Results in a fixed order, whatever order the targets finished in.
total=0
status=0
for target in "${targets[@]}"; do
  log="$work/$target.log"
  if [ "$(cat "$work/$target.status" 2>/dev/null || echo 1)" != 0 ]; then
    echo "FUZZ FAILURE in $target:"
    tail -n 60 "$log" || true
    for a in "$work/artifacts/$target-"*; do
      [ -f "$a" ] && { echo "--- $a (base64)"; base64 "$a" | head -c 4000; echo; }
    done
    status=1
    continue
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  echo "$target: $runs executions in ${seconds}s, no findings"
  total=$((total + runs))
done
echo "fuzzing: $total executions in total ($jobs at a time)"
exit $status
