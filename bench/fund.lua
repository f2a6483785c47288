-- POST /wallet/fund with a one-off test card (payment_method_id: pm_card_visa, as agents send it) and a
-- new Idempotency-Key on every request (each one a real charge and ledger write), every answer checked
-- as read.lua checks it, and a succeeded payment in it. BENCH_REQUESTS, when set, stops the load after
-- that many answers (the memory run's 200,000 payments).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "read.lua")

wanted = '"status":"succeeded"'
local counter = 0
local thread_id = 0
local answered = 0
local limit = tonumber(os.getenv("BENCH_REQUESTS") or "")

function init(args)
  thread_id = tonumber(wrk.thread:get("thread_id")) or 0
  wrk.method = "POST"
  wrk.body = '{"amount": 10.00, "payment_method_id": "pm_card_visa"}'
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), thread_id, counter)
  return wrk.format()
end

local check = response
function response(status, headers, body)
  check(status, headers, body)
  answered = answered + 1
  if limit ~= nil and answered >= limit then
    wrk.thread:stop()
  end
end
