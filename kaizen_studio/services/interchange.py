"""A whole workshop as versioned JSON: every row it owns, with references by position.

The format has no database ids: a row refers to another by its index in
that table's list, so an export imported into any library and exported
again gives the same file. Tables and columns come from the schema itself
(storage.graph), so data added later travels without new code here.
"""

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    TypeDecorator,
    select,
)

from kaizen_studio import __version__
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.tables import metadata
from kaizen_studio.services.records import fetch_workshop
from kaizen_studio.storage.graph import owner_link, workshop_tables
from kaizen_studio.storage.library import Library

FORMAT = "kaizen-studio/workshop"
VERSION = 1
Record = dict[str, Any]


def _reference_name(column: Column[Any]) -> str:
    return column.name.removesuffix("_id")


def _is_surrogate(column: Column[Any]) -> bool:
    return column.primary_key and not column.foreign_keys


def _is_workshop_key(column: Column[Any]) -> bool:
    return any(key.column.table.name == "workshop" for key in column.foreign_keys)


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


# -- export -----------------------------------------------------------------


def _owned_rows(connection: Connection, table: Table, owned: dict[str, list[int]]) -> list[Any]:
    """Rows of `table` belonging to the workshop, in primary-key order."""
    link = owner_link(table)
    parent_ids = owned[link.target.name]
    if not parent_ids:
        return []
    query = select(table).where(table.c[link.column].in_(parent_ids))
    return list(connection.execute(query.order_by(*table.primary_key.columns)))


def export_workshop(library: Library, workshop_id: int) -> Record:
    """The workshop and everything it owns, as plain JSON-ready data."""
    with library.session() as session:
        fetch_workshop(session, workshop_id)
        connection = session.connection()
        owned: dict[str, list[int]] = {"workshop": [workshop_id]}
        index: dict[str, dict[Any, int]] = {"workshop": {workshop_id: 0}}
        data: Record = {"format": FORMAT, "version": VERSION, "app_version": __version__}
        workshop = metadata.tables["workshop"]
        row = connection.execute(select(workshop).where(workshop.c.id == workshop_id)).one()
        data["workshop"] = _record(workshop, row._mapping, index)
        for table in workshop_tables()[1:]:
            rows = _owned_rows(connection, table, owned)
            if "id" in table.c:
                owned[table.name] = [r.id for r in rows]
                index[table.name] = {r.id: i for i, r in enumerate(rows)}
            data[table.name] = [_record(table, r._mapping, index) for r in rows]
        data["custom_format"] = _custom_formats(connection, workshop_id)
    return data


def _record(table: Table, row: Any, index: dict[str, dict[Any, int]]) -> Record:
    record: Record = {}
    for column in table.columns:
        if _is_surrogate(column) or _is_workshop_key(column):
            continue
        value = row[column.name]
        if column.foreign_keys:
            target = next(iter(column.foreign_keys)).column.table.name
            record[_reference_name(column)] = None if value is None else index[target][value]
        else:
            record[column.name] = _to_json(value)
    return record


def _custom_formats(connection: Connection, workshop_id: int) -> list[Record]:
    interventions = metadata.tables["intervention"]
    used = select(interventions.c.format_key).where(interventions.c.workshop_id == workshop_id)
    table = metadata.tables["custom_format"]
    rows = connection.execute(select(table).where(table.c.key.in_(used)).order_by(table.c.key))
    return [_record(table, row._mapping, {}) for row in rows]


def write_export(library: Library, workshop_id: int, path: Path) -> None:
    data = export_workshop(library, workshop_id)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    path.write_text(text, encoding="utf-8")


# -- import -----------------------------------------------------------------


