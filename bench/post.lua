-- wrk script: POSTs the JSON body in $BENCH_BODY (a file) with $BENCH_AUTH as the
-- Authorization header, if set, and counts responses that are not 200.
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("BENCH_AUTH")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = auth
end
