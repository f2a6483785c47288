-- POST /wallet/fund with a new Idempotency-Key on every request (each one a real charge and ledger
-- write), and every answer checked: 200, the envelope without an error, a succeeded payment.
local counter = 0
local thread_id = 0
local failures = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tonumber(wrk.thread:get("thread_id")) or 0
  wrk.method = "POST"
  wrk.body = '{"amount": 10.00}'
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), thread_id, counter)
  return wrk.format()
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"error":null', 1, true) or not string.find(body, '"status":"succeeded"', 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("failures") or 0)
  end
  io.write(string.format("validation failures: %d\n", total))
end
