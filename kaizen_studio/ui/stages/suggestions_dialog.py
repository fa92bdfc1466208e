"""Suggested themes, shown before anything changes: rename, drop or accept each, then apply.

The suggestion is worked out on this computer (services.clustering); the board
changes only when the facilitator applies, and then as one undo step.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services import suggestions
from kaizen_studio.services.suggestions import ProposedTheme, Scope
from kaizen_studio.ui.board.edits import THEME_TOPICS, perform_board
from kaizen_studio.ui.context import AppContext

NOTE_IDS = Qt.ItemDataRole.UserRole
CHECKABLE = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
)


def _checked(item: QTreeWidgetItem) -> bool:
    return item.checkState(0) == Qt.CheckState.Checked


class SuggestionsDialog(QDialog):
    def __init__(
        self, context: AppContext, workshop_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.workshop_id = workshop_id
        self.applied = False
        self.setObjectName("suggestionsDialog")
        self.setWindowTitle("Suggest themes")
        self.resize(760, 620)
        self.scope = QComboBox(self)
        self.count = QSpinBox(self)
        self.themes = QTreeWidget(self)
        self.stacks = QTreeWidget(self)
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton("Apply", self)
        self._build()
        self.suggest()

    def _build(self) -> None:
        self.scope.setObjectName("suggestScope")
        self.scope.setAccessibleName("Notes to sort")
        for scope in Scope:
            count = len(suggestions.notes_in_scope(self.context.library, self.workshop_id, scope))
            self.scope.addItem(f"{scope.label} ({count})", scope.value)
        self.count.setObjectName("suggestCount")
        self.count.setAccessibleName("Number of themes")
        self.count.setRange(0, 30)
        self.count.setSpecialValueText("Choose for me")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("Choose for me") + 48)
        self.count.setToolTip("How many themes to suggest; at the lowest, the number is chosen")
        again = QPushButton("Suggest again", self)
        again.setObjectName("suggestAgainButton")
        again.clicked.connect(self.suggest)
        choose = QHBoxLayout()
        for label, widget in (("&Sort:", self.scope), ("&Themes:", self.count)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            choose.addWidget(caption)
            choose.addWidget(widget)
        choose.addWidget(again)
        choose.addStretch()
        hint = QLabel(
            "Worked out on this computer from the words of the notes. Nothing changes until you "
            "apply. Untick a theme to leave its notes where they are; press F2 to rename it. "
            "Themes you built or locked by hand are never broken up.",
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self._tree(
            self.themes, "suggestedThemes", "Suggested themes", ["Theme and its notes", "Notes"]
        )
        self.themes.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self._tree(
            self.stacks, "suggestedStacks", "Near-duplicate notes", ["Stack as one note", "Notes"]
        )
        self.themes.itemChanged.connect(self._update_apply)
        self.stacks.itemChanged.connect(self._update_apply)
        self.apply_button.setObjectName("applySuggestionsButton")
        self.apply_button.setProperty("primary", True)
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.status.setObjectName("suggestStatus")
        self.status.setWordWrap(True)
        stacks_title = QLabel("Near-duplicate notes: tick a group to stack it as one card", self)
        stacks_title.setProperty("role", "sectionTitle")
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(hint)
        layout.addWidget(self.themes, 3)
        layout.addWidget(stacks_title)
        layout.addWidget(self.stacks, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _tree(self, tree: QTreeWidget, name: str, accessible: str, headers: list[str]) -> None:
        tree.setObjectName(name)
        tree.setAccessibleName(accessible)
        tree.setColumnCount(2)
        tree.setHeaderLabels(headers)
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)

    # -- asking ---------------------------------------------------------------------------

    def suggest(self) -> None:
        scope = Scope(self.scope.currentData())
        wanted = self.count.value() or None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            proposed = suggestions.propose_themes(
                self.context.library, self.workshop_id, scope, wanted
            )
            stacks = suggestions.propose_stacks(self.context.library, self.workshop_id, scope)
            texts = dict(suggestions.notes_in_scope(self.context.library, self.workshop_id, scope))
        except KaizenError as error:
            self.context.report_error(str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._show(proposed, stacks, texts)

    def _show(
        self, proposed: list[ProposedTheme], stacks: list[tuple[int, ...]], texts: dict[int, str]
    ) -> None:
        self.themes.blockSignals(True)
        self.stacks.blockSignals(True)
        self.themes.clear()
        self.stacks.clear()
        for theme in proposed:
            item = QTreeWidgetItem(self.themes, [theme.label, str(len(theme.note_ids))])
            item.setFlags(CHECKABLE | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(0, Qt.CheckState.Checked if theme.fits else Qt.CheckState.Unchecked)
            item.setData(0, NOTE_IDS, list(theme.note_ids))
            if not theme.fits:
                item.setToolTip(0, "These notes fit no theme well; tick to keep them together.")
            for key in theme.note_ids:
                QTreeWidgetItem(item, [texts.get(key, "")]).setToolTip(0, texts.get(key, ""))
            item.setExpanded(True)
        for group in stacks:
            first = texts.get(group[0], "")
            item = QTreeWidgetItem(self.stacks, [first, str(len(group))])
            item.setFlags(CHECKABLE)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setData(0, NOTE_IDS, list(group))
            for key in group[1:]:
                QTreeWidgetItem(item, [texts.get(key, "")])
            item.setExpanded(True)
        if not stacks:
            QTreeWidgetItem(self.stacks, ["No notes nearly repeat each other."]).setFlags(
                Qt.ItemFlag.ItemIsEnabled
            )
        self.themes.blockSignals(False)
        self.stacks.blockSignals(False)
        if self.themes.topLevelItemCount():
            self.themes.setCurrentItem(self.themes.topLevelItem(0))
        self.themes.setFocus()
        self._update_apply()

    # -- deciding -------------------------------------------------------------------------

    def chosen_themes(self) -> list[ProposedTheme]:
        items = [self.themes.topLevelItem(i) for i in range(self.themes.topLevelItemCount())]
        return [
            ProposedTheme(item.text(0), tuple(item.data(0, NOTE_IDS)))
            for item in items
            if _checked(item)
        ]

    def chosen_stacks(self) -> list[tuple[int, ...]]:
        items = [self.stacks.topLevelItem(i) for i in range(self.stacks.topLevelItemCount())]
        return [
            tuple(item.data(0, NOTE_IDS))
            for item in items
            if item.data(0, NOTE_IDS) and _checked(item)
        ]

    def _update_apply(self, *_: object) -> None:
        themes, stacks = len(self.chosen_themes()), len(self.chosen_stacks())
        parts = []
        if themes:
            parts.append(f"{themes} theme{'s' * (themes != 1)}")
        if stacks:
            parts.append(f"{stacks} stack{'s' * (stacks != 1)}")
        self.apply_button.setText("Apply " + " and ".join(parts) if parts else "Apply")
        self.apply_button.setEnabled(bool(parts))
        total = self.themes.topLevelItemCount()
        if total == 0:
            self.status.setText("There are no notes to sort here.")
        else:
            self.status.setText(
                f"{total} theme{'s' * (total != 1)} suggested; {themes} ticked to apply."
            )

    def apply(self) -> None:
        themes, stacks = self.chosen_themes(), self.chosen_stacks()
        if not themes and not stacks:
            return
        words = " and ".join(
            part
            for part in (
                f"{len(themes)} suggested theme{'s' * (len(themes) != 1)}" if themes else "",
                f"{len(stacks)} stack{'s' * (len(stacks) != 1)}" if stacks else "",
            )
            if part
        )
        done = perform_board(
            self.context,
            f"Apply {words}",
            lambda: suggestions.apply_suggestions(
                self.context.library, self.workshop_id, themes, stacks, clock=self.context.clock
            ),
            THEME_TOPICS,
        )
        if done:
            self.applied = True
            self.accept()
