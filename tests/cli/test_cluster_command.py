"""`kaizen-studio cluster`: suggested themes for the unsorted notes, applied from a script."""

import json
from pathlib import Path

from kaizen_studio.services import notes
from kaizen_studio.services.board import read_board
from kaizen_studio.services.themes import open_board
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import open_library

WALL = [
    "Scanner battery dies before the end of the shift",
    "Scanner batteries are never charged in the morning",
    "Spare scanner batteries are locked in the office",
    "Labels print in the wrong order for the pick route",
    "Label printer jams on thick labels",
    "Labels come out smudged and will not scan",
    "Forklift booking sheet is always full by nine",
    "Nobody knows who booked the forklift",
    "Forklift keys go missing between shifts",
]


def _wall(path: Path) -> int:
    with open_library(path, create=True) as library:
        workshop = create_workshop(library, "Depot 4 picking")
        for text in WALL:
            notes.add_note(library, workshop.id, text)
        return workshop.id


def test_cluster_makes_the_asked_number_of_themes_and_sorts_every_note(
    kaizen, tmp_path: Path
) -> None:
    workshop_id = _wall(tmp_path / "depot.kaizen")
    result = kaizen(
        "cluster",
        "depot.kaizen",
        "--workshop",
        str(workshop_id),
        "--themes",
        "3",
        "--json",
        check_ok=True,
    )
    data = json.loads(result.stdout)
    assert len(data["themes"]) == 3 and data["unsorted"] == []
    groups = [sorted(theme["notes"]) for theme in data["themes"]]
    assert sorted(key for group in groups for key in group) == list(range(1, 10))
    # Batteries, labels and forklifts: each group holds one subject.
    assert sorted(groups) == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    with open_library(tmp_path / "depot.kaizen") as library:
        board = open_board(library, workshop_id)
        assert board.unsorted == 0 and len(board.frames) == 3
        assert not any(frame.locked for frame in board.frames)
        assert read_board(library, workshop_id) == board  # laid out and stored by the command


def test_cluster_leaves_existing_themes_and_reports_when_nothing_is_unsorted(
    kaizen, tmp_path: Path
) -> None:
    kaizen("demo", "demo.kaizen", check_ok=True)
    with open_library(tmp_path / "demo.kaizen") as library:
        before = {f.id: f.notes for f in open_board(library, 1).frames}
    text = kaizen("cluster", "demo.kaizen", "--workshop", "1", "--themes", "2", check_ok=True)
    assert "Added 2 themes" in text.stdout
    with open_library(tmp_path / "demo.kaizen") as library:
        board = open_board(library, 1)
        assert {f.id: f.notes for f in board.frames if f.id in before} == before
        assert board.unsorted == 0 and len(board.frames) == len(before) + 2
    again = kaizen("cluster", "demo.kaizen", "--workshop", "1", check_ok=True).stdout
    assert "no unsorted notes" in again


def test_cluster_mistakes_are_one_sentence(kaizen, tmp_path: Path) -> None:
    _wall(tmp_path / "depot.kaizen")
    kaizen("cluster", "depot.kaizen", "--workshop", "7", check_ok=False)
    kaizen("cluster", "missing.kaizen", "--workshop", "1", check_ok=False)
    result = kaizen("cluster", "depot.kaizen", "--workshop", "1", "--themes", "0", check_ok=False)
    assert "between 1 and 50" in result.stderr
