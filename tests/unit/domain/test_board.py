"""Board geometry: frames hold cards on a grid, dropped cards find free slots, colours."""

import pytest

from kaizen_studio.domain.board import (
    CARD_HEIGHT,
    CARD_WIDTH,
    THEME_COLOURS,
    Point,
    Rect,
    auto_columns,
    bounds,
    card_rect,
    check_colour,
    columns_of,
    fitted_frame,
    frame_size,
    pick_colour,
    pick_colours,
    reading_order,
    reflow,
    rows_of,
    settle_in_frame,
    slot_of,
    slot_point,
)
from kaizen_studio.domain.errors import InvalidInput


def _no_two_overlap(rects: list[Rect]) -> bool:
    return not any(a.overlaps(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_a_frame_sized_for_its_cards_holds_them_on_its_grid() -> None:
    for cards in (0, 1, 2, 4, 5, 8, 9, 17, 40):
        width, height = frame_size(cards)
        frame = Rect(100.0, 50.0, width, height)
        points, grown = reflow(frame, cards)
        assert grown == frame  # sized right: no growing needed
        rects = [card_rect(p) for p in points]
        assert _no_two_overlap(rects)
        assert all(
            frame.x < r.x and r.right < frame.right and frame.y < r.y and r.bottom < frame.bottom
            for r in rects
        )
    assert [auto_columns(n) for n in (1, 2, 4, 5, 9, 10, 40)] == [1, 2, 2, 3, 3, 4, 4]


def test_grid_counts_follow_the_frame_size() -> None:
    width, height = frame_size(6, columns=3)
    frame = Rect(0.0, 0.0, width, height)
    assert (columns_of(frame), rows_of(frame)) == (3, 2)
    assert slot_of(frame, slot_point(frame, 1, 2)) == (1, 2)
    # A point far to the right still maps to the last column, never outside the frame.
    assert slot_of(frame, Point(5000.0, -300.0)) == (0, 2)


def test_dropped_cards_take_the_nearest_free_slot_and_the_frame_grows() -> None:
    width, height = frame_size(4, columns=2)
    frame = Rect(0.0, 0.0, width, height)
    staying = [slot_point(frame, 0, 0), slot_point(frame, 0, 1), slot_point(frame, 1, 0)]
    # Dropped right on a taken slot: goes to the one free slot nearby.
    [placed], same = settle_in_frame(frame, staying, [slot_point(frame, 0, 0)])
    assert placed == slot_point(frame, 1, 1) and same == frame
    # Three more than fit: the frame grows by the rows they need, nothing overlaps.
    arriving = [Point(10.0, 10.0)] * 3
    placed_all, grown = settle_in_frame(frame, staying, arriving)
    assert grown.height > frame.height and grown.width == frame.width
    rects = [card_rect(p) for p in staying + placed_all]
    assert _no_two_overlap(rects)
    assert all(grown.y < r.y and r.bottom < grown.bottom for r in rects)


def test_a_card_keeps_its_slot_when_dropped_on_a_free_one() -> None:
    width, height = frame_size(9, columns=3)
    frame = Rect(40.0, 40.0, width, height)
    target = slot_point(frame, 2, 1)
    [placed], _ = settle_in_frame(frame, [], [Point(target.x + 30, target.y - 20)])
    assert placed == target


def test_fitted_frame_and_reading_order() -> None:
    frame = Rect(0.0, 0.0, *frame_size(9, columns=3))
    assert fitted_frame(frame, 2).height < frame.height
    points = [Point(300.0, 0.0), Point(0.0, CARD_HEIGHT * 1.2), Point(0.0, 4.0)]
    assert reading_order(points) == [2, 0, 1]


def test_bounds_and_overlaps() -> None:
    a = Rect(0.0, 0.0, CARD_WIDTH, CARD_HEIGHT)
    b = a.moved(CARD_WIDTH, 0.0)  # touching edges do not overlap
    assert not a.overlaps(b) and a.overlaps(b, margin=1.0)
    assert bounds([a, b]) == Rect(0.0, 0.0, 2 * CARD_WIDTH, CARD_HEIGHT)
    assert bounds([]) is None


def test_colours_are_checked_and_new_themes_take_the_least_used() -> None:
    assert check_colour(" #A8D672 ") == "#a8d672"
    for bad in ("red", "#12345", "#12345g", "", 7):
        with pytest.raises(InvalidInput, match="must look like #f6c945"):
            check_colour(bad)  # type: ignore[arg-type]
    assert pick_colour([]) == THEME_COLOURS[0]
    assert pick_colour([THEME_COLOURS[0], THEME_COLOURS[1]]) == THEME_COLOURS[2]
    chosen = pick_colours([THEME_COLOURS[0]], 12)
    assert len(set(chosen[:9])) == 9 and THEME_COLOURS[0] not in chosen[:9]
