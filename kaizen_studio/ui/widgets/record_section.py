"""A titled table of records with Add and Remove buttons, edited in place from the keyboard.

Used by the Intent page for outcomes, participants and the agenda. The section
knows nothing about the service: the page hands it records and callbacks.
"""

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.ui.widgets.cell_editors import CellEditors
from kaizen_studio.ui.widgets.record_table import Column, RecordTableModel

ROW_HEIGHT = 32


class RecordSection(QWidget):
    """`add()` creates a record and returns its key; `remove(records)` deletes them."""

    def __init__(
        self,
        name: str,
        title: str,
        hint: str,
        columns: Sequence[Column],
        on_edit: Callable[[Any, str, Any], bool],
        add: Callable[[], Hashable | None],
        remove: Callable[[list[Any]], None],
        *,
        noun: str,
        key: Callable[[Any], Hashable] | None = None,
        stretch_column: int = 0,
        edit_column: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Section")
        # The cell a new row opens for typing: the first editable one unless told.
        self._edit_column = edit_column
        self._add = add
        self._remove = remove
        self.model = RecordTableModel(columns, on_edit, key)
        self.title = QLabel(title, self)
        self.title.setProperty("role", "sectionTitle")
        self.hint = QLabel(hint, self)
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setProperty("role", "hint")
        self.table = self._make_table(name, title, columns, stretch_column)
        self.add_button = QPushButton(f"Add {noun}", self)
        self.add_button.setObjectName(f"add_{name}")
        self.add_button.setAccessibleName(f"Add {noun}")
        self.add_button.setToolTip(f"Add {noun} and start typing it (Ctrl+Return in the table)")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setObjectName(f"remove_{name}")
        self.remove_button.setAccessibleName(f"Remove the selected {noun}")
        self.remove_button.setToolTip(f"Remove the selected {noun} (Delete in the table)")
        self.remove_button.clicked.connect(self.remove_selected)
        self._layout()
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _make_table(
        self, name: str, title: str, columns: Sequence[Column], stretch_column: int
    ) -> QTableView:
        table = QTableView(self)
        table.setObjectName(f"{name}Table")
        table.setAccessibleName(title)
        table.setModel(self.model)
        table.setItemDelegate(CellEditors(list(columns), table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        return table

    def _layout(self) -> None:
        self.summary.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # -- records ----------------------------------------------------------------

    def set_records(self, records: Sequence[Any], summary: str = "") -> None:
        selected = self.selected_rows()
        self.model.set_records(records)
        self.summary.setText(summary)
        if selected and self.model.rowCount():
            self.table.selectRow(min(selected[0], self.model.rowCount() - 1))
        self._fit_height()

    def _fit_height(self) -> None:
        # Show every row up to eight without an inner scroll bar; the page scrolls instead.
        rows = min(max(self.model.rowCount(), 2), 8)
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows * ROW_HEIGHT + 4)

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_records(self) -> list[Any]:
        return [self.model.record_at(row) for row in self.selected_rows()]

    # -- actions ----------------------------------------------------------------

    def add(self) -> None:
        key = self._add()
        if key is None:
            return
        row = self.model.row_of(key)
        if row < 0:
            return
        column = self._edit_column
        if column is None:
            column = next(i for i, c in enumerate(self.model.columns) if c.editable)
        index = self.model.index(row, column)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_selected(self) -> None:
        records = self.selected_records()
        if records:
            self._remove(records)
            self.table.setFocus()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.selected_rows()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete removes the selected rows; Ctrl+Return adds one, without the mouse.
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.add()
                return True
        return super().eventFilter(watched, event)
