"""The action map, drawn for a projector: Outcome -> Behaviours -> Interventions, read left
to right, one band per KPI, with the themes that fed each behaviour and every gap flagged.

The drawing is laid out to the width of the view, so text stays large and wraps
instead of shrinking; Ctrl+plus and Ctrl+minus make everything larger or smaller.
A card is outlined in amber with a ⚠ when the map rules found a gap in it; its
tooltip says which. The arrow keys (or a presenter's Page Up / Page Down) walk the
behaviours and interventions in reading order; double-clicking a card, or Enter on
the current one, asks to edit it.
"""

from html import escape

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QGraphicsView,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kaizen_studio.domain.enums import CauseKind, InterventionKind
from kaizen_studio.domain.triage import Subject
from kaizen_studio.services.action_map import ActionMap, MapBehaviour, MapIntervention

KIND_COLOURS = {InterventionKind.LEARNING: "#3b7be0", InterventionKind.NON_LEARNING: "#1e9e6a"}
GAP_COLOUR = "#e0a000"  # outlines; text uses a shade that reads on the background
GAP_TEXT = {False: "#9a5800", True: "#f0b429"}
MARGIN, GUTTER, SPACING, PAD, RING = 16.0, 44.0, 12.0, 10.0, 6.0
MIN_WIDTH = 720.0
COLUMNS = ("Outcome (KPI)", "Behaviour that must change", "Interventions")
# Causes in a word each, to keep the theme lines under a behaviour short.
CAUSE_WORDS = {
    CauseKind.KNOWLEDGE_SKILL: "skill",
    CauseKind.PROCESS: "process",
    CauseKind.TOOLS_RESOURCES: "tools",
    CauseKind.INCENTIVES: "incentives",
    CauseKind.EXPECTATIONS_FEEDBACK: "expectations",
    CauseKind.ENVIRONMENT: "environment",
}


