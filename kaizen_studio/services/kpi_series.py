"""A KPI over time, for its chart: the outcome's baseline and target, and every reading."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from kaizen_studio.domain.tables import Checkpoint, Cycle, Measurement
from kaizen_studio.services.outcomes import OutcomeInfo, get_outcome
from kaizen_studio.storage.library import Library


@dataclass(frozen=True)
class Reading:
    id: int
    taken_on: date
    value: float
    note: str
    cycle_id: int | None
    cycle_number: int | None
    check_days: int | None  # set when the reading was taken at a check


@dataclass(frozen=True)
class KpiSeries:
    outcome: OutcomeInfo
    readings: tuple[Reading, ...]  # in date order

    @property
    def latest(self) -> float | None:
        return self.readings[-1].value if self.readings else None


def kpi_series(library: Library, outcome_id: int) -> KpiSeries:
    outcome = get_outcome(library, outcome_id)
    with library.session() as session:
        rows = session.exec(
            select(Measurement, Cycle, Checkpoint)
            .outerjoin(Cycle, col(Cycle.id) == col(Measurement.cycle_id))
            .outerjoin(Checkpoint, col(Checkpoint.id) == col(Measurement.checkpoint_id))
            .where(col(Measurement.outcome_id) == outcome_id)
            .order_by(col(Measurement.taken_on), col(Measurement.id))
        ).all()
        readings = tuple(
            Reading(
                id=reading.id or 0,
                taken_on=reading.taken_on,
                value=reading.value,
                note=reading.note,
                cycle_id=reading.cycle_id,
                cycle_number=cycle.number if cycle else None,
                check_days=check.offset_days if check else None,
            )
            for reading, cycle, check in rows
        )
    return KpiSeries(outcome=outcome, readings=readings)
