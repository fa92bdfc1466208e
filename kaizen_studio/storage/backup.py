"""Copies of a library: before an upgrade, and "Save a copy"."""

import sqlite3
from datetime import datetime
from pathlib import Path

from kaizen_studio.storage.inspection import read_only_connection


def copy_library(source: Path, destination: Path) -> None:
    """A consistent copy, taken through SQLite so a live WAL is folded in."""
    reader = read_only_connection(source)
    try:
        writer = sqlite3.connect(destination)
        try:
            reader.backup(writer)
            # The copy is a standalone file, independent of any -wal beside it.
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
    finally:
        reader.close()


def backup_before_upgrade(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.schema-{revision}.{stamp}.bak{path.suffix}")
    copy_library(path, backup)
    return backup
