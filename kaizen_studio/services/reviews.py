"""Reviews due across the whole library: checks and action items overdue or due soon.

Only cycles still running count: once a cycle is decided in Act, its open
checks and actions no longer call for anyone's attention.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from sqlmodel import col, select

from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.pdca import REVIEW_WINDOW_DAYS, DueState, describe_due, due_state
from kaizen_studio.domain.tables import ActionItem, Checkpoint, Cycle, Intervention, Workshop
from kaizen_studio.storage.library import Library

Kind = Literal["check", "action"]


@dataclass(frozen=True)
class Review:
    kind: Kind
    item_id: int
    workshop_id: int
    workshop: str
    cycle_id: int
    cycle_number: int
    intervention: str
    what: str  # "60-day check" or the action's text
    owner: str
    due_on: date
    state: DueState
    when: str  # "overdue by 3 days", "due today", ...

    @property
    def overdue(self) -> bool:
        return self.state is DueState.OVERDUE

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.item_id,
            "due_on": self.due_on.isoformat(),
            "state": self.state.value,
            "when": self.when,
            "what": self.what,
            "owner": self.owner,
            "workshop_id": self.workshop_id,
            "workshop": self.workshop,
            "cycle_id": self.cycle_id,
            "cycle_number": self.cycle_number,
            "intervention": self.intervention,
        }


def check_window(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 3650:
        raise InvalidInput("The number of days ahead must be a whole number from 0 to 3650.")
    return days


def due_reviews(library: Library, today: date, days: int = REVIEW_WINDOW_DAYS) -> list[Review]:
    """Open checks and action items due up to `days` days from today, or overdue; by date."""
    until = today + timedelta(days=check_window(days))
    running = col(Cycle.decision).is_(None)
    with library.session() as session:
        checks = session.exec(
            select(Checkpoint, Cycle, Intervention, Workshop)
            .join(Cycle, col(Cycle.id) == col(Checkpoint.cycle_id))
            .join(Intervention, col(Intervention.id) == col(Cycle.intervention_id))
            .join(Workshop, col(Workshop.id) == col(Intervention.workshop_id))
            .where(col(Checkpoint.done_on).is_(None), col(Checkpoint.due_on) <= until, running)
        ).all()
        actions = session.exec(
            select(ActionItem, Cycle, Intervention, Workshop)
            .join(Cycle, col(Cycle.id) == col(ActionItem.cycle_id))
            .join(Intervention, col(Intervention.id) == col(Cycle.intervention_id))
            .join(Workshop, col(Workshop.id) == col(Intervention.workshop_id))
            .where(
                col(ActionItem.done).is_(False),
                col(ActionItem.due_on).is_not(None),
                col(ActionItem.due_on) <= until,
                running,
            )
        ).all()
    found = [
        _review("check", check.id, check.due_on, f"{check.offset_days}-day check",
                cycle.owner, cycle, intervention, workshop, today)
        for check, cycle, intervention, workshop in checks
    ] + [
        _review("action", action.id, action.due_on, action.text,
                action.owner or cycle.owner, cycle, intervention, workshop, today)
        for action, cycle, intervention, workshop in actions
    ]  # fmt: skip
    return sorted(found, key=lambda r: (r.due_on, r.workshop.casefold(), r.kind, r.item_id))


def _review(
    kind: Kind,
    item_id: int | None,
    due_on: date | None,
    what: str,
    owner: str,
    cycle: Cycle,
    intervention: Intervention,
    workshop: Workshop,
    today: date,
) -> Review:
    assert item_id is not None and due_on is not None
    return Review(
        kind=kind,
        item_id=item_id,
        workshop_id=workshop.id or 0,
        workshop=workshop.title,
        cycle_id=cycle.id or 0,
        cycle_number=cycle.number,
        intervention=intervention.title,
        what=what,
        owner=owner,
        due_on=due_on,
        state=due_state(due_on, False, today, window=365_000),
        when=describe_due(due_on, today),
    )
