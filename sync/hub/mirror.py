"""What the hub copies from central: the office, the devices (token hashes), their leases, its
own number blocks, and the office's records at central's versions (docs/office-hub.md)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.engine import Connection

from sync.hub import tables
from sync.protocol import Change, LeaseGrant, Op
from sync.server import db, leases
from sync.server.apply import index_record
from sync.server.hubs import HubOffice
from sync.server.records import Batch


def create_schema(engine: Engine) -> None:
    """The server's tables (with the columns a newer version added: ``db.create_tables``) and
    the hub's own, and the identity of this database's change log (``log_id``, once)."""
    db.create_tables(engine)
    tables.metadata.create_all(engine)
    with db.write_tx(engine) as conn:
        if not tables.get(conn, "log_id"):
            tables.put(conn, "log_id", str(uuid.uuid4()))


def office_id(engine: Engine) -> str | None:
    """The office this hub serves, once it has mirrored central at least once."""
    with db.read_tx(engine) as conn:
        value = tables.get(conn, "office_id")
    return value or None


def central_limit(engine: Engine, default: int) -> int:
    """The most mutations per request central takes (as its last answer said), at most
    ``default``."""
    with db.read_tx(engine) as conn:
        value = tables.get(conn, "central_max_mutations")
    return min(default, int(value)) if value.isdigit() and int(value) > 0 else default


def mirror_office(engine: Engine, view: HubOffice) -> None:
    """Copy central's view of the office into the hub's database, in one transaction."""
    now = db.utcnow()
    with db.write_tx(engine) as conn:
        held = tables.get(conn, "office_id")
        if held and held != view.office_id:
            raise ValueError("this hub database belongs to another office")
        ident = db.server_identity
        if conn.execute(select(ident.c.server_id)).first() is None:
            conn.execute(ident.insert().values(id=1, server_id=view.server_id, created_at=now))
        if conn.execute(select(db.offices.c.id).where(db.offices.c.id == view.office_id)).first():
            conn.execute(
                db.offices.update()
                .where(db.offices.c.id == view.office_id)
                .values(code=view.office_code, name=view.office_name)
            )
        else:
            conn.execute(
                db.offices.insert().values(
                    id=view.office_id, code=view.office_code, name=view.office_name, created_at=now
                )
            )
            conn.execute(db.office_counters.insert().values(office_id=view.office_id, last_seq=0))
        tables.put(conn, "office_id", view.office_id)
        tables.put(conn, "hub_device_id", view.hub_device_id)
        # The devices central lists: a hub bundle confirms the others (sync/hub/bundle.py).
        tables.put(conn, "central_devices", json.dumps(sorted(d.id for d in view.devices)))
        d = db.devices.c
        for device in view.devices:
            row = conn.execute(select(d.lease_epoch, d.revoked_at).where(d.id == device.id)).first()
            values: dict[str, Any] = dict(
                name=device.name,
                token_hash=device.token_hash,
                # Kept from the first round that saw the revocation (the date a PC is told).
                revoked_at=(row.revoked_at if row is not None and row.revoked_at else now)
                if device.revoked
                else None,
            )
            if row is None:
                conn.execute(
                    db.devices.insert().values(
                        id=device.id,
                        office_id=view.office_id,
                        created_at=now,
                        lease_epoch=device.lease_epoch,
                        **values,
                    )
                )
            else:
                values["lease_epoch"] = max(int(row.lease_epoch), device.lease_epoch)
                conn.execute(db.devices.update().where(d.id == device.id).values(**values))
            r = db.device_requests.c
            taken = conn.execute(select(r.last_seq).where(r.device_id == device.id)).scalar()
            if taken is None:
                conn.execute(
                    db.device_requests.insert().values(
                        device_id=device.id, last_seq=device.request_seq
                    )
                )
            elif int(taken) < device.request_seq:
                conn.execute(
                    db.device_requests.update()
                    .where(r.device_id == device.id)
                    .values(last_seq=device.request_seq)
                )
        c = db.certificates.c
        for cert in view.certificates:
            values = cert.model_dump()
            if conn.execute(select(c.serial).where(c.serial == cert.serial)).first() is None:
                conn.execute(db.certificates.insert().values(office_id=view.office_id, **values))
            else:  # a revocation at central
                conn.execute(
                    db.certificates.update()
                    .where(c.serial == cert.serial)
                    .values(revoked_at=cert.revoked_at, revocation_reason=cert.revocation_reason)
                )
        le = db.leases.c
        for lease in view.leases:
            if lease.device_id == view.hub_device_id:
                add_block(conn, lease.series, lease.year, lease.start, lease.end)
                continue
            same = conn.execute(
                select(le.id).where(
                    le.device_id == lease.device_id,
                    le.series == lease.series,
                    le.year == lease.year,
                    le.start_seq == lease.start,
                    le.end_seq == lease.end,
                )
            ).first()
            if same is None:
                leases.record_lease(conn, view.office_id, lease.device_id, lease, now)


def add_block(conn: Connection, series: str, year: int, start: int, end: int) -> None:
    """A block central granted the hub (known once: its numbers are cut only once)."""
    b = tables.blocks.c
    if conn.execute(
        select(b.id).where(b.series == series, b.year == year, b.start_seq == start)
    ).first():
        return
    conn.execute(
        tables.blocks.insert().values(
            series=series, year=year, start_seq=start, end_seq=end, next_seq=start
        )
    )


def add_blocks(engine: Engine, grants: list[LeaseGrant]) -> None:
    with db.write_tx(engine) as conn:
        for g in grants:
            add_block(conn, g.series, g.year, g.start, g.end)


def pending_keys(conn: Connection) -> set[tuple[str, str]]:
    """Records with mutations still waiting in the relay queue (the hub's copy is newer)."""
    keys: set[tuple[str, str]] = set()
    q = tables.relay_queue.c
    for row in conn.execute(select(q.mutations).where(q.failed == "")):
        for m in row.mutations:
            keys.add((str(m["entity"]), str(m["entity_id"])))
    return keys


def adopt(engine: Engine, office: str, changes: list[Change]) -> int:
    """Write central's records at central's versions (records, history, change log, the access
    and verification-code indexes), one transaction; skip those equal to the hub's and those
    with queued mutations. Returns how many were written.

    The hub's current rows are read in one query per entity and 500 ids, and the writes go in
    one ``executemany`` per table: a page of thousands of records (most of them the hub's own,
    coming back from central at the versions the hub already holds) costs a few statements."""
    with db.write_tx(engine) as conn:
        batch = Batch(conn, office)  # the office lock and its change-log counter
        batch.flush()
        waiting = pending_keys(conn)
        latest: dict[tuple[str, str], Change] = {}
        for change in changes:  # a page names a record once; keep the newest if not
            key = (change.entity.value, change.entity_id)
            if key not in waiting:
                latest[key] = change
        held = _held(conn, office, list(latest))
        writes = [
            (key, change) for key, change in latest.items() if not _same(held.get(key), change)
        ]
        if not writes:
            return 0
        now = db.utcnow()
        Rows = list[dict[str, Any]]
        inserts: Rows = []
        updates: Rows = []
        history_keys: Rows = []
        history: Rows = []
        log_keys: Rows = []
        log_rows: Rows = []
        for (entity, entity_id), change in writes:
            deleted = change.op == Op.DELETE
            row: dict[str, Any] = dict(
                version=change.version, deleted=deleted, fields=change.fields
            )
            if (entity, entity_id) in held:
                updates.append(dict(k_office=office, k_entity=entity, k_id=entity_id, **row))
            else:
                inserts.append(
                    dict(office_id=office, entity=entity, entity_id=entity_id, **row,
                         updated_by_device=None, updated_at=now)
                )  # fmt: skip
            where = dict(k_office=office, k_entity=entity, k_id=entity_id)
            history_keys.append({**where, "k_version": change.version})
            history.append(
                dict(office_id=office, entity=entity, entity_id=entity_id, version=change.version,
                     deleted=deleted, fields=change.fields, device_id=None, mutation_id=None,
                     created_at=now)
            )  # fmt: skip
            log_keys.append(where)
            batch.last_seq += 1
            log_rows.append(
                dict(office_id=office, seq=batch.last_seq, entity=entity, entity_id=entity_id,
                     version=change.version)
            )  # fmt: skip
        if inserts:
            conn.execute(db.records.insert(), inserts)
        if updates:
            conn.execute(_UPDATE.values(updated_by_device=None, updated_at=now), updates)
        conn.execute(_DELETE_HISTORY, history_keys)
        conn.execute(db.history.insert(), history)
        conn.execute(_DELETE_LOG, log_keys)
        conn.execute(db.change_log.insert(), log_rows)
        for (_entity, entity_id), change in writes:
            # The people a review step or disposition puts on its letter (the access gate),
            # a letter's verification code and a signature's letter (the verification page),
            # as when the record is applied here.
            if change.op != Op.DELETE:
                index_record(conn, office, change.entity, entity_id, change.fields)
        conn.execute(
            db.office_counters.update()
            .where(db.office_counters.c.office_id == office)
            .values(last_seq=batch.last_seq)
        )
    return len(writes)


def _held(conn: Connection, office: str, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    """The hub's current rows (version, deleted, fields) of ``keys``."""
    r = db.records.c
    by_entity: dict[str, list[str]] = {}
    for entity, entity_id in keys:
        by_entity.setdefault(entity, []).append(entity_id)
    found: dict[tuple[str, str], Any] = {}
    for entity, ids in by_entity.items():
        for start in range(0, len(ids), 500):
            for row in conn.execute(
                select(r.entity_id, r.version, r.deleted, r.fields).where(
                    r.office_id == office,
                    r.entity == entity,
                    r.entity_id.in_(ids[start : start + 500]),
                )
            ):
                found[(entity, row.entity_id)] = row
    return found


def _same(row: Any, change: Change) -> bool:
    return (
        row is not None
        and row.version == change.version
        and bool(row.deleted) == (change.op == Op.DELETE)
        and dict(row.fields) == change.fields
    )


_UPDATE = (
    db.records.update()
    .where(
        db.records.c.office_id == bindparam("k_office"),
        db.records.c.entity == bindparam("k_entity"),
        db.records.c.entity_id == bindparam("k_id"),
    )
    .values(version=bindparam("version"), deleted=bindparam("deleted"), fields=bindparam("fields"))
)
_DELETE_HISTORY = db.history.delete().where(
    db.history.c.office_id == bindparam("k_office"),
    db.history.c.entity == bindparam("k_entity"),
    db.history.c.entity_id == bindparam("k_id"),
    db.history.c.version == bindparam("k_version"),
)
_DELETE_LOG = db.change_log.delete().where(
    db.change_log.c.office_id == bindparam("k_office"),
    db.change_log.c.entity == bindparam("k_entity"),
    db.change_log.c.entity_id == bindparam("k_id"),
)
