"""A table of service records (outcomes, participants, timeboxes, notes) edited in place.

The model shows frozen records handed out by a service; it never changes one
itself. An edit in a cell calls `on_edit(record, key, value)`, which runs the
service through an undoable edit; the page then hands the model fresh records.
When the fresh records are the same rows, only their cells are repainted, so an
editor that is still closing never loses its row (a reset would close it twice).
"""

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
EditorKind = Literal["text", "choice", "rating", "date", "number", "minutes", "none"]
Choices = Callable[[], Sequence[tuple[str, Any]]]
RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 1
EDIT = int(Qt.ItemDataRole.EditRole)
TEXT_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
ANSWERED = TEXT_ROLES | {EDIT, RECORD_ROLE, int(Qt.ItemDataRole.TextAlignmentRole)}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


@dataclass(frozen=True)
class Column:
    """One column: what it shows, what its editor starts from, and which change it makes."""

    title: str
    key: str
    show: Callable[[Any], str]
    value: Callable[[Any], Any]
    editor: EditorKind = "text"
    choices: Choices | None = None
    tip: str = ""
    align_right: bool = False

    @property
    def editable(self) -> bool:
        return self.editor != "none"


def attribute(name: str) -> Callable[[Any], Any]:
    return lambda record: getattr(record, name)


def text_column(title: str, key: str, tip: str = "") -> Column:
    """A plain text field of the record, shown and edited as it is."""
    get = attribute(key)
    return Column(title, key, lambda r: get(r) or "", lambda r: get(r) or "", "text", tip=tip)


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Column],
        on_edit: Callable[[Any, str, Any], bool],
        key: Callable[[Any], Hashable] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.on_edit = on_edit
        self._flags = [
            READ_ONLY | Qt.ItemFlag.ItemIsEditable if column.editable else READ_ONLY
            for column in self.columns
        ]
        self._key = key or attribute("id")
        self._records: list[Any] = []

    # -- records ----------------------------------------------------------------

    def set_records(self, records: Sequence[Any]) -> None:
        records = list(records)
        if [self._key(r) for r in records] == [self._key(r) for r in self._records]:
            self._records = records
            if records:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(records) - 1, len(self.columns) - 1)
                )
            return
        self.beginResetModel()
        self._records = records
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._records)

    def record_at(self, row: int) -> Any | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, key: Hashable) -> int:
        return next((i for i, r in enumerate(self._records) if self._key(r) == key), -1)

    def insert_record(self, row: int, record: Any) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.insert(row, record)
        self.endInsertRows()

    def replace_record(self, record: Any) -> None:
        row = self.row_of(self._key(record))
        if row >= 0:
            self._records[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def remove_keys(self, keys: Sequence[Hashable]) -> None:
        for key in keys:
            row = self.row_of(key)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._records[row]
                self.endRemoveRows()

    # -- Qt model ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole and column.tip:
            return column.tip
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._flags[index.column()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every painted cell: roles we never answer leave first.
        if role not in ANSWERED or not index.isValid():
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role in TEXT_ROLES:
            return self.display(record, column, role)
        if role == EDIT:
            return column.value(record)
        if role == RECORD_ROLE:
            return record
        return RIGHT if column.align_right else None

    def display(self, record: Any, column: Column, role: int) -> str | None:
        """The text of a cell; subclasses add markers or longer tooltips."""
        text = column.show(record)
        if role == TOOLTIP:
            return text if len(text) > 40 else None
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        record = self._records[index.row()]
        current = column.value(record)
        if value == current or (isinstance(value, str) and value.strip() == current):
            return False  # nothing changed: no undo step
        return self.on_edit(record, column.key, value)
