"""A workshop exported, imported elsewhere and exported again gives the same file."""

import json
from pathlib import Path

import pytest

from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.services.interchange import (
    export_workshop,
    import_workshop,
    read_export,
    write_export,
)
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import Library, open_library


def test_round_trip_through_another_library_is_identical(
    library: Library, demo_id: int, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    write_export(library, demo_id, first)
    with open_library(tmp_path / "other.kaizen", create=True) as other:
        create_workshop(other, "Something already here")  # ids differ in the other library
        new_id = import_workshop(other, read_export(first))
        second = tmp_path / "second.json"
        write_export(other, new_id, second)
    assert first.read_bytes() == second.read_bytes()


def test_export_holds_every_stage_and_no_database_ids(library: Library, demo_id: int) -> None:
    data = export_workshop(library, demo_id)
    for table in (
        "participant",
        "outcome",
        "note",
        "theme",
        "vote",
        "triage",
        "cause",
        "behaviour",
        "intervention",
        "cycle",
        "checkpoint",
        "measurement",
        "action_item",
    ):
        assert data[table], f"the demo export has no {table}"
    text = json.dumps(data)
    assert '"id":' not in text and '"workshop_id"' not in text
    stacked = [note for note in data["note"] if note["stacked_on"] is not None]
    assert stacked and all(isinstance(note["stacked_on"], int) for note in stacked)


BROKEN = {
    "not JSON": "{not json",
    "another program's JSON": '{"name": "x"}',
    "newer format": '{"format": "kaizen-studio/workshop", "version": 99, "workshop": {}}',
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_unreadable_files_are_one_sentence(case: str, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(BROKEN[case], encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        read_export(path)
    assert "\n" not in str(error.value)


def test_a_bad_reference_adds_nothing(library: Library, demo_id: int) -> None:
    data = export_workshop(library, demo_id)
    data["note"][3]["theme"] = 999
    with pytest.raises(InvalidInput, match=r"note #4.*missing theme"):
        import_workshop(library, data)
    from kaizen_studio.services.workshops import list_workshops

    assert len(list_workshops(library)) == 1


def test_wrong_value_types_are_refused(library: Library, demo_id: int) -> None:
    data = export_workshop(library, demo_id)
    data["note"][0]["impact"] = "high"
    with pytest.raises(InvalidInput, match="wrong kind"):
        import_workshop(library, data)
    data = export_workshop(library, demo_id)
    data["note"][0]["colour"] = "red"
    with pytest.raises(InvalidInput, match="unknown field 'colour'"):
        import_workshop(library, data)
