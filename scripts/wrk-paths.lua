-- wrk script: each request asks for the next path of a file (one path per line), so that a run over distinct article
-- pages measures pages the server has not rendered yet (its page cache never answers).
--   wrk -t2 -c16 -d15s -s scripts/wrk-paths.lua http://127.0.0.1:8080 -- PATHS FIRST LAST THREADS
-- Lines FIRST..LAST (1-based) are shared out among the THREADS threads, each taking every THREADS-th line. A thread
-- that runs out starts its share again, and the summary says so: those requests may have been answered from cache.

local created = {}

function setup(thread)
  thread:set("index", #created)
  table.insert(created, thread)
end

function init(args)
  local first, last, threads = tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  local all = {}
  for line in io.lines(args[1]) do
    all[#all + 1] = line
  end
  paths = {}
  for line = first + index, math.min(last, #all), threads do
    paths[#paths + 1] = all[line]
  end
  if #paths == 0 then
    error("wrk-paths.lua: no lines " .. first .. "-" .. last .. " for thread " .. index .. " in " .. args[1])
  end
  position = 0
  repeated = 0
end

function request()
  position = position + 1
  if position > #paths then
    position = 1
    repeated = repeated + 1
  end
  return wrk.format("GET", paths[position])
end

function done(summary, latency, requests)
  local wrapped = 0
  for _, thread in ipairs(created) do
    wrapped = wrapped + thread:get("repeated")
  end
  io.write(string.format("paths repeated: %d\n", wrapped))
end
