"""Opening the office's SQLite file: lock, health check, backup, migrate, sessions.

One SQLite file per data dir, WAL with synchronous=FULL, foreign keys on. Writes go through
``Store.write()``, which takes the write lock up front (BEGIN IMMEDIATE) so a user action is one
transaction that either lands whole or not at all.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
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
from desktop.store import changes as changes_
from desktop.store import clock, migrate
from desktop.store.changes import LOCAL, Changes
from desktop.store.errors import (
    DataFolderError,
    DiskFull,
    StoreBusy,
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreTooNew,
)
from desktop.store.files import DB_NAME, LOCK_NAME
from desktop.store.reading import SQLITE_MAGIC as SQLITE_MAGIC
from desktop.store.reading import check_file as check_file

BACKUP_DIR = "backups"
# Backups kept (each one passed SQLite's quick_check when it was written): the newest of each of
# the last 7 days, 5 ISO weeks and 12 months that have one, and the newest 3 taken before a
# migration; the newest backup is never rotated out.
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_MIGRATION = 7, 5, 12, 3
DAILY = "harian"
MIGRATION_PREFIX = "sebelum-migrasi"
# A store up to this size is quick_check-ed each time it opens; a larger one relies on the daily
# backup's check of the copy (off the GUI thread). quick_check reads the whole file: 1.5 s for
# the 841 MB benchmark store (100,000 letters) with a warm cache here; a cold start on an old
# PC's disk (~100 MB/s) makes it about a second per 100 MB, hence the limit.
CHECK_ON_OPEN_BYTES = 128 * 1024 * 1024
_BACKUP_NAME = re.compile(r"naskah-(\d{8})-\d{6}-\d{6}-(.+)\.sqlite3$")

log = logging.getLogger(__name__)

ChangeListener = Callable[[Changes], None]


# SQLite understands "FROM t INDEXED BY ix"; SQLAlchemy's SQLite compiler drops table hints, so
# render them (queries.py hints covering indexes the planner does not pick by itself).
SQLiteCompiler.get_from_hint_text = lambda self, table, text: text  # type: ignore[method-assign]


def _configure(dbapi_conn: sqlite3.Connection, record: Any) -> None:
    record.info[changes_.STORE_CONNECTION] = True  # its ORM writes are collected
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


def backup_file(path: Path, reason: str) -> Path:
    """Copy the store to ``backups/`` with SQLite's online backup and check the copy.

    The copy is kept only when ``quick_check`` passes on it (the live store is not touched by
    the check); then older backups are rotated (see ``KEEP_DAILY`` and its neighbours). A copy
    that fails means the store itself is damaged: it is set aside as ``rusak-...`` (never used as
    a backup), nothing is rotated, and StoreDamaged is raised. A full disk raises DiskFull.
    """
    folder = path.parent / BACKUP_DIR
    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"naskah-{stamp}-{reason}.sqlite3"
    part = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(path)
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal/-shm
        finally:
            dst.close()
            src.close()
        try:
            check_file(part, thorough=True)
        except StoreDamaged:
            part.replace(folder / f"rusak-{target.name}")
            raise
        part.replace(target)
    except (OSError, sqlite3.Error) as exc:
        part.unlink(missing_ok=True)
        raise _storage_error(exc, path.parent) from exc
    rotate_backups(folder)
    return target


def backups(data_dir: Path) -> list[Path]:
    """The backups in ``data_dir``, oldest first."""
    folder = data_dir / BACKUP_DIR
    return sorted(folder.glob("naskah-*.sqlite3")) if folder.exists() else []


def kept_backups(paths: list[Path]) -> set[Path]:
    """Which of ``paths`` (oldest first) the rotation keeps."""
    if not paths:
        return set()
    keep = {paths[-1]}
    daily: dict[str, Path] = {}
    weekly: dict[tuple[int, int], Path] = {}
    monthly: dict[str, Path] = {}
    migrations: list[Path] = []
    for path in reversed(paths):  # newest first: the first seen of a period is its newest
        m = _BACKUP_NAME.match(path.name)
        if m is None:
            keep.add(path)  # not ours to judge
            continue
        day, reason = m.group(1), m.group(2)
        if reason.startswith(MIGRATION_PREFIX):
            migrations.append(path)
        on = date(int(day[:4]), int(day[4:6]), int(day[6:]))
        daily.setdefault(day, path)
        weekly.setdefault(on.isocalendar()[:2], path)
        monthly.setdefault(day[:6], path)
    for chosen, limit in ((daily, KEEP_DAILY), (weekly, KEEP_WEEKLY), (monthly, KEEP_MONTHLY)):
        keep.update(list(chosen.values())[:limit])
    keep.update(migrations[:KEEP_MIGRATION])
    return keep


def rotate_backups(folder: Path) -> None:
    """Delete the backups ``kept_backups`` does not keep (the newest is always kept)."""
    paths = backups(folder.parent)
    for stale in set(paths) - kept_backups(paths):
        stale.unlink(missing_ok=True)


def daily_backup_due(data_dir: Path) -> bool:
    """True when no backup was written today (local date)."""
    today = clock.now().astimezone().strftime("%Y%m%d")
    return not any(p.name.startswith(f"naskah-{today}-") for p in backups(data_dir))


def daily_backup(data_dir: Path) -> Path | None:
    """Write today's checked backup if none exists yet; the new backup, or None.

    Runs beside the app (SQLite's online backup from its own connection). Raises StoreDamaged
    when the copy fails its check, i.e. the store is damaged, and DiskFull or DataFolderError.
    """
    if not daily_backup_due(data_dir):
        return None
    return backup_file(data_dir / DB_NAME, DAILY)


def latest_backup(data_dir: Path) -> Path | None:
    """The newest backup that passes ``quick_check`` now, or None."""
    for candidate in reversed(backups(data_dir)):
        try:
            check_file(candidate, thorough=True)
        except StoreDamaged:
            continue
        return candidate
    return None


def enrolled(path: Path) -> bool:
    """Does the store (or backup) at ``path`` belong to a PC enrolled with a sync server?"""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(con.execute("SELECT count(*) FROM sync_state").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return False


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
    """An open office store. Use ``read()`` for queries and ``write()`` for one user action.

    After each committed ``write()`` the store tells its listeners (``on_change``) what changed,
    on the thread that wrote; listeners must be quick and must not write.
    """

    def __init__(self, data_dir: Path, engine: Engine, lock: FileLock | None) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DB_NAME
        self.engine = engine
        self._write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._lock = lock
        self._listeners: list[ChangeListener] = []
        self._listeners_lock = threading.Lock()
        self._origin = threading.local()
        event.listen(engine, "commit", lambda conn: changes_.committed(conn.info))
        event.listen(engine, "rollback", lambda conn: changes_.rolled_back(conn.info))
        event.listen(engine.pool, "checkin", self._checked_in)

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; a damaged page met while reading raises StoreDamaged."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except DBAPIError as exc:
                raise _translate(exc) from exc

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
            session.close()  # the connection's check-in tells the listeners (after the commit)

    # -- change notification ------------------------------------------------------------------

    def on_change(self, listener: ChangeListener) -> Callable[[], None]:
        """Call ``listener(changes)`` after every committed write; returns the unsubscriber."""
        with self._listeners_lock:
            self._listeners.append(listener)
        store = weakref.ref(self)  # a listener's owner must not keep the store alive

        def unsubscribe() -> None:
            found = store()
            if found is not None:
                with found._listeners_lock:
                    if listener in found._listeners:
                        found._listeners.remove(listener)

        return unsubscribe

    @contextmanager
    def origin(self, name: str) -> Iterator[None]:
        """Writes made on this thread inside the block are reported with origin ``name``."""
        previous = getattr(self._origin, "name", LOCAL)
        self._origin.name = name
        try:
            yield
        finally:
            self._origin.name = previous

    def current_origin(self) -> str:
        return str(getattr(self._origin, "name", LOCAL))

    def _checked_in(self, _dbapi_conn: Any, record: Any) -> None:
        collector = changes_.take_committed(record.info) if record is not None else None
        if collector:
            self._notify(collector.changes(self.current_origin()))

    def _notify(self, changes: Changes) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # the write is committed: a listener's bug must not undo it
                log.exception("store change listener failed")

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


def check_data_folder(data_dir: Path) -> None:
    """Raise DataFolderError unless ``data_dir`` (made if missing) and the store in it can be
    written; DiskFull when the disk has no room for even a small file."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".naskah-tulis"
        with probe.open("wb") as f:
            f.write(b"\0" * 4096)
            f.flush()
            os.fsync(f.fileno())
        probe.unlink()
    except OSError as exc:
        exc.filename = None  # name the folder, not the probe file
        raise _storage_error(exc, data_dir) from exc
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", LOCK_NAME):
        path = data_dir / name
        if path.exists() and not os.access(path, os.W_OK):
            raise DataFolderError(path, read_only=True)


def _storage_error(exc: BaseException, data_dir: Path) -> Exception:
    """The StoreError that names the real cause of an OS or SQLite error, or ``exc`` itself."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return DiskFull()
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return DataFolderError(Path(exc.filename or data_dir), read_only=True)
        return DataFolderError(Path(exc.filename or data_dir), detail=exc.strerror or str(exc))
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DataFolderError(data_dir, read_only=True)
    if "malformed" in text or "not a database" in text:
        return StoreDamaged(str(exc))
    return exc  # type: ignore[return-value]


def open_store(data_dir: Path) -> Store:
    """Open (creating or migrating as needed) the store in ``data_dir``.

    Raises StoreLocked if another Naskah process has this data dir open, StoreDamaged if the
    file is not a healthy Naskah store (a store up to ``CHECK_ON_OPEN_BYTES`` gets a full
    ``quick_check``), StoreTooNew for a store a newer Naskah made, DataFolderError for a folder
    or file it cannot write and DiskFull for a full disk. Before any migration of an existing
    store a checked backup copy is written to ``backups/``.
    """
    check_data_folder(data_dir)
    # Not thread-local: the app may open the store on its writer thread and close it on the GUI
    # thread.
    lock = FileLock(str(data_dir / LOCK_NAME), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise StoreLocked() from exc
    except OSError as exc:
        raise _storage_error(exc, data_dir) from exc
    try:
        path = data_dir / DB_NAME
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            check_file(path, thorough=path.stat().st_size <= CHECK_ON_OPEN_BYTES)
        engine = make_engine(path)
        try:
            with engine.connect() as conn:
                current = migrate.current_revision(conn)
            if current is not None and migrate.is_newer(current):
                raise StoreTooNew(current)
            if existed and current != migrate.HEAD:
                backup_file(path, f"{MIGRATION_PREFIX}-{current or 'kosong'}")
            migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        lock.release()
        raise _storage_error(getattr(exc, "orig", None) or exc, data_dir) from exc
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
