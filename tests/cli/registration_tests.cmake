# CLI tests of `smsreg validate` and the rules doc (issue 2), included from tests/CMakeLists.txt.
if(NOT TARGET smsreg_cli)
  return()
endif()
set(REGISTRATION_CLI_DIR ${CMAKE_CURRENT_LIST_DIR})
set(REGISTRATION_EXAMPLES ${PROJECT_SOURCE_DIR}/examples)

# add_cli_test(SUBCOMMAND NAME EXIT N ARGS ... [STDOUT text...] [LINES n])
function(add_cli_test subcommand name)
  cmake_parse_arguments(T "" "EXIT;LINES" "ARGS;STDOUT" ${ARGN})
  # Lists travel to the script joined with "|": a ";" would split the add_test argument.
  string(REPLACE ";" "|" args "${T_ARGS}")
  set(defs -DCLI=$<TARGET_FILE:smsreg_cli> -DSUBCOMMAND=${subcommand} "-DARGS=${args}" -DEXPECT_EXIT=${T_EXIT})
  if(T_STDOUT)
    string(REPLACE ";" "|" stdout "${T_STDOUT}")
    list(APPEND defs "-DEXPECT_STDOUT=${stdout}")
  endif()
  if(DEFINED T_LINES)
    list(APPEND defs -DEXPECT_LINES=${T_LINES})
  endif()
  set(prefix registration)
  if(NOT subcommand STREQUAL "validate")
    set(prefix ${subcommand})
  endif()
  add_test(NAME ${prefix}.cli.${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${REGISTRATION_CLI_DIR}/run_cli.cmake)
endfunction()
function(add_validate_cli_test name)
  add_cli_test(validate ${name} ${ARGN})
endfunction()
function(add_check_cli_test name)
  add_cli_test(check ${name} ${ARGN})
endfunction()

# The shipped valid example: exit 0, VERIFIED, and no finding line at all.
add_validate_cli_test(example_us_verified EXIT 0 ARGS ${REGISTRATION_EXAMPLES}/registration-us.json LINES 1
  STDOUT "registration-us.json: VERIFIED (0 errors, 0 warnings)")
add_validate_cli_test(example_us_json EXIT 0 ARGS --format json ${REGISTRATION_EXAMPLES}/registration-us.json LINES 1
  STDOUT [["status":"VERIFIED"]] [=["errors":[]]=] [=["warnings":[]]=])
# The broken example: exit 1, NOT_VERIFIED, each error on its own line with its field.
add_validate_cli_test(example_broken_lists_errors EXIT 1 ARGS ${REGISTRATION_EXAMPLES}/registration-broken.json
  LINES 15
  STDOUT "registration-broken.json: NOT_VERIFIED (12 errors, 2 warnings)"
         "error /brand/ein EIN_PREFIX_INVALID"
         "error /brand/phone FIELD_FORMAT"
         "error /brand/state STATE_UNKNOWN"
         "error /campaign/description FIELD_TOO_SHORT"
         "error /campaign/sample1 URL_SHORTENER"
         "error /campaign/sampel2 FIELD_UNKNOWN"
         "error /campaign/subscriberOptin FIELD_TYPE"
         "warning /brand/email EMAIL_FREE_DOMAIN"
         "warning /brand/website WEBSITE_NOT_HTTPS")
add_validate_cli_test(example_broken_json EXIT 1 ARGS --format json ${REGISTRATION_EXAMPLES}/registration-broken.json LINES 1
  STDOUT [["status":"NOT_VERIFIED"]]
         [[{"instanceLocation":"/brand/ein","code":"EIN_PREFIX_INVALID"]]
         [[{"instanceLocation":"/brand/phone","code":"FIELD_FORMAT"]] [["suggestion":"+13125478810"]]
         [[{"instanceLocation":"/campaign/sampel2","code":"FIELD_UNKNOWN"]] [["suggestion":"sample2"]])
# Both at once: exit 1 (any NOT_VERIFIED), one JSON line per document, each with its source.
add_validate_cli_test(two_files_exit_1 EXIT 1
  ARGS --format json ${REGISTRATION_EXAMPLES}/registration-us.json ${REGISTRATION_EXAMPLES}/registration-broken.json
  LINES 2 STDOUT [["source":"]] [["status":"VERIFIED"]] [["status":"NOT_VERIFIED"]])
# --part brand on the broken example reports brand findings only.
add_validate_cli_test(part_brand EXIT 1 ARGS --part brand ${REGISTRATION_EXAMPLES}/registration-broken.json
  LINES 6 STDOUT "NOT_VERIFIED (3 errors, 2 warnings)" "error /brand/ein EIN_PREFIX_INVALID")
# --disable of an unknown code is a usage error.
add_validate_cli_test(disable_unknown_code_exit_2 EXIT 2
  ARGS --disable NO_SUCH_CODE ${REGISTRATION_EXAMPLES}/registration-us.json)

# docs/rules.md is generated from `smsreg rules --format json`; fail on drift.
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND)
  add_test(NAME rules_doc_in_sync
           COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:smsreg_cli> -DPYTHON=${Python3_EXECUTABLE}
                   -DGENERATOR=${PROJECT_SOURCE_DIR}/tools/gen_rules_doc.py -DDOC=${PROJECT_SOURCE_DIR}/docs/rules.md
                   -DOUT=${CMAKE_CURRENT_BINARY_DIR}/rules.generated.md -P ${REGISTRATION_CLI_DIR}/rules_doc_check.cmake)
endif()

# --rules adds and overrides rules: the broken example's free-mail address becomes an error,
# and a rule file RE2 cannot compile (lookahead) is exit 2, as is an unreadable one.
add_validate_cli_test(rules_file_overrides_severity EXIT 1
  ARGS --rules ${PROJECT_SOURCE_DIR}/tests/fixtures/rules/add-and-override.json ${REGISTRATION_EXAMPLES}/registration-broken.json
  STDOUT "NOT_VERIFIED (13 errors, 1 warning)" "error /brand/email EMAIL_FREE_DOMAIN")
add_validate_cli_test(rules_file_lookahead_refused EXIT 2
  ARGS --rules ${PROJECT_SOURCE_DIR}/tests/fixtures/rules/lookahead.json ${REGISTRATION_EXAMPLES}/registration-us.json)
add_validate_cli_test(rules_file_missing EXIT 2
  ARGS --rules ${PROJECT_SOURCE_DIR}/tests/fixtures/rules/no-such-file.json ${REGISTRATION_EXAMPLES}/registration-us.json)
add_validate_cli_test(disable_turns_a_rule_off EXIT 1
  ARGS --disable EIN_PREFIX_INVALID ${REGISTRATION_EXAMPLES}/registration-broken.json
  STDOUT "NOT_VERIFIED (11 errors, 2 warnings)")
add_validate_cli_test(usage_error_is_exit_2 EXIT 2 ARGS --format yaml ${REGISTRATION_EXAMPLES}/registration-us.json)
add_validate_cli_test(ndjson_jobs EXIT 1
  ARGS --ndjson --jobs 4 --format json ${PROJECT_SOURCE_DIR}/tests/fixtures/registration/two-docs.ndjson
  LINES 2 STDOUT [["source":]] [["status":"VERIFIED"]] [["status":"NOT_VERIFIED"]])

# `smsreg check` (issue 5): valid 0, invalid 1 with instance and keyword locations, a pattern RE2
# cannot run refused at load (2, location named on stderr), remotes served from a folder.
set(CHECK_FIXTURES ${PROJECT_SOURCE_DIR}/tests/fixtures/check)
add_check_cli_test(valid EXIT 0 ARGS --schema ${CHECK_FIXTURES}/person.schema.json ${CHECK_FIXTURES}/valid.json
  STDOUT "valid.json: valid")
add_check_cli_test(invalid_json EXIT 1
  ARGS --schema ${CHECK_FIXTURES}/person.schema.json --format json ${CHECK_FIXTURES}/invalid.json
  STDOUT [["valid":false]]
         [["instanceLocation":"/code","keywordLocation":"/properties/code/pattern","code":"SCHEMA_PATTERN"]]
         [["instanceLocation":"/age","keywordLocation":"/properties/age/minimum","code":"SCHEMA_MINIMUM"]]
         [["instanceLocation":"","keywordLocation":"/additionalProperties","code":"SCHEMA_ADDITIONAL_PROPERTIES"]])
add_check_cli_test(lookahead_refused EXIT 2 ARGS --schema ${CHECK_FIXTURES}/lookahead.schema.json ${CHECK_FIXTURES}/valid.json)
add_check_cli_test(remotes_dir EXIT 1
  ARGS --schema ${CHECK_FIXTURES}/remote.schema.json --remotes ${CHECK_FIXTURES}/remotes ${CHECK_FIXTURES}/valid.json
  STDOUT "valid.json: invalid")
add_check_cli_test(malformed_instance EXIT 1 ARGS --schema ${CHECK_FIXTURES}/person.schema.json ${CHECK_FIXTURES}/lookahead.schema.json ${PROJECT_SOURCE_DIR}/tests/fixtures/registration/two-docs.ndjson
  STDOUT "INPUT_MALFORMED")

# Provider profiles (issue 8): --profile applies a shipped rule file; an unknown name is exit 2;
# `rules --profile` shows the profile's severities and every rule's evidence.
add_validate_cli_test(profile_unknown_exit_2 EXIT 2 ARGS --profile no-such-provider ${REGISTRATION_EXAMPLES}/registration-us.json)
add_validate_cli_test(profile_example_verified EXIT 0 ARGS --profile twilio-2026 ${REGISTRATION_EXAMPLES}/registration-us.json
  STDOUT "VERIFIED (0 errors, 0 warnings)")
add_cli_test(rules profile_json EXIT 0 ARGS --format json --profile twilio-2026 LINES 1
  STDOUT [["code":"PRIVACY_POLICY_LINK_MISSING","severity":"error"]] [["code":"OPTIN_MESSAGE_RATES_MISSING"]] [["evidence":"]])
add_cli_test(rules default_json_evidence EXIT 0 ARGS --format json LINES 1
  STDOUT [["code":"PRIVACY_POLICY_LINK_MISSING","severity":"warning"]] [["evidence":"]])
add_cli_test(rules profile_unknown_exit_2 EXIT 2 ARGS --profile no-such-provider)
