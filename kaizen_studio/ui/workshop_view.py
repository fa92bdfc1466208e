"""Inside a workshop: a stepper of stages across the top, one page per stage below."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services import workshops
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.base import StagePage
from kaizen_studio.ui.stages.registry import make_page
from kaizen_studio.ui.widgets.elided_label import ElidedLabel

STAGES = list(Stage)


class WorkshopView(QWidget):
    """Shows one workshop; `home_requested` asks the window to go back to the list."""

    home_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("workshopView")
        self.workshop_id: int | None = None
        self.pages: dict[Stage, StagePage] = {}
        self.stack = QStackedWidget(self)
        self.steps = QButtonGroup(self)
        self.steps.setExclusive(True)
        self.title = ElidedLabel(self)
        self.title.setObjectName("workshopTitle")
        self.title.setProperty("role", "pageTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("workshopSubtitle")
        self.subtitle.setProperty("role", "hint")
        self._build()
        context.changes.changed.connect(self._on_changed)

    def _build(self) -> None:
        back = QToolButton(self)
        back.setObjectName("homeButton")
        back.setText("← Workshops")
        back.setAccessibleName("Back to the workshop list")
        back.setToolTip("Back to the workshop list (Ctrl+Home)")
        back.clicked.connect(self.home_requested.emit)
        stepper = QHBoxLayout()
        stepper.setSpacing(4)
        for number, stage in enumerate(STAGES, start=1):
            button = QToolButton(self)
            button.setObjectName(f"step_{stage.value}")
            button.setText(f"{number}  {stage.label}")
            button.setCheckable(True)
            button.setProperty("stageStep", True)
            button.setAccessibleName(f"Stage {number}: {stage.label}")
            button.setToolTip(f"{stage.label} (Ctrl+{number})")
            self.steps.addButton(button, number - 1)
            stepper.addWidget(button)
            if number < len(STAGES):
                arrow = QLabel("›", self)
                arrow.setProperty("role", "hint")
                stepper.addWidget(arrow)
        stepper.addStretch()
        self.steps.idClicked.connect(lambda index: self.show_stage(STAGES[index]))

        header = QHBoxLayout()
        header.addWidget(back)
        header.addSpacing(12)
        header.addWidget(self.title, 1)
        header.addWidget(self.subtitle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.addLayout(header)
        layout.addLayout(stepper)
        layout.addWidget(self.stack, 1)

    def page(self, stage: Stage) -> StagePage:
        """The page of a stage, built the first time it is needed."""
        if stage not in self.pages:
            page = make_page(stage, self.context, self.stack)
            self.pages[stage] = page
            self.stack.addWidget(page)
        return self.pages[stage]

    def open_workshop(self, workshop_id: int, stage: Stage) -> None:
        self.workshop_id = workshop_id
        for page in self.pages.values():
            page.workshop_id = None
        self._show_title()
        self.show_stage(stage)

    def current_stage(self) -> Stage:
        return STAGES[max(self.steps.checkedId(), 0)]

    def current_page(self) -> StagePage:
        return self.page(self.current_stage())

    def show_stage(self, stage: Stage) -> None:
        if self.workshop_id is None:
            return
        page = self.page(stage)
        if page.workshop_id != self.workshop_id:
            page.show_workshop(self.workshop_id)
        self.stack.setCurrentWidget(page)
        self.steps.button(STAGES.index(stage)).setChecked(True)
        self._remember_stage(stage)
        page.focus_main_input()

    def step(self, offset: int) -> None:
        index = min(max(STAGES.index(self.current_stage()) + offset, 0), len(STAGES) - 1)
        self.show_stage(STAGES[index])

    def _remember_stage(self, stage: Stage) -> None:
        # Where the facilitator left off; navigation is not an undoable edit.
        assert self.workshop_id is not None
        try:
            workshops.update_workshop(self.context.library, self.workshop_id, stage=stage.value)
        except KaizenError:
            return

    def _show_title(self) -> None:
        if self.workshop_id is None:
            return
        try:
            info = workshops.get_workshop(self.context.library, self.workshop_id)
        except KaizenError:
            self.home_requested.emit()  # it went (an undo, a delete): back to the list
            return
        self.title.setText(info.title)
        held = f"{info.held_on.day} {info.held_on:%B %Y}" if info.held_on else ""
        self.subtitle.setText(" · ".join(part for part in (held, info.site) if part))

    def _on_changed(self, topics: frozenset[str]) -> None:
        if "workshops" in topics:
            self._show_title()
