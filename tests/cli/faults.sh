#!/bin/bash
# CLI fault classes of issue 9, one case per ctest:
#   faults.sh SMSREG SOURCE_DIR CASE
# Each case fails (exit 1) with what it saw on stderr.
set -u
cli=$1
src=$2
case_name=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok=1
example=$src/examples/registration-us.json
schema=$src/tests/fixtures/check/person.schema.json
enable=$src/examples/enablement-number-changed.json

fail() {
  echo "FAIL: $*" >&2
  ok=0
}

# expect STATUS STDERR_TEXT -- command...: runs it (10 s at most), checks the
# exit status and that stderr contains the text ("" for any).
expect() {
  local want=$1 text=$2
  shift 3
  timeout 10 "$@" >"$work/out" 2>"$work/err"
  local status=$?
  if [ "$status" != "$want" ]; then
    fail "exit $status, expected $want: $*"
    head -c 600 "$work/err" >&2
  elif [ -n "$text" ] && ! grep -qF -- "$text" "$work/err"; then
    fail "stderr lacks \"$text\": $*"
    head -c 600 "$work/err" >&2
  fi
}

case $case_name in
limits)
  # -1 was "no limit", 0 refused nothing; both and absurd values are usage errors.
  for flag in --max-bytes --max-depth --max-string; do
    for value in -1 0 99999999999999999999 abc; do
      expect 2 "" -- "$cli" validate "$flag" "$value" "$example"
      expect 2 "" -- "$cli" enablement "$flag" "$value" "$enable"
      expect 2 "" -- "$cli" check --schema "$schema" "$flag" "$value" "$example"
    done
  done
  expect 2 "" -- "$cli" validate --max-depth 100000 "$example"
  expect 2 "" -- "$cli" validate --max-bytes 2147483648 "$example"
  # The ceilings themselves are accepted, and deep nesting is still refused cleanly.
  head -c 200000 /dev/zero | tr '\0' '[' >"$work/deep.json"
  expect 1 "" -- "$cli" validate --max-depth 512 --max-bytes 1073741824 "$work/deep.json"
  expect 1 "" -- "$cli" check --schema "$schema" --max-depth 512 "$work/deep.json"
  expect 2 "" -- "$cli" enablement --max-depth 512 "$work/deep.json"
  ;;
file-bounds)
  # Schema and rule files are bounded by --max-bytes and must be regular files.
  { printf '{"description":"'; head -c 3000 /dev/zero | tr '\0' 'x'; printf '"}'; } >"$work/big.schema.json"
  expect 2 "larger than the limit" -- "$cli" check --max-bytes 1000 --schema "$work/big.schema.json" "$example"
  { printf '{"rules":[],"version":"'; head -c 3000 /dev/zero | tr '\0' 'x'; printf '"}'; } >"$work/big.rules.json"
  expect 2 "larger than the limit" -- "$cli" validate --max-bytes 1000 --rules "$work/big.rules.json" "$example"
  mkfifo "$work/fifo.json"
  expect 2 "not a regular file" -- "$cli" check --schema "$work/fifo.json" "$example"
  expect 2 "not a regular file" -- "$cli" validate --rules "$work/fifo.json" "$example"
  expect 2 "Is a directory" -- "$cli" check --schema "$work" "$example"
  # A FIFO where a remote schema is expected: refused, never waited on.
  mkdir -p "$work/remotes/s"
  mkfifo "$work/remotes/s/fifo.json"
  printf '{"$ref":"http://example.test/s/fifo.json"}' >"$work/remote.schema.json"
  expect 2 "not a regular file" -- "$cli" check --remotes "$work/remotes" --schema "$work/remote.schema.json" "$example"
  ;;
