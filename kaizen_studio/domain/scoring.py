"""How themes are ranked for the Prioritise stage.

The priority score runs from 0 to 10 and blends what the room said in two
ways: where they put their dots, and how they rated the notes.

    score = 10 * (0.5 * V + 0.25 * I + 0.25 * F)

    V  votes share: the theme's dots / the most dots any theme got (0..1)
    I  impact, 1..5 mapped to 0..1: (impact - 1) / 4
    F  frequency, 1..5 mapped to 0..1: (frequency - 1) / 4

A theme's impact and frequency are the means of its notes' ratings (a
note stacked under a near-duplicate counts once), unless the facilitator
overrode them. A theme with no rated notes counts as the middle (3).
Votes weigh half because they are the room's considered judgement across
themes; ratings were given one note at a time. Dots placed on single notes
count for the note's theme. Effort is left out on purpose: what matters is
decided first, and how hard it is to fix shows on the priority matrix.
Ties go to more votes, then higher impact x frequency, then the theme that
comes first on the board.

The facilitator marks the themes that go on to mapping; until they do, the
top three by this score are the default.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

NEUTRAL_RATING = 3.0
VOTE_WEIGHT = 0.5
IMPACT_WEIGHT = 0.25
FREQUENCY_WEIGHT = 0.25
DEFAULT_SELECTION = 3

# The formula in the words shown beside the ranking (GUI and command line).
FORMULA = (
    "score = 10 x (1/2 share of the most dots + 1/4 impact + 1/4 frequency), "
    "impact and frequency scaled from 1-5 to 0-1"
)


def mean_rating(ratings: Iterable[int | None]) -> float | None:
    """Mean of the given 1-5 ratings, None when none was given."""
    given = [rating for rating in ratings if rating is not None]
    return fmean(given) if given else None


def effective(override: int | None, aggregate: float | None) -> float:
    """The facilitator's override wins; else the notes' mean; else neutral."""
    if override is not None:
        return float(override)
    return NEUTRAL_RATING if aggregate is None else aggregate


def priority_score(votes: int, max_votes: int, impact: float, frequency: float) -> float:
    """0 to 10, to two decimals; see the module's docstring."""
    share = votes / max_votes if max_votes > 0 else 0.0
    blended = (
        VOTE_WEIGHT * share
        + IMPACT_WEIGHT * (impact - 1) / 4
        + FREQUENCY_WEIGHT * (frequency - 1) / 4
    )
    return round(10 * blended, 2)


@dataclass(frozen=True)
class ThemeFacts:
    """What the score needs to know about one theme."""

    key: int
    votes: int
    impact: float
    frequency: float
    order: int  # place on the board, the last tie-breaker


def rank(themes: Sequence[ThemeFacts]) -> list[tuple[ThemeFacts, float]]:
    """Themes with their scores, best first."""
    most = max((theme.votes for theme in themes), default=0)
    scored = [
        (theme, priority_score(theme.votes, most, theme.impact, theme.frequency))
        for theme in themes
    ]
    scored.sort(
        key=lambda item: (
            -item[1],
            -item[0].votes,
            -(item[0].impact * item[0].frequency),
            item[0].order,
        )
    )
    return scored


def default_selection(
    ranked: Sequence[tuple[ThemeFacts, float]], count: int = DEFAULT_SELECTION
) -> list[int]:
    """The themes that go on to mapping unless the facilitator chooses otherwise."""
    return [theme.key for theme, _ in ranked[:count]]
