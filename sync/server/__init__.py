"""The central sync server: FastAPI app, its own store (SQLAlchemy Core on SQLite or
PostgreSQL), blobs on disk, and the ``naskah-server`` admin CLI.

It stands alone: it imports only ``sync.protocol`` and its own modules, never ``desktop``.
"""

from sync.server.settings import Settings

__all__ = ["Settings"]
