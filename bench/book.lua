-- wrk script: every request books a different 5-minute slot, spread over 700
-- days so no day fills up. args: base-unix-seconds service-id access-token
-- threads first-index. Round r of a benchmark starts at index (r-1)·700·96,
-- that is 8 hours later in each day: up to 67,200 bookings a round, apart.
local threads_made = 0
function setup(thread)
  thread:set("id", threads_made)
  threads_made = threads_made + 1
end

function init(args)
  base = tonumber(args[1]); service = args[2]; token = args[3]
  step = 0; threads = tonumber(args[4] or "2"); first = tonumber(args[5] or "0")
end

function request()
  local i = first + step * threads + id
  step = step + 1
  local start = base + (i % 700) * 86400 + math.floor(i / 700) * 300
  return wrk.format("POST", "/api/bookings",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token},
    '{"slotId":"' .. service .. "." .. start .. '"}')
end
