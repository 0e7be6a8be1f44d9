# Configures tests/subproject in a fresh folder; fails when it fails.
#   cmake -DSOURCE=<smsreg> -DWORK=<dir> -P check.cmake
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE}/tests/subproject -B ${WORK} -DSMSREG_SOURCE_DIR=${SOURCE}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "configuring a parent of smsreg failed:\n${out}\n${err}")
endif()
