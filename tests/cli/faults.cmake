# Issue 9: faults are loud and nothing is lost. Included from tests/CMakeLists.txt.
if(NOT TARGET smsreg_cli)
  return()
endif()
set(SMSREG_FAULT_CASES limits file-bounds read-errors write-errors nul batch-order)
if(NOT SMSREG_SANITIZE)
  # A peak-RSS bound means nothing under ASan (its shadow memory and
  # quarantine tripled the figure); the plain build holds it.
  list(APPEND SMSREG_FAULT_CASES batch-memory)
endif()
foreach(case ${SMSREG_FAULT_CASES})
  add_test(NAME faults.cli.${case}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/faults.sh $<TARGET_FILE:smsreg_cli> ${PROJECT_SOURCE_DIR} ${case})
endforeach()
# validate, enablement and check under `ulimit -v 262144` (256 MiB) over the
# fuzz corpora and bad inputs: never a signal, every exit 0, 1 or 2. Skipped
# under ASan, which reserves terabytes of address space.
if(NOT SMSREG_SANITIZE)
  add_test(NAME faults.memory_pressure
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/memory_pressure.sh $<TARGET_FILE:smsreg_cli> ${PROJECT_SOURCE_DIR})
  set_tests_properties(faults.memory_pressure PROPERTIES TIMEOUT 900)
endif()
