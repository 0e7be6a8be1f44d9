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

# `smsreg serve` runs smsreg-serve (src/serve/main.cpp) with its arguments:
# the options and --help are the service's, a usage error is exit 2, and the
# installed smsreg finds the program installed beside it. smsreg itself does
# not load the HTTP library (nor OpenSSL with it): that is why it is apart.
add_test(NAME serve.cli.help_is_the_service_s COMMAND smsreg_cli serve --help)
set_tests_properties(serve.cli.help_is_the_service_s PROPERTIES
  PASS_REGULAR_EXPRESSION "Usage: smsreg serve.*--listen.*--read-timeout" LABELS serve)
add_test(NAME serve.cli.unknown_option_exit_2
         COMMAND sh -c "\"$0\" serve --no-such-option; test $? -eq 2" $<TARGET_FILE:smsreg_cli>)
set_tests_properties(serve.cli.unknown_option_exit_2 PROPERTIES LABELS serve)
add_test(NAME serve.cli.smsreg_leaves_httplib_to_the_service
         COMMAND sh -c "ldd \"$0\" | grep -q libcpp-httplib && exit 1; ldd \"$1\" | grep -q libcpp-httplib"
                 $<TARGET_FILE:smsreg_cli> $<TARGET_FILE:smsreg_serve_cli>)
set_tests_properties(serve.cli.smsreg_leaves_httplib_to_the_service PROPERTIES LABELS serve)
add_test(NAME serve.cli.installed_beside_smsreg COMMAND ${CMAKE_CURRENT_BINARY_DIR}/installed/${CMAKE_INSTALL_BINDIR}/smsreg serve --help)
set_tests_properties(serve.cli.installed_beside_smsreg PROPERTIES
  PASS_REGULAR_EXPRESSION "--listen" FIXTURES_REQUIRED installed_package LABELS "packaging;serve")
