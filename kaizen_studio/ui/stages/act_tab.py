"""Act: decide to standardise, adjust or abandon, with a reason; and the ROI estimate."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Decision
from kaizen_studio.services import cycles, outcomes
from kaizen_studio.services.cycle_board import CycleDetail
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_card import number
from kaizen_studio.ui.pdca_fields import CommitTextEdit, NumberEdit, day_text, named
from kaizen_studio.ui.pdca_undo import perform_cycle_edit
from kaizen_studio.ui.stages.cycle_tab import CycleTab, form, hint
from kaizen_studio.ui.undo import perform_update

CHOICES = {
    Decision.STANDARDISE: ("&Standardise", "It works: make it the normal way of working."),
    Decision.ADJUST: (
        "Ad&just",
        "Keep going with a change: opens the next cycle, prefilled from this one.",
    ),
    Decision.ABANDON: ("A&bandon", "Stop: it does not move the KPI, or no longer matters."),
}
DONE_WORDS = {
    Decision.STANDARDISE: "Standardised",
    Decision.ADJUST: "Adjusted",
    Decision.ABANDON: "Abandoned",
}


def roi_text(detail: CycleDetail) -> str:
    """The Phillips ROI in words, labelled as the estimate it is."""
    outcome = detail.outcome
    if outcome is None:
        return "Choose a measure in Plan to estimate a return."
    missing = [
        words
        for words, value in (
            ("the intervention's cost", detail.cost),
            ("the value of one KPI unit", outcome.value_per_unit),
            ("a KPI reading in this cycle", detail.latest),
            ("a baseline", detail.baseline),
        )
        if value is None
    ]
    if missing or detail.roi is None:
        return "To estimate the return, enter " + ", ".join(missing) + "."
    roi = detail.roi
    unit = f" {outcome.unit}" if outcome.unit else ""
    change = (
        f"{outcome.kpi} moved {number(detail.baseline)} → {number(detail.latest)}{unit} "
        f"({roi.change:+g} the right way)"
    )
    benefit = f"benefit {roi.benefit:,.0f} = {roi.change:g} × {outcome.value_per_unit:,.0f}"
    if roi.ratio is None:
        return f"{change}; {benefit}. With no cost, there is no ratio to show."
    return (
        f"Estimated ROI {roi.ratio:.0%}: (benefit − cost) / cost, with {benefit} and cost "
        f"{roi.cost:,.0f}. {change}. An estimate: it credits this cycle with the whole "
        "change since its baseline; other causes are not separated out."
    )


class ActTab(CycleTab):
    cycle_opened = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.choices = QButtonGroup(self)
        self.radios: dict[Decision, QRadioButton] = {}
        for decision, (words, tip) in CHOICES.items():
            radio = QRadioButton(words, self)
            named(radio, f"{decision.value}Radio", words.replace("&", ""))
            radio.setToolTip(tip)
            self.choices.addButton(radio)
            self.radios[decision] = radio
        self.reason = CommitTextEdit(self)
        named(self.reason, "decisionReasonEdit", "Reason for the decision")
        self.reason.setPlaceholderText("Why: what the checks showed")
        self.reason.setMaximumHeight(80)
        self.decide_button = QPushButton("&Decide", self)
        named(self.decide_button, "decideButton", "Decide")
        self.decide_button.setProperty("primary", True)
        self.decide_button.clicked.connect(self.decide)
        self.decided = QLabel(self)
        self.decided.setObjectName("decisionLabel")
        self.decided.setWordWrap(True)
        self.open_next = QPushButton("Open the next cycle", self)
        named(self.open_next, "openNextCycleButton", "Open the next cycle")
        self.open_next.clicked.connect(self._open_next)
        self.reopen_button = QPushButton("Reopen decision", self)
        named(self.reopen_button, "reopenDecisionButton", "Reopen decision")
        self.reopen_button.clicked.connect(self.reopen)
        self.cost = NumberEdit("The cost", self)
        named(self.cost, "costEdit", "Intervention cost")
        self.cost.editingFinished.connect(self._cost_edited)
        self.value_per_unit = NumberEdit("The value per KPI unit", self)
        named(self.value_per_unit, "valuePerUnitEdit", "Money value of one KPI unit")
        self.value_per_unit.editingFinished.connect(self._value_edited)
        self.roi = QLabel(self)
        self.roi.setObjectName("roiLabel")
        self.roi.setWordWrap(True)
        self._build()

    def _build(self) -> None:
        self.deciding = QWidget(self)
        choose = QVBoxLayout(self.deciding)
        choose.setContentsMargins(0, 0, 0, 0)
        for decision, radio in self.radios.items():
            choose.addWidget(radio)
            choose.addWidget(hint("      " + CHOICES[decision][1], self.deciding))
        reason_label = QLabel("&Reason:", self.deciding)
        reason_label.setBuddy(self.reason)
        choose.addWidget(reason_label)
        choose.addWidget(self.reason)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.decide_button)
        choose.addLayout(row)
        decided_buttons = QHBoxLayout()
        decided_buttons.addWidget(self.open_next)
        decided_buttons.addWidget(self.reopen_button)
        decided_buttons.addStretch()
        roi_box = QGroupBox("Return on investment (estimate)", self)
        fields = form(roi_box)
        fields.addRow("Intervention &cost:", self.cost)
        fields.addRow("&Value of one KPI unit:", self.value_per_unit)
        roi_layout = QVBoxLayout(roi_box)
        roi_layout.addLayout(fields)
        roi_layout.addWidget(self.roi)
        layout = QVBoxLayout(self)
        layout.addWidget(self.deciding)
        layout.addWidget(self.decided)
        layout.addLayout(decided_buttons)
        layout.addWidget(roi_box)
        layout.addStretch()

    def show_detail(self, detail: CycleDetail) -> None:
        new_cycle = self.detail is None or self.detail.id != detail.id
        super().show_detail(detail)
        decided = detail.decision is not None
        self.deciding.setVisible(not decided)
        self.decided.setVisible(decided)
        self.open_next.setVisible(detail.next_cycle_id is not None)
        self.reopen_button.setVisible(decided and detail.next_cycle_id is None)
        if detail.decision is not None:
            self.decided.setText(
                f"<b>{DONE_WORDS[detail.decision]}</b> on {day_text(detail.decided_on)}: "
                f"{detail.decision_reason}"
            )
        if new_cycle:
            self.choices.setExclusive(False)
            for radio in self.radios.values():
                radio.setChecked(False)
            self.choices.setExclusive(True)
            self.reason.show_text("")
        self.open_next.setText(f"Open cycle {detail.number + 1}")
        self.cost.set_value(detail.cost)
        self.value_per_unit.set_value(detail.outcome.value_per_unit if detail.outcome else None)
        self.value_per_unit.setEnabled(detail.outcome is not None)
        self.roi.setText(roi_text(detail))

    def chosen(self) -> Decision | None:
        return next((d for d, radio in self.radios.items() if radio.isChecked()), None)

    def decide(self) -> None:
        decision = self.chosen()
        if self.detail is None:
            return
        if decision is None:
            self.context.report_error("Choose standardise, adjust or abandon.")
            return
        cycle_id, reason = self.detail.id, self.reason.toPlainText()
        library, clock = self.context.library, self.context.clock
        done, next_id = perform_cycle_edit(
            self.context,
            f"Decide: {decision.value}",
            [cycle_id],
            lambda: cycles.decide_cycle(library, cycle_id, decision, reason, clock=clock),
            opened=lambda new_id: [] if new_id is None else [new_id],
        )
        if done and isinstance(next_id, int):
            self.cycle_opened.emit(next_id)

    def reopen(self) -> None:
        if self.detail is None:
            return
        cycle_id, library = self.detail.id, self.context.library
        perform_cycle_edit(
            self.context,
            "Reopen decision",
            [cycle_id],
            lambda: cycles.reopen_decision(library, cycle_id),
        )

    def _open_next(self) -> None:
        if self.detail is not None and self.detail.next_cycle_id is not None:
            self.cycle_opened.emit(self.detail.next_cycle_id)

    def _cost_edited(self) -> None:
        ok, value = self.read(self.cost.value)
        if ok and self.detail is not None and value != self.detail.cost:
            perform_update(
                self.context,
                "Edit cost",
                cycles.update_intervention_cost,
                self.detail.intervention_id,
                {"cost": value},
                {"pdca", "map"},
            )

    def _value_edited(self) -> None:
        outcome = self.detail.outcome if self.detail else None
        ok, value = self.read(self.value_per_unit.value)
        if ok and outcome is not None and value != outcome.value_per_unit:
            perform_update(
                self.context,
                "Edit value per KPI unit",
                outcomes.update_outcome,
                outcome.id,
                {"value_per_unit": value},
                {"pdca", "outcomes"},
            )
