"""Alembic environment: always run in-process on the connection Rollbook hands over."""

from alembic import context

from rollbook.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
