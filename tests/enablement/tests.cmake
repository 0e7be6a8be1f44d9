# CLI tests of `smsreg enablement`, included from tests/CMakeLists.txt.
if(NOT TARGET smsreg_cli)
  return()
endif()
set(ENABLEMENT_DIR ${CMAKE_CURRENT_LIST_DIR})
set(ENABLEMENT_FIXTURES ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/enablement)
set(ENABLEMENT_EXAMPLE ${ENABLEMENT_FIXTURES}/example-number-changed.input.json)
set(ENABLEMENT_WORK ${CMAKE_CURRENT_BINARY_DIR}/enablement)

# Every scenario fixture through the CLI, text and JSON, checking exit 0/1/2.
add_test(NAME enablement.cli.scenarios
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:smsreg_cli> -DFIXTURES=${ENABLEMENT_FIXTURES}
                 -DWORK=${ENABLEMENT_WORK}/scenarios -P ${ENABLEMENT_DIR}/run_scenarios.cmake)

# add_enablement_cli_test(NAME EXIT N ARGS ... [STDIN file] [STDOUT text...] [LINES n])
function(add_enablement_cli_test name)
  cmake_parse_arguments(T "" "EXIT;STDIN;LINES" "ARGS;STDOUT" ${ARGN})
  # Lists travel to the script joined with "|": a ";" would split the add_test argument.
  string(REPLACE ";" "|" args "${T_ARGS}")
  set(defs -DCLI=$<TARGET_FILE:smsreg_cli> "-DARGS=${args}" -DEXPECT_EXIT=${T_EXIT})
  if(T_STDIN)
    list(APPEND defs -DSTDIN=${T_STDIN})
  endif()
  if(T_STDOUT)
    string(REPLACE ";" "|" stdout "${T_STDOUT}")
    list(APPEND defs "-DEXPECT_STDOUT=${stdout}")
  endif()
  if(T_LINES)
    list(APPEND defs -DEXPECT_LINES=${T_LINES})
  endif()
  add_test(NAME enablement.cli.${name} COMMAND ${CMAKE_COMMAND} ${defs} -DSUBCOMMAND=enablement -P ${PROJECT_SOURCE_DIR}/tests/cli/run_cli.cmake)
endfunction()

add_enablement_cli_test(example_text EXIT 1 ARGS ${ENABLEMENT_EXAMPLE}
  STDOUT "user u-204: DISABLED, cannot send SMS"
         "cause PHONE_NUMBER_CHANGED (event 0, 2026-11-24T16:20:00Z)"
         "action RE_ENABLE_SMS (ADMIN): Re-enable SMS for +13125478833")
add_enablement_cli_test(example_json EXIT 1 ARGS --format json ${ENABLEMENT_EXAMPLE} LINES 1
  STDOUT [["state":"DISABLED"]] [["code":"PHONE_NUMBER_CHANGED","at":"2026-11-24T16:20:00Z","event":0]]
         [["actor":"ADMIN","code":"RE_ENABLE_SMS","number":"+13125478833"]])
add_enablement_cli_test(stdin_json EXIT 1 ARGS --format json STDIN ${ENABLEMENT_EXAMPLE} LINES 1
  STDOUT [["userId":"u-204"]])
add_enablement_cli_test(dash_is_stdin EXIT 1 ARGS --format json - STDIN ${ENABLEMENT_EXAMPLE} LINES 1
  STDOUT [["userId":"u-204"]])
