"""The library's workshops as a table model for the home page."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services.workshops import WorkshopSummary

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Workshop", "Stage", "Held on", "Notes", "Themes", "Cycles")
WORKSHOP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Clicking a header sorts by these: real dates and numbers, not their text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# What "Find a workshop" looks in: the title and the site.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3


class WorkshopListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[WorkshopSummary] = []

    def set_workshops(self, workshops: list[WorkshopSummary]) -> None:
        self.beginResetModel()
        self._rows = list(workshops)
        self.endResetModel()

    def workshop_at(self, row: int) -> WorkshopSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, workshop_id: int) -> int:
        return next((i for i, w in enumerate(self._rows) if w.id == workshop_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        workshop = self._rows[index.row()]
        column = index.column()
        if role == WORKSHOP_ID_ROLE:
            return workshop.id
        if role == SORT_ROLE:
            return self._sort_key(workshop, column)
        if role == FILTER_ROLE:
            return f"{workshop.title} {workshop.site}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(workshop, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return f"{workshop.title}\n{workshop.site}" if workshop.site else workshop.title
        return None

    @staticmethod
    def _sort_key(workshop: WorkshopSummary, column: int) -> Any:
        keys = (
            workshop.title.casefold(),
            list(Stage).index(workshop.stage),
            workshop.held_on.isoformat() if workshop.held_on else "",
            workshop.counts["notes"],
            workshop.counts["themes"],
            workshop.counts["cycles"],
        )
        return keys[column]

    @staticmethod
    def _text(workshop: WorkshopSummary, column: int) -> str:
        values = (
            workshop.title,
            workshop.stage.label,
            workshop.held_on.isoformat() if workshop.held_on else "",
            str(workshop.counts["notes"]),
            str(workshop.counts["themes"]),
            str(workshop.counts["cycles"]),
        )
        return values[column]
