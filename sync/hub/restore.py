"""A hub's backup, and putting one back while central is unreachable (docs/office-hub.md,
"Restoring a hub from its backup").

``backup`` copies the hub's database with SQLite's online backup (a consistent copy while the
hub runs) and its files (content-addressed: only those the backup lacks), then writes
``backup.json`` last, so a folder without it is not a backup.

``restore`` puts a backup in place of the hub's database, then makes the copy safe to serve:

- a new change-log id (``log_id``): every PC pulls the restored hub from 0, and a PC whose
  versions count in the old log (``restored_from``) reconciles its records with it (the
  client's side: ``sync.client.reconcile``);
- each record's version now (``hub_restore_base``): the base of a mutation read in the old log
  is taken back to it (``rebased``), so the three-way merge compares with history the hub
  really holds: a change the old log made after the backup is the PC's own, never a silent
  revert, and two PCs' different copies become a merge or a visible conflict;
- the remainders of the number blocks it holds are voided: the old hub may have sub-leased them
  after the backup, so they are never handed out again. A PC names the sub-leases it holds
  (``SyncRequest.leases_held``) and the hub takes those that lie inside those blocks and
  overlap no other device's lease (``take_claims``), so its numbers pass as before. New
  sub-leases come only from blocks central grants afterwards.

The relay queue, the hub's cursor and request number at central are kept as the backup had
them: central answers a relayed entry it already holds with its stored acks, and a late pull is
answered with central's request number.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from sync.hub import mirror, tables
from sync.protocol import Ack, AckStatus, Change, LeaseClaim, Mutation
from sync.server import db, leases
from sync.server.auth import Device
from sync.server.records import Batch

MANIFEST = "backup.json"
DB_NAME = "hub.db"
BLOBS = "blobs"
FORMAT = "naskah-hub-backup"


class RestoreRefused(Exception):
    """The backup or the target cannot be used; the message says why."""


@dataclass
class Backup:
    folder: Path
    made_at: str
    log_id: str
    blobs: int  # files copied this time (the others were there already)


def sqlite_path(db_arg: str) -> Path:
    """The file of a hub's ``--db`` (a path or a ``sqlite:///`` URL)."""
    if db_arg.startswith("sqlite:///"):
        return Path(db_arg.removeprefix("sqlite:///"))
    if "://" in db_arg:
        raise RestoreRefused("a hub's database is a SQLite file; this is not one: " + db_arg)
    return Path(db_arg)


def backup(db_file: Path, blob_dir: Path, folder: Path) -> Backup:
    """Copy the hub's database and files into ``folder`` (made if missing; an older backup in
    it is replaced, its files kept and added to). A full disk or an unreadable file is a
    RestoreRefused that says so; the folder is then no backup (no manifest)."""
    try:
        return _backup(db_file, blob_dir, folder)
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        raise RestoreRefused(f"the backup into {folder} failed: {exc}") from None


def _backup(db_file: Path, blob_dir: Path, folder: Path) -> Backup:
    if not db_file.is_file():
        raise RestoreRefused(f"{db_file} does not exist")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).unlink(missing_ok=True)  # not a backup until the copy is whole
    part = folder / (DB_NAME + ".part")
    part.unlink(missing_ok=True)
    source = sqlite3.connect(read_only_uri(db_file), uri=True, timeout=30)
    try:
        target = sqlite3.connect(part)
        try:
            source.backup(target)
            log_id = _log_id(target)
        finally:
            target.close()
    finally:
        source.close()
    for suffix in ("-wal", "-shm"):  # the replaced copy's, if anything opened it to write
        Path(str(folder / DB_NAME) + suffix).unlink(missing_ok=True)
    os.replace(part, folder / DB_NAME)
    copied = _copy_files(blob_dir, folder / BLOBS)
    made_at = db.utcnow().isoformat()
    manifest = {"format": FORMAT, "made_at": made_at, "log_id": log_id}
    _write_atomic(folder / MANIFEST, json.dumps(manifest, indent=1))
    return Backup(folder, made_at, log_id, copied)


def restore(db_file: Path, blob_dir: Path, folder: Path) -> Backup:
    """Put the backup in ``folder`` in place of ``db_file`` (the hub must not be running) and
    make it safe to serve (see the module's docs). Files the hub still has are kept; the files
    go first and the database last, so a restore that fails (a full disk: RestoreRefused)
    leaves the hub's database as it was."""
    manifest = _manifest(folder)
    try:
        return _restore(db_file, blob_dir, folder, manifest)
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        raise RestoreRefused(
            f"the restore from {folder} failed, the hub's database is unchanged: {exc}"
        ) from None


