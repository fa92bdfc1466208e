"""Dot-voting results as a ranked list of bars: most dots on top, each bar in its theme's colour."""

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_HEIGHT = 30
NAME_SHARE = 0.5  # of the width, for theme names
PADDING = 8


@dataclass(frozen=True)
class Bar:
    name: str
    color: str
    votes: int


def ranked_bars(bars: list[Bar]) -> list[Bar]:
    """Most dots first; equal totals keep the order they came in (board order)."""
    return sorted(bars, key=lambda bar: -bar.votes)


class VoteBars(QWidget):
    """Paints one row per theme: name, a bar as long as its share of the most dots, the count.

    While `hidden` is set (the room is still voting) it says so instead of
    showing totals, so early dots do not sway later voters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voteResults")
        self.setAccessibleName("Vote results")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._bars: list[Bar] = []
        self._hidden = False

    def set_results(self, bars: list[Bar]) -> None:
        self._bars = ranked_bars(bars)
        self._describe()
        self.updateGeometry()
        self.update()

    def set_hidden(self, hidden: bool) -> None:
        self._hidden = hidden
        self._describe()
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        """What is shown, top to bottom (empty while hidden)."""
        return [] if self._hidden else list(self._bars)

    def _describe(self) -> None:
        # Screen readers read the results as a sentence.
        if self._hidden:
            text = "Results are hidden while the room votes."
        elif not self._bars:
            text = "No themes yet."
        else:
            text = "; ".join(f"{bar.name}: {bar.votes}" for bar in self._bars)
        self.setAccessibleDescription(text)
        self.setToolTip("" if self._hidden else text.replace("; ", "\n"))

    def sizeHint(self) -> QSize:
        rows = 1 if self._hidden or not self._bars else len(self._bars)
        return QSize(320, rows * ROW_HEIGHT + 2 * PADDING)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        if self._hidden or not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            message = (
                "Results are hidden while the room votes."
                if self._hidden
                else "No themes to vote on yet."
            )
            painter.drawText(
                self.rect().adjusted(PADDING, PADDING, -PADDING, -PADDING),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                message,
            )
            return
        most = max(bar.votes for bar in self._bars) or 1
        metrics = QFontMetrics(self.font())
        width = self.width() - 2 * PADDING
        name_width = int(width * NAME_SHARE)
        count_width = metrics.horizontalAdvance("000") + PADDING
        bar_space = max(width - name_width - count_width - PADDING, 10)
        track = palette.color(QPalette.ColorRole.Midlight)
        for row, bar in enumerate(self._bars):
            top = PADDING + row * ROW_HEIGHT
            name = metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight, name_width - 6)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(PADDING, top, name_width, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                name,
            )
            left = PADDING + name_width
            body = QRectF(left, top + 7, bar_space, ROW_HEIGHT - 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(body, 4, 4)
            if bar.votes:
                painter.setBrush(QColor(bar.color))
                filled = QRectF(
                    body.left(), body.top(), bar_space * bar.votes / most, body.height()
                )
                painter.drawRoundedRect(filled, 4, 4)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(left + bar_space + PADDING, top, count_width, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(bar.votes),
            )
