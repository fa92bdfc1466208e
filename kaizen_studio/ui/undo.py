"""Undoable edits: each user action is one QUndoCommand calling services to do and undo it.

An edit runs once before it is pushed; if the service refuses it (a
KaizenError), the user sees one sentence and nothing goes on the stack.
"""

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand

from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services.removal import put_back, remove
from kaizen_studio.ui.context import AppContext


class Edit(QUndoCommand):
    """One step of the undo history; `apply` and `revert` call services."""

    def __init__(
        self,
        context: AppContext,
        text: str,
        apply: Callable[[], Any],
        revert: Callable[[], Any],
        topics: Iterable[str],
    ) -> None:
        super().__init__(text)
        self._context = context
        self._apply = apply
        self._revert = revert
        self._topics = frozenset(topics)
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
        else:
            self._guarded(self._apply)

    def undo(self) -> None:
        self._guarded(self._revert)

    def _guarded(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except KaizenError as error:
            self._context.report_error(str(error))
        self._context.changes.announce(self._topics)


def perform(
    context: AppContext,
    text: str,
    apply: Callable[[], Any],
    revert: Callable[[], Any],
    topics: Iterable[str],
    *,
    command: Callable[..., Edit] = Edit,
) -> bool:
    """Do an edit now and put it on the undo stack; False (and a message) if refused.

    `command` makes the undo step (an Edit subclass, e.g. one that merges)."""
    try:
        apply()
    except KaizenError as error:
        context.report_error(str(error))
        return False
    context.undo_stack.push(command(context, text, apply, revert, topics))
    context.changes.announce(topics)
    return True


def perform_create(
    context: AppContext,
    text: str,
    table: str,
    create: Callable[[], int],
    topics: Iterable[str],
) -> int | None:
    """Create a row; undo removes it, redo puts the same row (same id) back."""
    state: dict[str, Any] = {"id": None, "snapshot": None}

    def apply() -> None:
        if state["snapshot"] is None:
            state["id"] = create()
        else:
            put_back(context.library, state["snapshot"])

    def revert() -> None:
        state["snapshot"] = remove(context.library, table, [state["id"]])

    return state["id"] if perform(context, text, apply, revert, topics) else None


def perform_remove(
    context: AppContext,
    text: str,
    table: str,
    keys: list[int],
    topics: Iterable[str],
) -> bool:
    """Delete rows and all that hangs on them; undo puts everything back as it was."""
    state: dict[str, Any] = {}

    def apply() -> None:
        state["snapshot"] = remove(context.library, table, keys)

    def revert() -> None:
        put_back(context.library, state["snapshot"])

    return perform(context, text, apply, revert, topics)


def perform_update(
    context: AppContext,
    text: str,
    update: Callable[..., dict[str, Any]],
    key: int,
    changes: dict[str, Any],
    topics: Iterable[str],
) -> bool:
    """Change fields through a service `update(library, key, **changes) -> previous`."""
    apply, revert = field_update(context, update, key, changes)
    return perform(context, text, apply, revert, topics)


def field_update(
    context: AppContext,
    update: Callable[..., dict[str, Any]],
    key: int,
    changes: dict[str, Any],
) -> tuple[Callable[[], None], Callable[[], None]]:
    """Apply and revert for a field edit: revert restores what apply found."""
    previous: dict[str, Any] = {}

    def apply() -> None:
        previous.clear()
        previous.update(update(context.library, key, **changes))

    def revert() -> None:
        update(context.library, key, **previous)

    return apply, revert
