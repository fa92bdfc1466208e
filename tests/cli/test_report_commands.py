"""report, import-notes and export to CSV, run as a script would."""

import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def demo(kaizen, tmp_path: Path) -> Path:
    path = tmp_path / "demo.kaizen"
    kaizen("demo", str(path), check_ok=True)
    return path


def test_report_and_a3(kaizen, demo: Path, tmp_path: Path) -> None:
    result = kaizen("report", str(demo), "--workshop", "1", "-o", "board.pdf", check_ok=True)
    assert "Wrote the workshop report (" in result.stdout
    subprocess.run(
        ["qpdf", "--check", str(tmp_path / "board.pdf")], check=True, capture_output=True
    )
    result = kaizen(
        "report", str(demo), "--workshop", "1", "-o", "a3.pdf", "--a3", "--theme", "2",
        check_ok=True,
    )  # fmt: skip
    assert "A3 one-pager (1 page)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "board.docx"], "A report is a PDF"),
        (["-o", "missing/board.pdf"], "does not exist"),
        (["-o", "b.pdf", "--theme", "1"], "add --a3"),
        (["-o", "b.pdf", "--workshop", "42"], "no workshop with id 42"),
    ],
)
def test_report_mistakes_are_one_sentence(kaizen, demo: Path, args, message) -> None:
    base = ["report", str(demo)] + ([] if "--workshop" in args else ["--workshop", "1"])
    result = kaizen(*base, *args, check_ok=False)
    assert message in result.stderr


def test_import_notes_is_all_or_none(kaizen, demo: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("Kommentar;Name;Impact\nKeine Scanner;Lena;4\nZu viele Klicks;;2\n", "utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("text,impact\nFine,1\nBroken,11\n", "utf-8-sig")
    result = kaizen("import-notes", str(demo), "--workshop", "1", str(bad), check_ok=False)
    assert "line 3" in result.stderr and "nothing was imported" in result.stderr
    listed = kaizen("list", str(demo), "--json", check_ok=True).stdout
    assert '"notes": 48' in listed
    result = kaizen(
        "import-notes", str(demo), "--workshop", "1", str(good), "--column", "text=Kommentar",
        check_ok=True,
    )  # fmt: skip
    assert result.stdout.strip() == "Added 2 notes and 1 new participant."
    assert '"notes": 50' in kaizen("list", str(demo), "--json", check_ok=True).stdout
    result = kaizen(
        "import-notes", str(demo), "--workshop", "1", str(good), "--column", "text=Nope",
        check_ok=False,
    )  # fmt: skip
    assert "no column 'Nope'" in result.stderr


def test_export_notes_to_csv(kaizen, demo: Path, tmp_path: Path) -> None:
    result = kaizen("export", str(demo), "--workshop", "1", "-o", "notes.csv", check_ok=True)
    assert "Wrote 48 notes" in result.stdout
    text = (tmp_path / "notes.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("text,participant,area,frequency,impact,")
    assert "Slow billing lookups" in text
