-- POST /wallet/fund with a new Idempotency-Key on every request (each one a real charge and ledger
-- write), every answer checked as read.lua checks it, and a succeeded payment in it.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "read.lua")

wanted = '"status":"succeeded"'
local counter = 0
local thread_id = 0

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
