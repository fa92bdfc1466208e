"""Behaviours: what people will do differently, each tied to an outcome KPI and to the
themes it answers."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kaizen_studio.domain.rules import clean_text
from kaizen_studio.domain.tables import (
    Behaviour,
    BehaviourTheme,
    InterventionBehaviour,
    Outcome,
    Theme,
)
from kaizen_studio.domain.triage import unobservable_hint
from kaizen_studio.services.records import belongs, fetch, fetch_workshop, set_links
from kaizen_studio.services.removal import remove
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot

STATEMENT_MAX = 1000


@dataclass(frozen=True)
class BehaviourInfo:
    id: int
    workshop_id: int
    statement: str
    outcome_id: int | None
    theme_ids: tuple[int, ...]
    intervention_ids: tuple[int, ...]
    position: int

    @property
    def hint(self) -> str:
        """A nudge when the statement is not something one could watch someone do."""
        return unobservable_hint(self.statement)


def _links(
    session: Session, model: Any, column: str, behaviour_ids: list[int]
) -> dict[int, list[int]]:
    """behaviour id -> linked ids (themes or interventions), in id order."""
    rows = session.exec(
        select(model)
        .where(col(model.behaviour_id).in_(behaviour_ids))
        .order_by(col(getattr(model, column)))
    ).all()
    found: dict[int, list[int]] = {}
    for row in rows:
        found.setdefault(row.behaviour_id, []).append(getattr(row, column))
    return found


def _infos(session: Session, rows: list[Behaviour]) -> list[BehaviourInfo]:
    ids = [row.id or 0 for row in rows]
    themes = _links(session, BehaviourTheme, "theme_id", ids)
    interventions = _links(session, InterventionBehaviour, "intervention_id", ids)
    return [
        BehaviourInfo(
            id=row.id or 0,
            workshop_id=row.workshop_id,
            statement=row.statement,
            outcome_id=row.outcome_id,
            theme_ids=tuple(themes.get(row.id or 0, [])),
            intervention_ids=tuple(interventions.get(row.id or 0, [])),
            position=row.position,
        )
        for row in rows
    ]


def list_behaviours(library: Library, workshop_id: int) -> list[BehaviourInfo]:
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        rows = session.exec(
            select(Behaviour)
            .where(col(Behaviour.workshop_id) == workshop_id)
            .order_by(col(Behaviour.position), col(Behaviour.id))
        ).all()
        return _infos(session, list(rows))


def get_behaviour(library: Library, behaviour_id: int) -> BehaviourInfo:
    with library.session() as session:
        return _infos(session, [fetch(session, Behaviour, behaviour_id, "behaviour")])[0]


def _clean_statement(value: str) -> str:
    return clean_text(value, "A behaviour", required=True, max_length=STATEMENT_MAX)


def _set_themes(session: Session, row: Behaviour, theme_ids: Iterable[int]) -> None:
    wanted = set(theme_ids)
    for theme_id in wanted:
        belongs(session, Theme, theme_id, row.workshop_id, "theme")
    set_links(session, BehaviourTheme, ("behaviour_id", row.id or 0), "theme_id", wanted)


def _apply(session: Session, row: Behaviour, changes: dict[str, Any]) -> dict[str, Any]:
    previous: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "statement":
            previous[key] = row.statement
            row.statement = _clean_statement(value)
        elif key == "outcome_id":
            belongs(session, Outcome, value, row.workshop_id, "outcome")
            previous[key] = row.outcome_id
            row.outcome_id = value
        elif key == "position":
            previous[key] = row.position
            row.position = int(value)
        elif key == "theme_ids":
            previous[key] = tuple(_links(session, BehaviourTheme, "theme_id", [row.id or 0])
                                  .get(row.id or 0, []))  # fmt: skip
            _set_themes(session, row, value)
        else:
            raise ValueError(f"cannot change {key!r} of a behaviour")
    return previous


def add_behaviour(
    library: Library,
    workshop_id: int,
    statement: str,
    *,
    outcome_id: int | None = None,
    theme_ids: Iterable[int] = (),
) -> BehaviourInfo:
    """Add a behaviour at the end of the workshop's list."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        count = session.exec(
            select(func.count()).where(col(Behaviour.workshop_id) == workshop_id)
        ).one()
        row = Behaviour(workshop_id=workshop_id, statement=_clean_statement(statement),
                        position=count)  # fmt: skip
        session.add(row)
        session.flush()
        _apply(session, row, {"outcome_id": outcome_id, "theme_ids": tuple(theme_ids)})
        session.add(row)
        session.flush()
        return _infos(session, [row])[0]


def update_behaviour(library: Library, behaviour_id: int, **changes: Any) -> dict[str, Any]:
    """Change `statement`, `outcome_id`, `theme_ids` or `position`; returns the previous
    values, so the same call undoes it."""
    with library.session() as session:
        row = fetch(session, Behaviour, behaviour_id, "behaviour")
        previous = _apply(session, row, changes)
        session.add(row)
    return previous


def delete_behaviour(library: Library, behaviour_id: int) -> Snapshot:
    """Delete a behaviour with its links; the snapshot puts it all back (undo)."""
    return remove(library, "behaviour", [behaviour_id])
