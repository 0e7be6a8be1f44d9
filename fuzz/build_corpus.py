#!/usr/bin/env python3
"""Rebuilds the fuzz seed corpora from the test fixtures, as simdjson's
build_corpus.sh does: each seed is named by the SHA-1 of its bytes, so running
this twice changes nothing. usage: fuzz/build_corpus.py"""
import copy
import hashlib
import json
from pathlib import Path

here = Path(__file__).resolve().parent
root = here.parent
fixtures = root / "tests" / "fixtures"

def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > 16384:  # the fuzz runs use -max_len=16384
        return
    out = here / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)

def set_pointer(doc, pointer, value):
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    node = doc
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node.setdefault(p, {})
    if isinstance(node, list):
        node[int(parts[-1])] = value
    else:
        node[parts[-1]] = value

def remove_pointer(doc, pointer):
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    node = doc
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node.get(p, {})
    if isinstance(node, dict):
        node.pop(parts[-1], None)

def registration_submissions():
    reg = fixtures / "registration"
    for path in sorted(reg.glob("*/*.json")):
        if path.parent.name == "pending":
            continue
        fx = json.loads(path.read_text())
        if "submission" in fx:
            doc = fx["submission"]
        elif "base" in fx:
            doc = copy.deepcopy(json.loads((reg / fx["base"]).read_text()))
        else:
            continue
        for pointer, value in fx.get("set", {}).items():
            set_pointer(doc, pointer, value)
        for pointer in fx.get("remove", []):
            remove_pointer(doc, pointer)
        yield doc

def main():
    for doc in registration_submissions():
        put("fuzz_validate", json.dumps(doc, ensure_ascii=False))
        put("fuzz_schema", (root / "schemas" / "registration.schema.json").read_text()
            .replace("\n", " ") + "\n---\n" + json.dumps(doc, ensure_ascii=False))
    for path in sorted((fixtures / "enablement").glob("*.json")):
        fx = json.loads(path.read_text())
        inp = fx.get("input", fx)
        put("fuzz_enablement", inp if isinstance(inp, str) else json.dumps(inp, ensure_ascii=False))
    put("fuzz_rules_file", (root / "schemas" / "rules" / "patterns.json").read_text())
    for path in sorted((fixtures / "rules").glob("*.json")):
        put("fuzz_rules_file", path.read_text())
    # Schema seeds: each group of the JSON Schema Test Suite (MIT), its schema and first instance.
    suite = root.parent / "shared" / "conformance" / "json-schema-test-suite" / "tests" / "draft7"
    for path in sorted(suite.glob("*.json")):
        for group in json.loads(path.read_text()):
            if group["tests"]:
                seed = json.dumps(group["schema"]) + "\n---\n" + json.dumps(group["tests"][0]["data"])
                if len(seed) <= 4000:
                    put("fuzz_schema", seed)

if __name__ == "__main__":
    main()
