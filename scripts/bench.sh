#!/usr/bin/env bash
# Benchmarks Møtebok against the targets in PERFORMANCE.md (see bench/README.md).
# Slow (about five minutes plus the release builds); not part of scripts/test.sh or CI.
#
#   ./scripts/bench.sh            results in artifacts/bench/results.md and screens.md
#
# Builds motebok and the json_agg yardstick in release, installs PostGraphile 5
# (bench/postgraphile), loads ten synthetic years into a fresh PostgreSQL database and a
# fresh SQLite file, then measures with wrk: the server and PostgreSQL pinned to core 1,
# wrk to core 0. Environment: BENCH_DURATION (default 20s), BENCH_MEETING (3/2024),
# BENCH_REPORT_YEAR (2025), BENCH_PG (postgres://postgres@127.0.0.1:5432),
# BENCH_SKIP_BUILD=1 (measure the release binaries as they are).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release/motebok
JSONAGG=$TARGET/bench-jsonagg/release/motebok-bench-jsonagg
OUT=$ROOT/artifacts/bench
WORK=$OUT/work
RESULTS=$WORK/results.json
PY="python3 $ROOT/bench/bench.py"

DURATION=${BENCH_DURATION:-20s}
MEETING=${BENCH_MEETING:-3/2024}
REPORT_YEAR=${BENCH_REPORT_YEAR:-2025}
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
DB=motebok_bench
COLD_DB=motebok_bench_cold
PG_URL=$PG/$DB
SQLITE_URL="sqlite://$WORK/motebok.db?mode=rwc"
PG_LOG=${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
SERVER_CORE=1
WRK_CORE=0
MOTEBOK_PORT=8090
JSONAGG_PORT=8091
PGL_PORT=8092
MEETING_NUMBER=${MEETING%/*}
MEETING_YEAR=${MEETING#*/}

say() { printf '\n==> %s\n' "$*"; }
die() { echo "bench: $*" >&2; exit 1; }

for tool in wrk taskset psql sqlite3 curl node npm python3 cargo; do
    command -v "$tool" >/dev/null || {
        [[ $tool == wrk && $(id -u) == 0 ]] && apt-get install -y wrk >/dev/null && continue
        die "needs $tool"
    }
done
[[ $(nproc) -ge 2 ]] || die "needs two cores (one for the servers, one for wrk)"

rm -rf "$WORK"
mkdir -p "$WORK/responses"

# --- what this script starts, and how it leaves the machine ------------------------------
SERVER_PID=
PG_MASK=
stop_server() {
    if [[ -n $SERVER_PID ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}
postgres_pids() { pgrep -u postgres 2>/dev/null || true; }
cleanup() {
    stop_server
    psql -q "$PG/postgres" -c "ALTER DATABASE $DB RESET log_statement" >/dev/null 2>&1 || true
    if [[ -n $PG_MASK ]]; then
        for pid in $(postgres_pids); do taskset -p "$PG_MASK" "$pid" >/dev/null 2>&1 || true; done
    fi
}
trap cleanup EXIT

# start_server NAME READY_URL READY_BODY CMD... : runs CMD on the server core (log in
# $WORK/NAME.log) and waits until READY_URL answers 200 (a GET, or a POST of READY_BODY).
start_server() {
    local name=$1 ready=$2 data=$3
    shift 3
    local post=()
    [[ -n $data ]] && post=(-H 'Content-Type: application/json' -d "$data")
    taskset -c "$SERVER_CORE" "$@" >"$WORK/$name.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
        if curl -fsS -o /dev/null "${post[@]}" "$ready" 2>/dev/null; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$WORK/$name.log"; die "$name exited"; }
        sleep 0.1
    done
    die "$name did not answer at $ready"
}

# measure NAME CONNECTIONS URL [wrk args]: a 3 s warm-up, then DURATION, from the wrk core;
# wrk's numbers and the server's CPU time go into $RESULTS.
measure() {
    local name=$1 conns=$2 url=$3
    shift 3
    taskset -c "$WRK_CORE" wrk -t1 -c"$conns" -d3s "$@" "$url" >/dev/null
    local before after
    before=$(cpu_ticks)
    taskset -c "$WRK_CORE" wrk -t1 -c"$conns" -d"$DURATION" --latency "$@" "$url" >"$WORK/$name.wrk"
    after=$(cpu_ticks)
    $PY wrk "$RESULTS" "$name" "$WORK/$name.wrk"
    # The server's own CPU per request: unlike req/s, not moved by what else runs here.
    $PY put "$RESULTS" "$name.cpu_ticks" $((after - before))
}

# CPU time (user + system, clock ticks) the server process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

# gql URL BODY_FILE OUT_FILE [TOKEN]: one POST, the answer saved and checked.
gql() {
    local auth=()
    [[ -n ${4:-} ]] && auth=(-H "Authorization: Bearer $4")
    curl -fsS "$1" -H 'Content-Type: application/json' "${auth[@]}" --data-binary "@$2" -o "$3"
    $PY check "$3" >/dev/null
}

# body FILE QUERY_FILE VARIABLES_JSON: a GraphQL request body.
body() {
    python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": json.loads(sys.argv[2])}))' \
        "$2" "$3" >"$1"
}

$PY put "$RESULTS" when "$(date -u '+%Y-%m-%d %H:%M UTC')"
$PY put "$RESULTS" machine "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -r)"
$PY put "$RESULTS" meeting "$MEETING"
$PY put "$RESULTS" report_year "$REPORT_YEAR"
$PY put "$RESULTS" wrk "1 thread, $DURATION after a 3 s warm-up"
$PY put "$RESULTS" clk_tck "$(getconf CLK_TCK)"

# --- builds (BENCH_SKIP_BUILD=1: use the release binaries already built) -----------------
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
    say "Building motebok (release)"
    cargo build --release --locked -p motebok --bin motebok
    say "Building the json_agg yardstick (release, bench/jsonagg)"
    (cd bench/jsonagg && CARGO_TARGET_DIR=$TARGET/bench-jsonagg cargo build --release --locked)
fi
[[ -x $BIN && -x $JSONAGG ]] || die "no release binaries: run without BENCH_SKIP_BUILD"
$PY put "$RESULTS" binary "motebok built $(date -u -r "$BIN" '+%H:%M UTC')"
say "Installing PostGraphile 5 (bench/postgraphile)"
(cd bench/postgraphile && npm ci --no-audit --no-fund --loglevel=error)
$PY put "$RESULTS" postgraphile_version "$(node -p 'require("./bench/postgraphile/node_modules/postgraphile/package.json").version')"

# How motebok runs here: production settings, logs as JSON into $WORK/*.log.
SERVE=(env MOTEBOK_ENV=production MOTEBOK_BIND=127.0.0.1:$MOTEBOK_PORT MOTEBOK_LOG=json
    MOTEBOK_JWT_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
    MOTEBOK_FILES_DIR="$WORK/files")
PASSWORD="Bench-$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
EMAIL=bench@example.org

# --- cold start: exec → /health on an empty database, all migrations included ----------
say "Cold start with migrations"
psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $COLD_DB WITH (FORCE)" -c "CREATE DATABASE $COLD_DB"
ms=$($PY coldstart "http://127.0.0.1:$MOTEBOK_PORT/health" -- \
    taskset -c "$SERVER_CORE" "${SERVE[@]}" DATABASE_URL="$PG/$COLD_DB" "$BIN" serve)
$PY put "$RESULTS" coldstart_pg_ms "$ms"
psql -q "$PG/postgres" -c "DROP DATABASE $COLD_DB WITH (FORCE)"
ms=$($PY coldstart "http://127.0.0.1:$MOTEBOK_PORT/health" -- \
    taskset -c "$SERVER_CORE" "${SERVE[@]}" DATABASE_URL="sqlite://$WORK/cold.db?mode=rwc" "$BIN" serve)
$PY put "$RESULTS" coldstart_sqlite_ms "$ms"
echo "PostgreSQL $($PY field "$RESULTS" coldstart_pg_ms) ms, SQLite $ms ms"

# --- data: ten synthetic years, two vedlegg per sak on the benchmarked meeting ----------
say "Loading ten synthetic years into PostgreSQL ($DB) and SQLite"
psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
for url in "$PG_URL" "$SQLITE_URL"; do
    DATABASE_URL=$url "$BIN" migrate up
    DATABASE_URL=$url "$BIN" demo --synthetic --years 10 | sed -n 1p
    printf '%s' "$PASSWORD" |
        DATABASE_URL=$url "$BIN" user create --email "$EMAIL" --name "Bench Sekretariat" --role secretariat
done
# The synthetic saker have no vedlegg; the page the targets describe has them.
attachments="INSERT INTO attachment (sak_id, number, title, url, version, created_at, updated_at)
  SELECT s.id, n.n, 'Vedlegg ' || n.n || ' til sak ' || s.number, 'https://www.regjeringen.no/',
         1, s.created_at, s.updated_at
  FROM sak s JOIN meeting m ON m.id = s.meeting_id
  CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2) n
  WHERE m.year = $MEETING_YEAR AND m.number = $MEETING_NUMBER;"
psql -q "$PG_URL" -c "$attachments"
sqlite3 "$WORK/motebok.db" "$attachments"
psql -q "$PG_URL" -c "VACUUM ANALYZE"

body "$WORK/page.json" bench/meeting_page.graphql "{\"code\": \"$MEETING\"}"
body "$WORK/report.json" bench/annual_report.graphql "{\"year\": $REPORT_YEAR}"

# --- pin PostgreSQL (every process, and so the backends it forks) to the server core ----
postmaster=$(head -1 "$(psql -Atq "$PG/postgres" -c 'SHOW data_directory')/postmaster.pid" 2>/dev/null || pgrep -u postgres -o)
PG_MASK=$(taskset -p "$postmaster" | awk '{print $NF}')
for pid in $(postgres_pids); do taskset -p -c "$SERVER_CORE" "$pid" >/dev/null 2>&1 || true; done
$PY put "$RESULTS" loadavg "$(cut -d' ' -f1-3 /proc/loadavg)"

# token BASE_URL: logs the bench user in and makes a read-only API token.
token() {
    local access
    access=$(curl -fsS "$1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
    curl -fsS "$1/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $access" \
        -d '{"query":"mutation { createApiToken(input: {name: \"bench\", scopes: [\"read\"]}) { token } }"}' |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["createApiToken"]["token"])'
}

# --- motebok on each backend: meeting page, annual report, memory ------------------------
for backend in pg sqlite; do
    url=$PG_URL
    [[ $backend == sqlite ]] && url=$SQLITE_URL
    name=motebok_$backend
    say "motebok on $backend"
    base=http://127.0.0.1:$MOTEBOK_PORT
    start_server "$name" "$base/health" "" "${SERVE[@]}" DATABASE_URL="$url" "$BIN" serve
    sleep 1
    $PY put "$RESULTS" "$name.idle_rss_mb" "$($PY rss "$SERVER_PID")"
    TOKEN=$(token "$base")
    gql "$base/graphql" "$WORK/page.json" "$WORK/responses/$name.json" "$TOKEN"
    export BENCH_BODY=$WORK/page.json BENCH_AUTH="Bearer $TOKEN"
    measure "$name" 16 "$base/graphql" -s bench/post.lua

    t0=$(date +%s%N)
    gql "$base/graphql" "$WORK/report.json" "$WORK/responses/report_$backend.json" "$TOKEN"
    $PY put "$RESULTS" "report_$backend.first_ms" $(( ($(date +%s%N) - t0) / 1000000 ))
    export BENCH_BODY=$WORK/report.json
    measure "report_$backend" 1 "$base/graphql" -s bench/post.lua
    sleep 2
    $PY put "$RESULTS" "$name.rss_mb" "$($PY rss "$SERVER_PID")"
    stop_server
done

page=$WORK/responses/motebok_pg.json
$PY put "$RESULTS" page_bytes "$(wc -c <"$page")"
python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))["data"]["meeting"]
print("page_saker", len(m["saker"]))
print("page_attachments", sum(len(s["attachments"]) for s in m["saker"]))
print("page_attendance", len(m["attendance"]))' "$page" |
    while read -r key value; do $PY put "$RESULTS" "$key" "$value"; done

