"""Ctrl+Z in a text field: the field's own typing first, then the window's history.

A text field normally keeps Ctrl+Z and Ctrl+Shift+Z for itself even when it has
nothing to undo, so the facilitator's Undo would silently do nothing while the
cursor sits in a field. This filter lets those keys through to the window's
Undo and Redo once the field has no typing of its own to take back.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def _is_redo(event: QKeyEvent) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return event.matches(QKeySequence.StandardKey.Redo) or pressed in REDO_KEYS


def _history(field: QWidget) -> tuple[bool, bool]:
    """(can undo, can redo) of the field's own typing."""
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable(), field.isRedoAvailable()
    if isinstance(field, QPlainTextEdit):
        document = field.document()
        return document.isUndoAvailable(), document.isRedoAvailable()
    return False, False


class WindowUndoWhenIdle(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget):
            return False
        can_undo, can_redo = _history(watched)
        if event.matches(QKeySequence.StandardKey.Undo) and not can_undo:
            if isinstance(watched, QLineEdit):
                watched.setText(watched.text())  # forget the field's redo as well
            event.ignore()
            return True  # not the field's: the window's Undo takes it
        if _is_redo(event) and not can_redo:
            event.ignore()
            return True
        return False


def pass_undo_to_window(*fields: QWidget) -> None:
    """Install the filter on text fields (one filter object per field, owned by it)."""
    for field in fields:
        field.installEventFilter(WindowUndoWhenIdle(field))
