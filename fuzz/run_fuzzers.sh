#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time on a copy of its committed
# corpus, with its dictionary; prints each target's executions and the total,
# and fails on any crash, leak, timeout or out-of-memory.
# usage: fuzz/run_fuzzers.sh BUILD_DIR SECONDS
set -euo pipefail
bin=$1
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A dict=([fuzz_validate]=registration [fuzz_enablement]=enablement [fuzz_schema]=schema
                 [fuzz_rules_file]=rules_file [fuzz_differential]=registration)
total=0
status=0
for target in fuzz_validate fuzz_enablement fuzz_schema fuzz_rules_file fuzz_differential; do
  mkdir -p "$work/$target" "$work/artifacts"
  cp "$here/corpus/$target/"* "$work/$target/"
  log="$work/$target.log"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
       "$bin/$target" "$work/$target" -dict="$here/dict/${dict[$target]}.dict" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
       -artifact_prefix="$work/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1; then
    echo "FUZZ FAILURE in $target:"
    tail -n 60 "$log"
    ls -l "$work/artifacts" || true
    for a in "$work/artifacts/"*; do [ -f "$a" ] && { echo "--- $a (base64)"; base64 "$a" | head -c 4000; echo; }; done
    status=1
    continue
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  echo "$target: $runs executions in ${seconds}s, no findings"
  total=$((total + runs))
done
echo "fuzzing: $total executions in total"
exit $status
