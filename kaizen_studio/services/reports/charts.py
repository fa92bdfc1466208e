"""Charts drawn with reportlab.graphics: the priority matrix, KPI runs, the intervention split.

Each function takes plain report data and returns a Drawing (a Flowable),
using only the bundled fonts.
"""

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from kaizen_studio.domain.rules import FREQUENCY_WORDS, RATING_WORDS
from kaizen_studio.services.reports.data import OutcomeSummary, ThemeSummary
from kaizen_studio.services.reports.fonts import BOLD, REGULAR
from kaizen_studio.services.reports.styles import (
    ACCENT,
    BASELINE,
    INK,
    LEARNING,
    MUTED,
    NON_LEARNING,
    PANEL,
    RULE,
    TARGET,
)
from kaizen_studio.services.reports.text import day, number, plain


def _text(x: float, y: float, text: str, size: float = 7.5, **options: object) -> String:
    values: dict[str, object] = {"fontName": REGULAR, "fontSize": size, "fillColor": MUTED}
    values.update(options)
    return String(x, y, plain(text), **values)


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The renderer starts each drawing in Helvetica (never embedded) unless told otherwise.
    drawing.initialFontName = REGULAR
    return drawing


def _colour(hex_colour: str) -> colors.Color:
    try:
        return colors.HexColor(hex_colour)
    except ValueError:
        return ACCENT


# -- priority matrix -----------------------------------------------------------------

QUADRANTS = (
    (0, 1, "Big but rare"),
    (1, 1, "Act first"),
    (0, 0, "Park for now"),
    (1, 0, "Daily irritants"),
)


def priority_matrix(themes: Sequence[ThemeSummary], width: float, height: float) -> Drawing:
    """Impact (up) against frequency (across), 1 to 5; a bubble per theme, sized by votes,
    numbered by rank."""
    drawing = _drawing(width, height)
    left, bottom = 30 * mm, 20 * mm
    plot_w, plot_h = width - left - 6 * mm, height - bottom - 6 * mm
    drawing.add(Rect(left, bottom, plot_w, plot_h, fillColor=colors.white, strokeColor=RULE))
    for column, row, label in QUADRANTS:
        x = left + column * plot_w / 2
        y = bottom + row * plot_h / 2
        fill = colors.HexColor("#fdf1e3") if (column, row) == (1, 1) else PANEL
        drawing.add(Rect(x, y, plot_w / 2, plot_h / 2, fillColor=fill, strokeColor=RULE))
        drawing.add(_text(x + 4, y + plot_h / 2 - 11, label, 8, fontName=BOLD))

    def place(value: float, lo: float, span: float) -> float:
        return lo + (value - 0.5) / 5 * span

    for rating in range(1, 6):
        x = place(rating, left, plot_w)
        y = place(rating, bottom, plot_h)
        drawing.add(_text(x, bottom - 10, str(rating), 7.5, textAnchor="middle"))
        drawing.add(_text(x, bottom - 18, FREQUENCY_WORDS[rating], 6.5, textAnchor="middle"))
        drawing.add(
            _text(left - 4, y - 2.5, f"{RATING_WORDS[rating]}  {rating}", 7, textAnchor="end")
        )
    drawing.add(
        _text(
            left + plot_w / 2,
            1.5,
            "Frequency: how often it happens",
            8,
            fillColor=INK,
            textAnchor="middle",
        )
    )
    axis = _text(0, 0, "Impact: how much it hurts", 8, fillColor=INK, textAnchor="middle")
    axis.x, axis.y = 0, 0
    turned = Group(axis)
    turned.translate(7, bottom + plot_h / 2)
    turned.rotate(90)
    drawing.add(turned)

    rated = [t for t in themes if t.impact is not None and t.frequency is not None]
    most = max((t.votes for t in rated), default=0) or 1
    bubbles = [
        [
            place(t.frequency or 0, left, plot_w),
            place(t.impact or 0, bottom, plot_h),
            6 + 9 * math.sqrt(t.votes / most),
        ]
        for t in rated
    ]
    _spread(bubbles, (left, bottom, left + plot_w, bottom + plot_h))
    for theme, (x, y, radius) in sorted(
        zip(rated, bubbles, strict=True), key=lambda p: -p[0].votes
    ):
        fill = _colour(theme.color)
        drawing.add(Circle(x, y, radius, fillColor=fill, strokeColor=INK, strokeWidth=0.6))
        label = _text(x, y - 3, str(theme.rank), 8.5, fontName=BOLD, fillColor=INK)
        label.textAnchor = "middle"
        drawing.add(label)
    return drawing


