-- Every answer checked: 200 and the envelope without an error; the count of those that are not is
-- printed at the end ("failed answers: N"). fund.lua builds on this script.

-- Globals, not locals: done() reads each thread's count with thread:get, which sees only globals.
failures = 0
-- What an answer must also contain (fund.lua: a succeeded payment); nil for nothing more.
wanted = nil
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"error":null', 1, true)
      or (wanted ~= nil and not string.find(body, wanted, 1, true)) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("failures") or 0)
  end
  io.write(string.format("failed answers: %d\n", total))
end
