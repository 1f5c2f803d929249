#!/usr/bin/env python3
"""Fuzzes the GraphQL API from the checked-in SDL with schemathesis (SECURITY.md item 8).

Usage: graphql_fuzz.py SCHEMA_PATH BASE_URL TOKEN
Environment: FUZZ_EXAMPLES (examples per operation, default 30), FUZZ_SEED (default 8).

Every generated query and mutation is sent with the bearer token. The run fails (exit 1)
when any answer is a 5xx, is not a GraphQL JSON response, or carries an INTERNAL error;
validation errors for nonsense input are the correct answer and pass. Failures are collected
rather than raised so the run stays bounded and reports them all at once.
"""

import json
import os
import sys
import time
from datetime import date, datetime, time as clock, timezone

import hypothesis.strategies as st
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis.graphql import nodes

# The SDL's own scalars: mostly well-formed values (so resolvers run), sometimes any text
# (so the scalar parsers' rejection is exercised too).
_ANY_TEXT = st.text(max_size=40).map(nodes.String)
schemathesis.graphql.scalar(
    "NaiveDate",
    st.one_of(st.dates(date(1900, 1, 1), date(2200, 12, 31)).map(str).map(nodes.String), _ANY_TEXT),
)
schemathesis.graphql.scalar(
    "NaiveTime",
    st.one_of(st.times().map(lambda t: t.strftime("%H:%M:%S")).map(nodes.String), _ANY_TEXT),
)
schemathesis.graphql.scalar(
    "DateTime",
    st.one_of(
        st.datetimes(datetime(1900, 1, 1), datetime(2200, 12, 31), timezones=st.just(timezone.utc))
        .map(lambda d: d.isoformat())
        .map(nodes.String),
        _ANY_TEXT,
    ),
)


def problem(response: requests.Response) -> str | None:
    """Why this answer breaks the contract, or None when it is a proper GraphQL answer."""
    if response.status_code >= 500:
        return f"HTTP {response.status_code}"
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}, body is not JSON: {response.text[:200]!r}"
    if not isinstance(body, dict) or not ("data" in body or "errors" in body):
        return f"HTTP {response.status_code}, not a GraphQL response: {response.text[:200]!r}"
    errors = body.get("errors") or []
    if not isinstance(errors, list) or not all(
        isinstance(e, dict) and isinstance(e.get("message"), str) for e in errors
    ):
        return f"malformed errors: {response.text[:200]!r}"
    for e in errors:
        if ((e.get("extensions") or {}).get("code")) == "INTERNAL":
            return f"INTERNAL error: {json.dumps(e)[:200]}"
    return None


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path, base_url, token = sys.argv[1:]
    examples = int(os.environ.get("FUZZ_EXAMPLES", "30"))
    fuzz_seed = int(os.environ.get("FUZZ_SEED", "8"))

    schema = schemathesis.graphql.from_path(schema_path)
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}"}
    url = base_url.rstrip("/") + "/graphql"
    stats = {"requests": 0, "operations": 0, "error_answers": 0}
    failures: list[str] = []
    started = time.monotonic()

    for result in schema.get_all_operations():
        operation = result.ok()
        stats["operations"] += 1

        @seed(fuzz_seed)
        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.generate],
        )
        @given(case=operation.as_strategy())
        def run(case):
            response = case.call(base_url=url, session=session, headers=headers, timeout=30)
            stats["requests"] += 1
            why = problem(response)
            if why is not None:
                failures.append(f"{operation.label}: {why}\n  body: {json.dumps(case.body)[:600]}")
            elif response.json().get("errors"):
                stats["error_answers"] += 1

        run()

    elapsed = time.monotonic() - started
    print(
        f"schemathesis {schemathesis.__version__}: {stats['operations']} operations, "
        f"{stats['requests']} requests ({stats['error_answers']} answered with GraphQL errors), "
        f"{len(failures)} failures, {elapsed:.1f}s (seed {fuzz_seed}, {examples} examples each)"
    )
    for f in failures[:50]:
        print(f"FAIL {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
