"""The plain facts a report prints, gathered once (see gather.py) and shared by every layout.

Nothing here knows about PDF; nothing here is a live database row.
"""

from dataclasses import dataclass, field
from datetime import date

from kaizen_studio.domain.enums import InterventionKind


@dataclass(frozen=True)
class NoteLine:
    number: int  # capture order, from 1: "N12" in the report
    text: str
    author: str  # empty when notes are anonymous or the author is unknown
    area: str
    frequency: int | None
    impact: int | None
    theme: str  # empty while unsorted
    votes: int  # dots on this note itself
    stacked_on: int | None  # number of the note it repeats
    theme_key: int | None = None  # which theme, told apart even when two share a name


@dataclass(frozen=True)
class Reading:
    taken_on: date
    value: float
    note: str = ""


@dataclass(frozen=True)
class OutcomeSummary:
    kpi: str
    unit: str
    increase: bool
    baseline: float | None
    target: float | None
    due_on: date | None
    value_per_unit: float | None
    readings: tuple[Reading, ...]

    @property
    def latest(self) -> Reading | None:
        return self.readings[-1] if self.readings else None


@dataclass(frozen=True)
class CheckpointLine:
    offset_days: int
    due_on: date
    done_on: date | None
    applied: str  # "yes", "partly", "no" or "" when not checked yet
    applied_by: str
    how_observed: str
    observations: str
    reading: float | None


@dataclass(frozen=True)
class ActionLine:
    text: str
    owner: str
    due_on: date | None
    done: bool
    done_on: date | None


@dataclass(frozen=True)
class CycleSummary:
    intervention: str
    number: int
    phase: str  # Phase value
    hypothesis: str
    kpi: str
    unit: str
    baseline: float | None
    target: float | None
    owner: str
    starts_on: date | None
    do_started_on: date | None
    decision: str  # Decision value, or ""
    decision_reason: str
    decided_on: date | None
    checkpoints: tuple[CheckpointLine, ...]
    actions: tuple[ActionLine, ...]
    readings: tuple[Reading, ...]

    @property
    def name(self) -> str:
        return f"{self.intervention}, cycle {self.number}"


@dataclass(frozen=True)
class InterventionSummary:
    title: str
    format_name: str
    kind: InterventionKind
    practice: bool
    owner: str
    effort: int | None
    cost: float | None
    starts_on: date | None
    ends_on: date | None
    description: str
    behaviours: tuple[str, ...]
    themes: tuple[str, ...]
    cycles: tuple[CycleSummary, ...]


@dataclass(frozen=True)
class BehaviourSummary:
    statement: str
    kpi: str
    themes: tuple[str, ...]
    interventions: tuple[InterventionSummary, ...]
    theme_keys: tuple[int, ...] = ()


@dataclass(frozen=True)
class TriageAnswer:
    question: str
    answer: bool | None


@dataclass(frozen=True)
class ThemeSummary:
    rank: int
    name: str
    color: str
    votes: int
    impact: float | None
    frequency: float | None
    effort: int | None
    score: float
    selected: bool
    notes: tuple[NoteLine, ...]
    causes: tuple[str, ...]
    triage: tuple[TriageAnswer, ...]
    triage_notes: str
    behaviours: tuple[BehaviourSummary, ...]

    @property
    def interventions(self) -> tuple[InterventionSummary, ...]:
        seen: dict[str, InterventionSummary] = {}
        for behaviour in self.behaviours:
            for intervention in behaviour.interventions:
                seen.setdefault(intervention.title, intervention)
        return tuple(seen.values())


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    kind: str  # "Checkpoint", "Action", "Starts", "Ends", "KPI due"
    text: str
    owner: str
    status: str  # "Done", "Overdue", "Due soon", "Upcoming"


@dataclass(frozen=True)
class GroupCount:
    group: str
    count: int


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    group: str


@dataclass(frozen=True)
class ReportData:
    title: str
    intent: str
    site: str
    facilitator: str
    held_on: date | None
    today: date
    anonymous_notes: bool
    dot_budget: int
    checkpoint_days: str
    outcomes: tuple[OutcomeSummary, ...]
    groups: tuple[GroupCount, ...]
    people: tuple[Person, ...]
    themes: tuple[ThemeSummary, ...]
    notes: tuple[NoteLine, ...]
    behaviours: tuple[BehaviourSummary, ...]
    interventions: tuple[InterventionSummary, ...]
    calendar: tuple[CalendarEntry, ...]
    total_votes: int = 0
    unsorted: tuple[NoteLine, ...] = field(default_factory=tuple)

    @property
    def cycles(self) -> tuple[CycleSummary, ...]:
        return tuple(cycle for item in self.interventions for cycle in item.cycles)

    @property
    def participants(self) -> int:
        return sum(group.count for group in self.groups)
