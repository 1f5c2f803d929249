"""Checks an iCalendar feed (RFC 5545) with the `icalendar` package, independently of the
server's own writer, and prints what it found as JSON for the Rust test to compare.

Reads the feed's bytes on stdin. Exits 1 with a reason on stderr when the feed is invalid.
"""

import json
import sys

import icalendar


def fail(reason: str) -> None:
    print(reason, file=sys.stderr)
    sys.exit(1)


def check_lines(raw: bytes) -> None:
    """CRLF line endings and 75-octet lines (RFC 5545 section 3.1)."""
    if not raw.endswith(b"\r\n"):
        fail("the feed does not end with CRLF")
    body = raw[:-2]
    for number, line in enumerate(body.split(b"\r\n"), start=1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number}: a bare LF or CR")
        if len(line) > 75:
            fail(f"line {number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {number}: folded inside a UTF-8 character")


def value(component, name):
    v = component.get(name)
    return None if v is None else str(v)


def when(component, name):
    prop = component.get(name)
    if prop is None:
        return None
    dt = prop.dt
    is_date = not hasattr(dt, "hour")
    return {
        "value": dt.isoformat(),
        "isDate": is_date,
        "valueParam": prop.params.get("VALUE"),
        "tzid": prop.params.get("TZID"),
        "utcOffsetMinutes": None
        if is_date or dt.utcoffset() is None
        else int(dt.utcoffset().total_seconds() // 60),
    }


def check_event(ev, uid, start, end, zones) -> None:
    """What RFC 5545 and calendar apps ask of every event."""
    if "@" not in uid:
        fail(f"{uid}: a UID should be globally unique (name@domain)")
    stamp = when(ev, "DTSTAMP")
    if stamp["isDate"] or stamp["utcOffsetMinutes"] != 0:
        fail(f"{uid}: DTSTAMP must be a UTC date-time")
    if end is not None and end["isDate"] != start["isDate"]:
        fail(f"{uid}: DTSTART and DTEND are of different types")
    if end is not None and end["value"] <= start["value"]:
        fail(f"{uid}: DTEND is not after DTSTART")
    if start["isDate"] and start["valueParam"] != "DATE":
        fail(f"{uid}: an all-day DTSTART needs VALUE=DATE")
    for prop in (start, end):
        if prop is not None and not prop["isDate"]:
            if prop["tzid"] not in zones:
                fail(f"{uid}: a local time must name a VTIMEZONE of the calendar")
    sequence = ev.get("SEQUENCE")
    if sequence is None or int(sequence) < 0:
        fail(f"{uid}: SEQUENCE missing or negative")
    if str(ev.get("STATUS")) not in ("TENTATIVE", "CONFIRMED", "CANCELLED"):
        fail(f"{uid}: STATUS {ev.get('STATUS')!r} is not an event status")
    if uid.startswith("consultation-round-") and not start["isDate"]:
        fail(f"{uid}: a deadline is an all-day event")


def main() -> None:
    raw = sys.stdin.buffer.read()
    check_lines(raw)
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # the parser's own complaint is the reason
        fail(f"icalendar could not parse the feed: {e}")
    if cal.name != "VCALENDAR":
        fail("not a VCALENDAR")
    for required in ("VERSION", "PRODID"):
        if cal.get(required) is None:
            fail(f"the calendar has no {required}")
    if str(cal.get("VERSION")) != "2.0":
        fail("VERSION is not 2.0")
    zones = {str(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")}
    events = []
    for ev in cal.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            if ev.get(required) is None:
                fail(f"an event has no {required}: {ev.to_ical()!r}")
        uid = str(ev.get("UID"))
        start, end = when(ev, "DTSTART"), when(ev, "DTEND")
        check_event(ev, uid, start, end, zones)
        events.append(
            {
                "uid": value(ev, "UID"),
                "summary": value(ev, "SUMMARY"),
                "description": value(ev, "DESCRIPTION"),
                "location": value(ev, "LOCATION"),
                "status": value(ev, "STATUS"),
                "sequence": int(ev.get("SEQUENCE", 0)),
                "url": value(ev, "URL"),
                "dtstart": start,
                "dtend": end,
            }
        )
    uids = [e["uid"] for e in events]
    if len(uids) != len(set(uids)):
        fail("two events share a UID")
    print(
        json.dumps(
            {
                "timezone": value(cal, "X-WR-TIMEZONE"),
                "vtimezones": [str(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")],
                "events": events,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
