"""A date field that may be left empty ("No date"), for due dates and workshop days."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

EMPTY = QDate(2000, 1, 1)


class OptionalDateEdit(QDateEdit):
    """Shows "No date" for None. The Delete key empties it; the arrow keys on an empty
    field start from today rather than from the year 2000. Tab moves on to the next
    field, as in the rest of a form (typed digits move from day to month to year)."""

    def __init__(self, parent: QWidget | None = None, empty_text: str = "No date") -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(EMPTY)
        self.setSpecialValueText(empty_text)
        self.setToolTip("Type a date as year-month-day; Delete leaves it empty.")
        today = QDate.currentDate()
        self.calendarWidget().setCurrentPage(today.year(), today.month())

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == EMPTY else chosen.toPython()  # type: ignore[no-any-return]

    def set_value(self, value: date | None) -> None:
        self.setDate(EMPTY if value is None else QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Delete:
            self.setDate(EMPTY)
            return
        stepping = key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        if stepping and self.date() == EMPTY:
            self.setDate(QDate.currentDate())
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # QDateEdit keeps Tab for its own sections, and an empty one never lets go.
        return QWidget.focusNextPrevChild(self, next)
