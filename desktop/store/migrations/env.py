"""Alembic environment: migrations always run on a connection handed in by ``migrate.py``."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import desktop.store.models
import desktop.store.sync_models  # noqa: F401

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through desktop.store.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
