"""A sticky card on the board: a note's text, wrapped and cut to fit, in its theme's colour.

Cards are plain QGraphicsItems cached as device pixmaps: a board of thousands
paints only the cards in view, and dragging one repaints a pixmap, not its text.
The text is laid out on first paint, so opening a big board does no text work
for cards off screen.
"""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLayout
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kaizen_studio.domain.board import CARD_HEIGHT, CARD_WIDTH

CARD_Z = 10.0
DRAG_Z = 50.0
TEXT_COLOUR = QColor("#1d2330")
UNSORTED_COLOUR = QColor("#fbf8ef")
BORDER = QColor(0, 0, 0, 40)
MATCH_COLOUR = QColor("#e8590c")
PADDING = 9.0
STACK_OFFSET = 4.0


def card_font() -> QFont:
    font = QFont()
    font.setPixelSize(14)
    return font


class CardItem(QGraphicsRectItem):
    """One note (with any near-duplicates stacked under it) on the board.

    A rect item only so that Qt answers `boundingRect` itself: with thousands of
    cards in view, a Python call per card per repaint is what costs."""

    font: QFont | None = None
    highlight = QColor("#2f6fde")

    def __init__(self, note_id: int) -> None:
        super().__init__()
        self.note_id = note_id
        self.theme_id: int | None = None
        self.text = ""
        self.colour = UNSORTED_COLOUR
        self.stacked = 0  # notes under this one
        self.matched = False
        self._lines: list[str] | None = None
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsMovable | flags.ItemIsSelectable | flags.ItemIsFocusable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setPen(Qt.PenStyle.NoPen)
        self._set_bounds()
        self.setZValue(CARD_Z)

    def _set_bounds(self) -> None:
        """Room for the selection ring and for the notes stacked under the card."""
        extra = 4.0 + STACK_OFFSET * min(self.stacked, 2)
        self.setRect(QRectF(-4.0, -4.0, CARD_WIDTH + extra + 4.0, CARD_HEIGHT + extra + 4.0))

    def show_note(
        self, text: str, theme_id: int | None, colour: QColor, stacked: int, tooltip: str
    ) -> None:
        """Show what the note is now; repaints only when something visible changed."""
        self.theme_id = theme_id
        if (text, colour.rgba(), stacked) != (self.text, self.colour.rgba(), self.stacked):
            restack = stacked != self.stacked
            self.text, self.colour, self.stacked = text, colour, stacked
            if restack:
                self._set_bounds()
            self._lines = None
            self.setToolTip(tooltip)
            self.update()

    def set_matched(self, matched: bool) -> None:
        if matched != self.matched:
            self.matched = matched
            self.update()

    def card_rect(self) -> QRectF:
        return QRectF(0.0, 0.0, CARD_WIDTH, CARD_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.card_rect()
        for depth in range(min(self.stacked, 2), 0, -1):  # the notes under this one peek out
            painter.setPen(QPen(BORDER, 1.0))
            painter.setBrush(self.colour.darker(104 + 4 * depth))
            offset = STACK_OFFSET * depth
            painter.drawRoundedRect(rect.translated(offset, offset), 4.0, 4.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRoundedRect(rect.translated(1.5, 2.0), 4.0, 4.0)
        painter.setBrush(self.colour)
        painter.setPen(QPen(BORDER, 1.0))
        painter.drawRoundedRect(rect, 4.0, 4.0)
        self._paint_text(painter, rect)
        if self.stacked:
            self._paint_badge(painter, rect)
        self._paint_state(painter, option, rect)

    def _paint_text(self, painter: QPainter, rect: QRectF) -> None:
        font = CardItem.font or card_font()
        painter.setFont(font)
        painter.setPen(TEXT_COLOUR)
        metrics = QFontMetricsF(font)
        if self._lines is None:
            self._lines = wrap(self.text, font, CARD_WIDTH - 2 * PADDING, self._max_lines(metrics))
        y = PADDING + metrics.ascent()
        for line in self._lines:
            painter.drawText(QPointF(PADDING, y), line)
            y += metrics.lineSpacing()

    def _max_lines(self, metrics: QFontMetricsF) -> int:
        room = CARD_HEIGHT - 2 * PADDING - (14.0 if self.stacked else 0.0)
        return max(1, int(room // metrics.lineSpacing()))

    def _paint_badge(self, painter: QPainter, rect: QRectF) -> None:
        font = QFont(CardItem.font or card_font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(TEXT_COLOUR.red(), TEXT_COLOUR.green(), TEXT_COLOUR.blue(), 170))
        label = f"×{self.stacked + 1}"
        box = QRectF(rect.right() - 40.0, rect.bottom() - 18.0, 34.0, 16.0)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)

    def _paint_state(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, rect: QRectF
    ) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.matched:
            painter.setPen(QPen(MATCH_COLOUR, 3.0))
            painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 5.0, 5.0)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(CardItem.highlight, 3.0))
            painter.drawRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), 6.0, 6.0)
        if option.state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(TEXT_COLOUR, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(3.0, 3.0, -3.0, -3.0), 3.0, 3.0)


def wrap(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """Lines of `text` that fit `width`; the last one cut with an ellipsis if there is more."""
    flat = " ".join(text.split())
    layout = QTextLayout(flat, font)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(flat[line.textStart() : line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    rest = " ".join([kept[-1], *lines[max_lines:]])
    metrics = QFontMetricsF(font)
    kept[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return kept
