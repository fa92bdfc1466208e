from kaizen_studio.domain.scoring import (
    ThemeFacts,
    default_selection,
    effective,
    mean_rating,
    priority_score,
    rank,
)


def test_score_blends_votes_impact_and_frequency() -> None:
    assert priority_score(votes=8, max_votes=8, impact=5, frequency=5) == 10.0
    assert priority_score(votes=0, max_votes=8, impact=1, frequency=1) == 0.0
    assert priority_score(votes=4, max_votes=8, impact=3, frequency=3) == 5.0
    assert priority_score(votes=0, max_votes=0, impact=5, frequency=5) == 5.0


def test_override_wins_and_unrated_themes_count_as_middle() -> None:
    assert effective(4, 2.0) == 4.0
    assert effective(None, 2.5) == 2.5
    assert effective(None, mean_rating([None, None])) == 3.0


def test_ties_go_to_votes_then_severity_then_age() -> None:
    a = ThemeFacts(key=1, votes=2, impact=5, frequency=1, order=0)
    b = ThemeFacts(key=2, votes=2, impact=3, frequency=3, order=1)  # same score, 9 > 5 severity
    c = ThemeFacts(key=3, votes=2, impact=3, frequency=3, order=2)  # same as b, created later
    ranked = rank([a, c, b])
    assert [theme.key for theme, _ in ranked] == [2, 3, 1]
    assert default_selection(ranked, 2) == [2, 3]


def test_score_stays_between_0_and_10_and_rewards_each_part() -> None:
    base = priority_score(votes=2, max_votes=6, impact=3, frequency=3)
    assert priority_score(votes=3, max_votes=6, impact=3, frequency=3) > base
    assert priority_score(votes=2, max_votes=6, impact=4, frequency=3) > base
    assert priority_score(votes=2, max_votes=6, impact=3, frequency=4) > base
    # Votes weigh twice what each rating weighs: a full share of votes is worth 5 points.
    assert priority_score(votes=6, max_votes=6, impact=1, frequency=1) == 5.0
    assert priority_score(votes=0, max_votes=6, impact=5, frequency=1) == 2.5
    for votes in range(7):
        for rating in (1, 2.5, 5):
            assert 0 <= priority_score(votes, 6, rating, rating) <= 10


def test_mean_rating_skips_unrated_notes() -> None:
    assert mean_rating([4, None, 2]) == 3.0
    assert mean_rating([]) is None


def test_without_any_votes_ratings_decide() -> None:
    quiet = ThemeFacts(key=1, votes=0, impact=2, frequency=2, order=0)
    loud = ThemeFacts(key=2, votes=0, impact=5, frequency=4, order=1)
    ranked = rank([quiet, loud])
    assert [theme.key for theme, _ in ranked] == [2, 1]
    assert ranked[0][1] == priority_score(0, 0, 5, 4)


def test_default_selection_is_the_top_three() -> None:
    themes = [ThemeFacts(key=k, votes=k, impact=3, frequency=3, order=k) for k in range(1, 6)]
    assert default_selection(rank(themes)) == [5, 4, 3]
    assert default_selection(rank(themes[:2])) == [2, 1]  # fewer than three: all of them