class Card(QGraphicsRectItem):
    """A box on the map that stands for a theme, outcome, behaviour or intervention."""

    def __init__(self, subject: Subject | None, key: int | None, view: "ActionMapView") -> None:
        super().__init__()
        self.subject, self.key, self._view = subject, key, view
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, subject is not None)
        self.text = QGraphicsTextItem()
        self.text.setParentItem(self)  # owned by the card (see PITFALLS)
        self.text.setPos(PAD, PAD / 2)

    def fill(self, html: str, width: float, font: QFont, colour: QColor) -> float:
        self.text.setFont(font)
        self.text.setDefaultTextColor(colour)
        self.text.setTextWidth(width - 2 * PAD)
        self.text.setHtml(html)
        height = self.text.boundingRect().height() + PAD
        self.setRect(0, 0, width, height)
        return height

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-RING, -RING, RING, RING)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # The current card gets a thick ring in the highlight colour, seen from the back
        # of the room, instead of Qt's thin dashed outline.
        option.state &= ~QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        super().paint(painter, option, widget)
        if self.isSelected():
            painter.setPen(QPen(self._view.palette().color(QPalette.ColorRole.Highlight), 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.rect().adjusted(-3, -3, 3, 3), 3, 3)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._view.activate(self)
        super().mouseDoubleClickEvent(event)


class ActionMapView(QGraphicsView):
    """`edit_requested(subject, id)` asks the page to open a behaviour, intervention or
    theme in its tab."""

    edit_requested = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionMap")
        self.setAccessibleName("Action map")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.map: ActionMap | None = None
        self.zoom = 1.0
        self.cards: dict[tuple[Subject, int], Card] = {}
        self._stale = False

    # -- public -------------------------------------------------------------------

    def show_map(self, action_map: ActionMap) -> None:
        self.map = action_map
        self.setAccessibleDescription(action_map.outline() or "The map is empty.")
        # Drawn when seen: edits in the other tabs do not wait for a drawing nobody sees.
        self._stale = True
        if self.isVisible():
            self._draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._draw()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, 0.6), 2.5)
        self.resetTransform()
        self.scale(self.zoom, self.zoom)
        self._draw()

    def card(self, subject: Subject, key: int) -> Card | None:
        return self.cards.get((subject, key))

    def activate(self, card: Card) -> None:
        if card.subject is not None and card.key is not None:
            self.edit_requested.emit(card.subject, card.key)

    # -- events -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.map is not None and event.size().width() != event.oldSize().width():
            if self.isVisible():
                self._draw()
            else:
                self._stale = True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.map is not None:
            self._draw()  # light or dark chosen in the View menu

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * (1.1 if event.angleDelta().y() > 0 else 1 / 1.1))
            return
        super().wheelEvent(event)

    def current(self) -> Card | None:
        chosen = [item for item in self.scene().selectedItems() if isinstance(item, Card)]
        return chosen[0] if chosen else None

    def step(self, offset: int) -> Card | None:
        """Make the next (or previous) card in reading order the current one."""
        order = list(self.cards.values())
        if not order:
            return None
        current = self.current()
        index = order.index(current) + offset if current in order else 0
        card = order[min(max(index, 0), len(order) - 1)]
        self.scene().clearSelection()
        card.setSelected(True)
        self.ensureVisible(card, 20, 40)
        return card

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        forward = (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_PageDown)
        backward = (Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_PageUp)
        current = self.current()
        if not control and key in forward + backward:
            self.step(1 if key in forward else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self.activate(current)
        elif control and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self.zoom * 1.15)
        elif control and event.key() == Qt.Key.Key_Minus:
            self.set_zoom(self.zoom / 1.15)
        elif control and event.key() == Qt.Key.Key_0:
            self.set_zoom(1.0)
        else:
            super().keyPressEvent(event)

    # -- drawing ------------------------------------------------------------------

    def _colour(self, role: QPalette.ColorRole) -> QColor:
        return self.palette().color(role)

    def _gap_text(self) -> QColor:
        dark = self._colour(QPalette.ColorRole.Base).lightness() < 128
        return QColor(GAP_TEXT[dark])

    def _font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def _columns(self) -> tuple[float, float, float]:
        width = max(self.viewport().width() / self.zoom, MIN_WIDTH) - 2 * MARGIN - 2 * GUTTER
        return width * 0.22, width * 0.41, width * 0.37

    def _draw(self) -> None:
        scene = self.scene()
        current = self.current()
        kept = (current.subject, current.key) if current is not None else None
        scene.clear()
        self._stale = False
        self.setBackgroundBrush(QBrush(self._colour(QPalette.ColorRole.Window)))
        self.cards = {}
        if self.map is None:
            return
        outcome_w, behaviour_w, intervention_w = self._columns()
        self._xs = (MARGIN, MARGIN + outcome_w + GUTTER,
                    MARGIN + outcome_w + behaviour_w + 2 * GUTTER)  # fmt: skip
        self._widths = (outcome_w, behaviour_w, intervention_w)
        y = self._headers()
        bands: list[tuple[int | None, str, str]] = [
            (o.id, o.kpi, o.target) for o in self.map.outcomes
        ]
        if self.map.behaviours_of(None):
            bands.append((None, "No KPI yet", "These behaviours change nothing measured."))
        placed: set[int] = set()
        for outcome_id, kpi, target in bands:
            y = self._band(outcome_id, kpi, target, y, placed)
        orphans = [i for i in self.map.interventions if i.id not in placed]
        if orphans:
            y = self._orphans(orphans, y)
        if not self.map.outcomes and not self.map.behaviours and not self.map.interventions:
            self._empty(y)
        if kept in self.cards:
            self.cards[kept].setSelected(True)  # type: ignore[index]
        total = max(self.viewport().width() / self.zoom, MIN_WIDTH)
        scene.setSceneRect(QRectF(0, 0, total, scene.itemsBoundingRect().bottom() + MARGIN))

    def _headers(self) -> float:
        colour = self._colour(QPalette.ColorRole.PlaceholderText)
        for x, width, text in zip(self._xs, self._widths, COLUMNS, strict=True):
            item = self.scene().addText(text, self._font(12, bold=True))
            item.setDefaultTextColor(colour)
            item.setTextWidth(width)
            item.setPos(x, MARGIN)
        return MARGIN + 40

    def _card(self, subject: Subject | None, key: int | None) -> Card:
        card = Card(subject, key, self)
        self.scene().addItem(card)
        if subject is not None and key is not None:
            self.cards[(subject, key)] = card
        return card

    def _style(self, card: Card, gaps: list[str], stripe: str | None = None) -> None:
        base = self._colour(QPalette.ColorRole.Base)
        card.setBrush(QBrush(base))
        if gaps:
            card.setPen(QPen(QColor(GAP_COLOUR), 3))
            card.setToolTip("\n".join(gaps))
        else:
            card.setPen(QPen(self._colour(QPalette.ColorRole.Mid), 1.5))
        if stripe:
            bar = QGraphicsRectItem(0, 0, 7, card.rect().height())
            bar.setBrush(QBrush(QColor(stripe)))
            bar.setPen(QPen(Qt.PenStyle.NoPen))
            bar.setParentItem(card)

    def _gaps(self, subject: Subject, key: int) -> list[str]:
        assert self.map is not None
        return [gap.message for gap in self.map.gaps_of(subject, key)]

    def _band(
        self, outcome_id: int | None, kpi: str, target: str, top: float, placed: set[int]
    ) -> float:
        assert self.map is not None
        text = self._colour(QPalette.ColorRole.Text)
        outcome = self._card(None, None)
        html = f"<b>{escape(kpi)}</b><br/><span>{escape(target)}</span>"
        outcome.fill(html, self._widths[0], self._font(15), text)
        self._style(outcome, [] if outcome_id is not None else ["No KPI: " + target])
        outcome.setPos(self._xs[0], top)
        y = top
        for behaviour in self.map.behaviours_of(outcome_id):
            card, bottom = self._behaviour_block(behaviour, y, placed)
            self._connect(outcome, card)
            y = bottom + SPACING
        if not self.map.behaviours_of(outcome_id):
            hint = self.scene().addText("No behaviour yet.", self._font(13))
            hint.setDefaultTextColor(self._gap_text())
            hint.setPos(self._xs[1], top + PAD)
            y = top + hint.boundingRect().height() + 2 * PAD
        bottom = max(y, top + outcome.rect().height() + SPACING)
        line = self.scene().addLine(MARGIN, bottom + 6, self._xs[2] + self._widths[2], bottom + 6,
                                    QPen(self._colour(QPalette.ColorRole.Mid), 1))  # fmt: skip
        line.setZValue(-2)
        return bottom + 20

    def _behaviour_block(
        self, behaviour: MapBehaviour, top: float, placed: set[int]
    ) -> tuple[Card, float]:
        assert self.map is not None
        card = self._card(Subject.BEHAVIOUR, behaviour.id)
        gaps = self._gaps(Subject.BEHAVIOUR, behaviour.id)
        chips, chip_gaps = self._theme_chips(behaviour)
        flag = "⚠ " if gaps else ""
        html = f"{flag}{escape(behaviour.statement)}{chips}"
        colour = self._colour(QPalette.ColorRole.Text)
        card.fill(html, self._widths[1], self._font(14), colour)
        self._style(card, gaps + chip_gaps)
        card.setPos(self._xs[1], top)
        y = top
        for intervention in self.map.serving(behaviour.id):
            if intervention.id in placed:
                other = self.cards.get((Subject.INTERVENTION, intervention.id))
                if other is not None:
                    self._connect(card, other)
                continue
            placed.add(intervention.id)
            other = self._intervention(intervention, y)
            self._connect(card, other)
            y += other.rect().height() + SPACING / 2
        return card, max(top + card.rect().height(), y - SPACING / 2)

    def _theme_chips(self, behaviour: MapBehaviour) -> tuple[str, list[str]]:
        """The themes that fed a behaviour, as coloured squares with their causes."""
        assert self.map is not None
        parts, gaps = [], []
        for theme_id in behaviour.theme_ids:
            theme = self.map.theme(theme_id)
            if theme is None:
                continue
            causes = ", ".join(CAUSE_WORDS[c] for c in theme.causes)
            theme_gaps = self._gaps(Subject.THEME, theme.id)
            gaps += theme_gaps
            flag = "⚠ " if theme_gaps else ""
            why = f" — {escape(causes)}" if causes else ""
            parts.append(
                f"<span style='color:{theme.color}'>■</span> {flag}{escape(theme.name)}"
                f"<span style='color:{self._colour(QPalette.ColorRole.PlaceholderText).name()}'>"
                f"{why}</span>"
            )
        if not parts:
            return "", gaps
        return "<br/><span style='font-size:small'>" + "<br/>".join(parts) + "</span>", gaps

    def _intervention(self, intervention: MapIntervention, top: float) -> Card:
        card = self._card(Subject.INTERVENTION, intervention.id)
        gaps = self._gaps(Subject.INTERVENTION, intervention.id)
        flag = "⚠ " if gaps else ""
        practice = " · practice" if intervention.practice else ""
        owner = f" · {escape(intervention.owner)}" if intervention.owner else ""
        html = (
            f"<b>{flag}{escape(intervention.title)}</b><br/>"
            f"<span style='font-size:small'>{intervention.kind.label} · "
            f"{escape(intervention.format_name)}{practice}{owner}</span>"
        )
        card.fill(html, self._widths[2], self._font(13), self._colour(QPalette.ColorRole.Text))
        card.text.setPos(PAD + 6, PAD / 2)
        self._style(card, gaps, KIND_COLOURS[intervention.kind])
        card.setPos(self._xs[2], top)
        return card

    def _orphans(self, orphans: list[MapIntervention], top: float) -> float:
        note = self.scene().addText("Serving no behaviour", self._font(14, bold=True))
        note.setDefaultTextColor(self._gap_text())
        note.setTextWidth(self._widths[1])
        note.setPos(self._xs[1], top)
        y = top
        for intervention in orphans:
            card = self._intervention(intervention, y)
            y += card.rect().height() + SPACING / 2
        return y + SPACING

    def _connect(self, left: Card, right: Card) -> None:
        start = left.mapToScene(QPointF(left.rect().right(), min(left.rect().height() / 2, 28)))
        end = right.mapToScene(QPointF(0, min(right.rect().height() / 2, 28)))
        path = QPainterPath(start)
        middle = (start.x() + end.x()) / 2
        path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
        item = QGraphicsPathItem(path)
        item.setPen(QPen(self._colour(QPalette.ColorRole.PlaceholderText), 2))
        item.setZValue(-1)
        self.scene().addItem(item)

    def _empty(self, top: float) -> None:
        item = self.scene().addText(
            "Nothing on the map yet: add outcomes on the Intent page, then behaviours and "
            "interventions in the tabs above.",
            self._font(14),
        )
        item.setDefaultTextColor(self._colour(QPalette.ColorRole.PlaceholderText))
        item.setTextWidth(self._widths[1] + self._widths[2])
        item.setPos(MARGIN, top)
