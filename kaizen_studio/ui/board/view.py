"""The view onto the board: zoom (Ctrl+wheel), pan (scroll bars, middle button, or drag
with Space held), fit, rubber-band selection, and the arrow keys between cards and theme
names (Shift adds to the selection)."""

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from kaizen_studio.ui.board.card_item import CardItem
from kaizen_studio.ui.board.frame_item import FrameItem
from kaizen_studio.ui.board.scene import BoardScene

MIN_ZOOM = 0.1
MAX_ZOOM = 3.0
STEP = 1.2
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class BoardView(QGraphicsView):
    """Shows a BoardScene; `zoom_changed(percent)` after every zoom."""

    zoom_changed = Signal(int)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board_scene = scene
        self.setObjectName("boardView")
        self.setAccessibleName("Affinity board")
        self.setAccessibleDescription(
            "Notes as cards and themes as frames. Arrow keys move between cards, "
            "Shift+arrow adds to the selection, Ctrl+M moves the selected cards to a theme."
        )
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panning: QPointF | None = None

    # -- zoom --------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        scale = factor / self.zoom()
        if abs(scale - 1.0) > 1e-6:
            self.scale(scale, scale)
        self.zoom_changed.emit(round(self.zoom() * 100))

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / STEP)

    def fit_all(self, *, most: float = 1.0, least: float = MIN_ZOOM) -> None:
        """Show the whole board (at no more than `most`, and no less than `least`, zoom)."""
        box = self.board_scene.content_rect()
        if box.isEmpty():
            return
        view = self.viewport().rect()
        factor = min(view.width() / box.width(), view.height() / box.height())
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.set_zoom(min(max(factor, least), most))
        self.setTransformationAnchor(anchor)
        if factor >= least:
            self.centerOn(box.center())
        else:
            self.centerOn(box.left() + view.width() / 2 / self.zoom(), box.center().y())
            self.ensureVisible(QRectF(box.topLeft(), box.topLeft()), 20, 20)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom() * (STEP**steps))
            event.accept()
            return
        super().wheelEvent(event)

    # -- pan with the middle button -------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._panning = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            delta = event.position() - self._panning
            self._panning = event.position()
            horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
            horizontal.setValue(horizontal.value() - round(delta.x()))
            vertical.setValue(vertical.value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._panning = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- the keyboard ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.setInteractive(False)  # while Space is held, a drag pans the board
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        direction = ARROWS.get(Qt.Key(event.key()))
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        extend = modifiers == Qt.KeyboardModifier.ShiftModifier
        if direction is not None and (modifiers == Qt.KeyboardModifier.NoModifier or extend):
            self.step(*direction, extend=extend)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.setInteractive(True)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def current_item(self) -> QGraphicsItem | None:
        focus = self.board_scene.focusItem()
        if isinstance(focus, CardItem | FrameItem):
            return focus
        selected = self.board_scene.selectedItems()
        return selected[-1] if selected else None

    def step(self, dx: int, dy: int, *, extend: bool = False) -> None:
        """Go to the nearest card or frame name in a direction (the first if none is current)."""
        cards: list[QGraphicsItem] = [*self.board_scene.cards.values()]
        frames: list[QGraphicsItem] = [*self.board_scene.frames.values()]
        current = self.current_item()
        if current is None:
            first = cards or frames
            if first:
                self.go_to(min(first, key=lambda i: (_anchor(i).y(), _anchor(i).x())))
            return
        # Left and right on a frame's name go from theme to theme; up and down (and any
        # key on a card) go to whatever is nearest, card or frame.
        along_frames = isinstance(current, FrameItem) and dx != 0
        items = frames if along_frames else cards + frames
        self.go_to(_nearest(current, items, dx, dy) or current, extend=extend)

    def go_to(self, item: QGraphicsItem, *, extend: bool = False) -> None:
        if not extend:
            self.board_scene.clearSelection()
        item.setSelected(True)
        self.board_scene.setFocusItem(item)
        self.ensureVisible(item.sceneBoundingRect(), 40, 40)


def _anchor(item: QGraphicsItem) -> QPointF:
    """Where an item is for the arrow keys: a card's middle, a frame's name band."""
    if isinstance(item, FrameItem):
        return item.pos() + item.header_rect().center()
    return item.sceneBoundingRect().center()


def _nearest(
    current: QGraphicsItem, items: list[QGraphicsItem], dx: int, dy: int
) -> QGraphicsItem | None:
    """The item nearest to `current` in direction (dx, dy), preferring ones in line with it."""
    origin = _anchor(current)
    best: tuple[float, QGraphicsItem] | None = None
    for item in items:
        if item is current:
            continue
        offset = _anchor(item) - origin
        along = offset.x() * dx + offset.y() * dy
        across = abs(offset.x() * dy) + abs(offset.y() * dx)
        if along <= 1.0:
            continue
        score = along + 2.5 * across
        if best is None or score < best[0]:
            best = (score, item)
    return None if best is None else best[1]
