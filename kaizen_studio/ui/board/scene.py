"""The board scene: shows a services.board.Board and reports what the facilitator dragged.

The scene holds no rules: after a drag it emits `moved(notes, frames, into)` with
where things were let go, the page asks the themes service to make the move,
and the board that comes back is shown again (snapped onto frame grids).
"""

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from kaizen_studio.domain.board import Point
from kaizen_studio.services.board import Board, Card
from kaizen_studio.services.themes import KEEP
from kaizen_studio.ui.board.card_item import CARD_Z, DRAG_Z, UNSORTED_COLOUR, CardItem
from kaizen_studio.ui.board.frame_item import FrameItem

MARGIN = 400.0  # room around the board to drag things into


class BoardScene(QGraphicsScene):
    # notes {id: Point}, frames {id: Point}, into: theme id, None (unsorted) or KEEP
    moved = Signal(object, object, object)
    resized = Signal(int, float, float)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.cards: dict[int, CardItem] = {}
        self.frames: dict[int, FrameItem] = {}
        self.board: Board | None = None
        self.dark = False
        self._pressed: dict[QGraphicsItem, QPointF] = {}
        self._target: FrameItem | None = None

    # -- showing a board ---------------------------------------------------------------

    def show_board(self, board: Board) -> None:
        """Bring the items in line with `board`: add, update or remove only what differs."""
        self.board = board
        colours = {frame.id: QColor(frame.color) for frame in board.frames}
        self._show_frames(board)
        under: dict[int, list[Card]] = {}
        for card in board.cards:
            if card.stacked_on_id is not None:
                under.setdefault(card.stacked_on_id, []).append(card)
        shown = {card.id for card in board.cards if card.stacked_on_id is None}
        for gone in set(self.cards) - shown:
            self.removeItem(self.cards.pop(gone))
        for frame in self.frames.values():
            frame.members = []
        for card in board.cards:
            if card.stacked_on_id is None:
                self._show_card(card, colours, under.get(card.id, []))
        self._fit_scene_rect()

    def _show_frames(self, board: Board) -> None:
        wanted = {frame.id for frame in board.frames}
        for gone in set(self.frames) - wanted:
            self.removeItem(self.frames.pop(gone))
        for frame in board.frames:
            item = self.frames.get(frame.id)
            if item is None:
                item = FrameItem(frame.id)
                item.resized.connect(self.resized.emit)
                self.frames[frame.id] = item
                self.addItem(item)
            item.dark = self.dark
            rect = frame.rect
            item.show_theme(
                frame.name, QColor(frame.color), frame.locked, frame.notes, rect.width, rect.height
            )
            if (item.pos().x(), item.pos().y()) != (rect.x, rect.y):
                item.place(rect.x, rect.y)

    def _show_card(self, card: Card, colours: dict[int, QColor], under: list[Card]) -> None:
        item = self.cards.get(card.id)
        if item is None:
            item = CardItem(card.id)
            self.cards[card.id] = item
            self.addItem(item)
        colour = colours.get(card.theme_id, UNSORTED_COLOUR) if card.theme_id else UNSORTED_COLOUR
        tooltip = card.text if not under else "\n\n".join([card.text] + [u.text for u in under])
        item.show_note(card.text, card.theme_id, colour, len(under), tooltip)
        if (item.pos().x(), item.pos().y()) != (card.x, card.y):
            item.setPos(card.x, card.y)
        if card.theme_id is not None and card.theme_id in self.frames:
            self.frames[card.theme_id].members.append(item)

    def _fit_scene_rect(self) -> None:
        rects = [f.scene_frame() for f in self.frames.values()]
        if self.cards:
            xs = [item.pos().x() for item in self.cards.values()]
            ys = [item.pos().y() for item in self.cards.values()]
            rects.append(QRectF(min(xs), min(ys), max(xs) - min(xs) + 200, max(ys) - min(ys) + 140))
        box = QRectF()
        for rect in rects:
            box = box.united(rect)
        self.setSceneRect(box.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def content_rect(self) -> QRectF:
        return self.sceneRect().adjusted(MARGIN - 40, MARGIN - 40, 40 - MARGIN, 40 - MARGIN)

    # -- what is selected --------------------------------------------------------------

    def selected_note_ids(self) -> list[int]:
        return [i.note_id for i in self.selectedItems() if isinstance(i, CardItem)]

    def selected_theme_ids(self) -> list[int]:
        """Themes chosen: frames selected, in the order they sit on the board."""
        frames = [i for i in self.selectedItems() if isinstance(i, FrameItem)]
        frames.sort(key=lambda f: (f.pos().y(), f.pos().x()))
        return [f.theme_id for f in frames]

    def frame_at(self, point: QPointF) -> FrameItem | None:
        """The topmost frame under a point of the board."""
        hits = [f for f in self.frames.values() if f.scene_frame().contains(point)]
        return max(hits, key=lambda f: f.zValue(), default=None)

    def select_only(self, items: list[QGraphicsItem]) -> None:
        self.clearSelection()
        for item in items:
            item.setSelected(True)

    def highlight(self, query: str) -> list[CardItem]:
        """Mark cards whose note (or a note stacked under it) holds `query`; dim the rest."""
        words = query.casefold().split()
        matches = []
        for item in self.cards.values():
            hit = bool(words) and all(w in item.toolTip().casefold() for w in words)
            item.set_matched(hit)
            item.setOpacity(0.3 if words and not hit else 1.0)
            if hit:
                matches.append(item)
        matches.sort(key=lambda i: (i.pos().y(), i.pos().x()))
        return matches

    # -- dragging ----------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._pressed = {}
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = {item: item.pos() for item in self.selectedItems()}
            for item in self._pressed:
                if isinstance(item, CardItem):
                    item.setZValue(DRAG_Z)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._pressed and not any(isinstance(i, FrameItem) for i in self._pressed):
            target = self.frame_at(event.scenePos())
            if target is not self._target:
                if self._target is not None:
                    self._target.set_drop_target(False)
                if target is not None:
                    target.set_drop_target(True)
                self._target = target

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, {}
        if self._target is not None:
            self._target.set_drop_target(False)
            self._target = None
        for item in pressed:
            if isinstance(item, CardItem):
                item.setZValue(CARD_Z)
        moved = [item for item, start in pressed.items() if item.pos() != start]
        if moved:
            self._report_move(moved, event.scenePos())

    def _report_move(self, moved: list[QGraphicsItem], pointer: QPointF) -> None:
        frames = {
            i.theme_id: Point(i.pos().x(), i.pos().y()) for i in moved if isinstance(i, FrameItem)
        }
        notes = {
            i.note_id: Point(i.pos().x(), i.pos().y()) for i in moved if isinstance(i, CardItem)
        }
        if frames:
            into: object = KEEP
        else:
            target = self.frame_at(pointer)
            into = None if target is None else target.theme_id
        self.moved.emit(notes, frames, into)
