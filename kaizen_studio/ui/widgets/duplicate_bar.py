"""A quiet line under the capture field when a new note nearly repeats an earlier one.

It never takes the focus: typing goes on, and the next note replaces it. Alt+K
keeps both notes, Alt+M merges (stacks the new note under the earlier one).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kaizen_studio.services.notes import NoteInfo

PREVIEW_CHARS = 90


class DuplicateBar(QFrame):
    """Emits `merge(new_note_id, earlier_note_id)` or simply hides on "Keep both"."""

    merge = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateBar")
        self.setProperty("role", "warning")
        self.setAccessibleName("Possible repeat")
        self.new_id: int | None = None
        self.earlier_id: int | None = None
        self.message = QLabel(self)
        self.message.setObjectName("duplicateMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.keep_button = QPushButton("&Keep both", self)
        self.keep_button.setObjectName("keepBothButton")
        self.keep_button.setAccessibleName("Keep both notes")
        self.keep_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.keep_button.clicked.connect(self.dismiss)
        self.merge_button = QPushButton("&Merge", self)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setAccessibleName("Merge the new note into the earlier one")
        self.merge_button.setToolTip(
            "Stack the new note under the earlier one: both texts are kept and they count "
            "once when themes are scored."
        )
        self.merge_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.merge_button.clicked.connect(self._merge)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.keep_button)
        layout.addWidget(self.merge_button)
        self.hide()

    def offer(self, new: NoteInfo, earlier: NoteInfo) -> None:
        self.new_id, self.earlier_id = new.id, earlier.id
        preview = " ".join(earlier.text.split())
        if len(preview) > PREVIEW_CHARS:
            preview = preview[: PREVIEW_CHARS - 1] + "…"
        self.message.setText(f"This nearly repeats an earlier note: “{preview}”")
        self.message.setToolTip(earlier.text)
        self.setAccessibleDescription(self.message.text())
        self.show()

    def dismiss(self) -> None:
        self.new_id = self.earlier_id = None
        self.hide()

    def _merge(self) -> None:
        if self.new_id is not None and self.earlier_id is not None:
            new_id, earlier_id = self.new_id, self.earlier_id
            self.dismiss()
            self.merge.emit(new_id, earlier_id)
