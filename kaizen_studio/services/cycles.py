"""Plan-Do-Check-Act cycles of an intervention: open one, read it, edit its plan.

A cycle starts in Plan. The next cycle of the same intervention is
prefilled from the last one (hypothesis, measure, target, owner) with the
KPI's latest reading as its new baseline, and points back to it so the
history of the intervention stays readable.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from kaizen_studio.domain.enums import Decision, Phase
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.pdca import check_decision, check_move, checkpoint_dates
from kaizen_studio.domain.rules import check_number, clean_text, parse_checkpoint_days
from kaizen_studio.domain.tables import (
    Behaviour,
    Checkpoint,
    Cycle,
    Intervention,
    InterventionBehaviour,
    Measurement,
    Outcome,
    Workshop,
)
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.records import Cleaner, apply_changes, belongs, fetch, same
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


# -- the plan ----------------------------------------------------------------

CLEANERS: dict[str, Cleaner] = {
    "hypothesis": lambda v: clean_text(v, "The hypothesis", max_length=2000),
    "outcome_id": same,
    "baseline": lambda v: check_number(v, "The baseline"),
    "target": lambda v: check_number(v, "The target"),
    "owner": lambda v: clean_text(v, "The owner"),
    "starts_on": same,
    "do_started_on": same,
}


def workshop_of(session: Session, cycle: Cycle) -> Workshop:
    intervention = fetch(session, Intervention, cycle.intervention_id, "intervention")
    return fetch(session, Workshop, intervention.workshop_id, "workshop")


def _move_open_checks(session: Session, cycle: Cycle) -> None:
    """Checks not done yet follow the Do start date; done ones keep their day."""
    if cycle.do_started_on is None:
        return
    for check in session.exec(select(Checkpoint).where(col(Checkpoint.cycle_id) == cycle.id)):
        if check.done_on is None:
            check.due_on = cycle.do_started_on + timedelta(days=check.offset_days)
            session.add(check)


def update_cycle(library: Library, cycle_id: int, **changes: Any) -> dict[str, Any]:
    """Edit the plan (or the Do start date); returns the previous values for undo."""
    with library.session() as session:
        row = fetch(session, Cycle, cycle_id, "cycle")
        workshop = workshop_of(session, row)
        belongs(session, Outcome, changes.get("outcome_id"), workshop.id or 0, "outcome")
        if "do_started_on" in changes and changes["do_started_on"] is None and row.do_started_on:
            raise InvalidInput("Do has started; its start date can be moved, not removed.")
        previous = apply_changes(row, changes, CLEANERS)
        session.add(row)
        if "do_started_on" in changes:
            _move_open_checks(session, row)
    return previous


def measure_defaults(library: Library, outcome_id: int) -> tuple[float | None, float | None]:
    """Baseline and target a plan takes when this KPI is chosen as its measure:
    the KPI's latest reading (or its baseline) and its target."""
    with library.session() as session:
        outcome = fetch(session, Outcome, outcome_id, "outcome")
        reading = _latest_reading(session, outcome_id)
        return (outcome.baseline if reading is None else reading), outcome.target


# -- moving on the board -----------------------------------------------------


def _start_do(session: Session, cycle: Cycle, today: date) -> None:
    """Do starts today: the checks are scheduled from the workshop's check days."""
    cycle.do_started_on = today
    days = parse_checkpoint_days(workshop_of(session, cycle).checkpoint_days)
    existing = session.exec(select(Checkpoint).where(col(Checkpoint.cycle_id) == cycle.id)).all()
    if existing:
        return
    for offset, due_on in checkpoint_dates(today, days):
        session.add(Checkpoint(cycle_id=cycle.id or 0, offset_days=offset, due_on=due_on))


def move_cycle(
    library: Library, cycle_id: int, phase: Phase, *, clock: Clock = SYSTEM_CLOCK
) -> Phase:
    """Put the cycle in `phase`; reaching Do for the first time schedules its checks.

    Returns the phase it left. Undo goes through cycle_state (the checks
    scheduled here must go too).
    """
    with library.session() as session:
        row = fetch(session, Cycle, cycle_id, "cycle")
        start = Phase(row.phase)
        decision = Decision(row.decision) if row.decision else None
        move = check_move(start, phase, decision=decision)
        if move.reaches_do and row.do_started_on is None:
            _start_do(session, row, clock.today())
        row.phase = phase.value
        session.add(row)
    return start


# -- Act ---------------------------------------------------------------------


def decide_cycle(
    library: Library,
    cycle_id: int,
    decision: Decision,
    reason: str,
    *,
    clock: Clock = SYSTEM_CLOCK,
) -> int | None:
    """Record the Act decision; "adjust" opens the next cycle, whose id is returned."""
    reason = clean_text(reason, "The reason", max_length=2000)
    with library.session() as session:
        row = fetch(session, Cycle, cycle_id, "cycle")
        if row.decision is not None:
            raise InvalidInput(f"Cycle {row.number} is already decided ({row.decision}).")
        check_decision(Phase(row.phase), decision, reason)
        row.phase = Phase.ACT.value
        row.decision = decision.value
        row.decision_reason = reason
        row.decided_on = clock.today()
        session.add(row)
    if decision is Decision.ADJUST:
        return open_cycle(library, row.intervention_id, clock=clock)
    return None


def reopen_decision(library: Library, cycle_id: int) -> None:
    """Take back an Act decision, while no later cycle builds on it."""
    with library.session() as session:
        row = fetch(session, Cycle, cycle_id, "cycle")
        later = session.exec(select(Cycle).where(col(Cycle.previous_id) == cycle_id)).first()
        if later is not None:
            raise InvalidInput(
                f"Cycle {later.number} follows from this decision; delete it first to reopen."
            )
        row.decision, row.decision_reason, row.decided_on = None, "", None
        session.add(row)


# -- what can start, and what it costs ---------------------------------------


@dataclass(frozen=True)
class Startable:
    """An intervention of the workshop that can open a cycle now."""

    intervention_id: int
    title: str
    next_number: int


def startable_interventions(library: Library, workshop_id: int) -> list[Startable]:
    """Interventions with no cycle, or whose last cycle is decided."""
    with library.session() as session:
        interventions = session.exec(
            select(Intervention)
            .where(col(Intervention.workshop_id) == workshop_id)
            .order_by(col(Intervention.position), col(Intervention.id))
        ).all()
        found = []
        for intervention in interventions:
            last = _last_cycle(session, intervention.id or 0)
            if last is None or last.decision is not None:
                number = 1 if last is None else last.number + 1
                found.append(Startable(intervention.id or 0, intervention.title, number))
        return found


def update_intervention_cost(
    library: Library, intervention_id: int, *, cost: float | None
) -> dict[str, Any]:
    """Set the intervention's cost for the ROI estimate; returns {"cost": previous}."""
    cost = check_number(cost, "The cost", minimum=0)
    with library.session() as session:
        row = fetch(session, Intervention, intervention_id, "intervention")
        previous = {"cost": row.cost}
        row.cost = cost
        session.add(row)
    return previous
