"""Notes in from CSV as Excel and survey tools write it; tables out, safe to open in Excel."""

import csv
import json
from pathlib import Path

import pytest

from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.csv_interchange import (
    guard,
    import_notes,
    import_notes_csv,
    parse_notes,
    read_csv,
)
from kaizen_studio.services.interchange import export_workshop, import_workshop
from kaizen_studio.services.notes import list_notes
from kaizen_studio.services.participants import list_participants
from kaizen_studio.services.reports.tables import CSV_TABLES, write_csv
from kaizen_studio.services.workshops import create_workshop, update_workshop
from kaizen_studio.storage.library import Library, open_library

ROWS = [
    ["text", "participant", "area", "frequency", "impact"],
    ["Billing screen is slow, customers wait", "Priya", "Billing", "5", "4"],
    ['Refunds need a supervisor; "quick" approval takes days', "Jonas", "Refunds", "", "high"],
    ["Two lines\nin one cell", "", "", "daily", "3.0"],
    ["Ελληνικά και кириллица, Café", "Priya", "Knowledge", "2", ""],
]


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    lines: list[str] = []

    class Sink:
        def write(self, value: str) -> None:
            lines.append(value)

    csv.writer(Sink(), delimiter=delimiter).writerows(rows)
    return "".join(lines)


@pytest.fixture
def workshop(library: Library) -> int:
    return create_workshop(library, "Depot 4").id


DIALECTS = {
    "Excel UTF-8, comma, BOM": (",", "utf-8-sig"),
    "European Excel, semicolon, no BOM": (";", "utf-8"),
    "survey tool, tab, UTF-16": ("\t", "utf-16"),
}


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_every_dialect_reads_the_same_notes(
    dialect: str, library: Library, workshop: int, tmp_path: Path
) -> None:
    delimiter, encoding = DIALECTS[dialect]
    path = _write(tmp_path / "notes.csv", _csv_text(ROWS, delimiter), encoding)
    result = import_notes_csv(library, workshop, path, strict=True)
    assert len(result.note_ids) == 4 and not result.problems
    notes = list_notes(library, workshop)
    assert [n.text for n in notes] == [row[0] for row in ROWS[1:]]
    assert [(n.frequency, n.impact) for n in notes] == [(5, 4), (None, 4), (4, 3), (2, None)]
    assert notes[0].process_area == "Billing"
    people = {p.id: p.name for p in list_participants(library, workshop)}
    assert sorted(people.values()) == ["Jonas", "Priya"]  # Priya once, though she wrote twice
    assert people[notes[0].participant_id] == people[notes[3].participant_id] == "Priya"
    assert notes[2].participant_id is None


def test_windows_1252_files_from_old_excel_read_too(tmp_path: Path) -> None:
    path = _write(tmp_path / "old.csv", "note;area\r\nCafé crème is cold;Kitchen\r\n", "cp1252")
    table = read_csv(path)
    assert table.encoding == "Windows-1252"
    assert parse_notes(table).rows[0].text == "Café crème is cold"


def test_survey_headers_are_mapped_by_their_words(tmp_path: Path) -> None:
    text = "Respondent name,Department,How often does it happen?,Severity,Comment\n"
    text += "Ana,Picking,weekly,very high,Scanner batteries die mid-shift\n"
    parsed = parse_notes(read_csv(_write(tmp_path / "survey.csv", text, "utf-8")))
    assert parsed.columns == {"text": 4, "participant": 0, "area": 1, "frequency": 2, "impact": 3}
    row = parsed.rows[0]
    assert (row.text, row.participant, row.area, row.frequency, row.impact) == (
        "Scanner batteries die mid-shift", "Ana", "Picking", 3, 5,
    )  # fmt: skip


def test_a_single_column_without_header_is_one_note_per_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "plain.csv", "Printer jams\nWaiting for keys\n", "utf-8")
    assert [row.text for row in parse_notes(read_csv(path)).rows] == [
        "Printer jams",
        "Waiting for keys",
    ]


