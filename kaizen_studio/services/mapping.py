"""Cause triage of the themes chosen for mapping: the answers, the causes kept, the notes.

The themes shown are those chosen in Prioritise (in rank order), followed by
any other theme that was already triaged or has behaviours, so work done on a
theme never disappears from view when the choice changes.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from kaizen_studio.domain.enums import CauseKind
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.rules import clean_text
from kaizen_studio.domain.tables import BehaviourTheme, Cause, Theme, Triage
from kaizen_studio.domain.triage import (
    ANSWER_KEYS,
    TriageAnswers,
    suggest_causes,
    triage_findings,
)
from kaizen_studio.services.ranking import RankedTheme, default_choice, rank_themes
from kaizen_studio.services.records import fetch
from kaizen_studio.storage.library import Library

NOTES_MAX = 4000


@dataclass(frozen=True)
class ThemeTriage:
    theme_id: int
    name: str
    color: str
    rank: int
    # Chosen in Prioritise to go on to mapping.
    chosen: bool
    answers: TriageAnswers
    notes: str
    causes: tuple[CauseKind, ...]
    suggested: tuple[CauseKind, ...]
    findings: tuple[str, ...]
    behaviours: int

    @property
    def started(self) -> bool:
        return bool(self.answers.answered or self.causes or self.notes)


def _answers(row: Triage | None) -> TriageAnswers:
    if row is None:
        return TriageAnswers()
    return TriageAnswers(**{key: getattr(row, key) for key in ANSWER_KEYS})


def _causes(session: Session, theme_ids: Sequence[int]) -> dict[int, tuple[CauseKind, ...]]:
    rows = session.exec(select(Cause).where(col(Cause.theme_id).in_(theme_ids))).all()
    kept: dict[int, set[CauseKind]] = {}
    for row in rows:
        kept.setdefault(row.theme_id, set()).add(CauseKind(row.kind))
    return {key: tuple(c for c in CauseKind if c in kinds) for key, kinds in kept.items()}


def _behaviour_counts(session: Session, theme_ids: Sequence[int]) -> dict[int, int]:
    rows = session.exec(
        select(BehaviourTheme).where(col(BehaviourTheme.theme_id).in_(theme_ids))
    ).all()
    counts: dict[int, int] = {}
    for row in rows:
        counts[row.theme_id] = counts.get(row.theme_id, 0) + 1
    return counts


def _build(
    theme: RankedTheme,
    chosen: bool,
    row: Triage | None,
    causes: tuple[CauseKind, ...],
    behaviours: int,
) -> ThemeTriage:
    answers = _answers(row)
    return ThemeTriage(
        theme_id=theme.id,
        name=theme.name,
        color=theme.color,
        rank=theme.rank,
        chosen=chosen,
        answers=answers,
        notes=row.notes if row else "",
        causes=causes,
        suggested=suggest_causes(answers),
        findings=triage_findings(answers, causes),
        behaviours=behaviours,
    )


def list_triage(
    library: Library, workshop_id: int, ranked: Sequence[RankedTheme] | None = None
) -> list[ThemeTriage]:
    """The themes to triage: chosen ones first, in rank order, then others already worked on.
    `ranked` saves ranking the themes again when the caller has just done so."""
    ranked = rank_themes(library, workshop_id) if ranked is None else ranked
    # As ranking.chosen_for_mapping: the marked themes, or the top ones while none is.
    chosen_ids = {theme.id for theme in ranked if theme.selected} or set(default_choice(ranked))
    ids = [theme.id for theme in ranked]
    with library.session() as session:
        rows = {
            row.theme_id: row
            for row in session.exec(select(Triage).where(col(Triage.theme_id).in_(ids))).all()
        }
        causes = _causes(session, ids)
        behaviours = _behaviour_counts(session, ids)
    found = [
        _build(theme, theme.id in chosen_ids, rows.get(theme.id), causes.get(theme.id, ()),
               behaviours.get(theme.id, 0))
        for theme in ranked
    ]  # fmt: skip
    chosen = [item for item in found if item.chosen]
    others = [item for item in found if not item.chosen and (item.started or item.behaviours)]
    return chosen + others


def get_triage(library: Library, theme_id: int) -> ThemeTriage:
    with library.session() as session:
        theme = fetch(session, Theme, theme_id, "theme")
    for item in list_triage(library, theme.workshop_id):
        if item.theme_id == theme_id:
            return item
    # A theme neither chosen nor worked on yet can still be triaged.
    ranked = next(t for t in rank_themes(library, theme.workshop_id) if t.id == theme_id)
    return _build(ranked, False, None, (), 0)


def _clean_answer(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InvalidInput(f"An answer must be yes, no or not answered, not {value!r}.")


def _clean_causes(values: Iterable[CauseKind | str]) -> tuple[CauseKind, ...]:
    try:
        kinds = {CauseKind(value) for value in values}
    except ValueError as error:
        raise InvalidInput(f"That is not a kind of cause: {error}.") from error
    return tuple(cause for cause in CauseKind if cause in kinds)


def _set_causes(session: Session, theme_id: int, causes: tuple[CauseKind, ...]) -> None:
    for row in session.exec(select(Cause).where(col(Cause.theme_id) == theme_id)).all():
        if CauseKind(row.kind) not in causes:
            session.delete(row)
    kept = {row.kind for row in session.exec(select(Cause).where(col(Cause.theme_id) == theme_id))}
    for cause in causes:
        if cause.value not in kept:
            session.add(Cause(theme_id=theme_id, kind=cause.value))


def update_triage(library: Library, theme_id: int, **changes: Any) -> dict[str, Any]:
    """Change answers (True, False or None), `notes` or `causes` (cause kinds) of a
    theme's triage; returns the previous values, so the same call undoes it."""
    unknown = set(changes) - {*ANSWER_KEYS, "notes", "causes"}
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} of a triage")
    with library.session() as session:
        fetch(session, Theme, theme_id, "theme")
        row = session.get(Triage, theme_id) or Triage(theme_id=theme_id)
        previous: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "causes":
                previous[key] = _causes(session, [theme_id]).get(theme_id, ())
                _set_causes(session, theme_id, _clean_causes(value))
            elif key == "notes":
                previous[key] = row.notes
                row.notes = clean_text(value, "The triage notes", max_length=NOTES_MAX)
            else:
                previous[key] = getattr(row, key)
                setattr(row, key, _clean_answer(value))
        session.add(row)
    return previous
