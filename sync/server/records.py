"""Reading and writing records of one office: current row, history, change log.

Callers hold the office's writer lock (``db.lock_office``) for every write here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from sync.protocol import Change, Entity, Op
from sync.server import db

# Entity kinds stored on the server but never sent down to PCs.
NOT_SENT_DOWN = frozenset({Entity.AUDIT.value})


@dataclass(frozen=True)
class Version:
    version: int
    deleted: bool
    fields: dict[str, Any]
    device_id: str | None = None


def _key(office_id: str, entity: str, entity_id: str, table: Any) -> Any:
    return and_(table.c.office_id == office_id, table.c.entity == entity,
                table.c.entity_id == entity_id)


def current(conn: Connection, office_id: str, entity: str, entity_id: str) -> Version | None:
    """The record as the server holds it now, or None if the office has no such record."""
    t = db.records
    row = conn.execute(
        select(t.c.version, t.c.deleted, t.c.fields, t.c.updated_by_device)
        .where(_key(office_id, entity, entity_id, t))
    ).first()
    if row is None:
        return None
    return Version(row.version, row.deleted, dict(row.fields), row.updated_by_device)


def versions_from(conn: Connection, office_id: str, entity: str, entity_id: str,
                  first: int) -> list[Version]:
    """Every stored version >= ``first``, oldest first (the merge base and what followed)."""
    t = db.history
    rows = conn.execute(
        select(t.c.version, t.c.deleted, t.c.fields, t.c.device_id)
        .where(_key(office_id, entity, entity_id, t), t.c.version >= first)
        .order_by(t.c.version)
    ).all()
    return [Version(r.version, r.deleted, dict(r.fields), r.device_id) for r in rows]


def write(conn: Connection, office_id: str, entity: str, entity_id: str, *,
          fields: dict[str, Any], deleted: bool, device_id: str | None,
          mutation_id: str | None, previous: Version | None) -> int:
    """Store a new version of a record (``previous``: the current one, None for an insert).

    Writes the current row, a history row and the office's change-log entry (replacing the
    record's older entry), all in the caller's transaction. Returns the new version."""
    version = (previous.version if previous else 0) + 1
    now = db.utcnow()
    values = dict(version=version, deleted=deleted, fields=fields,
                  updated_by_device=device_id, updated_at=now)
    if previous is None:
        conn.execute(db.records.insert().values(office_id=office_id, entity=entity,
                                                entity_id=entity_id, **values))
    else:
        conn.execute(db.records.update().where(_key(office_id, entity, entity_id, db.records))
                     .values(**values))
    conn.execute(db.history.insert().values(
        office_id=office_id, entity=entity, entity_id=entity_id, version=version,
        deleted=deleted, fields=fields, device_id=device_id, mutation_id=mutation_id,
        created_at=now))
    if entity not in NOT_SENT_DOWN:
        conn.execute(db.change_log.delete().where(
            _key(office_id, entity, entity_id, db.change_log)))
        conn.execute(db.change_log.insert().values(
            office_id=office_id, seq=db.next_seq(conn, office_id), entity=entity,
            entity_id=entity_id, version=version))
    return version


def changes_after(conn: Connection, office_id: str, cursor: int,
                  limit: int) -> tuple[list[Change], bool]:
    """The office's changes with ``seq > cursor`` in seq order, at most ``limit``, and whether
    more are waiting. Safe against skipped seqs: see the module docstring of ``db``."""
    cl, r = db.change_log, db.records
    rows = conn.execute(
        select(cl.c.seq, cl.c.entity, cl.c.entity_id, r.c.version, r.c.deleted, r.c.fields)
        .join(r, and_(r.c.office_id == cl.c.office_id, r.c.entity == cl.c.entity,
                      r.c.entity_id == cl.c.entity_id))
        .where(cl.c.office_id == office_id, cl.c.seq > cursor)
        .order_by(cl.c.seq)
        .limit(limit + 1)
    ).all()
    changes = [
        Change(seq=row.seq, entity=Entity(row.entity), entity_id=row.entity_id,
               version=row.version, op=Op.DELETE if row.deleted else Op.UPSERT,
               fields=dict(row.fields))
        for row in rows[:limit]
    ]
    return changes, len(rows) > limit
