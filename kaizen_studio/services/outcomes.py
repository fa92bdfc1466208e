"""The business results a workshop works back from: KPIs with baseline, target and due date."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from kaizen_studio.domain.enums import Direction
from kaizen_studio.domain.rules import check_number, clean_text
from kaizen_studio.domain.tables import Outcome
from kaizen_studio.services.records import Cleaner, apply_changes, fetch, fetch_workshop, same
from kaizen_studio.services.removal import remove
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot


@dataclass(frozen=True)
class OutcomeInfo:
    id: int
    workshop_id: int
    kpi: str
    unit: str
    direction: Direction
    baseline: float | None
    target: float | None
    due_on: date | None
    value_per_unit: float | None
    position: int

    @property
    def summary(self) -> str:
        """ "Customer retention: 70 -> 84 % by 2027-09-30"."""

        def number(value: float | None) -> str:
            return "?" if value is None else f"{value:g}"

        unit = f" {self.unit}" if self.unit else ""
        due = f" by {self.due_on.isoformat()}" if self.due_on else ""
        return f"{self.kpi}: {number(self.baseline)} → {number(self.target)}{unit}{due}"


def _info(row: Outcome) -> OutcomeInfo:
    assert row.id is not None
    return OutcomeInfo(
        id=row.id,
        workshop_id=row.workshop_id,
        kpi=row.kpi,
        unit=row.unit,
        direction=Direction(row.direction),
        baseline=row.baseline,
        target=row.target,
        due_on=row.due_on,
        value_per_unit=row.value_per_unit,
        position=row.position,
    )


CLEANERS: dict[str, Cleaner] = {
    "kpi": lambda v: clean_text(v, "A KPI name", required=True),
    "unit": lambda v: clean_text(v, "A unit", max_length=40),
    "direction": lambda v: Direction(v).value,
    "baseline": lambda v: check_number(v, "The baseline"),
    "target": lambda v: check_number(v, "The target"),
    "due_on": same,
    "value_per_unit": lambda v: check_number(v, "The value per unit", minimum=0),
    "position": int,
}


def add_outcome(library: Library, workshop_id: int, kpi: str, **details: Any) -> OutcomeInfo:
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        count = session.exec(
            select(func.count()).where(col(Outcome.workshop_id) == workshop_id)
        ).one()
        row = Outcome(workshop_id=workshop_id, kpi="-", position=count)
        apply_changes(row, {"kpi": kpi, **details}, CLEANERS)
        session.add(row)
        session.flush()
        return _info(row)


def list_outcomes(library: Library, workshop_id: int) -> list[OutcomeInfo]:
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        rows = session.exec(
            select(Outcome)
            .where(col(Outcome.workshop_id) == workshop_id)
            .order_by(col(Outcome.position), col(Outcome.id))
        ).all()
        return [_info(row) for row in rows]


def get_outcome(library: Library, outcome_id: int) -> OutcomeInfo:
    with library.session() as session:
        return _info(fetch(session, Outcome, outcome_id, "outcome"))


def update_outcome(library: Library, outcome_id: int, **changes: Any) -> dict[str, Any]:
    with library.session() as session:
        row = fetch(session, Outcome, outcome_id, "outcome")
        previous = apply_changes(row, changes, CLEANERS)
        session.add(row)
    return previous


def delete_outcome(library: Library, outcome_id: int) -> Snapshot:
    return remove(library, "outcome", [outcome_id])
