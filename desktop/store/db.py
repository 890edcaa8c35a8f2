"""Opening the office's SQLite file: lock, health check, backup, migrate, sessions.

One SQLite file per data dir, WAL with synchronous=FULL, foreign keys on. Writes go through
``Store.write()``, which takes the write lock up front (BEGIN IMMEDIATE) so a user action is one
transaction that either lands whole or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import create_engine, event
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from desktop.i18n import _
from desktop.store import clock, migrate
from desktop.store.errors import DiskFull, StoreBusy, StoreDamaged, StoreError, StoreLocked
from desktop.store.migrate import APPLICATION_ID

DB_NAME = "naskah.sqlite3"
LOCK_NAME = "naskah.lock"
BACKUP_DIR = "backups"
SQLITE_MAGIC = b"SQLite format 3\x00"
KEEP_BACKUPS = 10


# SQLite understands "FROM t INDEXED BY ix"; SQLAlchemy's SQLite compiler drops table hints, so
# render them (queries.py hints covering indexes the planner does not pick by itself).
SQLiteCompiler.get_from_hint_text = lambda self, table, text: text  # type: ignore[method-assign]


def _configure(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own is deferred and late).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-32000")
    cur.close()


def _begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=QueuePool,
        pool_size=2,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


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


def backup_file(path: Path, reason: str) -> Path:
    """Copy the store to ``backups/`` with SQLite's online backup; keep the newest few."""
    folder = path.parent / BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"naskah-{stamp}-{reason}.sqlite3"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    old = sorted(folder.glob("naskah-*.sqlite3"))
    for stale in old[:-KEEP_BACKUPS]:
        stale.unlink(missing_ok=True)
    return target


def latest_backup(data_dir: Path) -> Path | None:
    folder = data_dir / BACKUP_DIR
    backups = sorted(folder.glob("naskah-*.sqlite3")) if folder.exists() else []
    for candidate in reversed(backups):
        try:
            check_file(candidate, thorough=True)
        except StoreDamaged:
            continue
        return candidate
    return None


def restore_backup(data_dir: Path, backup: Path) -> None:
    """Replace a damaged store with ``backup``; the damaged file is kept aside, never deleted."""
    db = data_dir / DB_NAME
    if db.exists():
        aside = data_dir / f"{DB_NAME}.rusak-{clock.now().astimezone():%Y%m%d-%H%M%S}"
        db.rename(aside)
    for suffix in ("-wal", "-shm"):
        side = data_dir / f"{DB_NAME}{suffix}"
        if side.exists():
            side.rename(data_dir / f"{side.name}.rusak-{clock.now().astimezone():%Y%m%d-%H%M%S}")
    src = sqlite3.connect(backup)
    dst = sqlite3.connect(db)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


class Store:
    """An open office store. Use ``read()`` for queries and ``write()`` for one user action."""

    def __init__(self, data_dir: Path, engine: Engine, lock: FileLock | None) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DB_NAME
        self.engine = engine
        self._write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._lock = lock

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything inside commits together or not at all.

        Raises DiskFull when SQLite runs out of space (the previous state stays intact) and
        StoreBusy when another writer holds the lock past the busy timeout.
        """
        session = Session(self._write_engine, expire_on_commit=False)
        try:
            with session.begin():
                yield session
        except DBAPIError as exc:
            raise _translate(exc) from exc
        finally:
            session.close()

    @contextmanager
    def replica_write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE) with foreign-key checks off, for writing the
        server's copies of records (the sync client applies an answer in one of these).

        The server sends each record's newest version in change-log order, which is not the
        order records refer to each other (a letter may come before the person who drafted it,
        in this page or the next); the references hold once every page is applied. Local
        services use ``write()``, with the checks on. Raises DiskFull / StoreBusy like it."""
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                conn.execution_options(sqlite_begin="IMMEDIATE")
                with conn.begin():
                    session = Session(bind=conn, expire_on_commit=False)
                    try:
                        yield session
                        session.flush()
                    finally:
                        session.close()
            except OperationalError as exc:
                raise _translate(exc) from exc
            finally:
                raw.execute("PRAGMA foreign_keys=ON")

    def close(self) -> None:
        try:
            with self.engine.begin() as conn:
                # Refresh the planner's statistics where they went stale (cheap; SQLite's advice).
                conn.exec_driver_sql("PRAGMA optimize")
        except DBAPIError:
            pass  # a read-only or damaged store: nothing to optimise
        self.engine.dispose()
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()


def _translate(exc: DBAPIError) -> Exception:
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    text = str(orig).lower()
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or "database or disk is full" in text:
        return DiskFull()
    if code == sqlite3.SQLITE_BUSY or "database is locked" in text:
        return StoreBusy()
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text:
        return StoreDamaged(str(orig))
    return exc


def open_store(data_dir: Path) -> Store:
    """Open (creating or migrating as needed) the store in ``data_dir``.

    Raises StoreLocked if another Naskah process has this data dir open, and StoreDamaged if the
    file is not a healthy Naskah store. Before any migration of an existing store a backup copy
    is written to ``backups/``.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(data_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise StoreLocked() from exc
    try:
        path = data_dir / DB_NAME
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            check_file(path)
        engine = make_engine(path)
        try:
            with engine.connect() as conn:
                current = migrate.current_revision(conn)
            if existed and current != migrate.HEAD:
                backup_file(path, f"sebelum-migrasi-{current or 'kosong'}")
            migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
    except BaseException:
        lock.release()
        raise
    return Store(data_dir, engine, lock)


def open_for_reading(data_dir: Path) -> Store:
    """Open an existing, current store for reading only, without the app's exclusive lock.

    For administrative commands (audit verification, backups) that must work while the app is
    running. Raises StoreDamaged for a missing, damaged or foreign file, and StoreError when the
    store still needs a migration (open it with the app first).
    """
    path = data_dir / DB_NAME
    if not path.exists() or path.stat().st_size == 0:
        raise StoreDamaged(f"tidak ada basis data di {data_dir}")
    check_file(path)
    engine = make_engine(path)
    with engine.connect() as conn:
        current = migrate.current_revision(conn)
    if current != migrate.HEAD:
        engine.dispose()
        raise StoreError(
            _("Basis data perlu diperbarui: buka Naskah sekali, lalu ulangi perintah ini.")
        )
    return Store(data_dir, engine, None)
