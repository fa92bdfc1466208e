"""Shared pieces of the table definitions: constraint naming and CHECK helpers.

Named constraints let Alembic's batch mode on SQLite recreate tables
faithfully, so every constraint gets a predictable name.
"""

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = SQLModel.metadata

# Longest texts the app accepts; a whole page of notes fits in a note.
TITLE_MAX = 200
TEXT_MAX = 100_000


def utc_now() -> datetime:
    """Aware UTC timestamp to the second, as stored in the library."""
    return datetime.now(UTC).replace(microsecond=0)


def required_text(column: str, max_length: int = TITLE_MAX) -> CheckConstraint:
    """Text that must hold something other than spaces, and not too much."""
    return CheckConstraint(
        f"length(trim({column})) > 0 AND length({column}) <= {max_length}",
        name=f"{column}_required",
    )


def bounded_text(column: str, max_length: int = TEXT_MAX) -> CheckConstraint:
    return CheckConstraint(f"length({column}) <= {max_length}", name=f"{column}_length")


def scale_1_to_5(column: str) -> CheckConstraint:
    """Impact, frequency and effort are rated 1 (low) to 5 (high), or not rated."""
    return CheckConstraint(f"{column} IS NULL OR {column} BETWEEN 1 AND 5", name=f"{column}_1_5")


def one_of(column: str, expression: str, nullable: bool = False) -> CheckConstraint:
    sql = f"{column} IS NULL OR {expression}" if nullable else expression
    return CheckConstraint(sql, name=f"{column}_valid")
