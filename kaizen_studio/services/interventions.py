"""Interventions: what will change a behaviour, from the catalogue of formats, with an
owner, effort, cost, dates and the behaviours each one serves."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kaizen_studio.domain.enums import InterventionKind
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.rules import check_number, check_rating, clean_text
from kaizen_studio.domain.tables import Behaviour, Cycle, Intervention, InterventionBehaviour
from kaizen_studio.services.catalogue import Format, find_format, list_formats
from kaizen_studio.services.records import Cleaner, belongs, fetch, fetch_workshop, set_links
from kaizen_studio.services.removal import remove
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot


@dataclass(frozen=True)
class InterventionInfo:
    id: int
    workshop_id: int
    title: str
    format_key: str
    format_name: str
    kind: InterventionKind
    # The format has people practise, rather than only receive information.
    practice: bool
    owner: str
    effort: int | None
    cost: float | None
    starts_on: date | None
    ends_on: date | None
    description: str
    position: int
    behaviour_ids: tuple[int, ...]
    # Its latest PDCA cycle: id, number and whether Act has decided it.
    last_cycle_id: int | None
    last_cycle_number: int
    last_cycle_decided: bool

    @property
    def cycle_running(self) -> bool:
        return self.last_cycle_id is not None and not self.last_cycle_decided


def _infos(
    session: Session, rows: Sequence[Intervention], formats: list[Format]
) -> list[InterventionInfo]:
    ids = [row.id or 0 for row in rows]
    links = session.exec(
        select(InterventionBehaviour)
        .where(col(InterventionBehaviour.intervention_id).in_(ids))
        .order_by(col(InterventionBehaviour.behaviour_id))
    ).all()
    served: dict[int, list[int]] = {}
    for link in links:
        served.setdefault(link.intervention_id, []).append(link.behaviour_id)
    cycles = session.exec(
        select(Cycle).where(col(Cycle.intervention_id).in_(ids)).order_by(col(Cycle.number))
    ).all()
    last = {cycle.intervention_id: cycle for cycle in cycles}
    return [_info(row, find_format(formats, row.format_key), served, last) for row in rows]


def _info(
    row: Intervention, found: Format, served: dict[int, list[int]], last: dict[int, Cycle]
) -> InterventionInfo:
    key = row.id or 0
    cycle = last.get(key)
    return InterventionInfo(
        id=key,
        workshop_id=row.workshop_id,
        title=row.title,
        format_key=row.format_key,
        format_name=found.name,
        kind=InterventionKind(row.kind),
        practice=found.practice,
        owner=row.owner,
        effort=row.effort,
        cost=row.cost,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        description=row.description,
        position=row.position,
        behaviour_ids=tuple(served.get(key, [])),
        last_cycle_id=cycle.id if cycle else None,
        last_cycle_number=cycle.number if cycle else 0,
        last_cycle_decided=cycle is not None and cycle.decision is not None,
    )


def list_interventions(library: Library, workshop_id: int) -> list[InterventionInfo]:
    formats = list_formats(library)
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        rows = session.exec(
            select(Intervention)
            .where(col(Intervention.workshop_id) == workshop_id)
            .order_by(col(Intervention.position), col(Intervention.id))
        ).all()
        return _infos(session, rows, formats)


def get_intervention(library: Library, intervention_id: int) -> InterventionInfo:
    formats = list_formats(library)
    with library.session() as session:
        row = fetch(session, Intervention, intervention_id, "intervention")
        return _infos(session, [row], formats)[0]


# -- edits ---------------------------------------------------------------------


def _set_behaviours(session: Session, row: Intervention, behaviour_ids: Iterable[int]) -> None:
    wanted = set(behaviour_ids)
    for behaviour_id in wanted:
        belongs(session, Behaviour, behaviour_id, row.workshop_id, "behaviour")
    owner = ("intervention_id", row.id or 0)
    set_links(session, InterventionBehaviour, owner, "behaviour_id", wanted)


def _behaviour_ids(session: Session, intervention_id: int) -> tuple[int, ...]:
    return tuple(
        session.exec(
            select(col(InterventionBehaviour.behaviour_id))
            .where(col(InterventionBehaviour.intervention_id) == intervention_id)
            .order_by(col(InterventionBehaviour.behaviour_id))
        ).all()
    )


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise InvalidInput(
            f"An intervention cannot end ({ends_on.isoformat()}) before it starts "
            f"({starts_on.isoformat()})."
        )


SIMPLE: dict[str, Cleaner] = {
    "title": lambda v: clean_text(v, "An intervention's title", required=True, max_length=300),
    "owner": lambda v: clean_text(v, "The owner"),
    "effort": lambda v: check_rating(v, "Effort"),
    "cost": lambda v: check_number(v, "The cost", minimum=0),
    "description": lambda v: clean_text(v, "The description", max_length=4000),
    "starts_on": lambda v: v,
    "ends_on": lambda v: v,
    "position": int,
}


def _apply(
    session: Session, row: Intervention, changes: dict[str, Any], formats: list[Format]
) -> dict[str, Any]:
    previous: dict[str, Any] = {}
    for key, value in changes.items():
        if key in SIMPLE:
            previous[key] = getattr(row, key)
            setattr(row, key, SIMPLE[key](value))
        elif key == "format_key":
            chosen = next((f for f in formats if f.key == value), None)
            if chosen is None:
                raise InvalidInput(f"There is no intervention format “{value}” in the catalogue.")
            previous[key], previous["kind"] = row.format_key, row.kind
            row.format_key, row.kind = chosen.key, chosen.kind.value
        elif key == "kind":  # only to undo a change of format exactly
            previous.setdefault(key, row.kind)
            row.kind = InterventionKind(value).value
        elif key == "behaviour_ids":
            previous[key] = _behaviour_ids(session, row.id or 0)
            _set_behaviours(session, row, value)
        else:
            raise ValueError(f"cannot change {key!r} of an intervention")
    _check_dates(row.starts_on, row.ends_on)
    return previous


def add_intervention(
    library: Library,
    workshop_id: int,
    title: str,
    format_key: str,
    **details: Any,
) -> InterventionInfo:
    """Add an intervention; its kind (learning or not) is copied from the format.
    `details` may hold owner, effort, cost, starts_on, ends_on, description and
    behaviour_ids."""
    formats = list_formats(library)
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        count = session.exec(
            select(func.count()).where(col(Intervention.workshop_id) == workshop_id)
        ).one()
        row = Intervention(workshop_id=workshop_id, title="-", format_key="-", kind="learning",
                           position=count)  # fmt: skip
        behaviour_ids = details.pop("behaviour_ids", ())
        _apply(session, row, {"title": title, "format_key": format_key, **details}, formats)
        session.add(row)
        session.flush()
        _set_behaviours(session, row, behaviour_ids)
        session.flush()
        return _infos(session, [row], formats)[0]


def update_intervention(library: Library, intervention_id: int, **changes: Any) -> dict[str, Any]:
    """Change fields, `format_key` (which copies the format's kind) or `behaviour_ids`;
    returns the previous values, so the same call undoes it."""
    formats = list_formats(library)
    with library.session() as session:
        row = fetch(session, Intervention, intervention_id, "intervention")
        previous = _apply(session, row, changes, formats)
        session.add(row)
    return previous


def delete_intervention(library: Library, intervention_id: int) -> Snapshot:
    """Delete an intervention with its links and cycles; the snapshot puts them back."""
    return remove(library, "intervention", [intervention_id])
