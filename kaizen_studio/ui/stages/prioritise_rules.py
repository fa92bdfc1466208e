"""The voting rules of a workshop, above the voting list: dots each, anonymity, dots on notes,
and the two room-wide actions (list more people, reset the votes). Each change is one undo step;
the voting service refuses a change the dots already placed would break."""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kaizen_studio.domain.voting import dot_word
from kaizen_studio.services import voting
from kaizen_studio.services.removal import put_back, remove
from kaizen_studio.services.voting import VotingBoard
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import perform, perform_update

VOTE_TOPICS = frozenset({"votes"})


def named(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


def button(parent: QWidget, text: str, name: str, slot: Any) -> QPushButton:
    """A push button named for tests and screen readers after its text."""
    made = QPushButton(text, parent)
    named(made, name, text.replace("&", "").split("  ")[0].rstrip("…"))
    made.clicked.connect(slot)
    return made


class VotingRules(QWidget):
    """`refused` is emitted when a change was refused, so the page shows the rules as they are."""

    refused = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workshop_id: int | None = None
        self.board: VotingBoard | None = None
        self.budget = QSpinBox(self)
        named(self.budget, "dotBudget", "Dots for each person")
        self.budget.setRange(1, 50)
        self.budget.setKeyboardTracking(False)  # one edit when typing "12", not "1" then "12"
        self.budget.setToolTip("How many dots each person places")
        self.budget.valueChanged.connect(lambda value: self.change(dot_budget=value))
        budget_label = QLabel("Dots ea&ch:", self)
        budget_label.setBuddy(self.budget)
        self.anonymous = QCheckBox("Anon&ymous (keep totals only)", self)
        named(self.anonymous, "anonymousVotes", "Anonymous voting")
        self.anonymous.setToolTip(
            "Records how many dots each theme got, not who placed them. "
            "The room as a whole may place its people x dots each."
        )
        self.anonymous.toggled.connect(lambda on: self.change(anonymous_votes=on))
        self.on_notes = QCheckBox("Dots on single n&otes", self)
        named(self.on_notes, "votesOnNotes", "Allow dots on single notes")
        self.on_notes.setToolTip("A dot on a note counts for the note's theme")
        self.on_notes.toggled.connect(lambda on: self.change(votes_on_notes=on))
        self.add_people = button(self, "&Add people…", "addVotersButton", self.ask_add_people)
        self.add_people.setToolTip("List people without names, so everyone in the room can vote")
        self.reset = button(self, "Re&set votes…", "resetVotesButton", self.ask_reset)
        self.reset.setToolTip("Take every dot off (undo puts them back)")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (budget_label, self.budget, self.anonymous, self.on_notes):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(self.add_people)
        row.addWidget(self.reset)

    def show_board(self, workshop_id: int, board: VotingBoard) -> None:
        self.workshop_id = workshop_id
        self.board = board
        for box in (self.budget, self.anonymous, self.on_notes):
            box.blockSignals(True)
        self.budget.setValue(board.budget)
        self.anonymous.setChecked(board.anonymous)
        self.on_notes.setChecked(board.on_notes)
        for box in (self.budget, self.anonymous, self.on_notes):
            box.blockSignals(False)
        self.reset.setEnabled(board.placed > 0)

    def change(self, **changes: object) -> None:
        if self.workshop_id is None:
            return
        done = perform_update(
            self.context,
            "Change the voting rules",
            voting.update_voting,
            self.workshop_id,
            dict(changes),
            {"workshops", *VOTE_TOPICS},
        )
        if not done:
            self.refused.emit()

    def ask_reset(self) -> None:
        if self.workshop_id is None or self.board is None or not self.board.placed:
            return
        answer = QMessageBox.question(
            self,
            "Reset votes",
            f"Take all {dot_word(self.board.placed)} off the themes and notes?\n\n"
            "You can undo this with Edit > Undo (Ctrl+Z).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        library, workshop_id = self.context.library, self.workshop_id
        state: dict[str, Any] = {}

        def apply() -> None:
            state["snapshot"] = voting.reset_votes(library, workshop_id)

        perform(
            self.context,
            "Reset votes",
            apply,
            lambda: put_back(library, state["snapshot"]),
            VOTE_TOPICS,
        )

    def ask_add_people(self) -> None:
        if self.workshop_id is None:
            return
        count, ok = QInputDialog.getInt(
            self,
            "Add people",
            "How many more people are in the room?\n"
            "They are listed without names; you can name them on the Intent page.",
            5,
            1,
            200,
        )
        if ok:
            self.add_people_now(count)

    def add_people_now(self, count: int) -> None:
        """List `count` unnamed people as one undo step."""
        assert self.workshop_id is not None
        library, workshop_id = self.context.library, self.workshop_id
        state: dict[str, Any] = {}

        def apply() -> None:
            if "snapshot" in state:  # redo: the same people, same ids
                put_back(library, state["snapshot"])
            else:
                state["ids"] = voting.add_unnamed_voters(library, workshop_id, count)

        def revert() -> None:
            state["snapshot"] = remove(library, "participant", state["ids"])

        perform(self.context, f"Add {count} people", apply, revert, {"participants", *VOTE_TOPICS})
