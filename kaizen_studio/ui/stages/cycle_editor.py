"""The selected cycle: its story so far, moves between phases, and one tab per phase."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Phase
from kaizen_studio.domain.errors import NotFound
from kaizen_studio.domain.pdca import neighbour
from kaizen_studio.services.cycle_board import CycleDetail, HistoryEntry, get_cycle
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_card import number
from kaizen_studio.ui.pdca_fields import day_text, named
from kaizen_studio.ui.stages.act_tab import DONE_WORDS, ActTab
from kaizen_studio.ui.stages.check_tab import CheckTab
from kaizen_studio.ui.stages.cycle_tab import TOPICS, CycleTab
from kaizen_studio.ui.stages.do_tab import DoTab
from kaizen_studio.ui.stages.kpi_tab import KpiTab
from kaizen_studio.ui.stages.plan_tab import PlanTab
from kaizen_studio.ui.undo import perform_remove

TAB_OF_PHASE = {Phase.PLAN: 0, Phase.DO: 1, Phase.CHECK: 2, Phase.ACT: 3}


def history_html(history: tuple[HistoryEntry, ...]) -> str:
    """Earlier cycles as links ("cycle:ID"), each with what was decided and why."""
    lines = []
    for entry in history[:-1]:
        decision = DONE_WORDS[entry.decision] if entry.decision else entry.phase.label
        when = f" on {day_text(entry.decided_on)}" if entry.decided_on else ""
        result = f" KPI {number(entry.baseline)} → {number(entry.latest)}." if entry.latest else ""
        reason = f" “{entry.decision_reason}”" if entry.decision_reason else ""
        lines.append(
            f'<a href="cycle:{entry.id}">Cycle {entry.number}</a>: {decision}{when}.'
            f"{result}{reason}"
        )
    return "<br>".join(lines)


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Forms wrap to the panel's width rather than scroll sideways.
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class CycleEditor(QWidget):
    """Shows one cycle; `cycle_opened` asks the page to show another (history, next cycle)."""

    cycle_opened = Signal(int)
    move_requested = Signal(int, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("cycleEditor")
        self.setAccessibleName("Selected cycle")
        self.detail: CycleDetail | None = None
        self.title = QLabel(self)
        self.title.setObjectName("cycleTitle")
        self.title.setProperty("role", "sectionTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("cycleSubtitle")
        self.subtitle.setProperty("role", "hint")
        self.history = QLabel(self)
        self.history.setObjectName("cycleHistory")
        self.history.setAccessibleName("Earlier cycles")
        self.history.setWordWrap(True)
        self.history.linkActivated.connect(self._history_link)
        # Tab reaches the links to earlier cycles; Enter follows one.
        self.history.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.back = QPushButton(self)
        named(self.back, "phaseBackButton", "Move back a phase")
        self.back.clicked.connect(lambda: self._step(-1))
        self.forward = QPushButton(self)
        named(self.forward, "phaseForwardButton", "Move forward a phase")
        self.forward.clicked.connect(lambda: self._step(1))
        self.delete_button = QPushButton("Delete cycle", self)
        named(self.delete_button, "deleteCycleButton", "Delete cycle")
        self.delete_button.clicked.connect(self.delete_cycle)
        self.empty = QLabel("Select a card on the board to see its cycle.", self)
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.plan = PlanTab(context)
        self.do = DoTab(context)
        self.check = CheckTab(context)
        self.act = ActTab(context)
        self.kpi = KpiTab(context)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("cycleTabs")
        self.tabs.setAccessibleName("Cycle phases")
        for tab, name in ((self.plan, "&1 Plan"), (self.do, "&2 Do"), (self.check, "&3 Check"),
                          (self.act, "&4 Act"), (self.kpi, "&5 KPI chart")):  # fmt: skip
            self.tabs.addTab(scrolled(tab), name)
            tab.move_requested.connect(self.move_requested.emit)
        self.act.cycle_opened.connect(self.cycle_opened.emit)
        self._build()

    def tab_list(self) -> list[CycleTab]:
        return [self.plan, self.do, self.check, self.act, self.kpi]

    def _build(self) -> None:
        moves = QHBoxLayout()
        moves.addWidget(self.back)
        moves.addWidget(self.forward)
        moves.addStretch()
        moves.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.history)
        layout.addLayout(moves)
        layout.addWidget(self.tabs, 1)

    def show_cycle(self, cycle_id: int | None) -> None:
        detail = None
        if cycle_id is not None:
            try:
                detail = get_cycle(self.context.library, cycle_id, self.context.clock.today())
            except NotFound:
                detail = None
        new_cycle = detail is None or self.detail is None or self.detail.id != detail.id
        self.detail = detail
        shown = detail is not None
        for widget in (self.title, self.subtitle, self.history, self.tabs, self.back,
                       self.forward, self.delete_button):  # fmt: skip
            widget.setVisible(shown)
        self.empty.setVisible(not shown)
        if detail is None:
            return
        self.title.setText(detail.intervention)
        owner = f" · owner {detail.owner}" if detail.owner else ""
        started = f" · Do started {day_text(detail.do_started_on)}" if detail.do_started_on else ""
        self.subtitle.setText(f"Cycle {detail.number} · {detail.phase.label}{owner}{started}")
        self.history.setText(history_html(detail.history))
        self.history.setVisible(len(detail.history) > 1)
        self._show_moves(detail)
        for tab in self.tab_list():
            tab.show_detail(detail)
        if new_cycle:
            self.tabs.setCurrentIndex(TAB_OF_PHASE[detail.phase])

    def _show_moves(self, detail: CycleDetail) -> None:
        for button, step, arrow in ((self.back, -1, "◀ "), (self.forward, 1, "")):
            target = neighbour(detail.phase, step)
            button.setVisible(target is not None and detail.decision is None)
            if target is not None:
                text = f"{arrow}Back to {target.label}" if step < 0 else f"On to {target.label} ▶"
                button.setText(text)
                button.setToolTip(
                    "Ctrl+Left on the board" if step < 0 else "Ctrl+Right on the board"
                )

    def _step(self, step: int) -> None:
        if self.detail is not None:
            target = neighbour(self.detail.phase, step)
            if target is not None:
                self.move_requested.emit(self.detail.id, target)

    def _history_link(self, link: str) -> None:
        if link.startswith("cycle:"):
            self.cycle_opened.emit(int(link.removeprefix("cycle:")))

    def delete_cycle(self) -> None:
        detail = self.detail
        if detail is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete cycle",
            f"Delete cycle {detail.number} of “{detail.intervention}” with its "
            f"{len(detail.checks)} checks and {len(detail.actions)} action items?\n\n"
            "You can undo this with Edit > Undo (Ctrl+Z).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            perform_remove(self.context, "Delete cycle", "cycle", [detail.id], TOPICS)
