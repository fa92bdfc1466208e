"""The rules of dot voting and of the priority matrix's quadrants."""

import pytest

from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.voting import (
    Axis,
    Quadrant,
    check_anonymous_dot,
    check_budget_change,
    check_mode_change,
    check_named_dot,
    check_note_voting_off,
    dots_left,
    quadrant,
    quadrant_at,
    room_total,
)


def test_a_voter_places_their_budget_and_no_more() -> None:
    for used in range(3):
        check_named_dot(3, used, "Priya")
    with pytest.raises(InvalidInput) as refused:
        check_named_dot(3, 3, "Priya")
    assert str(refused.value) == (
        "Priya has placed all 3 dots; take one back before placing another."
    )
    with pytest.raises(InvalidInput, match="all 1 dot;"):
        check_named_dot(1, 1, "Tomasz")


def test_dots_left_never_goes_below_zero() -> None:
    assert dots_left(3, 1) == 2
    assert dots_left(3, 3) == 0
    assert dots_left(3, 5) == 0  # a budget lowered by hand in the file, or people removed


def test_anonymous_voting_holds_the_room_total() -> None:
    assert room_total(3, 12) == 36
    check_anonymous_dot(3, 12, 35)
    with pytest.raises(InvalidInput, match=r"All 36 dots of the room are placed \(12 people x 3"):
        check_anonymous_dot(3, 12, 36)


def test_anonymous_voting_needs_the_room_listed() -> None:
    with pytest.raises(InvalidInput, match="List the people in the room"):
        check_anonymous_dot(3, 0, 0)


def test_budget_cannot_drop_below_what_a_voter_placed() -> None:
    check_budget_change(2, anonymous=False, people=5, placed=6, most_by_one=2)
    with pytest.raises(InvalidInput, match="Someone has already placed 3 dots"):
        check_budget_change(2, anonymous=False, people=5, placed=6, most_by_one=3)
    check_budget_change(5, anonymous=False, people=5, placed=15, most_by_one=3)


def test_anonymous_budget_cannot_drop_below_the_room_total_placed() -> None:
    # 4 people x 2 dots = 8: 8 placed still fits, 9 does not.
    check_budget_change(2, anonymous=True, people=4, placed=8, most_by_one=0)
    with pytest.raises(InvalidInput, match="The room has placed 9 dots"):
        check_budget_change(2, anonymous=True, people=4, placed=9, most_by_one=0)


def test_mode_and_note_voting_change_only_without_dots_in_the_way() -> None:
    check_mode_change(0)
    with pytest.raises(InvalidInput, match="Reset the votes before switching"):
        check_mode_change(1)
    check_note_voting_off(0)
    with pytest.raises(InvalidInput, match="2 dots on single notes"):
        check_note_voting_off(2)


@pytest.mark.parametrize(
    ("impact", "frequency", "expected"),
    [
        (5, 5, Quadrant.ACT_NOW),
        (4, 2, Quadrant.PLAN),
        (2, 4, Quadrant.QUICK_WINS),
        (1, 1, Quadrant.WATCH),
        (3, 3, Quadrant.WATCH),  # unrated themes sit in the middle: not "act now"
        (3.01, 3.01, Quadrant.ACT_NOW),
        (3, 5, Quadrant.QUICK_WINS),
    ],
)
def test_impact_by_frequency(impact: float, frequency: float, expected: Quadrant) -> None:
    assert quadrant(impact, frequency, Axis.FREQUENCY) is expected


@pytest.mark.parametrize(
    ("impact", "effort", "expected"),
    [
        (5, 1, Quadrant.ACT_NOW),  # much good for little work
        (5, 5, Quadrant.PLAN),
        (2, 2, Quadrant.QUICK_WINS),
        (2, 5, Quadrant.WATCH),
        (4, 3, Quadrant.ACT_NOW),  # middle effort counts as little
        (4, 4, Quadrant.PLAN),
    ],
)
def test_impact_by_effort(impact: float, effort: float, expected: Quadrant) -> None:
    assert quadrant(impact, effort, Axis.EFFORT) is expected


def test_corners_of_each_chart() -> None:
    # Frequency and effort run left to right from low to high: "act now" sits
    # top right against frequency and top left against effort.
    assert quadrant_at(True, True, Axis.FREQUENCY) is Quadrant.ACT_NOW
    assert quadrant_at(True, False, Axis.EFFORT) is Quadrant.ACT_NOW
    assert quadrant_at(False, False, Axis.FREQUENCY) is Quadrant.WATCH
    assert quadrant_at(False, True, Axis.EFFORT) is Quadrant.WATCH
    assert {Quadrant(q).label for q in Quadrant} == {"act now", "plan", "quick wins", "watch"}
