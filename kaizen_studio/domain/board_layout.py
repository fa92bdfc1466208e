"""Laying out a whole board, and keeping frames and loose cards from landing on each other.

`arrange` lays out everything from scratch: loose (unsorted) cards in a pile
on the left, theme frames in shelves to its right, the whole roughly the
shape of a screen. `free_spot` finds the nearest place where a new or moved
frame lands on nothing; `push_down` moves whatever a grown frame now covers.
"""

import math
from collections import deque
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kaizen_studio.domain.board import (
    CARD_HEIGHT,
    CARD_WIDTH,
    FRAME_GAP,
    PITCH_X,
    PITCH_Y,
    Point,
    Rect,
    frame_size,
    reflow,
)

Key = TypeVar("Key", bound=Hashable)
SCREEN_ASPECT = 2.0  # width to height of the board area a board is first seen in (wide)
PILE_GAP = 16.0  # between loose cards in a pile: wider than in a frame, they belong to no one


@dataclass(frozen=True)
class Arrangement:
    """A board laid out from scratch: frames by key, their cards, the loose pile."""

    frames: dict[int, Rect]
    cards: dict[int, list[Point]]
    loose: list[Point]


def pile_columns(count: int) -> int:
    if count <= 5:
        return 1
    if count <= 16:
        return 2
    return max(2, math.ceil(math.sqrt(count / SCREEN_ASPECT)))


