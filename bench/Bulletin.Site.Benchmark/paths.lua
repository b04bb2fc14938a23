-- wrk script: requests the paths listed in a file (one a line), in order from a given start, wrapping around,
-- and prints its figures as one JSON line that the benchmark reads. With "once", each path from the start to the
-- end of the list is asked for once and the thread then stops, so that every page measured is one not asked for
-- before; wrk itself still waits out its duration, so the thread prints the wall time from its first request to
-- its last answer (from date(1): wrk's Lua has no clock) and how many answers that covers.
-- wrk -s paths.lua URL -- PATHS_FILE [START] [once]
local paths = {}
local i = 0
local once = false
local left = 0
local answered = 0
local started = nil

local function now_us()
  local date = io.popen("date +%s%N")
  local ns = date:read("*n")
  date:close()
  return math.floor(ns / 1000)
end

init = function(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  i = tonumber(args[2] or "0") % #paths
  once = args[3] == "once"
  if once then
    left = #paths - i
    -- Defined only then: a response callback makes wrk parse every answer.
    response = function(status, headers, body)
      answered = answered + 1
      if answered == left then
        io.write(string.format('ONCE {"micros":%d,"answered":%d}\n', now_us() - started, answered))
        wrk.thread:stop()
      end
    end
  end
end

request = function()
  if once and started == nil then started = now_us() end
  i = i + 1
  if i > #paths then i = once and #paths or 1 end
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"micros":%d,"p50":%d,"p99":%d,"socket":%d,"status":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write, e.status, e.timeout))
end