# --- SQL statements for one meeting page (PostgreSQL's statement log) --------------------
say "Counting the meeting page's SQL statements"
psql -q "$PG/postgres" -c "ALTER DATABASE $DB SET log_statement = 'all'"
start_server motebok_statements "http://127.0.0.1:$MOTEBOK_PORT/health" "" "${SERVE[@]}" DATABASE_URL="$PG_URL" "$BIN" serve
base=http://127.0.0.1:$MOTEBOK_PORT
TOKEN=$(token "$base")
# One page first, so the token's last-use stamp (written at most once a minute) is done.
gql "$base/graphql" "$WORK/page.json" "$WORK/responses/statements-warm.json" "$TOKEN"
sleep 0.5
offset=$(stat -c %s "$PG_LOG")
gql "$base/graphql" "$WORK/page.json" "$WORK/responses/statements.json" "$TOKEN"
sleep 0.5
$PY statements "$PG_LOG" "$offset" "$DB" >"$OUT/meeting-page-statements.txt"
stop_server
psql -q "$PG/postgres" -c "ALTER DATABASE $DB RESET log_statement"
$PY put "$RESULTS" statements "$(wc -l <"$OUT/meeting-page-statements.txt")"
$PY put "$RESULTS" statements_auth "$(grep -cE 'api_token|user_account' "$OUT/meeting-page-statements.txt" || true)"
cat "$OUT/meeting-page-statements.txt"

