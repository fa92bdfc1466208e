"""The view of captured notes: keyboard first (F2 edits, Delete deletes, Escape goes
back to typing), with a context menu for the same actions."""

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from kaizen_studio.services.notes import NoteInfo
from kaizen_studio.ui.stages.note_table import NoteTableModel
from kaizen_studio.ui.widgets.cell_editors import CellEditors

ROW_HEIGHT = 32
WIDTHS = {1: 170, 2: 170, 3: 140, 4: 130, 5: 120}


class NoteList(QTableView):
    delete_requested = Signal()
    unstack_requested = Signal()
    back_to_input = Signal()

    def __init__(
        self, shown: QSortFilterProxyModel, model: NoteTableModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.shown = shown
        self.notes_model = model
        self.setObjectName("noteList")
        self.setAccessibleName("Captured notes, newest first")
        self.setModel(shown)
        self.setItemDelegate(CellEditors(model.columns, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Fixed row heights and column widths: sizing to contents would read every row.
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    # -- which notes ------------------------------------------------------------

    def _source_row(self, view_row: int) -> int:
        return self.shown.mapToSource(self.shown.index(view_row, 0)).row()

    def selected_notes(self) -> list[NoteInfo]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        found = (self.notes_model.record_at(self._source_row(row)) for row in rows)
        return [note for note in found if note is not None]

    def selected_note_ids(self) -> list[int]:
        return [note.id for note in self.selected_notes()]

    def current_row(self) -> int:
        return self.currentIndex().row()

    def current_note_id(self) -> int | None:
        row = self.current_row()
        note = self.notes_model.record_at(self._source_row(row)) if row >= 0 else None
        return note.id if note else None

    def select_row(self, row: int) -> None:
        count = self.shown.rowCount()
        if count and row >= 0:
            self.selectRow(min(row, count - 1))

    def select_note(self, note_id: int | None) -> None:
        row = -1 if note_id is None else self.notes_model.row_of(note_id)
        if row >= 0:
            index = self.shown.mapFromSource(self.notes_model.index(row, 0))
            if index.isValid():
                self.selectRow(index.row())

    def focus_first(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.shown.rowCount() and not self.selectionModel().hasSelection():
            self.selectRow(0)

    def show_top(self) -> None:
        self.scrollToTop()

    # -- keys and menu ----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Delete:
            self.delete_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.back_to_input.emit()
        elif key == Qt.Key.Key_Up and self.current_row() <= 0:
            self.back_to_input.emit()  # the input sits just above the newest note
        else:
            super().keyPressEvent(event)

    def _menu(self, position: QPoint) -> None:
        notes = self.selected_notes()
        if not notes:
            return
        menu = QMenu(self)
        edit = menu.addAction("&Edit text")
        edit.setShortcut("F2")
        edit.triggered.connect(lambda: self.edit(self.currentIndex().siblingAtColumn(0)))
        if any(note.stacked_on_id is not None for note in notes):
            menu.addAction("&Unstack").triggered.connect(self.unstack_requested.emit)
        menu.addSeparator()
        delete = menu.addAction("&Delete" if len(notes) == 1 else f"&Delete {len(notes)} notes")
        delete.setShortcut("Delete")
        delete.triggered.connect(self.delete_requested.emit)
        menu.exec(self.viewport().mapToGlobal(position))
