"""Geometry of the affinity board: sticky cards on a grid inside theme frames, and colours.

Board units are scene pixels at 100 % zoom. Cards have one size; inside a
frame they sit on the frame's grid of slots (so a frame never shows cards on
top of each other), outside any frame they lie where they were dropped.
"""

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kaizen_studio.domain.errors import InvalidInput

CARD_WIDTH = 160.0
CARD_HEIGHT = 100.0
CARD_GAP = 12.0  # between cards on a frame's grid
FRAME_PADDING = 14.0  # between a frame's edge and its cards
FRAME_HEADER = 42.0  # the band holding the theme's name
FRAME_GAP = 48.0  # between frames laid out automatically
PITCH_X = CARD_WIDTH + CARD_GAP
PITCH_Y = CARD_HEIGHT + CARD_GAP
MAX_AUTO_COLUMNS = 4

# Sticky-note colours, light enough for dark text in both light and dark mode.
THEME_COLOURS = (
    "#f6c945",  # yellow
    "#7cc6a4",  # green
    "#8fb8f0",  # blue
    "#f2a07b",  # orange
    "#c9a3e6",  # purple
    "#f08fb0",  # pink
    "#a8d672",  # lime
    "#7fd3d8",  # teal
    "#e8c39e",  # sand
    "#b7bfcc",  # grey
)
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def moved(self, dx: float, dy: float) -> "Rect":
        return Rect(self.x + dx, self.y + dy, self.width, self.height)

    def at(self, x: float, y: float) -> "Rect":
        return Rect(x, y, self.width, self.height)

    def overlaps(self, other: "Rect", margin: float = 0.0) -> bool:
        """True when the two share area (touching edges do not count)."""
        return (
            self.x < other.right + margin
            and other.x < self.right + margin
            and self.y < other.bottom + margin
            and other.y < self.bottom + margin
        )

    def contains(self, point: Point) -> bool:
        return self.x <= point.x <= self.right and self.y <= point.y <= self.bottom


def card_rect(point: Point) -> Rect:
    return Rect(point.x, point.y, CARD_WIDTH, CARD_HEIGHT)


def bounds(rects: Iterable[Rect]) -> Rect | None:
    """The smallest rectangle holding all of `rects`; None when there are none."""
    items = list(rects)
    if not items:
        return None
    left = min(r.x for r in items)
    top = min(r.y for r in items)
    return Rect(left, top, max(r.right for r in items) - left, max(r.bottom for r in items) - top)


# -- colours ----------------------------------------------------------------------------


def check_colour(value: str) -> str:
    """A theme colour is #rrggbb; stored in lower case."""
    if not isinstance(value, str) or not _HEX_COLOUR.fullmatch(value.strip()):
        raise InvalidInput(f"A theme colour must look like #f6c945, not {value!r}.")
    return value.strip().lower()


def pick_colour(used: Iterable[str]) -> str:
    """The palette colour used least so far (the first one on a tie), for a new theme."""
    counts = {colour: 0 for colour in THEME_COLOURS}
    for colour in used:
        if colour.lower() in counts:
            counts[colour.lower()] += 1
    return min(THEME_COLOURS, key=lambda colour: counts[colour])


def pick_colours(used: Iterable[str], count: int) -> list[str]:
    taken = list(used)
    chosen = []
    for _ in range(count):
        chosen.append(pick_colour(taken))
        taken.append(chosen[-1])
    return chosen


# -- a frame's grid of slots -----------------------------------------------------------


def auto_columns(cards: int) -> int:
    """Columns for a frame laid out automatically: roughly square, at most four wide."""
    return max(1, min(MAX_AUTO_COLUMNS, math.ceil(math.sqrt(max(cards, 1)))))


def frame_width(columns: int) -> float:
    return 2 * FRAME_PADDING + columns * CARD_WIDTH + (columns - 1) * CARD_GAP


def frame_height(rows: int) -> float:
    rows = max(rows, 1)
    return FRAME_HEADER + FRAME_PADDING + rows * CARD_HEIGHT + (rows - 1) * CARD_GAP


