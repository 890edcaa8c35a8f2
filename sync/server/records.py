"""Reading and writing the records of one office in one request: current rows, history, change
log. Writes are buffered and flushed with ``executemany`` (one round trip per table), which
keeps a 200-mutation batch cheap on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, and_, bindparam, func, select, true
from sqlalchemy.engine import Connection

from sync.protocol import Change, Entity, Op
from sync.server import db

log = logging.getLogger("naskah.server")

# Entity kinds stored on the server but never sent down to PCs.
NOT_SENT_DOWN = frozenset({Entity.AUDIT.value})

Key = tuple[str, str]  # (entity, entity_id)


@dataclass(frozen=True)
class Version:
    version: int
    deleted: bool
    fields: dict[str, Any]
    device_id: str | None = None


def _key(office_id: str, entity: str, entity_id: str, table: Any) -> Any:
    return and_(
        table.c.office_id == office_id, table.c.entity == entity, table.c.entity_id == entity_id
    )


def by_whole_key(
    conn: Connection, columns: list[Any], office_id: str, entity: str, ids: list[str]
) -> list[Any]:
    """``columns`` of the office's ``entity`` records with these ids, each found by the whole
    primary key whatever the database's statistics say.

    SQLite probes the key index once per ``IN`` value. PostgreSQL, with statistics that do not
    know the office yet (a new office, or one that grew since the last ANALYZE), plans
    ``entity_id = ANY(...)`` as an index scan on ``office_id, entity`` that filters every record of
    that kind in the office (20,000 records: 3.3 ms a lookup, growing with the office; issue 13).
    So there each id is joined to a LATERAL lookup of one row (``LIMIT 1`` keeps it from being
    flattened into a join the planner could reorder): an index condition on the whole key
    (0.6 ms for 200 ids, whatever the office's size)."""
    t = db.records
    if conn.dialect.name != "postgresql":
        return list(
            conn.execute(
                select(*columns).where(
                    t.c.office_id == office_id, t.c.entity == entity, t.c.entity_id.in_(ids)
                )
            ).all()
        )
    from sqlalchemy.dialects.postgresql import ARRAY

    keys = (
        func.unnest(bindparam("whole_keys", ids, type_=ARRAY(String)))
        .table_valued("id")
        .render_derived("k")
    )
    one = (
        select(*columns)
        .where(t.c.office_id == office_id, t.c.entity == entity, t.c.entity_id == keys.c.id)
        .limit(1)
        .lateral("one")
    )
    return list(conn.execute(select(*one.c).select_from(keys).join(one, true())).all())


_UPDATE = (
    db.records.update()
    .where(
        db.records.c.office_id == bindparam("k_office"),
        db.records.c.entity == bindparam("k_entity"),
        db.records.c.entity_id == bindparam("k_id"),
    )
    .values(
        version=bindparam("version"),
        deleted=bindparam("deleted"),
        fields=bindparam("fields"),
        updated_by_device=bindparam("updated_by_device"),
        updated_at=bindparam("updated_at"),
    )
)
_DELETE_LOG = db.change_log.delete().where(
    db.change_log.c.office_id == bindparam("k_office"),
    db.change_log.c.entity == bindparam("k_entity"),
    db.change_log.c.entity_id == bindparam("k_id"),
)


class Batch:
    """The records of one office, read and written inside one write transaction.

    Creating it takes the office's writer lock (``db.lock_office``); every change gets the next
    seq of the office. Nothing is visible to others before the transaction commits; call
    ``flush`` before reading the change log or history with plain queries."""

    def __init__(self, conn: Connection, office_id: str) -> None:
        self.conn = conn
        self.office_id = office_id
        self.last_seq = db.lock_office(conn, office_id)
        self._flushed_seq = self.last_seq
        self._cache: dict[Key, Version | None] = {}
        self._inserts: dict[Key, dict[str, Any]] = {}
        self._updates: dict[Key, dict[str, Any]] = {}
        self._history: list[dict[str, Any]] = []
        self._pending_history: set[Key] = set()
        self._log: dict[Key, dict[str, Any]] = {}

    def prefetch(self, keys: Iterable[Key]) -> None:
        """Load the current rows of ``keys`` in one query (unknown ones remembered as absent)."""
        wanted = [k for k in dict.fromkeys(keys) if k not in self._cache]
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in wanted:
            by_entity.setdefault(entity, []).append(entity_id)
        t = db.records
        # One query per entity, ``office_id = ? AND entity = ? AND entity_id IN (...)``: the
        # whole primary key is the index condition on both databases. A row value
        # ``(entity, entity_id) IN (...)`` used only ``office_id`` of it and scanned the office
        # (356-398 ms for 200 keys at 500,000 records, against 3.4 ms).
        for entity, ids in by_entity.items():
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                columns = [
                    t.c.entity_id, t.c.version, t.c.deleted, t.c.fields, t.c.updated_by_device
                ]  # fmt: skip
                rows = by_whole_key(self.conn, columns, self.office_id, entity, part)
                for entity_id in part:
                    self._cache[(entity, entity_id)] = None
                for r in rows:
                    self._cache[(entity, r.entity_id)] = Version(
                        r.version, r.deleted, dict(r.fields), r.updated_by_device
                    )

    def current(self, entity: str, entity_id: str) -> Version | None:
        """The record as the server holds it now (including this batch's writes), or None."""
        key = (entity, entity_id)
        if key not in self._cache:
            self.prefetch([key])
        return self._cache[key]

    def versions_from(self, entity: str, entity_id: str, first: int) -> list[Version]:
        """Every stored version >= ``first``, oldest first (the merge base and what followed)."""
        if (entity, entity_id) in self._pending_history:
            self.flush()
        t = db.history
        rows = self.conn.execute(
            select(t.c.version, t.c.deleted, t.c.fields, t.c.device_id)
            .where(_key(self.office_id, entity, entity_id, t), t.c.version >= first)
            .order_by(t.c.version)
        ).all()
        return [Version(r.version, r.deleted, dict(r.fields), r.device_id) for r in rows]

    def write(
        self,
        entity: str,
        entity_id: str,
        *,
        fields: dict[str, Any],
        deleted: bool,
        device_id: str | None,
        mutation_id: str | None,
    ) -> int:
        """Store a new version of a record: its current row, a history row and its change-log
        entry (replacing the record's older entry). Returns the new version."""
        key = (entity, entity_id)
        previous = self.current(entity, entity_id)
        version = (previous.version if previous else 0) + 1
        now = db.utcnow()
        row = dict(
            version=version,
            deleted=deleted,
            fields=fields,
            updated_by_device=device_id,
            updated_at=now,
        )
        if previous is None or key in self._inserts:
            self._inserts[key] = {
                "office_id": self.office_id,
                "entity": entity,
                "entity_id": entity_id,
                **row,
            }
        else:
            self._updates[key] = {
                "k_office": self.office_id,
                "k_entity": entity,
                "k_id": entity_id,
                **row,
            }
        self._history.append(
            dict(
                office_id=self.office_id,
                entity=entity,
                entity_id=entity_id,
                version=version,
                deleted=deleted,
                fields=fields,
                device_id=device_id,
                mutation_id=mutation_id,
                created_at=now,
            )
        )
        self._pending_history.add(key)
        if entity not in NOT_SENT_DOWN:
            self.last_seq += 1
            self._log[key] = dict(
                office_id=self.office_id,
                seq=self.last_seq,
                entity=entity,
                entity_id=entity_id,
                version=version,
            )
        self._cache[key] = Version(version, deleted, fields, device_id)
        return version

    def flush(self) -> None:
        """Write everything buffered so far (still inside the caller's transaction)."""
        conn = self.conn
        if self._inserts:
            conn.execute(db.records.insert(), list(self._inserts.values()))
        if self._updates:
            conn.execute(_UPDATE, list(self._updates.values()))
        if self._history:
            conn.execute(db.history.insert(), self._history)
        if self._log:
            conn.execute(
                _DELETE_LOG,
                [{"k_office": self.office_id, "k_entity": e, "k_id": i} for e, i in self._log],
            )
            conn.execute(db.change_log.insert(), list(self._log.values()))
        if self.last_seq != self._flushed_seq:
            conn.execute(
                db.office_counters.update()
                .where(db.office_counters.c.office_id == self.office_id)
                .values(last_seq=self.last_seq)
            )
            self._flushed_seq = self.last_seq
        self._inserts, self._updates, self._history, self._log = {}, {}, [], {}
        self._pending_history = set()


def changes_after(
    conn: Connection,
    office_id: str,
    cursor: int,
    limit: int,
    known: Mapping[tuple[str, str], int] | None = None,
    max_bytes: int | None = None,
) -> tuple[list[Change], bool, int]:
    """The office's changes with ``seq > cursor`` in seq order, at most ``limit`` change-log
    entries (and, with ``max_bytes``, at most that many bytes of changes as JSON, but always at
    least one change), whether more are waiting, and the cursor after this page. No change is
    ever skipped (see the module docstring of ``db``), except that a record whose version is its
    ``known`` version (what this very answer acknowledges to the device) is not echoed back."""
    cl, r = db.change_log, db.records
    # Two index lookups instead of a join: the page of the change log (its primary key,
    # office_id + seq), then those records by their whole key per entity. A join let
    # PostgreSQL, with statistics that did not know a new office yet, pick a nested loop that
    # filtered the other offices' rows on every page (55 records/s for a new office beside
    # 500,000 records until autovacuum ran; 3.5 s a page, 17 ms after ANALYZE).
    page = conn.execute(
        select(cl.c.seq, cl.c.entity, cl.c.entity_id)
        .where(cl.c.office_id == office_id, cl.c.seq > cursor)
        .order_by(cl.c.seq)
        .limit(limit + 1)
    ).all()
    wanted: dict[str, list[str]] = {}
    for entry in page[:limit]:
        wanted.setdefault(entry.entity, []).append(entry.entity_id)
    found: dict[tuple[str, str], Any] = {}
    for entity, ids in wanted.items():
        for start in range(0, len(ids), 500):
            columns = [r.c.entity_id, r.c.version, r.c.deleted, r.c.fields]
            for row in by_whole_key(conn, columns, office_id, entity, ids[start : start + 500]):
                found[(entity, row.entity_id)] = row
    changes: list[Change] = []
    size = 0
    taken = 0  # change-log entries this page covers (sent, known or unservable)
    for entry in page[:limit]:
        record = found.get((entry.entity, entry.entity_id))
        if record is None:  # cannot happen: a change-log entry is written with its record
            log.error("change %s names no record %s/%s", entry.seq, entry.entity, entry.entity_id)
            taken += 1
            continue
        if known and known.get((entry.entity, entry.entity_id)) == record.version:
            taken += 1
            continue  # the device holds this version already: its own record, just acked
        served = _servable(entry, record)
        if served is not None:
            change, length = served
            if max_bytes is not None and changes and size + length > max_bytes:
                break  # the page is full: this change opens the next one
            changes.append(change)
            size += length
        taken += 1
    after = page[taken - 1].seq if taken else cursor
    return changes, len(page) > taken, after


def served_change(seq: int, entity: str, entity_id: str, record: Any) -> tuple[Change, int]:
    """The change a pull sends for ``record`` (a row with version, deleted, fields) and its size
    as JSON. Raises (ValueError, TypeError, RecursionError...) if the record cannot be sent:
    one that an older server stored before it checked records on the way in, or a damaged row.
    The pull skips such records; ``naskah-server records check`` lists them."""
    change = Change(
        seq=seq,
        entity=Entity(entity),
        entity_id=entity_id,
        version=record.version,
        op=Op.DELETE if record.deleted else Op.UPSERT,
        fields=dict(record.fields),
    )
    length = len(
        json.dumps(change.model_dump(mode="json"), ensure_ascii=False, allow_nan=False).encode()
    )
    return change, length


def _servable(entry: Any, record: Any) -> tuple[Change, int] | None:
    """The change for a change-log entry and its record with its size as JSON, or None (logged)
    if it cannot be sent: a record stored before the server checked records on the way in must
    not stop the office's pull forever."""
    try:
        return served_change(entry.seq, entry.entity, entry.entity_id, record)
    except Exception:
        log.error(
            "record %s/%s (change %s) cannot be served and is skipped; repair or delete it "
            "(naskah-server records check lists them)",
            entry.entity,
            entry.entity_id,
            entry.seq,
            exc_info=True,
        )
        return None
