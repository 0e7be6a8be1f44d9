"""Builds smsreg._core with CMake for the interpreter running this script.

The version comes from the top-level CMakeLists.txt, so it cannot drift.
SMSREG_CMAKE_BUILD_DIR reuses a configured build tree (made for this same
interpreter) instead of configuring a fresh one; SMSREG_SOURCE_DIR names the
smsreg checkout when this folder was copied elsewhere.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("SMSREG_SOURCE_DIR", HERE.parent.parent)).resolve()


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(smsreg VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        target = Path(self.get_ext_fullpath(ext.name)).resolve()
        build_dir = os.environ.get("SMSREG_CMAKE_BUILD_DIR")
        if build_dir is None:
            build_dir = str(Path(self.build_temp).resolve() / "cmake")
            subprocess.run(["cmake", "-S", str(ROOT), "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                            "-DSMSREG_BUILD_TESTS=OFF", "-DSMSREG_BUILD_CLI=OFF", "-DSMSREG_BUILD_FUZZERS=OFF",
                            "-DSMSREG_SHARED=OFF", "-DSMSREG_NODE=OFF", "-DSMSREG_INSTALL=OFF",
                            "-DSMSREG_PYTHON=ON", f"-DSMSREG_PYTHON_EXECUTABLE={sys.executable}"], check=True)
        subprocess.run(["cmake", "--build", build_dir, "--target", "smsreg_python", "-j", str(os.cpu_count() or 1)],
                       check=True)
        built = Path(build_dir) / "python" / "smsreg" / target.name
        if not built.exists():
            sys.exit(f"{built} was not built: was {build_dir} configured for {sys.executable}?")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(version=project_version(),
      ext_modules=[Extension("smsreg._core", sources=[])],
      cmdclass={"build_ext": CMakeBuild})