def _spread(bubbles: list[list[float]], box: tuple[float, float, float, float]) -> None:
    """Push overlapping bubbles apart a little at a time, so every rank stays readable."""
    for _ in range(60):
        moved = False
        for a, first in enumerate(bubbles):
            for second in bubbles[a + 1 :]:
                dx, dy = second[0] - first[0], second[1] - first[1]
                distance = math.hypot(dx, dy)
                overlap = first[2] + second[2] + 1.5 - distance
                if overlap <= 0:
                    continue
                if distance < 0.01:  # the same ratings: part them sideways
                    dx, dy, distance = 1.0, 0.3, math.hypot(1.0, 0.3)
                push = overlap / 2 / distance
                first[0] -= dx * push
                first[1] -= dy * push
                second[0] += dx * push
                second[1] += dy * push
                moved = True
        for bubble in bubbles:
            bubble[0] = min(max(bubble[0], box[0] + bubble[2]), box[2] - bubble[2])
            bubble[1] = min(max(bubble[1], box[1] + bubble[2]), box[3] - bubble[2])
        if not moved:
            return


# -- KPI runs ------------------------------------------------------------------------------


def _span(outcome: OutcomeSummary, start: date | None) -> tuple[date, date]:
    days = [r.taken_on for r in outcome.readings]
    if start:
        days.append(start)
    if outcome.due_on:
        days.append(outcome.due_on)
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    if last <= first:
        last = first + timedelta(days=30)
    return first, last