def pile(count: int, origin: Point, columns: int | None = None) -> list[Point]:
    """Loose cards in rows from `origin`, in reading order."""
    columns = columns or pile_columns(count)
    step_x, step_y = CARD_WIDTH + PILE_GAP, CARD_HEIGHT + PILE_GAP
    return [
        Point(origin.x + (i % columns) * step_x, origin.y + (i // columns) * step_y)
        for i in range(count)
    ]


def pile_size(count: int) -> tuple[float, float]:
    if count == 0:
        return 0.0, 0.0
    columns = pile_columns(count)
    rows = math.ceil(count / columns)
    return (
        columns * CARD_WIDTH + (columns - 1) * PILE_GAP,
        rows * CARD_HEIGHT + (rows - 1) * PILE_GAP,
    )


def _shelves(
    sizes: Sequence[tuple[float, float]], left: float, width: float
) -> tuple[list[Point], float, float]:
    """Frames left to right in rows no wider than `width`; returns places, right, bottom."""
    places = []
    x, y, shelf_bottom, right = left, 0.0, 0.0, left
    for frame_w, frame_h in sizes:
        if x > left and x + frame_w > left + width:
            x, y = left, shelf_bottom + FRAME_GAP
        places.append(Point(x, y))
        right = max(right, x + frame_w)
        shelf_bottom = max(shelf_bottom, y + frame_h)
        x += frame_w + FRAME_GAP
    return places, right, shelf_bottom


def _pack(sizes: Sequence[tuple[float, float]], left: float, pile_height: float) -> list[Point]:
    """Shelves whose overall shape comes closest to a screen's."""
    if not sizes:
        return []
    area = sum(w * h for w, h in sizes) + left * max(pile_height, 1.0)
    widest = max(w for w, _ in sizes)
    best: tuple[float, list[Point]] | None = None
    for tenth in range(5, 31):
        width = max(widest, math.sqrt(area * SCREEN_ASPECT) * tenth / 10 - left)
        places, right, bottom = _shelves(sizes, left, width)
        height = max(bottom, pile_height, 1.0)
        score = abs(math.log(right / height / SCREEN_ASPECT)) + 0.5 * (right * height / area)
        if best is None or score < best[0] - 1e-9:
            best = (score, places)
    assert best is not None
    return best[1]


def arrange(frame_cards: Sequence[int], loose: int) -> Arrangement:
    """Lay out frames (given by their number of cards, in order) and a pile of loose cards."""
    pile_w, pile_h = pile_size(loose)
    left = pile_w + FRAME_GAP if loose else 0.0
    sizes = [frame_size(count) for count in frame_cards]
    places = _pack(sizes, left, pile_h)
    frames: dict[int, Rect] = {}
    cards: dict[int, list[Point]] = {}
    for index, (place, (width, height)) in enumerate(zip(places, sizes, strict=True)):
        cards[index], frames[index] = reflow(
            Rect(place.x, place.y, width, height), frame_cards[index]
        )
    return Arrangement(frames, cards, pile(loose, Point(0.0, 0.0)))


def arrange_block(frame_cards: Sequence[int], origin: Point) -> Arrangement:
    """Frames laid out together as one block whose top-left corner is `origin`."""
    laid = arrange(frame_cards, 0)
    return Arrangement(
        {k: r.moved(origin.x, origin.y) for k, r in laid.frames.items()},
        {k: [Point(p.x + origin.x, p.y + origin.y) for p in ps] for k, ps in laid.cards.items()},
        [],
    )


# -- keeping things apart --------------------------------------------------------------


def _free_x(
    band: list[Rect], size: Rect, wanted: float, gap: float, left: float | None = None
) -> float:
    """The x nearest to `wanted` (not left of `left`) where `size` overlaps none of `band`
    (with `gap` around)."""
    blocked = sorted((o.x - gap - size.width, o.right + gap) for o in band)
    merged: list[list[float]] = []
    for start, end in blocked:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        if start < wanted < end:
            fits_left = left is None or start >= left
            return start if fits_left and wanted - start <= end - wanted else end
    return wanted


def free_spot(
    rect: Rect,
    obstacles: Sequence[Rect],
    gap: float = FRAME_GAP / 2,
    *,
    top: float | None = None,
    left: float | None = None,
    wide: float = 1.0,
) -> Point:
    """The place nearest to `rect`'s own where it overlaps none of `obstacles`.

    Rows tried are its own and those just clear of each obstacle (above or below),
    nearest first; in each row the nearest free x is taken. With `top` and `left`, nothing
    goes above or left of them; `wide` > 1 counts rows further away than columns, to fill
    a wide screen sideways first.
    """
    rows = {rect.y}
    for o in obstacles:
        rows.update((o.bottom + gap, o.y - gap - rect.height))
    if top is not None:
        rows = {max(row, top) for row in rows}
    best: tuple[float, Point] | None = None
    for y in sorted(rows, key=lambda row: (abs(row - rect.y), row)):
        if best is not None and abs(y - rect.y) * wide >= best[0]:
            break
        band = [o for o in obstacles if o.y - gap < y + rect.height and y < o.bottom + gap]
        x = _free_x(band, rect, rect.x, gap, left)
        distance = math.hypot(x - rect.x, (y - rect.y) * wide)
        if best is None or distance < best[0]:
            best = (distance, Point(x, y))
    assert best is not None  # the rect's own row is always tried
    return best[1]


def push_down(
    pieces: Mapping[Key, Rect], pushers: Sequence[Key], gap: float = FRAME_GAP / 2
) -> dict[Key, float]:
    """Move pieces that the `pushers` cover (and what those then cover) down, clear of them.

    Returns how far each moved piece goes down; pushers themselves stay put.
    """
    current = dict(pieces)
    fixed = set(pushers)
    moved: dict[Key, float] = {}
    queue = deque(pushers)
    budget = 50 * (len(current) + 1)  # a safety net; each push only ever goes down
    while queue and budget > 0:
        budget -= 1
        pusher = current[queue.popleft()]
        for key, rect in current.items():
            if key in fixed or rect is pusher or not rect.overlaps(pusher, gap):
                continue
            dy = pusher.bottom + gap - rect.y
            current[key] = rect.moved(0.0, dy)
            moved[key] = moved.get(key, 0.0) + dy
            queue.append(key)
    return moved


def snap(value: float, step: float = 8.0) -> float:
    """Round a dropped coordinate to the board's fine grid, so rows line up by eye."""
    return round(value / step) * step


def pitch() -> tuple[float, float]:
    return PITCH_X, PITCH_Y
