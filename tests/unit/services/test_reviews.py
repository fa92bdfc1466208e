"""Reviews due across the library: what a facilitator must chase this week and next."""

from datetime import date

import pytest

from kaizen_studio.domain.enums import Decision, Phase
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.pdca import DueState
from kaizen_studio.services import action_items, cycle_board, cycles, workshops
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.demo import create_demo
from kaizen_studio.services.reviews import due_reviews
from kaizen_studio.storage.library import Library

TODAY = date(2026, 12, 1)


def test_the_demo_has_overdue_and_soon_due_items_in_date_order(
    library: Library, demo_id: int
) -> None:
    reviews = due_reviews(library, TODAY)
    assert [(r.due_on.isoformat(), r.kind, r.what) for r in reviews] == [
        ("2026-11-26", "check", "60-day check"),
        ("2026-11-28", "action", "Agree a one-page feedback form with the quality team"),
        ("2026-12-02", "action", "Brief both teams on the new limit"),
        ("2026-12-03", "action", "Pick three recorded calls per agent each week"),
        ("2026-12-11", "action", "Get the vendor's quote for the single account view"),
        ("2026-12-11", "check", "30-day check"),
    ]
    first = reviews[0]
    assert first.state is DueState.OVERDUE and first.when == "overdue by 5 days"
    assert first.intervention == "Close-the-loop call practice" and first.owner == "Dana"
    assert first.workshop_id == demo_id
    assert first.as_json()["cycle_id"] == first.cycle_id
    assert reviews[2].state is DueState.DUE_SOON and reviews[2].when == "due tomorrow"


def test_the_window_and_today_travel_with_the_clock(library: Library, demo_id: int) -> None:
    assert [r.due_on for r in due_reviews(library, TODAY, days=0)] == [
        date(2026, 11, 26),
        date(2026, 11, 28),
    ]
    later = due_reviews(library, date(2026, 12, 27), days=0)
    assert {r.what for r in later if r.kind == "check"} == {"60-day check", "90-day check",
                                                            "30-day check"}  # fmt: skip
    with pytest.raises(InvalidInput, match="whole number"):
        due_reviews(library, TODAY, days=-1)


def test_done_items_and_decided_cycles_drop_off(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    overdue_action = next(r for r in due_reviews(library, TODAY) if r.kind == "action")
    action_items.update_action(library, overdue_action.item_id, done=True, clock=clock)
    assert overdue_action.item_id not in {r.item_id for r in due_reviews(library, TODAY)}
    practice = next(r for r in due_reviews(library, TODAY) if r.kind == "check")
    assert cycle_board.get_cycle(library, practice.cycle_id, TODAY).phase is Phase.CHECK
    cycles.decide_cycle(library, practice.cycle_id, Decision.ABANDON, "Team merged", clock=clock)
    assert practice.cycle_id not in {r.cycle_id for r in due_reviews(library, TODAY)}


def test_reviews_span_every_workshop_of_the_library(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    second = create_demo(library, FixedClock(date(2026, 11, 24)))  # a week older
    workshops.update_workshop(library, second, title="Depot B")
    reviews = due_reviews(library, TODAY)
    assert {r.workshop for r in reviews} == {
        "Depot B",
        workshops.get_workshop(library, demo_id).title,
    }
    dates = [r.due_on for r in reviews]
    assert dates == sorted(dates)
