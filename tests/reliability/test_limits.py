"""The documented limits: a note of 100,000 characters, 10,000 notes, 200 participants."""

from pathlib import Path

import pytest

from kaizen_studio.domain.base import TEXT_MAX
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.services import notes, participants, workshops
from kaizen_studio.services.interchange import export_workshop, import_workshop
from kaizen_studio.services.notes import NoteDraft
from kaizen_studio.storage.integrity import check_library
from kaizen_studio.storage.library import Library, open_library


def test_a_note_of_the_maximum_length_is_kept_whole_and_one_more_is_refused(
    library: Library,
) -> None:
    workshop = workshops.create_workshop(library, "Long notes")
    longest = ("Ein langer Hinweis über Lärm, Wartezeiten und Ersatzteile. " * 2000)[:TEXT_MAX]
    stored = notes.add_note(library, workshop.id, longest)
    assert notes.get_note(library, stored.id).text == longest.strip()
    with pytest.raises(InvalidInput, match="too long: 100,001 characters, at most 100,000"):
        notes.add_note(library, workshop.id, "x" * (TEXT_MAX + 1))


@pytest.mark.slow
def test_ten_thousand_notes_and_two_hundred_people(library_path: Path, tmp_path: Path) -> None:
    with open_library(library_path, create=True) as library:
        workshop = workshops.create_workshop(library, "Whole site")
        people = [
            participants.add_participant(library, workshop.id, role=f"Picker {n}").id
            for n in range(200)
        ]
        drafts = [
            NoteDraft(
                f"Bottleneck {n}: pallet {n % 97} waits for aisle {n % 13}",
                participant_id=people[n % 200],
            )
            for n in range(10_000)
        ]
        notes.add_notes(library, workshop.id, drafts)
        [summary] = workshops.list_workshops(library)
        assert summary.counts["notes"] == 10_000 and summary.counts["participants"] == 200
        exported = export_workshop(library, workshop.id)
    with open_library(tmp_path / "copy.kaizen", create=True) as other:
        copy = import_workshop(other, exported)
        assert export_workshop(other, copy) == exported
    assert check_library(library_path).ok
