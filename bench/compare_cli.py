"""Times the CLI as a user runs it, for bench/compare: wall time and peak RSS
of each whole process (os.wait4), 5 runs at --jobs 1 and 5 at --jobs 2
(interleaved, so load changes hit both alike), then one run over the big
corpus for peak RSS. Prints one JSON object.
usage: compare_cli.py SMSREG CORPUS BIG_CORPUS"""
import json
import os
import statistics
import subprocess
import sys
import time


def run(smsreg, corpus, jobs):
    t0 = time.perf_counter()
    p = subprocess.Popen([smsreg, "validate", "--ndjson", "--format", "json", "--jobs", str(jobs), corpus],
                         stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: some document not VERIFIED, expected
        sys.exit(f"compare_cli: smsreg validate exited {code}")
    return wall, usage.ru_maxrss  # KiB on Linux


def main():
    smsreg, corpus, big = sys.argv[1:4]
    walls = {1: [], 2: []}
    for _ in range(5):
        for jobs in (1, 2):
            walls[jobs].append(run(smsreg, corpus, jobs)[0])
    _, rss = run(smsreg, big, 1)
    with open(big, "rb") as f:
        docs = sum(1 for _ in f)
    print(json.dumps({"jobs1_median_s": statistics.median(walls[1]), "jobs2_median_s": statistics.median(walls[2]),
                      "jobs1_s": walls[1], "jobs2_s": walls[2], "rss_max_kib": rss, "rss_docs": docs}))


if __name__ == "__main__":
    main()
