"""A theme on the board: a tinted frame with the theme's name in a coloured band.

The frame is picked up by its band (its body lets a rubber band start inside
it); dragging it carries its cards. The grip in its lower right corner resizes
it, and the cards flow into the columns that fit.
"""

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kaizen_studio.domain.board import FRAME_HEADER, frame_height, frame_width
from kaizen_studio.ui.board.card_item import TEXT_COLOUR, CardItem

FRAME_Z = 0.0
GRIP = 16.0
RADIUS = 8.0


class FrameItem(QGraphicsObject):
    """One theme's frame; `resized(theme_id, width, height)` when its grip is let go."""

    resized = Signal(int, float, float)

    def __init__(self, theme_id: int) -> None:
        super().__init__()
        self.theme_id = theme_id
        self.name = ""
        self.colour = QColor("#f6c945")
        self.locked = False
        self.notes = 0
        self.size = QRectF(0.0, 0.0, 1.0, 1.0)
        self.members: list[CardItem] = []
        self.drop_target = False
        self.dark = False
        self._resizing = False
        self._last = QPointF()
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(
            flags.ItemIsMovable
            | flags.ItemIsSelectable
            | flags.ItemIsFocusable
            | flags.ItemSendsGeometryChanges
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(FRAME_Z)

    def show_theme(
        self, name: str, colour: QColor, locked: bool, notes: int, width: float, height: float
    ) -> None:
        state = (name, colour.rgba(), locked, notes, width, height)
        shown = (self.name, self.colour.rgba(), self.locked, self.notes)
        if state != (*shown, self.size.width(), self.size.height()):
            self.prepareGeometryChange()
            self.name, self.colour, self.locked, self.notes = name, colour, locked, notes
            self.size = QRectF(0.0, 0.0, width, height)
            self.setToolTip(f"{name}: {notes} note{'s' * (notes != 1)}" + (", locked" * locked))
            self.update()

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    # -- geometry ------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self.size.adjusted(-3.0, -3.0, 3.0, 3.0)

    def header_rect(self) -> QRectF:
        return QRectF(0.0, 0.0, self.size.width(), FRAME_HEADER - 6.0)

    def grip_rect(self) -> QRectF:
        return QRectF(self.size.right() - GRIP, self.size.bottom() - GRIP, GRIP, GRIP)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.header_rect())
        path.addRect(self.grip_rect())
        return path

    def scene_frame(self) -> QRectF:
        return self.size.translated(self.pos())

    # -- painting ------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(self.colour)
        tint.setAlpha(70 if self.dark else 55)
        if self.drop_target:
            tint.setAlpha(130)
        painter.setBrush(tint)
        painter.setPen(QPen(self.colour.darker(115 if not self.dark else 100), 2.0))
        painter.drawRoundedRect(self.size, RADIUS, RADIUS)
        # The band: rounded at the top only (two shapes; one path would cancel out where
        # they overlap under the odd-even fill rule).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        header = self.header_rect()
        painter.drawRoundedRect(header, RADIUS, RADIUS)
        painter.drawRect(header.adjusted(0.0, RADIUS, 0.0, 0.0))
        self._paint_title(painter)
        self._paint_grip(painter)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if option.state & QStyle.StateFlag.State_Selected or self.drop_target:
            painter.setPen(QPen(CardItem.highlight, 3.0))
            painter.drawRoundedRect(self.size.adjusted(-1.5, -1.5, 1.5, 1.5), RADIUS, RADIUS)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(TEXT_COLOUR, 1.5, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(self.header_rect().adjusted(3.0, 3.0, -3.0, -3.0), 4.0, 4.0)

    def _paint_title(self, painter: QPainter) -> None:
        header = self.header_rect().adjusted(12.0, 0.0, -12.0, 0.0)
        small = QFont(CardItem.font or QFont())
        small.setPixelSize(13)
        count = f"{self.notes} note{'s' * (self.notes != 1)}" + ("  · locked" * self.locked)
        count_width = QFontMetricsF(small).horizontalAdvance(count) + 8.0
        painter.setPen(TEXT_COLOUR)
        painter.setFont(small)
        painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
        title = QFont(small)
        title.setPixelSize(16)
        title.setBold(True)
        painter.setFont(title)
        room = max(header.width() - count_width, 20.0)
        name = QFontMetricsF(title).elidedText(self.name, Qt.TextElideMode.ElideRight, room)
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)

    def _paint_grip(self, painter: QPainter) -> None:
        grip = self.grip_rect()
        painter.setPen(QPen(self.colour.darker(150), 1.5))
        for step in (4.0, 8.0, 12.0):
            painter.drawLine(
                QPointF(grip.right() - step, grip.bottom() - 2.0),
                QPointF(grip.right() - 2.0, grip.bottom() - step),
            )

    # -- moving and resizing ---------------------------------------------------------

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            delta = self.pos() - self._last
            self._last = self.pos()
            for card in self.members:
                if not card.isSelected():  # selected cards are moved by the drag itself
                    card.moveBy(delta.x(), delta.y())
        return super().itemChange(change, value)

    def place(self, x: float, y: float) -> None:
        """Put the frame at a stored place without carrying its cards (they have theirs)."""
        self._last = QPointF(x, y)
        self.setPos(x, y)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        on_grip = self.grip_rect().contains(event.pos())
        shape = Qt.CursorShape.SizeFDiagCursor if on_grip else Qt.CursorShape.OpenHandCursor
        self.setCursor(shape)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.grip_rect().contains(event.pos()):
            self._resizing = True
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing:
            width = max(event.pos().x(), frame_width(1))
            height = max(event.pos().y(), frame_height(1))
            self.prepareGeometryChange()
            self.size = QRectF(0.0, 0.0, width, height)
            self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing:
            self._resizing = False
            self.resized.emit(self.theme_id, self.size.width(), self.size.height())
            return
        super().mouseReleaseEvent(event)
