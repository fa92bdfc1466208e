"""A workshop's follow-up dates as an iCalendar file (RFC 5545) for any calendar program.

Each open check and dated action item of a running cycle becomes an
all-day event. UIDs are stable, so importing a newer export updates the
events instead of doubling them. Lines end in CRLF and are folded at 75
octets without splitting a character; text values are escaped.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlmodel import col, select

from kaizen_studio import __version__
from kaizen_studio.domain.tables import (
    ActionItem,
    Checkpoint,
    Cycle,
    Intervention,
    Outcome,
    Workshop,
)
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.records import fetch_workshop
from kaizen_studio.storage.library import Library

LINE_OCTETS = 75


@dataclass(frozen=True)
class FollowUp:
    uid: str
    day: date
    summary: str
    description: str
    category: str


def escape_text(value: str) -> str:
    """TEXT escaping: backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets; later pieces start with a space."""
    pieces: list[str] = []
    current, size = "", 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return pieces


def _uid(kind: str, key: int, workshop: Workshop) -> str:
    created = workshop.created_at.strftime("%Y%m%dT%H%M%S")
    return f"{kind}-{key}.workshop-{workshop.id}-{created}@kaizen-studio"


def _follow_ups(library: Library, workshop_id: int) -> tuple[Workshop, list[FollowUp]]:
    with library.session() as session:
        workshop = fetch_workshop(session, workshop_id)
        running = (
            select(Cycle, Intervention)
            .join(Intervention, col(Intervention.id) == col(Cycle.intervention_id))
            .where(col(Intervention.workshop_id) == workshop_id, col(Cycle.decision).is_(None))
        )
        cycles = {cycle.id: (cycle, intervention) for cycle, intervention in session.exec(running)}
        kpis = {
            o.id: o.kpi
            for o in session.exec(select(Outcome).where(col(Outcome.workshop_id) == workshop_id))
        }
        checks = session.exec(
            select(Checkpoint).where(
                col(Checkpoint.cycle_id).in_(list(cycles)), col(Checkpoint.done_on).is_(None)
            )
        ).all()
        actions = session.exec(
            select(ActionItem).where(
                col(ActionItem.cycle_id).in_(list(cycles)),
                col(ActionItem.done).is_(False),
                col(ActionItem.due_on).is_not(None),
            )
        ).all()
    found = []
    for check in checks:
        cycle, intervention = cycles[check.cycle_id]
        kpi = kpis.get(cycle.outcome_id, "")
        found.append(
            FollowUp(
                uid=_uid("check", check.id or 0, workshop),
                day=check.due_on,
                summary=f"{check.offset_days}-day check: {intervention.title}",
                description=(
                    f"{workshop.title}\nCycle {cycle.number} of “{intervention.title}”"
                    + (f", owner {cycle.owner}" if cycle.owner else "")
                    + ".\nIs the behaviour applied on the job? By whom, and how was it seen?"
                    + (f"\nRecord the KPI: {kpi}." if kpi else "")
                ),
                category="Check",
            )
        )
    for action in actions:
        cycle, intervention = cycles[action.cycle_id]
        assert action.due_on is not None
        owner = action.owner or cycle.owner
        found.append(
            FollowUp(
                uid=_uid("action", action.id or 0, workshop),
                day=action.due_on,
                summary=f"Action: {action.text}",
                description=(
                    f"{workshop.title}\nCycle {cycle.number} of “{intervention.title}”"
                    + (f".\nOwner: {owner}." if owner else ".")
                ),
                category="Action",
            )
        )
    return workshop, sorted(found, key=lambda f: (f.day, f.uid))


def _event(item: FollowUp, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{item.uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{item.day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(item.summary)}",
        f"DESCRIPTION:{escape_text(item.description)}",
        f"CATEGORIES:Kaizen Studio,{item.category}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_text(library: Library, workshop_id: int, *, clock: Clock = SYSTEM_CLOCK) -> str:
    """The iCalendar document, with CRLF line ends."""
    workshop, items = _follow_ups(library, workshop_id)
    now: datetime = clock.now()
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Kaizen Studio//Kaizen Studio {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text('Follow-ups: ' + workshop.title)}",
    ]
    for item in items:
        lines += _event(item, stamp)
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in fold(line))


def write_calendar(
    library: Library, workshop_id: int, path: Path, *, clock: Clock = SYSTEM_CLOCK
) -> int:
    """Write the .ics file; returns how many follow-ups it holds."""
    text = calendar_text(library, workshop_id, clock=clock)
    path.write_bytes(text.encode("utf-8"))
    return text.count("BEGIN:VEVENT")
