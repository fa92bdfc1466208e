"""Files that are not current Kaizen libraries are refused with one sentence and left
byte-for-byte as they were."""

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from kaizen_studio.domain.errors import LibraryRefused
from kaizen_studio.storage.integrity import check_library
from kaizen_studio.storage.library import open_library


def _text(path: Path) -> None:
    path.write_text("Agenda for Tuesday\n", encoding="utf-8")


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()


def _ours(path: Path) -> None:
    open_library(path, create=True).close()


def _newer(path: Path) -> None:
    _ours(path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()


def _with(sql: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _ours(path)
        connection = sqlite3.connect(path)
        connection.execute(sql)
        connection.commit()
        connection.close()

    return make


def _truncated(path: Path) -> None:
    _ours(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "text file": (_text, "not a database"),
    "random bytes": (_random, "not a database"),
    "empty file": (_empty, "is empty"),
    "foreign SQLite database": (_foreign, "another program"),
    "newer schema": (_newer, "newer version"),
    "trigger": (
        _with("CREATE TRIGGER t AFTER INSERT ON note BEGIN DELETE FROM workshop; END"),
        "triggers",
    ),
    "view": (_with("CREATE VIEW v AS SELECT 1"), "triggers or views"),
    "stranger table": (_with("CREATE TABLE payload (x)"), "not Kaizen Studio's"),
    "truncated": (_truncated, "damaged"),
    "extra column": (_with("ALTER TABLE note ADD COLUMN payload TEXT DEFAULT 'x'"), "altered"),
    "missing table": (_with("DROP TABLE action_item"), "action_item table is missing"),
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_and_untouched(case: str, tmp_path: Path) -> None:
    make, words = CASES[case]
    path = tmp_path / "suspect.kaizen"
    make(path)
    _sidecars(path)
    before = _digest(path)
    with pytest.raises(LibraryRefused, match=words) as refusal:
        open_library(path)
    message = str(refusal.value)
    assert message.endswith(".") and "\n" not in message and "suspect.kaizen" in message
    with pytest.raises(LibraryRefused):
        check_library(path)
    assert _digest(path) == before
    assert list(tmp_path.iterdir()) == [path] or all(
        p == path or p.name.endswith(("-wal", "-shm")) for p in tmp_path.iterdir()
    )


def test_missing_file_is_refused_unless_creating(tmp_path: Path) -> None:
    with pytest.raises(LibraryRefused, match="no library"):
        open_library(tmp_path / "nothing.kaizen")
    with pytest.raises(LibraryRefused, match="folder"):
        open_library(tmp_path / "no" / "such" / "folder.kaizen", create=True)
    assert list(tmp_path.iterdir()) == []


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryRefused, match="is a folder"):
        open_library(tmp_path)


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shared.kaizen"
    _ours(path)
    path.chmod(0o444)
    before = _digest(path)
    with pytest.raises(LibraryRefused, match="read-only"):
        open_library(path)
    assert _digest(path) == before
