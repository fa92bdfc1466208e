"""demo, list, check, export and import as a script or a person would run them."""

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from kaizen_studio import __version__
from kaizen_studio.storage.library import open_library


def test_version_names_app_qt_and_python(kaizen) -> None:
    result = kaizen("--version", check_ok=True)
    assert f"Kaizen Studio {__version__}" in result.stdout
    assert "PySide6" in result.stdout and "Python 3." in result.stdout


def test_help_lists_the_commands(kaizen) -> None:
    result = kaizen("--help", check_ok=True)
    for command in ("demo", "list", "check", "export", "import"):
        assert command in result.stdout


def test_demo_then_list_and_check(kaizen, tmp_path: Path) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    listing = kaizen("list", "x.kaizen", check_ok=True).stdout
    assert "Customer Care" in listing and "48" in listing
    data = json.loads(kaizen("list", "x.kaizen", "--json", check_ok=True).stdout)
    [workshop] = data["workshops"]
    assert workshop["id"] == 1 and workshop["notes"] == 48 and workshop["themes"] == 7
    assert workshop["stage"] == "pdca"
    assert "sound" in kaizen("check", "x.kaizen", check_ok=True).stdout
    connection = sqlite3.connect(tmp_path / "x.kaizen")
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def _write(path: Path, kind: str) -> None:
    if kind == "text":
        path.write_text("hello\n")
    elif kind == "random":
        path.write_bytes(os.urandom(2048))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "foreign":
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
        connection.close()
    elif kind == "newer":
        open_library(path, create=True).close()
        connection = sqlite3.connect(path)
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.commit()
        connection.close()


@pytest.mark.parametrize("kind", ["text", "random", "empty", "foreign", "newer"])
@pytest.mark.parametrize("command", ["check", "list"])
def test_bad_files_are_one_sentence_and_untouched(
    kaizen, tmp_path: Path, kind: str, command: str
) -> None:
    path = tmp_path / "bad.kaizen"
    _write(path, kind)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    kaizen(command, "bad.kaizen", check_ok=False)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_user_mistakes_are_one_sentence(kaizen) -> None:
    kaizen("list", "missing.kaizen", check_ok=False)
    kaizen("demo", "x.kaizen", check_ok=True)
    kaizen("list", "x.kaizen", "--workshop", "42", check_ok=False)
    kaizen("export", "x.kaizen", "--workshop", "1", "-o", "out.docx", check_ok=False)
    kaizen("export", "x.kaizen", "--workshop", "1", "-o", "no/such/folder/out.json", check_ok=False)
    kaizen("import", "x.kaizen", "missing.json", check_ok=False)
    assert kaizen("list").returncode == 2  # usage error from argparse


def test_export_import_round_trip(kaizen, tmp_path: Path) -> None:
    kaizen("demo", "a.kaizen", check_ok=True)
    kaizen("export", "a.kaizen", "--workshop", "1", "-o", "one.json", check_ok=True)
    kaizen("demo", "b.kaizen", check_ok=True)
    assert "as workshop 2" in kaizen("import", "b.kaizen", "one.json", check_ok=True).stdout
    kaizen("export", "b.kaizen", "--workshop", "2", "-o", "two.json", check_ok=True)
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()


def test_check_reports_an_older_library_without_changing_it(kaizen, tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "libraries" / "schema-0001.kaizen"
    path = tmp_path / "old.kaizen"
    path.write_bytes(fixture.read_bytes())
    result = kaizen("check", "old.kaizen", check_ok=True)
    assert "older" in result.stdout
    assert path.read_bytes() == fixture.read_bytes()
