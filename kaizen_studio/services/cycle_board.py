"""What the PDCA board shows: a card per cycle, and the full story of one cycle.

Read-only views built from the tables; "today" comes from the caller's clock.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from kaizen_studio.domain.enums import Applied, Decision, Direction, InterventionKind, Phase
from kaizen_studio.domain.pdca import (
    DueState,
    RoiEstimate,
    Trend,
    due_state,
    history_chain,
    kpi_trend,
    roi_estimate,
)
from kaizen_studio.domain.tables import ActionItem, Checkpoint, Cycle, Intervention, Measurement
from kaizen_studio.services.action_items import ActionInfo, action_info
from kaizen_studio.services.outcomes import OutcomeInfo, get_outcome
from kaizen_studio.services.records import fetch, fetch_workshop
from kaizen_studio.storage.library import Library


@dataclass(frozen=True)
class CheckInfo:
    id: int
    cycle_id: int
    offset_days: int
    due_on: date
    done_on: date | None
    applied: Applied | None
    applied_by: str
    how_observed: str
    observations: str
    value: float | None  # the KPI reading taken at this check
    state: DueState

    @property
    def label(self) -> str:
        return f"{self.offset_days}-day check"


@dataclass(frozen=True)
class CycleCard:
    """One card on the board."""

    id: int
    intervention_id: int
    intervention: str
    kind: InterventionKind
    number: int
    phase: Phase
    owner: str
    decision: Decision | None
    next_check: CheckInfo | None
    overdue_checks: int
    open_actions: int
    overdue_actions: int
    kpi: str
    unit: str
    readings: tuple[float, ...]  # the cycle's baseline, then its readings in date order
    target: float | None
    trend: Trend

    @property
    def overdue(self) -> bool:
        return self.overdue_checks > 0 or self.overdue_actions > 0


@dataclass(frozen=True)
class HistoryEntry:
    """An earlier (or the current) cycle of the same intervention."""

    id: int
    number: int
    phase: Phase
    hypothesis: str
    baseline: float | None
    target: float | None
    latest: float | None
    decision: Decision | None
    decision_reason: str
    decided_on: date | None


@dataclass(frozen=True)
class CycleDetail:
    id: int
    workshop_id: int
    intervention_id: int
    intervention: str
    cost: float | None
    number: int
    phase: Phase
    hypothesis: str
    outcome: OutcomeInfo | None
    baseline: float | None
    target: float | None
    owner: str
    starts_on: date | None
    do_started_on: date | None
    decision: Decision | None
    decision_reason: str
    decided_on: date | None
    checks: tuple[CheckInfo, ...]
    actions: tuple[ActionInfo, ...]
    history: tuple[HistoryEntry, ...]  # oldest first, ending with this cycle
    next_cycle_id: int | None
    latest: float | None
    roi: RoiEstimate | None


def _decision(value: str | None) -> Decision | None:
    return Decision(value) if value else None


def _check_info(row: Checkpoint, value: float | None, today: date) -> CheckInfo:
    assert row.id is not None
    return CheckInfo(
        id=row.id,
        cycle_id=row.cycle_id,
        offset_days=row.offset_days,
        due_on=row.due_on,
        done_on=row.done_on,
        applied=Applied(row.applied) if row.applied else None,
        applied_by=row.applied_by,
        how_observed=row.how_observed,
        observations=row.observations,
        value=value,
        state=due_state(row.due_on, row.done_on is not None, today),
    )


def _readings_by_cycle(session: Session, cycle_ids: list[int]) -> dict[int, list[Measurement]]:
    rows = session.exec(
        select(Measurement)
        .where(col(Measurement.cycle_id).in_(cycle_ids))
        .order_by(col(Measurement.taken_on), col(Measurement.id))
    ).all()
    found: dict[int, list[Measurement]] = defaultdict(list)
    for row in rows:
        found[row.cycle_id or 0].append(row)
    return found


def _checks_by_cycle(
    session: Session, cycle_ids: list[int], today: date
) -> dict[int, list[CheckInfo]]:
    rows = session.exec(
        select(Checkpoint)
        .where(col(Checkpoint.cycle_id).in_(cycle_ids))
        .order_by(col(Checkpoint.due_on), col(Checkpoint.id))
    ).all()
    check_ids = [row.id for row in rows]
    values = {
        m.checkpoint_id: m.value
        for m in session.exec(
            select(Measurement).where(col(Measurement.checkpoint_id).in_(check_ids))
        )
    }
    found: dict[int, list[CheckInfo]] = defaultdict(list)
    for row in rows:
        found[row.cycle_id].append(_check_info(row, values.get(row.id), today))
    return found


def _actions_by_cycle(session: Session, cycle_ids: list[int]) -> dict[int, list[ActionInfo]]:
    rows = session.exec(
        select(ActionItem)
        .where(col(ActionItem.cycle_id).in_(cycle_ids))
        .order_by(col(ActionItem.position), col(ActionItem.id))
    ).all()
    found: dict[int, list[ActionInfo]] = defaultdict(list)
    for row in rows:
        found[row.cycle_id].append(action_info(row))
    return found


def _card(
    cycle: Cycle,
    intervention: Intervention,
    outcome: OutcomeInfo | None,
    checks: list[CheckInfo],
    actions: list[ActionInfo],
    readings: list[Measurement],
    today: date,
) -> CycleCard:
    assert cycle.id is not None
    decided = cycle.decision is not None
    open_checks = [c for c in checks if c.done_on is None]
    open_actions = [a for a in actions if not a.done]
    series = ([cycle.baseline] if cycle.baseline is not None else []) + [r.value for r in readings]
    direction = outcome.direction if outcome else Direction.INCREASE
    return CycleCard(
        id=cycle.id,
        intervention_id=intervention.id or 0,
        intervention=intervention.title,
        kind=InterventionKind(intervention.kind),
        number=cycle.number,
        phase=Phase(cycle.phase),
        owner=cycle.owner,
        decision=_decision(cycle.decision),
        next_check=None if decided or not open_checks else open_checks[0],
        overdue_checks=0 if decided else sum(c.state is DueState.OVERDUE for c in open_checks),
        open_actions=len(open_actions),
        overdue_actions=0
        if decided
        else sum(due_state(a.due_on, False, today) is DueState.OVERDUE for a in open_actions),
        kpi=outcome.kpi if outcome else "",
        unit=outcome.unit if outcome else "",
        readings=tuple(series),
        target=cycle.target,
        trend=kpi_trend(series, direction) if readings else Trend.UNKNOWN,
    )


def list_cards(library: Library, workshop_id: int, today: date) -> list[CycleCard]:
    """Every cycle of the workshop, in map order of its intervention, then by number."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        pairs = session.exec(
            select(Cycle, Intervention)
            .join(Intervention, col(Intervention.id) == col(Cycle.intervention_id))
            .where(col(Intervention.workshop_id) == workshop_id)
            .order_by(col(Intervention.position), col(Intervention.id), col(Cycle.number))
        ).all()
        ids = [cycle.id or 0 for cycle, _ in pairs]
        checks = _checks_by_cycle(session, ids, today)
        actions = _actions_by_cycle(session, ids)
        readings = _readings_by_cycle(session, ids)
    outcomes: dict[int, OutcomeInfo] = {}
    for cycle, _ in pairs:
        if cycle.outcome_id is not None and cycle.outcome_id not in outcomes:
            outcomes[cycle.outcome_id] = get_outcome(library, cycle.outcome_id)
    return [
        _card(
            cycle,
            intervention,
            outcomes.get(cycle.outcome_id or 0),
            checks[cycle.id or 0],
            actions[cycle.id or 0],
            readings[cycle.id or 0],
            today,
        )
        for cycle, intervention in pairs
    ]


