#!/usr/bin/env bash
# Backs up and restores Møtebok's data. Both backups are consistent snapshots taken
# while the server runs; a restore goes into a fresh database (or one whose server is
# stopped).
#
# SQLite (the default database, data/motebok.db). Needs only python3.
#   scripts/backup.sh sqlite backup  DATABASE BACKUP_FILE
#   scripts/backup.sh sqlite restore BACKUP_FILE DATABASE
#     DATABASE is a path or a sqlite:// URL (sqlite://data/motebok.db?mode=rwc).
#     backup: `VACUUM INTO`, a compact copy of one read transaction, then an integrity check.
#     restore: checks the backup, then copies it page by page into DATABASE (created if
#     missing) with SQLite's online backup API, so a WAL file cannot go stale.
#
# PostgreSQL. Needs pg_dump/pg_restore at least as new as the server.
#   scripts/backup.sh postgres backup  DATABASE_URL BACKUP_FILE
#   scripts/backup.sh postgres restore BACKUP_FILE DATABASE_URL
#     backup: `pg_dump -Fc` (custom format, compressed; one snapshot of the database).
#     restore: `pg_restore --clean --if-exists --no-owner` in one transaction: on error
#     nothing is changed. Create the empty database first (createdb).
#
# Uploaded files (MOTEBOK_FILES_DIR, default data/files) are not in the database:
#   scripts/backup.sh files backup  FILES_DIR BACKUP_FILE.tar.gz
#   scripts/backup.sh files restore BACKUP_FILE.tar.gz FILES_DIR
#
# Examples:
#   scripts/backup.sh sqlite backup data/motebok.db "backups/motebok-$(date +%F).db"
#   scripts/backup.sh postgres backup "$DATABASE_URL" "backups/motebok-$(date +%F).dump"
#   docker compose exec -T db pg_dump -U motebok -Fc motebok >"motebok-$(date +%F).dump"
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
}
die() { printf 'backup.sh: %s\n' "$*" >&2; exit 1; }

# sqlite://path?mode=rwc → path; a plain path stays as it is.
sqlite_path() {
    local path=${1#sqlite://}
    path=${path#sqlite:}
    printf '%s\n' "${path%%\?*}"
}

sqlite_backup() {
    local db out
    db=$(sqlite_path "$1")
    out=$2
    [[ -f $db ]] || die "no SQLite database at $db"
    [[ ! -e $out ]] || die "$out exists; choose a new file name"
    mkdir -p "$(dirname "$out")"
    python3 - "$db" "$out" <<'PY'
import os, pathlib, sqlite3, sys

db, out = sys.argv[1], sys.argv[2]
if sqlite3.sqlite_version_info < (3, 27, 0):
    sys.exit(f"backup.sh: VACUUM INTO needs SQLite 3.27, python3 has {sqlite3.sqlite_version}")
tmp = f"{out}.partial"
if os.path.exists(tmp):
    os.remove(tmp)
# Read-only: a backup never writes to the live database. The timeout waits out writers
# that hold a lock while a WAL checkpoint runs.
src = sqlite3.connect(pathlib.Path(db).resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
src.execute("VACUUM INTO ?", (tmp,))
src.close()
check = sqlite3.connect(tmp)
result = check.execute("PRAGMA integrity_check").fetchone()[0]
tables = check.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
check.close()
if result != "ok":
    os.remove(tmp)
    sys.exit(f"backup.sh: the backup failed its integrity check: {result}")
os.replace(tmp, out)
print(f"SQLite backup of {db} written to {out} ({tables} tables, {os.path.getsize(out)} bytes)")
PY
}

sqlite_restore() {
    local backup db
    backup=$1
    db=$(sqlite_path "$2")
    [[ -f $backup ]] || die "no backup file at $backup"
    mkdir -p "$(dirname "$db")"
    python3 - "$backup" "$db" <<'PY'
import pathlib, sqlite3, sys

backup, db = sys.argv[1], sys.argv[2]
src = sqlite3.connect(pathlib.Path(backup).resolve().as_uri() + "?mode=ro", uri=True)
result = src.execute("PRAGMA integrity_check").fetchone()[0]
if result != "ok":
    sys.exit(f"backup.sh: {backup} failed its integrity check: {result}")
dst = sqlite3.connect(db, timeout=30)
src.backup(dst)
tables = dst.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
dst.close()
src.close()
print(f"Restored {backup} into {db} ({tables} tables)")
PY
}

postgres_backup() {
    local url=$1 out=$2
    [[ ! -e $out ]] || die "$out exists; choose a new file name"
    mkdir -p "$(dirname "$out")"
    pg_dump --format=custom --file="$out.partial" --dbname="$url"
    mv "$out.partial" "$out"
    echo "PostgreSQL backup written to $out ($(wc -c <"$out") bytes)"
}

postgres_restore() {
    local backup=$1 url=$2
    [[ -f $backup ]] || die "no backup file at $backup"
    pg_restore --clean --if-exists --no-owner --no-privileges \
        --single-transaction --exit-on-error --dbname="$url" "$backup"
    echo "Restored $backup"
}

files_backup() {
    local dir=$1 out=$2
    [[ -d $dir ]] || die "no directory at $dir"
    [[ ! -e $out ]] || die "$out exists; choose a new file name"
    mkdir -p "$(dirname "$out")"
    tar -czf "$out.partial" -C "$dir" .
    mv "$out.partial" "$out"
    echo "Files in $dir written to $out"
}

files_restore() {
    local backup=$1 dir=$2
    [[ -f $backup ]] || die "no backup file at $backup"
    mkdir -p "$dir"
    tar -xzf "$backup" -C "$dir"
    echo "Restored $backup into $dir"
}

(($# == 4)) || usage
case "$1 $2" in
    "sqlite backup") sqlite_backup "$3" "$4" ;;
    "sqlite restore") sqlite_restore "$3" "$4" ;;
    "postgres backup") postgres_backup "$3" "$4" ;;
    "postgres restore") postgres_restore "$3" "$4" ;;
    "files backup") files_backup "$3" "$4" ;;
    "files restore") files_restore "$3" "$4" ;;
    *) usage ;;
esac
