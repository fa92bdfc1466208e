"""Themes in priority order, with their votes, ratings and score (see domain.scoring)."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from kaizen_studio.domain.scoring import ThemeFacts, effective, mean_rating, rank
from kaizen_studio.domain.tables import Note, Theme, Vote
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
    impact: float
    frequency: float
    impact_overridden: bool
    frequency_overridden: bool
    effort: int | None
    score: float
    selected: bool

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
            "selected": self.selected,
        }


def rank_themes(library: Library, workshop_id: int) -> list[RankedTheme]:
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        themes = session.exec(
            select(Theme)
            .where(col(Theme.workshop_id) == workshop_id)
            .order_by(col(Theme.position), col(Theme.id))
        ).all()
        notes = session.exec(select(Note).where(col(Note.workshop_id) == workshop_id)).all()
        votes = session.exec(select(Vote).where(col(Vote.workshop_id) == workshop_id)).all()
    theme_of_note = {note.id: note.theme_id for note in notes}
    dots: Counter[int | None] = Counter(
        vote.theme_id if vote.theme_id is not None else theme_of_note.get(vote.note_id)
        for vote in votes
    )
    by_theme: dict[int | None, list[Note]] = defaultdict(list)
    for note in notes:
        by_theme[note.theme_id].append(note)
    facts: dict[int, tuple[Theme, ThemeFacts]] = {}
    for order, theme in enumerate(themes):
        assert theme.id is not None
        counted = [note for note in by_theme[theme.id] if note.stacked_on_id is None]
        impact = effective(theme.impact_override, mean_rating(n.impact for n in counted))
        frequency = effective(theme.frequency_override, mean_rating(n.frequency for n in counted))
        facts[theme.id] = (theme, ThemeFacts(theme.id, dots[theme.id], impact, frequency, order))
    ranked = rank([fact for _, fact in facts.values()])
    result = []
    for position, (fact, score) in enumerate(ranked, start=1):
        theme = facts[fact.key][0]
        result.append(
            RankedTheme(
                id=fact.key,
                name=theme.name,
                color=theme.color,
                rank=position,
                notes=len(by_theme[fact.key]),
                votes=fact.votes,
                impact=fact.impact,
                frequency=fact.frequency,
                impact_overridden=theme.impact_override is not None,
                frequency_overridden=theme.frequency_override is not None,
                effort=theme.effort,
                score=score,
                selected=theme.selected,
            )
        )
    return result
