#!/usr/bin/env python3
"""Records what an smsreg build answers for every enablement document in tests/.

    make_baseline.py SMSREG_BINARY OUT.json

For each scenario fixture (tests/fixtures/enablement/*.scenario.json) it runs
`smsreg enablement --format json` with the scenario's options and keeps the
output line; for the NDJSON files of tests/enablement it keeps one line per
input line. The file it writes is the answer of the build it ran, compared by
the `enablement baseline` unit test against the current library. It was
recorded with the first engine (before INTERFACE 3.1, commit 5a1d1e4), so
that every old document keeps its answer except where 3.1 changes it, and
those are listed with their reason in tests/enablement/baseline-changes.json.
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(cli, args, stdin=None):
    p = subprocess.run([cli, "enablement", "--format", "json", *args], input=stdin, capture_output=True, text=True)
    return p.returncode, p.stdout.splitlines()


def main():
    cli, out = sys.argv[1], sys.argv[2]
    answers = []
    for f in sorted((ROOT / "tests/fixtures/enablement").glob("*.scenario.json")):
        s = json.loads(f.read_text())
        if "inputFile" in s:
            text = (f.parent / s["inputFile"]).read_text()
        elif "inputText" in s:
            text = s["inputText"]
        else:
            text = json.dumps(s["input"])
        opts = s.get("options", {})
        args = []
        if "recentDays" in opts:
            args += ["--recent-days", str(opts["recentDays"])]
        if "pendingHours" in opts:
            args += ["--pending-hours", str(opts["pendingHours"])]
        code, lines = run(cli, args + ["-"], text)
        answers.append({"document": f.name, "options": opts, "exit": code, "output": lines[0] if lines else ""})
    for f in sorted((ROOT / "tests/enablement").glob("*.ndjson")):
        for n, line in enumerate(f.read_text().splitlines(), 1):
            if not line.strip():
                continue
            code, lines = run(cli, ["-"], line)
            answers.append({"document": f"{f.name}:{n}", "options": {}, "exit": code, "output": lines[0] if lines else ""})
    pathlib.Path(out).write_text(json.dumps(answers, indent=1) + "\n")


if __name__ == "__main__":
    main()
