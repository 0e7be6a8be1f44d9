# Real-cases suite (issue 8): registrations whose outcome was published, measured against smsreg.
# run_wild.py prints both figures and fails when either falls below floor.json.
if(NOT TARGET smsreg_cli)
  return()
endif()
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND)
  add_test(NAME wild_cases
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/run_wild.py $<TARGET_FILE:smsreg_cli>)
  set_tests_properties(wild_cases PROPERTIES TIMEOUT 120)
endif()