def read_export(path: Path) -> Record:
    """Read an export file; anything unreadable is one clear sentence."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as error:
        raise InvalidInput(f"There is no file at {path}.") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(
            f"{path.name} is not a Kaizen Studio workshop file (not JSON)."
        ) from error
    except OSError as error:
        raise InvalidInput(f"{path.name} could not be read: {error.strerror}.") from error
    return check_header(data, path.name)


def check_header(data: Any, name: str = "The file") -> Record:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(f"{name} is not a Kaizen Studio workshop file.")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise InvalidInput(f"{name} has no valid format version.")
    if version > VERSION:
        raise InvalidInput(
            f"{name} was written by a newer Kaizen Studio (format {version}); update the app."
        )
    return data


def import_workshop(library: Library, data: Record, *, title: str | None = None) -> int:
    """Add the exported workshop to the library, all or nothing; returns its new id."""
    data = check_header(data)
    with library.session() as session:
        connection = session.connection()
        _add_custom_formats(connection, data.get("custom_format", []))
        new_ids: dict[str, list[Any]] = {}
        workshop_record = dict(_expect_object(data.get("workshop"), "workshop"))
        if title is not None:
            workshop_record["title"] = title
        new_ids["workshop"] = [
            _insert(connection, metadata.tables["workshop"], workshop_record, {}, 0)
        ]
        for table in workshop_tables()[1:]:
            records = data.get(table.name, [])
            if not isinstance(records, list):
                raise InvalidInput(f"The file's {table.name} entry is not a list.")
            _import_table(connection, table, records, new_ids)
        return int(new_ids["workshop"][0])


def _self_references(table: Table) -> list[Column[Any]]:
    return [c for c in table.columns if any(k.column.table is table for k in c.foreign_keys)]


def _import_table(
    connection: Connection, table: Table, records: list[Any], new_ids: dict[str, list[Any]]
) -> None:
    """Insert a table's records in order; references within the table are set afterwards,
    since a note may be stacked on one that comes later in the list."""
    ids = new_ids.setdefault(table.name, [])
    rows = [_values(table, record, new_ids, position) for position, record in enumerate(records)]
    for batch in _runs_of_same_fields(rows):
        ids.extend(_insert_many(connection, table, batch))
    for column in _self_references(table):
        key = _reference_name(column)
        for position, record in enumerate(records):
            if record.get(key) is not None:
                target = _from_json(column, record[key], new_ids, table.name, position)
                connection.execute(
                    table.update().where(table.c.id == ids[position]).values({column.name: target})
                )


def _expect_object(value: Any, what: str) -> Record:
    if not isinstance(value, dict):
        raise InvalidInput(f"The file's {what} entry is not an object.")
    return value


def _runs_of_same_fields(rows: list[Record]) -> list[list[Record]]:
    """Consecutive rows naming the same fields go in one multi-row INSERT."""
    runs: list[list[Record]] = []
    for row in rows:
        if runs and runs[-1][0].keys() == row.keys():
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _insert_many(connection: Connection, table: Table, rows: list[Record]) -> list[Any]:
    """Insert rows in order; returns their new ids (None for link tables)."""
    if "id" not in table.c:
        connection.execute(table.insert(), rows)
        return [None] * len(rows)
    statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    return [row[0] for row in connection.execute(statement, rows)]


def _insert(
    connection: Connection, table: Table, record: Any, new_ids: dict[str, list[Any]], position: int
) -> Any:
    return _insert_many(connection, table, [_values(table, record, new_ids, position)])[0]


def _values(table: Table, record: Any, new_ids: dict[str, list[Any]], position: int) -> Record:
    """A record of the file as column values, references turned into new ids."""
    record = _expect_object(record, f"{table.name} #{position + 1}")
    values: Record = {}
    known: set[str] = set()
    deferred = {column.name for column in _self_references(table)}
    for column in table.columns:
        if _is_surrogate(column):
            continue
        if _is_workshop_key(column):
            values[column.name] = new_ids["workshop"][0]
            continue
        key = _reference_name(column) if column.foreign_keys else column.name
        known.add(key)
        if key in record and column.name not in deferred:
            values[column.name] = _from_json(column, record[key], new_ids, table.name, position)
    unknown = set(record) - known
    if unknown:
        raise InvalidInput(
            f"{table.name} #{position + 1} in the file has an unknown field '{sorted(unknown)[0]}'."
        )
    return values


def _from_json(
    column: Column[Any], value: Any, new_ids: dict[str, list[Any]], where: str, n: int
) -> Any:
    place = f"{where} #{n + 1}, field '{column.name}'"
    if value is None:
        if not column.nullable:
            raise InvalidInput(f"The file leaves {place} empty.")
        return None
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column.table.name
        targets = new_ids.get(target, [])
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(targets):
            raise InvalidInput(f"The file's {place} refers to a missing {target}.")
        return targets[value]
    return _convert(column, value, place)


def _kind(column: Column[Any]) -> type:
    """The Python type a column holds (SQLModel's own types do not all say)."""
    column_type = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    for sql_type, kind in _KINDS:
        if isinstance(column_type, sql_type):
            return kind
    raise TypeError(f"no JSON mapping for {column.type!r}")


_KINDS: tuple[tuple[type, type], ...] = (
    (DateTime, datetime),
    (Date, date),
    (Boolean, bool),
    (Integer, int),
    (Float, float),
    (String, str),
)


def _convert(column: Column[Any], value: Any, place: str) -> Any:
    kind = _kind(column)
    try:
        if kind is datetime:
            moment = datetime.fromisoformat(value)
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        if kind is date:
            return date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise InvalidInput(f"The file's {place} is not a valid date.") from error
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is bool and isinstance(value, bool):
        return value
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind is str and isinstance(value, str):
        return value
    raise InvalidInput(f"The file's {place} has a value of the wrong kind: {value!r:.40}.")


def _add_custom_formats(connection: Connection, records: Any) -> None:
    """Add the formats the workshop uses that this library does not know yet."""
    if not isinstance(records, list):
        raise InvalidInput("The file's custom_format entry is not a list.")
    table = metadata.tables["custom_format"]
    existing = set(connection.execute(select(table.c.key)).scalars())
    for position, record in enumerate(records):
        key = _expect_object(record, f"custom_format #{position + 1}").get("key")
        if key not in existing:
            _insert(connection, table, record, {}, position)
            existing.add(key)


def shift_dates(data: Record, days: int) -> Record:
    """A copy of `data` with every date moved by `days` (the demo follows today)."""
    delta = timedelta(days=days)
    shifted: Record = json.loads(json.dumps(data))
    for table in workshop_tables():
        records = [shifted["workshop"]] if table.name == "workshop" else shifted.get(table.name, [])
        for column in table.columns:
            if column.foreign_keys or _is_surrogate(column):
                continue
            kind = _kind(column)
            if kind not in (date, datetime):
                continue
            for record in records:
                if record.get(column.name):
                    moved = kind.fromisoformat(record[column.name]) + delta
                    record[column.name] = moved.isoformat()
    return shifted
