"""How the tables hang together: which rows belong to a workshop, and what a delete reaches.

Derived from the foreign keys of the table definitions, so a table or column
added later is carried by exports, copies and undo without further code.
"""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import ForeignKey, Table

from kaizen_studio.domain.tables import metadata


@dataclass(frozen=True)
class Link:
    """A foreign key column of `table` pointing at the primary key of `target`."""

    table: Table
    column: str
    target: Table
    cascade: bool


def _link(table: Table, key: ForeignKey) -> Link:
    return Link(
        table=table,
        column=key.parent.name,
        target=key.column.table,
        cascade=(key.ondelete or "").upper() == "CASCADE",
    )


@cache
def links() -> tuple[Link, ...]:
    return tuple(
        _link(table, key)
        for table in metadata.sorted_tables
        for column in table.columns
        for key in column.foreign_keys
    )


def links_to(target: Table) -> list[Link]:
    return [link for link in links() if link.target is target]


def links_from(table: Table) -> list[Link]:
    return [link for link in links() if link.table is table]


@cache
def workshop_tables() -> tuple[Table, ...]:
    """Tables whose rows belong to one workshop, parents before children.

    A row belongs to a workshop through a chain of cascading foreign keys
    ending at `workshop`.
    """
    workshop = metadata.tables["workshop"]
    owned: set[Table] = {workshop}
    changed = True
    while changed:
        changed = False
        for link in links():
            if link.cascade and link.target in owned and link.table not in owned:
                owned.add(link.table)
                changed = True
    return tuple(table for table in metadata.sorted_tables if table in owned)


def owner_link(table: Table) -> Link:
    """The cascading link that makes a row of `table` belong to its workshop."""
    owned = set(workshop_tables())
    candidates = [link for link in links_from(table) if link.cascade and link.target in owned]
    direct = [link for link in candidates if link.target.name == "workshop"]
    return (direct or candidates)[0]
