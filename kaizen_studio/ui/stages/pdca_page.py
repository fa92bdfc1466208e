"""The PDCA stage: the board of cycles on the left, the selected cycle on the right.

Moves come from drag and drop, the keyboard or the editor's buttons; a move
that skips a phase, or leaves Plan with gaps, asks first. Each move is one
undo step (it may schedule checks: see ui.pdca_undo).
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Phase, Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.domain.pdca import Move, neighbour, plan_gaps
from kaizen_studio.domain.rules import format_checkpoint_days, parse_checkpoint_days
from kaizen_studio.services import cycle_board, cycles, workshops
from kaizen_studio.services.followup_calendar import write_calendar
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_board import PdcaBoard
from kaizen_studio.ui.pdca_fields import named
from kaizen_studio.ui.pdca_undo import perform_cycle_edit
from kaizen_studio.ui.stages.base import StagePage
from kaizen_studio.ui.stages.cycle_editor import CycleEditor
from kaizen_studio.ui.undo import perform_create, perform_update

SPLITTER_KEY = "pdca/splitter"


class PdcaPage(StagePage):
    stage = Stage.PDCA
    topics = frozenset({"pdca", "map", "outcomes", "workshops"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.board = PdcaBoard(self)
        self.editor = CycleEditor(context, self)
        self.check_days = QLineEdit(self)
        named(self.check_days, "checkDaysEdit", "Checks after Do starts, in days")
        self.check_days.setMaximumWidth(110)
        self.check_days.setToolTip(
            "Days after Do starts when each check falls, for cycles whose Do starts from now on"
        )
        self.check_days.editingFinished.connect(self._check_days_edited)
        self.new_button = QPushButton("&New cycle…", self)
        named(self.new_button, "newCycleButton", "New cycle")
        self.new_button.setToolTip("Open a cycle for an intervention of the Map stage")
        self.new_button.clicked.connect(self.new_cycle)
        self.calendar_button = QPushButton("Calendar &file…", self)
        named(self.calendar_button, "calendarButton", "Save the follow-up dates as a calendar file")
        self.calendar_button.setToolTip(
            "Save the open checks and action items as an .ics file for your calendar program"
        )
        self.calendar_button.clicked.connect(self.save_calendar)
        self.empty_hint = QLabel(
            "No cycles yet. Each intervention from the Map stage runs as Plan-Do-Check-Act "
            "cycles: open one with New cycle.",
            self,
        )
        self.empty_hint.setProperty("role", "hint")
        self.empty_hint.setWordWrap(True)
        self.board.cycle_selected.connect(self.editor.show_cycle)
        self.board.move_requested.connect(self.move)
        self.board.move_step_requested.connect(self._move_step)
        self.board.open_requested.connect(lambda _cycle: self.editor.tabs.setFocus())
        self.editor.move_requested.connect(self.move)
        self.editor.cycle_opened.connect(self.focus_cycle)
        self._build()

    def _build(self) -> None:
        title = QLabel("Plan · Do · Check · Act", self)
        title.setProperty("role", "pageTitle")
        days_label = QLabel("&Checks after Do starts (days):", self)
        days_label.setBuddy(self.check_days)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch()
        header.addWidget(days_label)
        header.addWidget(self.check_days)
        header.addSpacing(12)
        header.addWidget(self.calendar_button)
        header.addWidget(self.new_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty_hint)
        left_layout.addWidget(self.board, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("pdcaSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 480])
        splitter.setChildrenCollapsible(False)
        # Where the facilitator put the divider is kept between sessions.
        state = self.context.settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
        splitter.splitterMoved.connect(
            lambda *_: self.context.settings.set_value(SPLITTER_KEY, splitter.saveState())
        )
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

    # -- showing ----------------------------------------------------------------

    def refresh(self) -> None:
        if self.workshop_id is None:
            return
        try:
            info = workshops.get_workshop(self.context.library, self.workshop_id)
            cards = cycle_board.list_cards(
                self.context.library, self.workshop_id, self.context.clock.today()
            )
        except KaizenError:
            return  # the workshop went (deleted elsewhere): the view goes home
        if not self.check_days.hasFocus():
            self.check_days.setText(format_checkpoint_days(info.checkpoint_days).replace(",", ", "))
        self.board.set_cards(cards, self.context.clock.today())
        self.empty_hint.setVisible(not cards)
        selected = self.board.selected_id()
        shown = self.editor.detail
        if selected is None and shown is not None and self.board.select(shown.id, focus=False):
            selected = shown.id
        if selected is None and cards:
            # Start where attention is needed: the first card with something overdue.
            selected = next((card.id for card in cards if card.overdue), cards[0].id)
            self.board.select(selected, focus=False)
        self.editor.show_cycle(selected)

    def show_workshop(self, workshop_id: int) -> None:
        if workshop_id != self.workshop_id:
            self.editor.show_cycle(None)
            for column in self.board.columns.values():
                column.clearSelection()
        super().show_workshop(workshop_id)

    def focus_main_input(self) -> None:
        selected = self.board.selected_id()
        if selected is not None:
            self.board.select(selected)
        else:
            self.new_button.setFocus()

    def focus_cycle(self, cycle_id: int) -> bool:
        """Show one cycle (from a review on the home page, or from its history)."""
        self.refresh()
        if not self.board.select(cycle_id):
            return False
        self.editor.show_cycle(cycle_id)
        return True

    # -- edits ------------------------------------------------------------------

    def _move_step(self, cycle_id: int, step: int) -> None:
        card = next((c for c in self.board.cards() if c.id == cycle_id), None)
        target = neighbour(card.phase, step) if card else None
        if target is not None:
            self.move(cycle_id, target)

    def _confirm(self, move: Move, cycle_id: int) -> bool:
        questions = []
        if move.skipped:
            skipped = " and ".join(phase.label for phase in move.skipped)
            questions.append(f"This move skips {skipped}.")
        if move.start is Phase.PLAN and move.forward and self.editor.detail is not None:
            detail = cycle_board.get_cycle(
                self.context.library, cycle_id, self.context.clock.today()
            )
            gaps = plan_gaps(detail.hypothesis, detail.outcome.id if detail.outcome else None,
                             detail.target, detail.owner)  # fmt: skip
            if gaps:
                questions.append(
                    "The plan has no " + ", no ".join(g.split(" ", 1)[1] for g in gaps) + "."
                )
        if not questions:
            return True
        answer = QMessageBox.question(
            self,
            f"Move to {move.target.label}",
            " ".join(questions) + f"\n\nMove the cycle to {move.target.label} anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def move(self, cycle_id: int, target: Phase) -> bool:
        card = next((c for c in self.board.cards() if c.id == cycle_id), None)
        if card is None:
            return False
        unsettled = card.decision is None and card.phase is not target
        if unsettled and not self._confirm(Move(card.phase, target), cycle_id):
            return False
        library, clock = self.context.library, self.context.clock
        done, _ = perform_cycle_edit(
            self.context,
            f"Move to {target.label}",
            [cycle_id],
            lambda: cycles.move_cycle(library, cycle_id, target, clock=clock),
        )
        self.board.select(cycle_id)
        return done

    def new_cycle(self) -> int | None:
        if self.workshop_id is None:
            return None
        startable = cycles.startable_interventions(self.context.library, self.workshop_id)
        if not startable:
            self.context.report_error(
                "No intervention can open a cycle now: each has one running, "
                "or the Map stage has none yet."
            )
            return None
        names = [f"{s.title} (cycle {s.next_number})" for s in startable]
        name, ok = QInputDialog.getItem(
            self, "New cycle", "Open a cycle for the intervention:", names, 0, False
        )
        if not ok:
            return None
        chosen = startable[names.index(name)]
        library, clock = self.context.library, self.context.clock
        new_id = perform_create(
            self.context,
            "New cycle",
            "cycle",
            lambda: cycles.open_cycle(library, chosen.intervention_id, clock=clock),
            {"pdca"},
        )
        if new_id is not None:
            self.focus_cycle(new_id)
        return new_id

    def save_calendar(self) -> Path | None:
        if self.workshop_id is None:
            return None
        suggestion = self.context.library.path.with_name("follow-ups.ics")
        name, _ = QFileDialog.getSaveFileName(
            self, "Save follow-up dates", str(suggestion), "Calendar files (*.ics)"
        )
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".ics") else Path(name + ".ics")
        try:
            count = write_calendar(
                self.context.library, self.workshop_id, path, clock=self.context.clock
            )
        except OSError as error:
            self.context.report_error(f"The calendar file could not be written: {error.strerror}.")
            return None
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"Saved {count} follow-up dates to {path}", 6000)
        return path

    def _check_days_edited(self) -> None:
        if self.workshop_id is None:
            return
        text = self.check_days.text()
        current = workshops.get_workshop(self.context.library, self.workshop_id).checkpoint_days
        try:
            if parse_checkpoint_days(text) == current:
                return
        except KaizenError:
            pass  # the service below says what is wrong, in one sentence
        perform_update(
            self.context,
            "Change check days",
            workshops.update_workshop,
            self.workshop_id,
            {"checkpoint_days": text},
            {"workshops", "pdca"},
        )
