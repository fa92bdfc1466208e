"""Check: the checks at 30, 60 and 90 days, each recorded with evidence from the job
(Kirkpatrick level 3) and the KPI's value that day (level 4)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Applied, Phase
from kaizen_studio.domain.pdca import DueState, describe_due
from kaizen_studio.services import checkpoints
from kaizen_studio.services.checkpoints import CheckRecord
from kaizen_studio.services.cycle_board import CheckInfo, CycleDetail
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_card import number, warning_colour
from kaizen_studio.ui.pdca_fields import (
    CommitTextEdit,
    NumberEdit,
    date_edit,
    day_text,
    from_qdate,
    named,
    to_qdate,
)
from kaizen_studio.ui.pdca_undo import perform_cycle_edit
from kaizen_studio.ui.stages.cycle_tab import TOPICS, CycleTab, form, hint
from kaizen_studio.ui.undo import perform_create, perform_remove

APPLIED_WORDS = {Applied.YES: "Yes", Applied.PARTLY: "Partly", Applied.NO: "No"}
EVIDENCE_HINT = (
    "Level 3: is the behaviour applied on the job, by whom, seen how (call reviews, floor "
    "walks, data)? Level 4: the KPI that day. Attendance or satisfaction alone is not evidence."
)


def check_line(check: CheckInfo, today_state_text: str) -> str:
    if check.done_on is not None:
        applied = f"{check.applied.value} applied" if check.applied else "recorded"
        value = f", KPI {number(check.value)}" if check.value is not None else ""
        return f"✓ {check.label} — held {day_text(check.done_on)}: {applied}{value}"
    return f"{check.label} — {day_text(check.due_on)}, {today_state_text}"


class CheckTab(CycleTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.shown_check: tuple[object, ...] | None = None
        self.checks = QListWidget(self)
        named(self.checks, "checkList", "Checks of this cycle")
        self.checks.setMaximumHeight(84)
        self.checks.setWordWrap(True)
        self.checks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checks.currentRowChanged.connect(lambda _row: self._fill_form())
        self.held_on = date_edit(self)
        named(self.held_on, "heldOnEdit", "Held on")
        self.applied = QComboBox(self)
        named(self.applied, "appliedCombo", "Is the behaviour applied on the job")
        self.applied.addItem("Not answered", None)
        for value, words in APPLIED_WORDS.items():
            self.applied.addItem(words, value)
        self.applied_by = QLineEdit(self)
        named(self.applied_by, "appliedByEdit", "By whom")
        self.applied_by.setPlaceholderText("Which people or teams apply it")
        self.how_observed = QLineEdit(self)
        named(self.how_observed, "howObservedEdit", "How it was observed")
        self.how_observed.setPlaceholderText("Team leaders reviewed 40 calls")
        self.value = NumberEdit("The KPI value", self)
        named(self.value, "checkValueEdit", "KPI value at this check")
        self.kpi = QLabel(self)
        self.kpi.setProperty("role", "hint")
        self.kpi.setWordWrap(True)
        self.observations = CommitTextEdit(self)
        named(self.observations, "observationsEdit", "Observations")
        self.observations.setMaximumHeight(56)
        self.record_button = QPushButton("&Record check", self)
        named(self.record_button, "recordCheckButton", "Record check")
        self.record_button.setProperty("primary", True)
        self.record_button.clicked.connect(self.record)
        self.reopen_button = QPushButton("Reopen", self)
        named(self.reopen_button, "reopenCheckButton", "Reopen check")
        self.reopen_button.clicked.connect(self.reopen)
        self.add_button = QPushButton("Add check…", self)
        named(self.add_button, "addCheckButton", "Add check")
        self.add_button.clicked.connect(self.add_check)
        self.remove_button = QPushButton("Remove check", self)
        named(self.remove_button, "removeCheckButton", "Remove check")
        self.remove_button.clicked.connect(self.remove_check)
        self.to_act = QPushButton("Move to &Act ▶", self)
        named(self.to_act, "toActButton", "Move to Act")
        self.to_act.clicked.connect(lambda: self.request_move(Phase.ACT))
        self.empty = hint("No checks yet: they are scheduled when Do starts.", self)
        self._build()

    def _build(self) -> None:
        value_row = QHBoxLayout()
        value_row.addWidget(self.value)
        value_row.addWidget(self.kpi, 1)
        fields = form(self)
        fields.addRow("&Held on:", self.held_on)
        fields.addRow("Applied on the &job:", self.applied)
        fields.addRow("By &whom:", self.applied_by)
        fields.addRow("How &observed:", self.how_observed)
        fields.addRow("&KPI value:", value_row)
        label = fields.labelForField(value_row)
        if isinstance(label, QLabel):
            label.setBuddy(self.value)
        fields.addRow("Obser&vations:", self.observations)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.add_button)
        list_buttons.addWidget(self.remove_button)
        list_buttons.addStretch()
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch()
        buttons.addWidget(self.to_act)
        layout = QVBoxLayout(self)
        layout.addWidget(self.checks)
        layout.addWidget(self.empty)
        layout.addLayout(list_buttons)
        layout.addWidget(hint(EVIDENCE_HINT, self))
        layout.addLayout(fields)
        layout.addLayout(buttons)
        layout.addStretch()

    def show_detail(self, detail: CycleDetail) -> None:
        previous = self.current_check()
        new_cycle = self.detail is None or self.detail.id != detail.id
        super().show_detail(detail)
        today = self.context.clock.today()
        warning = warning_colour(self.palette())
        self.checks.blockSignals(True)
        self.checks.clear()
        for check in detail.checks:
            item = QListWidgetItem(check_line(check, describe_due(check.due_on, today)))
            item.setData(Qt.ItemDataRole.UserRole, check.id)
            if check.state is DueState.OVERDUE and detail.decision is None:
                item.setForeground(warning)
            self.checks.addItem(item)
        self.checks.blockSignals(False)
        row = self._row_to_show(detail, None if new_cycle else previous)
        self.checks.setCurrentRow(row)
        has_checks = bool(detail.checks)
        self.empty.setVisible(not has_checks)
        self.add_button.setEnabled(detail.do_started_on is not None and detail.decision is None)
        self.remove_button.setEnabled(has_checks and detail.decision is None)
        self.to_act.setVisible(detail.phase is Phase.CHECK)
        unit = detail.outcome.unit if detail.outcome else ""
        self.kpi.setText(
            f"{detail.outcome.kpi} ({unit}), baseline {number(detail.baseline)}, "
            f"target {number(detail.target)}"
            if detail.outcome
            else "No measure in the plan: only level 3 evidence is recorded."
        )
        self.value.setEnabled(detail.outcome is not None)
        self._fill_form()

    def _row_to_show(self, detail: CycleDetail, previous: CheckInfo | None) -> int:
        ids = [check.id for check in detail.checks]
        if previous is not None and previous.id in ids:
            return ids.index(previous.id)
        open_rows = [row for row, check in enumerate(detail.checks) if check.done_on is None]
        return open_rows[0] if open_rows else len(ids) - 1

    def current_check(self) -> CheckInfo | None:
        if self.detail is None:
            return None
        row = self.checks.currentRow()
        return self.detail.checks[row] if 0 <= row < len(self.detail.checks) else None

    def _fill_form(self) -> None:
        check = self.current_check()
        enabled = check is not None and self.detail is not None and self.detail.decision is None
        for widget in (self.held_on, self.applied, self.applied_by, self.how_observed,
                       self.value, self.observations, self.record_button):  # fmt: skip
            widget.setEnabled(enabled)
        self.value.setEnabled(
            enabled and self.detail is not None and self.detail.outcome is not None
        )
        self.reopen_button.setVisible(check is not None and check.done_on is not None)
        if check is None:
            return
        today = self.context.clock.today()
        # An open check is held "today": a new day refreshes the form's date.
        stored = (check.id, check.done_on or today, check.applied, check.applied_by,
                  check.how_observed, check.observations, check.value)  # fmt: skip
        if stored == self.shown_check:
            return  # keep what the user is typing
        self.shown_check = stored
        self.held_on.setDate(to_qdate(check.done_on or today))
        self.applied.setCurrentIndex(max(self.applied.findData(check.applied), 0))
        self.applied_by.setText(check.applied_by)
        self.how_observed.setText(check.how_observed)
        self.value.set_value(check.value)
        self.observations.show_text(check.observations)
        self.record_button.setText("&Update check" if check.done_on else "&Record check")

    def record(self) -> None:
        check = self.current_check()
        if check is None or self.detail is None:
            return
        ok, value = self.read(self.value.value)
        if not ok:
            return
        applied = self.applied.currentData()
        record = CheckRecord(
            done_on=from_qdate(self.held_on.date()),
            applied=Applied(applied) if applied else None,
            applied_by=self.applied_by.text(),
            how_observed=self.how_observed.text(),
            observations=self.observations.toPlainText(),
            value=value,
        )
        library = self.context.library
        perform_cycle_edit(
            self.context,
            f"Record {check.label}",
            [self.detail.id],
            lambda: checkpoints.record_checkpoint(library, check.id, record),
        )

    def reopen(self) -> None:
        check = self.current_check()
        if check is None or self.detail is None:
            return
        library = self.context.library
        perform_cycle_edit(
            self.context,
            f"Reopen {check.label}",
            [self.detail.id],
            lambda: checkpoints.reopen_checkpoint(library, check.id),
        )

    def add_check(self) -> None:
        if self.detail is None:
            return
        days, ok = QInputDialog.getInt(self, "Add check", "Days after Do started:", 120, 1, 3650, 1)
        if not ok:
            return
        cycle_id, library = self.detail.id, self.context.library
        perform_create(
            self.context,
            f"Add {days}-day check",
            "checkpoint",
            lambda: checkpoints.add_checkpoint(library, cycle_id, days),
            TOPICS,
        )

    def remove_check(self) -> None:
        check = self.current_check()
        if check is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove check",
            f"Remove the {check.label}? Its KPI reading stays on the chart.\n\n"
            "You can undo this with Edit > Undo (Ctrl+Z).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            perform_remove(self.context, f"Remove {check.label}", "checkpoint", [check.id], TOPICS)
