#!/usr/bin/env bash
# What the bindings cost: C++ Validator::validate, Python validate() and
# Node.js validate() on the same corpus in one run, with the ratios; and the
# Python module from 1 and from 4 threads (the GIL is released while
# validating, so 4 threads should beat 1 on a multi-core machine).
# usage: bench/bindings.sh [N_DOCS]
#   builds build-bench/ in Release; BUILD_DIR=build reuses an existing build tree
#   (it is reconfigured with the benchmarks on; its build type is kept).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
python=${SMSREG_PYTHON:-/usr/bin/python3}
b=${BUILD_DIR:-build-bench}
if [ -z "${BUILD_DIR:-}" ]; then
  cmake -S . -B "$b" -DCMAKE_BUILD_TYPE=Release -DSMSREG_BUILD_TESTS=OFF -DSMSREG_BUILD_FUZZERS=OFF >/dev/null
fi
cmake -S . -B "$b" -DSMSREG_BUILD_BENCH=ON -DSMSREG_PYTHON=ON -DSMSREG_NODE=ON \
      -DSMSREG_PYTHON_EXECUTABLE="$python" >/dev/null
cmake --build "$b" -j"$(nproc)" --target bench_validate smsreg_python smsreg_node >/dev/null
corpus=$b/corpus.ndjson
"$python" bench/make_corpus.py "$n" "$corpus"

"$b"/bench/bench_validate --corpus "$corpus" --benchmark_filter='^BM_Validate$' --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true --benchmark_format=json >"$b"/cpp.json 2>/dev/null
PYTHONPATH="$b"/python "$python" bench/bindings_python.py "$corpus" >"$b"/python.json
SMSREG_NODE_PACKAGE="$PWD/$b/node" node bench/bindings_node.js "$corpus" >"$b"/node.json
"$python" - "$n" "$b" <<'PY'
import json, sys
cpp = next(b["items_per_second"] for b in json.load(open(sys.argv[2] + "/cpp.json"))["benchmarks"]
           if b.get("aggregate_name") == "median")
py = json.load(open(sys.argv[2] + "/python.json"))
node = json.load(open(sys.argv[2] + "/node.json"))
print(f"== {sys.argv[1]} documents, docs/s (median of 5 rounds each)")
print(f"  C++ Validator::validate        {cpp:10,.0f}")
for name, v in (("Python validate(str)", py["validate_docs_per_s"]), ("Node.js validate(string)", node["validate_docs_per_s"]),
                ("Node.js validateAsync (pool)", node["validateAsync_docs_per_s"])):
    print(f"  {name:30s} {v:10,.0f}   C++/binding = {cpp / v:4.2f}x")
print(f"== Python, the whole corpus from 1 thread and from 4 threads at once")
print(f"  1 thread  {py['threads1_docs_per_s']:10,.0f} docs/s")
print(f"  4 threads {py['threads4_docs_per_s']:10,.0f} docs/s   ({py['threads4_docs_per_s'] / py['threads1_docs_per_s']:.2f}x)")
PY
