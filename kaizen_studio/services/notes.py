"""Bottleneck notes: captured fast, edited in place, sorted into themes later."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.domain.rules import check_rating, clean_note_text, clean_text
from kaizen_studio.domain.tables import Note, Participant, Theme, Workshop
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.records import (
    Cleaner,
    apply_changes,
    belongs,
    fetch,
    fetch_workshop,
    same,
)
from kaizen_studio.services.removal import remove
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot


@dataclass(frozen=True)
class NoteInfo:
    id: int
    workshop_id: int
    text: str
    participant_id: int | None
    process_area: str
    frequency: int | None
    impact: int | None
    theme_id: int | None
    stacked_on_id: int | None
    x: float | None
    y: float | None
    created_at: datetime


@dataclass(frozen=True)
class NoteDraft:
    """A note before it is stored (typed, or read from a CSV row)."""

    text: str
    participant_id: int | None = None
    process_area: str = ""
    frequency: int | None = None
    impact: int | None = None
    theme_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def note_info(row: Note) -> NoteInfo:
    assert row.id is not None
    return NoteInfo(
        id=row.id,
        workshop_id=row.workshop_id,
        text=row.text,
        participant_id=row.participant_id,
        process_area=row.process_area,
        frequency=row.frequency,
        impact=row.impact,
        theme_id=row.theme_id,
        stacked_on_id=row.stacked_on_id,
        x=row.x,
        y=row.y,
        created_at=row.created_at,
    )


CLEANERS: dict[str, Cleaner] = {
    "text": clean_note_text,
    "participant_id": same,
    "process_area": lambda v: clean_text(v, "A process area"),
    "frequency": lambda v: check_rating(v, "Frequency"),
    "impact": lambda v: check_rating(v, "Impact"),
    "theme_id": same,
    "stacked_on_id": same,
    "x": same,
    "y": same,
}


ANONYMOUS_REFUSAL = "This workshop takes anonymous notes: a note cannot say who called it out."


def _check_references(session: Session, workshop_id: int, changes: dict[str, Any]) -> None:
    if changes.get("participant_id") is not None and _anonymous(session, workshop_id):
        raise InvalidInput(ANONYMOUS_REFUSAL)
    belongs(session, Participant, changes.get("participant_id"), workshop_id, "participant")
    belongs(session, Theme, changes.get("theme_id"), workshop_id, "theme")
    belongs(session, Note, changes.get("stacked_on_id"), workshop_id, "note")


def _anonymous(session: Session, workshop_id: int) -> bool:
    workshop = session.get(Workshop, workshop_id)
    return bool(workshop and workshop.anonymous_notes)


def _new_row(session: Session, workshop_id: int, draft: NoteDraft, created_at: datetime) -> Note:
    values = {
        "text": draft.text,
        "participant_id": draft.participant_id,
        "process_area": draft.process_area,
        "frequency": draft.frequency,
        "impact": draft.impact,
        "theme_id": draft.theme_id,
    }
    _check_references(session, workshop_id, values)
    row = Note(workshop_id=workshop_id, text="-", created_at=created_at)
    apply_changes(row, values, CLEANERS)
    return row


def add_note(
    library: Library,
    workshop_id: int,
    text: str,
    *,
    clock: Clock = SYSTEM_CLOCK,
    **details: Any,
) -> NoteInfo:
    """Store one note at once; the returned info carries its id."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        row = _new_row(session, workshop_id, NoteDraft(text=text, **details), clock.now())
        session.add(row)
        session.flush()
        return note_info(row)


def add_notes(
    library: Library, workshop_id: int, drafts: Sequence[NoteDraft], *, clock: Clock = SYSTEM_CLOCK
) -> list[NoteInfo]:
    """Store many notes in one transaction: all of them, or none if one is refused.

    Rows go in through one multi-row INSERT; each distinct participant or theme
    is checked once (10,000 notes take well under a second)."""
    now = clock.now()
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        authors = {draft.participant_id for draft in drafts} - {None}
        if authors and _anonymous(session, workshop_id):
            raise InvalidInput(ANONYMOUS_REFUSAL)
        for key in authors:
            belongs(session, Participant, key, workshop_id, "participant")
        for key in {draft.theme_id for draft in drafts}:
            belongs(session, Theme, key, workshop_id, "theme")
        values = [_bulk_values(workshop_id, draft, now) for draft in drafts]
        if not values:
            return []
        result = session.execute(
            insert(Note).returning(col(Note.id), sort_by_parameter_order=True), values
        )
        ids = [row[0] for row in result]
    return [
        NoteInfo(id=key, stacked_on_id=None, x=None, y=None, **fields)
        for key, fields in zip(ids, values, strict=True)
    ]


