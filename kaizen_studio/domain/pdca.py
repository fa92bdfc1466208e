"""Pure rules of the follow-up: how cycles move, when checks fall due, what the numbers say.

No I/O here: services pass in the values and "today" from the injected clock.
"""

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from kaizen_studio.domain.enums import Applied, Decision, Direction, Phase
from kaizen_studio.domain.errors import InvalidInput

PHASES = (Phase.PLAN, Phase.DO, Phase.CHECK, Phase.ACT)
REVIEW_WINDOW_DAYS = 14


# -- phase transitions -------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """A cycle going from one phase to another on the board."""

    start: Phase
    target: Phase

    @property
    def forward(self) -> bool:
        return PHASES.index(self.target) > PHASES.index(self.start)

    @property
    def skipped(self) -> tuple[Phase, ...]:
        """Phases jumped over by a forward move (Plan -> Check skips Do)."""
        if not self.forward:
            return ()
        return PHASES[PHASES.index(self.start) + 1 : PHASES.index(self.target)]

    @property
    def reaches_do(self) -> bool:
        """True when the move puts the cycle into Do or beyond for the first time."""
        return PHASES.index(self.start) < PHASES.index(Phase.DO) <= PHASES.index(self.target)


def check_move(start: Phase, target: Phase, *, decision: Decision | None) -> Move:
    """The move, or one sentence saying why it cannot be made."""
    if decision is not None:
        raise InvalidInput(
            f"This cycle is decided ({decision.value}); reopen the decision to move it."
        )
    if start is target:
        raise InvalidInput(f"The cycle is already in {target.label}.")
    return Move(start, target)


def neighbour(phase: Phase, step: int) -> Phase | None:
    """The phase one step right (+1) or left (-1) on the board, if any."""
    index = PHASES.index(phase) + step
    return PHASES[index] if 0 <= index < len(PHASES) else None


def plan_gaps(
    hypothesis: str, outcome_id: int | None, target: float | None, owner: str
) -> list[str]:
    """What a plan still lacks before Do starts, in the facilitator's words."""
    gaps = []
    if not hypothesis.strip():
        gaps.append("a hypothesis")
    if outcome_id is None:
        gaps.append("a measure")
    if target is None:
        gaps.append("a target")
    if not owner.strip():
        gaps.append("an owner")
    return gaps


def check_decision(phase: Phase, decision: Decision, reason: str) -> None:
    """Act decides after checking; only "abandon" may end a cycle that never reached Check."""
    if not reason.strip():
        raise InvalidInput(
            f"Say why you decide to {decision.value}: the reason stays in the cycle's history."
        )
    if decision is not Decision.ABANDON and PHASES.index(phase) < PHASES.index(Phase.CHECK):
        raise InvalidInput(
            f"A cycle in {phase.label} has not been checked yet; "
            f"only abandon is possible before Check."
        )


# -- checkpoint scheduling ---------------------------------------------------


def checkpoint_dates(do_started_on: date, days: Sequence[int]) -> list[tuple[int, date]]:
    """(offset, due date) for each check: calendar days after Do starts.

    Plain day counts, so month ends and 29 February need no special case:
    30 days after 31 January is 1 March in a leap year and 2 March otherwise.
    """
    return [(offset, do_started_on + timedelta(days=offset)) for offset in sorted(set(days))]


def check_offset(offset: int) -> int:
    if isinstance(offset, bool) or not isinstance(offset, int) or not 1 <= offset <= 3650:
        raise InvalidInput("A check must fall 1 to 3650 days after Do starts.")
    return offset


# -- due and overdue ---------------------------------------------------------


class DueState(StrEnum):
    DONE = "done"
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    LATER = "later"


def due_state(
    due_on: date | None, done: bool, today: date, window: int = REVIEW_WINDOW_DAYS
) -> DueState:
    """Overdue means the day has passed; due soon means within `window` days."""
    if done:
        return DueState.DONE
    if due_on is None:
        return DueState.LATER
    if due_on < today:
        return DueState.OVERDUE
    if due_on == today:
        return DueState.DUE_TODAY
    return DueState.DUE_SOON if (due_on - today).days <= window else DueState.LATER


