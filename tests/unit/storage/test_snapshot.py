"""Undo of a delete puts back every row it took, with the same ids and references."""

from kaizen_studio.services.interchange import export_workshop
from kaizen_studio.services.removal import put_back, remove
from kaizen_studio.services.workshops import list_workshops
from kaizen_studio.storage.library import Library


def test_deleting_and_restoring_a_theme(library: Library, demo_id: int) -> None:
    before = export_workshop(library, demo_id)
    snapshot = remove(library, "theme", [5])  # a theme with notes, votes, triage, links
    during = export_workshop(library, demo_id)
    assert len(during["theme"]) == len(before["theme"]) - 1
    assert snapshot.count("vote") > 0 and snapshot.cleared  # its notes became unsorted
    put_back(library, snapshot)
    assert export_workshop(library, demo_id) == before


def test_deleting_and_restoring_a_whole_workshop(library: Library, demo_id: int) -> None:
    before = export_workshop(library, demo_id)
    snapshot = remove(library, "workshop", [demo_id])
    assert list_workshops(library) == []
    put_back(library, snapshot)
    assert export_workshop(library, demo_id) == before


def test_restoring_a_participant_gives_back_their_authorship(
    library: Library, demo_id: int
) -> None:
    before = export_workshop(library, demo_id)
    anonymous_before = sum(note["participant"] is None for note in before["note"])
    priyas = sum(note["participant"] == 0 for note in before["note"])
    snapshot = remove(library, "participant", [1])  # Priya, who wrote several notes
    notes = export_workshop(library, demo_id)["note"]
    assert sum(note["participant"] is None for note in notes) == anonymous_before + priyas
    put_back(library, snapshot)
    assert export_workshop(library, demo_id) == before


def test_removing_something_already_gone_deletes_nothing(library: Library, demo_id: int) -> None:
    import pytest

    from kaizen_studio.domain.errors import NotFound
    from kaizen_studio.services.notes import delete_notes, list_notes

    before = list_notes(library, demo_id)
    with pytest.raises(NotFound, match="no note with id 9999"):
        delete_notes(library, [before[0].id, 9999])
    assert list_notes(library, demo_id) == before
    with pytest.raises(NotFound, match="no check with id 9999"):
        from kaizen_studio.services.checkpoints import delete_checkpoint

        delete_checkpoint(library, 9999)
