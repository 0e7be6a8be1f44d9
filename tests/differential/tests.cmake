# Report snapshot (issue 12): every report validate gives today, frozen as a
# digest per document and configuration, so speed work that changes a single
# byte of any report fails here. After an intended change of answers:
#   build/tests/report_digest --root . --write tests/differential/reports.tsv <the paths below>
add_executable(report_digest ${CMAKE_CURRENT_LIST_DIR}/report_digest.cpp)
target_link_libraries(report_digest PRIVATE smsreg_internal)
set(SMSREG_SNAPSHOT_INPUTS
    tests/fixtures/registration tests/wild/cases examples/registration-us.json examples/registration-broken.json
    fuzz/corpus/fuzz_validate fuzz/corpus/fuzz_schema tests/fuzz-crashes/fuzz_validate)
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND)
  # The benchmark corpus (fixed seed), so the documents speed is measured on are guarded too.
  add_test(NAME report_snapshot_corpus
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/bench/make_corpus.py 2000
                   ${CMAKE_CURRENT_BINARY_DIR}/bench-corpus.ndjson)
  set_tests_properties(report_snapshot_corpus PROPERTIES FIXTURES_SETUP bench_corpus)
  add_test(NAME report_snapshot
           COMMAND report_digest --root ${PROJECT_SOURCE_DIR} --expect ${CMAKE_CURRENT_LIST_DIR}/reports.tsv
                   ${SMSREG_SNAPSHOT_INPUTS} ${CMAKE_CURRENT_BINARY_DIR}/bench-corpus.ndjson
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(report_snapshot PROPERTIES FIXTURES_REQUIRED bench_corpus TIMEOUT 300)
endif()

# The schema stage's compiled evaluator against valijson, the reference, over
# the same documents (issue 12); see schema_differential.cpp.
add_executable(schema_differential ${CMAKE_CURRENT_LIST_DIR}/schema_differential.cpp)
target_link_libraries(schema_differential PRIVATE smsreg_internal)
if(Python3_Interpreter_FOUND)
  add_test(NAME schema_differential
           COMMAND schema_differential --root ${PROJECT_SOURCE_DIR} ${SMSREG_SNAPSHOT_INPUTS}
                   ${CMAKE_CURRENT_BINARY_DIR}/bench-corpus.ndjson
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(schema_differential PROPERTIES FIXTURES_REQUIRED bench_corpus TIMEOUT 300)
else()
  add_test(NAME schema_differential COMMAND schema_differential --root ${PROJECT_SOURCE_DIR} ${SMSREG_SNAPSHOT_INPUTS}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()

# The thread pool of validate --jobs changes nothing but time.
if(TARGET smsreg_cli AND Python3_Interpreter_FOUND)
  add_test(NAME registration.cli.jobs_same_output
           COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:smsreg_cli> -DCORPUS=${CMAKE_CURRENT_BINARY_DIR}/bench-corpus.ndjson
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR}/jobs-output -P ${CMAKE_CURRENT_LIST_DIR}/jobs_same_output.cmake)
  set_tests_properties(registration.cli.jobs_same_output PROPERTIES FIXTURES_REQUIRED bench_corpus TIMEOUT 300)
endif()

# Parser differential (issue 12): the simdjson fast path of parseBounded against
# nlohmann's SAX parser alone, over every input above, every fuzz corpus and
# crash file, and targeted cases (limits at +-1, duplicate keys, bad UTF-8,
# surrogates, numbers at the edges); same tree or same error, byte for byte.
add_executable(parser_diff ${CMAKE_CURRENT_LIST_DIR}/parser_diff.cpp)
target_link_libraries(parser_diff PRIVATE smsreg_internal)
set(SMSREG_PARSER_DIFF_INPUTS tests/fixtures/registration tests/wild/cases examples/registration-us.json
    examples/registration-broken.json fuzz/corpus tests/fuzz-crashes)
if(Python3_Interpreter_FOUND)
  add_test(NAME parser_differential
           COMMAND parser_diff --root ${PROJECT_SOURCE_DIR} ${SMSREG_PARSER_DIFF_INPUTS}
                   ${CMAKE_CURRENT_BINARY_DIR}/bench-corpus.ndjson
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(parser_differential PROPERTIES FIXTURES_REQUIRED bench_corpus)
else()
  add_test(NAME parser_differential COMMAND parser_diff --root ${PROJECT_SOURCE_DIR} ${SMSREG_PARSER_DIFF_INPUTS}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
