"""Alembic environment: always run from code with a connection handed in.

Kaizen Studio never lets Alembic open a file by URL: the storage layer has
already inspected and backed up the file, and passes its own connection.
"""

from alembic import context

from kaizen_studio.domain.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through kaizen_studio.storage.migrate, not the alembic CLI.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite can alter little in place; batch mode recreates tables instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
