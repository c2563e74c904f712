-- wrk script: GETs the paths listed in a file, one per line, in turn (each
-- thread from its own place), so that no cache answers the same key twice
-- in a row. args: paths-file [access-token]
local threads_made = 0
function setup(thread)
  thread:set("offset", threads_made * 7919)
  threads_made = threads_made + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  headers = {}
  if args[2] and #args[2] > 0 then headers["Authorization"] = "Bearer " .. args[2] end
  step = offset or 0
end

function request()
  step = step + 1
  return wrk.format("GET", paths[(step % #paths) + 1], headers)
end
