"""Schema versions: migrating creates exactly the models' schema; older files are
backed up, then upgraded with their data intact."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kaizen_studio.domain.tables import metadata
from kaizen_studio.services.interchange import export_workshop
from kaizen_studio.services.workshops import list_workshops
from kaizen_studio.storage.integrity import check_library
from kaizen_studio.storage.library import Library, open_library
from kaizen_studio.storage.migrate import head_revision, known_revisions

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "libraries"
OLDER = sorted(FIXTURES.glob("schema-*.kaizen"))


def test_migrating_an_empty_file_gives_the_models_schema(library: Library) -> None:
    with library.engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), metadata
        )
    assert differences == []


def test_a_new_library_is_at_the_newest_schema_with_our_pragmas(library: Library) -> None:
    with library.engine.connect() as connection:
        assert (
            connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            == head_revision()
        )
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0


def test_every_released_schema_has_a_fixture_library() -> None:
    released = {path.stem.removeprefix("schema-") for path in OLDER}
    assert released == set(known_revisions()) - {head_revision()}, (
        "Before changing the schema, save a library of the current version "
        "in tests/fixtures/libraries/"
    )


@pytest.mark.parametrize("fixture", OLDER, ids=lambda p: p.stem)
def test_older_library_is_backed_up_then_upgraded(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "team.kaizen"
    shutil.copy(fixture, path)
    original = path.read_bytes()
    with open_library(path) as library:
        assert library.upgrade_backup is not None
        assert library.upgrade_backup.parent == tmp_path
        assert library.upgrade_backup.read_bytes() == original or _same_rows(
            fixture, library.upgrade_backup
        )
        workshops = list_workshops(library)
        assert [w.counts["notes"] for w in workshops] == [46]
        exported = export_workshop(library, workshops[0].id)
        assert len(exported["note"]) == 46 and len(exported["cycle"]) == 6
    assert check_library(path).ok
    # The backup is itself an openable library of the old version.
    backup_revision = (
        sqlite3.connect(library.upgrade_backup)
        .execute("SELECT version_num FROM alembic_version")
        .fetchone()[0]
    )
    assert backup_revision == fixture.stem.removeprefix("schema-")


def _same_rows(a: Path, b: Path) -> bool:
    def dump(path: Path) -> list[str]:
        connection = sqlite3.connect(path)
        try:
            return list(connection.iterdump())
        finally:
            connection.close()

    return dump(a) == dump(b)


def test_revision_file_names_agree_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from kaizen_studio.storage.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    walked = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    assert tuple(walked) == known_revisions()
    assert scripts.get_current_head() == head_revision()
