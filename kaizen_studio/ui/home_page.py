"""The home page: the library's workshops, the selected one in brief, and the reviews
falling due."""

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.services import workshops
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.reviews_panel import ReviewsPanel
from kaizen_studio.ui.undo import perform_create, perform_remove, perform_update
from kaizen_studio.ui.widgets.workshop_details import WorkshopDetails
from kaizen_studio.ui.workshop_list_model import (
    FILTER_ROLE,
    SORT_ROLE,
    WORKSHOP_ID_ROLE,
    WorkshopListModel,
)


class HomePage(QWidget):
    """Lists workshops; opening one emits `workshop_opened(id, stage)`."""

    workshop_opened = Signal(int, str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("homePage")
        self._stale = False
        self.model = WorkshopListModel()
        self.shown = QSortFilterProxyModel(self)
        self.shown.setSourceModel(self.model)
        self.shown.setFilterKeyColumn(0)
        self.shown.setFilterRole(FILTER_ROLE)
        self.shown.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.shown.setSortRole(SORT_ROLE)
        self.table = self._make_table()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("workshopFilter")
        self.filter.setAccessibleName("Find a workshop")
        self.filter.setPlaceholderText("Find a workshop (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.details = WorkshopDetails(self)
        self.details.open_requested.connect(self.workshop_opened.emit)
        self.reviews = ReviewsPanel(context, self)
        self.reviews.review_opened.connect(self.workshop_opened.emit)
        self._build()
        context.changes.changed.connect(self._on_changed)
        self.refresh()

    # -- layout ---------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("workshopTable")
        table.setAccessibleName("Workshops in this library")
        table.setModel(self.shown)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # newest first, as listed
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(34)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.activated.connect(self._open_index)
        table.doubleClicked.connect(self._open_index)
        return table

    def _button(self, text: str, name: str, slot: object, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        title = QLabel("Workshops", self)
        title.setProperty("role", "pageTitle")
        self.empty_hint = QLabel(
            "No workshops yet. Create one to start capturing what slows the work down.", self
        )
        self.empty_hint.setProperty("role", "hint")
        self.empty_hint.setWordWrap(True)
        self.new_button = self._button(
            "&New workshop…", "newWorkshopButton", self.create_workshop, "Ctrl+N"
        )
        self.new_button.setProperty("primary", True)
        self.open_button = self._button("&Open", "openWorkshopButton", self.open_selected, "Enter")
        self.rename_button = self._button(
            "&Rename…", "renameWorkshopButton", self.rename_selected, "F2"
        )
        self.duplicate_button = self._button(
            "D&uplicate", "duplicateWorkshopButton", self.duplicate_selected, "Ctrl+D"
        )
        self.delete_button = self._button(
            "&Delete", "deleteWorkshopButton", self.delete_selected, "Delete"
        )
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.open_button,
            self.rename_button,
            self.duplicate_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(title)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.empty_hint)
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(self.details, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.reviews)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(splitter)

        self.table.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+D"), self, self.duplicate_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        QWidget.setTabOrder(self.filter, self.table)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keys on the list itself: F2 renames, Delete deletes (with a question).
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key == Qt.Key.Key_F2:
                self.rename_selected()
                return True
            if key == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    # -- data -----------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        selected = self.selected_id()
        self.model.set_workshops(workshops.list_workshops(self.context.library))
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        self.filter.setVisible(self.model.rowCount() > 1 or bool(self.filter.text()))
        self.select(selected if selected is not None else self._first_id())
        self.reviews.refresh()
        self._selection_changed()

    def _first_id(self) -> int | None:
        if not self.shown.rowCount():
            return None
        return self.shown.index(0, 0).data(WORKSHOP_ID_ROLE)  # type: ignore[no-any-return]

    def _on_changed(self, topics: frozenset[str]) -> None:
        # Counts change with every note; a hidden page catches up when it is shown
        # again, so capture never pays for a list nobody is looking at.
        if topics & {"workshops", "notes", "themes", "votes", "participants", "pdca", "map"}:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _apply_filter(self, text: str) -> None:
        self.shown.setFilterFixedString(text.strip())
        if self.selected_id() is None:
            self.select(self._first_id())
        self._selection_changed()

    def focus_find(self) -> None:
        self.filter.show()
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(WORKSHOP_ID_ROLE) if rows else None

    def select(self, workshop_id: int | None) -> None:
        row = -1 if workshop_id is None else self.model.row_of(workshop_id)
        index = self.shown.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is not None and index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        else:
            self.table.clearSelection()

    def _selection_changed(self) -> None:
        workshop_id = self.selected_id()
        summary = (
            None if workshop_id is None else self.model.workshop_at(self.model.row_of(workshop_id))
        )
        self.details.show_workshop(self.context.library, summary)
        for button in (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
        ):
            button.setEnabled(summary is not None)

    # -- actions --------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        source = self.shown.mapToSource(index)
        workshop = self.model.workshop_at(source.row())
        if workshop:
            self.workshop_opened.emit(workshop.id, workshop.stage.value)

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])

    def create_workshop(self) -> int | None:
        title, ok = QInputDialog.getText(self, "New workshop", "Workshop title:")
        if not ok:
            return None
        return self.create_named(title)

    def create_named(self, title: str) -> int | None:
        library = self.context.library
        new_id = perform_create(
            self.context,
            "New workshop",
            "workshop",
            lambda: workshops.create_workshop(library, title, clock=self.context.clock).id,
            {"workshops"},
        )
        if new_id is not None:
            self.select(new_id)
            self.workshop_opened.emit(new_id, "intent")
        return new_id

    def rename_selected(self) -> None:
        workshop_id = self.selected_id()
        if workshop_id is None:
            return
        current = workshops.get_workshop(self.context.library, workshop_id).title
        title, ok = QInputDialog.getText(
            self, "Rename workshop", "Workshop title:", QLineEdit.EchoMode.Normal, current
        )
        if ok and title.strip() != current:
            perform_update(
                self.context,
                "Rename workshop",
                workshops.update_workshop,
                workshop_id,
                {"title": title},
                {"workshops"},
            )

    def duplicate_selected(self) -> None:
        workshop_id = self.selected_id()
        if workshop_id is None:
            return
        library = self.context.library
        new_id = perform_create(
            self.context,
            "Duplicate workshop",
            "workshop",
            lambda: workshops.duplicate_workshop(library, workshop_id).id,
            {"workshops"},
        )
        self.select(new_id)

    def delete_selected(self) -> None:
        workshop_id = self.selected_id()
        if workshop_id is None:
            return
        summary = self.model.workshop_at(self.model.row_of(workshop_id))
        assert summary is not None
        answer = QMessageBox.question(
            self,
            "Delete workshop",
            f"Delete “{summary.title}” with its {summary.counts['notes']} notes, "
            f"{summary.counts['themes']} themes and {summary.counts['cycles']} cycles?\n\n"
            "You can undo this with Edit > Undo (Ctrl+Z).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            perform_remove(
                self.context, "Delete workshop", "workshop", [workshop_id], {"workshops"}
            )