def _bulk_values(workshop_id: int, draft: NoteDraft, created_at: datetime) -> dict[str, Any]:
    return {
        "workshop_id": workshop_id,
        "text": clean_note_text(draft.text),
        "participant_id": draft.participant_id,
        "process_area": clean_text(draft.process_area, "A process area"),
        "frequency": check_rating(draft.frequency, "Frequency"),
        "impact": check_rating(draft.impact, "Impact"),
        "theme_id": draft.theme_id,
        "created_at": created_at,
    }


def list_notes(library: Library, workshop_id: int) -> list[NoteInfo]:
    """The workshop's notes in the order they were captured."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        rows = session.exec(
            select(Note).where(col(Note.workshop_id) == workshop_id).order_by(col(Note.id))
        ).all()
        return [note_info(row) for row in rows]


def get_note(library: Library, note_id: int) -> NoteInfo:
    with library.session() as session:
        return note_info(fetch(session, Note, note_id, "note"))


def update_note(library: Library, note_id: int, **changes: Any) -> dict[str, Any]:
    """Edit a note; returns the previous values, so the same call undoes it."""
    with library.session() as session:
        row = fetch(session, Note, note_id, "note")
        _check_references(session, row.workshop_id, changes)
        previous = apply_changes(row, changes, CLEANERS)
        session.add(row)
    return previous


def delete_notes(library: Library, note_ids: Sequence[int]) -> Snapshot:
    """Delete notes (and the dots on them); the snapshot puts them back."""
    return remove(library, "note", list(note_ids))


def stack_note(library: Library, note_id: int, on_note_id: int) -> dict[str, Any]:
    """Stack a near-duplicate under the note it repeats: it keeps its text and author,
    counts once when themes are scored, and sits in that note's theme.

    A pile has one leader: stacking on a note that is itself stacked stacks on its
    leader. Returns the previous values, so `update_note(note_id, **previous)` undoes it.
    """
    with library.session() as session:
        row = fetch(session, Note, note_id, "note")
        leader = fetch(session, Note, on_note_id, "note")
        if leader.workshop_id != row.workshop_id:
            raise NotFound(f"There is no note with id {on_note_id} in this workshop.")
        if leader.stacked_on_id is not None:
            leader = fetch(session, Note, leader.stacked_on_id, "note")
        if leader.id == row.id:
            raise InvalidInput("A note cannot be stacked on itself.")
        followers = session.exec(select(Note.id).where(col(Note.stacked_on_id) == note_id)).first()
        if followers is not None:
            raise InvalidInput(
                "Other notes are stacked on this one; unstack them before stacking it."
            )
        previous = apply_changes(
            row, {"stacked_on_id": leader.id, "theme_id": leader.theme_id}, CLEANERS
        )
        session.add(row)
    return previous


def near_duplicate(text: str, notes: Sequence[NoteInfo]) -> NoteInfo | None:
    """The note `text` nearly repeats (spelling, not meaning), or None.

    When that note is stacked on another, the pile's leader is returned: that is
    the note a facilitator would merge into. Cheap enough to run on every Enter
    with thousands of notes (see services.clustering.most_similar).
    """
    # Imported here: the similarity code pulls in numpy, which the command line
    # and the other pages do not need at start-up.
    from kaizen_studio.services.clustering import (  # noqa: PLC0415
        NEAR_DUPLICATE_THRESHOLD,
        most_similar,
    )

    match = most_similar(text, [note.text for note in notes])
    if match is None or match[1] < NEAR_DUPLICATE_THRESHOLD:
        return None
    found = notes[match[0]]
    if found.stacked_on_id is not None:
        leader = next((note for note in notes if note.id == found.stacked_on_id), None)
        return leader or found
    return found
