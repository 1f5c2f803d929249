#!/usr/bin/env bash
# Runs every test Møtebok has: the Rust workspace (on SQLite and PostgreSQL) and the
# web app (type checks, unit tests, browser tests against the real binary).
#
#   ./scripts/test.sh
#
# On a fresh Debian machine it first makes sure of what the tests need, installing it
# with apt when missing (that part needs root):
#   - PostgreSQL answering on 127.0.0.1:5432, user postgres, trust auth over TCP
#   - chromium (/usr/bin/chromium, with chromium-l10n) and poppler-utils (pdftotext, pdftoppm)
#   - python3 with the icalendar package (pip, else apt)
#
# Logs: artifacts/logs/{cargo-build,rust-tests,web-tests}.log (also streamed here).
# Environment:
#   MOTEBOK_TEST_POSTGRES_URL  server the Rust tests create their databases on; when set,
#                              the local PostgreSQL is not checked or installed
#                              (default postgres://postgres@127.0.0.1:5432/postgres)
#   MOTEBOK_TEST_TIMEOUT       limit for each test suite (default 20m, `timeout` syntax)
#   RUST_TEST_THREADS          tests run at once in each Rust test binary (default 4)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
LOGS=$ROOT/artifacts/logs
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
SUITE_TIMEOUT=${MOTEBOK_TEST_TIMEOUT:-20m}
# The integration tests mostly wait on HTTP and the databases, so more threads than cores.
RUST_TEST_THREADS=${RUST_TEST_THREADS:-4}
PG_HOST=127.0.0.1
PG_PORT=5432
OWN_POSTGRES_URL=${MOTEBOK_TEST_POSTGRES_URL:+1}
export MOTEBOK_TEST_POSTGRES_URL=${MOTEBOK_TEST_POSTGRES_URL:-postgres://postgres@$PG_HOST:$PG_PORT/postgres}
export CI=${CI:-true}
export DEBIAN_FRONTEND=noninteractive

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }

APT_UPDATED=
apt_install() {
    is_root || die "missing: $*. Install it as root: apt-get install -y $*"
    if [[ -z $APT_UPDATED ]]; then
        apt-get update </dev/null
        APT_UPDATED=1
    fi
    apt-get install -y "$@" </dev/null
}

# --- PostgreSQL -------------------------------------------------------------------------

pg_answers() {
    if command -v pg_isready >/dev/null; then
        pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
    else
        # No client tools: an open port is the best we can check.
        (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
    fi
}

wait_for_pg() {
    for _ in $(seq 1 30); do
        pg_answers && return 0
        sleep 1
    done
    return 1
}

# "<version> <name>" of the Debian cluster set up for our port, if there is one.
pg_cluster() {
    command -v pg_lsclusters >/dev/null || return 0
    pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }'
}

# Starts the cluster on our port; creates one (newest installed server) when root and
# there is none yet. Fails when PostgreSQL is not installed.
start_pg_cluster() {
    local version name
    read -r version name <<<"$(pg_cluster)" || true
    if [[ -z ${version:-} ]]; then
        version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
        [[ -n $version ]] && is_root || return 1
        name=main
        say "Creating PostgreSQL $version cluster '$name' on port $PG_PORT"
        pg_createcluster --port "$PG_PORT" "$version" "$name"
    fi
    say "Starting PostgreSQL $version cluster '$name'"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start || true
    wait_for_pg
}

# Debian's default pg_hba.conf asks for a password over TCP; the tests connect as
# postgres without one. Put trust lines for local TCP first (the first match wins).
trust_local_tcp() {
    local version name hba
    read -r version name <<<"$(pg_cluster)" || true
    hba=/etc/postgresql/${version:-?}/${name:-?}/pg_hba.conf
    [[ -f $hba ]] || die "user postgres cannot log in without a password, and no Debian cluster on port $PG_PORT was found to fix that.
       Trust 127.0.0.1/32 and ::1/128 for user postgres in pg_hba.conf, or set MOTEBOK_TEST_POSTGRES_URL."
    say "Trusting local TCP connections for user postgres in $hba"
    {
        echo 'host    all    postgres    127.0.0.1/32    trust    # added by scripts/test.sh'
        echo 'host    all    postgres    ::1/128         trust    # added by scripts/test.sh'
        grep -v '# added by scripts/test.sh' "$hba" || true
    } >"$hba.new"
    chown --reference="$hba" "$hba.new"
    chmod --reference="$hba" "$hba.new"
    mv "$hba.new" "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" reload
}

