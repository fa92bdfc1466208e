"""Where the priority matrix puts points and labels, so each can be seen, read and clicked.

Pure geometry on plain numbers and Qt's value types; no widget is needed to test it.
"""

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSizeF


def radius(votes: int) -> float:
    """Area grows with dots; a theme with none is still a visible point."""
    return min(7.0 + 4.0 * math.sqrt(votes), 26.0)


Spot = tuple[float, float]


def separate(
    spots: dict[int, Spot],
    radii: dict[int, float],
    gap: float = 3.0,
    rounds: int = 60,
    max_shift: float = 16.0,
    settle: Callable[[Spot, Spot], Spot] | None = None,
) -> dict[int, Spot]:
    """Push overlapping points apart a little at a time, so each can be seen and clicked.

    Points that touch nothing stay exactly where their ratings put them, and no
    point moves more than `max_shift` from there: on a crowded chart points may
    still overlap, but none is drawn where its ratings are not. `settle(point, home)`
    may hold each point further (to its quadrant, to the plot) after every round."""
    placed = dict(spots)
    keys = sorted(placed)
    # Points on the very same spot first fan out a pixel or two, to have a way to move.
    seen: dict[tuple[int, int], int] = {}
    for key in keys:
        x, y = placed[key]
        count = seen.get((round(x), round(y)), 0)
        seen[(round(x), round(y))] = count + 1
        if count:
            angle = count * 2.4  # the golden angle spreads any number evenly
            placed[key] = (x + count * math.cos(angle), y + count * math.sin(angle))
    reach = 2 * max(radii.values(), default=0.0) + gap
    for _ in range(rounds):
        moved = False
        # Sweep from left to right: only points closer across than `reach` can touch.
        order = sorted(keys, key=lambda key: placed[key][0])
        for index, first in enumerate(order):
            for second in order[index + 1 :]:
                if placed[second][0] - placed[first][0] >= reach:
                    break
                moved |= _push_apart(placed, first, second, radii[first] + radii[second] + gap)
        for key in keys:
            placed[key] = _within(placed[key], spots[key], max_shift)
            if settle is not None:
                placed[key] = settle(placed[key], spots[key])
        if not moved:
            break
    return placed


def _within(point: Spot, home: Spot, limit: float) -> Spot:
    """`point`, pulled back towards `home` if it strayed more than `limit`."""
    dx, dy = point[0] - home[0], point[1] - home[1]
    distance = math.hypot(dx, dy)
    if distance <= limit:
        return point
    return (home[0] + dx * limit / distance, home[1] + dy * limit / distance)


def _push_apart(placed: dict[int, Spot], first: int, second: int, need: float) -> bool:
    (x1, y1), (x2, y2) = placed[first], placed[second]
    distance = math.hypot(x2 - x1, y2 - y1)
    if distance >= need or distance == 0:
        return False
    push = (need - distance) / 2 + 0.01
    ux, uy = (x2 - x1) / distance, (y2 - y1) / distance
    placed[first] = (x1 - ux * push, y1 - uy * push)
    placed[second] = (x2 + ux * push, y2 + uy * push)
    return True


Box = tuple[float, float, float, float]  # left, top, right, bottom: plain floats are quick


def _box(rect: QRectF) -> Box:
    return (rect.left(), rect.top(), rect.right(), rect.bottom())


def _overlap(box: Box, others: list[Box]) -> float:
    left, top, right, bottom = box
    total = 0.0
    for other_left, other_top, other_right, other_bottom in others:
        width = min(right, other_right) - max(left, other_left)
        height = min(bottom, other_bottom) - max(top, other_top)
        if width > 0 and height > 0:
            total += width * height
    return total


def place_label(
    centre: QPointF,
    clearance: float,
    size: QSizeF,
    plot: QRectF,
    taken: list[QRectF],
    points: list[QRectF] | None = None,
) -> QRectF:
    """Try eight directions at three distances; keep the first place that covers least.

    Covering another point costs three times what covering a label does: a hidden
    point is a theme lost from the chart, a half-hidden label is still hovered."""
    width, height = size.width(), size.height()
    labels, dots = [_box(rect) for rect in taken], [_box(rect) for rect in points or []]
    best: tuple[float, QRectF] | None = None
    for distance in (0.0, 16.0, 34.0):
        reach = clearance + distance
        for dx, dy in ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1)):
            left = centre.x() + (reach if dx > 0 else -reach - width if dx < 0 else -width / 2)
            top = centre.y() + (reach if dy > 0 else -reach - height if dy < 0 else -height / 2)
            if dx and dy:  # diagonals sit closer, at the corner of the point
                left -= dx * reach * 0.3
                top -= dy * reach * 0.3
            rect = QRectF(left, top, width, height)
            if not plot.contains(rect):
                continue
            box = (left, top, left + width, top + height)
            cost = _overlap(box, labels) + 3 * _overlap(box, dots) + distance * 4
            if best is None or cost < best[0]:
                best = (cost, rect)
            if cost == distance * 4 and distance == 0:
                return rect
    if best is None:
        return QRectF(centre.x() + clearance, centre.y() - height / 2, width, height)
    return best[1]


def nearest_point(rect: QRectF, point: QPointF) -> QPointF:
    return QPointF(
        min(max(point.x(), rect.left()), rect.right()),
        min(max(point.y(), rect.top()), rect.bottom()),
    )
