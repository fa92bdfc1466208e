"""What a stage page is to the workshop view: it shows one workshop and keeps up with edits."""

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kaizen_studio.domain.enums import Stage
from kaizen_studio.ui.context import AppContext


class StagePage(QWidget):
    """Base of every stage page.

    The workshop view calls `show_workshop` when the page is opened on a
    workshop, and `focus_main_input` right after, so a facilitator can
    start typing. `refresh` is called after edits whose topics the page
    lists in `topics`.
    """

    stage: Stage
    topics: frozenset[str] = frozenset()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workshop_id: int | None = None
        self.setObjectName(f"{self.stage.value}Page")
        self.setAccessibleName(f"{self.stage.label} stage")
        context.changes.changed.connect(self._on_changed)

    def show_workshop(self, workshop_id: int) -> None:
        self.workshop_id = workshop_id
        # A hidden page loads in showEvent, when it appears; loading here too
        # would read the workshop twice.
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows from the services."""

    def focus_main_input(self) -> None:
        """Put the keyboard focus where the facilitator starts working."""

    def focus_find(self) -> bool:
        """Focus the page's search box (Edit > Find); False if it has none."""
        return False

    def _on_changed(self, topics: frozenset[str]) -> None:
        if self.workshop_id is not None and self.isVisible() and topics & self.topics:
            self.refresh()

    def showEvent(self, event: object) -> None:
        # Edits made while hidden (on another page) show when the page returns.
        if self.workshop_id is not None:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]


class NotBuiltPage(StagePage):
    """Says plainly that a stage is still to come."""

    def __init__(self, context: AppContext, stage: Stage, parent: QWidget | None = None) -> None:
        self.stage = stage
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        label = QLabel(
            f"The {stage.label} stage is not built yet in this version of Kaizen Studio."
        )
        label.setProperty("role", "hint")
        label.setWordWrap(True)
        layout.addStretch()
        layout.addWidget(label)
        layout.addStretch()
