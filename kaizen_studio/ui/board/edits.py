"""Board edits as undo steps: a service call that returns a BoardChange, undone by reverting it.

`revert_change` undoes a change and returns the change that redoes it, so one
command toggles between the two. A refused edit shows its sentence and pushes
nothing; an edit that changed nothing (a card dropped back on its own slot)
pushes nothing either, but the board is still redrawn to snap it back.
"""

from collections.abc import Callable, Iterable

from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services.board import BoardChange, revert_change
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import Edit

BOARD_TOPICS = frozenset({"themes", "notes"})
# Merging and deleting themes also move or remove dots.
THEME_TOPICS = BOARD_TOPICS | {"votes", "map"}


def perform_board(
    context: AppContext,
    text: str,
    change: Callable[[], BoardChange],
    topics: Iterable[str] = BOARD_TOPICS,
) -> bool:
    """Make a board edit now and put it on the undo stack; False if it was refused."""
    topics = frozenset(topics)
    try:
        first = change()
    except KaizenError as error:
        context.report_error(str(error))
        context.changes.announce(topics)
        return False
    if first.empty:
        context.changes.announce(topics)
        return True
    state = {"change": first}

    def toggle() -> None:
        state["change"] = revert_change(context.library, state["change"])

    context.undo_stack.push(Edit(context, text, toggle, toggle, topics))
    context.changes.announce(topics)
    return True
