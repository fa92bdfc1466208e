"""The basic use cases every stage stands on: workshops, people, outcomes, notes."""

from datetime import date

import pytest

from kaizen_studio.domain.enums import Direction, Stage, StakeholderGroup
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.services import agenda, notes, outcomes, participants, workshops
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.notes import NoteDraft
from kaizen_studio.services.removal import put_back
from kaizen_studio.storage.library import Library, open_library


def test_a_workshop_is_created_listed_edited_and_deleted(
    library: Library, clock: FixedClock
) -> None:
    created = workshops.create_workshop(
        library, "  Warehouse picking errors ", site="Depot 4", clock=clock
    )
    assert created.title == "Warehouse picking errors" and created.stage is Stage.INTENT
    previous = workshops.update_workshop(library, created.id, title="Picking errors", dot_budget=5)
    assert previous == {"title": "Warehouse picking errors", "dot_budget": 3}
    [summary] = workshops.list_workshops(library)
    assert summary.title == "Picking errors" and summary.counts["notes"] == 0
    snapshot = workshops.delete_workshop(library, created.id)
    assert workshops.list_workshops(library) == []
    put_back(library, snapshot)
    assert workshops.get_workshop(library, created.id).dot_budget == 5


def test_bad_workshop_input_is_one_sentence(library: Library) -> None:
    with pytest.raises(InvalidInput, match="title cannot be empty"):
        workshops.create_workshop(library, "   ")
    info = workshops.create_workshop(library, "Picking")
    with pytest.raises(InvalidInput, match="dot budget"):
        workshops.update_workshop(library, info.id, dot_budget=0)
    with pytest.raises(NotFound, match="no workshop with id 99"):
        workshops.get_workshop(library, 99)


def test_notes_are_stored_at_once_and_survive_reopening(library_path, clock: FixedClock) -> None:
    with open_library(library_path, create=True) as library:
        workshop = workshops.create_workshop(library, "Picking", clock=clock)
        ana = participants.add_participant(
            library, workshop.id, name="Ana", group=StakeholderGroup.FRONTLINE
        )
        first = notes.add_note(
            library,
            workshop.id,
            "Scanner battery dies mid-shift",
            participant_id=ana.id,
            impact=4,
            clock=clock,
        )
        notes.add_note(library, workshop.id, "Labels print in the wrong order", clock=clock)
        notes.update_note(library, first.id, frequency=5, process_area="Picking")
    with open_library(library_path) as library:
        stored = notes.list_notes(library, workshop.id)
    assert [n.text for n in stored] == [
        "Scanner battery dies mid-shift",
        "Labels print in the wrong order",
    ]
    assert (stored[0].participant_id, stored[0].impact, stored[0].frequency) == (ana.id, 4, 5)
    assert stored[1].participant_id is None  # anonymous


def test_a_note_cannot_point_into_another_workshop(library: Library) -> None:
    mine = workshops.create_workshop(library, "Mine")
    theirs = workshops.create_workshop(library, "Theirs")
    stranger = participants.add_participant(library, theirs.id, name="Bo")
    with pytest.raises(NotFound, match="participant"):
        notes.add_note(library, mine.id, "Slow", participant_id=stranger.id)


def test_bulk_notes_are_all_or_nothing(library: Library) -> None:
    workshop = workshops.create_workshop(library, "Picking")
    drafts = [NoteDraft("Pallets block aisle 3"), NoteDraft("   "), NoteDraft("Radio dead zones")]
    with pytest.raises(InvalidInput):
        notes.add_notes(library, workshop.id, drafts)
    assert notes.list_notes(library, workshop.id) == []
    added = notes.add_notes(library, workshop.id, [drafts[0], drafts[2]])
    assert len(added) == 2


def test_deleting_notes_can_be_undone_with_their_ids(library: Library, demo_id: int) -> None:
    before = notes.list_notes(library, demo_id)
    snapshot = notes.delete_notes(library, [before[0].id, before[5].id])
    assert len(notes.list_notes(library, demo_id)) == len(before) - 2
    put_back(library, snapshot)
    assert notes.list_notes(library, demo_id) == before


def test_outcomes_keep_kpi_details(library: Library) -> None:
    workshop = workshops.create_workshop(library, "Retention")
    outcome = outcomes.add_outcome(
        library,
        workshop.id,
        "Customer retention",
        unit="%",
        direction=Direction.INCREASE,
        baseline=70,
        target=84,
        due_on=date(2027, 9, 30),
    )
    assert outcome.summary == "Customer retention: 70 → 84 % by 2027-09-30"
    with pytest.raises(InvalidInput, match="number"):
        outcomes.update_outcome(library, outcome.id, target="lots")


def test_agenda_defaults_and_replacement(library: Library) -> None:
    workshop = workshops.create_workshop(library, "Retention")
    assert agenda.minutes_for(library, workshop.id, Stage.CAPTURE) == 20
    boxes = [
        agenda.Timebox(Stage.CAPTURE, "Round 1", 10),
        agenda.Timebox(Stage.CAPTURE, "Round 2", 8),
    ]
    previous = agenda.set_agenda(library, workshop.id, boxes)
    assert agenda.minutes_for(library, workshop.id, Stage.CAPTURE) == 18
    agenda.set_agenda(library, workshop.id, previous)
    assert agenda.get_agenda(library, workshop.id) == previous


