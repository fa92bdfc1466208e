"""The priority matrix: a 2x2 chart of impact against frequency or effort, drawn with QPainter.

Themes are labelled points sized by their dots. Hovering shows a theme's
details, a click makes it the current theme, a double click (or Space on
the current theme) sends it on to mapping or back. Arrow keys move between
themes, so the chart works without a mouse. Which quadrant is which comes
from domain.voting; this module only draws.
"""

import math

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kaizen_studio.domain.rules import FREQUENCY_WORDS, RATING_WORDS
from kaizen_studio.domain.voting import Axis, Quadrant, quadrant, quadrant_at
from kaizen_studio.services.ranking import RankedTheme
from kaizen_studio.ui.matrix_layout import Spot, nearest_point, place_label, radius, separate

MARGIN_LEFT = 58
MARGIN_BOTTOM = 58
MARGIN_TOP = 14
MARGIN_RIGHT = 18
LABEL_CHARS = 32
MAX_LABELS = 12
QUADRANT_TINTS = {
    Quadrant.ACT_NOW: QColor(232, 93, 74, 38),
    Quadrant.PLAN: QColor(66, 133, 244, 34),
    Quadrant.QUICK_WINS: QColor(52, 168, 83, 34),
    Quadrant.WATCH: QColor(128, 128, 128, 26),
}


def across_value(theme: RankedTheme, axis: Axis) -> float | None:
    if axis is Axis.FREQUENCY:
        return theme.frequency
    return None if theme.effort is None else float(theme.effort)


def _same_side(
    value: float, home: float, middle: float, bounds: tuple[float, float], rising: bool
) -> float:
    """A pushed coordinate kept on its home's side of the dividing line, and in the plot,
    so the quadrant a point is drawn in is the quadrant it is named in. A rating on the
    line counts as low (domain.voting); `rising` says screen values grow with the rating."""
    high = home > middle if rising else home < middle
    if high:
        value = max(value, middle + 1) if rising else min(value, middle - 1)
    else:
        value = min(value, middle) if rising else max(value, middle)
    return min(max(value, bounds[0] + 2), bounds[1] - 2)


