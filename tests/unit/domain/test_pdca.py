"""The rules of the follow-up: moves between phases, check dates, overdue, trend, ROI, history."""

from datetime import date

import pytest

from kaizen_studio.domain.enums import Applied, Decision, Direction, Phase
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.pdca import (
    DueState,
    Trend,
    check_decision,
    check_move,
    check_offset,
    checkpoint_dates,
    describe_due,
    due_state,
    evidence_problem,
    history_chain,
    is_overdue,
    kpi_trend,
    neighbour,
    plan_gaps,
    progress,
    reaction_only,
    roi_estimate,
)
from kaizen_studio.domain.rules import parse_checkpoint_days

# -- phase transitions -------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "target", "skipped"),
    [
        (Phase.PLAN, Phase.DO, ()),
        (Phase.DO, Phase.CHECK, ()),
        (Phase.CHECK, Phase.ACT, ()),
        (Phase.PLAN, Phase.CHECK, (Phase.DO,)),
        (Phase.PLAN, Phase.ACT, (Phase.DO, Phase.CHECK)),
        (Phase.DO, Phase.ACT, (Phase.CHECK,)),
        (Phase.ACT, Phase.PLAN, ()),  # going back skips nothing: it reopens
        (Phase.CHECK, Phase.DO, ()),
    ],
)
def test_a_forward_jump_names_the_phases_it_skips(
    start: Phase, target: Phase, skipped: tuple[Phase, ...]
) -> None:
    assert check_move(start, target, decision=None).skipped == skipped


def test_do_starts_when_a_move_first_reaches_do_or_beyond() -> None:
    assert check_move(Phase.PLAN, Phase.DO, decision=None).reaches_do
    assert check_move(Phase.PLAN, Phase.ACT, decision=None).reaches_do
    assert not check_move(Phase.DO, Phase.CHECK, decision=None).reaches_do
    assert not check_move(Phase.CHECK, Phase.PLAN, decision=None).reaches_do


def test_a_decided_cycle_or_a_move_in_place_is_refused() -> None:
    with pytest.raises(InvalidInput, match="decided \\(adjust\\)"):
        check_move(Phase.ACT, Phase.CHECK, decision=Decision.ADJUST)
    with pytest.raises(InvalidInput, match="already in Do"):
        check_move(Phase.DO, Phase.DO, decision=None)


def test_neighbours_on_the_board_stop_at_the_edges() -> None:
    assert neighbour(Phase.PLAN, -1) is None and neighbour(Phase.ACT, 1) is None
    assert neighbour(Phase.DO, 1) is Phase.CHECK and neighbour(Phase.DO, -1) is Phase.PLAN


def test_plan_gaps_list_what_is_missing_before_do() -> None:
    assert plan_gaps("", None, None, " ") == ["a hypothesis", "a measure", "a target", "an owner"]
    assert plan_gaps("If agents practise, repeats fall", 3, 25.0, "Dana") == []


def test_a_decision_needs_a_reason_and_a_check_unless_it_abandons() -> None:
    with pytest.raises(InvalidInput, match="Say why you decide to adjust"):
        check_decision(Phase.ACT, Decision.ADJUST, "  ")
    with pytest.raises(InvalidInput, match="only abandon"):
        check_decision(Phase.DO, Decision.STANDARDISE, "Looks good")
    check_decision(Phase.PLAN, Decision.ABANDON, "The vendor withdrew the tool")
    check_decision(Phase.CHECK, Decision.STANDARDISE, "Target reached at 90 days")


# -- checkpoint scheduling ---------------------------------------------------


def test_default_checks_fall_30_60_and_90_days_after_do_starts() -> None:
    assert checkpoint_dates(date(2026, 9, 27), (30, 60, 90)) == [
        (30, date(2026, 10, 27)),
        (60, date(2026, 11, 26)),
        (90, date(2026, 12, 26)),
    ]


@pytest.mark.parametrize(
    ("start", "offset", "due"),
    [
        (date(2028, 1, 31), 30, date(2028, 3, 1)),  # leap year: 29 February counts
        (date(2027, 1, 31), 30, date(2027, 3, 2)),  # common year
        (date(2028, 1, 30), 30, date(2028, 2, 29)),  # lands on the leap day itself
        (date(2026, 12, 31), 60, date(2027, 3, 1)),  # across the year end
        (date(2026, 8, 31), 30, date(2026, 9, 30)),  # 31-day month into a 30-day month
        (date(2100, 2, 1), 28, date(2100, 3, 1)),  # 2100 is not a leap year
    ],
)
def test_check_dates_count_calendar_days_across_month_ends_and_leap_years(
    start: date, offset: int, due: date
) -> None:
    assert checkpoint_dates(start, (offset,)) == [(offset, due)]


def test_changed_defaults_give_the_new_schedule_in_order() -> None:
    days = parse_checkpoint_days(" 45, 14,90 ,14")
    assert [offset for offset, _ in checkpoint_dates(date(2026, 1, 1), days)] == [14, 45, 90]
    with pytest.raises(InvalidInput):
        parse_checkpoint_days("30, sixty")
    with pytest.raises(InvalidInput, match="1 to 3650"):
        check_offset(0)
    assert check_offset(120) == 120


