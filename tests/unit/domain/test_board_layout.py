"""Whole-board layout: nothing on top of anything, screen-shaped; free spots; pushing down."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from kaizen_studio.domain.board import CARD_HEIGHT, CARD_WIDTH, Point, Rect, bounds, card_rect
from kaizen_studio.domain.board_layout import arrange, arrange_block, free_spot, pile, push_down


def _pieces(frame_cards: list[int], loose: int) -> tuple[list[Rect], list[Rect]]:
    laid = arrange(frame_cards, loose)
    frames = list(laid.frames.values())
    cards = [card_rect(p) for p in laid.loose]
    return frames, cards


def test_the_demo_sized_board_is_laid_out_apart_and_screen_shaped() -> None:
    laid = arrange([7, 8, 6, 4, 8, 4, 4], 5)
    frames = list(laid.frames.values())
    loose = [card_rect(p) for p in laid.loose]
    for a, b in itertools.combinations(frames, 2):
        assert not a.overlaps(b, margin=40.0)  # themes clearly apart
    for a, b in itertools.product(frames, loose):
        assert not a.overlaps(b, margin=40.0)
    for a, b in itertools.combinations(loose, 2):
        assert not a.overlaps(b, margin=10.0)
    for index, frame in laid.frames.items():
        for point in laid.cards[index]:
            card = card_rect(point)
            assert frame.x < card.x and card.right < frame.right
            assert frame.y < card.y and card.bottom < frame.bottom
    box = bounds(frames + loose)
    assert box is not None and 1.5 < box.width / box.height < 2.8  # the wide board area
    # The loose pile is on the left of every frame.
    assert max(card.right for card in loose) < min(frame.x for frame in frames)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 30), max_size=14), st.integers(0, 60))
def test_any_board_is_laid_out_without_overlaps(frame_cards: list[int], loose: int) -> None:
    frames, cards = _pieces(frame_cards, loose)
    for a, b in itertools.combinations(frames + cards, 2):
        assert not a.overlaps(b)


def test_a_block_of_new_frames_starts_where_asked() -> None:
    laid = arrange_block([3, 3], Point(1000.0, 200.0))
    box = bounds(laid.frames.values())
    assert box is not None and (box.x, box.y) == (1000.0, 200.0)


def test_free_spot_is_the_nearest_place_that_covers_nothing() -> None:
    wall = [Rect(0.0, 0.0, 400.0, 300.0), Rect(450.0, 0.0, 300.0, 300.0)]
    wanted = Rect(100.0, 50.0, 200.0, 150.0)
    spot = free_spot(wanted, wall, gap=10.0)
    placed = wanted.at(spot.x, spot.y)
    assert not any(placed.overlaps(o, margin=10.0) for o in wall)
    assert spot == Point(100.0, -160.0)  # just above: nearer than below or beside
    below_only = free_spot(wanted, wall, gap=10.0, top=0.0, left=0.0)
    assert below_only == Point(100.0, 310.0)  # not above the board, nor left of it
    clear = Rect(2000.0, 0.0, 10.0, 10.0)
    assert free_spot(clear, wall) == Point(2000.0, 0.0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-500, 500), st.integers(-500, 500), st.integers(20, 300)),
        max_size=12,
    ),
    st.integers(-400, 400),
    st.integers(-400, 400),
)
def test_free_spot_never_covers_an_obstacle(
    boxes: list[tuple[int, int, int]], x: int, y: int
) -> None:
    wall = [Rect(float(a), float(b), float(s), float(s) * 0.7) for a, b, s in boxes]
    wanted = Rect(float(x), float(y), 180.0, 120.0)
    spot = free_spot(wanted, wall, gap=8.0)
    assert not any(wanted.at(spot.x, spot.y).overlaps(o) for o in wall)


def test_a_grown_frame_pushes_what_it_covers_down_and_so_on() -> None:
    pieces = {
        "grown": Rect(0.0, 0.0, 400.0, 500.0),
        "below": Rect(0.0, 450.0, 400.0, 200.0),
        "under below": Rect(50.0, 700.0, CARD_WIDTH, CARD_HEIGHT),
        "beside": Rect(600.0, 0.0, 200.0, 200.0),
    }
    moved = push_down(pieces, ["grown"], gap=24.0)
    assert set(moved) == {"below", "under below"}
    below = pieces["below"].moved(0.0, moved["below"])
    assert below.y == 524.0
    under = pieces["under below"].moved(0.0, moved["under below"])
    assert not under.overlaps(below, margin=23.0)


def test_pile_is_rows_from_its_origin() -> None:
    points = pile(7, Point(-500.0, 0.0))
    assert points[0] == Point(-500.0, 0.0)
    assert len({p.x for p in points}) == 2  # two columns for a handful of notes
    assert all(
        not card_rect(a).overlaps(card_rect(b)) for a, b in itertools.combinations(points, 2)
    )
