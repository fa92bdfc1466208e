"""The follow-up calendar as a calendar program reads it: RFC 5545 lines, events, stable UIDs."""

import re
from datetime import date
from pathlib import Path

import pytest

from kaizen_studio.services import action_items, cycle_board, workshops
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.followup_calendar import (
    calendar_text,
    escape_text,
    fold,
    write_calendar,
)
from kaizen_studio.storage.library import Library


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def parse(raw: bytes) -> list[dict[str, str]]:
    """A strict reader: CRLF only, lines of at most 75 octets, balanced BEGIN/END."""
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical), max(physical, key=len)
    text = raw.decode("utf-8")  # folding never split a character
    logical = text.replace("\r\n ", "").split("\r\n")[:-1]
    stack: list[str] = []
    events: list[dict[str, str]] = []
    for line in logical:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
        elif name == "END":
            assert stack.pop() == value
        elif stack[-1] == "VEVENT":
            events[-1][name] = _unescape(value)
    assert stack == []
    assert logical[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in logical
    assert any(line.startswith("PRODID:") for line in logical)
    return events


def test_the_demo_calendar_holds_open_checks_and_actions_of_running_cycles(
    library: Library, demo_id: int, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "followups.ics"
    count = write_calendar(library, demo_id, path, clock=clock)
    events = parse(path.read_bytes())
    assert count == len(events) == 12  # 8 open checks + 4 open dated actions
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"} <= set(event)
        assert event["DTSTAMP"] == "20261201T120000Z"
        start = date.fromisoformat(event["DTSTART;VALUE=DATE"])
        end = date.fromisoformat(event["DTEND;VALUE=DATE"])
        assert (end - start).days == 1  # an all-day event
    summaries = [e["SUMMARY"] for e in events]
    assert "60-day check: Close-the-loop call practice" in summaries
    assert "Action: Brief both teams on the new limit" in summaries
    assert len({e["UID"] for e in events}) == len(events)
    starts = [e["DTSTART;VALUE=DATE"] for e in events]
    assert starts == sorted(starts)


def test_uids_are_stable_so_a_new_export_updates_the_same_events(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    def uids() -> dict[str, str]:
        events = parse(calendar_text(library, demo_id, clock=clock).encode())
        return {e["SUMMARY"]: e["UID"] for e in events}

    before = uids()
    clock.advance(3)
    plan = next(
        c
        for c in cycle_board.list_cards(library, demo_id, clock.today())
        if c.phase.value == "plan"
    )
    action_items.add_action(library, plan.id, "Book the vendor demo", due_on=date(2026, 12, 20))
    after = uids()
    assert {k: after[k] for k in before} == before
    assert "Action: Book the vendor demo" in after


def test_text_is_escaped_and_long_lines_fold_without_splitting_characters(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    title = "Kundenbindung; Straße, Zürich \\ Zweigstelle\nTeam 2 — ünd ëmoji 🙂 " * 3
    workshops.update_workshop(library, demo_id, title=title[:200])
    raw = calendar_text(library, demo_id, clock=clock).encode("utf-8")
    parse(raw)
    name_line = raw.decode().replace("\r\n ", "").split("\r\n")[5]
    assert (
        _unescape(name_line.removeprefix("X-WR-CALNAME:")) == "Follow-ups: " + title[:200].strip()
    )


@pytest.mark.parametrize(
    ("value", "escaped"),
    [("a,b;c\\d", "a\\,b\\;c\\\\d"), ("line one\nline two", "line one\\nline two")],
)
def test_escaping(value: str, escaped: str) -> None:
    assert escape_text(value) == escaped


def test_folding_counts_octets() -> None:
    pieces = fold("SUMMARY:" + "é" * 80)
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(p.removeprefix(" ") if i else p for i, p in enumerate(pieces)) == (
        "SUMMARY:" + "é" * 80
    )
    assert fold("SHORT:x") == ["SHORT:x"]
