#!/usr/bin/env bash
# Runs Møtebok on this machine: the API with the web app, on SQLite with demo data.
#
#   ./scripts/run.sh            then open http://127.0.0.1:8080
#
# Steps: build the web app (web/dist), build the API, migrate the database, load the
# demo data if the database is empty (the demo accounts are printed), serve.
# The configuration is read from the environment (see README.md); by default the
# database is data/motebok.db, created on first run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/debug/motebok

say() { printf '\n==> %s\n' "$*"; }

if [[ -f web/package.json ]]; then
    say "Building the web app (web/dist)"
    (cd web && npm ci --no-audit --no-fund && npm run build)
else
    say "No web/package.json: serving the API only"
fi

say "Building the API (cargo build -p motebok --locked)"
cargo build -p motebok --locked

say "Migrating the database"
"$BIN" migrate up

say "Loading demo data (only into an empty database)"
"$BIN" demo --if-empty

# The API serves the built web app at / from this directory.
if [[ -z ${MOTEBOK_WEB_DIR:-} && -d web/dist ]]; then
    export MOTEBOK_WEB_DIR=$ROOT/web/dist
fi

bind=${MOTEBOK_BIND:-127.0.0.1:8080}
port=${bind##*:}
host=${bind%:*}
case $host in
    0.0.0.0 | "[::]" | "") host=127.0.0.1 ;;
esac
say "Møtebok runs at http://$host:$port (Ctrl-C stops it)"
exec "$BIN" serve
