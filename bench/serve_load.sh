#!/usr/bin/env bash
# Load test of `smsreg serve` on loopback (issue 11), with Debian's wrk:
#   A. the benchmark corpus POSTed by 64 connections for SECONDS;
#   B. the same, with slow clients (a body byte a second) and oversized
#      bodies (2 MiB) mixed in by bench/serve_abuse.py.
# Prints requests/s, p50/p99, errors (wrk's connect/read/write/timeout =
# dropped connections), 5xx answers from /metrics, and the service's RSS
# before and after each phase.
# usage: bench/serve_load.sh [BUILD_DIR=build] [SECONDS=30] [THREADS=96]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${2:-30}
threads=${3:-96}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make_corpus.py 2000 "$work/corpus.ndjson"

"$build/smsreg" serve --listen 127.0.0.1:0 --threads "$threads" --max-connections 512 2>"$work/serve.err" &
pid=$!
for _ in $(seq 100); do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.err")
  [ -n "$port" ] && break
  sleep 0.1
done
url="http://127.0.0.1:$port"
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
fivexx() { curl -s "$url/metrics" | awk '/^smsreg_http_requests_total/ && /status="5/ {n += $2} END {print n + 0}'; }

# Warm up (first requests fault in pages), then measure.
CORPUS="$work/corpus.ndjson" wrk -t2 -c64 -d3s -s bench/serve_post.lua "$url" >/dev/null
echo "rss_before_kib $(rss)"
echo "== A: 64 connections, ${seconds}s"
CORPUS="$work/corpus.ndjson" wrk -t2 -c64 -d"${seconds}s" --timeout 10s -s bench/serve_post.lua "$url" |
  tail -n 1 | tee "$work/a.json"
echo "rss_after_a_kib $(rss)"
echo "== B: 64 connections + 8 slow clients + 5 oversized bodies/s, ${seconds}s"
python3 bench/serve_abuse.py "$port" "$((seconds + 2))" 8 5 >"$work/abuse.json" &
abuse=$!
sleep 1
CORPUS="$work/corpus.ndjson" wrk -t2 -c64 -d"${seconds}s" --timeout 10s -s bench/serve_post.lua "$url" |
  tail -n 1 | tee "$work/b.json"
wait "$abuse"
echo "abuse $(cat "$work/abuse.json")"
echo "rss_after_b_kib $(rss)"
echo "five_xx_total $(fivexx)"
kill -TERM "$pid"
wait "$pid" && echo "exit 0 after SIGTERM"
tail -n 1 "$work/serve.err"
python3 - "$work/a.json" "$work/b.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
print(f"p99 ratio B/A = {b['p99_ms'] / a['p99_ms']:.2f} (goal <= 2)")
PY
