#!/usr/bin/env python3
"""Helpers for scripts/bench.sh: cold-start timing, wrk output parsing, response checks,
and the results table. Standard library only.

  bench.py coldstart URL -- CMD...     start CMD, time until URL answers 200, stop it
  bench.py wrk RESULTS NAME WRK_OUT    parse wrk's output into RESULTS (a JSON file)
  bench.py put RESULTS KEY VALUE       store one value (a number if it parses as one)
  bench.py check FILE                  a GraphQL answer with data and no errors: its size
  bench.py field FILE PATH             print one field of a JSON file (dotted path)
  bench.py same A B                    "yes" if the two answers hold the same JSON
  bench.py rss PID                     resident memory of a process, MB
  bench.py statements LOG OFFSET DB    the statements PostgreSQL logged for DB, one a line
  bench.py report RESULTS              the Markdown results table
"""
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def save(path, results):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2, sort_keys=True)


def put(path, key, value):
    results = load(path)
    try:
        results[key] = float(value)
    except ValueError:
        results[key] = value
    save(path, results)


def coldstart(url, cmd):
    """Milliseconds from exec to the first 200 from URL (migrations included)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                sys.exit(f"server exited with {proc.returncode} before answering")
            try:
                with urllib.request.urlopen(url, timeout=1) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() - started > 30:
                sys.exit("server did not answer within 30 s")
            time.sleep(0.002)
        print(f"{(time.monotonic() - started) * 1000:.0f}")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def millis(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not m:
        raise ValueError(f"not a wrk duration: {text}")
    return float(m.group(1)) * UNITS[m.group(2)]


def parse_wrk(out):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    total = re.search(r"(\d+) requests in", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    if not (rps and p50 and p99 and total):
        sys.exit("could not read wrk's output:\n" + out)
    return {
        "rps": float(rps.group(1)),
        "p50": millis(p50.group(1)),
        "p99": millis(p99.group(1)),
        "requests": int(total.group(1)),
        "non2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
    }


def check(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    body = json.loads(text)
    if body.get("errors"):
        sys.exit(f"{path}: errors: {json.dumps(body['errors'])[:500]}")
    data = body.get("data") or {}
    if not data or any(v is None for v in data.values()):
        sys.exit(f"{path}: no data: {text[:300]}")
    print(len(text.encode()))


def field(path, dotted):
    value = load(path)
    for part in dotted.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    print(value if not isinstance(value, (dict, list)) else json.dumps(value))


def statements(log_path, offset, db):
    """Statements PostgreSQL logged (log_statement = all) for DB after OFFSET bytes."""
    with open(log_path, "rb") as f:
        f.seek(int(offset))
        lines = f.read().decode("utf-8", "replace").splitlines()
    marker = re.compile(r"@" + re.escape(db) + r" LOG:  (?:statement|execute [^:]*): (.*)")
    found = [m.group(1) for m in map(marker.search, lines) if m]
    for sql in found:
        print(sql[:200])


def fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ")


def verdict(ok):
    if ok is None:
        return "–"
    return "met" if ok else "**MISSED**"


def report(path):
    r = load(path)

    def g(key):
        v = r.get(key)
        return v if isinstance(v, (int, float)) else None

    def cpu_per_request(key):
        ticks, done, hz = g(key + ".cpu_ticks"), g(key + ".requests"), g("clk_tck")
        return ticks * 1000 / hz / done if ticks is not None and done and hz else None

    def ratio(a, b):
        a, b = g(a), g(b)
        return a / b if a is not None and b else None

    lines = []
    lines.append(f"# Møtebok benchmark — {r.get('when', '?')}")
    lines.append("")
    lines.append(
        f"Machine: {r.get('machine', '?')}. Meeting page: møte {r.get('meeting', '?')} "
        f"({fmt(g('page_saker'))} saker, {fmt(g('page_attachments'))} vedlegg, "
        f"{fmt(g('page_attendance'))} attendance rows, {fmt(g('page_bytes'))} bytes of JSON). "
        f"wrk: {r.get('wrk', '?')}. Server and PostgreSQL on core 1, wrk on core 0. "
        f"Load average before the run: {r.get('loadavg', '?')}."
    )
    lines.append("")
    lines.append("## Meeting page, 16 connections")
    lines.append("")
    lines.append("| server | req/s | p50 | p99 | non-2xx | server CPU per page | RSS after |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for key, label in [
        ("motebok_pg", "motebok, PostgreSQL (API token)"),
        ("motebok_sqlite", "motebok, SQLite (API token)"),
        ("jsonagg", "axum + one json_agg statement"),
        ("postgraphile", "PostGraphile " + str(r.get("postgraphile_version", "5"))),
    ]:
        lines.append(
            f"| {label} | {fmt(g(key + '.rps'))} | {fmt(g(key + '.p50'), 1)} ms "
            f"| {fmt(g(key + '.p99'), 1)} ms | {fmt(g(key + '.non2xx'))} "
            f"| {fmt(cpu_per_request(key), 2)} ms | {fmt(g(key + '.rss_mb'), 1)} MB |"
        )
    lines.append("")
    lines.append(
        "Server CPU per page: the server process's own CPU time (user + system) during the "
        "measured run divided by the pages served; PostgreSQL's share is not included. "
        "Unlike req/s it hardly moves when other work shares the cores."
    )
    lines.append("")
    lines.append("## Targets (docs: /work/shared/PERFORMANCE.md)")
    lines.append("")
    lines.append("| target | measured | ratio | verdict |")
    lines.append("|---|---|---:|---|")

    def row(target, measured, ratio_value, ok):
        lines.append(f"| {target} | {measured} | {ratio_value} | {verdict(ok)} |")

    vs_pgl = ratio("motebok_pg.rps", "postgraphile.rps")
    row(
        "PostgreSQL req/s ≥ 3× PostGraphile",
        f"{fmt(g('motebok_pg.rps'))} vs {fmt(g('postgraphile.rps'))}",
        f"{fmt(vs_pgl, 2)}×" if vs_pgl else "–",
        None if vs_pgl is None else vs_pgl >= 3,
    )
    vs_sql = ratio("motebok_pg.rps", "jsonagg.rps")
    row(
        "PostgreSQL req/s ≥ 70 % of json_agg",
        f"{fmt(g('motebok_pg.rps'))} vs {fmt(g('jsonagg.rps'))}",
        f"{fmt(vs_sql * 100)} %" if vs_sql else "–",
        None if vs_sql is None else vs_sql >= 0.7,
    )
    p99 = ratio("motebok_pg.p99", "postgraphile.p99")
    row(
        "PostgreSQL p99 ≤ ⅓ of PostGraphile's",
        f"{fmt(g('motebok_pg.p99'), 1)} ms vs {fmt(g('postgraphile.p99'), 1)} ms",
        fmt(p99, 2),
        None if p99 is None else p99 <= 1 / 3,
    )
    lite = ratio("motebok_sqlite.rps", "motebok_pg.rps")
    row(
        "SQLite req/s ≥ PostgreSQL",
        f"{fmt(g('motebok_sqlite.rps'))} vs {fmt(g('motebok_pg.rps'))}",
        f"{fmt(lite, 2)}×" if lite else "–",
        None if lite is None else lite >= 1,
    )
    st, auth = g("statements"), g("statements_auth")
    page = st - auth if st is not None and auth is not None else None
    row(
        "≤ 8 SQL statements for the meeting page (PostgreSQL log, one request)",
        f"{fmt(page)} for the page, {fmt(st)} with the API token's {fmt(auth)}",
        fmt(page / 8, 2) if page is not None else "–",
        None if page is None else page <= 8,
    )
    for backend in ("pg", "sqlite"):
        p = g(f"report_{backend}.p99")
        row(
            f"Annual report {int(g('report_year') or 0)} over 10 years, {backend} (1 connection), p99 < 50 ms",
            f"p50 {fmt(g(f'report_{backend}.p50'), 1)} ms, p99 {fmt(p, 1)} ms, "
            f"first {fmt(g(f'report_{backend}.first_ms'))} ms",
            fmt(p / 50, 2) if p is not None else "–",
            None if p is None else p < 50,
        )
    for backend in ("pg", "sqlite"):
        idle = g(f"motebok_{backend}.idle_rss_mb")
        after = g(f"motebok_{backend}.rss_mb")
        known = [v for v in (idle, after) if v is not None]
        worst = max(known) if known else None
        row(
            f"Idle memory < 64 MB, {backend}",
            f"{fmt(idle, 1)} MB after start, {fmt(after, 1)} MB idle after the load",
            fmt(worst / 64, 2) if worst is not None else "–",
            None if worst is None else worst < 64,
        )
    for backend in ("pg", "sqlite"):
        c = g(f"coldstart_{backend}_ms")
        row(
            f"Cold start with migrations < 1 s, {backend} (exec → /health 200, empty database)",
            f"{fmt(c)} ms",
            fmt(c / 1000, 2) if c is not None else "–",
            None if c is None else c < 1000,
        )
    lines.append("")
    same = r.get("jsonagg_same_json", "?")
    lines.append(
        f"The json_agg endpoint's JSON equals motebok's answer: {same}. "
        "PostGraphile answers the same data in its own shape (connections, `personByPersonId`). "
        "Not measured here: the web app's initial JavaScript (250 KB gzip target)."
    )
    print("\n".join(lines))


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "coldstart" and "--" in argv:
        coldstart(argv[2], argv[argv.index("--") + 1 :])
    elif cmd == "wrk" and len(argv) == 5:
        with open(argv[4], encoding="utf-8") as f:
            parsed = parse_wrk(f.read())
        results = load(argv[2])
        for key, value in parsed.items():
            results[f"{argv[3]}.{key}"] = value
        save(argv[2], results)
        print(f"{argv[3]}: {parsed['rps']:.0f} req/s, p50 {parsed['p50']:.1f} ms, "
              f"p99 {parsed['p99']:.1f} ms, non-2xx {parsed['non2xx']}")
    elif cmd == "put" and len(argv) == 5:
        put(argv[2], argv[3], argv[4])
    elif cmd == "check" and len(argv) == 3:
        check(argv[2])
    elif cmd == "field" and len(argv) == 4:
        field(argv[2], argv[3])
    elif cmd == "same" and len(argv) == 4:
        print("yes" if load(argv[2]) == load(argv[3]) else "no")
    elif cmd == "rss" and len(argv) == 3:
        with open(f"/proc/{argv[2]}/status", encoding="utf-8") as f:
            kb = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        print(f"{kb / 1024:.1f}")
    elif cmd == "statements" and len(argv) == 5:
        statements(argv[2], argv[3], argv[4])
    elif cmd == "report" and len(argv) == 3:
        report(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
