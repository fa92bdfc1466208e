"""One undo step for PDCA edits that change several rows at once.

Moving a cycle into Do schedules its checks, recording a check stores a KPI
reading, and "adjust" opens the next cycle. The cycles involved are captured
before and after the edit (services.cycle_state); undo and redo put one of
the two states back, so ids stay the same and later steps still apply.
"""

from collections.abc import Callable
from typing import Any

from kaizen_studio.services.cycle_state import capture_cycles, rewind_cycles
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import perform

TOPICS = frozenset({"pdca"})


def perform_cycle_edit(
    context: AppContext,
    text: str,
    cycle_ids: list[int],
    edit: Callable[[], Any],
    *,
    opened: Callable[[Any], list[int]] = lambda _result: [],
) -> tuple[bool, Any]:
    """Run `edit` as one undo step; `opened` names cycles the edit created from its result.

    Returns (done, the edit's result); a refused edit shows its sentence and
    leaves nothing on the undo stack.
    """
    library = context.library
    state: dict[str, Any] = {}

    def apply() -> None:
        if "after" in state:
            rewind_cycles(library, state["ids"], state["after"])
            return
        state["before"] = capture_cycles(library, cycle_ids)
        state["result"] = edit()
        state["ids"] = cycle_ids + opened(state["result"])
        state["after"] = capture_cycles(library, state["ids"])

    def revert() -> None:
        rewind_cycles(library, state["ids"], state["before"])

    done = perform(context, text, apply, revert, TOPICS)
    return done, state.get("result")
