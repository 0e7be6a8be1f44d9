#!/bin/bash
# validate, enablement and check under an address-space limit (as containers
# impose) over the fuzz corpora, the committed fuzz crashes, the bad-input
# fixtures and inputs built to exhaust memory: no signal (an abort is 134, a
# segfault 139), every exit status 0, 1 or 2.
#   memory_pressure.sh SMSREG SOURCE_DIR [KIB]
set -u
cli=$1
src=$2
kib=${3:-262144}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# Runs the CLI under the limit; any status other than 0, 1, 2 is a failure.
run() {
  local what=$1
  shift
  (ulimit -v "$kib" && exec "$cli" "$@") >"$work/out" 2>"$work/err" </dev/null
  local status=$?
  if [ "$status" -gt 2 ]; then
    echo "FAIL ($status): $what: smsreg $*" >&2
    tail -c 400 "$work/err" >&2
    failures=$((failures + 1))
  fi
  runs=$((runs + 1))
}
runs=0

# Inputs that need far more memory than the limit allows once parsed: a
# 1 MiB document of empty arrays (about 28 bytes of DOM per input byte) and a
# 64 MiB enablement export of the same, both nested and flat.
{ printf '{"brand":['; head -c 524000 /dev/zero | tr '\0' 'x' | sed 's/x/[],/g'; printf '[]]}'; } >"$work/flat-1m.json"
{ printf '{"users":['; for _ in $(seq 1 64); do head -c 524000 /dev/zero | tr '\0' 'x' | sed 's/x/[],/g'; done; printf '[]]}'; } >"$work/flat-64m.json"
{ printf '{"events":['; for _ in $(seq 1 8); do head -c 100000 /dev/zero | tr '\0' 'x' | sed 's/x/{"at":"2026-11-20T08:00:00Z","type":"SMS_ENABLED","number":"+14155550123"},/g'; done; printf '{}]}'; } >"$work/events.json"
run "1 MiB of empty arrays" validate "$work/flat-1m.json"
run "1 MiB of empty arrays" check --schema "$src/tests/fixtures/check/person.schema.json" "$work/flat-1m.json"
run "64 MiB of empty arrays" enablement "$work/flat-64m.json"
run "64 MiB of events" enablement "$work/events.json"
run "64 MiB of events, JSON" enablement --format json "$work/events.json"

for dir in "$src/fuzz/corpus/fuzz_validate" "$src/tests/fuzz-crashes/fuzz_validate" "$src/tests/fixtures/registration/invalid"; do
  [ -d "$dir" ] || continue
  run "$dir" validate "$dir"/*
  run "$dir" validate --format json "$dir"/*
  run "$dir" check --schema "$src/tests/fixtures/check/person.schema.json" "$dir"/*
done
for dir in "$src/fuzz/corpus/fuzz_enablement"; do
  run "$dir" enablement "$dir"/*
  run "$dir" enablement --format json "$dir"/*
done
for scenario in "$src"/tests/fixtures/enablement/bad-*.json; do
  run "$scenario" enablement "$scenario"
done
for file in "$src"/fuzz/corpus/fuzz_schema/* "$src"/tests/fuzz-crashes/fuzz_schema/*; do
  sed '/^---$/,$d' "$file" >"$work/schema.json"
  sed '1,/^---$/d' "$file" >"$work/instance.json"
  run "$file" check --schema "$work/schema.json" "$work/instance.json"
done
for file in "$src"/fuzz/corpus/fuzz_rules_file/*; do
  run "$file" validate --rules "$file" "$src/examples/registration-us.json"
done

echo "$runs runs under ulimit -v $kib, $failures with a signal or another status"
[ "$failures" -eq 0 ]
