"""Python binding speed on an NDJSON corpus (bench/make_corpus.py), printed as
one JSON line: validate() on str in one thread (median of ROUNDS rounds), and
the same total work from 1 thread and from 4 threads at once, which is faster
only if the GIL is released while validating.
usage: bindings_python.py CORPUS [ROUNDS]   (PYTHONPATH=<build>/python)"""
import json
import statistics
import sys
import threading
import time

import smsreg

docs = open(sys.argv[1], encoding="utf-8").read().splitlines()
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
validator = smsreg.Validator()


def one_round(subset):
    for d in subset:
        validator.validate(d)


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


single = statistics.median(timed(lambda: one_round(docs)) for _ in range(rounds))


def threaded(n):
    # The whole corpus, split among n threads that validate at the same time.
    parts = [docs[i::n] for i in range(n)]
    threads = [threading.Thread(target=one_round, args=(p,)) for p in parts]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


# 1 and 4 threads alternate, so a change in the machine's load hits both.
ones, fours = [], []
for _ in range(rounds):
    ones.append(threaded(1))
    fours.append(threaded(4))
one, four = statistics.median(ones), statistics.median(fours)
print(json.dumps({"docs": len(docs), "validate_docs_per_s": len(docs) / single,
                  "threads1_docs_per_s": len(docs) / one, "threads4_docs_per_s": len(docs) / four}))
