"""What every tab of the cycle editor shares: the context, the cycle shown, and plan edits."""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from kaizen_studio.domain.enums import Phase
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services import cycles
from kaizen_studio.services.cycle_board import CycleDetail
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import perform_update

TOPICS = {"pdca"}


class CycleTab(QWidget):
    """A tab showing one side of a cycle; `move_requested(cycle id, Phase)` asks the page."""

    move_requested = Signal(int, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: CycleDetail | None = None

    def show_detail(self, detail: CycleDetail) -> None:
        """Fill the tab; fields the user may be typing in are only reset for a new cycle
        or when the stored value changed."""
        self.detail = detail

    def update_cycle(self, text: str, changes: dict[str, Any]) -> bool:
        if self.detail is None:
            return False
        return perform_update(
            self.context, text, cycles.update_cycle, self.detail.id, changes, TOPICS
        )

    def read(self, reader: Any) -> tuple[bool, Any]:
        """Read a field's value; a typing mistake is reported as one sentence."""
        try:
            return True, reader()
        except KaizenError as error:
            self.context.report_error(str(error))
            return False, None

    def request_move(self, phase: Phase) -> None:
        if self.detail is not None:
            self.move_requested.emit(self.detail.id, phase)


def hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def form(parent: QWidget) -> QFormLayout:
    layout = QFormLayout()
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setLabelAlignment(layout.labelAlignment())
    return layout