def _restore(db_file: Path, blob_dir: Path, folder: Path, manifest: dict[str, object]) -> Backup:
    part = db_file.with_name(db_file.name + ".restoring")
    for leftover in ("", "-wal", "-shm"):  # an earlier restore stopped midway: its journal
        Path(str(part) + leftover).unlink(missing_ok=True)  # must not be replayed onto this copy
    shutil.copyfile(folder / DB_NAME, part)
    engine = db.make_engine(str(part))
    try:
        mirror.create_schema(engine)  # a backup of an older version gets the newer columns
        with db.write_tx(engine) as conn:
            mark_restored(conn)
    finally:
        engine.dispose()
    copied = _copy_files(folder / BLOBS, blob_dir)
    for suffix in ("-wal", "-shm"):  # the replaced database's journal must not be replayed
        Path(str(db_file) + suffix).unlink(missing_ok=True)
    os.replace(part, db_file)
    return Backup(folder, str(manifest["made_at"]), str(manifest["log_id"]), copied)


def mark_restored(conn: Connection) -> None:
    """A new log, the versions at the restore, the blocks' remainders voided (module docs)."""
    old = tables.get(conn, "log_id")
    tables.put(conn, "restored_from", old)
    tables.put(conn, "log_id", str(uuid.uuid4()))
    tables.put(conn, "restored_at", db.utcnow().isoformat())
    conn.execute(tables.restore_base.delete())
    r = db.records.c
    conn.execute(
        insert(tables.restore_base).from_select(
            ["entity", "entity_id", "version", "old_version", "copy_old", "copy_new"],
            select(r.entity, r.entity_id, r.version, r.version, r.version, r.version),
        )
    )
    b = tables.blocks.c
    conn.execute(tables.blocks.update().values(next_seq=b.end_seq + 1))
    upto = conn.execute(select(func.max(b.id))).scalar()
    tables.put(conn, "restored_blocks_upto", str(upto or 0))


def rebased(conn: Connection, base_log: str | None, mutations: list[Mutation]) -> list[Mutation]:
    """``mutations`` with the bases they have here. A request whose bases were read in the log
    this hub had before its restore has each base ``b`` taken to a version this hub holds:

    - ``b`` itself up to the record's version at the restore (history both logs share);
    - the version a PC's whole copy of the old log's version ``copy_old <= b`` was put at
      (``copy_new``, an ancestor of ``b``'s content): a PC's edit of what another PC already
      sent back merges cleanly;
    - otherwise the version at the restore, or 0 where the backup lacked the record.

    Each record then holds the changes of the old log's version the mutation was based on
    (``old_version``; ``copied`` notes a whole copy once it is applied)."""
    if not base_log or not mutations or base_log != tables.get(conn, "restored_from"):
        return mutations
    known = _restore_rows(conn, [(m.entity.value, m.entity_id) for m in mutations])
    out = []
    t = tables.restore_base
    for m in mutations:
        key = (m.entity.value, m.entity_id)
        row = known.get(key)
        if row is None:
            row = _RestoreRow(0, 0, 0, 0)
            conn.execute(
                t.insert().values(
                    entity=key[0], entity_id=key[1], version=0, old_version=0, copy_old=0,
                    copy_new=0,
                )
            )  # fmt: skip
        b = m.base_version
        if b <= row.version:
            base = b
        elif row.copy_old > row.version and b >= row.copy_old:
            base = row.copy_new
        else:
            base = row.version
        if b > row.old_version and m.copy_of is None:  # a copy counts once applied (copied)
            conn.execute(
                t.update()
                .where(t.c.entity == key[0], t.c.entity_id == key[1])
                .values(old_version=b)
            )
            row = row._replace(old_version=b)
        known[key] = row
        out.append(m.model_copy(update={"base_version": base}))
    return out


def copied(conn: Connection, applied: list[tuple[Mutation, Ack]]) -> None:
    """After the mutations of a request applied: a PC's whole copy of an old-log version
    (``Mutation.copy_of``) taken means the record now holds that version's changes; written
    as sent, this hub's version is that old version's content, the base for later mutations
    read at it (``rebased``)."""
    copies = [(m, ack) for m, ack in applied if m.copy_of and ack.status != AckStatus.REJECTED]
    if not copies or not tables.get(conn, "restored_from"):
        return
    t = tables.restore_base
    for m, ack in copies:
        assert m.copy_of is not None
        row = t.c.entity == m.entity.value, t.c.entity_id == m.entity_id
        conn.execute(
            t.update().where(*row, t.c.old_version < m.copy_of).values(old_version=m.copy_of)
        )
        if ack.status == AckStatus.APPLIED and ack.version:
            conn.execute(
                t.update()
                .where(*row, t.c.copy_old <= m.copy_of)
                .values(copy_old=m.copy_of, copy_new=ack.version)
            )


def stale_copy(batch: Batch, m: Mutation) -> Ack | None:
    """A PC's whole copy of an old-log version after the backup whose changes the record
    already holds (another PC sent that version or a newer one back, or an edit based on it
    came): nothing to apply, the PC takes the hub's record (``merged``). None otherwise."""
    if not m.copy_of:
        return None
    conn = batch.conn
    if not tables.get(conn, "restored_from"):
        return None
    row = _restore_rows(conn, [(m.entity.value, m.entity_id)]).get((m.entity.value, m.entity_id))
    if row is None or not (row.version < m.copy_of <= row.old_version):
        return None
    cur = batch.current(m.entity.value, m.entity_id)
    if cur is None:
        return None
    return Ack(
        mutation_id=m.mutation_id, status=AckStatus.MERGED, entity=m.entity,
        entity_id=m.entity_id, version=cur.version, record=cur.fields,
    )  # fmt: skip


