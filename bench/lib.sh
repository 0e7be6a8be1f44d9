# Shared by bench/run.sh and bench/compare (source it from the repository root):
# the Release benchmark build and the corpus, so both scripts time the same
# binaries on the same documents.

# bench_build TARGET... : configures build-bench/ in Release once and builds only TARGETs.
bench_build() {
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DSMSREG_BUILD_BENCH=ON -DSMSREG_BUILD_TESTS=OFF \
        -DSMSREG_BUILD_FUZZERS=OFF >/dev/null
  cmake --build build-bench -j"$(nproc)" --target "$@" >/dev/null
}

# bench_corpus N FILE : N submissions from bench/make_corpus.py (fixed seed) into FILE.
bench_corpus() {
  python3 bench/make_corpus.py "$1" "$2"
}
