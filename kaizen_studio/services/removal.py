"""Delete with the ability to put back: every delete in the GUI is undoable."""

from typing import Any

from kaizen_studio.domain.errors import NotFound
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot, capture, delete_rows, restore


def remove(library: Library, table: str, keys: list[Any], what: str | None = None) -> Snapshot:
    """Delete rows of `table` (and all that cascades) and return what was removed.

    Every key must exist, or nothing is deleted: NotFound names the first
    missing one as `what` (by default the table's name in words)."""
    with library.session() as session:
        connection = session.connection()
        snapshot = capture(connection, table, keys)
        found = {row["id"] for row in snapshot.rows.get(table, [])}
        missing = [key for key in keys if key not in found]
        if missing:
            noun = what or table.replace("_", " ")
            raise NotFound(f"There is no {noun} with id {missing[0]}.")
        delete_rows(connection, table, keys)
    return snapshot


def put_back(library: Library, snapshot: Snapshot) -> None:
    """Undo a `remove`: the rows return with their old ids and references."""
    with library.session() as session:
        restore(session.connection(), snapshot)
