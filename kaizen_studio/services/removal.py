"""Delete with the ability to put back: every delete in the GUI is undoable."""

from typing import Any

from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot, capture, delete_rows, restore


def remove(library: Library, table: str, keys: list[Any]) -> Snapshot:
    """Delete rows of `table` (and all that cascades) and return what was removed."""
    with library.session() as session:
        connection = session.connection()
        snapshot = capture(connection, table, keys)
        delete_rows(connection, table, keys)
    return snapshot


def put_back(library: Library, snapshot: Snapshot) -> None:
    """Undo a `remove`: the rows return with their old ids and references."""
    with library.session() as session:
        restore(session.connection(), snapshot)
