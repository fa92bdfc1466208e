"""Placing cards and frames on a working copy of the board without landing them on each other.

Shared by every board edit (services.themes) and by opening a board whose notes or
themes have no place yet (a new workshop, an import, notes captured since).
"""

from collections.abc import Iterable, Sequence

from kaizen_studio.domain.board import (
    CARD_GAP,
    CARD_HEIGHT,
    CARD_WIDTH,
    FRAME_GAP,
    FRAME_HEADER,
    FRAME_PADDING,
    Point,
    Rect,
    bounds,
    card_rect,
    frame_size,
    reading_order,
    reflow,
    settle_in_frame,
)
from kaizen_studio.domain.board_layout import (
    SCREEN_ASPECT,
    arrange,
    arrange_block,
    free_spot,
    pile,
    pile_size,
    push_down,
    snap,
)
from kaizen_studio.services.board import Wall

Piece = tuple[str, int]


def in_reading_order(current: Wall, note_ids: Iterable[int]) -> list[int]:
    """Cards with a place top to bottom, left to right; then those without one, oldest first."""
    keys = list(note_ids)
    placed = [k for k in keys if current.point(k) is not None]
    points = [current.point(k) or Point(0, 0) for k in placed]
    unplaced = sorted(k for k in keys if current.point(k) is None)
    return [placed[i] for i in reading_order(points)] + unplaced


def pieces(
    current: Wall, *, frames_out: Iterable[int] = (), cards_out: Iterable[int] = ()
) -> dict[Piece, Rect]:
    """Everything on the wall that takes room: frames and loose cards, by ("frame"|"card", id)."""
    found: dict[Piece, Rect] = {("frame", k): r for k, r in current.frames(frames_out).items()}
    found.update({("card", k): r for k, r in current.loose_cards(cards_out).items()})
    return found


def push(current: Wall, pushers: Sequence[Piece]) -> None:
    """Move down whatever the pushers (frames that just grew) now cover."""
    for key, dy in push_down(pieces(current), pushers).items():
        current.shift(key, dy)


def settle(current: Wall, theme_id: int, note_ids: Sequence[int], points: Sequence[Point]) -> None:
    """Cards join a theme on the free slots nearest where they were dropped."""
    rect = current.frame(theme_id)
    assert rect is not None
    arriving = set(note_ids)
    staying = [
        p
        for k in current.members(theme_id)
        if k not in arriving and (p := current.point(k)) is not None
    ]
    slots, grown = settle_in_frame(rect, staying, points)
    for key, slot in zip(note_ids, slots, strict=True):
        current.assign(key, theme_id)
        current.place(key, slot)
    if grown != rect:
        current.set_frame(theme_id, grown)
        push(current, [("frame", theme_id)])


def compact(current: Wall, theme_id: int) -> None:
    """Close the holes cards left in a frame: its cards in reading order, the frame fitted."""
    rect = current.frame(theme_id)
    if rect is None:
        return
    members = in_reading_order(current, current.members(theme_id))
    slots, fitted = reflow(Rect(rect.x, rect.y, rect.width, 1.0), len(members))
    for key, slot in zip(members, slots, strict=True):
        current.place(key, slot)
    current.set_frame(theme_id, fitted)


def lay_frame(current: Wall, theme_id: int, note_ids: Sequence[int], rect: Rect) -> None:
    """Put a frame at `rect` (grown to fit) with `note_ids` on its grid in that order."""
    slots, grown = reflow(rect, len(note_ids))
    current.set_frame(theme_id, grown)
    for key, slot in zip(note_ids, slots, strict=True):
        current.assign(key, theme_id)
        current.place(key, slot)


def clear_spot(current: Wall, rect: Rect, *, cards_out: Iterable[int] = ()) -> Point:
    """The nearest place to `rect` where it covers no frame and no loose card."""
    return free_spot(rect, list(pieces(current, cards_out=cards_out).values()))


def drop_loose(current: Wall, note_id: int, point: Point) -> None:
    """A card dropped outside every frame lies where it was put, clear of the frames."""
    rect = card_rect(Point(snap(point.x), snap(point.y)))
    frames = list(current.frames().values())
    if any(rect.overlaps(frame) for frame in frames):
        spot = free_spot(rect, frames, CARD_GAP)
        rect = rect.at(spot.x, spot.y)
    current.assign(note_id, None)
    current.place(note_id, Point(rect.x, rect.y))


def board_box(
    current: Wall, *, frames_out: Iterable[int] = (), cards_out: Iterable[int] = ()
) -> Rect | None:
    return bounds(pieces(current, frames_out=frames_out, cards_out=cards_out).values())


