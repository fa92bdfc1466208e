"""The Capture page's list of notes, newest first, each cell editable in place.

Adding a note inserts one row at the top; nothing else is reloaded, so the list
stays quick with thousands of notes.
"""

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from kaizen_studio.domain.rules import FREQUENCY_WORDS, RATING_WORDS
from kaizen_studio.services.notes import NoteInfo
from kaizen_studio.ui.widgets.record_table import (
    TOOLTIP,
    Column,
    RecordTableModel,
    attribute,
    text_column,
)

STACKED_MARK = "↳ "
NOTE_COLUMN, SPEAKER_COLUMN = 0, 1


def _rating(words: dict[int, str]) -> tuple[Callable[[Any], str], Callable[[], list[Any]]]:
    def show(value: int | None) -> str:
        return "" if value is None else f"{value} · {words[value]}"

    def choices() -> list[tuple[str, int | None]]:
        return [("Not rated", None), *((show(n), n) for n in words)]

    return show, choices


def captured_at(note: NoteInfo) -> str:
    """The local time a note was typed: what a facilitator remembers it by."""
    moment = note.created_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%d %b %H:%M")


def note_columns(
    speaker: Callable[[int | None], str], speakers: Callable[[], Sequence[tuple[str, Any]]]
) -> list[Column]:
    frequency, frequency_choices = _rating(FREQUENCY_WORDS)
    impact, impact_choices = _rating(RATING_WORDS)
    return [
        Column("Note", "text", attribute("text"), attribute("text"), "text",
               tip="What slows the work down, in the words of the person who said it"),
        Column("Said by", "participant_id", lambda n: speaker(n.participant_id),
               attribute("participant_id"), "choice", speakers, "Who called it out"),
        text_column("Process area", "process_area", "Where in the work it happens"),
        Column("Frequency", "frequency", lambda n: frequency(n.frequency),
               attribute("frequency"), "rating", frequency_choices, "How often it happens"),
        Column("Impact", "impact", lambda n: impact(n.impact), attribute("impact"), "rating",
               impact_choices, "How much it costs when it happens"),
        Column("Time", "created_at", captured_at, attribute("created_at"), "none",
               tip="When the note was typed"),
    ]  # fmt: skip


class NoteTableModel(RecordTableModel):
    def __init__(
        self,
        on_edit: Callable[[Any, str, Any], bool],
        speaker: Callable[[int | None], str],
        speakers: Callable[[], Sequence[tuple[str, Any]]],
    ) -> None:
        super().__init__(note_columns(speaker, speakers), on_edit)

    def notes(self) -> list[NoteInfo]:
        return self.records()

    def display(self, record: Any, column: Column, role: int) -> str | None:
        if column.key != "text":
            return column.show(record) if role != TOOLTIP else None
        note: NoteInfo = record
        if role == TOOLTIP:
            return self._tooltip(note)
        one_line = " ".join(note.text.split())
        if note.stacked_on_id is not None:
            return STACKED_MARK + one_line
        return one_line

    def _tooltip(self, note: NoteInfo) -> str:
        if note.stacked_on_id is None:
            return note.text
        leader = self.record_at(self.row_of(note.stacked_on_id))
        if leader is None:
            return note.text
        return f"{note.text}\n\nStacked on: {leader.text}"
