#!/usr/bin/env python3
"""Fuzzes the GraphQL API from the checked-in SDL with schemathesis (SECURITY.md item 8).

Usage: graphql_fuzz.py SCHEMA_PATH BASE_URL TOKEN TARGET_USER_ID
Environment: FUZZ_EXAMPLES (examples per operation, default 30), FUZZ_SEED (default 8).

Every generated query and mutation is sent with the bearer token, a secretariat login. The
run fails (exit 1) when any answer is a 5xx, is not a GraphQL JSON response, or carries an
INTERNAL error; validation errors for nonsense input are the correct answer and pass. Failures
are collected rather than raised so the run stays bounded and reports them all at once.

The mutations on user accounts always act on TARGET_USER_ID, never on the token's own account:
a password reset there would end the session, and every later answer would be an
UNAUTHENTICATED "pass". Should the session or the role be lost anyway, the run stops with a
failure naming the request before.
"""

import json
import os
import sys
import time
from datetime import date, datetime, time as clock, timezone

import graphql
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


# The mutations whose `id` is a user account's.
USER_MUTATIONS = {"setUserRole", "setUserActive", "linkUserToPerson", "resetUserPassword"}
# What a secretariat login is never answered while its session and role last.
LOST_RIGHTS = {"UNAUTHENTICATED", "FORBIDDEN"}


def aimed_at(body: str, user_id: str) -> str:
    """The generated operation with every user mutation's `id` set to `user_id`."""
    document = graphql.parse(body)
    touched = False
    for definition in document.definitions:
        for field in definition.selection_set.selections:
            if isinstance(field, graphql.FieldNode) and field.name.value in USER_MUTATIONS:
                for argument in field.arguments:
                    if argument.name.value == "id":
                        argument.value = graphql.StringValueNode(value=user_id)
                        touched = True
    return graphql.print_ast(document) if touched else body


def error_codes(response: requests.Response) -> set[str]:
    errors = response.json().get("errors") or []
    return {(e.get("extensions") or {}).get("code") for e in errors}


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
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path, base_url, token, target_user = sys.argv[1:]
    examples = int(os.environ.get("FUZZ_EXAMPLES", "30"))
    fuzz_seed = int(os.environ.get("FUZZ_SEED", "8"))

    schema = schemathesis.graphql.from_path(schema_path)
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}"}
    url = base_url.rstrip("/") + "/graphql"
    stats = {"requests": 0, "operations": 0, "error_answers": 0}
    failures: list[str] = []
    # The last request answered as the fuzz user; set to None once its rights are gone.
    last: list[str | None] = ["(none)"]
    started = time.monotonic()

    for result in schema.get_all_operations():
        if last[0] is None:
            break
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
            if last[0] is None:
                return
            case.body = aimed_at(case.body, target_user)
            response = case.call(base_url=url, session=session, headers=headers, timeout=30)
            stats["requests"] += 1
            body = json.dumps(case.body)[:600]
            why = problem(response)
            if why is not None:
                failures.append(f"{operation.label}: {why}\n  body: {body}")
            elif error_codes(response) & LOST_RIGHTS:
                failures.append(
                    f"{operation.label}: the fuzz user lost its session or role, so the rest "
                    f"of the run would pass unchecked; the request before was:\n  {last[0]}"
                )
                last[0] = None
            else:
                last[0] = f"{operation.label}: {body}"
                if response.json().get("errors"):
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
