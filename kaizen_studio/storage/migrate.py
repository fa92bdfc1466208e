"""Schema versions: Alembic run from code on a connection the storage layer owns.

Revision files are named NNNN_what_changed.py with revision id NNNN, one
after another, so the versions this app knows are read from the file
names; Alembic itself (slow to import) loads only when a file must change.
tests/unit/storage/test_migrations.py checks the names against Alembic.
"""

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def alembic_config(connection: "Connection | None" = None) -> "Config":
    from alembic.config import Config  # noqa: PLC0415 (slow to import; rarely needed)

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def known_revisions() -> tuple[str, ...]:
    """Every schema version this app can open, oldest first."""
    names = (path.name for path in (MIGRATIONS / "versions").iterdir())
    return tuple(sorted(match.group(1) for name in names if (match := _REVISION_FILE.match(name))))


def head_revision() -> str:
    return known_revisions()[-1]


def upgrade(connection: "Connection", revision: str = "head") -> None:
    from alembic import command  # noqa: PLC0415 (slow to import; rarely needed)

    command.upgrade(alembic_config(connection), revision)