# --- the yardsticks: json_agg and PostGraphile over the same PostgreSQL database ---------
say "axum + one json_agg statement"
jurl=http://127.0.0.1:$JSONAGG_PORT/meeting/$MEETING_YEAR/$MEETING_NUMBER
start_server jsonagg "$jurl" "" env DATABASE_URL="$PG_URL" BIND=127.0.0.1:$JSONAGG_PORT "$JSONAGG"
curl -fsS "$jurl" -o "$WORK/responses/jsonagg.json"
$PY put "$RESULTS" jsonagg_same_json "$($PY same "$WORK/responses/jsonagg.json" "$page")"
measure jsonagg 16 "$jurl"
sleep 1
$PY put "$RESULTS" jsonagg.rss_mb "$($PY rss "$SERVER_PID")"
stop_server

say "PostGraphile 5"
purl=http://127.0.0.1:$PGL_PORT/graphql
body "$WORK/postgraphile.json" bench/postgraphile/meeting_page.graphql \
    "{\"year\": $MEETING_YEAR, \"number\": $MEETING_NUMBER}"
start_server postgraphile "$purl" '{"query":"{__typename}"}' \
    env -C bench/postgraphile DATABASE_URL="$PG_URL" PORT=$PGL_PORT GRAPHILE_ENV=production \
    NODE_ENV=production node --import ./node20.mjs node_modules/postgraphile/dist/cli-run.js -C graphile.config.mjs
gql "$purl" "$WORK/postgraphile.json" "$WORK/responses/postgraphile.json"
export BENCH_BODY=$WORK/postgraphile.json BENCH_AUTH=
measure postgraphile 16 "$purl" -s bench/post.lua
sleep 1
$PY put "$RESULTS" postgraphile.rss_mb "$($PY rss "$SERVER_PID")"
stop_server

# --- the web app: each main screen opened in Chromium -----------------------------------
say "The web app's screens (web/e2e/measure-screens.mjs)"
[[ -f web/dist/index.html && ${BENCH_SKIP_BUILD:-0} == 1 ]] || (cd web && npm run build >/dev/null)
(cd web && MOTEBOK_BIN=$BIN node e2e/measure-screens.mjs "$OUT/screens.md")

# --- the table ----------------------------------------------------------------------------
$PY report "$RESULTS" | tee "$OUT/results.md"
echo
echo "Written to artifacts/bench/results.md and screens.md (raw wrk output and answers in artifacts/bench/work/)."
