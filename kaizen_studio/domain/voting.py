"""The rules of dot voting and of the priority matrix. Pure: no database, no Qt.

Dot budget. Each person in the room has the workshop's dot budget (3 unless
the facilitator sets 1 to 50). Dots may be stacked: all three on one theme
is a fair vote. A dot over budget is refused with one sentence.

Named voting records who placed each dot, so each voter's budget is held
to exactly. Anonymous voting records only totals, so no single person's
budget can be checked; what the app still holds is the room's total: the
people listed for the workshop times the budget (12 people x 3 dots = 36).
With nobody listed there is no total to hold, so anonymous dots wait until
the room is listed (unnamed people are fine: "Frontline #4").

The voting mode changes only while no dot is placed: named dots cannot be
made anonymous after the fact without losing who voted, and anonymous dots
cannot be given back to voters. A lower budget is refused while someone
(or, anonymously, the room) has already placed more than it allows.

Priority matrix. Impact runs up, frequency or effort across. A rating
counts as high when it is above the middle of the 1-5 scale (over 3), so a
theme nobody rated (3, the middle) is not put among those to act on now.

    impact x frequency               impact x effort
    high impact, frequent: act now   high impact, little effort: act now
    high impact, rare:     plan      high impact, much effort:   plan
    low impact, frequent:  quick wins low impact, little effort: quick wins
    low impact, rare:      watch     low impact, much effort:    watch

Each label means the same in both charts: "act now" is the most value for
the least wait, "plan" matters but needs preparing (rare, or costly),
"quick wins" are small each but cheap or often felt, "watch" can wait.
"""

from collections.abc import Iterable
from enum import StrEnum

from kaizen_studio.domain.errors import InvalidInput

DEFAULT_BUDGET = 3
MIDDLE = 3.0


# -- dot budget -------------------------------------------------------------


def dots_left(budget: int, used: int) -> int:
    """Dots a voter (or the room) may still place; never below zero."""
    return max(budget - used, 0)


def room_total(budget: int, people: int) -> int:
    """All the dots a room may place: each listed person's budget."""
    return budget * people


def dot_word(count: int) -> str:
    return f"{count} dot" if count == 1 else f"{count} dots"


def check_named_dot(budget: int, used: int, voter: str) -> None:
    """Refuse a dot once the voter has placed their whole budget."""
    if used >= budget:
        raise InvalidInput(
            f"{voter} has placed all {dot_word(budget)}; take one back before placing another."
        )


def check_anonymous_dot(budget: int, people: int, placed: int) -> None:
    """Refuse a dot once the room's total (people x budget) is placed."""
    if people == 0:
        raise InvalidInput(
            "List the people in the room on the Intent page first: "
            f"anonymous voting gives each of them {dot_word(budget)}."
        )
    total = room_total(budget, people)
    if placed >= total:
        raise InvalidInput(
            f"All {total} dots of the room are placed ({people} people x {dot_word(budget)}); "
            "take one back before placing another."
        )


def check_budget_change(
    budget: int, *, anonymous: bool, people: int, placed: int, most_by_one: int
) -> None:
    """Refuse a budget lower than the dots already placed."""
    if anonymous:
        if placed > room_total(budget, people):
            raise InvalidInput(
                f"The room has placed {dot_word(placed)}, more than {people} people x "
                f"{dot_word(budget)}; take some back before lowering the budget."
            )
    elif most_by_one > budget:
        raise InvalidInput(
            f"Someone has already placed {dot_word(most_by_one)}; take some back "
            f"before lowering the budget to {budget}."
        )


def check_mode_change(placed: int) -> None:
    """Named and anonymous dots cannot be turned into each other."""
    if placed:
        raise InvalidInput(
            "Reset the votes before switching between named and anonymous voting: "
            f"{dot_word(placed)} already placed would lose or need their voter."
        )


def check_note_voting_off(dots_on_notes: int) -> None:
    """Dots on single notes must be taken back before note voting is turned off."""
    if dots_on_notes:
        raise InvalidInput(
            f"{dot_word(dots_on_notes).capitalize()} on single notes would be hidden; "
            "take them back (or reset the votes) before turning off votes on notes."
        )


def most_placed_by_one(dots_per_voter: Iterable[int]) -> int:
    return max(dots_per_voter, default=0)


# -- priority matrix ----------------------------------------------------------


class Axis(StrEnum):
    """What the priority matrix plots across, against impact."""

    FREQUENCY = "frequency"
    EFFORT = "effort"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Quadrant(StrEnum):
    ACT_NOW = "act_now"
    PLAN = "plan"
    QUICK_WINS = "quick_wins"
    WATCH = "watch"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


def is_high(rating: float) -> bool:
    """Above the middle of the 1-5 scale; the middle itself counts as low."""
    return rating > MIDDLE


def quadrant(impact: float, across: float, axis: Axis = Axis.FREQUENCY) -> Quadrant:
    """Where a theme falls: impact against frequency (high is good to act on) or
    effort (low is good to act on)."""
    favourable = is_high(across) if axis is Axis.FREQUENCY else not is_high(across)
    if is_high(impact):
        return Quadrant.ACT_NOW if favourable else Quadrant.PLAN
    return Quadrant.QUICK_WINS if favourable else Quadrant.WATCH


def quadrant_at(high_impact: bool, high_across: bool, axis: Axis) -> Quadrant:
    """The quadrant in a corner of the chart, for drawing its label."""
    return quadrant(5 if high_impact else 1, 5 if high_across else 1, axis)