def _history(session: Session, cycle: Cycle) -> tuple[HistoryEntry, ...]:
    rows = {
        row.id or 0: row
        for row in session.exec(
            select(Cycle).where(col(Cycle.intervention_id) == cycle.intervention_id)
        )
    }
    readings = _readings_by_cycle(session, list(rows))
    chain = history_chain(cycle.id or 0, {key: row.previous_id for key, row in rows.items()})
    return tuple(
        HistoryEntry(
            id=key,
            number=rows[key].number,
            phase=Phase(rows[key].phase),
            hypothesis=rows[key].hypothesis,
            baseline=rows[key].baseline,
            target=rows[key].target,
            latest=readings[key][-1].value if readings[key] else None,
            decision=_decision(rows[key].decision),
            decision_reason=rows[key].decision_reason,
            decided_on=rows[key].decided_on,
        )
        for key in chain
    )


def get_cycle(library: Library, cycle_id: int, today: date) -> CycleDetail:
    """One cycle with its checks, actions, history and ROI estimate."""
    with library.session() as session:
        cycle = fetch(session, Cycle, cycle_id, "cycle")
        intervention = fetch(session, Intervention, cycle.intervention_id, "intervention")
        checks = _checks_by_cycle(session, [cycle_id], today)[cycle_id]
        actions = _actions_by_cycle(session, [cycle_id])[cycle_id]
        history = _history(session, cycle)
        after = session.exec(select(Cycle).where(col(Cycle.previous_id) == cycle_id)).first()
    outcome = get_outcome(library, cycle.outcome_id) if cycle.outcome_id is not None else None
    latest = history[-1].latest
    roi = None
    if outcome is not None:
        roi = roi_estimate(
            cycle.baseline, latest, outcome.direction, outcome.value_per_unit, intervention.cost
        )
    return CycleDetail(
        id=cycle_id,
        workshop_id=intervention.workshop_id,
        intervention_id=intervention.id or 0,
        intervention=intervention.title,
        cost=intervention.cost,
        number=cycle.number,
        phase=Phase(cycle.phase),
        hypothesis=cycle.hypothesis,
        outcome=outcome,
        baseline=cycle.baseline,
        target=cycle.target,
        owner=cycle.owner,
        starts_on=cycle.starts_on,
        do_started_on=cycle.do_started_on,
        decision=_decision(cycle.decision),
        decision_reason=cycle.decision_reason,
        decided_on=cycle.decided_on,
        checks=tuple(checks),
        actions=tuple(actions),
        history=history,
        next_cycle_id=after.id if after else None,
        latest=latest,
        roi=roi,
    )
