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
