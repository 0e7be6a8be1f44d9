# validate --ndjson over many windows: --jobs 3 must write exactly what
# --jobs 1 writes, line for line, in input order.
#   cmake -DCLI=... -DCORPUS=... -DOUT=... -P jobs_same_output.cmake
foreach(jobs 1 3)
  execute_process(COMMAND ${CLI} validate --ndjson --format json --jobs ${jobs} ${CORPUS}
                  OUTPUT_FILE ${OUT}.jobs${jobs} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "--jobs ${jobs}: exit ${rc}, expected 1 (some documents are NOT_VERIFIED)")
  endif()
endforeach()
file(SHA256 ${OUT}.jobs1 one)
file(SHA256 ${OUT}.jobs3 three)
file(STRINGS ${OUT}.jobs1 lines)
list(LENGTH lines n)
if(NOT one STREQUAL three)
  message(FATAL_ERROR "--jobs 3 output differs from --jobs 1 (${OUT}.jobs1 / .jobs3)")
endif()
message(STATUS "--jobs 1 and --jobs 3: the same ${n} lines")
