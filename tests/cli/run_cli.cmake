# Runs one smsreg subcommand once and checks its exit status and output.
#   cmake -DCLI=path -DSUBCOMMAND=validate|enablement|check -DARGS="a|b|c" -DEXPECT_EXIT=N
#         [-DSTDIN=file] [-DEXPECT_STDOUT="text1|text2"] [-DEXPECT_LINES=N] -P run_cli.cmake
# EXPECT_STDOUT: each item must occur in standard output (plain substring).
# EXPECT_LINES: the number of lines standard output must have.
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "|" ";" EXPECT_STDOUT "${EXPECT_STDOUT}")
if(DEFINED STDIN)
  set(input INPUT_FILE ${STDIN})
endif()
execute_process(COMMAND ${CLI} ${SUBCOMMAND} ${ARGS} ${input}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "exit ${status}, expected ${EXPECT_EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
foreach(text IN LISTS EXPECT_STDOUT)
  string(FIND "${out}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "stdout lacks \"${text}\"\nstdout:\n${out}\nstderr:\n${err}")
  endif()
endforeach()
if(DEFINED EXPECT_LINES)
  string(REGEX MATCHALL "\n" newlines "${out}")
  list(LENGTH newlines lines)
  if(NOT lines EQUAL EXPECT_LINES)
    message(FATAL_ERROR "stdout has ${lines} lines, expected ${EXPECT_LINES}\nstdout:\n${out}")
  endif()
endif()
