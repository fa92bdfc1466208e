"""Cycles of an intervention: opening the first and the next, prefilled from what is known."""

from datetime import date

import pytest
from sqlmodel import col, select

from kaizen_studio.domain.enums import Phase
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.domain.tables import Cycle, Intervention, Measurement
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.cycles import count_cycles, open_cycle
from kaizen_studio.storage.library import Library


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
