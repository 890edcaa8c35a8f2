"""What the hub copies from central: the office, the devices (token hashes), their leases, its
own number blocks, and the office's records at central's versions (docs/office-hub.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.engine import Connection

from sync.hub import tables
from sync.protocol import Change, LeaseGrant, Op
from sync.server import access, db
from sync.server.hubs import HubOffice
from sync.server.records import Batch


def create_schema(engine: Engine) -> None:
    db.metadata.create_all(engine)
    tables.metadata.create_all(engine)


def office_id(engine: Engine) -> str | None:
    """The office this hub serves, once it has mirrored central at least once."""
    with db.read_tx(engine) as conn:
        value = tables.get(conn, "office_id")
    return value or None


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
                conn.execute(
                    db.leases.insert().values(
                        office_id=view.office_id,
                        device_id=lease.device_id,
                        series=lease.series,
                        year=lease.year,
                        start_seq=lease.start,
                        end_seq=lease.end,
                        epoch=lease.epoch,
                        created_at=now,
                    )
                )


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
    index), one transaction; skip those equal to the hub's and those with queued mutations.
    Returns how many were written."""
    written = 0
    with db.write_tx(engine) as conn:
        batch = Batch(conn, office)  # the office lock and its change-log counter
        batch.flush()
        waiting = pending_keys(conn)
        r, h, cl = db.records.c, db.history.c, db.change_log.c
        now = db.utcnow()
        for change in changes:
            entity, entity_id = change.entity.value, change.entity_id
            if (entity, entity_id) in waiting:
                continue
            deleted = change.op == Op.DELETE
            key = (r.office_id == office, r.entity == entity, r.entity_id == entity_id)
            row = conn.execute(select(r.version, r.deleted, r.fields).where(*key)).first()
            if (
                row is not None
                and row.version == change.version
                and bool(row.deleted) == deleted
                and dict(row.fields) == change.fields
            ):
                continue
            values = dict(
                version=change.version,
                deleted=deleted,
                fields=change.fields,
                updated_by_device=None,
                updated_at=now,
            )
            if row is None:
                conn.execute(
                    db.records.insert().values(
                        office_id=office, entity=entity, entity_id=entity_id, **values
                    )
                )
            else:
                conn.execute(db.records.update().where(*key).values(**values))
            conn.execute(
                delete(db.history).where(
                    h.office_id == office,
                    h.entity == entity,
                    h.entity_id == entity_id,
                    h.version == change.version,
                )
            )
            conn.execute(
                db.history.insert().values(
                    office_id=office,
                    entity=entity,
                    entity_id=entity_id,
                    version=change.version,
                    deleted=deleted,
                    fields=change.fields,
                    device_id=None,
                    mutation_id=None,
                    created_at=now,
                )
            )
            conn.execute(
                delete(db.change_log).where(
                    cl.office_id == office, cl.entity == entity, cl.entity_id == entity_id
                )
            )
            batch.last_seq += 1
            conn.execute(
                db.change_log.insert().values(
                    office_id=office,
                    seq=batch.last_seq,
                    entity=entity,
                    entity_id=entity_id,
                    version=change.version,
                )
            )
            # The people a review step or disposition puts on its letter, as when one is
            # applied here: the access gate lets their PCs have the letter.
            if not deleted:
                access.index(conn, office, change.entity, change.fields)
            written += 1
        conn.execute(
            db.office_counters.update()
            .where(db.office_counters.c.office_id == office)
            .values(last_seq=batch.last_seq)
        )
    return written
