"""Runs pytest on the given paths with the interpreter running this script,
and exits 77 (ctest's SKIP_RETURN_CODE) when a module the tests need is
missing from that interpreter, so ctest reports "skipped", not "passed".
usage: run_pytest.py [--require MODULE]... PATH..."""
import importlib.util
import sys

args = sys.argv[1:]
paths = []
while args:
    arg = args.pop(0)
    if arg == "--require":
        module = args.pop(0)
        if importlib.util.find_spec(module) is None:
            print(f"skipped: {sys.executable} has no module {module!r}")
            sys.exit(77)
    else:
        paths.append(arg)

import pytest  # noqa: E402  (only after the check above)

sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", *paths]))
