"""Capture everything a delete would remove or change, and put it back: the basis of undo.

A snapshot holds the row itself, every row its cascading foreign keys would
delete, and the references that SET NULL would clear. Restoring re-inserts
the rows with their old keys, so whatever pointed at them points again.
"""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, and_, select, update

from kaizen_studio.domain.tables import metadata
from kaizen_studio.storage.graph import links_to

Row = dict[str, Any]


@dataclass
class Snapshot:
    rows: dict[str, list[Row]] = field(default_factory=dict)
    # (table, primary key values, column, value) cleared by ON DELETE SET NULL.
    cleared: list[tuple[str, Row, str, Any]] = field(default_factory=list)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


def _pk(table: Table, row: Row) -> Row:
    return {column.name: row[column.name] for column in table.primary_key.columns}


def _collect(connection: Connection, table: Table, rows: list[Row], snapshot: Snapshot) -> None:
    if not rows:
        return
    snapshot.rows.setdefault(table.name, []).extend(rows)
    (key,) = table.primary_key.columns if len(table.primary_key.columns) == 1 else (None,)
    if key is None:
        return  # link tables have no children
    ids = [row[key.name] for row in rows]
    for link in links_to(table):
        column = link.table.c[link.column]
        found = [
            dict(row._mapping)
            for chunk in _chunks(ids)
            for row in connection.execute(select(link.table).where(column.in_(chunk)))
        ]
        if link.cascade:
            taken = snapshot.rows.get(link.table.name, [])
            seen = {tuple(_pk(link.table, r).values()) for r in taken}
            fresh = [r for r in found if tuple(_pk(link.table, r).values()) not in seen]
            _collect(connection, link.table, fresh, snapshot)
        else:
            snapshot.cleared.extend(
                (link.table.name, _pk(link.table, r), link.column, r[link.column]) for r in found
            )


def _chunks(ids: list[Any], size: int = 500) -> list[list[Any]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def capture(connection: Connection, table_name: str, keys: list[Any]) -> Snapshot:
    """Snapshot rows of `table_name` with primary keys `keys` and all they reach."""
    table = metadata.tables[table_name]
    (key,) = table.primary_key.columns
    snapshot = Snapshot()
    rows = [
        dict(row._mapping)
        for chunk in _chunks(list(keys))
        for row in connection.execute(select(table).where(key.in_(chunk)))
    ]
    _collect(connection, table, rows, snapshot)
    # A row both deleted and "cleared" only needs re-inserting.
    deleted = {
        (name, tuple(_pk(metadata.tables[name], row).values()))
        for name, rows_of_table in snapshot.rows.items()
        for row in rows_of_table
    }
    snapshot.cleared = [
        entry for entry in snapshot.cleared if (entry[0], tuple(entry[1].values())) not in deleted
    ]
    return snapshot


def restore(connection: Connection, snapshot: Snapshot) -> None:
    """Put back what `capture` saw; the caller's transaction makes it all or nothing."""
    # Self-references (a note stacked on a later note) resolve at commit.
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table in metadata.sorted_tables:
        rows = snapshot.rows.get(table.name)
        if rows:
            connection.execute(table.insert(), rows)
    for table_name, key, column, value in snapshot.cleared:
        table = metadata.tables[table_name]
        condition = and_(*(table.c[name] == val for name, val in key.items()))
        connection.execute(update(table).where(condition).values({column: value}))


def delete_rows(connection: Connection, table_name: str, keys: list[Any]) -> None:
    table = metadata.tables[table_name]
    (key,) = table.primary_key.columns
    for chunk in _chunks(list(keys)):
        connection.execute(table.delete().where(key.in_(chunk)))
