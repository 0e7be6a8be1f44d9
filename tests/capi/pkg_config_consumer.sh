#!/bin/sh
# Builds examples/c/validate.c the way a C user would, with pkg-config against
# the installed package (shared library), and runs it on the example.
#   pkg_config_consumer.sh PREFIX CC EXAMPLES_DIR WORK_DIR
set -eu
prefix=$1 cc=$2 examples=$3 work=$4
pc=$(dirname "$(find "$prefix" -name smsreg.pc | head -n 1)")
mkdir -p "$work"
flags=$(PKG_CONFIG_PATH="$pc" pkg-config --cflags --libs smsreg)
echo "pkg-config: $flags"
libdir=$(PKG_CONFIG_PATH="$pc" pkg-config --variable=libdir smsreg)
# shellcheck disable=SC2086
"$cc" -std=c99 -Wall -Werror "$examples/c/validate.c" $flags -Wl,-rpath,"$libdir" -o "$work/validate_c"
"$work/validate_c" "$examples/registration-us.json"
ldd "$work/validate_c" | grep -q "libsmsreg.so.0" || { echo "FAIL: not linked to libsmsreg.so" >&2; exit 1; }