# -- due and overdue ---------------------------------------------------------

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("due_on", "done", "state"),
    [
        (date(2026, 11, 30), False, DueState.OVERDUE),
        (date(2026, 11, 30), True, DueState.DONE),
        (TODAY, False, DueState.DUE_TODAY),
        (date(2026, 12, 15), False, DueState.DUE_SOON),  # 14 days: still in the window
        (date(2026, 12, 16), False, DueState.LATER),
        (None, False, DueState.LATER),
    ],
)
def test_due_state_around_today(due_on: date | None, done: bool, state: DueState) -> None:
    assert due_state(due_on, done, TODAY) is state


def test_overdue_starts_the_day_after_the_due_date() -> None:
    assert not is_overdue(TODAY, False, TODAY)
    assert is_overdue(TODAY, False, date(2026, 12, 2))
    assert not is_overdue(TODAY, True, date(2027, 1, 1))


def test_due_dates_are_described_in_words() -> None:
    assert describe_due(date(2026, 11, 28), TODAY) == "overdue by 3 days"
    assert describe_due(date(2026, 11, 30), TODAY) == "overdue by 1 day"
    assert describe_due(TODAY, TODAY) == "due today"
    assert describe_due(date(2026, 12, 2), TODAY) == "due tomorrow"
    assert describe_due(date(2026, 12, 13), TODAY) == "due in 12 days"


# -- trend, progress, ROI ----------------------------------------------------


def test_trend_reads_the_direction_of_the_kpi() -> None:
    assert kpi_trend([31.0, 29.4, 27.8], Direction.DECREASE) is Trend.BETTER
    assert kpi_trend([70.0, 71.2, 70.5], Direction.INCREASE) is Trend.WORSE
    assert kpi_trend([62.0, 62.0], Direction.INCREASE) is Trend.FLAT
    assert kpi_trend([62.0], Direction.INCREASE) is Trend.UNKNOWN


def test_progress_is_the_share_of_the_way_to_target() -> None:
    assert progress(70.0, 74.0, 73.0) == pytest.approx(0.75)
    assert progress(31.0, 25.0, 28.0) == pytest.approx(0.5)
    assert progress(70.0, 70.0, 71.0) is None
    assert progress(None, 74.0, 71.0) is None


def test_roi_is_benefit_minus_cost_over_cost() -> None:
    estimate = roi_estimate(70.0, 74.1, Direction.INCREASE, 1000.0, 2000.0)
    assert estimate is not None
    assert estimate.change == pytest.approx(4.1)
    assert estimate.benefit == pytest.approx(4100.0)
    assert estimate.ratio == pytest.approx(1.05)
    falling = roi_estimate(31.0, 26.0, Direction.DECREASE, 100.0, 1000.0)
    assert falling is not None and falling.ratio == pytest.approx(-0.5)


def test_roi_needs_every_input_and_a_cost_above_zero_for_a_ratio() -> None:
    assert roi_estimate(70.0, 74.0, Direction.INCREASE, None, 500.0) is None
    assert roi_estimate(70.0, None, Direction.INCREASE, 10.0, 500.0) is None
    free = roi_estimate(70.0, 74.0, Direction.INCREASE, 10.0, 0.0)
    assert free is not None and free.benefit == 40.0 and free.ratio is None


# -- evidence ----------------------------------------------------------------


def test_attendance_or_satisfaction_alone_is_not_evidence() -> None:
    assert reaction_only("All 24 agents attended the sessions")
    assert reaction_only("Satisfaction survey: 4.6 out of 5")
    assert not reaction_only("Team leaders reviewed 40 refund calls")
    assert not reaction_only("Attended, and we listened to 20 calls afterwards")
    problem = evidence_problem(Applied.YES, "Everyone attended", True, 30.0)
    assert problem is not None and "not evidence" in problem


def test_a_check_needs_level_3_and_level_4() -> None:
    assert "applied on the job" in (evidence_problem(None, "Call reviews", True, 1.0) or "")
    assert "how the behaviour was observed" in (evidence_problem(Applied.NO, " ", True, 1.0) or "")
    assert "KPI value" in (evidence_problem(Applied.PARTLY, "Floor walk", True, None) or "")
    assert evidence_problem(Applied.PARTLY, "Floor walk", False, None) is None
    assert evidence_problem(Applied.YES, "CRM log of callbacks kept", True, 88.0) is None


# -- history -----------------------------------------------------------------


def test_history_runs_oldest_first_to_the_cycle() -> None:
    previous = {1: None, 4: 1, 9: 4, 12: None}
    assert history_chain(9, previous) == [1, 4, 9]
    assert history_chain(12, previous) == [12]


def test_a_broken_or_looping_history_stops() -> None:
    assert history_chain(5, {5: 3, 3: 5}) == [3, 5]
    assert history_chain(5, {5: 77}) == [5]  # the earlier cycle was deleted
