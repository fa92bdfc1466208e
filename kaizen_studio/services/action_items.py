"""The concrete steps of a cycle's Do phase: who does what by when, and whether it is done."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from kaizen_studio.domain.rules import clean_text
from kaizen_studio.domain.tables import ActionItem, Cycle
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.records import Cleaner, apply_changes, fetch, same
from kaizen_studio.services.removal import remove
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot


@dataclass(frozen=True)
class ActionInfo:
    id: int
    cycle_id: int
    text: str
    owner: str
    due_on: date | None
    done: bool
    done_on: date | None
    position: int


def action_info(row: ActionItem) -> ActionInfo:
    assert row.id is not None
    return ActionInfo(
        id=row.id,
        cycle_id=row.cycle_id,
        text=row.text,
        owner=row.owner,
        due_on=row.due_on,
        done=row.done,
        done_on=row.done_on,
        position=row.position,
    )


CLEANERS: dict[str, Cleaner] = {
    "text": lambda v: clean_text(v, "An action", required=True, max_length=1000),
    "owner": lambda v: clean_text(v, "The owner"),
    "due_on": same,
    "done": bool,
    "done_on": same,
    "position": int,
}


def add_action(
    library: Library, cycle_id: int, text: str, *, owner: str = "", due_on: date | None = None
) -> ActionInfo:
    with library.session() as session:
        fetch(session, Cycle, cycle_id, "cycle")
        count = session.exec(select(func.count()).where(col(ActionItem.cycle_id) == cycle_id)).one()
        row = ActionItem(cycle_id=cycle_id, text="-", position=count)
        apply_changes(row, {"text": text, "owner": owner, "due_on": due_on}, CLEANERS)
        session.add(row)
        session.flush()
        return action_info(row)


def list_actions(library: Library, cycle_id: int) -> list[ActionInfo]:
    with library.session() as session:
        rows = session.exec(
            select(ActionItem)
            .where(col(ActionItem.cycle_id) == cycle_id)
            .order_by(col(ActionItem.position), col(ActionItem.id))
        ).all()
        return [action_info(row) for row in rows]


def update_action(
    library: Library, action_id: int, *, clock: Clock = SYSTEM_CLOCK, **changes: Any
) -> dict[str, Any]:
    """Edit an action; ticking it done stamps today. Returns the previous values (undo)."""
    if "done" in changes and "done_on" not in changes:
        changes["done_on"] = clock.today() if changes["done"] else None
    with library.session() as session:
        row = fetch(session, ActionItem, action_id, "action item")
        previous = apply_changes(row, changes, CLEANERS)
        session.add(row)
    return previous


def delete_action(library: Library, action_id: int) -> Snapshot:
    return remove(library, "action_item", [action_id])
