"""The capture field: type, press Enter, type the next one.

While the field holds typing of its own, Ctrl+Z and Ctrl+Shift+Z work on that
typing, as in any text field. Once a note has gone in (the field is empty and
has nothing of its own to undo), they reach the window's Undo and Redo, so
Ctrl+Z right after Enter takes the note back out.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from kaizen_studio.ui.widgets.undo_keys import pass_undo_to_window


class NoteInput(QLineEdit):
    """`submitted(text)` on Enter; `leave_down` on the Down arrow (to the list below)."""

    submitted = Signal(str)
    leave_down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteInput")
        self.setAccessibleName("New note")
        self.setAccessibleDescription("Type a bottleneck and press Enter to add it.")
        self.setPlaceholderText("What slows the work down? Type it and press Enter")
        self.setClearButtonEnabled(False)
        self.returnPressed.connect(lambda: self.submitted.emit(self.text()))
        pass_undo_to_window(self)

    def ready(self) -> None:
        """Empty the field for the next note; its own undo history goes with the text."""
        self.setText("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.leave_down.emit()
            return
        super().keyPressEvent(event)
