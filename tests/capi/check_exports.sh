#!/bin/sh
# libsmsreg.so exports exactly its API: the SONAME carries MAJOR.MINOR, and
# every defined dynamic symbol is a C smsreg_ function or a smsreg:: C++
# symbol. Any other (RE2, valijson, nlohmann, std:: template code) fails.
#   check_exports.sh LIBRARY EXPECTED_SONAME
set -eu
lib=$1
expected=$2
soname=$(objdump -p "$lib" | awk '$1 == "SONAME" { print $2 }')
echo "SONAME: $soname"
if [ "$soname" != "$expected" ]; then
  echo "FAIL: expected SONAME $expected" >&2
  exit 1
fi
symbols=$(nm -D --defined-only "$lib" | awk '{ print $3 }' | c++filt)
total=$(printf '%s\n' "$symbols" | grep -c .)
c_api=$(printf '%s\n' "$symbols" | grep -c '^smsreg_' || true)
cpp_api=$(printf '%s\n' "$symbols" | grep -c '^smsreg::' || true)
echo "exported: $total symbols: $c_api smsreg_ C functions, $cpp_api smsreg:: C++ symbols"
others=$(printf '%s\n' "$symbols" | grep -v -e '^smsreg_' -e '^smsreg::' || true)
if [ -n "$others" ]; then
  echo "FAIL: symbols outside the API:" >&2
  printf '%s\n' "$others" >&2
  exit 1
fi
if [ "$c_api" -eq 0 ] || [ "$cpp_api" -eq 0 ]; then
  echo "FAIL: the C or the C++ API is not exported" >&2
  exit 1
fi
