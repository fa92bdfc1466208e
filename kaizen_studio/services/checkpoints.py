"""The Check phase: record what each check found, and the KPI readings over time.

A check is recorded as done only with evidence at Kirkpatrick's level 3
(the behaviour applied on the job: by whom, how it was seen) and, when the
cycle has a KPI, level 4 (the KPI's value that day, stored as a reading).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col, select

from kaizen_studio.domain.enums import Applied
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.pdca import check_offset, evidence_problem
from kaizen_studio.domain.rules import check_number, clean_text
from kaizen_studio.domain.tables import Checkpoint, Cycle, Measurement, Outcome
from kaizen_studio.services.records import Cleaner, apply_changes, fetch, same
from kaizen_studio.services.removal import remove
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot


@dataclass(frozen=True)
class CheckRecord:
    """What the facilitator enters when a check is held."""

    done_on: date
    applied: Applied | None
    applied_by: str = ""
    how_observed: str = ""
    observations: str = ""
    value: float | None = None


def _reading_of(session: Session, checkpoint_id: int) -> Measurement | None:
    return session.exec(
        select(Measurement).where(col(Measurement.checkpoint_id) == checkpoint_id)
    ).first()


def _store_reading(session: Session, check: Checkpoint, cycle: Cycle, value: float) -> None:
    assert cycle.outcome_id is not None and check.done_on is not None
    reading = _reading_of(session, check.id or 0) or Measurement(
        outcome_id=cycle.outcome_id, cycle_id=cycle.id, checkpoint_id=check.id,
        taken_on=check.done_on, value=value,
    )  # fmt: skip
    reading.outcome_id = cycle.outcome_id
    reading.taken_on = check.done_on
    reading.value = value
    session.add(reading)


def record_checkpoint(library: Library, checkpoint_id: int, record: CheckRecord) -> None:
    """Mark a check done with its evidence; the KPI value becomes a reading of that day."""
    applied_by = clean_text(record.applied_by, "Who applies it", max_length=500)
    how_observed = clean_text(record.how_observed, "How it was observed", max_length=2000)
    observations = clean_text(record.observations, "The observations", max_length=4000)
    value = check_number(record.value, "The KPI value")
    with library.session() as session:
        check = fetch(session, Checkpoint, checkpoint_id, "check")
        cycle = fetch(session, Cycle, check.cycle_id, "cycle")
        if cycle.do_started_on and record.done_on < cycle.do_started_on:
            raise InvalidInput("A check cannot be held before Do started.")
        has_kpi = cycle.outcome_id is not None
        problem = evidence_problem(record.applied, how_observed, has_kpi, value)
        if problem:
            raise InvalidInput(problem)
        check.done_on = record.done_on
        check.applied = record.applied.value if record.applied else None
        check.applied_by = applied_by
        check.how_observed = how_observed
        check.observations = observations
        session.add(check)
        if has_kpi and value is not None:
            _store_reading(session, check, cycle, value)


def reopen_checkpoint(library: Library, checkpoint_id: int) -> None:
    """The check is not done after all; its notes and reading stay."""
    with library.session() as session:
        check = fetch(session, Checkpoint, checkpoint_id, "check")
        check.done_on = None
        session.add(check)


def add_checkpoint(library: Library, cycle_id: int, offset_days: int) -> int:
    """An extra check some days after Do started (a 120-day check, say)."""
    offset_days = check_offset(offset_days)
    with library.session() as session:
        cycle = fetch(session, Cycle, cycle_id, "cycle")
        if cycle.do_started_on is None:
            raise InvalidInput("Checks are counted from the day Do starts; start Do first.")
        offsets = session.exec(
            select(col(Checkpoint.offset_days)).where(col(Checkpoint.cycle_id) == cycle_id)
        ).all()
        if offset_days in offsets:
            raise InvalidInput(f"This cycle already has a {offset_days}-day check.")
        row = Checkpoint(
            cycle_id=cycle_id,
            offset_days=offset_days,
            due_on=cycle.do_started_on + timedelta(days=offset_days),
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def delete_checkpoint(library: Library, checkpoint_id: int) -> Snapshot:
    """Remove a check; its KPI reading stays on the chart. The snapshot puts it back."""
    return remove(library, "checkpoint", [checkpoint_id], "check")


# -- KPI readings --------------------------------------------------------------

READING_CLEANERS: dict[str, Cleaner] = {
    "taken_on": same,
    "value": lambda v: check_number(v, "The KPI value"),
    "note": lambda v: clean_text(v, "The note", max_length=2000),
}


def add_measurement(
    library: Library,
    outcome_id: int,
    taken_on: date,
    value: float,
    *,
    note: str = "",
    cycle_id: int | None = None,
) -> int:
    """A KPI reading taken outside a check (a monthly report, say)."""
    if value is None:
        raise InvalidInput("Enter the KPI value.")
    with library.session() as session:
        fetch(session, Outcome, outcome_id, "outcome")
        if cycle_id is not None:
            fetch(session, Cycle, cycle_id, "cycle")
        row = Measurement(outcome_id=outcome_id, cycle_id=cycle_id, taken_on=taken_on, value=0.0)
        apply_changes(row, {"taken_on": taken_on, "value": value, "note": note}, READING_CLEANERS)
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def update_measurement(library: Library, measurement_id: int, **changes: Any) -> dict[str, Any]:
    if "value" in changes and changes["value"] is None:
        raise InvalidInput("Enter the KPI value.")
    with library.session() as session:
        row = fetch(session, Measurement, measurement_id, "KPI reading")
        previous = apply_changes(row, changes, READING_CLEANERS)
        session.add(row)
    return previous


def delete_measurement(library: Library, measurement_id: int) -> Snapshot:
    return remove(library, "measurement", [measurement_id], "KPI reading")
