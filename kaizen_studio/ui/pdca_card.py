"""How one cycle looks on the board: a card painted by a delegate, and the same in words.

The words (`card_sentence`) are what screen readers and tooltips get.
"""

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kaizen_studio.domain.enums import Decision, Phase
from kaizen_studio.domain.pdca import Trend, describe_due
from kaizen_studio.services.cycle_board import CycleCard

PHASE_COLOURS = {
    Phase.PLAN: "#5b8def",
    Phase.DO: "#e3a21a",
    Phase.CHECK: "#9b6bd3",
    Phase.ACT: "#2e9d6a",
}
DECISION_WORDS = {
    Decision.STANDARDISE: "Standardised",
    Decision.ADJUST: "Adjusted: cycle {next} opened",
    Decision.ABANDON: "Abandoned",
}
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 8
GAP = 1
BADGE_ROOM = 26  # room kept on the right for the "C2" badge and the trend line
SPARK_WIDTH = 40


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def warning_colour(palette: QPalette) -> QColor:
    return QColor("#ff8a80") if is_dark(palette) else QColor("#c62828")


def good_colour(palette: QPalette) -> QColor:
    return QColor("#6fd39b") if is_dark(palette) else QColor("#1b7a47")


def number(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"


def check_line(card: CycleCard, today: date) -> str:
    if card.decision is not None:
        return DECISION_WORDS[card.decision].format(next=card.number + 1)
    parts = []
    if card.next_check is not None:
        check = card.next_check
        when = describe_due(check.due_on, today)
        parts.append(f"{check.label} {when}")
    elif card.phase is Phase.PLAN:
        parts.append("Checks are set when Do starts")
    if card.overdue_actions:
        parts.append(f"{card.overdue_actions} action{'s' if card.overdue_actions > 1 else ''} late")
    elif card.open_actions and not parts:
        parts.append(f"{card.open_actions} open action{'s' if card.open_actions > 1 else ''}")
    return " · ".join(parts) or "No open checks"


def kpi_line(card: CycleCard) -> str:
    """The KPI in words: "Repeat contacts: 27.8 % ▼ · target 25"."""
    if not card.kpi:
        return "No measure chosen yet"
    return f"{card.kpi}: {kpi_value(card)}"


def kpi_value(card: CycleCard) -> str:
    """ "27.8 % ▼ · target 25": the latest reading, its trend, the cycle's target."""
    if not card.kpi:
        return ""
    latest = card.readings[-1] if card.readings else None
    unit = f" {card.unit}" if card.unit else ""
    arrow = f" {rise_or_fall(card.readings)}" if card.trend is not Trend.UNKNOWN else ""
    target = f" · target {number(card.target)}" if card.target is not None else ""
    return f"{number(latest)}{unit}{arrow}{target}"


def rise_or_fall(readings: tuple[float, ...]) -> str:
    """The arrow shows where the number went; the colour says whether that is good."""
    if len(readings) < 2 or readings[-1] == readings[-2]:
        return "▶"
    return "▲" if readings[-1] > readings[-2] else "▼"


def card_sentence(card: CycleCard, today: date) -> str:
    """The card in words, for tooltips and screen readers."""
    owner = f", owner {card.owner}" if card.owner else ""
    trend = "" if card.trend is Trend.UNKNOWN else f", trend {card.trend.value}"
    overdue = ". Overdue" if card.overdue else ""
    return (
        f"{card.intervention}, cycle {card.number}, {card.phase.label}{owner}. "
        f"{check_line(card, today)}. {kpi_line(card)}{trend}{overdue}."
    )


def wrap_lines(text: str, font: QFont, width: int, most: int) -> list[str]:
    """Word-wrap `text` to `width` pixels; past `most` lines the rest is elided into the last."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while len(lines) < most:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    consumed = sum(len(line) for line in lines)
    if lines and consumed < len(text):
        rest = lines[-1] + text[consumed:]
        lines[-1] = QFontMetrics(font).elidedText(rest.strip(), Qt.TextElideMode.ElideRight, width)
    return [line.rstrip() for line in lines]


class CardDelegate(QStyledItemDelegate):
    """Paints a card: phase stripe, title, owner with a small trend line, next check, KPI.

    Text wraps (up to two lines a block), so cards grow rather than cut words off.
    """

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today  # from the app's clock, set by the board on refresh

    # -- layout -------------------------------------------------------------------

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = option.rect.width()  # type: ignore[attr-defined]
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width() - 2 * 4  # the list's spacing
        return max(width - 4 - 2 * PADDING - 6, 60)

    def _blocks(self, card: CycleCard, font: QFont) -> list[tuple[str, QFont, int, int]]:
        """(text, font, most lines, room kept on the right) from top to bottom."""
        bold = QFont(font)
        bold.setBold(True)
        check = ("⚠ " if card.overdue else "") + check_line(card, self.today)
        owner = f"{card.owner or 'No owner'} · {card.kind.label}"
        spark = SPARK_WIDTH + 4 if len(card.readings) >= 2 else 0
        return [(card.intervention, bold, 2, BADGE_ROOM), (owner, font, 1, 0),
                (check, font, 3, 0), (kpi_value(card), font, 1, spark),
                (card.kpi or "No measure yet", font, 1, 0)]  # fmt: skip

    def _fit(self, text: str, font: QFont, width: int, lines: int) -> tuple[list[str], int]:
        """The text wrapped into at most `lines` lines (the last one elided), and its height."""
        shown = wrap_lines(text, font, width, lines)
        return shown, max(len(shown), 1) * QFontMetrics(font).lineSpacing()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        card = index.data(CARD_ROLE)
        if not isinstance(card, CycleCard):
            return QSize(160, 40)
        width = self._text_width(option)
        font: QFont = option.font  # type: ignore[attr-defined]
        height = sum(
            self._fit(text, f, width - room, n)[1] for text, f, n, room in self._blocks(card, font)
        )
        return QSize(160, height + 2 * PADDING + 4 + 3 * GAP)

    # -- painting -----------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, CycleCard):
            return
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_frame(painter, rect, palette, card, selected, focused)
        self._paint_text(painter, rect, palette, option.font, card)  # type: ignore[attr-defined]
        painter.restore()

    def _paint_frame(
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        card: CycleCard,
        selected: bool,
        focused: bool,
    ) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        border = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2.5 if selected else 1))
        background = palette.color(QPalette.ColorRole.Base)
        if card.decision is not None:
            background = palette.color(QPalette.ColorRole.AlternateBase)
        painter.fillPath(path, background)
        painter.drawPath(path)
        stripe = warning_colour(palette) if card.overdue else QColor(PHASE_COLOURS[card.phase])
        painter.fillRect(QRect(rect.left() + 1, rect.top() + 6, 5, rect.height() - 12), stripe)
        if focused and not selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 4, 4)

    def _paint_text(
        self, painter: QPainter, rect: QRect, palette: QPalette, font: QFont, card: CycleCard
    ) -> None:
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        trend_colours = {Trend.BETTER: good_colour(palette), Trend.WORSE: warning_colour(palette)}
        colours = [
            text_colour,
            muted,
            warning_colour(palette) if card.overdue else text_colour,
            trend_colours.get(card.trend, text_colour),
            muted,
        ]
        left = rect.left() + PADDING + 6
        width = rect.width() - 2 * PADDING - 6
        top = rect.top() + PADDING
        for number_, ((text, block_font, lines, room), colour) in enumerate(
            zip(self._blocks(card, font), colours, strict=True)
        ):
            shown, height = self._fit(text, block_font, width - room, lines)
            painter.setFont(block_font)
            painter.setPen(colour)
            spacing = QFontMetrics(block_font).lineSpacing()
            for row, line in enumerate(shown):
                painter.drawText(
                    QRect(left, top + row * spacing, width - room, spacing),
                    Qt.AlignmentFlag.AlignLeft,
                    line,
                )
            if number_ == 0:
                painter.setPen(muted)
                painter.drawText(
                    QRect(left, top, width, QFontMetrics(block_font).lineSpacing()),
                    Qt.AlignmentFlag.AlignRight, f"C{card.number}",
                )  # fmt: skip
            if number_ == 3 and len(card.readings) >= 2:
                box = QRect(left + width - SPARK_WIDTH, top + 2, SPARK_WIDTH, height - 4)
                painter.setPen(colours[3])
                self._paint_sparkline(painter, box, card.readings)
            top += height + GAP

    def _paint_sparkline(self, painter: QPainter, box: QRect, values: tuple[float, ...]) -> None:
        low, high = min(values), max(values)
        span = (high - low) or 1.0
        step = box.width() / (len(values) - 1)
        points = [
            QPointF(box.left() + i * step, box.bottom() - (v - low) / span * box.height())
            for i, v in enumerate(values)
        ]
        pen = painter.pen()
        pen.setWidthF(1.6)
        painter.setPen(pen)
        painter.drawPolyline(points)
