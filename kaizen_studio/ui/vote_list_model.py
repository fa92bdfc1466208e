"""The themes (and, when allowed, their notes) the room votes on, with the dots on each.

Rows stay in board order while dots land, so nobody's target jumps away;
the ranked results are shown beside them. Built from service results only.
"""

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from kaizen_studio.services.notes import NoteInfo
from kaizen_studio.services.ranking import RankedTheme
from kaizen_studio.services.voting import VotingBoard

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, MINE, TOTAL = range(3)
Target = tuple[str, int]  # ("theme", id) or ("note", id)


def dots_text(count: int) -> str:
    """A row of dots people can count at a glance; a number once there are many."""
    if count == 0:
        return ""
    return "●" * count if count <= 6 else f"● × {count}"


@dataclass(frozen=True)
class VoteRow:
    target: Target
    label: str
    color: str | None
    mine: int
    total: int
    parent: Target | None = None


def vote_rows(
    board: VotingBoard,
    themes: list[RankedTheme],
    notes: list[NoteInfo],
    voter_id: int | None,
) -> list[VoteRow]:
    """One row per theme in board order, each followed by its notes when notes take dots."""
    mine_themes = board.voter_themes.get(voter_id or -1, {})
    mine_notes = board.voter_notes.get(voter_id or -1, {})
    rows: list[VoteRow] = []
    for theme in sorted(themes, key=lambda t: t.board_order):
        target = ("theme", theme.id)
        rows.append(
            VoteRow(
                target,
                theme.name,
                theme.color,
                mine_themes.get(theme.id, 0),
                board.on_themes.get(theme.id, 0),
            )
        )
        if not board.on_notes:
            continue
        for note in notes:
            if note.theme_id == theme.id and note.stacked_on_id is None:
                rows.append(
                    VoteRow(
                        ("note", note.id),
                        " ".join(note.text.split()),
                        None,
                        mine_notes.get(note.id, 0),
                        board.on_notes_by_id.get(note.id, 0),
                        parent=target,
                    )
                )
    return rows


class VoteListModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__()
        self._targets: list[Target] = []
        self._items: dict[Target, list[QStandardItem]] = {}
        self.setHorizontalHeaderLabels(["Theme", "Dots", "Total"])

    def set_rows(self, rows: list[VoteRow], voter: str, show_totals: bool) -> None:
        """Show `rows`; counts change in place when the rows are the same as before."""
        self.setHorizontalHeaderLabels(["Theme", f"{voter}'s dots" if voter else "Dots", "Total"])
        targets = [row.target for row in rows]
        if targets != self._targets:
            self._rebuild(rows)
        for row in rows:
            items = self._items[row.target]
            items[NAME].setText(row.label)
            items[MINE].setText(dots_text(row.mine))
            items[MINE].setData(f"{row.mine} dots", Qt.ItemDataRole.AccessibleTextRole)
            # Notes without dots stay quiet, so the dots that were placed stand out.
            quiet = row.parent is not None and row.total == 0
            items[TOTAL].setText(str(row.total) if show_totals and not quiet else "")

    def _rebuild(self, rows: list[VoteRow]) -> None:
        self.removeRows(0, self.rowCount())
        self._items.clear()
        heading = QFont()
        heading.setBold(True)
        with_notes = any(row.parent for row in rows)
        for row in rows:
            items = [QStandardItem() for _ in range(3)]
            for item in items:
                item.setEditable(False)
                item.setData(row.target, TARGET_ROLE)
            items[TOTAL].setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            items[NAME].setToolTip(row.label)
            if row.color:
                items[NAME].setData(QColor(row.color), Qt.ItemDataRole.DecorationRole)
            if with_notes and row.parent is None:
                items[NAME].setFont(heading)  # themes stand out above their notes
            parent = self._items[row.parent][NAME] if row.parent else self.invisibleRootItem()
            parent.appendRow(items)
            self._items[row.target] = items
        self._targets = [row.target for row in rows]

    def target(self, index: QModelIndex | QPersistentModelIndex) -> Target | None:
        value = index.data(TARGET_ROLE) if index.isValid() else None
        return (str(value[0]), int(value[1])) if value else None

    def index_of(self, target: Target) -> QModelIndex:
        items = self._items.get(target)
        return items[NAME].index() if items else QModelIndex()

    def targets(self) -> list[Target]:
        return list(self._targets)
