"""Cycles of an intervention: opening the first and the next, prefilled from what is known."""

from datetime import date

import pytest
from sqlmodel import col, select

from kaizen_studio.domain.enums import Applied, Decision, Phase
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.domain.tables import Cycle, Intervention, Measurement
from kaizen_studio.services import action_items, checkpoints, cycle_board, cycles
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.cycle_state import capture_cycles, rewind_cycles
from kaizen_studio.services.cycles import count_cycles, open_cycle
from kaizen_studio.services.workshops import update_workshop
from kaizen_studio.storage.library import Library

TODAY = date(2026, 12, 1)


def _intervention(library: Library, workshop_id: int, title: str) -> Intervention:
    with library.session() as session:
        return session.exec(
            select(Intervention).where(
                col(Intervention.workshop_id) == workshop_id, col(Intervention.title) == title
            )
        ).one()


def _cycle(library: Library, cycle_id: int) -> Cycle:
    with library.session() as session:
        row = session.get(Cycle, cycle_id)
        assert row is not None
        return row


def test_first_cycle_takes_owner_and_the_measure_of_the_linked_behaviour(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    job_aid = _intervention(library, demo_id, "Refund decision job aid")
    cycle = _cycle(library, open_cycle(library, job_aid.id or 0, clock=clock))
    assert (cycle.number, cycle.phase, cycle.previous_id) == (1, Phase.PLAN.value, None)
    assert cycle.owner == "Dana"
    # Its behaviour serves customer retention: baseline is the latest reading, target the KPI's.
    assert (cycle.baseline, cycle.target) == (74.1, 84.0)
    assert cycle.starts_on == job_aid.starts_on


def test_first_cycle_without_a_linked_outcome_starts_today_with_no_measure(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    shadowing = _intervention(library, demo_id, "Shadow a field engineer for a day")
    with library.session() as session:
        row = session.get(Intervention, shadowing.id)
        assert row is not None
        row.starts_on = None
        session.add(row)
    cycle = _cycle(library, open_cycle(library, shadowing.id or 0, clock=clock))
    assert (cycle.outcome_id, cycle.baseline, cycle.target) == (None, None, None)
    assert (cycle.owner, cycle.starts_on) == ("Mei", clock.today())


def test_next_cycle_is_prefilled_from_the_last_and_points_back(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    practice = _intervention(library, demo_id, "Close-the-loop call practice")
    with library.session() as session:
        first = session.exec(select(Cycle).where(Cycle.intervention_id == practice.id)).one()
        first.phase, first.decision = Phase.ACT.value, "adjust"
        first.hypothesis = "If agents practise closing the loop, repeat contacts fall."
        session.add(first)
        session.add(
            Measurement(outcome_id=first.outcome_id or 0, taken_on=date(2026, 11, 30), value=26.5)
        )
    second = _cycle(library, open_cycle(library, practice.id or 0, clock=clock))
    assert (second.number, second.previous_id, second.phase) == (2, first.id, Phase.PLAN.value)
    assert second.hypothesis == first.hypothesis
    assert (second.outcome_id, second.target, second.owner) == (first.outcome_id, 25.0, "Dana")
    assert second.baseline == 26.5  # the KPI's latest reading, not the old baseline
    assert second.starts_on == clock.today() and second.do_started_on is None


def test_a_running_cycle_must_be_decided_before_the_next_opens(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    coaching = _intervention(library, demo_id, "Team leader coaching huddles")
    with pytest.raises(InvalidInput, match="still running"):
        open_cycle(library, coaching.id or 0, clock=clock)
    assert count_cycles(library, coaching.id or 0) == 1


def test_an_unknown_intervention_is_one_sentence(library: Library) -> None:
    with pytest.raises(NotFound, match="no intervention with id 404"):
        open_cycle(library, 404)


# -- one cycle through Plan, Do, Check and Act -----------------------------------


def _card(library: Library, workshop_id: int, title: str, clock: FixedClock):
    cards = cycle_board.list_cards(library, workshop_id, clock.today())
    return [card for card in cards if card.intervention == title][-1]


def test_a_cycle_runs_from_plan_to_adjust_and_its_successor_keeps_the_history(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    job_aid = _intervention(library, demo_id, "Refund decision job aid")
    cycle_id = open_cycle(library, job_aid.id or 0, clock=clock)
    cycles.update_cycle(library, cycle_id, hypothesis="If agents use the job aid, fewer escalate.")
    assert cycles.move_cycle(library, cycle_id, Phase.DO, clock=clock) is Phase.PLAN
    detail = cycle_board.get_cycle(library, cycle_id, clock.today())
    assert detail.do_started_on == clock.today()
    assert [(c.offset_days, c.due_on) for c in detail.checks] == [
        (30, date(2026, 12, 31)),
        (60, date(2027, 1, 30)),
        (90, date(2027, 3, 1)),
    ]
    action_items.add_action(library, cycle_id, "Print the job aid", owner="Dana")

    clock.advance(31)
    cycles.move_cycle(library, cycle_id, Phase.CHECK, clock=clock)
    first_check = detail.checks[0]
    checkpoints.record_checkpoint(
        library,
        first_check.id,
        checkpoints.CheckRecord(
            done_on=clock.today(),
            applied=Applied.PARTLY,
            applied_by="Most of team B",
            how_observed="Team leader listened to 20 refund calls",
            value=75.0,
        ),
    )
    detail = cycle_board.get_cycle(library, cycle_id, clock.today())
    assert detail.checks[0].value == 75.0 and detail.checks[0].applied is Applied.PARTLY
    assert detail.latest == 75.0

    cycles.move_cycle(library, cycle_id, Phase.ACT, clock=clock)
    next_id = cycles.decide_cycle(
        library, cycle_id, Decision.ADJUST, "Team A never saw the aid.", clock=clock
    )
    assert next_id is not None
    second = cycle_board.get_cycle(library, next_id, clock.today())
    assert (second.number, second.phase, second.baseline) == (2, Phase.PLAN, 75.0)
    assert second.hypothesis == "If agents use the job aid, fewer escalate."
    assert [entry.number for entry in second.history] == [1, 2]
    assert second.history[0].decision is Decision.ADJUST
    assert second.history[0].decision_reason == "Team A never saw the aid."
    assert cycle_board.get_cycle(library, cycle_id, clock.today()).next_cycle_id == next_id
    # A decided cycle is settled: the board will not move it.
    with pytest.raises(InvalidInput, match="decided"):
        cycles.move_cycle(library, cycle_id, Phase.CHECK, clock=clock)


def test_changed_check_days_apply_to_cycles_whose_do_starts_later(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    update_workshop(library, demo_id, checkpoint_days="14, 45")
    plan_card = _card(library, demo_id, "Single account view in billing", clock)
    cycles.move_cycle(library, plan_card.id, Phase.DO, clock=clock)
    detail = cycle_board.get_cycle(library, plan_card.id, clock.today())
    assert [c.offset_days for c in detail.checks] == [14, 45]
    running = _card(library, demo_id, "Team leader coaching huddles", clock)
    offsets = [c.offset_days for c in cycle_board.get_cycle(library, running.id, TODAY).checks]
    assert offsets == [30, 60, 90]  # already scheduled: left as it was


def test_moving_the_do_start_moves_the_open_checks_only(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    practice = _card(library, demo_id, "Close-the-loop call practice", clock)
    previous = cycles.update_cycle(library, practice.id, do_started_on=date(2026, 10, 1))
    assert previous == {"do_started_on": date(2026, 9, 27)}
    checks = cycle_board.get_cycle(library, practice.id, TODAY).checks
    assert [c.due_on for c in checks] == [
        date(2026, 10, 27),  # done: stays where it was held
        date(2026, 11, 30),
        date(2026, 12, 30),
    ]
    cycles.update_cycle(library, practice.id, **previous)
    checks = cycle_board.get_cycle(library, practice.id, TODAY).checks
    assert [c.due_on for c in checks][1:] == [date(2026, 11, 26), date(2026, 12, 26)]


def test_a_check_without_evidence_on_the_job_is_refused(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    practice = _card(library, demo_id, "Close-the-loop call practice", clock)
    assert practice.next_check is not None
    record = checkpoints.CheckRecord(
        done_on=TODAY, applied=Applied.YES, how_observed="All agents attended", value=27.0
    )
    with pytest.raises(InvalidInput, match="not evidence"):
        checkpoints.record_checkpoint(library, practice.next_check.id, record)
    record = checkpoints.CheckRecord(done_on=TODAY, applied=Applied.YES, how_observed="Call audit")
    with pytest.raises(InvalidInput, match="KPI value"):
        checkpoints.record_checkpoint(library, practice.next_check.id, record)


def test_rewinding_puts_back_a_move_with_its_scheduled_checks(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    plan_card = _card(library, demo_id, "Single account view in billing", clock)
    before = capture_cycles(library, [plan_card.id])
    cycles.move_cycle(library, plan_card.id, Phase.DO, clock=clock)
    after = capture_cycles(library, [plan_card.id])
    rewind_cycles(library, [plan_card.id], before)
    detail = cycle_board.get_cycle(library, plan_card.id, TODAY)
    assert (detail.phase, detail.checks, detail.do_started_on) == (Phase.PLAN, (), None)
    assert [a.text for a in detail.actions] == [
        "Get the vendor's quote for the single account view"
    ]
    rewind_cycles(library, [plan_card.id], after)
    assert len(cycle_board.get_cycle(library, plan_card.id, TODAY).checks) == 3


def test_rewinding_a_recorded_check_removes_its_reading(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    practice = _card(library, demo_id, "Close-the-loop call practice", clock)
    assert practice.next_check is not None
    before = capture_cycles(library, [practice.id])
    record = checkpoints.CheckRecord(
        done_on=TODAY, applied=Applied.YES, how_observed="Call audit", value=26.9
    )
    checkpoints.record_checkpoint(library, practice.next_check.id, record)
    assert _card(library, demo_id, "Close-the-loop call practice", clock).readings[-1] == 26.9
    rewind_cycles(library, [practice.id], before)
    card = _card(library, demo_id, "Close-the-loop call practice", clock)
    assert card.readings == practice.readings and card.next_check == practice.next_check


def test_board_cards_show_next_check_overdue_and_trend(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    cards = cycle_board.list_cards(library, demo_id, TODAY)
    assert sorted(card.phase.value for card in cards) == [
        "act", "act", "check", "do", "do", "plan",
    ]  # fmt: skip
    practice = _card(library, demo_id, "Close-the-loop call practice", clock)
    assert practice.next_check is not None and practice.next_check.offset_days == 60
    assert practice.overdue_checks == 1 and practice.overdue
    coaching = _card(library, demo_id, "Team leader coaching huddles", clock)
    assert coaching.overdue_actions == 1 and coaching.open_actions == 2
    standard = _card(library, demo_id, "Count callbacks kept, not only handle time", clock)
    assert standard.decision is Decision.STANDARDISE and not standard.overdue
    assert standard.trend.value == "better"  # repeat contacts fell: 31 -> 26.1


def test_roi_is_estimated_from_cost_and_value_per_unit(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    refund = _card(library, demo_id, "Refund authority up to £150", clock)
    first = cycle_board.get_cycle(library, refund.id, TODAY).history[0]
    detail = cycle_board.get_cycle(library, first.id, TODAY)
    assert detail.roi is not None
    assert detail.roi.change == pytest.approx(4.1)  # retention 70 -> 74.1
    assert detail.roi.ratio == pytest.approx((4.1 * 12000 - 18000) / 18000)
    previous = cycles.update_intervention_cost(library, detail.intervention_id, cost=None)
    assert previous == {"cost": 18000.0}
    assert cycle_board.get_cycle(library, first.id, TODAY).roi is None


def test_a_decision_can_be_taken_back_while_nothing_builds_on_it(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    standard = _card(library, demo_id, "Count callbacks kept, not only handle time", clock)
    cycles.reopen_decision(library, standard.id)
    detail = cycle_board.get_cycle(library, standard.id, TODAY)
    assert (detail.decision, detail.decision_reason, detail.phase) == (None, "", Phase.ACT)
    refund = _card(library, demo_id, "Refund authority up to £150", clock)
    first = cycle_board.get_cycle(library, refund.id, TODAY).history[0]
    with pytest.raises(InvalidInput, match="Cycle 2 follows from this decision"):
        cycles.reopen_decision(library, first.id)


def test_extra_checks_count_from_the_do_start_and_never_twice(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    practice = _card(library, demo_id, "Close-the-loop call practice", clock)
    check_id = checkpoints.add_checkpoint(library, practice.id, 120)
    detail = cycle_board.get_cycle(library, practice.id, TODAY)
    assert [(c.offset_days, c.due_on) for c in detail.checks][-1] == (120, date(2027, 1, 25))
    with pytest.raises(InvalidInput, match="already has a 120-day check"):
        checkpoints.add_checkpoint(library, practice.id, 120)
    plan = _card(library, demo_id, "Single account view in billing", clock)
    with pytest.raises(InvalidInput, match="start Do first"):
        checkpoints.add_checkpoint(library, plan.id, 30)
    snapshot = checkpoints.delete_checkpoint(library, check_id)
    assert len(cycle_board.get_cycle(library, practice.id, TODAY).checks) == 3
    assert snapshot.count("checkpoint") == 1


def test_a_check_cannot_be_held_before_do_started(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    practice = _card(library, demo_id, "Close-the-loop call practice", clock)
    assert practice.next_check is not None
    record = checkpoints.CheckRecord(
        done_on=date(2026, 9, 1), applied=Applied.NO, how_observed="Call audit", value=30.0
    )
    with pytest.raises(InvalidInput, match="before Do started"):
        checkpoints.record_checkpoint(library, practice.next_check.id, record)
