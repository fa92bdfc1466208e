"""Open or create a library file and hand out sessions on it.

A library is one SQLite file. Every connection turns foreign keys on,
uses the WAL journal (cheap per-edit commits, readers never block the
writer) and distrusts SQL stored in the schema.
"""

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session

from kaizen_studio.domain.errors import InvalidInput, LibraryBusy, LibraryRefused
from kaizen_studio.storage.backup import backup_before_upgrade
from kaizen_studio.storage.inspection import (
    APPLICATION_ID,
    inspect_library,
    read_only_connection,
)
from kaizen_studio.storage.lock import WriterLock
from kaizen_studio.storage.migrate import upgrade

LIBRARY_SUFFIX = ".kaizen"
BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA trusted_schema = OFF")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    # Connections are pooled (opening one costs more than a small edit) and
    # all closed by Library.close(), which disposes of the engine.
    if read_only:
        engine = create_engine("sqlite://", creator=lambda: read_only_connection(path))
    else:
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _set_pragmas)
    return engine


class Library:
    """An open library file. Make one Session per user action with `session()`."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool = False,
        lock: WriterLock | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self._lock = lock
        # Set when opening migrated an older file: where the old one was kept.
        self.upgrade_backup: Path | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except IntegrityError as error:
                session.rollback()
                raise InvalidInput(_explain_integrity(error)) from error
            except OperationalError as error:
                session.rollback()
                if "readonly" in str(error.orig):
                    raise LibraryRefused(
                        f"{self.path.name} is open for reading only; nothing was changed."
                    ) from error
                if "locked" in str(error.orig) or "busy" in str(error.orig):
                    raise LibraryBusy(
                        f"{self.path.name} is busy: another program is writing to it; "
                        "try again in a moment."
                    ) from error
                raise
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _explain_integrity(error: IntegrityError) -> str:
    """One sentence for a change the database's own rules refused."""
    detail = str(error.orig)
    if "FOREIGN KEY" in detail:
        return "That change refers to something that no longer exists."
    if "UNIQUE" in detail:
        return "That change would create a duplicate."
    rule = detail.rsplit(":", 1)[-1].strip()
    return f"That change breaks a rule of the library ({rule})."


def open_library(
    path: Path | str, *, create: bool = False, read_only: bool = False, exclusive: bool = False
) -> Library:
    """Open `path`, creating it when `create` is set and nothing is there.

    An older schema is backed up beside the file, then migrated. Anything
    else that is not a current Kaizen library raises LibraryRefused and the
    file is left untouched. `read_only` opens for reading only (reports,
    reviews, exports), which also works on files the user cannot write.
    `exclusive` refuses the file while another program holds it open for
    writing (the GUI and the writing commands use it; see storage.lock).
    """
    path = Path(path).expanduser()
    state = inspect_library(path)
    if not state.exists:
        if not create or read_only:
            raise LibraryRefused(f"There is no library at {path}.")
        return _create(path, _locked(path) if exclusive else None)
    if read_only:
        if state.needs_upgrade:
            raise LibraryRefused(
                f"{path.name} was written by an older version; open it in the app once to "
                "upgrade it (a backup is kept), then try again."
            )
        return Library(path, make_engine(path, read_only=True), read_only=True)
    if not _writable(path):
        raise LibraryRefused(
            f"{path.name} is read-only; copy it to a folder you can write to, then open the copy."
        )
    library = Library(path, make_engine(path), lock=_locked(path) if exclusive else None)
    if state.needs_upgrade:
        try:
            library.upgrade_backup = backup_before_upgrade(path, state.revision or "unknown")
            with library.engine.begin() as connection:
                upgrade(connection)
        except BaseException:
            library.close()
            raise
    return library


def _writable(path: Path) -> bool:
    # The owner's write bit counts too: root may write anywhere, but a file
    # marked read-only was marked so on purpose.
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & stat.S_IWUSR)


def _locked(path: Path) -> WriterLock:
    lock = WriterLock(path)
    lock.acquire()
    return lock


def _create(path: Path, lock: WriterLock | None) -> Library:
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            upgrade(connection)
    except Exception:
        engine.dispose()
        if lock is not None:
            lock.release()
        for leftover in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
        raise
    return Library(path, engine, lock=lock)
