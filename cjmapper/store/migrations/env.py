"""Alembic environment: runs migrations on the connection the library store hands over."""

from __future__ import annotations

from alembic import context

from cjmapper.store.schema import METADATA

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when run from the alembic command line
    raise RuntimeError("cjmapper migrations run from cjmapper.store.migrate, not from the alembic CLI")

context.configure(connection=connection, target_metadata=METADATA, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