def test_duplicate_copies_everything(library: Library, demo_id: int) -> None:
    copy = workshops.duplicate_workshop(library, demo_id)
    assert copy.title.endswith("(copy)")
    by_id = {w.id: w.counts for w in workshops.list_workshops(library)}
    assert by_id[copy.id] == by_id[demo_id]


def test_a_near_repeat_stacks_under_the_first_note_of_its_pile(library: Library) -> None:
    workshop = workshops.create_workshop(library, "Picking")
    first = notes.add_note(library, workshop.id, "Forklift 3 broken again")
    second = notes.add_note(library, workshop.id, "forklift 3 is broken again!")
    third = notes.add_note(library, workshop.id, "Forklift 3 broken again!!")
    previous = notes.stack_note(library, second.id, first.id)
    assert previous == {"stacked_on_id": None, "theme_id": None}
    notes.stack_note(library, third.id, second.id)  # onto the pile's first note
    assert notes.get_note(library, third.id).stacked_on_id == first.id
    with pytest.raises(InvalidInput, match="stacked on itself"):
        notes.stack_note(library, first.id, first.id)
    with pytest.raises(InvalidInput, match="unstack them"):
        notes.stack_note(library, first.id, notes.add_note(library, workshop.id, "x").id)
    notes.update_note(library, second.id, **previous)  # the undo
    assert notes.get_note(library, second.id).stacked_on_id is None


def test_a_stacked_note_joins_the_theme_of_the_note_it_repeats(
    library: Library, demo_id: int
) -> None:
    sorted_note = next(n for n in notes.list_notes(library, demo_id) if n.theme_id is not None)
    repeat = notes.add_note(library, demo_id, sorted_note.text + " again")
    notes.stack_note(library, repeat.id, sorted_note.id)
    assert notes.get_note(library, repeat.id).theme_id == sorted_note.theme_id
    other = workshops.create_workshop(library, "Elsewhere")
    stranger = notes.add_note(library, other.id, "Forklift broken")
    with pytest.raises(NotFound, match="in this workshop"):
        notes.stack_note(library, stranger.id, sorted_note.id)


def test_near_duplicate_names_the_note_to_merge_into(library: Library) -> None:
    workshop = workshops.create_workshop(library, "Picking")
    first = notes.add_note(library, workshop.id, "Forklift 3 keeps breaking down")
    second = notes.add_note(library, workshop.id, "Labels print in the wrong order")
    third = notes.add_note(library, workshop.id, "Forklift 3 keeps breaking down on nights")
    notes.stack_note(library, third.id, first.id)
    existing = notes.list_notes(library, workshop.id)
    # Most like the stacked note: the first note of its pile is the one to merge into.
    match = notes.near_duplicate("forklift 3 keeps breaking down on nights!", existing)
    assert match is not None and match.id == first.id
    assert notes.near_duplicate("labels print in wrong order", existing) == second
    assert notes.near_duplicate("Radio dead zones in the cold store", existing) is None
    assert notes.near_duplicate("Anything", []) is None


def test_an_anonymous_workshop_keeps_no_authors(library: Library) -> None:
    workshop = workshops.create_workshop(library, "Picking", anonymous_notes=True)
    ana = participants.add_participant(library, workshop.id, name="Ana")
    with pytest.raises(InvalidInput, match="anonymous notes"):
        notes.add_note(library, workshop.id, "Slow scanners", participant_id=ana.id)
    with pytest.raises(InvalidInput, match="anonymous notes"):
        notes.add_notes(library, workshop.id, [NoteDraft("Slow", participant_id=ana.id)])
    note = notes.add_note(library, workshop.id, "Slow scanners")
    with pytest.raises(InvalidInput, match="anonymous notes"):
        notes.update_note(library, note.id, participant_id=ana.id)
    assert notes.list_notes(library, workshop.id)[0].participant_id is None


def test_agenda_input_is_checked_and_cleaned(library: Library) -> None:
    workshop = workshops.create_workshop(library, "Retention")
    with pytest.raises(InvalidInput, match="1 to 480 minutes"):
        agenda.set_agenda(library, workshop.id, [agenda.Timebox(Stage.CAPTURE, "Round", 0)])
    with pytest.raises(InvalidInput, match="no stage called"):
        agenda.set_agenda(library, workshop.id, [agenda.Timebox("lunch", "Round", 10)])  # type: ignore[arg-type]
    agenda.set_agenda(library, workshop.id, [agenda.Timebox(Stage.CAPTURE, " Round\x07 1 ", 10)])
    assert agenda.get_agenda(library, workshop.id) == [agenda.Timebox(Stage.CAPTURE, "Round 1", 10)]
    assert agenda.timeboxes_for(library, workshop.id, Stage.MAP) == [
        agenda.Timebox(Stage.MAP, "Map", 40)
    ]
    assert [agenda.describe_minutes(m) for m in (5, 60, 140)] == ["5 min", "1 h", "2 h 20 min"]