read-errors)
  # A directory is a read error (exit 2, with the reason and the name), as
  # FILE, under --ndjson and as standard input; so is a missing file.
  for sub in validate enablement; do
    expect 2 "cannot read $work: Is a directory" -- "$cli" $sub "$work"
    expect 2 "cannot read $work: Is a directory" -- "$cli" $sub --ndjson "$work"
    expect 2 "standard input: Is a directory" -- sh -c "exec \"$cli\" $sub < \"$work\""
    expect 2 "standard input: Is a directory" -- sh -c "exec \"$cli\" $sub --ndjson < \"$work\""
    expect 2 "No such file or directory" -- "$cli" $sub "$work/missing.json"
  done
  expect 2 "Is a directory" -- "$cli" check --schema "$schema" "$work"
  expect 2 "standard input: Is a directory" -- sh -c "exec \"$cli\" check --schema \"$schema\" < \"$work\""
  ;;
write-errors)
  # A full disk, a closed stdout, EPIPE with SIGPIPE ignored: exit 2 and a
  # message, whatever the verdicts were.
  for args in "validate $example" "validate --format json $example" "enablement $enable" \
    "check --schema $schema $example" "rules" "rules --format json"; do
    expect 2 "cannot write the output" -- sh -c "exec \"$cli\" $args > /dev/full"
    expect 2 "cannot write the output" -- sh -c "exec \"$cli\" $args >&-"
  done
  one=$(tr -d '\n' <"$example")
  for _ in $(seq 1 3000); do printf '%s\n' "$one"; done >"$work/many.ndjson"
  # SIGPIPE ignored (as in many supervisors and Python subprocesses): the
  # reader went away, so the writes fail with EPIPE.
  (
    trap '' PIPE
    "$cli" validate --ndjson --format json "$work/many.ndjson" 2>"$work/err" | head -c 10 >/dev/null
    exit "${PIPESTATUS[0]}"
  )
  status=$?
  [ "$status" = 2 ] || fail "EPIPE: exit $status, expected 2"
  grep -qF "cannot write the output" "$work/err" || fail "EPIPE: no message on stderr"
  ;;
nul)
  { tr -d '\n' <"$example"; printf '\0garbage'; } >"$work/nul.json"
  expect 1 "" -- "$cli" validate "$work/nul.json"
  grep -q INPUT_MALFORMED "$work/out" || fail "no INPUT_MALFORMED for a NUL byte"
  printf '5\0x' >"$work/five.json"
  printf '{"type":"integer"}' >"$work/int.schema.json"
  expect 1 "" -- "$cli" check --schema "$work/int.schema.json" "$work/five.json"
  ;;
batch-order)
  one=$(tr -d '\n' <"$example")
  # --jobs 2 over NDJSON: every line answered once, in order, bad lines
  # among good ones included.
  for i in $(seq 1 100); do
    if [ $((i % 7)) = 0 ]; then echo '{"brand": 5'; else printf '%s\n' "$one"; fi
  done >"$work/mixed.ndjson"
  expect 1 "" -- "$cli" validate --ndjson --jobs 2 --format json "$work/mixed.ndjson"
  lines=$(wc -l <"$work/out")
  [ "$lines" = 100 ] || fail "$lines lines, expected 100"
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    case $line in *"\"source\":\"$work/mixed.ndjson:$n\""*) ;; *) fail "line $n out of order: ${line:0:120}" ;; esac
  done <"$work/out"
  ;;
batch-memory)
  # Peak RSS of validate --ndjson --jobs 2 over lines of 1 MiB of unknown
  # keys stays under 256 MiB (the window holds a few documents, and unknown
  # keys are capped per object).
  line=$({ printf '{"brand":{'; seq -f '"k%06g":1,' 1 87000 | tr -d '\n'; printf '"z":1}}'; })
  for _ in $(seq 1 "${BATCH_LINES:-24}"); do echo "$line"; done >"$work/junk.ndjson"
  /usr/bin/time -v "$cli" validate --ndjson --jobs 2 --format json "$work/junk.ndjson" >"$work/out" 2>"$work/time"
  status=$?
  [ "$status" = 1 ] || fail "exit $status, expected 1"
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  echo "peak RSS ${rss} KiB over $(wc -l <"$work/out") lines of $(head -1 "$work/junk.ndjson" | wc -c) bytes"
  [ "${rss:-999999999}" -lt 262144 ] || fail "peak RSS ${rss} KiB, limit 262144"
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
[ "$ok" = 1 ]
