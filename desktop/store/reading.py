"""Reading a store with the standard library's sqlite3 alone, for commands that must start
quickly (``naskah verify``): no SQLAlchemy, no models, no migration machinery.

``open_reader(data_dir)`` checks what ``db.open_for_reading`` checks (a Naskah store, healthy at
first look, at this version's schema) and raises the same errors; it takes no lock, so it works
while the app has the store open. ``Reader.reading()`` gives a query function inside one read
transaction (one snapshot). ``StoreQueries(store)`` gives the same for an open ``Store``, so
code written against plain SQL serves both the command line and the app.

Values come back as SQLite holds them: dates and times as ISO text (``parse_datetime`` and
``parse_date`` read them as the ORM does).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.i18n import _
from desktop.store.errors import StoreDamaged, StoreError
from desktop.store.files import DB_NAME
from desktop.store.migrate import APPLICATION_ID, HEAD

if TYPE_CHECKING:
    from desktop.store.db import Store

SQLITE_MAGIC = b"SQLite format 3\x00"

# (sql, parameters) -> every row; parameters in sqlite3's qmark style.
Query = Callable[[str, Sequence[Any]], list[Sequence[Any]]]


def check_file(path: Path, *, thorough: bool = False) -> None:
    """Raise StoreDamaged unless ``path`` is a readable SQLite file that Naskah made.

    The default probe reads the header and the schema (milliseconds even for a large store); a
    full ``quick_check`` (seconds per hundred MB) runs only when ``thorough`` is set, e.g. before
    trusting a backup. Corruption met later, during work, surfaces as StoreDamaged too.
    """
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) == 0:
        return  # an empty file is a new store
    if not header.startswith(SQLITE_MAGIC):
        raise StoreDamaged("bukan berkas SQLite")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            result = con.execute("PRAGMA quick_check").fetchone()[0] if thorough else "ok"
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreDamaged(str(exc)) from exc
    if result != "ok":
        raise StoreDamaged(result)
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        raise StoreDamaged("berkas SQLite milik aplikasi lain")


def parse_datetime(value: Any) -> datetime | None:
    """A DATETIME column as the ORM reads it (SQLModel's ``UTCDateTime``): stored as UTC
    without an offset, returned aware in UTC."""
    if value is None:
        return None
    when = datetime.fromisoformat(str(value))
    return when.replace(tzinfo=UTC) if when.utcoffset() is None else when.astimezone(UTC)


def parse_date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


class Reader:
    """A store opened for reading through sqlite3 (``open_reader``)."""

    def __init__(self, data_dir: Path, con: sqlite3.Connection) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DB_NAME
        self._con = con

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @contextmanager
    def reading(self) -> Iterator[Query]:
        """A query function whose reads all see one snapshot of the store."""

        def query(sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]:
            return list(self._con.execute(sql, tuple(params)).fetchall())

        try:
            self._con.execute("BEGIN")
            try:
                yield query
            finally:
                self._con.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise _damaged_or_busy(exc) from exc

    def close(self) -> None:
        self._con.close()


class StoreQueries:
    """The same query function on an open ``Store`` (through its connection pool)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.data_dir = store.data_dir

    @contextmanager
    def reading(self) -> Iterator[Query]:
        with self.store.read() as session:
            conn = session.connection()

            def query(sql: str, params: Sequence[Any] = ()) -> list[Sequence[Any]]:
                return list(conn.exec_driver_sql(sql, tuple(params)).fetchall())

            yield query


def _damaged_or_busy(exc: sqlite3.DatabaseError) -> Exception:
    from desktop.store.errors import StoreBusy

    text = str(exc).lower()
    if "database is locked" in text:
        return StoreBusy()
    if "malformed" in text or "not a database" in text:
        return StoreDamaged(str(exc))
    return exc


def open_reader(data_dir: Path) -> Reader:
    """Open an existing, current store for reading only, without the app's exclusive lock.

    Raises StoreDamaged for a missing, damaged or foreign file, and StoreError when the store
    still needs a migration (open it with the app first): as ``db.open_for_reading``.
    """
    path = data_dir / DB_NAME
    if not path.exists() or path.stat().st_size == 0:
        raise StoreDamaged(f"tidak ada basis data di {data_dir}")
    check_file(path)
    try:
        # Autocommit: ``reading()`` opens and ends its own transaction.
        con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.DatabaseError as exc:
        raise StoreDamaged(str(exc)) from exc
    try:
        con.execute("PRAGMA busy_timeout=5000")
        has_table = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        row = (
            con.execute("SELECT version_num FROM alembic_version").fetchone() if has_table else None
        )
    except sqlite3.DatabaseError as exc:
        con.close()
        raise _damaged_or_busy(exc) from exc
    current = str(row[0]) if row else None
    if current != HEAD:
        con.close()
        raise StoreError(
            _("Basis data perlu diperbarui: buka Naskah sekali, lalu ulangi perintah ini.")
        )
    return Reader(data_dir, con)
