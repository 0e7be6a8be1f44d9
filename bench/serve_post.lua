-- wrk script for bench/serve_load.sh: POSTs the benchmark corpus (one
-- submission a line, CORPUS in the environment) round-robin to
-- /v1/registrations/validate, and prints a JSON summary line at the end.
local docs = {}
local next_doc = 1

function init(args)
  for line in io.lines(os.getenv("CORPUS")) do
    if #line > 0 then docs[#docs + 1] = line end
  end
  -- each wrk thread starts at a different place in the corpus
  next_doc = (math.random(1, #docs))
end

function request()
  local body = docs[next_doc]
  next_doc = next_doc % #docs + 1
  return wrk.format("POST", "/v1/registrations/validate", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"non_2xx_3xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status))
end
