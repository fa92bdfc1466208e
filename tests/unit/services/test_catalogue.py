"""The catalogue of intervention formats: the built-in file, and formats of the
facilitator's own kept in the library."""

import json

import pytest

from kaizen_studio.domain.enums import InterventionKind
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.services import catalogue, interventions
from kaizen_studio.services.catalogue import built_in_formats, find_format, list_formats
from kaizen_studio.services.interchange import export_workshop, import_workshop
from kaizen_studio.services.removal import put_back
from kaizen_studio.services.resources import resource
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import Library, open_library

LEARNING_KEYS = {
    "practice_simulation",
    "coaching",
    "mentoring",
    "peer_learning",
    "job_shadowing",
    "cross_skilling",
    "instructor_led",
    "e_learning",
    "lunch_and_learn",
    "job_aid",
}
NON_LEARNING_KEYS = {"process_change", "tool_fix", "incentive_change", "expectation_feedback"}


def test_the_built_in_catalogue_holds_every_format_the_method_names() -> None:
    formats = {f.key: f for f in built_in_formats()}
    assert set(formats) == LEARNING_KEYS | NON_LEARNING_KEYS
    assert {k for k, f in formats.items() if f.kind is InterventionKind.LEARNING} == LEARNING_KEYS
    for found in formats.values():
        assert found.built_in and found.name and found.description and found.when_to_use
        assert len(found.key) <= 60 and len(found.description) <= 2000
    # Practice is what separates building a skill from passing on information.
    assert formats["practice_simulation"].practice and formats["coaching"].practice
    assert not formats["e_learning"].practice and not formats["lunch_and_learn"].practice
    assert not any(formats[k].practice for k in NON_LEARNING_KEYS)


def test_the_catalogue_file_is_plain_data_with_a_format_header() -> None:
    data = json.loads(resource("catalogue", "intervention_formats.json").read_text("utf-8"))
    assert data["format"] == "kaizen-studio/intervention-catalogue" and data["version"] == 1
    fields = {"key", "name", "kind", "practice", "description", "when_to_use"}
    assert all(set(record) == fields for record in data["formats"])


def test_a_facilitator_adds_a_format_that_every_workshop_of_the_library_offers(
    library: Library,
) -> None:
    added = catalogue.add_format(
        library,
        "  Buddy shift ",
        InterventionKind.LEARNING,
        description="A new starter works a shift beside a buddy.",
        when_to_use="New starters lack confidence on live calls.",
        practice=True,
    )
    assert added.key == "custom_buddy_shift" and added.name == "Buddy shift"
    assert not added.built_in and added.practice
    formats = list_formats(library)
    assert formats[-1 - len(NON_LEARNING_KEYS)] == added  # last of the learning ones
    assert [f.kind for f in formats] == sorted(
        (f.kind for f in formats), key=lambda k: k is not InterventionKind.LEARNING
    )
    assert catalogue.get_format(library, "custom_buddy_shift") == added


def test_names_are_unique_and_keys_never_clash(library: Library) -> None:
    with pytest.raises(InvalidInput, match="already a format called “Coaching”"):
        catalogue.add_format(library, "coaching", "learning")
    first = catalogue.add_format(library, "Visual board", "non_learning")
    second = catalogue.add_format(library, "Visual-board!", "non_learning")
    assert (first.key, second.key) == ("custom_visual_board", "custom_visual_board_2")
    accented = catalogue.add_format(library, "Café débrief", "learning")
    assert accented.key == "custom_cafe_debrief"
    with pytest.raises(InvalidInput, match="cannot be empty"):
        catalogue.add_format(library, "   ", "learning")
    with pytest.raises(ValueError):
        catalogue.add_format(library, "Odd", "maybe")


def test_editing_a_format_returns_what_undo_needs(library: Library) -> None:
    added = catalogue.add_format(library, "Buddy shift", "learning")
    assert added.custom_id is not None
    previous = catalogue.update_format(
        library, added.custom_id, name="Buddy shifts", practice=True, kind="non_learning"
    )
    changed = catalogue.get_format(library, added.key)
    assert (changed.name, changed.practice, changed.kind) == (
        "Buddy shifts",
        True,
        InterventionKind.NON_LEARNING,
    )
    catalogue.update_format(library, added.custom_id, **previous)
    assert catalogue.get_format(library, added.key) == added
    with pytest.raises(InvalidInput, match="already a format called “E-learning module”"):
        catalogue.update_format(library, added.custom_id, name="E-learning module")
    with pytest.raises(NotFound):
        catalogue.update_format(library, 999, name="Nothing")


def test_a_format_in_use_is_not_removed(library: Library) -> None:
    workshop = create_workshop(library, "Depot 4")
    added = catalogue.add_format(library, "Buddy shift", "learning")
    assert added.custom_id is not None
    item = interventions.add_intervention(library, workshop.id, "Buddy week", added.key)
    with pytest.raises(InvalidInput, match="1 intervention uses “Buddy shift”"):
        catalogue.remove_format(library, added.custom_id)
    interventions.delete_intervention(library, item.id)
    snapshot = catalogue.remove_format(library, added.custom_id)
    assert all(f.key != added.key for f in list_formats(library))
    put_back(library, snapshot)
    assert catalogue.get_format(library, added.key) == added


def test_an_unknown_key_reads_as_a_stand_in_rather_than_failing() -> None:
    stand_in = find_format(built_in_formats(), "custom_night_shift_huddle")
    assert stand_in.name == "Night shift huddle"


def test_custom_formats_travel_with_the_workshops_that_use_them(library: Library, tmp_path) -> None:
    workshop = create_workshop(library, "Depot 4")
    used = catalogue.add_format(library, "Buddy shift", "learning", practice=True)
    catalogue.add_format(library, "Never used", "non_learning")
    interventions.add_intervention(library, workshop.id, "Buddy week", used.key)
    data = export_workshop(library, workshop.id)
    assert [f["key"] for f in data["custom_format"]] == [used.key]
    assert data["intervention"][0]["format_key"] == used.key
    with open_library(tmp_path / "other.kaizen", create=True) as other:
        new_id = import_workshop(other, data)
        (item,) = interventions.list_interventions(other, new_id)
        assert (item.format_name, item.practice) == ("Buddy shift", True)
