"""Plan: the hypothesis, the measure with baseline and target, the owner and the start date."""

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Phase
from kaizen_studio.domain.pdca import plan_gaps
from kaizen_studio.services import cycles
from kaizen_studio.services.cycle_board import CycleDetail
from kaizen_studio.services.outcomes import list_outcomes
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_fields import (
    CommitTextEdit,
    NumberEdit,
    date_edit,
    from_qdate,
    named,
    to_qdate,
)
from kaizen_studio.ui.stages.cycle_tab import CycleTab, form, hint


class PlanTab(CycleTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.hypothesis = CommitTextEdit(self)
        named(self.hypothesis, "hypothesisEdit", "Hypothesis")
        self.hypothesis.setPlaceholderText(
            "If agents practise closing the loop on every call, "
            "repeat contacts fall from 31% to 25%."
        )
        self.hypothesis.setMaximumHeight(90)
        self.hypothesis.committed.connect(
            lambda text: self.update_cycle("Edit hypothesis", {"hypothesis": text})
        )
        self.measure = QComboBox(self)
        named(self.measure, "measureCombo", "Measure (outcome KPI)")
        self.measure.activated.connect(self._measure_chosen)
        self.measure.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.measure.setMinimumContentsLength(16)
        self.baseline = NumberEdit("The baseline", self)
        named(self.baseline, "baselineEdit", "Baseline")
        self.baseline.editingFinished.connect(lambda: self._number("baseline", self.baseline))
        self.target = NumberEdit("The target", self)
        named(self.target, "targetEdit", "Target")
        self.target.editingFinished.connect(lambda: self._number("target", self.target))
        self.unit = QLabel(self)
        self.unit.setProperty("role", "hint")
        self.owner = QLineEdit(self)
        named(self.owner, "cycleOwnerEdit", "Owner")
        self.owner.setPlaceholderText("Who makes this cycle happen")
        self.owner.editingFinished.connect(self._owner_edited)
        self.starts_on = date_edit(self)
        named(self.starts_on, "startsOnEdit", "Starts on")
        self.starts_on.editingFinished.connect(self._start_edited)
        self.gaps = QLabel(self)
        self.gaps.setProperty("role", "warning")
        self.gaps.setWordWrap(True)
        self.start_do = QPushButton("Start &Do ▶", self)
        named(self.start_do, "startDoButton", "Start Do")
        self.start_do.setProperty("primary", True)
        self.start_do.setToolTip("Move the cycle to Do: its checks are scheduled from today")
        self.start_do.clicked.connect(lambda: self.request_move(Phase.DO))
        self._build()

    def _build(self) -> None:
        numbers = QHBoxLayout()
        numbers.addWidget(self.baseline)
        numbers.addWidget(QLabel("→", self))
        numbers.addWidget(self.target)
        numbers.addWidget(self.unit)
        numbers.addStretch()
        fields = form(self)
        fields.addRow("&Hypothesis:", self.hypothesis)
        fields.addRow("&Measure:", self.measure)
        fields.addRow("&Baseline → target:", numbers)
        fields.addRow("&Owner:", self.owner)
        fields.addRow("&Starts on:", self.starts_on)
        label = fields.labelForField(numbers)
        if isinstance(label, QLabel):
            label.setBuddy(self.baseline)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                "Say what you expect to change and how you will know: a hypothesis, "
                "an outcome KPI with its baseline and target, and an owner.",
                self,
            )
        )
        layout.addLayout(fields)
        layout.addWidget(self.gaps)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.start_do)
        layout.addLayout(buttons)
        layout.addStretch()

    def show_detail(self, detail: CycleDetail) -> None:
        new_cycle = self.detail is None or self.detail.id != detail.id
        old = self.detail
        super().show_detail(detail)
        self.hypothesis.show_text(detail.hypothesis)
        self.measure.clear()
        self.measure.addItem("No measure yet", None)
        for outcome in list_outcomes(self.context.library, detail.workshop_id):
            self.measure.addItem(outcome.summary, outcome.id)
        chosen = detail.outcome.id if detail.outcome else None
        self.measure.setCurrentIndex(max(self.measure.findData(chosen), 0))
        if new_cycle or old is None or old.baseline != detail.baseline:
            self.baseline.set_value(detail.baseline)
        if new_cycle or old is None or old.target != detail.target:
            self.target.set_value(detail.target)
        if new_cycle or old is None or old.owner != detail.owner:
            self.owner.setText(detail.owner)
        self.unit.setText(detail.outcome.unit if detail.outcome else "")
        if detail.starts_on is not None:
            self.starts_on.setDate(to_qdate(detail.starts_on))
        gaps = plan_gaps(
            detail.hypothesis, detail.outcome.id if detail.outcome else None, detail.target,
            detail.owner,
        )  # fmt: skip
        self.gaps.setText("Before Do starts, add " + ", ".join(gaps) + "." if gaps else "")
        self.gaps.setVisible(bool(gaps) and detail.phase is Phase.PLAN)
        self.start_do.setVisible(detail.phase is Phase.PLAN)
        editable = detail.decision is None
        for widget in (self.hypothesis, self.measure, self.baseline, self.target, self.owner):
            widget.setEnabled(editable)
        self.starts_on.setEnabled(editable)

    def _measure_chosen(self, index: int) -> None:
        if self.detail is None:
            return
        outcome_id = self.measure.itemData(index)
        current = self.detail.outcome.id if self.detail.outcome else None
        if outcome_id == current:
            return
        changes: dict[str, object] = {"outcome_id": outcome_id}
        if outcome_id is not None:
            # Empty numbers are filled from the KPI; typed ones are kept.
            baseline, target = cycles.measure_defaults(self.context.library, outcome_id)
            if self.detail.baseline is None:
                changes["baseline"] = baseline
            if self.detail.target is None:
                changes["target"] = target
        self.update_cycle("Choose measure", changes)

    def _number(self, field: str, edit: NumberEdit) -> None:
        if self.detail is None:
            return
        ok, value = self.read(edit.value)
        if ok and value != getattr(self.detail, field):
            self.update_cycle(f"Edit {field}", {field: value})

    def _owner_edited(self) -> None:
        if self.detail is not None and self.owner.text().strip() != self.detail.owner:
            self.update_cycle("Edit owner", {"owner": self.owner.text()})

    def _start_edited(self) -> None:
        day = from_qdate(self.starts_on.date())
        if self.detail is not None and day != self.detail.starts_on:
            self.update_cycle("Edit start date", {"starts_on": day})
