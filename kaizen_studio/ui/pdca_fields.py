"""Small input widgets the PDCA editor shares: optional numbers, text that saves on leaving,
and dates between Python and Qt."""

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from kaizen_studio.domain.errors import InvalidInput


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def day_text(day: date | None) -> str:
    """ "3 Dec 2026", as a facilitator writes it."""
    return "—" if day is None else f"{day.day} {day:%b %Y}"


def named(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


class NumberEdit(QLineEdit):
    """A number or nothing; accepts a decimal comma as typed on many keyboards."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.setPlaceholderText("not set")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(90)
        self.setMaximumWidth(150)

    def value(self) -> float | None:
        """The number typed, None if empty; InvalidInput (one sentence) if not a number."""
        text = self.text().strip().replace(" ", "").replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise InvalidInput(f"{self.what} must be a number, like 74.5.") from None

    def set_value(self, value: float | None) -> None:
        self.setText("" if value is None else f"{value:g}")


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that reports `committed` when the user leaves it after a change."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._shown = ""

    def show_text(self, text: str) -> None:
        self._shown = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._shown:
            self._shown = self.toPlainText()
            self.committed.emit(self._shown)


def date_edit(parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setMaximumWidth(170)
    return edit