class PriorityMatrix(QWidget):
    theme_clicked = Signal(int)
    mapping_toggled = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("priorityMatrix")
        self.setAccessibleName("Priority matrix")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(420, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.axis = Axis.FREQUENCY
        self._themes: list[RankedTheme] = []
        self._current: int | None = None
        self._positions: dict[int, QPointF] | None = None

    # -- data -------------------------------------------------------------------

    def set_themes(self, themes: list[RankedTheme], axis: Axis) -> None:
        self.axis = axis
        self._themes = [theme for theme in themes if across_value(theme, axis) is not None]
        self._positions = None
        if self._current not in {theme.id for theme in self._themes}:
            self._current = None
        self._describe()
        self.update()

    def shown(self) -> list[RankedTheme]:
        """The themes on the chart, best first."""
        return list(self._themes)

    def current(self) -> int | None:
        return self._current

    def set_current(self, theme_id: int | None) -> None:
        if theme_id != self._current:
            self._current = theme_id
            self.update()

    def _describe(self) -> None:
        by_quadrant: dict[Quadrant, list[str]] = {q: [] for q in Quadrant}
        for theme in self._themes:
            by_quadrant[self.quadrant_of(theme)].append(theme.name)
        parts = [f"{q.label}: {', '.join(names)}" for q, names in by_quadrant.items() if names]
        self.setAccessibleDescription(
            f"Impact against {self.axis.value}. " + ". ".join(parts) if parts else "No themes."
        )

    def quadrant_of(self, theme: RankedTheme) -> Quadrant:
        value = across_value(theme, self.axis)
        assert value is not None
        return quadrant(theme.impact, value, self.axis)

    # -- geometry -----------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(self.width() - MARGIN_LEFT - MARGIN_RIGHT, 10),
            max(self.height() - MARGIN_TOP - MARGIN_BOTTOM, 10),
        )

    def to_screen(self, across: float, impact: float) -> QPointF:
        """1-5 on both scales, with a little room at the ends for the points."""
        plot = self.plot_rect()
        x = plot.left() + plot.width() * (across - 0.5) / 5
        y = plot.bottom() - plot.height() * (impact - 0.5) / 5
        return QPointF(x, y)

    def positions(self) -> dict[int, QPointF]:
        """Where each theme's point is drawn, by theme id (worked out once per size and data)."""
        if self._positions is None:
            spots: dict[int, Spot] = {}
            for theme in self._themes:
                value = across_value(theme, self.axis)
                assert value is not None
                point = self.to_screen(value, theme.impact)
                spots[theme.id] = (point.x(), point.y())
            radii = {theme.id: radius(theme.votes) for theme in self._themes}
            plot, middle = self.plot_rect(), self.to_screen(3, 3)

            def settle(point: Spot, home: Spot) -> Spot:
                return (
                    _same_side(point[0], home[0], middle.x(), (plot.left(), plot.right()), True),
                    _same_side(point[1], home[1], middle.y(), (plot.top(), plot.bottom()), False),
                )

            self._positions = {
                key: QPointF(x, y) for key, (x, y) in separate(spots, radii, settle=settle).items()
            }
        return self._positions

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._positions = None
        super().resizeEvent(event)

    def theme_at(self, point: QPointF) -> RankedTheme | None:
        """The theme whose point is under `point`; the smallest wins where they overlap."""
        positions = self.positions()
        hits = [
            theme
            for theme in self._themes
            if math.dist((point.x(), point.y()), (positions[theme.id].x(), positions[theme.id].y()))
            <= radius(theme.votes) + 3
        ]
        return min(hits, key=lambda theme: theme.votes, default=None)

    def details(self, theme: RankedTheme) -> str:
        """What hovering over a point tells."""
        effort = "not rated" if theme.effort is None else f"{theme.effort} of 5"
        marks = {True: " (set by you)", False: ""}
        lines = [
            theme.name,
            f"Rank {theme.rank}, score {theme.score:.2f}, {theme.votes} dots",
            f"Impact {theme.impact:.1f}{marks[theme.impact_overridden]}",
            f"Frequency {theme.frequency:.1f}{marks[theme.frequency_overridden]}",
            f"Effort {effort}",
            f"Quadrant: {self.quadrant_of(theme).label}",
            "Goes on to mapping" if theme.selected else "Not chosen for mapping",
        ]
        return "\n".join(lines)

    def labelled(self) -> list[RankedTheme]:
        """Themes named on the chart, best first: on a crowded chart the top ones, those
        going on to mapping and the current one; the others tell their name on hover."""
        return [
            theme
            for theme in self._themes
            if theme.rank <= MAX_LABELS or theme.selected or theme.id == self._current
        ]

    def sizeHint(self) -> QSize:
        return QSize(720, 520)

    # -- input --------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        theme = self.theme_at(event.position())
        if theme is None:
            QToolTip.hideText()
            self.unsetCursor()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.details(theme), self)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        theme = self.theme_at(event.position())
        if theme is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_current(theme.id)
            self.theme_clicked.emit(theme.id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        theme = self.theme_at(event.position())
        if theme is not None:
            self.mapping_toggled.emit(theme.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
        }
        if key in steps and self._themes:
            ids = [theme.id for theme in self._themes]
            index = ids.index(self._current) + steps[key] if self._current in ids else 0
            self.set_current(ids[index % len(ids)])
            self.theme_clicked.emit(ids[index % len(ids)])
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._current is not None:
                self.mapping_toggled.emit(self._current)
        else:
            super().keyPressEvent(event)

    # -- painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_quadrants(painter)
        self._paint_axes(painter)
        if not self._themes:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.plot_rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                "No themes to place yet.",
            )
        else:
            self._paint_points(painter)
        if self.hasFocus():
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)

    def _paint_quadrants(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        middle = self.to_screen(3, 3)
        palette = self.palette()
        painter.fillRect(plot, palette.color(QPalette.ColorRole.Base))
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.25)
        title_font.setBold(True)
        painter.setFont(title_font)
        for high_impact in (True, False):
            for high_across in (True, False):
                cell = QRectF(
                    QPointF(
                        middle.x() if high_across else plot.left(),
                        plot.top() if high_impact else middle.y(),
                    ),
                    QPointF(
                        plot.right() if high_across else middle.x(),
                        middle.y() if high_impact else plot.bottom(),
                    ),
                )
                which = quadrant_at(high_impact, high_across, self.axis)
                painter.fillRect(cell, QUADRANT_TINTS[which])
                align = (
                    Qt.AlignmentFlag.AlignTop if high_impact else Qt.AlignmentFlag.AlignBottom
                ) | (Qt.AlignmentFlag.AlignRight if high_across else Qt.AlignmentFlag.AlignLeft)
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(cell.adjusted(10, 6, -10, -6), align, which.label.capitalize())
        painter.setFont(self.font())
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.5))
        painter.drawLine(QPointF(middle.x(), plot.top()), QPointF(middle.x(), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), middle.y()), QPointF(plot.right(), middle.y()))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)

    def _paint_axes(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        metrics = QFontMetrics(self.font())
        for value in range(1, 6):
            across = self.to_screen(value, 1)
            painter.drawText(
                QRectF(across.x() - 20, plot.bottom() + 4, 40, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                str(value),
            )
            up = self.to_screen(1, value)
            painter.drawText(
                QRectF(plot.left() - 30, up.y() - metrics.height() / 2, 22, metrics.height()),
                Qt.AlignmentFlag.AlignRight,
                str(value),
            )
        words = FREQUENCY_WORDS if self.axis is Axis.FREQUENCY else RATING_WORDS
        low, high = words[1], words[5]
        title = f"{self.axis.label}  ({low} → {high})"
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 8 + metrics.height(), plot.width(), 24),
            Qt.AlignmentFlag.AlignHCenter,
            title,
        )
        painter.save()
        painter.translate(14, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-plot.height() / 2, -10, plot.height(), 22),
            Qt.AlignmentFlag.AlignHCenter,
            f"Impact  ({RATING_WORDS[1]} → {RATING_WORDS[5]})",
        )
        painter.restore()

    def _paint_points(self, painter: QPainter) -> None:
        palette = self.palette()
        positions = self.positions()
        points: list[QRectF] = []
        outline = palette.color(QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        # Biggest first, so small points stay visible on top.
        for theme in sorted(self._themes, key=lambda t: -t.votes):
            centre = positions[theme.id]
            size = radius(theme.votes)
            painter.setBrush(QColor(theme.color))
            painter.setPen(QPen(accent, 4) if theme.selected else QPen(outline, 1))
            painter.drawEllipse(centre, size, size)
            if theme.votes:
                painter.setPen(QColor("#1d2330"))
                painter.drawText(
                    QRectF(centre.x() - size, centre.y() - size, 2 * size, 2 * size),
                    Qt.AlignmentFlag.AlignCenter,
                    str(theme.votes),
                )
            if theme.id == self._current:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
                painter.drawEllipse(centre, size + 6, size + 6)
            points.append(QRectF(centre.x() - size, centre.y() - size, 2 * size, 2 * size))
        labels: list[QRectF] = []
        for theme in self.labelled():
            self._paint_label(painter, theme, positions[theme.id], labels, points)

    def _paint_label(
        self,
        painter: QPainter,
        theme: RankedTheme,
        centre: QPointF,
        taken: list[QRectF],
        points: list[QRectF],
    ) -> None:
        """Beside its point, where it covers the least of the other points and labels."""
        text = theme.name if len(theme.name) <= LABEL_CHARS else theme.name[: LABEL_CHARS - 1] + "…"
        font = QFont(self.font())
        font.setBold(theme.selected)  # chosen for mapping
        metrics = QFontMetrics(font)
        size = QSizeF(metrics.horizontalAdvance(text) + 8, metrics.height() + 2)
        clearance = radius(theme.votes) + 4
        chosen = place_label(centre, clearance, size, self.plot_rect(), taken, points)
        nearest = nearest_point(chosen, centre)
        if (
            math.dist((nearest.x(), nearest.y()), (centre.x(), centre.y()))
            > radius(theme.votes) + 10
        ):
            # Pushed away from its point: a thin line says whose label it is.
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
            painter.drawLine(centre, nearest)
        taken.append(chosen)
        palette = self.palette()
        backdrop = palette.color(QPalette.ColorRole.Base)
        backdrop.setAlpha(200)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(backdrop)
        painter.drawRoundedRect(chosen, 3, 3)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(chosen, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())