def frame_size(cards: int, columns: int | None = None) -> tuple[float, float]:
    columns = columns or auto_columns(cards)
    return frame_width(columns), frame_height(math.ceil(max(cards, 1) / columns))


def columns_of(frame: Rect) -> int:
    return max(1, math.floor((frame.width - 2 * FRAME_PADDING + CARD_GAP) / PITCH_X))


def rows_of(frame: Rect) -> int:
    return max(1, math.floor((frame.height - FRAME_HEADER - FRAME_PADDING + CARD_GAP) / PITCH_Y))


def slot_point(frame: Rect, row: int, column: int) -> Point:
    return Point(frame.x + FRAME_PADDING + column * PITCH_X, frame.y + FRAME_HEADER + row * PITCH_Y)


def slot_of(frame: Rect, point: Point) -> tuple[int, int]:
    """The slot (row, column) nearest to a card whose top-left corner is at `point`."""
    column = round((point.x - frame.x - FRAME_PADDING) / PITCH_X)
    row = round((point.y - frame.y - FRAME_HEADER) / PITCH_Y)
    return max(row, 0), min(max(column, 0), columns_of(frame) - 1)


def _nearest_free(
    wanted: tuple[int, int], taken: set[tuple[int, int]], columns: int
) -> tuple[int, int]:
    if wanted not in taken:
        return wanted
    row, column = wanted
    reach = 1
    while True:  # rows further away until one has room (a new row always does)
        candidates = [
            (r, c)
            for r in range(max(row - reach, 0), row + reach + 1)
            for c in range(columns)
            if (r, c) not in taken
        ]
        if candidates:
            # Nearest on the board; ties go to the earlier slot in reading order.
            return min(candidates, key=lambda s: ((s[0] - row) ** 2 + (s[1] - column) ** 2, s))
        reach += 1


def settle_in_frame(
    frame: Rect, staying: Sequence[Point], arriving: Sequence[Point]
) -> tuple[list[Point], Rect]:
    """Put arriving cards on the free slots nearest to where they were dropped.

    `staying` are the cards already in the frame. Returns the arriving cards'
    new positions (in the order given) and the frame, taller if it needed more rows.
    """
    columns = columns_of(frame)
    taken = {slot_of(frame, point) for point in staying}
    order = sorted(range(len(arriving)), key=lambda i: (arriving[i].y, arriving[i].x, i))
    placed: dict[int, tuple[int, int]] = {}
    for index in order:
        slot = _nearest_free(slot_of(frame, arriving[index]), taken, columns)
        taken.add(slot)
        placed[index] = slot
    deepest = max((row for row, _ in taken), default=0)
    height = max(frame.height, frame_height(deepest + 1))
    grown = Rect(frame.x, frame.y, frame.width, height)
    return [slot_point(grown, *placed[i]) for i in range(len(arriving))], grown


def reflow(frame: Rect, cards: int) -> tuple[list[Point], Rect]:
    """Cards in reading order on the frame's grid; the frame grows to hold them all."""
    columns = columns_of(frame)
    rows = math.ceil(cards / columns) if cards else 1
    grown = Rect(frame.x, frame.y, frame_width(columns), max(frame.height, frame_height(rows)))
    return [slot_point(grown, i // columns, i % columns) for i in range(cards)], grown


def fitted_frame(frame: Rect, cards: int) -> Rect:
    """The frame cut down to its columns and the rows its cards need (after a tidy-up)."""
    columns = columns_of(frame)
    return Rect(
        frame.x, frame.y, frame_width(columns), frame_height(math.ceil(max(cards, 1) / columns))
    )


def reading_order(points: Sequence[Point]) -> list[int]:
    """Indices of `points` top to bottom, then left to right (rows of a card's height)."""
    return sorted(
        range(len(points)),
        key=lambda i: (round(points[i].y / PITCH_Y), points[i].x, points[i].y, i),
    )
