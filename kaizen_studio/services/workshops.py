"""Workshops in a library: create, list with their counts, edit, delete, duplicate."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.rules import clean_text, format_checkpoint_days, parse_checkpoint_days
from kaizen_studio.domain.tables import (
    Cycle,
    Intervention,
    Note,
    Outcome,
    Participant,
    Theme,
    Vote,
    Workshop,
)
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.interchange import export_workshop, import_workshop
from kaizen_studio.services.records import Cleaner, apply_changes, fetch_workshop, same
from kaizen_studio.services.removal import remove
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot


@dataclass(frozen=True)
class WorkshopInfo:
    id: int
    title: str
    intent: str
    site: str
    facilitator: str
    held_on: date | None
    stage: Stage
    dot_budget: int
    anonymous_notes: bool
    anonymous_votes: bool
    votes_on_notes: bool
    checkpoint_days: tuple[int, ...]
    created_at: datetime


@dataclass(frozen=True)
class WorkshopSummary:
    """A line of the library's workshop list."""

    id: int
    title: str
    stage: Stage
    held_on: date | None
    site: str
    counts: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "stage": self.stage.value,
            "held_on": self.held_on.isoformat() if self.held_on else None,
            "site": self.site,
            **self.counts,
        }


def _info(row: Workshop) -> WorkshopInfo:
    assert row.id is not None
    return WorkshopInfo(
        id=row.id,
        title=row.title,
        intent=row.intent,
        site=row.site,
        facilitator=row.facilitator,
        held_on=row.held_on,
        stage=Stage(row.stage),
        dot_budget=row.dot_budget,
        anonymous_notes=row.anonymous_notes,
        anonymous_votes=row.anonymous_votes,
        votes_on_notes=row.votes_on_notes,
        checkpoint_days=parse_checkpoint_days(row.checkpoint_days),
        created_at=row.created_at,
    )


def _clean_title(value: str) -> str:
    return clean_text(value, "A workshop title", required=True)


def _clean_budget(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
        raise InvalidInput(f"The dot budget must be a whole number from 1 to 50, not {value!r}.")
    return value


CLEANERS: dict[str, Cleaner] = {
    "title": _clean_title,
    "intent": lambda v: clean_text(v, "The intent", max_length=4000),
    "site": lambda v: clean_text(v, "The site"),
    "facilitator": lambda v: clean_text(v, "The facilitator's name"),
    "held_on": same,
    "stage": lambda v: Stage(v).value,
    "dot_budget": _clean_budget,
    "anonymous_notes": bool,
    "anonymous_votes": bool,
    "votes_on_notes": bool,
    "checkpoint_days": lambda v: format_checkpoint_days(
        parse_checkpoint_days(v if isinstance(v, str) else format_checkpoint_days(tuple(v)))
    ),
}


def create_workshop(
    library: Library,
    title: str,
    *,
    clock: Clock = SYSTEM_CLOCK,
    **details: Any,
) -> WorkshopInfo:
    row = Workshop(title=_clean_title(title), created_at=clock.now())
    apply_changes(row, details, CLEANERS)
    with library.session() as session:
        session.add(row)
        session.flush()
        return _info(row)


def get_workshop(library: Library, workshop_id: int) -> WorkshopInfo:
    with library.session() as session:
        return _info(fetch_workshop(session, workshop_id))


def update_workshop(library: Library, workshop_id: int, **changes: Any) -> dict[str, Any]:
    """Apply edits and return the previous values, ready to undo with the same call."""
    with library.session() as session:
        row = fetch_workshop(session, workshop_id)
        previous = apply_changes(row, changes, CLEANERS)
        session.add(row)
    return previous


COUNTED = {
    "participants": Participant,
    "outcomes": Outcome,
    "notes": Note,
    "themes": Theme,
    "votes": Vote,
    "interventions": Intervention,
}


def list_workshops(library: Library) -> list[WorkshopSummary]:
    """All workshops, newest first, with how much each holds."""
    with library.session() as session:
        workshops = session.exec(
            select(Workshop).order_by(col(Workshop.created_at).desc(), col(Workshop.id).desc())
        ).all()
        counts: dict[str, dict[int, int]] = {}
        for name, model in COUNTED.items():
            workshop_column = model.__table__.c.workshop_id  # type: ignore[attr-defined]
            rows = session.exec(select(workshop_column, func.count()).group_by(workshop_column))
            counts[name] = {key: number for key, number in rows}
        cycle_rows = session.exec(
            select(col(Intervention.workshop_id), func.count(col(Cycle.id)))
            .join(Cycle, col(Cycle.intervention_id) == col(Intervention.id))
            .group_by(col(Intervention.workshop_id))
        )
        counts["cycles"] = {key: number for key, number in cycle_rows}
    return [
        WorkshopSummary(
            id=row.id or 0,
            title=row.title,
            stage=Stage(row.stage),
            held_on=row.held_on,
            site=row.site,
            counts={name: by_workshop.get(row.id or 0, 0) for name, by_workshop in counts.items()},
        )
        for row in workshops
    ]


def delete_workshop(library: Library, workshop_id: int) -> Snapshot:
    """Delete a workshop and all it holds; the snapshot puts it back (undo)."""
    return remove(library, "workshop", [workshop_id])


def duplicate_workshop(
    library: Library, workshop_id: int, title: str | None = None
) -> WorkshopInfo:
    """A full copy (notes, themes, votes, map, cycles) under a new title."""
    original = get_workshop(library, workshop_id)
    copy_title = _clean_title(title if title is not None else f"{original.title} (copy)"[:200])
    new_id = import_workshop(library, export_workshop(library, workshop_id), title=copy_title)
    return get_workshop(library, new_id)
