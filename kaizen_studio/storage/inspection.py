"""Look at a file, read-only, and say whether it is a Kaizen library we may open.

Nothing here writes: a refused file stays byte-for-byte as it was. The
schema is read from sqlite_master as data; none of the file's SQL runs.
"""

import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, inspect

from kaizen_studio.domain.errors import LibraryRefused
from kaizen_studio.domain.tables import metadata
from kaizen_studio.storage.migrate import head_revision, known_revisions, upgrade

# "KZNS" in the SQLite header marks a Kaizen Studio library.
APPLICATION_ID = 0x4B5A4E53
SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables of older schema versions that no longer exist go here too.
OUR_TABLES = frozenset(metadata.tables) | {"alembic_version"}
SQLITE_INTERNAL = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4")


@dataclass(frozen=True)
class LibraryState:
    """What a file on disk is, once it has passed inspection."""

    exists: bool
    revision: str | None = None

    @property
    def needs_upgrade(self) -> bool:
        return self.exists and self.revision != head_revision()


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, with schema SQL distrusted."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=2.0)
    connection.execute("PRAGMA trusted_schema = OFF")
    return connection


def inspect_library(path: Path) -> LibraryState:
    """Classify `path`; raise LibraryRefused (one sentence) for anything not ours."""
    name = path.name
    if not path.exists():
        if not path.parent.is_dir():
            raise LibraryRefused(f"The folder for {name} does not exist: {path.parent}.")
        return LibraryState(exists=False)
    if path.is_dir():
        raise LibraryRefused(f"{name} is a folder, not a Kaizen Studio library.")
    _check_header(path)
    try:
        connection = read_only_connection(path)
    except sqlite3.Error as error:
        raise LibraryRefused(f"{name} could not be read: {error}.") from error
    try:
        return LibraryState(exists=True, revision=_inspect_schema(connection, name))
    except sqlite3.OperationalError as error:
        if "locked" in str(error):
            raise LibraryRefused(
                f"{name} is locked by another program; close it and try again."
            ) from error
        raise LibraryRefused(f"{name} is damaged or is not a database ({error}).") from error
    except sqlite3.DatabaseError as error:
        raise LibraryRefused(f"{name} is damaged or is not a database ({error}).") from error
    finally:
        connection.close()


def _check_header(path: Path) -> None:
    name = path.name
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except PermissionError as error:
        raise LibraryRefused(f"{name} cannot be read: permission denied.") from error
    except OSError as error:
        raise LibraryRefused(f"{name} cannot be read: {error.strerror}.") from error
    if not header:
        raise LibraryRefused(f"{name} is empty, so it is not a Kaizen Studio library.")
    if header != SQLITE_MAGIC:
        raise LibraryRefused(f"{name} is not a Kaizen Studio library (it is not a database).")


def _inspect_schema(connection: sqlite3.Connection, name: str) -> str:
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    if application_id != APPLICATION_ID:
        raise LibraryRefused(
            f"{name} is a database of another program, not a Kaizen Studio library."
        )
    _refuse_foreign_objects(connection, name)
    revision = _revision(connection)
    if revision is None:
        raise LibraryRefused(f"{name} is damaged: it has no schema version.")
    if revision not in known_revisions():
        raise LibraryRefused(
            f"{name} was written by a newer version of Kaizen Studio (schema {revision}); "
            "update the app to open it."
        )
    _refuse_altered_tables(connection, name, expected_columns(revision))
    return revision


def _refuse_foreign_objects(connection: sqlite3.Connection, name: str) -> None:
    rows = connection.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    kinds = {kind for kind, _, _ in rows}
    if kinds & {"trigger", "view"}:
        raise LibraryRefused(
            f"{name} contains triggers or views that Kaizen Studio never writes, "
            "so it was not opened."
        )
    ours = OUR_TABLES | set(SQLITE_INTERNAL)
    strangers = sorted({table for _, _, table in rows if table not in ours})
    if strangers:
        raise LibraryRefused(
            f"{name} contains tables that are not Kaizen Studio's ({', '.join(strangers[:3])}), "
            "so it was not opened."
        )


def _refuse_altered_tables(
    connection: sqlite3.Connection, name: str, expected: dict[str, frozenset[str]]
) -> None:
    """Every table of the version must be there with exactly its columns."""
    for table, columns in sorted(expected.items()):
        # The name comes from our own schema, never from the file.
        found = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        if not found:
            raise LibraryRefused(f"{name} is damaged: its {table} table is missing.")
        if found != columns:
            odd = sorted(found ^ columns)
            raise LibraryRefused(
                f"{name} has been altered (table {table}: {', '.join(odd[:3])}), "
                "so it was not opened."
            )


def expected_columns(revision: str) -> dict[str, frozenset[str]]:
    """The tables and columns a library of `revision` has."""
    if revision == head_revision():
        columns = {table.name: frozenset(table.c.keys()) for table in metadata.tables.values()}
        return {**columns, "alembic_version": frozenset({"version_num"})}
    return _migrated_columns(revision)


@cache
def _migrated_columns(revision: str) -> dict[str, frozenset[str]]:
    """Older versions are described by migrating an empty database to them."""
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            upgrade(connection, revision)
            schema = inspect(connection)
            return {
                table: frozenset(column["name"] for column in schema.get_columns(table))
                for table in schema.get_table_names()
            }
    finally:
        engine.dispose()


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])
