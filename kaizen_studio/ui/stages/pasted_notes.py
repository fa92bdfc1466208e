"""Several lines pasted into the capture field (a list from a chat, a flip chart typed
up): offered as one note per line, added together as one undo step."""

import re
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from kaizen_studio.services import notes
from kaizen_studio.services.notes import NoteDraft, NoteInfo
from kaizen_studio.services.removal import put_back, remove
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import perform

# A list bullet and the space after it ("- ", "• ", "* "), not a minus sign ("-20 °C").
BULLET = re.compile(r"^[-*•·–—]\s+")


def note_lines(text: str) -> list[str]:
    """The non-blank lines of pasted text, without list bullets in front."""
    lines = (BULLET.sub("", line.strip()).strip() for line in text.splitlines())
    return [line for line in lines if line]


def ask_split(parent: QWidget, count: int) -> bool | None:
    """True: a note per line; False: one note; None: not now (the text stays)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Several lines")
    box.setText(f"The text has {count} lines. Add a note for each line?")
    each = box.addButton(f"Add {count} notes", QMessageBox.ButtonRole.YesRole)
    one = box.addButton("Add as one note", QMessageBox.ButtonRole.NoRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(each)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return True if clicked is each else False if clicked is one else None


def add_notes_at_once(
    context: AppContext, workshop_id: int, lines: list[str], speaker: int | None
) -> list[NoteInfo] | None:
    """Store the lines as notes in one undo step; None (and a message) if refused."""
    library = context.library
    state: dict[str, Any] = {"added": [], "snapshot": None}

    def apply() -> None:
        if state["snapshot"] is None:
            drafts = [NoteDraft(line, participant_id=speaker) for line in lines]
            state["added"] = notes.add_notes(library, workshop_id, drafts, clock=context.clock)
        else:
            put_back(library, state["snapshot"])

    def revert() -> None:
        state["snapshot"] = remove(library, "note", [note.id for note in state["added"]])

    text = f"Add {len(lines)} notes"
    done = perform(context, text, apply, revert, {"notes"})
    return list(state["added"]) if done else None
