"""The ranking tab: themes by score with their dots and ratings, the facilitator's overrides,
and the choice of themes that go on to mapping.

Impact and frequency come from the theme's notes; the facilitator may set
either by hand, and the table marks such a value with an asterisk. Space on
a row (or its check box) sends the theme on to mapping or takes it back.
"""

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.rules import FREQUENCY_WORDS, RATING_WORDS
from kaizen_studio.domain.scoring import DEFAULT_SELECTION, FORMULA
from kaizen_studio.services import voting
from kaizen_studio.services.ranking import RankedTheme
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.prioritise_rules import button, named
from kaizen_studio.ui.undo import perform, perform_update

THEME_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = ["#", "Theme", "Dots", "Impact", "Frequency", "Effort", "Score", "Quadrant", "To map"]
MAPPING = HEADERS.index("To map")
THEME_TOPICS = frozenset({"themes"})


def rating_text(value: float, overridden: bool) -> str:
    return f"{value:.1f}*" if overridden else f"{value:.1f}"


class RankingPanel(QWidget):
    theme_chosen = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workshop_id: int | None = None
        self.themes: list[RankedTheme] = []
        self._filling = False
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels(HEADERS)
        self.model.itemChanged.connect(self._item_changed)
        self._build()

    # -- layout ---------------------------------------------------------------

    def _build(self) -> None:
        self.table = QTableView(self)
        named(self.table, "rankingTable", "Themes ranked by score")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        for column in range(len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.select_top = button(
            self, f"Choose the top &{DEFAULT_SELECTION}", "selectTopButton", self.choose_top
        )
        self.select_top.setToolTip("Send the three best-scoring themes on to mapping")
        self.choice_label = QLabel(self)
        named(self.choice_label, "mappingChoiceLabel", "Themes going on to mapping")
        self.choice_label.setWordWrap(True)
        formula = QLabel(
            f"{FORMULA[0].upper()}{FORMULA[1:]}. * marks a rating you set instead of the "
            "notes' mean.",
            self,
        )
        formula.setObjectName("scoreFormula")
        formula.setProperty("role", "hint")
        formula.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.select_top)
        top.addWidget(self.choice_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(formula)
        layout.addWidget(self._build_editor())
        # Tab walks the page top to bottom.
        order = [self.select_top, self.table, self.impact, self.frequency, self.effort]
        for first, second in zip(order, [*order[1:], self.mapping], strict=True):
            QWidget.setTabOrder(first, second)

    def _build_editor(self) -> QGroupBox:
        self.editor = QGroupBox("Theme", self)
        self.editor.setObjectName("themeEditor")
        self.impact = self._combo("impactChoice", "Impact", "impact_override")
        self.frequency = self._combo("frequencyChoice", "Frequency", "frequency_override")
        self.effort = self._combo("effortChoice", "Effort to fix", "effort")
        self.mapping = QCheckBox("Goes on to &mapping", self.editor)
        named(self.mapping, "mappingCheck", "Goes on to mapping")
        self.mapping.toggled.connect(self._mapping_box_toggled)
        form = QFormLayout(self.editor)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("&Impact:", self.impact)
        form.addRow("&Frequency:", self.frequency)
        form.addRow("&Effort to fix:", self.effort)
        form.addRow("", self.mapping)
        return self.editor

    def _combo(self, name: str, accessible: str, field: str) -> QComboBox:
        combo = QComboBox(self.editor)
        named(combo, name, accessible)
        combo.setMinimumContentsLength(26)
        combo.activated.connect(lambda index: self._rating_chosen(field, combo.itemData(index)))
        return combo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Space and self.current_theme() is not None:
                theme = self.current_theme()
                assert theme is not None
                self.toggle_mapping(theme.id)
                return True
        return super().eventFilter(watched, event)

    # -- showing ----------------------------------------------------------------

    def show_ranking(self, workshop_id: int, themes: list[RankedTheme]) -> None:
        self.workshop_id = workshop_id
        current = self.current_theme()
        self.themes = themes
        # The view must hear of every row change (blocking the model's signals would leave
        # it with stale rows); only our own reaction to check boxes waits.
        self._filling = True
        try:
            self.model.removeRows(0, self.model.rowCount())
            for theme in themes:
                self.model.appendRow(self._row(theme))
        finally:
            self._filling = False
        self._show_choice()
        self.set_current_theme(current.id if current else (themes[0].id if themes else None))
        self._show_editor()

    def _row(self, theme: RankedTheme) -> list[QStandardItem]:
        cells = [
            str(theme.rank),
            theme.name,
            str(theme.votes),
            rating_text(theme.impact, theme.impact_overridden),
            rating_text(theme.frequency, theme.frequency_overridden),
            "–" if theme.effort is None else str(theme.effort),
            f"{theme.score:.2f}",
            theme.quadrant.label,
            "",
        ]
        items = [QStandardItem(text) for text in cells]
        for column, item in enumerate(items):
            item.setEditable(False)
            item.setData(theme.id, THEME_ROLE)
            if column != 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        items[1].setToolTip(f"{theme.name}\n{theme.notes} notes")
        for column, overridden, mean in (
            (3, theme.impact_overridden, theme.impact_from_notes),
            (4, theme.frequency_overridden, theme.frequency_from_notes),
        ):
            if overridden:
                font = QFont()
                font.setBold(True)
                items[column].setFont(font)
                notes = "no rated notes" if mean is None else f"the notes' mean is {mean:.1f}"
                items[column].setToolTip(f"Set by the facilitator; {notes}.")
        mapping = items[MAPPING]
        mapping.setCheckable(True)
        mapping.setCheckState(Qt.CheckState.Checked if theme.selected else Qt.CheckState.Unchecked)
        mapping.setData(
            "Goes on to mapping" if theme.selected else "Not chosen",
            Qt.ItemDataRole.AccessibleTextRole,
        )
        return items

    def _show_choice(self) -> None:
        chosen = [theme.name for theme in self.themes if theme.selected]
        if chosen:
            self.choice_label.setText(f"Going on to mapping: {', '.join(chosen)}.")
        elif self.themes:
            self.choice_label.setText(
                f"None chosen yet: until you choose, the top {DEFAULT_SELECTION} go on to mapping."
            )
        else:
            self.choice_label.setText(
                "No themes yet: group the notes into themes on the Cluster page."
            )
        self.select_top.setEnabled(bool(self.themes))

    def _show_editor(self) -> None:
        theme = self.current_theme()
        self.editor.setEnabled(theme is not None)
        if theme is None:
            self.editor.setTitle("Theme")
            return
        self.editor.setTitle(f"Theme: {theme.name}")
        self._fill(
            self.impact,
            RATING_WORDS,
            theme.impact_from_notes,
            theme.impact,
            theme.impact_overridden,
        )
        self._fill(
            self.frequency,
            FREQUENCY_WORDS,
            theme.frequency_from_notes,
            theme.frequency,
            theme.frequency_overridden,
        )
        self.effort.clear()
        self.effort.addItem("Not rated", None)
        for value, word in RATING_WORDS.items():
            self.effort.addItem(f"{value}  {word}", value)
        self.effort.setCurrentIndex(self.effort.findData(theme.effort))
        self.mapping.blockSignals(True)
        self.mapping.setChecked(theme.selected)
        self.mapping.blockSignals(False)

    @staticmethod
    def _fill(
        combo: QComboBox, words: dict[int, str], mean: float | None, value: float, overridden: bool
    ) -> None:
        combo.clear()
        mean_text = "no rated notes: 3" if mean is None else f"{mean:.1f}"
        combo.addItem(f"From the notes ({mean_text})", None)
        for rating, word in words.items():
            combo.addItem(f"{rating}  {word}  (set by you)", rating)
        combo.setCurrentIndex(combo.findData(round(value)) if overridden else 0)

    def current_theme(self) -> RankedTheme | None:
        index = self.table.currentIndex()
        key = index.data(THEME_ROLE) if index.isValid() else None
        return next((theme for theme in self.themes if theme.id == key), None)

    def set_current_theme(self, theme_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(THEME_ROLE) == theme_id:
                if self.table.currentIndex().row() != row:
                    self.table.selectRow(row)
                return

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._filling:
            return  # rows come and go while the ranking is shown again
        self._show_editor()
        key = current.data(THEME_ROLE) if current.isValid() else None
        if key is not None:
            self.theme_chosen.emit(key)

    # -- edits ------------------------------------------------------------------

    def _rating_chosen(self, field: str, value: int | None) -> None:
        theme = self.current_theme()
        if theme is None:
            return
        words = {"impact_override": "impact", "frequency_override": "frequency", "effort": "effort"}
        perform_update(
            self.context,
            f"Set the {words[field]} of “{theme.name}”",
            voting.update_priority,
            theme.id,
            {field: value},
            THEME_TOPICS,
        )

    def _item_changed(self, item: QStandardItem) -> None:
        if item.column() == MAPPING and not self._filling:
            self.toggle_mapping(item.data(THEME_ROLE))

    def _mapping_box_toggled(self, _checked: bool) -> None:
        theme = self.current_theme()
        if theme is not None:
            self.toggle_mapping(theme.id)

    def toggle_mapping(self, theme_id: int) -> None:
        """Send a theme on to mapping, or take it back."""
        theme = next((t for t in self.themes if t.id == theme_id), None)
        if theme is None:
            return
        action = "Take “{}” off the mapping list" if theme.selected else "Send “{}” on to mapping"
        perform_update(
            self.context,
            action.format(theme.name),
            voting.update_priority,
            theme.id,
            {"selected": not theme.selected},
            THEME_TOPICS,
        )

    def choose_top(self) -> None:
        if self.workshop_id is None:
            return
        library, workshop_id = self.context.library, self.workshop_id
        previous: list[int] = []

        def apply() -> None:
            previous[:] = voting.select_top(library, workshop_id, DEFAULT_SELECTION)

        perform(
            self.context,
            f"Choose the top {DEFAULT_SELECTION} themes for mapping",
            apply,
            lambda: voting.set_selection(library, workshop_id, previous),
            THEME_TOPICS,
        )
