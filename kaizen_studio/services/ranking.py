"""Themes in priority order, with their votes, ratings and score (see domain.scoring)."""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from kaizen_studio.domain.scoring import (
    DEFAULT_SELECTION,
    ThemeFacts,
    effective,
    mean_rating,
    rank,
)
from kaizen_studio.domain.tables import Note, Theme, Vote
from kaizen_studio.domain.voting import Axis, Quadrant, quadrant
from kaizen_studio.services.records import fetch_workshop
from kaizen_studio.storage.library import Library


@dataclass(frozen=True)
class RankedTheme:
    id: int
    name: str
    color: str
    rank: int
    notes: int
    votes: int
    # What counts: the facilitator's override, else the notes' mean, else 3.
    impact: float
    frequency: float
    # The notes' own means (None when no note was rated), shown beside an override.
    impact_from_notes: float | None
    frequency_from_notes: float | None
    impact_overridden: bool
    frequency_overridden: bool
    effort: int | None
    score: float
    selected: bool
    board_order: int  # place on the board, for lists that must not jump as dots land

    @property
    def quadrant(self) -> Quadrant:
        """Where the theme falls on the impact x frequency matrix."""
        return quadrant(self.impact, self.frequency, Axis.FREQUENCY)

    def quadrant_by_effort(self) -> Quadrant | None:
        """Where it falls on the impact x effort matrix; None until effort is rated."""
        return None if self.effort is None else quadrant(self.impact, self.effort, Axis.EFFORT)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rank": self.rank,
            "name": self.name,
            "notes": self.notes,
            "votes": self.votes,
            "impact": round(self.impact, 2),
            "frequency": round(self.frequency, 2),
            "impact_overridden": self.impact_overridden,
            "frequency_overridden": self.frequency_overridden,
            "effort": self.effort,
            "score": self.score,
            "quadrant": self.quadrant.value,
            "selected": self.selected,
        }


class _NoteRating(NamedTuple):
    id: int
    theme_id: int | None
    stacked_on_id: int | None
    impact: int | None
    frequency: int | None


def _rows(
    session: Session, workshop_id: int
) -> tuple[Sequence[Theme], list[_NoteRating], list[tuple[int | None, int | None]]]:
    """Themes as rows; notes and dots as plain tuples of the columns ranking reads
    (ten thousand notes load in a few milliseconds, not as ORM objects)."""
    themes = session.exec(
        select(Theme)
        .where(col(Theme.workshop_id) == workshop_id)
        .order_by(col(Theme.position), col(Theme.id))
    ).all()
    note = Note.__table__.c  # type: ignore[attr-defined]
    notes = session.connection().execute(
        select_columns(
            note.id, note.theme_id, note.stacked_on_id, note.impact, note.frequency
        ).where(note.workshop_id == workshop_id)
    )
    votes = session.exec(
        select(col(Vote.theme_id), col(Vote.note_id)).where(col(Vote.workshop_id) == workshop_id)
    ).all()
    return themes, [_NoteRating(*row) for row in notes], [(t, n) for t, n in votes]


def _dots_per_theme(
    notes: list[_NoteRating], votes: list[tuple[int | None, int | None]]
) -> Counter[int | None]:
    """A dot on a single note counts for the note's theme."""
    theme_of_note: dict[int | None, int | None] = {note.id: note.theme_id for note in notes}
    return Counter(
        theme_id if theme_id is not None else theme_of_note.get(note_id)
        for theme_id, note_id in votes
    )


def rank_themes(library: Library, workshop_id: int) -> list[RankedTheme]:
    """Every theme of the workshop, best first (rank 1)."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        themes, notes, votes = _rows(session, workshop_id)
    dots = _dots_per_theme(notes, votes)
    by_theme: dict[int | None, list[_NoteRating]] = defaultdict(list)
    for note in notes:
        by_theme[note.theme_id].append(note)
    rows: dict[int, Theme] = {}
    aggregates: dict[int, tuple[float | None, float | None]] = {}
    facts: list[ThemeFacts] = []
    for order, theme in enumerate(themes):
        assert theme.id is not None
        # A near-duplicate stacked under another note counts once.
        counted = [note for note in by_theme[theme.id] if note.stacked_on_id is None]
        from_notes = (
            mean_rating(note.impact for note in counted),
            mean_rating(note.frequency for note in counted),
        )
        impact = effective(theme.impact_override, from_notes[0])
        frequency = effective(theme.frequency_override, from_notes[1])
        rows[theme.id] = theme
        aggregates[theme.id] = from_notes
        facts.append(ThemeFacts(theme.id, dots[theme.id], impact, frequency, order))
    return [
        _ranked(rows[fact.key], fact, score, position, len(by_theme[fact.key]), aggregates)
        for position, (fact, score) in enumerate(rank(facts), start=1)
    ]


def _ranked(
    theme: Theme,
    fact: ThemeFacts,
    score: float,
    position: int,
    notes: int,
    aggregates: dict[int, tuple[float | None, float | None]],
) -> RankedTheme:
    impact_from_notes, frequency_from_notes = aggregates[fact.key]
    return RankedTheme(
        id=fact.key,
        name=theme.name,
        color=theme.color,
        rank=position,
        notes=notes,
        votes=fact.votes,
        impact=fact.impact,
        frequency=fact.frequency,
        impact_from_notes=impact_from_notes,
        frequency_from_notes=frequency_from_notes,
        impact_overridden=theme.impact_override is not None,
        frequency_overridden=theme.frequency_override is not None,
        effort=theme.effort,
        score=score,
        selected=theme.selected,
        board_order=fact.order,
    )


def default_choice(ranked: Sequence[RankedTheme], count: int = DEFAULT_SELECTION) -> list[int]:
    """The themes proposed for mapping: the top `count` by score."""
    return [theme.id for theme in ranked[:count]]


def chosen_for_mapping(library: Library, workshop_id: int) -> list[RankedTheme]:
    """The themes that go on to mapping, in rank order: those the facilitator
    marked, or the top three by score while none is marked."""
    ranked = rank_themes(library, workshop_id)
    marked = [theme for theme in ranked if theme.selected]
    return marked or ranked[:DEFAULT_SELECTION]
