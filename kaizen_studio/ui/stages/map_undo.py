"""Choices from a drop-down as one undo step.

Arrowing through a closed drop-down (a format, an effort, a KPI) changes the
value at every key press, and each change is saved at once. Those changes,
made one after another on the same field of the same record, merge into a
single undo step, so Ctrl+Z goes back to the value before the facilitator
started choosing, not to the one before the last key press.
"""

import time
from collections.abc import Callable, Hashable, Iterable
from functools import partial
from typing import Any

from PySide6.QtGui import QUndoCommand

from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import Edit, field_update, perform

MERGE_ID = 0x6D6170  # any number of our own; commands merge only with the same id
MERGE_WINDOW = 3.0  # seconds: a choice made later is a new step


class ChoiceEdit(Edit):
    def __init__(self, *args: Any, field: Hashable) -> None:
        super().__init__(*args)
        self.field = field
        self.made_at = time.monotonic()

    def id(self) -> int:
        return MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChoiceEdit) or other.field != self.field:
            return False
        if other.made_at - self.made_at > MERGE_WINDOW:
            return False
        # Undo keeps restoring what was there before the first choice; redo makes the last.
        self._apply = other._apply
        self.made_at = other.made_at
        return True


def perform_choice(
    context: AppContext,
    text: str,
    update: Callable[..., dict[str, Any]],
    key: int,
    changes: dict[str, Any],
    topics: Iterable[str],
) -> bool:
    """As ui.undo.perform_update, for a value picked from a drop-down."""
    apply, revert = field_update(context, update, key, changes)
    field = (update.__qualname__, key, tuple(sorted(changes)))
    return perform(context, text, apply, revert, topics, command=partial(ChoiceEdit, field=field))
