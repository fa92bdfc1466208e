"""Plan-Do-Check-Act cycles of an intervention: open one, read it, edit its plan.

A cycle starts in Plan. The next cycle of the same intervention is
prefilled from the last one (hypothesis, measure, target, owner) with the
KPI's latest reading as its new baseline, and points back to it so the
history of the intervention stays readable.
"""

from sqlalchemy import func
from sqlmodel import Session, col, select

from kaizen_studio.domain.enums import Phase
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.tables import (
    Behaviour,
    Cycle,
    Intervention,
    InterventionBehaviour,
    Measurement,
    Outcome,
)
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.records import fetch
from kaizen_studio.storage.library import Library


def _last_cycle(session: Session, intervention_id: int) -> Cycle | None:
    return session.exec(
        select(Cycle)
        .where(col(Cycle.intervention_id) == intervention_id)
        .order_by(col(Cycle.number).desc())
        .limit(1)
    ).first()


def _latest_reading(session: Session, outcome_id: int | None) -> float | None:
    """The most recent measurement of a KPI, whichever cycle took it."""
    if outcome_id is None:
        return None
    return session.exec(
        select(col(Measurement.value))
        .where(col(Measurement.outcome_id) == outcome_id)
        .order_by(col(Measurement.taken_on).desc(), col(Measurement.id).desc())
        .limit(1)
    ).first()


def _linked_outcome(session: Session, intervention_id: int) -> Outcome | None:
    """The KPI of the first behaviour (in map order) this intervention serves."""
    return session.exec(
        select(Outcome)
        .join(Behaviour, col(Behaviour.outcome_id) == col(Outcome.id))
        .join(InterventionBehaviour, col(InterventionBehaviour.behaviour_id) == col(Behaviour.id))
        .where(col(InterventionBehaviour.intervention_id) == intervention_id)
        .order_by(col(Behaviour.position), col(Behaviour.id))
        .limit(1)
    ).first()


def _first_cycle(session: Session, intervention: Intervention, clock: Clock) -> Cycle:
    assert intervention.id is not None
    outcome = _linked_outcome(session, intervention.id)
    baseline = None
    if outcome is not None:
        baseline = _latest_reading(session, outcome.id)
        baseline = outcome.baseline if baseline is None else baseline
    return Cycle(
        intervention_id=intervention.id,
        number=1,
        owner=intervention.owner,
        outcome_id=outcome.id if outcome else None,
        baseline=baseline,
        target=outcome.target if outcome else None,
        starts_on=intervention.starts_on or clock.today(),
        created_at=clock.now(),
    )


def _next_cycle(session: Session, last: Cycle, clock: Clock) -> Cycle:
    if last.decision is None:
        raise InvalidInput(
            f"Cycle {last.number} of this intervention is still running; "
            "decide it in Act before opening the next one."
        )
    reading = _latest_reading(session, last.outcome_id)
    return Cycle(
        intervention_id=last.intervention_id,
        number=last.number + 1,
        previous_id=last.id,
        hypothesis=last.hypothesis,
        outcome_id=last.outcome_id,
        baseline=last.baseline if reading is None else reading,
        target=last.target,
        owner=last.owner,
        starts_on=clock.today(),
        created_at=clock.now(),
    )


def open_cycle(library: Library, intervention_id: int, *, clock: Clock = SYSTEM_CLOCK) -> int:
    """Open the intervention's next cycle in Plan and return its id.

    The first cycle takes its owner from the intervention and its measure
    from the outcome the intervention's behaviours are linked to. A later
    cycle is prefilled from the last one, which must have its Act decision.
    """
    with library.session() as session:
        intervention = fetch(session, Intervention, intervention_id, "intervention")
        last = _last_cycle(session, intervention_id)
        row = (
            _first_cycle(session, intervention, clock)
            if last is None
            else _next_cycle(session, last, clock)
        )
        row.phase = Phase.PLAN.value
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def count_cycles(library: Library, intervention_id: int) -> int:
    with library.session() as session:
        return session.exec(
            select(func.count()).where(col(Cycle.intervention_id) == intervention_id)
        ).one()