def place_frames(current: Wall, theme_ids: Sequence[int], members: dict[int, list[int]]) -> None:
    """New frames (with their cards) laid out together to the right of the board."""
    moving = [k for t in theme_ids for k in members[t]]
    box = board_box(current, frames_out=theme_ids, cards_out=moving)
    origin = Point(0.0, 0.0) if box is None else Point(box.right + FRAME_GAP, box.y)
    laid = arrange_block([len(members[t]) for t in theme_ids], origin)
    for index, theme_id in enumerate(theme_ids):
        lay_frame(current, theme_id, members[theme_id], laid.frames[index])


def fill_in_frames(current: Wall, theme_ids: Sequence[int], members: dict[int, list[int]]) -> None:
    """New frames (with their cards) each in the free space nearest the board's top left,
    so they fill the gaps that frames taken away leave, and never go above the board."""
    moving = [k for t in theme_ids for k in members[t]]
    box = board_box(current, frames_out=theme_ids, cards_out=moving)
    if box is None:
        place_frames(current, theme_ids, members)
        return
    for theme_id in theme_ids:
        width, height = frame_size(len(members[theme_id]))
        wanted = Rect(box.x, box.y, width, height)
        obstacles = list(pieces(current, frames_out=theme_ids, cards_out=moving).values())
        obstacles += [r for t in theme_ids if (r := current.frame(t)) is not None]
        spot = free_spot(wanted, obstacles, top=box.y, left=box.x, wide=1.5 * SCREEN_ASPECT)
        lay_frame(current, theme_id, members[theme_id], Rect(spot.x, spot.y, width, height))


def pile_left(current: Wall, note_ids: Sequence[int]) -> None:
    """Loose cards without a place go in a pile to the left of the board."""
    box = board_box(current, cards_out=note_ids)
    width, _ = pile_size(len(note_ids))
    origin = Point(0.0, 0.0) if box is None else Point(box.x - FRAME_GAP - width, box.y)
    for key, point in zip(note_ids, pile(len(note_ids), origin), strict=True):
        current.place(key, point)


def tidy(current: Wall) -> None:
    """Lay out the whole board afresh: the loose pile on the left, frames in shelves."""
    themes = [k for k in current.themes if k not in current.removed]
    members = {t: in_reading_order(current, current.members(t)) for t in themes}
    loose = in_reading_order(current, current.members(None))
    laid = arrange([len(members[t]) for t in themes], len(loose))
    for index, theme_id in enumerate(themes):
        lay_frame(current, theme_id, members[theme_id], laid.frames[index])
    for key, point in zip(loose, laid.loose, strict=True):
        current.place(key, point)


def _inside(point: Point | None, rect: Rect) -> bool:
    """Whether a card at `point` has its middle inside `rect`."""
    if point is None:
        return False
    x, y = point.x + CARD_WIDTH / 2, point.y + CARD_HEIGHT / 2
    return rect.x <= x <= rect.right and rect.y <= y <= rect.bottom


def _stray(point: Point | None, boxes: list[tuple[float, float, float, float]]) -> bool:
    """A loose card without a place, or lying inside a frame (so it looks sorted)."""
    if point is None:
        return True
    x, y = point.x + CARD_WIDTH / 2, point.y + CARD_HEIGHT / 2
    return any(left <= x <= right and top <= y <= bottom for left, top, right, bottom in boxes)


def place_the_unplaced(current: Wall) -> None:
    """Give a place to every theme and note that has none (or sits where it cannot be)."""
    leaders = current.leaders()
    if not current.frames() and all(current.point(k) is None for k in leaders):
        tidy(current)
    else:
        unplaced = [k for k in current.themes if current.frame(k) is None]
        if unplaced:
            place_frames(
                current,
                unplaced,
                {t: in_reading_order(current, current.members(t)) for t in unplaced},
            )
        for theme_id, rect in current.frames().items():
            # A note put in this theme elsewhere (on the capture page) comes into the frame.
            lost = [k for k in current.members(theme_id) if not _inside(current.point(k), rect)]
            if lost:
                start = Point(rect.x + FRAME_PADDING, rect.y + FRAME_HEADER)
                settle(current, theme_id, lost, [start] * len(lost))
        boxes = [(r.x, r.y, r.right, r.bottom) for r in current.frames().values()]
        stray = [k for k in current.members(None) if _stray(current.point(k), boxes)]
        if stray:
            pile_left(current, in_reading_order(current, stray))
    for key, note in current.notes.items():
        leader = note["stacked_on_id"]
        if leader is not None and leader in current.notes:
            point = current.point(leader)
            if point is not None and current.point(key) != point:
                current.place(key, point)
