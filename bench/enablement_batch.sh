#!/usr/bin/env bash
# Time and peak memory of `smsreg enablement` on one large batch document as
# the users double (the campaign's carrier-side numbers double with them):
# linear time means the ratio between sizes stays near 2.
# usage: bench/enablement_batch.sh [SMSREG] [WORK_DIR]   (default build/smsreg, build/bench-enablement)
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/smsreg}
work=${2:-build/bench-enablement}
mkdir -p "$work"
for users in 25000 50000 100000; do
  doc="$work/users-$users.json"
  [ -f "$doc" ] || python3 bench/make_enablement_batch.py "$users" $((users / 2)) "$doc"
  best=""
  for run in 1 2 3; do
    /usr/bin/time -v "$cli" enablement --format json "$doc" >/dev/null 2>"$work/time.txt" || true
    cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident/{print $2}' "$work/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($cpu < $best)}"; then best=$cpu; bestrss=$rss; fi
  done
  echo "users=$users campaign_numbers=$((users / 2)) bytes=$(stat -c %s "$doc") cpu_s=$best max_rss_kb=$bestrss"
done
