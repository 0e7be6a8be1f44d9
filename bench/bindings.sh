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

# Rounds of C++, Python and Node.js alternate, so a change in the load of a
# shared machine hits all three alike; each figure is the median of its rounds.
rm -f "$b"/bench-*.json
for round in 1 2 3 4 5; do
  "$b"/bench/bench_validate --corpus "$corpus" --benchmark_filter='^BM_Validate$' \
    --benchmark_format=json 2>/dev/null >>"$b"/bench-cpp.json
  PYTHONPATH="$b"/python "$python" bench/bindings_python.py "$corpus" 1 >>"$b"/bench-python.json
  SMSREG_NODE_PACKAGE="$PWD/$b/node" node bench/bindings_node.js "$corpus" 1 >>"$b"/bench-node.json
done
"$python" - "$n" "$b" <<'PY'
import json, sys
import statistics
def lines(name):
    return [json.loads(l) for l in open(f"{sys.argv[2]}/bench-{name}.json") if l.strip()]
def median(rows, key):
    return statistics.median(r[key] for r in rows)
# Google Benchmark writes one JSON document a run: split them at the top-level braces.
text = open(f"{sys.argv[2]}/bench-cpp.json").read()
runs, depth, start = [], 0, 0
for i, ch in enumerate(text):
    if ch == "{":
        depth += 1
        start = i if depth == 1 else start
    elif ch == "}":
        depth -= 1
        if depth == 0:
            runs.append(json.loads(text[start:i + 1]))
# Wall time, as the Python and Node.js figures are (items_per_second is per CPU second).
scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
cpp = statistics.median(int(sys.argv[1]) / (b["real_time"] * scale[b["time_unit"]])
                        for r in runs for b in r["benchmarks"])
pyrows, noderows = lines("python"), lines("node")
py = {k: median(pyrows, k) for k in pyrows[0] if k != "docs"}
node = {k: median(noderows, k) for k in noderows[0] if k != "docs"}
print(f"== {sys.argv[1]} documents, docs/s (median of 5 alternating rounds each)")
print(f"  C++ Validator::validate        {cpp:10,.0f}   (wall time, as the others)")
for name, v in (("Python validate(str)", py["validate_docs_per_s"]), ("Node.js validate(string)", node["validate_docs_per_s"]),
                ("Node.js validateAsync (pool)", node["validateAsync_docs_per_s"])):
    print(f"  {name:30s} {v:10,.0f}   C++/binding = {cpp / v:4.2f}x")
print(f"== Python, the whole corpus from 1 thread and from 4 threads at once (alternating rounds)")
print(f"  1 thread  {py['threads1_docs_per_s']:10,.0f} docs/s")
print(f"  4 threads {py['threads4_docs_per_s']:10,.0f} docs/s   ({py['threads4_docs_per_s'] / py['threads1_docs_per_s']:.2f}x)")
PY