def old_versions(conn: Connection, changes: list[Change]) -> dict[str, int]:
    """For a restored hub's answer: the old log's version each changed record holds, where
    known (``SyncResponse.old_versions``)."""
    if not changes or not tables.get(conn, "restored_from"):
        return {}
    known = _restore_rows(conn, [(c.entity.value, c.entity_id) for c in changes])
    return {f"{entity}/{entity_id}": row.old_version for (entity, entity_id), row in known.items()}


class _RestoreRow(NamedTuple):
    version: int
    old_version: int
    copy_old: int
    copy_new: int


def _restore_rows(
    conn: Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], _RestoreRow]:
    """The ``hub_restore_base`` rows of those of ``keys`` the hub has one for."""
    t = tables.restore_base.c
    wanted = set(keys)
    found: dict[tuple[str, str], _RestoreRow] = {}
    ids = sorted({entity_id for _, entity_id in keys})
    for start in range(0, len(ids), 500):
        for row in conn.execute(
            select(t.entity, t.entity_id, t.version, t.old_version, t.copy_old, t.copy_new).where(
                t.entity_id.in_(ids[start : start + 500])
            )
        ):
            if (row.entity, row.entity_id) in wanted:
                found[(row.entity, row.entity_id)] = _RestoreRow(
                    int(row.version), int(row.old_version), int(row.copy_old), int(row.copy_new)
                )
    return found


def take_claims(conn: Connection, device: Device, claims: list[LeaseClaim]) -> int:
    """Record the sub-leases a PC says it holds that this restored hub forgot: only inside the
    blocks it held at the restore (whose remainders it no longer hands out) and overlapping no
    other lease; the device's lease epoch is raised to the claim's so that it is not voided.
    Nothing on a hub that was never restored. Returns the leases taken."""
    if not claims or not tables.get(conn, "restored_from"):
        return 0
    upto = int(tables.get(conn, "restored_blocks_upto", "0"))
    b, le = tables.blocks.c, db.leases.c
    taken = 0
    for claim in claims:
        if claim.end < claim.start:
            continue
        inside = conn.execute(
            select(b.id).where(
                b.id <= upto,
                b.series == claim.series,
                b.year == claim.year,
                b.start_seq <= claim.start,
                b.end_seq >= claim.end,
            )
        ).first()
        overlap = conn.execute(
            select(le.id).where(
                le.series == claim.series,
                le.year == claim.year,
                le.start_seq <= claim.end,
                le.end_seq >= claim.start,
                le.voided_at.is_(None),
            )
        ).first()
        if inside is None or overlap is not None:
            continue
        leases.record_lease(conn, device.office_id, device.id, claim)
        d = db.devices.c
        conn.execute(
            db.devices.update()
            .where(d.id == device.id, d.lease_epoch < claim.epoch)
            .values(lease_epoch=claim.epoch)
        )
        taken += 1
    return taken


def _manifest(folder: Path) -> dict[str, object]:
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RestoreRefused(f"{folder} is not a whole hub backup (no {MANIFEST})") from None
    except (OSError, ValueError) as exc:
        raise RestoreRefused(f"{path} cannot be read: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreRefused(f"{path} is not a hub backup's manifest")
    if not (folder / DB_NAME).is_file():
        raise RestoreRefused(f"{folder} has no {DB_NAME}")
    try:
        # Immutable: a backup is checked without writing beside it (no -wal, no -shm; a
        # write-protected stick is enough).
        check = sqlite3.connect(read_only_uri(folder / DB_NAME, immutable=True), uri=True)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()
            log_id = _log_id(check)
        finally:
            check.close()
    except sqlite3.DatabaseError as exc:
        raise RestoreRefused(f"{folder / DB_NAME} is not a sound database: {exc}") from None
    if not ok or ok[0] != "ok" or not log_id:
        raise RestoreRefused(f"{folder / DB_NAME} is not a sound hub database")
    return manifest


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """A SQLite URI that opens ``path`` read-only. The path is percent-encoded: in
    ``file:{path}`` a ``#`` or ``?`` in a folder's name cuts the path short, and SQLite opens
    (and creates) another, empty file."""
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def _log_id(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT value FROM hub_state WHERE key = 'log_id'").fetchone()
    except sqlite3.DatabaseError:
        return ""
    return str(row[0]) if row else ""


def _copy_files(source: Path, target: Path) -> int:
    """Copy the content-addressed files ``target`` lacks (two levels of folders at most)."""
    if not source.is_dir():
        return 0
    copied = 0
    for path in sorted(source.rglob("*")):
        if not path.is_file() or path.name.endswith(".part"):
            continue
        dest = target / path.relative_to(source)
        if dest.exists() and dest.stat().st_size == path.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        shutil.copyfile(path, tmp)
        os.replace(tmp, dest)
        copied += 1
    return copied


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
