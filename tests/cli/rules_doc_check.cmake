# Fails when docs/rules.md has drifted from `smsreg rules --format json`.
#   cmake -DCLI=path -DPYTHON=python3 -DGENERATOR=tools/gen_rules_doc.py -DDOC=docs/rules.md
#         -DOUT=build/rules.md -P rules_doc_check.cmake
# The two commands of one execute_process are piped: CLI stdout -> generator stdin.
execute_process(COMMAND ${CLI} rules --format json
                COMMAND ${PYTHON} ${GENERATOR}
                RESULTS_VARIABLE statuses OUTPUT_VARIABLE generated ERROR_VARIABLE err)
foreach(status IN LISTS statuses)
  if(NOT status STREQUAL "0")
    message(FATAL_ERROR "generating the rules doc failed (exit statuses ${statuses}):\n${err}")
  endif()
endforeach()
if(generated STREQUAL "")
  message(FATAL_ERROR "the generator wrote nothing\n${err}")
endif()
file(WRITE ${OUT} "${generated}")
file(READ ${DOC} committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "${DOC} is out of date with `smsreg rules --format json`.\n"
                      "Regenerate it:\n  smsreg rules --format json | python3 tools/gen_rules_doc.py > docs/rules.md\n"
                      "(the fresh output is in ${OUT}; diff it against ${DOC})")
endif()