ensure_postgres() {
    if ! pg_answers; then
        if ! start_pg_cluster; then
            is_root || die "PostgreSQL does not answer on $PG_HOST:$PG_PORT and cannot be installed without root.
       Start it (user postgres, trust auth for local TCP) or run this script as root."
            say "Installing PostgreSQL"
            apt_install postgresql
            start_pg_cluster || die "PostgreSQL was installed but does not answer on $PG_HOST:$PG_PORT"
        fi
    fi

    if command -v psql >/dev/null; then
        if ! psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
            is_root || die "PostgreSQL answers on $PG_HOST:$PG_PORT but user postgres cannot log in without a password.
       Set MOTEBOK_TEST_POSTGRES_URL, or trust 127.0.0.1/32 and ::1/128 for user postgres in pg_hba.conf."
            trust_local_tcp
            psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null ||
                die "user postgres still cannot log in on $PG_HOST:$PG_PORT"
        fi
        echo "PostgreSQL: $(psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'show server_version')" \
            "on $PG_HOST:$PG_PORT"
    else
        echo "PostgreSQL answers on $PG_HOST:$PG_PORT (psql not installed; login not checked)"
    fi
}

# --- Browser and PDF tools ----------------------------------------------------------------

ensure_tools() {
    local missing=()
    [[ -x /usr/bin/chromium ]] || missing+=(chromium)
    # Norwegian date and time fields in the browser tests' screenshots (13:30, 21.05.2025).
    [[ -f /usr/lib/chromium/locales/nb.pak ]] || missing+=(chromium-l10n)
    { command -v pdftotext && command -v pdftoppm; } >/dev/null || missing+=(poppler-utils)
    # The document and README-example tests read files and call the API as a script would.
    command -v curl >/dev/null || missing+=(curl)
    command -v unzip >/dev/null || missing+=(unzip)
    command -v python3 >/dev/null || missing+=(python3)
    if ((${#missing[@]})); then
        say "Installing ${missing[*]}"
        apt_install "${missing[@]}"
    fi
    # The feed tests check the calendar with an independent parser (PyPI's icalendar).
    if ! python3 -c 'import icalendar' 2>/dev/null; then
        say "Installing the icalendar package (pip)"
        python3 -m pip install --quiet 'icalendar>=6' ||
            apt_install python3-icalendar
    fi
    # The fuzz test (SECURITY.md item 8) drives schemathesis; pinned as in tests/tests/all/fuzz.rs.
    if ! python3 -c 'import schemathesis' 2>/dev/null; then
        python3 -m pip install --quiet 'schemathesis==4.32.5'
    fi
    echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'installed')"
    echo "Poppler: $(pdftotext -v 2>&1 | head -n 1)"
}

# --- Suites ---------------------------------------------------------------------------------

run_rust_tests() {
    timeout --kill-after=30s "$SUITE_TIMEOUT" \
        cargo test --workspace --locked -- --test-threads="$RUST_TEST_THREADS" 2>&1 | tee "$LOGS/rust-tests.log"
}

run_web_tests() {
    export MOTEBOK_BIN=$TARGET_DIR/debug/motebok
    (
        cd web
        npm ci --no-audit --no-fund
        npm run check
        timeout --kill-after=30s "$SUITE_TIMEOUT" npm run e2e
    ) 2>&1 | tee "$LOGS/web-tests.log"
}

# The runners' own summary lines, for the summary at the end.
rust_summary() {
    local log=$LOGS/rust-tests.log
    [[ -f $log ]] || return 0
    # "test result: ok. 5 passed; 0 failed; 1 ignored; 0 measured; ..." once per binary
    awk '/^test result:/ {
            for (i = 2; i <= NF; i++) { w = $i; sub(/;$/, "", w); n[w] += $(i - 1) }
            binaries++
        }
        END {
            if (binaries) printf "  cargo: %d passed, %d failed, %d ignored (%d test binaries)\n",
                n["passed"], n["failed"], n["ignored"], binaries
        }' "$log"
    grep -E '^test .* FAILED$|^error(\[|:)' "$log" | sed 's/^/  /' | head -n 40 || true
}

web_summary() {
    local log=$LOGS/web-tests.log
    [[ -f $log ]] || return 0
    # vitest: "Test Files  3 passed (3)", "Tests  12 passed (12)"; playwright: "5 passed (20.1s)"
    sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" |
        grep -E '^\s*(Test Files|Tests)\s+[0-9]|^\s*[0-9]+ (passed|failed|flaky|skipped|interrupted|did not run)' |
        sed -E 's/^\s*/  npm: /' || true
}

# Ends a background suite and everything it started, deepest first. (`timeout` puts its
# command in a process group of its own, so a signal to the job alone would miss it.)
kill_tree() {
    local child
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v ppid="$1" '$4 == ppid { print $1 }' |
        while read -r child; do kill_tree "$child"; done || true
    kill "$1" 2>/dev/null || true
}

# --- Main -----------------------------------------------------------------------------------

START=$SECONDS
rm -rf "$LOGS"
mkdir -p "$LOGS"

if [[ -n $OWN_POSTGRES_URL ]]; then
    say "PostgreSQL: using the server in MOTEBOK_TEST_POSTGRES_URL"
else
    say "Checking PostgreSQL"
    ensure_postgres
fi
say "Checking chromium and poppler-utils"
ensure_tools

say "Building the workspace (cargo build --workspace --all-targets --locked)"
build_ok=1
cargo build --workspace --all-targets --locked 2>&1 | tee "$LOGS/cargo-build.log" || build_ok=0

HAS_WEB=0
[[ -f web/package.json ]] && HAS_WEB=1
rust_status=failed
web_status=failed
rust_pid=
web_pid=
stop_suites() {
    local pid
    for pid in $rust_pid $web_pid; do kill_tree "$pid"; done
    exit 130
}
trap stop_suites INT TERM

if ((build_ok)); then
    # The build compiled the tests too, so from here the suites share the CPUs only to run.
    say "Running the Rust tests and the web suite in parallel"
    run_rust_tests &
    rust_pid=$!
    if ((HAS_WEB)); then
        run_web_tests &
        web_pid=$!
    fi
    if wait "$rust_pid"; then rust_status=passed; fi
    if ((HAS_WEB)) && wait "$web_pid"; then web_status=passed; fi
else
    rust_status="failed (the build failed, see artifacts/logs/cargo-build.log)"
    web_status="failed (not run: the build failed)"
fi
((HAS_WEB)) || web_status="skipped (no web/package.json)"

passed=0
failed=0
for status in "$rust_status" "$web_status"; do
    case $status in
        passed) passed=$((passed + 1)) ;;
        failed*) failed=$((failed + 1)) ;;
    esac
