"""Opening what is not a sound, current, available library: a clear message, no crash,
and the file unchanged, in the GUI and on the command line."""

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from kaizen_studio.domain.errors import LibraryBusy, LibraryRefused
from kaizen_studio.services import notes, workshops
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.app import run_app

HOLDER = Path(__file__).with_name("lock_holder.py")


def _library(path: Path) -> None:
    with open_library(path, create=True) as library:
        workshops.create_workshop(library, "Shift handover")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to hash
    connection.close()


def _truncated(path: Path) -> None:
    _library(path)
    path.write_bytes(path.read_bytes()[:5000])


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()


def _newer(path: Path) -> None:
    _library(path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0999'")
    connection.commit()
    connection.close()


def _read_only(path: Path) -> None:
    _library(path)
    path.chmod(0o444)


BAD: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated library": (_truncated, "damaged"),
    "random bytes": (lambda p: p.write_bytes(os.urandom(8192)), "not a database"),
    "empty file": (lambda p: p.write_bytes(b""), "empty"),
    "foreign SQLite database": (_foreign, "another program"),
    "newer-version library": (_newer, "newer version"),
    "read-only library": (_read_only, "read-only"),
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """What the GUI showed in its error dialogs; settings kept in the temporary folder."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.mark.parametrize("case", sorted(BAD))
def test_gui_shows_one_sentence_and_leaves_the_file(
    case: str, tmp_path: Path, dialogs, qapp
) -> None:
    make, words = BAD[case]
    path = tmp_path / "library.kaizen"
    make(path)
    before = _digest(path)
    assert run_app(str(path)) == 1
    assert len(dialogs) == 1 and words in dialogs[0] and dialogs[0].endswith(".")
    assert _digest(path) == before


def test_gui_on_a_missing_folder(tmp_path: Path, dialogs, qapp) -> None:
    assert run_app(str(tmp_path / "gone" / "library.kaizen")) == 1
    assert dialogs and "does not exist" in dialogs[0]
    assert not (tmp_path / "gone").exists()


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kaizen_studio", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.parametrize("case", sorted(set(BAD) - {"read-only library"}))
def test_cli_shows_one_sentence_and_leaves_the_file(case: str, tmp_path: Path) -> None:
    make, words = BAD[case]
    path = tmp_path / "library.kaizen"
    make(path)
    before = _digest(path)
    for command in (["list", path.name], ["demo", path.name], ["check", path.name]):
        result = _cli(*command, cwd=tmp_path)
        assert result.returncode == 1, result
        assert "Traceback" not in result.stderr and words in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert _digest(path) == before


def test_cli_reads_a_read_only_library_but_will_not_write_it(tmp_path: Path) -> None:
    path = tmp_path / "library.kaizen"
    _read_only(path)
    before = _digest(path)
    assert "Shift handover" in _cli("list", path.name, cwd=tmp_path).stdout
    refused = _cli("demo", path.name, cwd=tmp_path)
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert _digest(path) == before


@contextmanager
def _held(path: Path, mode: str) -> Iterator[None]:
    with subprocess.Popen(
        [sys.executable, str(HOLDER), str(path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "holding"
        try:
            yield
        finally:
            holder.stdin.close()
            holder.wait(timeout=30)


def test_library_held_exclusively_by_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.kaizen"
    _library(path)
    with _held(path, "exclusive"), pytest.raises(LibraryRefused, match="locked by another"):
        open_library(path)


def test_edit_while_another_program_writes_says_busy_and_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "library.kaizen"
    _library(path)
    with open_library(path) as library:
        [workshop] = workshops.list_workshops(library)
        notes.add_note(library, workshop.id, "Handover notes are on paper")
        with _held(path, "write"):
            assert len(notes.list_notes(library, workshop.id)) == 1  # reading goes on
            with pytest.raises(LibraryBusy, match="busy"):
                notes.add_note(library, workshop.id, "Radio channel clash")
        notes.add_note(library, workshop.id, "Radio channel clash")  # once the other is done
        assert [n.text for n in notes.list_notes(library, workshop.id)] == [
            "Handover notes are on paper",
            "Radio channel clash",
        ]
