"""pip builds a wheel from bindings/python (no network: --no-build-isolation,
the build tree reused), the wheel installs into a scratch folder, and the
installed package imports and validates there, outside the build tree.
usage: check_wheel.py SOURCE_DIR BUILD_DIR SCRATCH_DIR"""
import glob
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

source, build, scratch = (Path(a).resolve() for a in sys.argv[1:4])
for module in ("pip", "setuptools", "wheel"):
    if importlib.util.find_spec(module) is None:
        print(f"skipped: {sys.executable} has no module {module!r}")
        sys.exit(77)
shutil.rmtree(scratch, ignore_errors=True)
# pip builds in place: build a copy, so the source tree stays clean.
project = scratch / "project"
shutil.copytree(source / "bindings" / "python", project, ignore=shutil.ignore_patterns("build", "*.egg-info"))
env = dict(os.environ, SMSREG_SOURCE_DIR=str(source), SMSREG_CMAKE_BUILD_DIR=str(build), PIP_NO_INDEX="1")
pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
subprocess.run(pip + ["wheel", "--no-build-isolation", "--no-deps", "-w", str(scratch / "dist"), str(project)],
               env=env, check=True)
wheels = glob.glob(str(scratch / "dist" / "smsreg-*.whl"))
assert len(wheels) == 1, wheels
subprocess.run(pip + ["install", "--no-deps", "--no-index", "--target", str(scratch / "site"), wheels[0]],
               env=env, check=True)
check = ("import smsreg, pathlib, sys;"
         "r = smsreg.Validator().validate(pathlib.Path(sys.argv[1]).read_bytes());"
         "assert r.status == 'VERIFIED', r.to_json();"
         "assert pathlib.Path(smsreg.__file__).with_name('__init__.pyi').exists();"
         "print('wheel', sys.argv[2], 'installed and VERIFIED the example')")
subprocess.run([sys.executable, "-c", check, str(source / "examples" / "registration-us.json"),
                os.path.basename(wheels[0])],
               env={"PYTHONPATH": str(scratch / "site"), "PATH": os.environ.get("PATH", "")}, check=True)