add_enablement_cli_test(two_files_carry_source EXIT 1
  ARGS --format json ${ENABLEMENT_EXAMPLE} ${ENABLEMENT_EXAMPLE} LINES 2
  STDOUT [[{"source":"]])
add_enablement_cli_test(ndjson_lines EXIT 2 ARGS --ndjson --format json ${ENABLEMENT_DIR}/mixed.ndjson LINES 3
  STDOUT [[mixed.ndjson:1","userId":"u-1","canSend":true]] [[mixed.ndjson:2","userId":"u-204"]]
         [[mixed.ndjson:4","error":{"instanceLocation":"/events/0/at","code":"FIELD_FORMAT"]])
add_enablement_cli_test(ndjson_all_can_send EXIT 0 ARGS --ndjson ${ENABLEMENT_DIR}/all-ok.ndjson
  STDOUT "user u-1: ENABLED, can send SMS" "user u-2: ENABLED, can send SMS")
add_enablement_cli_test(bad_input_exit_2 EXIT 2 ARGS --format json
  ${ENABLEMENT_FIXTURES}/example-number-changed.input.json ${ENABLEMENT_DIR}/all-ok.ndjson
  STDOUT [["error":{"instanceLocation":"","code":"INPUT_MALFORMED"]])
add_enablement_cli_test(unreadable_file_exit_2 EXIT 2 ARGS ${ENABLEMENT_DIR}/no-such-file.json)
add_enablement_cli_test(unknown_format_exit_2 EXIT 2 ARGS --format yaml ${ENABLEMENT_EXAMPLE})
add_enablement_cli_test(negative_days_exit_2 EXIT 2 ARGS --recent-days -1 ${ENABLEMENT_EXAMPLE})
add_enablement_cli_test(max_bytes_flag EXIT 2 ARGS --format json --max-bytes 100 ${ENABLEMENT_EXAMPLE}
  STDOUT [["code":"INPUT_TOO_LARGE"]])
add_enablement_cli_test(pending_hours_flag EXIT 1 ARGS --pending-hours 1
  ${ENABLEMENT_FIXTURES}/example-number-changed.input.json STDOUT "PHONE_NUMBER_CHANGED")

# 10,000 users in one batch document and as NDJSON, summary checked against the generator.
add_executable(enablement_batch_test ${ENABLEMENT_DIR}/batch_10k.cpp)
target_link_libraries(enablement_batch_test PRIVATE smsreg_internal)
add_test(NAME enablement.cli.batch_10000
         COMMAND enablement_batch_test $<TARGET_FILE:smsreg_cli> ${ENABLEMENT_WORK}/batch 10000)
set_tests_properties(enablement.cli.batch_10000 PROPERTIES TIMEOUT 300)

# INTERFACE 3.1 through the CLI: the skew flag, the sync figure in the summary line, E.164 in actions.
set(ENABLEMENT_SKEW ${ENABLEMENT_DIR}/skew-license-swap.json)
add_enablement_cli_test(clock_skew_default EXIT 1 ARGS ${ENABLEMENT_SKEW}
  STDOUT "cause LICENSE_CHANGED (event 0, 2026-11-20T09:59:30Z)")
add_enablement_cli_test(clock_skew_flag_zero EXIT 1 ARGS --clock-skew-seconds 0 ${ENABLEMENT_SKEW}
  STDOUT "cause DISABLED_BY_SYSTEM")
add_enablement_cli_test(clock_skew_flag_negative_exit_2 EXIT 2 ARGS --clock-skew-seconds -5 ${ENABLEMENT_SKEW})
add_enablement_cli_test(summary_counts_not_on_campaign EXIT 1 ARGS ${ENABLEMENT_DIR}/not-on-campaign-batch.json
  STDOUT "summary: 3 users, 1 can send"
         "SMS on in the console but the number not on the campaign at the carrier: 2")
add_enablement_cli_test(summary_json_not_on_campaign EXIT 1 ARGS --format json ${ENABLEMENT_DIR}/not-on-campaign-batch.json
  LINES 1 STDOUT [["notOnCampaign":2]] [["code":"ADD_NUMBER_TO_CAMPAIGN","number":"+13125478822"]])
add_enablement_cli_test(unreadable_number_exit_2 EXIT 2 ARGS --format json ${ENABLEMENT_DIR}/unreadable-number.json
  LINES 1 STDOUT [[{"error":{"instanceLocation":"/user/otherNumbers/0","code":"FIELD_FORMAT"]])

# `smsreg enablement` runs smsreg-enablement (src/enablement_cli/main.cpp)
# with its arguments (every test above goes through that hand-over): --help
# is the program's, a usage error is exit 2, and the installed smsreg finds
# the program installed beside it. smsreg itself does not load libphonenumber
# (nor ICU and protobuf with it): that is why it is apart.
add_test(NAME enablement.cli.help_is_the_program_s COMMAND smsreg_cli enablement --help)
set_tests_properties(enablement.cli.help_is_the_program_s PROPERTIES
  PASS_REGULAR_EXPRESSION "Usage: smsreg enablement.*--recent-days.*--pending-hours")
add_test(NAME enablement.cli.unknown_option_exit_2
         COMMAND sh -c "\"$0\" enablement --no-such-option; test $? -eq 2" $<TARGET_FILE:smsreg_cli>)
add_test(NAME enablement.cli.smsreg_leaves_libphonenumber_to_it
         COMMAND sh -c "ldd \"$0\" | grep -q libphonenumber && exit 1; ldd \"$1\" | grep -q libphonenumber"
                 $<TARGET_FILE:smsreg_cli> $<TARGET_FILE:smsreg_enablement_cli>)
add_test(NAME enablement.cli.installed_beside_smsreg
         COMMAND ${CMAKE_CURRENT_BINARY_DIR}/installed/${CMAKE_INSTALL_BINDIR}/smsreg enablement --help)
set_tests_properties(enablement.cli.installed_beside_smsreg PROPERTIES
  PASS_REGULAR_EXPRESSION "--recent-days" FIXTURES_REQUIRED installed_package LABELS packaging)