done

elapsed=$((SECONDS - START))
printf '\n==> Summary (%dm%02ds, logs in artifacts/logs/)\n' $((elapsed / 60)) $((elapsed % 60))
echo "rust: $rust_status"
rust_summary
echo "web:  $web_status"
web_summary
# The closing line counts tests, not suites: cargo's, vitest's and node's own totals.
# A suite that failed without a failing test (a build or set-up error) counts as one failure.
read -r tests_passed tests_failed < <(
    cat "$LOGS/rust-tests.log" "$LOGS/web-tests.log" 2>/dev/null | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | awk '
        /^test result:/ { for (i = 2; i <= NF; i++) { w = $i; sub(/;$/, "", w); if (w == "passed") p += $(i-1); if (w == "failed") f += $(i-1) } }
        /^[[:space:]]*Tests[[:space:]]+[0-9]/ { for (i = 2; i <= NF; i++) { if ($i == "passed") p += $(i-1); if ($i == "failed") f += $(i-1) } }
        /^(# |ℹ )pass [0-9]+$/ { p += $NF }
        /^(# |ℹ )fail [0-9]+$/ { f += $NF }
        END { print p + 0, f + 0 }')
if ((failed > 0 && tests_failed == 0)); then tests_failed=$failed; fi
echo "$tests_passed passed, $tests_failed failed"
((failed == 0))
