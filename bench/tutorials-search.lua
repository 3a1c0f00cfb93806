-- wrk script for the tutorial search: GET /api/v1/tutorials?q=… cycling over a list of paths.
--
--   wrk -t2 -c8 -d10s --latency -s bench/tutorials-search.lua http://127.0.0.1:PORT -- PATHS_FILE
--
-- PATHS_FILE holds one request path a line (already URL-encoded; bench/tutorials.sh writes it
-- from the phrasings of content/search/evaluation.toml). Each wrk thread starts at a different
-- offset and walks the list in order, wrapping around.
--
-- The `done` hook prints non-2xx counts and one machine-readable `RESULT` line.

local threads = {}
local next_tid = 0

function setup(thread)
   thread:set("tid", next_tid)
   next_tid = next_tid + 1
   table.insert(threads, thread)
end

-- Per-thread state (each wrk thread has its own Lua state).
paths = {}
idx = 0
non2xx = 0

function init(args)
   local file = args[1] or error("usage: wrk ... -s tutorials-search.lua URL -- PATHS_FILE")
   for line in io.lines(file) do
      if line ~= "" then table.insert(paths, line) end
   end
   if #paths == 0 then error("no paths in " .. file) end
   idx = ((tid or 0) * 7) % #paths
end

function request()
   idx = idx % #paths + 1
   return wrk.format("GET", paths[idx])
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if non2xx == 1 then first_error = tostring(status) .. " " .. string.sub(body or "", 1, 200) end
   end
end

function done(summary, latency, requests)
   local bad, first = 0, nil
   for _, t in ipairs(threads) do
      bad = bad + (t:get("non2xx") or 0)
      first = first or t:get("first_error")
   end
   local secs = summary.duration / 1e6
   local e = summary.errors
   local sock = e.connect + e.read + e.write + e.timeout
   io.write(string.format("non-2xx responses: %d\n", bad))
   if first then io.write("first non-2xx: " .. first .. "\n") end
   io.write(string.format(
      "RESULT mode=wrk-search count=%d secs=%.3f rate=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d socket_errors=%d\n",
      summary.requests, secs, summary.requests / secs,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad, sock))
end
