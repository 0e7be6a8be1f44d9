# JSON Schema Test Suite, draft 7, required tests (issue 5). The suite's files
# are kept in suite/ (MIT, its LICENSE beside them), so a fresh clone runs it.
add_executable(draft7_conformance ${CMAKE_CURRENT_LIST_DIR}/draft7_runner.cpp)
target_link_libraries(draft7_conformance PRIVATE smsreg_internal)
# The pass count this tree reached; the test fails when fewer pass.
set(SMSREG_DRAFT7_MIN_PASS 927)
add_test(NAME draft7_conformance
         COMMAND draft7_conformance ${CMAKE_CURRENT_LIST_DIR}/suite
                 ${CMAKE_CURRENT_LIST_DIR}/known-failures ${SMSREG_DRAFT7_MIN_PASS})
set_tests_properties(draft7_conformance PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
