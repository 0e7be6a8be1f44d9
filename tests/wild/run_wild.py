#!/usr/bin/python3
"""Measure smsreg against registrations whose real outcome is known (tests/wild/).

Runs `smsreg validate --format json` on every case of manifest.json and reports two figures:

  approved clean   approved cases whose report has no error (warnings allowed), N of M;
  reasons caught   offline-decidable rejection reasons the report catches, N of M;
                   it also counts the reasons caught only by a warning that approved cases get too
                   (same pointer and code), which tells the user nothing: for information, no floor.

A reason is caught when the report holds an error or a warning
  * whose instanceLocation is one of the reason's pointers, or lies below one
    (a finding at /campaign/sample1 catches a reason pointing at /campaign/sample1), or
  * whose code is one of the reason's codes, wherever it points (a reason names codes only
    when the code itself says the provider's reason, e.g. URL_SHORTENER; the generic FIELD_*
    codes are never listed, see README.md).

The run fails (exit 1) when either figure falls below tests/wild/floor.json, and on any
broken case or manifest entry (exit 2). Standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUTCOMES = ("approved", "rejected")
POINTER = re.compile(r"^(/([^/~]|~[01])*)+$")


class SuiteError(Exception):
    """A case or the manifest is malformed: the suite itself is broken, not the validator."""


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def check_reason(case_id, index, reason):
    where = "%s reason %d" % (case_id, index)
    if not isinstance(reason.get("stated"), str) or not reason["stated"].strip():
        raise SuiteError(where + ": 'stated' (the provider's reason) is required")
    if not isinstance(reason.get("offline_decidable"), bool):
        raise SuiteError(where + ": 'offline_decidable' must be true or false")
    pointers = reason.get("pointers", [])
    codes = reason.get("codes", [])
    if reason["offline_decidable"] and not pointers:
        raise SuiteError(where + ": a decidable reason needs the pointer(s) where a user expects it")
    for pointer in pointers:
        if not isinstance(pointer, str) or not POINTER.match(pointer):
            raise SuiteError(where + ": %r is not a JSON Pointer to a field" % (pointer,))
    for code in codes:
        if not isinstance(code, str) or code.startswith("FIELD_"):
            raise SuiteError(where + ": %r: name a domain code, never a generic FIELD_* code" % (code,))


def load_manifest(path):
    manifest = load_json(path)
    cases = manifest.get("cases")
    if not isinstance(cases, list) or not cases:
        raise SuiteError("manifest.json: 'cases' must be a non-empty list")
    seen = set()
    for case in cases:
        case_id = case.get("id")
        if not isinstance(case_id, str) or not re.match(r"^[a-z0-9][a-z0-9-]*$", case_id):
            raise SuiteError("manifest.json: bad case id %r" % (case_id,))
        if case_id in seen:
            raise SuiteError("manifest.json: duplicate case id " + case_id)
        seen.add(case_id)
        if case.get("outcome") not in OUTCOMES:
            raise SuiteError(case_id + ": outcome must be approved or rejected")
        if not case.get("sources"):
            raise SuiteError(case_id + ": at least one source address is required")
        if not case.get("decided_by"):
            raise SuiteError(case_id + ": 'decided_by' is required")
        reasons = case.get("reasons", [])
        if case["outcome"] == "rejected" and not reasons:
            raise SuiteError(case_id + ": a rejected case lists its reasons")
        if case["outcome"] == "approved" and reasons:
            raise SuiteError(case_id + ": an approved case has no rejection reasons")
        for index, reason in enumerate(reasons):
            check_reason(case_id, index, reason)
    return cases


def case_path(case):
    return os.path.join(HERE, "cases", case["id"] + ".json")


def check_case_files(cases):
    listed = {case["id"] + ".json" for case in cases}
    on_disk = {name for name in os.listdir(os.path.join(HERE, "cases")) if name.endswith(".json")}
    if on_disk - listed:
        raise SuiteError("cases without a manifest entry: " + ", ".join(sorted(on_disk - listed)))
    if listed - on_disk:
        raise SuiteError("manifest entries without a case file: " + ", ".join(sorted(listed - on_disk)))


def run_validator(cli, cases):
    """One CLI run over every case: one JSON report per line, each naming its source."""
    paths = [case_path(case) for case in cases]
    proc = subprocess.run([cli, "validate", "--format", "json"] + paths, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=300)
    if proc.returncode not in (0, 1):
        raise SuiteError("smsreg exited %d: %s" % (proc.returncode, proc.stderr.strip()))
    reports = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            report = json.loads(line)
            reports[os.path.basename(report.get("source", ""))] = report
    if len(paths) == 1 and not reports:
        raise SuiteError("smsreg printed no report")
    by_id = {}
    for case, path in zip(cases, paths):
        report = reports.get(os.path.basename(path))
        if report is None and len(paths) == 1 and len(reports) == 1:
            report = next(iter(reports.values()))
        if report is None:
            raise SuiteError("no report for " + case["id"])
        by_id[case["id"]] = report
    return by_id


def below(location, pointer):
    return location == pointer or location.startswith(pointer + "/")


def catches(reason, finding):
    location = finding.get("instanceLocation", "")
    if any(below(location, pointer) for pointer in reason.get("pointers", [])):
        return True
    return finding.get("code") in reason.get("codes", [])


def approved_findings(cases, reports):
    """(pointer, code) of the warnings approved cases get: a reason caught only by these is caught by noise.

    Errors on approved cases are not counted here: they are false errors, listed on their own."""
    seen = set()
    for case in cases:
        if case["outcome"] == "approved":
            report = reports[case["id"]]
            for finding in report.get("warnings", []):
                seen.add((finding.get("instanceLocation"), finding.get("code")))
    return seen


def measure(cases, reports):
    result = {"approved": [], "reasons": [], "warnings_on_approved": Counter()}
    noise = approved_findings(cases, reports)
    for case in cases:
        report = reports[case["id"]]
        errors = report.get("errors", [])
        warnings = report.get("warnings", [])
        if case["outcome"] == "approved":
            result["approved"].append({"id": case["id"], "false_errors": errors})
            result["warnings_on_approved"].update(w.get("code") for w in warnings)
            continue
        for index, reason in enumerate(case["reasons"]):
            if not reason["offline_decidable"]:
                continue
            hits = [f for f in errors + warnings if catches(reason, f)]
            result["reasons"].append({"id": case["id"], "reason": index, "stated": reason["stated"],
                                      "pointers": reason.get("pointers", []),
                                      "codes": reason.get("codes", []),
                                      "class": reason.get("class", ""),
                                      "caught_by": [(f.get("instanceLocation"), f.get("code")) for f in hits]})
            result["reasons"][-1]["noise_only"] = bool(hits) and all(
                (f.get("instanceLocation"), f.get("code")) in noise for f in hits)
    return result


def figures(result):
    approved = result["approved"]
    reasons = result["reasons"]
    return {
        "approved_clean": sum(1 for a in approved if not a["false_errors"]),
        "approved_total": len(approved),
        "reasons_caught": sum(1 for r in reasons if r["caught_by"]),
        "reasons_total": len(reasons),
        "reasons_caught_by_noise_only": sum(1 for r in reasons if r.get("noise_only")),
        "warnings_on_approved": sum(result["warnings_on_approved"].values()),
    }


def percent(part, whole):
    return "%.0f%%" % (100.0 * part / whole) if whole else "n/a"


def print_text(result, numbers, floor):
    print("approved cases without any error: %d of %d (%s)  [floor %d]" % (
        numbers["approved_clean"], numbers["approved_total"],
        percent(numbers["approved_clean"], numbers["approved_total"]), floor["approved_clean"]))
    for case in result["approved"]:
        for finding in case["false_errors"]:
            print("  false error  %-40s %-28s %s" % (case["id"], finding.get("instanceLocation"),
                                                     finding.get("code")))
    by_code = result["warnings_on_approved"]
    print("warnings on approved cases: %d%s" % (
        numbers["warnings_on_approved"],
        "" if not by_code else " (" + ", ".join("%s %d" % kv for kv in sorted(by_code.items())) + ")"))
    print("offline-decidable rejection reasons caught: %d of %d (%s)  [floor %d]" % (
        numbers["reasons_caught"], numbers["reasons_total"],
        percent(numbers["reasons_caught"], numbers["reasons_total"]), floor["reasons_caught"]))
    for reason in result["reasons"]:
        if not reason["caught_by"]:
            print("  missed  %-40s %-28s %s" % (reason["id"], ",".join(reason["pointers"]),
                                                reason["stated"]))
    print("  of the caught, %d only by a warning that approved cases also get (same pointer and code):" %
          numbers["reasons_caught_by_noise_only"])
    for reason in result["reasons"]:
        if reason.get("noise_only"):
            print("  noise   %-40s %s" % (reason["id"], " ".join("%s %s" % hit for hit in reason["caught_by"])))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cli", help="path to the smsreg executable")
    parser.add_argument("--json", action="store_true", help="print the measurement as one JSON object")
    parser.add_argument("--manifest", default=os.path.join(HERE, "manifest.json"))
    parser.add_argument("--floor", default=os.path.join(HERE, "floor.json"))
    args = parser.parse_args()
    try:
        cases = load_manifest(args.manifest)
        check_case_files(cases)
        floor = load_json(args.floor)
        if not all(isinstance(floor.get(key), int) for key in ("approved_clean", "reasons_caught")):
            raise SuiteError("floor.json needs integer 'approved_clean' and 'reasons_caught'")
        reports = run_validator(args.cli, cases)
    except (SuiteError, OSError, ValueError, subprocess.SubprocessError) as exc:
        print("wild cases: " + str(exc), file=sys.stderr)
        return 2
    result = measure(cases, reports)
    numbers = figures(result)
    if args.json:
        out = dict(numbers)
        out["floor"] = floor
        out["false_errors"] = [{"id": a["id"], "instanceLocation": f.get("instanceLocation"),
                                "code": f.get("code")} for a in result["approved"] for f in a["false_errors"]]
        out["warnings_by_code"] = dict(sorted(result["warnings_on_approved"].items()))
        out["missed"] = [r for r in result["reasons"] if not r["caught_by"]]
        out["caught"] = [r for r in result["reasons"] if r["caught_by"]]
        json.dump(out, sys.stdout, indent=1)
        print()
    else:
        print_text(result, numbers, floor)
    failed = []
    if numbers["approved_clean"] < floor["approved_clean"]:
        failed.append("approved cases without an error fell below %d" % floor["approved_clean"])
    if numbers["reasons_caught"] < floor["reasons_caught"]:
        failed.append("decidable reasons caught fell below %d" % floor["reasons_caught"])
    for message in failed:
        print("FAIL: " + message, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
