"""Alembic migrations for the local store, run in-process (no alembic.ini needed).

Alembic is imported only when a migration has to run: an up-to-date store opens without it,
which keeps the app's start fast. SQLAlchemy is imported by the functions that use it, so that
``HEAD`` and ``APPLICATION_ID`` can be read without it (``desktop.store.reading``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine

APPLICATION_ID = 0x4E534B48  # "NSKH" in the SQLite header marks the file as a Naskah store
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; a test checks it against Alembic's own view.
HEAD = "0016"


def is_newer(revision: str) -> bool:
    """True for a revision made by a newer Naskah than this one (unknown to its migrations)."""
    return revision.isdigit() and HEAD.isdigit() and int(revision) > int(HEAD)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(conn: Connection) -> str | None:
    from sqlalchemy import text

    has_table = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).first()
    if not has_table:
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in one transaction (a no-op when already there)."""
    if revision == "head":
        with engine.connect() as conn:
            if current_revision(conn) == HEAD:
                return
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