def is_overdue(due_on: date | None, done: bool, today: date) -> bool:
    return due_state(due_on, done, today) is DueState.OVERDUE


def describe_due(due_on: date, today: date) -> str:
    """ "overdue by 3 days", "due today", "due tomorrow", "due in 12 days"."""
    days = (due_on - today).days
    if days < 0:
        return f"overdue by {-days} day{'s' if days < -1 else ''}"
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    return f"due in {days} days"


# -- KPI trend and ROI -------------------------------------------------------


class Trend(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    FLAT = "flat"
    UNKNOWN = "unknown"


def improvement(start: float, end: float, direction: Direction) -> float:
    """How far the KPI moved the right way (negative: the wrong way)."""
    return end - start if direction is Direction.INCREASE else start - end


def kpi_trend(readings: Sequence[float], direction: Direction) -> Trend:
    """The last move of the KPI: the latest reading against the one before."""
    if len(readings) < 2:
        return Trend.UNKNOWN
    change = improvement(readings[-2], readings[-1], direction)
    if math.isclose(change, 0.0, abs_tol=1e-9):
        return Trend.FLAT
    return Trend.BETTER if change > 0 else Trend.WORSE


def progress(baseline: float | None, target: float | None, latest: float | None) -> float | None:
    """Share of the way from baseline to target (0 = none, 1 = reached), if known."""
    if baseline is None or target is None or latest is None or math.isclose(baseline, target):
        return None
    return (latest - baseline) / (target - baseline)


@dataclass(frozen=True)
class RoiEstimate:
    """Phillips-style return on investment: (benefit - cost) / cost. An estimate."""

    change: float
    benefit: float
    cost: float

    @property
    def ratio(self) -> float | None:
        return None if self.cost == 0 else (self.benefit - self.cost) / self.cost


def roi_estimate(
    baseline: float | None,
    latest: float | None,
    direction: Direction,
    value_per_unit: float | None,
    cost: float | None,
) -> RoiEstimate | None:
    """Benefit = KPI improvement since the baseline x money value of one KPI unit."""
    if None in (baseline, latest, value_per_unit, cost):
        return None
    assert baseline is not None and latest is not None
    assert value_per_unit is not None and cost is not None
    change = improvement(baseline, latest, direction)
    return RoiEstimate(change=change, benefit=change * value_per_unit, cost=cost)


# -- evidence (Kirkpatrick levels 3 and 4) -----------------------------------

_REACTION = re.compile(
    r"attend|turn(ed)? up|showed up|satisf|enjoy|happy sheet|smile sheet|liked|"
    r"rated the (session|training|course)|completed the (course|training|module)|survey",
    re.IGNORECASE,
)
_OBSERVATION = re.compile(
    r"observ|review|watch|listen|audit|sampl|shadow|record|log|report|data|dashboard|"
    r"measur|saw|seen|spot|check|call|walk|floor|count|track|inspect",
    re.IGNORECASE,
)


def reaction_only(text: str) -> bool:
    """True when the evidence speaks of attendance or satisfaction and of nothing observed."""
    return bool(_REACTION.search(text)) and not _OBSERVATION.search(text)


def evidence_problem(
    applied: Applied | None, how_observed: str, has_kpi: bool, value: float | None
) -> str | None:
    """Why a check cannot be recorded as done yet, or None when the evidence will do."""
    if applied is None:
        return "Say whether the behaviour is applied on the job (yes, partly or no)."
    if not how_observed.strip():
        return "Say how the behaviour was observed on the job (call reviews, floor walks, data)."
    if reaction_only(how_observed):
        return (
            "Attendance or satisfaction is not evidence that the behaviour is applied: "
            "say how it was seen on the job."
        )
    if has_kpi and value is None:
        return "Record the KPI value at this check (the level 4 result)."
    return None


# -- history -----------------------------------------------------------------


def history_chain(cycle_id: int, previous_of: Mapping[int, int | None]) -> list[int]:
    """The cycle and those it follows, oldest first; stops safely on a broken chain."""
    chain = [cycle_id]
    seen = {cycle_id}
    current = previous_of.get(cycle_id)
    while current is not None and current not in seen and current in previous_of:
        chain.append(current)
        seen.add(current)
        current = previous_of.get(current)
    return chain[::-1]
