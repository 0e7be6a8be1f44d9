# `smsreg serve` (issue 11): HTTP tests and browser tests, Python from
# Debian (/usr/bin/python3 has python3-selenium), loopback only.
set(SMSREG_SYSTEM_PYTHON /usr/bin/python3 CACHE FILEPATH "Debian's Python, with python3-selenium")
set(SMSREG_SERVE_TEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/serve)
set(SMSREG_SERVE_TEST_OUT ${CMAKE_CURRENT_BINARY_DIR}/serve)
file(MAKE_DIRECTORY ${SMSREG_SERVE_TEST_OUT})
foreach(module routes errors hardening sigterm browser)
  add_test(NAME serve_${module}
           COMMAND ${SMSREG_SYSTEM_PYTHON} -m unittest -v test_${module}
           WORKING_DIRECTORY ${SMSREG_SERVE_TEST_DIR})
  set_tests_properties(serve_${module} PROPERTIES
    ENVIRONMENT "SMSREG_BIN=$<TARGET_FILE:smsreg_cli>;SMSREG_SOURCE_DIR=${PROJECT_SOURCE_DIR};SMSREG_TEST_OUT=${SMSREG_SERVE_TEST_OUT};PYTHONDONTWRITEBYTECODE=1"
    TIMEOUT 180
    LABELS serve)
endforeach()
# Chromium is heavy on a small machine: one browser test at a time, and
# room for a slow (sanitized, shared) run.
set_tests_properties(serve_browser PROPERTIES RUN_SERIAL TRUE TIMEOUT 600)
