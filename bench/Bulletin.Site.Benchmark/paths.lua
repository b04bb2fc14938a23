-- wrk script: requests the paths listed in a file (one a line), in order from a given start, wrapping around,
-- and prints its figures as one JSON line that the benchmark reads.
-- wrk -s paths.lua URL -- PATHS_FILE [START]
local paths = {}
local i = 0

init = function(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  i = tonumber(args[2] or "0") % #paths
end

request = function()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"micros":%d,"p50":%d,"p99":%d,"socket":%d,"status":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write, e.status, e.timeout))
end
