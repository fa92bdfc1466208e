"""The dot-voting tab: pick the voter, place or take back dots by key or click, see what is left.

Keys on the list: + (or Space, Enter) places a dot on the current theme,
- (or Backspace, Delete) takes one back; Alt+N moves to the next voter who
still has dots. Every dot is one undo step; a dot over budget is refused
with one sentence by the voting service.
"""

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.voting import dot_word
from kaizen_studio.services import voting
from kaizen_studio.services.notes import NoteInfo
from kaizen_studio.services.ranking import RankedTheme
from kaizen_studio.services.removal import put_back
from kaizen_studio.services.voting import VotingBoard
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.prioritise_rules import VOTE_TOPICS, VotingRules, button, named
from kaizen_studio.ui.undo import perform, perform_create
from kaizen_studio.ui.vote_list_model import MINE, NAME, TOTAL, Target, VoteListModel, vote_rows
from kaizen_studio.ui.widgets.vote_bars import Bar, VoteBars

PLACE_KEYS = {
    Qt.Key.Key_Plus,
    Qt.Key.Key_Equal,
    Qt.Key.Key_Space,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
}
TAKE_KEYS = {Qt.Key.Key_Minus, Qt.Key.Key_Backspace, Qt.Key.Key_Delete}


class VotingPanel(QWidget):
    """Shows a VotingBoard; `theme_chosen(id)` follows the current theme for the other tabs,
    `refresh_wanted` asks the page to show the board again (another voter, results hidden)."""

    theme_chosen = Signal(int)
    refresh_wanted = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workshop_id: int | None = None
        self.board: VotingBoard | None = None
        self.voter_id: int | None = None
        self.titles: dict[Target, str] = {}
        self._filling = False
        self.model = VoteListModel()
        self.rules = VotingRules(context, self)
        self.rules.refused.connect(self.refresh_wanted.emit)
        self._build()

    # -- layout ---------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_results())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.rules)
        layout.addLayout(self._build_voter_row())
        layout.addWidget(splitter, 1)

    def _build_voter_row(self) -> QHBoxLayout:

        self.voter = QComboBox(self)
        named(self.voter, "voterPicker", "Who is voting")
        self.voter.setMinimumContentsLength(22)
        self.voter.activated.connect(self._voter_picked)
        self.voter_label = QLabel("&Voting now:", self)
        self.voter_label.setBuddy(self.voter)
        self.next_voter = button(self, "&Next voter", "nextVoterButton", self.go_to_next_voter)
        self.next_voter.setToolTip("The next person with dots left (Alt+N)")
        self.left_label = QLabel(self)
        named(self.left_label, "dotsLeftLabel", "Dots left")
        self.left_label.setProperty("role", "count")
        self.room_label = QLabel(self)
        named(self.room_label, "roomDotsLabel", "Dots placed by the room")
        self.room_label.setProperty("role", "hint")
        who = QHBoxLayout()
        for widget in (self.voter_label, self.voter, self.next_voter):
            who.addWidget(widget)
        who.addSpacing(18)
        who.addWidget(self.left_label)
        who.addStretch()
        who.addWidget(self.room_label)
        return who

    def _build_list(self) -> QWidget:

        self.tree = QTreeView(self)
        named(self.tree, "voteList", "Themes to vote on")
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)  # a double click places a dot
        self.tree.setAlternatingRowColors(True)
        # Rows a room can read and a facilitator can hit: a little taller than a plain list.
        self.tree.setStyleSheet(
            "QTreeView { font-size: 12pt; } QTreeView::item { padding: 4px 2px; }"
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TOTAL, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.installEventFilter(self)
        self.tree.doubleClicked.connect(lambda _index: self.place_dot())
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.place = button(self, "&Place a dot  +", "placeDotButton", self.place_dot)
        self.place.setProperty("primary", True)
        self.take = button(self, "&Take one back  −", "takeBackButton", self.take_back)
        hint = QLabel(
            "Choose a theme, then press + or Space to place a dot and − to take one back. "
            "Double-click works too.",
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.place)
        buttons.addWidget(self.take)
        buttons.addWidget(hint, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(buttons)
        return left

    def _build_results(self) -> QWidget:

        self.results = VoteBars(self)
        self.hide_results = QCheckBox("&Hide results while the room votes", self)
        named(self.hide_results, "hideResults", "Hide results while the room votes")
        hidden = self.context.settings.value("prioritise/hide_results", False)
        self.hide_results.setChecked(hidden in (True, "true"))  # INI files give back text
        self.hide_results.toggled.connect(self._hide_toggled)
        results_title = QLabel("Results", self)
        results_title.setProperty("role", "sectionTitle")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.results)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(results_title)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.hide_results)
        return right

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            if event.key() in PLACE_KEYS:
                self.place_dot()
                return True
            if event.key() in TAKE_KEYS:
                self.take_back()
                return True
        return super().eventFilter(watched, event)

    # -- showing ----------------------------------------------------------------

    def show_board(
        self, workshop_id: int, board: VotingBoard, themes: list[RankedTheme], notes: list[NoteInfo]
    ) -> None:
        self.workshop_id = workshop_id
        self.board = board
        ids = [voter.id for voter in board.voters]
        if self.voter_id not in ids:
            self.voter_id = next((v.id for v in board.voters if v.left), ids[0] if ids else None)
        self.rules.show_board(workshop_id, board)
        self._fill_voters(board)
        voter = self._voter_name()
        current = self.current_target()
        rows = vote_rows(board, themes, notes, None if board.anonymous else self.voter_id)
        self.titles = {row.target: row.label for row in rows}
        self._filling = True  # rows rebuilt: the current row moves by itself, not by the user
        try:
            self.model.set_rows(rows, voter, not self.hide_results.isChecked())
        finally:
            self._filling = False
        self.tree.setColumnHidden(MINE, board.anonymous)
        self.tree.setColumnHidden(TOTAL, self.hide_results.isChecked())
        self.tree.expandAll()
        self._restore_current(current)
        self.results.set_results([Bar(t.name, t.color, t.votes) for t in themes])
        self.results.set_hidden(self.hide_results.isChecked())
        self._show_counts(board)

    def _fill_voters(self, board: VotingBoard) -> None:
        self.voter.blockSignals(True)
        self.voter.clear()
        for voter in board.voters:
            self.voter.addItem(f"{voter.label}  ({voter.left} of {board.budget} left)", voter.id)
        index = self.voter.findData(self.voter_id)
        self.voter.setCurrentIndex(max(index, 0))
        self.voter.blockSignals(False)
        named = not board.anonymous
        for widget in (self.voter_label, self.voter, self.next_voter):
            widget.setVisible(named)
        self.voter.setEnabled(bool(board.voters))

    def _voter_name(self) -> str:
        if self.board is None or self.board.anonymous or self.voter_id is None:
            return ""
        tally = self.board.voter(self.voter_id)
        return tally.label if tally else ""

    def _show_counts(self, board: VotingBoard) -> None:
        self.room_label.setText(
            f"Room: {board.placed} of {board.total} dots placed "
            f"({board.people} people x {dot_word(board.budget)})"
        )
        if not board.voters:
            self.left_label.setText("List the people in the room to start voting.")
        elif board.anonymous:
            self.left_label.setText(f"{board.left} of {board.total} dots left for the room")
        else:
            tally = board.voter(self.voter_id) if self.voter_id is not None else None
            if tally is None:
                self.left_label.setText("")
            elif tally.left:
                dots = "●" * tally.used + "○" * tally.left if board.budget <= 10 else ""
                self.left_label.setText(
                    f"{tally.label}: {tally.left} of {dot_word(board.budget)} left  {dots}"
                )
            else:
                self.left_label.setText(f"{tally.label} has placed every dot. Next voter: Alt+N")
        self.left_label.setAccessibleDescription(self.left_label.text())

    def current_target(self) -> Target | None:
        return self.model.target(self.tree.currentIndex())

    def set_current_theme(self, theme_id: int) -> None:
        self._restore_current(("theme", theme_id))

    def _restore_current(self, target: Target | None) -> None:
        index = self.model.index_of(target) if target else QModelIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid() and index != self.tree.currentIndex():
            self.tree.setCurrentIndex(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        target = self.model.target(current)
        if target and target[0] == "theme" and not self._filling:
            self.theme_chosen.emit(target[1])

    # -- edits ------------------------------------------------------------------

    def _voter_picked(self, index: int) -> None:
        self.voter_id = self.voter.itemData(index)
        self.refresh_wanted.emit()  # show the new voter's dots

    def go_to_next_voter(self) -> None:
        """The next person after the current one who still has dots; else simply the next."""
        if self.board is None or not self.board.voters:
            return
        voters = self.board.voters
        ids = [voter.id for voter in voters]
        start = ids.index(self.voter_id) if self.voter_id in ids else -1
        order = voters[start + 1 :] + voters[: start + 1]
        chosen = next((v for v in order if v.left), order[0])
        self.voter.setCurrentIndex(self.voter.findData(chosen.id))
        self._voter_picked(self.voter.currentIndex())
        self.tree.setFocus()

    def _who(self) -> str:
        name = self._voter_name()
        return f" ({name})" if name else ""

    def _target_arguments(self) -> dict[str, int | None] | None:
        target = self.current_target()
        if target is None or self.workshop_id is None or self.board is None:
            return None
        voter = None if self.board.anonymous else self.voter_id
        return {f"{target[0]}_id": target[1], "voter_id": voter}

    def place_dot(self) -> None:
        arguments = self._target_arguments()
        if arguments is None:
            return
        target = self.current_target()
        assert target is not None and self.workshop_id is not None
        library, workshop_id, clock = self.context.library, self.workshop_id, self.context.clock
        perform_create(
            self.context,
            f"Place a dot on “{self.titles.get(target, '')}”{self._who()}",
            "vote",
            lambda: voting.place_dot(library, workshop_id, clock=clock, **arguments),
            VOTE_TOPICS,
        )

    def take_back(self) -> None:
        arguments = self._target_arguments()
        if arguments is None:
            return
        target = self.current_target()
        assert target is not None and self.workshop_id is not None
        library, workshop_id = self.context.library, self.workshop_id
        state: dict[str, Any] = {}

        def apply() -> None:
            state["snapshot"] = voting.take_back_dot(library, workshop_id, **arguments)

        perform(
            self.context,
            f"Take a dot back from “{self.titles.get(target, '')}”{self._who()}",
            apply,
            lambda: put_back(library, state["snapshot"]),
            VOTE_TOPICS,
        )

    def _hide_toggled(self, hidden: bool) -> None:
        self.context.settings.set_value("prioritise/hide_results", hidden)
        self.refresh_wanted.emit()
