"""Prioritise: the room agrees on the few themes that matter.

Three tabs over one workshop: dot voting (who votes, dots left, results as
bars), the ranking (score, ratings and their overrides, the choice for
mapping) and the priority matrix (impact against frequency or effort). The
page loads the voting board and the ranking once per refresh and hands them
to each tab; the theme that is current in one tab is current in the others.
"""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.domain.voting import Axis
from kaizen_studio.services import notes, ranking, voting
from kaizen_studio.services.ranking import RankedTheme
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.priority_matrix import PriorityMatrix
from kaizen_studio.ui.stages.base import StagePage
from kaizen_studio.ui.stages.prioritise_ranking import RankingPanel
from kaizen_studio.ui.stages.prioritise_rules import named
from kaizen_studio.ui.stages.prioritise_voting import VotingPanel

VOTING_TAB, RANKING_TAB, MATRIX_TAB = range(3)


class PrioritisePage(StagePage):
    stage = Stage.PRIORITISE
    topics = frozenset({"votes", "themes", "notes", "participants", "workshops"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.themes: list[RankedTheme] = []
        self.current_theme: int | None = None
        self.voting = VotingPanel(context, self)
        self.ranking = RankingPanel(context, self)
        self.matrix = PriorityMatrix(self)
        self._build()
        self.voting.refresh_wanted.connect(self.refresh)
        for source in (self.voting.theme_chosen, self.ranking.theme_chosen):
            source.connect(self.follow_theme)
        self.matrix.theme_clicked.connect(self.follow_theme)
        self.matrix.mapping_toggled.connect(self.ranking.toggle_mapping)

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        named(self.tabs, "prioritiseTabs", "Prioritise")
        self.tabs.addTab(self.voting, "&Dot voting")
        self.tabs.addTab(self.ranking, "Ran&king and choice")
        self.tabs.addTab(self._build_matrix_tab(), "&Matrix")
        self.tabs.currentChanged.connect(lambda _index: self.focus_main_input())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.tabs)

    def _build_matrix_tab(self) -> QWidget:
        tab = QWidget(self)
        self.axis = QComboBox(tab)
        named(self.axis, "matrixAxis", "What the matrix shows across")
        self.axis.addItem("Impact x frequency", Axis.FREQUENCY.value)
        self.axis.addItem("Impact x effort to fix", Axis.EFFORT.value)
        self.axis.currentIndexChanged.connect(lambda _index: self._show_matrix())
        axis_label = QLabel("C&hart:", tab)
        axis_label.setBuddy(self.axis)
        hint = QLabel(
            "Points grow with dots. Hover for details, click to choose; double-click or "
            "Space sends a theme on to mapping (thick ring) or takes it back.",
            tab,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(axis_label)
        top.addWidget(self.axis)
        top.addWidget(hint, 1)
        self.details = QLabel(tab)
        named(self.details, "matrixDetails", "Current theme")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumWidth(220)
        self.unplaced = QLabel(tab)
        named(self.unplaced, "matrixUnplaced", "Themes not on the chart")
        self.unplaced.setProperty("role", "warning")
        self.unplaced.setWordWrap(True)
        self.crowded = QLabel(tab)
        self.crowded.setObjectName("matrixCrowded")
        self.crowded.setProperty("role", "hint")
        self.crowded.setWordWrap(True)
        side = QWidget(tab)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.details)
        side_layout.addWidget(self.unplaced)
        side_layout.addWidget(self.crowded)
        side_layout.addStretch()
        splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        splitter.addWidget(self.matrix)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.axis, self.matrix)
        return tab

    # -- showing ----------------------------------------------------------------

    def refresh(self) -> None:
        if self.workshop_id is None:
            return
        library, workshop_id = self.context.library, self.workshop_id
        try:
            board = voting.voting_board(library, workshop_id)
            self.themes = ranking.rank_themes(library, workshop_id)
            note_list = notes.list_notes(library, workshop_id) if board.on_notes else []
        except KaizenError:
            return  # the workshop went away (deleted, or another library): nothing to show
        self.voting.show_board(workshop_id, board, self.themes, note_list)
        self.ranking.show_ranking(workshop_id, self.themes)
        self._show_matrix()

    def _show_matrix(self) -> None:
        axis = Axis(self.axis.currentData())
        self.matrix.set_themes(self.themes, axis)
        self.matrix.set_current(self.current_theme)
        missing = [
            theme.name for theme in self.themes if axis is Axis.EFFORT and theme.effort is None
        ]
        self.unplaced.setVisible(bool(missing))
        self.unplaced.setText(
            "Not on the chart until their effort is rated (Ranking tab): "
            + ", ".join(missing)
            + "."
        )
        unnamed = len(self.matrix.shown()) - len(self.matrix.labelled())
        self.crowded.setVisible(unnamed > 0)
        self.crowded.setText(
            f"{unnamed} more themes are drawn without their names, to keep the chart readable; "
            "hover over a point, or use the arrow keys, to see each."
        )
        self._show_details()

    def _show_details(self) -> None:
        theme = next((t for t in self.matrix.shown() if t.id == self.current_theme), None)
        if theme is None:
            self.details.setText(
                "Click a theme on the chart, or press an arrow key, to see it here."
            )
            self.details.setProperty("role", "hint")
        else:
            title, *lines = self.matrix.details(theme).split("\n")
            rest = "<br>".join(escape(line) for line in lines)
            self.details.setText(f"<p style='font-size:12pt'><b>{escape(title)}</b></p>{rest}")
            self.details.setProperty("role", "")
        self.details.style().unpolish(self.details)
        self.details.style().polish(self.details)

    def follow_theme(self, theme_id: int) -> None:
        """Make a theme current in every tab."""
        if theme_id == self.current_theme:
            return
        self.current_theme = theme_id
        self.voting.set_current_theme(theme_id)
        self.ranking.set_current_theme(theme_id)
        self.matrix.set_current(theme_id)
        self._show_details()

    def focus_main_input(self) -> None:
        index = self.tabs.currentIndex()
        if index == VOTING_TAB:
            self.voting.tree.setFocus()
        elif index == RANKING_TAB:
            self.ranking.table.setFocus()
        else:
            self.matrix.setFocus()
