"""Small pieces the Map page's tabs share: a checklist of linked items, a list that keeps
its current item across refreshes, and labelled headings."""

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def named(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


def label(text: str, parent: QWidget, role: str = "", buddy: QWidget | None = None) -> QLabel:
    """A label with a style role ("sectionTitle", "hint", "warning"), wrapped."""
    made = QLabel(text, parent)
    if role:
        made.setProperty("role", role)
    made.setWordWrap(True)
    if buddy is not None:
        made.setBuddy(buddy)
    return made


class EmptyNotice(QWidget):
    """Holds a form, or in its place a sentence saying how to start (`show_form`)."""

    def __init__(self, form: QWidget, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.notice = label(text, self, "hint")
        self.notice.setContentsMargins(14, 8, 14, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(form, 1)
        layout.addStretch()

    def show_form(self, shown: bool) -> None:
        self.form.setVisible(shown)
        self.notice.setVisible(not shown)


def swatch(color: str, size: int = 14) -> QIcon:
    """A small square of a theme's colour, shown beside its name."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


Index = QModelIndex | QPersistentModelIndex
PAD = 6
ICON = 14


class TwoLineDelegate(QStyledItemDelegate):
    """Draws an item's first line as its title and the rest smaller and quieter, both
    wrapped to the width of the list."""

    def _parts(self, index: Index) -> tuple[str, str]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        first, _, rest = text.partition("\n")
        return first, rest

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)  # type: ignore[attr-defined]
        detail = QFont(title)
        detail.setPointSizeF(title.pointSizeF() * 0.9)
        return title, detail

    def _text_width(self, option: QStyleOptionViewItem, index: Index) -> int:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else 300
        has_icon = index.data(Qt.ItemDataRole.DecorationRole) is not None
        return max(width - 2 * PAD - (ICON + PAD if has_icon else 0), 60)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        first, rest = self._parts(index)
        title, detail = self._fonts(option)
        width = self._text_width(option, index)
        flags = Qt.TextFlag.TextWordWrap
        height = QFontMetrics(title).boundingRect(QRect(0, 0, width, 10_000), flags, first).height()
        if rest:
            box = QRect(0, 0, width, 10_000)
            height += 2 + QFontMetrics(detail).boundingRect(box, flags, rest).height()
        return QSize(width, height + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        rect: QRect = option.rect  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        left = rect.left() + PAD
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, QRect(left, rect.top() + PAD + 2, ICON, ICON))
            left += ICON + PAD
        first, rest = self._parts(index)
        title, detail = self._fonts(option)
        width = self._text_width(option, index)
        flags = Qt.TextFlag.TextWordWrap
        painter.save()
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(text_role))
        painter.setFont(title)
        box = QRect(left, rect.top() + PAD, width, rect.height())
        used = painter.boundingRect(box, flags, first)
        painter.drawText(box, flags, first)
        if rest:
            quiet = (
                QPalette.ColorRole.HighlightedText
                if selected
                else QPalette.ColorRole.PlaceholderText
            )
            painter.setPen(palette.color(quiet))
            painter.setFont(detail)
            painter.drawText(QRect(left, used.bottom() + 3, width, rect.height()), flags, rest)
        painter.restore()


def two_line_list(view: QListWidget) -> None:
    """Give a list the two-line look and let its items wrap as it is resized."""
    view.setItemDelegate(TwoLineDelegate(view))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSpacing(1)


class Checklist(QListWidget):
    """Items to tick (themes a behaviour answers, behaviours an intervention serves).

    `edited` carries the ticked ids after the user ticks or unticks one (Space or
    a click); filling the list from the services emits nothing.
    """

    edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemChanged.connect(self._changed)

    def set_items(
        self,
        items: Sequence[tuple[int, str]],
        ticked: Sequence[int],
        colors: dict[int, str] | None = None,
    ) -> None:
        current = self.currentItem()
        current_id = current.data(ID_ROLE) if current else None
        self._filling = True
        self.clear()
        for key, text in items:
            item = QListWidgetItem(text, self)
            item.setData(ID_ROLE, key)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            if colors and key in colors:
                item.setIcon(swatch(colors[key]))
            if key == current_id:
                self.setCurrentItem(item)
        self._filling = False
        self._fit()

    def _fit(self, most: int = 9) -> None:
        """As tall as its items (up to `most`), so the form below it stays close."""
        rows = [self.sizeHintForRow(row) for row in range(min(self.count(), most))]
        self.setFixedHeight(max(sum(rows), 2 * 24) + 2 * self.frameWidth() + 8)

    def ticked(self) -> list[int]:
        return [
            self.item(row).data(ID_ROLE)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_ticked(self, key: int, on: bool) -> None:
        """Tick or untick as the user would (emits `edited`), for tests and shortcuts."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(ID_ROLE) == key:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _changed(self, _item: QListWidgetItem) -> None:
        # Emitted on the next turn of the event loop: the edit refreshes the page, which
        # fills this list again, and the view must finish handling the click first.
        if not self._filling:
            ticked = self.ticked()
            QTimer.singleShot(0, self, lambda: self.edited.emit(ticked))


class KeyedList(QListWidget):
    """A list of records by id that keeps the current one when it is filled again.

    `current_changed` carries the id of the item the user moved to (None when the
    list is empty); `delete_pressed` asks to remove the current one.
    """

    current_changed = Signal(object)
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        two_line_list(self)
        self.currentItemChanged.connect(self._moved)

    def fill(self, rows: Sequence[tuple[int, str, str]], keep: int | None = None) -> None:
        """Rows of (id, text, tooltip); `keep` is the id to stay on (default: the current)."""
        wanted = self.current_id() if keep is None else keep
        self._filling = True
        self.clear()
        chosen: QListWidgetItem | None = None
        for key, text, tip in rows:
            item = QListWidgetItem(text, self)
            item.setData(ID_ROLE, key)
            if tip:
                item.setToolTip(tip)
            if key == wanted:
                chosen = item
        if chosen is None and self.count():
            chosen = self.item(0)
        if chosen is not None:
            self.setCurrentItem(chosen)
        self._filling = False
        self.current_changed.emit(self.current_id())

    def current_id(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def item_of(self, key: int) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == key:
                return self.item(row)
        return None

    def select(self, key: int) -> bool:
        item = self.item_of(key)
        if item is not None:
            self.setCurrentItem(item)
        return item is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def _moved(self, *_items: object) -> None:
        if not self._filling:
            self.current_changed.emit(self.current_id())
