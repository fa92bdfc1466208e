"""KPI: the chart of the cycle's outcome over time, and its readings."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.services import checkpoints
from kaizen_studio.services.cycle_board import CycleDetail
from kaizen_studio.services.kpi_series import KpiSeries, kpi_series
from kaizen_studio.services.outcomes import list_outcomes
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.kpi_chart import KpiChart
from kaizen_studio.ui.pdca_card import number
from kaizen_studio.ui.pdca_fields import (
    NumberEdit,
    date_edit,
    day_text,
    from_qdate,
    named,
    to_qdate,
)
from kaizen_studio.ui.stages.cycle_tab import TOPICS, CycleTab
from kaizen_studio.ui.undo import perform_create, perform_remove


class KpiTab(CycleTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.series: KpiSeries | None = None
        self.outcome = QComboBox(self)
        named(self.outcome, "chartOutcomeCombo", "KPI to chart")
        self.outcome.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.outcome.setMinimumContentsLength(16)
        self.outcome.activated.connect(lambda _i: self._show_chart())
        self.chart = KpiChart(self)
        self.readings = QTableWidget(0, 4, self)
        named(self.readings, "readingTable", "KPI readings")
        self.readings.setHorizontalHeaderLabels(["Date", "Value", "Taken at", "Note"])
        self.readings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.readings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.readings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.readings.verticalHeader().hide()
        self.readings.setMaximumHeight(150)
        header = self.readings.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.readings.setMinimumWidth(200)
        self.new_day = date_edit(self)
        named(self.new_day, "newReadingDateEdit", "Date of the new reading")
        self.new_value = NumberEdit("The KPI value", self)
        named(self.new_value, "newReadingValueEdit", "Value of the new reading")
        self.new_value.setPlaceholderText("value")
        self.new_value.returnPressed.connect(self.add_reading)
        self.new_note = QLineEdit(self)
        named(self.new_note, "newReadingNoteEdit", "Note on the new reading")
        self.new_note.setPlaceholderText("Source, e.g. monthly quality report")
        self.new_note.returnPressed.connect(self.add_reading)
        self.add_button = QPushButton("Add &reading", self)
        named(self.add_button, "addReadingButton", "Add reading")
        self.add_button.clicked.connect(self.add_reading)
        self.delete_button = QPushButton("Delete reading", self)
        named(self.delete_button, "deleteReadingButton", "Delete reading")
        self.delete_button.clicked.connect(self.delete_reading)
        self._build()

    def _build(self) -> None:
        adder = QHBoxLayout()
        adder.addWidget(self.new_day)
        adder.addWidget(self.new_value)
        adder.addWidget(self.new_note, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.readings)
        layout.addLayout(adder)
        layout.addLayout(buttons)

    def show_detail(self, detail: CycleDetail) -> None:
        new_cycle = self.detail is None or self.detail.id != detail.id
        chosen = self.outcome.currentData()
        super().show_detail(detail)
        self.outcome.clear()
        for outcome in list_outcomes(self.context.library, detail.workshop_id):
            self.outcome.addItem(outcome.summary, outcome.id)
        if new_cycle or self.outcome.findData(chosen) < 0:
            chosen = detail.outcome.id if detail.outcome else None
        self.outcome.setCurrentIndex(max(self.outcome.findData(chosen), 0))
        if new_cycle:
            self.new_day.setDate(to_qdate(self.context.clock.today()))
        self._show_chart()

    def _show_chart(self) -> None:
        outcome_id = self.outcome.currentData()
        detail = self.detail
        self.series = None if outcome_id is None else kpi_series(self.context.library, outcome_id)
        same = detail is not None and detail.outcome is not None and detail.outcome.id == outcome_id
        cycle_target = detail.target if same and detail is not None else None
        self.chart.set_series(self.series, self.context.clock.today(), cycle_target)
        readings = self.series.readings if self.series else ()
        self.readings.setRowCount(len(readings))
        for row, reading in enumerate(readings):
            taken_at = (
                f"{reading.check_days}-day check, cycle {reading.cycle_number}"
                if reading.check_days
                else (f"cycle {reading.cycle_number}" if reading.cycle_number else "—")
            )
            cells = [day_text(reading.taken_on), number(reading.value), taken_at, reading.note]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, reading.id)
                self.readings.setItem(row, column, item)
        self.readings.scrollToBottom()
        for widget in (self.new_day, self.new_value, self.new_note, self.add_button):
            widget.setEnabled(outcome_id is not None)
        self.delete_button.setEnabled(bool(readings))

    def add_reading(self) -> None:
        outcome_id = self.outcome.currentData()
        detail = self.detail
        if outcome_id is None or detail is None:
            return
        ok, value = self.read(self.new_value.value)
        if not ok:
            return
        if value is None:
            self.context.report_error("Enter the KPI value of the reading.")
            return
        running = detail.decision is None and detail.outcome is not None
        cycle_id = (
            detail.id if running and detail.outcome and detail.outcome.id == outcome_id else None
        )
        day, note, library = (
            from_qdate(self.new_day.date()),
            self.new_note.text(),
            self.context.library,
        )
        added = perform_create(
            self.context,
            "Add KPI reading",
            "measurement",
            lambda: checkpoints.add_measurement(
                library, outcome_id, day, value, note=note, cycle_id=cycle_id
            ),
            TOPICS,
        )
        if added is not None:
            self.new_value.clear()
            self.new_note.clear()

    def delete_reading(self) -> None:
        row = self.readings.currentRow()
        item = self.readings.item(row, 0) if row >= 0 else None
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete reading",
            f"Delete the reading of {item.text()}?\n\nYou can undo this with Edit > Undo (Ctrl+Z).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            reading_id = int(item.data(Qt.ItemDataRole.UserRole))
            perform_remove(self.context, "Delete KPI reading", "measurement", [reading_id], TOPICS)
