# The C API from C99 programs (issue 10): its contract, 8 threads on one
# validator, and what libsmsreg.so exports. They link the shared library when
# it is built, as a C user would, and the static one otherwise.
# A C99 program on the C API (also used by examples/). Warnings for C here:
# smsreg_warnings carries C++-only flags.
function(smsreg_add_c_program target source)
  add_executable(${target} ${source})
  if(TARGET smsreg_shared)
    target_link_libraries(${target} PRIVATE smsreg_shared ${ARGN})
  else()
    target_link_libraries(${target} PRIVATE smsreg ${ARGN})
  endif()
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow $<$<BOOL:${SMSREG_WERROR}>:-Werror>)
  set_target_properties(${target} PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
endfunction()

smsreg_add_c_program(capi_test ${CMAKE_CURRENT_LIST_DIR}/capi_test.c)
add_test(NAME capi_test COMMAND capi_test ${PROJECT_SOURCE_DIR}/examples/registration-us.json
                                ${PROJECT_SOURCE_DIR}/examples/registration-broken.json
                                ${PROJECT_SOURCE_DIR}/examples/enablement-number-changed.json)

find_package(Threads REQUIRED)
smsreg_add_c_program(capi_threads_test ${CMAKE_CURRENT_LIST_DIR}/capi_threads_test.c Threads::Threads)
file(GLOB SMSREG_CAPI_THREAD_DOCS ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/registration/base-*.json
     ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/registration/invalid/ein-*.json
     ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/registration/invalid/field-format-*.json)
list(SORT SMSREG_CAPI_THREAD_DOCS)
add_test(NAME capi_threads_test COMMAND capi_threads_test ${SMSREG_CAPI_THREAD_DOCS}
                                        ${PROJECT_SOURCE_DIR}/examples/registration-broken.json)
set_tests_properties(capi_threads_test PROPERTIES LABELS concurrency)

if(TARGET smsreg_shared)
  add_test(NAME shared_library_exports
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check_exports.sh $<TARGET_FILE:smsreg_shared>
                   libsmsreg.so.${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
endif()