def test_bad_rows_are_reported_by_line_and_good_rows_kept(
    library: Library, workshop: int, tmp_path: Path
) -> None:
    text = (
        "text;impact\n"  # line 1
        "Good one;2\n"  # line 2
        '"A note over\ntwo lines";3\n'  # lines 3-4
        ";4\n"  # line 5: no text
        "Bad impact;9\n"  # line 6
        "\n"  # line 7: blank, skipped quietly
        "Also good;\n"  # line 8
    )
    path = _write(tmp_path / "mixed.csv", text, "utf-8")
    with pytest.raises(InvalidInput, match=r"on line 5 \(2 rows have problems\); nothing was"):
        import_notes_csv(library, workshop, path, strict=True)
    assert list_notes(library, workshop) == []  # all or none

    result = import_notes_csv(library, workshop, path)
    assert [str(p) for p in result.problems] == [
        "Line 5: the note text is empty.",
        "Line 6: impact must be 1 to 5 (or a word such as 'high'), not '9'.",
    ]
    assert [n.text for n in list_notes(library, workshop)] == [
        "Good one",
        "A note over\ntwo lines",
        "Also good",
    ]
    assert result.summary() == "Added 3 notes. Skipped 2 rows with problems."


UNREADABLE = {
    "no text column": ("name,area\nAna,Picking\n", "No column of bad.csv holds the note text"),
    "empty file": ("\n\n", "holds no rows"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_unusable_files_are_one_sentence(case: str, tmp_path: Path) -> None:
    text, message = UNREADABLE[case]
    with pytest.raises(InvalidInput, match=message):
        parse_notes(read_csv(_write(tmp_path / "bad.csv", text, "utf-8")))
    with pytest.raises(InvalidInput, match="There is no file"):
        read_csv(tmp_path / "missing.csv")


def test_anonymous_workshops_keep_names_out(
    library: Library, workshop: int, tmp_path: Path
) -> None:
    update_workshop(library, workshop, anonymous_notes=True)
    path = _write(tmp_path / "n.csv", _csv_text(ROWS, ","), "utf-8")
    result = import_notes_csv(library, workshop, path)
    assert result.participant_ids == () and result.names_left_out
    assert list_participants(library, workshop) == []
    assert "anonymous" in result.summary()


def test_formula_cells_are_guarded_and_notes_round_trip(
    library: Library, workshop: int, tmp_path: Path, clock: FixedClock
) -> None:
    tricky = ['=HYPERLINK("http://x")', "+1 call", "-40 seconds", "@SUM(A1)", "'=kept", 'a, b; "c"']
    source = tmp_path / "in.csv"
    rows = [["text", "participant", "area", "frequency", "impact"]]
    rows += [[text, "Ana", "=cmd", "3", "4"] for text in tricky]
    _write(source, _csv_text(rows, ","), "utf-8")
    import_notes_csv(library, workshop, source, strict=True)
    out = tmp_path / "notes.csv"
    assert write_csv(library, workshop, out, "notes", clock=clock) == len(tricky)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    cells = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert [row[0] for row in cells[1:5]] == ["'" + text for text in tricky[:4]]
    assert all(not row[2].startswith("=") for row in cells[1:])
    # Read back into another workshop: the same notes, apostrophes gone.
    other = create_workshop(library, "Copy").id
    import_notes_csv(library, other, out, strict=True)
    before = [
        (n.text, n.process_area, n.frequency, n.impact) for n in list_notes(library, workshop)
    ]
    after = [(n.text, n.process_area, n.frequency, n.impact) for n in list_notes(library, other)]
    assert after == before
    assert [p.name for p in list_participants(library, other)] == ["Ana"]


def test_guard_leaves_numbers_and_plain_text_alone() -> None:
    assert guard(-3) == -3 and guard(2.5) == 2.5
    assert guard("plain") == "plain" and guard("=1") == "'=1" and guard("\t=1") == "'\t=1"


def test_every_table_exports(library: Library, demo_id: int, tmp_path: Path, clock) -> None:
    counts = {}
    for table in CSV_TABLES:
        path = tmp_path / f"{table}.csv"
        counts[table] = write_csv(library, demo_id, path, table, clock=clock)
        header = next(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
        assert header and all(header)
    assert counts == {"notes": 48, "themes": 7, "votes": 30, "interventions": 7, "actions": 9}
    with pytest.raises(InvalidInput, match="no table 'people'"):
        write_csv(library, demo_id, tmp_path / "x.csv", "people")


def test_demo_with_imported_notes_round_trips_through_json(
    library: Library, demo_id: int, tmp_path: Path
) -> None:
    path = _write(tmp_path / "n.csv", _csv_text(ROWS, ";"), "utf-8-sig")
    import_notes(library, demo_id, parse_notes(read_csv(path)))
    first = export_workshop(library, demo_id)
    with open_library(tmp_path / "other.kaizen", create=True) as other:
        copy = import_workshop(other, json.loads(json.dumps(first)))
        second = export_workshop(other, copy)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert len(first["note"]) == 52 and len(first["participant"]) == 12  # Priya, Jonas known
