"""Do: when Do started, and the action items with owner, due date and done state."""

from datetime import date, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Phase
from kaizen_studio.domain.pdca import DueState, due_state
from kaizen_studio.services import action_items
from kaizen_studio.services.action_items import ActionInfo
from kaizen_studio.services.cycle_board import CycleDetail
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_card import warning_colour
from kaizen_studio.ui.pdca_fields import date_edit, day_text, from_qdate, named, to_qdate
from kaizen_studio.ui.stages.cycle_tab import TOPICS, CycleTab, hint
from kaizen_studio.ui.undo import perform_create, perform_remove, perform_update

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Done", "Action", "Owner", "Due")
FIELDS = ("done", "text", "owner", "due_on")


class ActionModel(QAbstractTableModel):
    """The cycle's action items; an edit in the table is reported as `edited`."""

    edited = Signal(int, str, object)  # action id, field, new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions: list[ActionInfo] = []
        self.today = date.min
        self.warning = warning_colour(QPalette())

    def set_actions(self, actions: list[ActionInfo], today: date) -> None:
        self.beginResetModel()
        self.actions, self.today = list(actions), today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.actions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action = self.actions[index.row()]
        column = index.column()
        late = due_state(action.due_on, action.done, self.today) is DueState.OVERDUE
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, column, late)
        if role == Qt.ItemDataRole.EditRole:
            value = getattr(action, FIELDS[column])
            return to_qdate(value or self.today) if column == 3 else value
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return self.warning
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return f"{action.text}: {'done' if action.done else 'not done'}"
        return None

    def _display(self, action: ActionInfo, column: int, late: bool) -> Any:
        if column == 0:
            return self._short(action.done_on) if action.done else ""
        if column == 3:
            return self._short(action.due_on) + (" (late)" if late else "")
        return getattr(action, FIELDS[column])

    def _short(self, day: date | None) -> str:
        """ "3 Dec" this year, "3 Dec 2027" otherwise: the column stays narrow."""
        if day is None or day.year != self.today.year:
            return day_text(day)
        return f"{day.day} {day:%b}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        action = self.actions[index.row()]
        column = index.column()
        if column == 0 and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            self.edited.emit(action.id, "done", done)
            return True
        if role != Qt.ItemDataRole.EditRole or column == 0:
            return False
        if column == 3:
            value = from_qdate(value)
        if value != getattr(action, FIELDS[column]):
            self.edited.emit(action.id, FIELDS[column], value)
        return True

    def action_at(self, row: int) -> ActionInfo | None:
        return self.actions[row] if 0 <= row < len(self.actions) else None


class ActionTable(QTableView):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class DoTab(CycleTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.started = date_edit(self)
        named(self.started, "doStartedEdit", "Do started on")
        self.started.editingFinished.connect(self._start_moved)
        self.not_started = hint("Do has not started: its checks are scheduled when it does.", self)
        self.model = ActionModel(self)
        self.model.edited.connect(self._edit)
        self.table = ActionTable(self)
        named(self.table, "actionTable", "Action items")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        # Long actions wrap onto more lines instead of being cut.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.delete_pressed.connect(self.delete_selected)
        self.new_text = QLineEdit(self)
        named(self.new_text, "newActionEdit", "New action")
        self.new_text.setPlaceholderText("New action… (Enter adds it)")
        self.new_text.returnPressed.connect(self.add_action)
        self.new_owner = QLineEdit(self)
        named(self.new_owner, "newActionOwnerEdit", "Owner of the new action")
        self.new_owner.setPlaceholderText("Owner")
        self.new_owner.setMaximumWidth(110)
        self.new_owner.returnPressed.connect(self.add_action)
        self.new_due = date_edit(self)
        named(self.new_due, "newActionDueEdit", "Due date of the new action")
        self.add_button = QPushButton("&Add", self)
        named(self.add_button, "addActionButton", "Add action")
        self.add_button.clicked.connect(self.add_action)
        self.delete_button = QPushButton("Delete action", self)
        named(self.delete_button, "deleteActionButton", "Delete action")
        self.delete_button.clicked.connect(self.delete_selected)
        self.to_check = QPushButton("Move to &Check ▶", self)
        named(self.to_check, "toCheckButton", "Move to Check")
        self.to_check.clicked.connect(lambda: self.request_move(Phase.CHECK))
        self._build()

    def _build(self) -> None:
        started = QHBoxLayout()
        label = QLabel("Do &started on:", self)
        label.setBuddy(self.started)
        started.addWidget(label)
        started.addWidget(self.started)
        started.addWidget(self.not_started, 1)
        started.addStretch()
        adder = QHBoxLayout()
        adder.addWidget(self.new_text, 1)
        adder.addWidget(self.new_owner)
        adder.addWidget(self.new_due)
        adder.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        buttons.addWidget(self.to_check)
        layout = QVBoxLayout(self)
        layout.addLayout(started)
        layout.addWidget(hint("Concrete steps with an owner and a due date; tick them off.", self))
        layout.addWidget(self.table, 1)
        layout.addLayout(adder)
        layout.addLayout(buttons)

    def show_detail(self, detail: CycleDetail) -> None:
        new_cycle = self.detail is None or self.detail.id != detail.id
        super().show_detail(detail)
        today = self.context.clock.today()
        self.model.warning = warning_colour(self.palette())
        self.model.set_actions(list(detail.actions), today)
        has_started = detail.do_started_on is not None
        self.started.setVisible(has_started)
        self.not_started.setVisible(not has_started)
        if detail.do_started_on is not None:
            self.started.setDate(to_qdate(detail.do_started_on))
        if new_cycle:
            self.new_due.setDate(to_qdate(today + timedelta(days=7)))
            self.new_owner.setText(detail.owner)
        self.to_check.setVisible(detail.phase is Phase.DO)
        self.delete_button.setEnabled(bool(detail.actions))

    def _start_moved(self) -> None:
        if self.detail is None or self.detail.do_started_on is None:
            return
        day = from_qdate(self.started.date())
        if day != self.detail.do_started_on:
            self.update_cycle("Move Do start", {"do_started_on": day})

    def _edit(self, action_id: int, field: str, value: object) -> None:
        update = partial(action_items.update_action, clock=self.context.clock)
        words = {"done": "Tick action" if value else "Untick action"}
        perform_update(
            self.context, words.get(field, "Edit action"), update, action_id, {field: value}, TOPICS
        )

    def add_action(self) -> None:
        if self.detail is None:
            return
        cycle_id, text = self.detail.id, self.new_text.text()
        owner, due = self.new_owner.text(), from_qdate(self.new_due.date())
        library = self.context.library
        added = perform_create(
            self.context,
            "Add action",
            "action_item",
            lambda: action_items.add_action(library, cycle_id, text, owner=owner, due_on=due).id,
            TOPICS,
        )
        if added is not None:
            self.new_text.clear()
            self.new_text.setFocus()

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        action = self.model.action_at(rows[0].row()) if rows else None
        if action is not None:
            perform_remove(self.context, "Delete action", "action_item", [action.id], TOPICS)
