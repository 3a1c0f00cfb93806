-- wrk script for the public intake: POST /api/v1/help-requests.
--
--   wrk -t2 -c64 -d15s --latency -s bench/intake.lua http://127.0.0.1:PORT
--
-- Each request carries a distinct, valid French mobile number (+33 6 7T NNNNNN: T is the
-- wrk thread, N a per-thread counter), because the server refuses a second open request
-- for the same number. Up to 10 threads and 1,000,000 requests per thread stay distinct.
-- Run it against a fresh data directory with RELAIS_INTAKE_RATE_LIMIT=0 (the intake is
-- rate-limited per client address otherwise, and every wrk connection comes from 127.0.0.1).
--
-- The `done` hook prints non-2xx counts by status and one machine-readable `RESULT` line.

local threads = {}
local next_tid = 0

function setup(thread)
   thread:set("tid", next_tid)
   next_tid = next_tid + 1
   table.insert(threads, thread)
end

-- Per-thread state (each wrk thread has its own Lua state).
counter = 0
non2xx = 0
statuses = {}

wrk.method = "POST"
wrk.path = "/api/v1/help-requests"
wrk.headers["Content-Type"] = "application/json"

function request()
   counter = counter + 1
   local phone = string.format("+3367%d%06d", (tid or 0) % 10, counter % 1000000)
   local body = '{"phone":"' .. phone .. '","topic":"impots","language":"fr","channel":"web"}'
   return wrk.format("POST", "/api/v1/help-requests", nil, body)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      local key = tostring(status)
      statuses[key] = (statuses[key] or 0) + 1
      if non2xx == 1 then
         first_error = key .. " " .. string.sub(body or "", 1, 200)
      end
   end
end

function done(summary, latency, requests)
   local bad, codes, first = 0, {}, nil
   for _, t in ipairs(threads) do
      bad = bad + (t:get("non2xx") or 0)
      local s = t:get("statuses")
      if s then
         for k, v in pairs(s) do codes[k] = (codes[k] or 0) + v end
      end
      first = first or t:get("first_error")
   end
   local secs = summary.duration / 1e6
   local e = summary.errors
   local sock = e.connect + e.read + e.write + e.timeout
   io.write(string.format("non-2xx responses: %d", bad))
   for k, v in pairs(codes) do io.write(string.format("  [%s: %d]", k, v)) end
   io.write("\n")
   if first then io.write("first non-2xx: " .. first .. "\n") end
   io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
      e.connect, e.read, e.write, e.timeout))
   io.write(string.format(
      "RESULT mode=wrk-intake count=%d secs=%.3f rate=%.1f ok_rate=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d socket_errors=%d\n",
      summary.requests, secs, summary.requests / secs, (summary.requests - bad) / secs,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad, sock))
end
