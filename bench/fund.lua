-- POST /wallet/fund with a new Idempotency-Key on every request (each one a real charge of the saved
-- card BENCH_CARD and a ledger write), every answer checked as read.lua checks it, and a succeeded
-- payment in it. A fund without payment_method_id charges nothing (it answers a Checkout Session).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "read.lua")

wanted = '"status":"succeeded"'
local counter = 0
local thread_id = 0

function init(args)
  thread_id = tonumber(wrk.thread:get("thread_id")) or 0
  wrk.method = "POST"
  local card = os.getenv("BENCH_CARD") or error("BENCH_CARD: the pm_... id of a saved card to charge")
  wrk.body = '{"amount": 10.00, "payment_method_id": "' .. card .. '"}'
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), thread_id, counter)
  return wrk.format()
end
