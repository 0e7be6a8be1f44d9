#!/usr/bin/env bash
# Speed of smsreg against ajv (the validator a Node.js backend would use) on
# the same schema and the same documents, in one run. Prints medians of 5
# repetitions and the ratios; these machines are shared, so read the ratios.
# usage: bench/run.sh [N_DOCS]   (builds build-bench/ in Release)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
. bench/lib.sh
bench_build bench_validate smsreg_cli
corpus=build-bench/corpus.ndjson
bench_corpus "$n" "$corpus"

echo "== smsreg (Google Benchmark, median of 5)"
build-bench/bench/bench_validate --corpus "$corpus" --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true --benchmark_format=json >build-bench/smsreg.json
echo "== ajv 8 (peer, all errors, JSON.parse included; median of 20 rounds)"
../shared/peers/ajv/run --schema schemas --main registration.schema.json --data "$corpus" >build-bench/ajv.json
echo "== CLI: smsreg validate --ndjson on $n documents"
for jobs in 1 2; do
  t0=$(date +%s.%N)
  build-bench/smsreg validate --ndjson --format json --jobs "$jobs" "$corpus" >/dev/null || true
  t1=$(date +%s.%N)
  python3 -c "import sys; n=int(sys.argv[1]); s=float(sys.argv[3])-float(sys.argv[2]); print(f'  jobs={sys.argv[4]}: {s:.2f} s, {n/s:,.0f} docs/s')" "$n" "$t0" "$t1" "$jobs"
done
python3 - "$n" <<'PY'
import json, sys
s = json.load(open("build-bench/smsreg.json"))
med = {b["run_name"]: b.get("items_per_second", 0) for b in s["benchmarks"] if b.get("aggregate_name") == "median"}
long = {b["run_name"]: b.get("bytes_per_second", 0) for b in s["benchmarks"]
        if b.get("aggregate_name") == "median" and b["run_name"].startswith("BM_ValidateLongFields")}
a = json.loads(open("build-bench/ajv.json").read().strip().splitlines()[-1])
ajv = a["docs_per_s"]
for name in ("BM_ParseOnly", "BM_ParseAndSchema", "BM_Validate"):
    v = med.get(name, 0)
    print(f"  {name:18s} {v:12,.0f} docs/s   ajv/smsreg = {ajv / v:5.2f}x" if v else f"  {name}: missing")
print(f"  {'ajv (schema only)':18s} {ajv:12,.0f} docs/s   valid {a.get('valid')} of {a.get('docs')}")
for name, bps in sorted(long.items(), key=lambda kv: int(kv[0].split("/")[1])):
    print(f"  {name:28s} {bps / 2**20:8.1f} MiB/s (flat across sizes = linear time)")
PY
