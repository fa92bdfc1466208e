"""`check`: is a library file sound? Read-only; reports problems, changes nothing."""

from dataclasses import dataclass, field
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from kaizen_studio.domain.tables import metadata
from kaizen_studio.storage.inspection import inspect_library, read_only_connection
from kaizen_studio.storage.migrate import head_revision


@dataclass
class CheckReport:
    path: Path
    revision: str | None = None
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_library(path: Path) -> CheckReport:
    """Inspect, then run SQLite's integrity and foreign-key checks and compare the schema."""
    state = inspect_library(path)  # refuses what is not a Kaizen library
    report = CheckReport(path=path, revision=state.revision)
    if not state.exists:
        report.problems.append(f"There is no library at {path}.")
        return report
    connection = read_only_connection(path)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            report.problems.extend(f"Integrity: {line}" for line in integrity[:10])
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        for table, rowid, parent, _ in broken[:10]:
            report.problems.append(f"Row {rowid} of {table} refers to a missing {parent}.")
    finally:
        connection.close()
    if state.needs_upgrade:
        report.notices.append(
            f"Schema {state.revision} is older than {head_revision()}; opening the library "
            "will back it up and upgrade it."
        )
    elif report.ok:
        report.problems.extend(_schema_differences(path))
    return report


def _schema_differences(path: Path) -> list[str]:
    engine = create_engine(
        "sqlite://", creator=lambda: read_only_connection(path), poolclass=StaticPool
    )
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, metadata)
    finally:
        engine.dispose()
    return [f"Schema differs from this version of the app: {diff!r:.200}" for diff in differences]