def _nice_step(span: float) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about four ticks."""
    raw = span / 4 or 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return next(float(f * power) for f in (1, 2, 2.5, 5, 10) if f * power >= raw)


def _value_range(outcome: OutcomeSummary) -> tuple[float, float, float]:
    """Low and high ends of the value axis, on round numbers, and the tick step."""
    values = [r.value for r in outcome.readings]
    values += [v for v in (outcome.baseline, outcome.target) if v is not None]
    if not values:
        return 0.0, 1.0, 0.25
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.1 or abs(hi) * 0.1 or 1.0
    step = _nice_step(hi - lo + 2 * pad)
    return math.floor((lo - pad) / step) * step, math.ceil((hi + pad) / step) * step, step


def _months(first: date, last: date) -> list[date]:
    """First days of the months between two dates, thinned to at most eight ticks."""
    ticks = []
    current = date(first.year, first.month, 1)
    while current <= last:
        if current >= first:
            ticks.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    step = max(1, math.ceil(len(ticks) / 8))
    return ticks[::step]


def kpi_chart(
    outcome: OutcomeSummary, width: float, height: float, start: date | None = None
) -> Drawing:
    """Readings over time against the baseline and the target, up to the due date."""
    drawing = _drawing(width, height)
    left, bottom = 16 * mm, 9 * mm
    plot_w, plot_h = width - left - 34 * mm, height - bottom - 4 * mm
    first, last = _span(outcome, start)
    lo, hi, step = _value_range(outcome)
    span_days = (last - first).days or 1

    def x_of(day_: date) -> float:
        return float(left + (day_ - first).days / span_days * plot_w)

    def y_of(value: float) -> float:
        return float(bottom + (value - lo) / (hi - lo) * plot_h)

    drawing.add(Rect(left, bottom, plot_w, plot_h, fillColor=colors.white, strokeColor=RULE))
    for n in range(round((hi - lo) / step) + 1):
        value = lo + n * step
        y = y_of(value)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=PANEL, strokeWidth=0.5))
        drawing.add(_text(left - 3, y - 2.5, number(value, outcome.unit), 6.5, textAnchor="end"))
    for tick in _months(first, last):
        x = x_of(tick)
        drawing.add(Line(x, bottom, x, bottom - 2, strokeColor=MUTED, strokeWidth=0.5))
        drawing.add(_text(x, bottom - 9, f"{tick:%b %Y}", 6.5, textAnchor="middle"))
    _reference(drawing, outcome.baseline, "Baseline", BASELINE, y_of, left, plot_w, outcome.unit)
    _reference(drawing, outcome.target, "Target", TARGET, y_of, left, plot_w, outcome.unit)
    if outcome.due_on:
        x = x_of(outcome.due_on)
        drawing.add(Line(x, bottom, x, bottom + plot_h, strokeColor=TARGET, strokeDashArray=[1, 2]))
        drawing.add(
            _text(
                x - 2,
                bottom + plot_h - 8,
                f"due {day(outcome.due_on)}",
                6.5,
                fillColor=TARGET,
                textAnchor="end",
            )
        )
    points = [(x_of(r.taken_on), y_of(r.value)) for r in outcome.readings]
    if len(points) > 1:
        flat = [c for point in points for c in point]
        drawing.add(PolyLine(flat, strokeColor=ACCENT, strokeWidth=1.6))
    for x, y in points:
        drawing.add(Circle(x, y, 2.2, fillColor=ACCENT, strokeColor=colors.white, strokeWidth=0.6))
    if points:
        x, y = points[-1]
        latest = outcome.readings[-1]
        drawing.add(
            _text(
                x + 4,
                y + 3,
                number(latest.value, outcome.unit),
                7.5,
                fontName=BOLD,
                fillColor=ACCENT,
            )
        )
    if not points:
        drawing.add(
            _text(left + plot_w / 2, bottom + plot_h / 2, "No readings yet", 8, textAnchor="middle")
        )
    return drawing


def _reference(
    drawing: Drawing,
    value: float | None,
    label: str,
    colour: colors.Color,
    y_of: Callable[[float], float],
    left: float,
    plot_w: float,
    unit: str,
) -> None:
    """A dashed level line across the plot (baseline, target), named at its right end."""
    if value is None:
        return
    y = y_of(value)
    drawing.add(
        Line(left, y, left + plot_w, y, strokeColor=colour, strokeDashArray=[3, 2], strokeWidth=0.9)
    )
    drawing.add(
        _text(left + plot_w + 4, y - 2.5, f"{label} {number(value, unit)}", 7, fillColor=colour)
    )


# -- learning and non-learning -------------------------------------------------------------


def split_bar(learning: int, other: int, width: float) -> Drawing:
    """One bar: how many interventions are learning, how many change the work itself."""
    height = 15 * mm
    drawing = _drawing(width, height)
    total = learning + other
    bar_y, bar_h = 6 * mm, 6 * mm
    if total == 0:
        drawing.add(_text(0, bar_y, "No interventions yet", 8))
        return drawing
    learning_w = width * learning / total
    if learning:
        drawing.add(Rect(0, bar_y, learning_w, bar_h, fillColor=LEARNING, strokeColor=None))
    if other:
        drawing.add(
            Rect(
                learning_w,
                bar_y,
                width - learning_w,
                bar_h,
                fillColor=NON_LEARNING,
                strokeColor=None,
            )
        )
    drawing.add(
        _text(0, 1, f"Learning: {learning} of {total}", 8, fillColor=LEARNING, fontName=BOLD)
    )
    drawing.add(
        _text(
            width,
            1,
            f"Not learning (process, tools, incentives): {other} of {total}",
            8,
            fillColor=NON_LEARNING,
            fontName=BOLD,
            textAnchor="end",
        )
    )
    return drawing
