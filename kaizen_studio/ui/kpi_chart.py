"""A KPI over time, drawn with QPainter: baseline, target line and every reading.

Readings taken at a check are filled dots; readings from elsewhere (a monthly
report) are hollow. The chart describes itself in words for screen readers.
"""

import math
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kaizen_studio.services.kpi_series import KpiSeries
from kaizen_studio.ui.pdca_card import good_colour, is_dark, number

MARGINS = (56, 14, 16, 34)  # left, top, right, bottom


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round values (1, 2 or 5 times a power of ten) covering low..high."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def month_starts(first: date, last: date) -> list[date]:
    months = []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            months.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


class KpiChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiChart")
        self.setAccessibleName("KPI chart")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.series: KpiSeries | None = None
        self.cycle_target: float | None = None
        self.today = date.min

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 170)

    def set_series(
        self, series: KpiSeries | None, today: date, cycle_target: float | None = None
    ) -> None:
        self.series = series
        self.today = today
        self.cycle_target = cycle_target
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.update()

    def describe(self) -> str:
        if self.series is None:
            return "No measure chosen for this cycle."
        outcome = self.series.outcome
        readings = self.series.readings
        text = (
            f"{outcome.kpi}: baseline {number(outcome.baseline)}, "
            f"target {number(outcome.target)} {outcome.unit}".rstrip()
        )
        if not readings:
            return text + "; no readings yet."
        return (
            f"{text}; {len(readings)} readings from {readings[0].taken_on:%d %b %Y} "
            f"to {readings[-1].taken_on:%d %b %Y}, latest {number(readings[-1].value)}."
        )

    # -- geometry ---------------------------------------------------------------

    def _value_range(self) -> tuple[float, float]:
        assert self.series is not None
        outcome = self.series.outcome
        values = [r.value for r in self.series.readings]
        values += [
            v for v in (outcome.baseline, outcome.target, self.cycle_target) if v is not None
        ]
        low, high = min(values), max(values)
        pad = (high - low) * 0.12 or abs(high) * 0.1 or 1.0
        return low - pad, high + pad

    def _date_range(self) -> tuple[date, date]:
        assert self.series is not None
        days = [r.taken_on for r in self.series.readings]
        first, last = min(days), max(*days, self.today)
        if (last - first).days < 14:
            first -= timedelta(days=7)
            last += timedelta(days=7)
        # Room on the right so the last point and "today" are not on the edge.
        return first, last + timedelta(days=max(2, (last - first).days // 12))

    # -- painting ---------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        series = self.series
        if series is None or not series.readings:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            message = (
                "Choose a measure in Plan to chart it."
                if series is None
                else "No readings yet: record the KPI at a check, or add a reading below."
            )
            painter.drawText(
                self.rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                message,
            )
            return
        left, top, right, bottom = MARGINS
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        low, high = self._value_range()
        first, last = self._date_range()
        span_days = max((last - first).days, 1)

        def x_of(day: date) -> float:
            return plot.left() + (day - first).days / span_days * plot.width()

        def y_of(value: float) -> float:
            return plot.bottom() - (value - low) / (high - low) * plot.height()

        self._paint_axes(painter, plot, low, high, first, last, x_of, y_of)
        self._paint_lines(painter, plot, y_of)
        self._paint_readings(painter, x_of, y_of)

    def _paint_axes(self, painter, plot, low, high, first, last, x_of, y_of) -> None:  # type: ignore[no-untyped-def]
        palette = self.palette()
        grid = palette.color(QPalette.ColorRole.Midlight)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = painter.fontMetrics()
        for tick in nice_ticks(low, high):
            y = y_of(tick)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            label = f"{tick:g}"
            painter.drawText(
                QRectF(0, y - 9, plot.left() - 6, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        months = month_starts(first, last)
        every = max(1, math.ceil(len(months) * 60 / max(plot.width(), 1)))
        for month in months[::every]:
            x = x_of(month)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(muted)
            text = month.strftime("%b %Y" if month.month == 1 or month == months[0] else "%b")
            width = metrics.horizontalAdvance(text) + 4
            painter.drawText(
                QRectF(x - width / 2, plot.bottom() + 4, width, 18),
                Qt.AlignmentFlag.AlignHCenter,
                text,
            )
        if first <= self.today <= last:
            x = x_of(self.today)
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
            )
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.drawText(
                QRectF(x - 63, plot.top(), 60, 16), Qt.AlignmentFlag.AlignRight, "today"
            )

    def _paint_lines(self, painter: QPainter, plot: QRectF, y_of) -> None:  # type: ignore[no-untyped-def]
        assert self.series is not None
        outcome = self.series.outcome
        palette = self.palette()
        unit = f" {outcome.unit}" if outcome.unit else ""
        lines = [
            (outcome.baseline, f"Baseline {number(outcome.baseline)}{unit}",
             palette.color(QPalette.ColorRole.PlaceholderText), Qt.PenStyle.DashLine),
            (outcome.target, f"Target {number(outcome.target)}{unit}",
             good_colour(palette), Qt.PenStyle.DashLine),
            (self.cycle_target, f"Cycle target {number(self.cycle_target)}{unit}",
             QColor("#9b6bd3") if not is_dark(palette) else QColor("#c6a4f0"), Qt.PenStyle.DotLine),
        ]  # fmt: skip
        for value, label, colour, style in lines:
            if value is None or (label.startswith("Cycle") and value == outcome.target):
                continue
            y = y_of(value)
            painter.setPen(QPen(colour, 1.6, style))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            width = painter.fontMetrics().horizontalAdvance(label) + 6
            box = QRectF(plot.right() - width, y - 17, width, 16)
            painter.fillRect(box, palette.color(QPalette.ColorRole.Base))
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )

    def _paint_readings(self, painter: QPainter, x_of, y_of) -> None:  # type: ignore[no-untyped-def]
        assert self.series is not None
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        points = [QPointF(x_of(r.taken_on), y_of(r.value)) for r in self.series.readings]
        painter.setPen(QPen(accent, 2.2))
        painter.drawPolyline(points)
        for reading, point in zip(self.series.readings, points, strict=True):
            painter.setBrush(
                accent if reading.check_days else self.palette().color(QPalette.ColorRole.Base)
            )
            painter.drawEllipse(point, 4.5, 4.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
