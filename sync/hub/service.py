"""A PC's sync request at the hub: the central server's rules, plus the relay queue and numbers
sub-leased from the hub's blocks (docs/office-hub.md).

This follows ``sync.server.service.handle_sync`` step by step (the same apply, acks, request
ordering, change feed and no-echo rule) with two differences, both inside the one transaction:
the mutations newly applied are appended to the relay queue with the PC's request number, and
number leases come from the blocks central granted the hub, never from a counter of its own.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import Connection

from sync.hub import tables
from sync.protocol import Ack, AckStatus, LeaseGrant, SyncRequest, SyncResponse
from sync.server import db, keys, leases, pki, records
from sync.server.apply import apply_mutation
from sync.server.auth import Device
from sync.server.records import Batch
from sync.server.service import TooManyMutations
from sync.server.settings import Settings

SeriesYear = tuple[str, int]


def handle_sync(
    engine: Engine, device: Device, request: SyncRequest, settings: Settings
) -> SyncResponse:
    """Apply the PC's mutations once each, queue them for central, return the office's changes
    after the cursor and any sub-leases granted."""
    if len(request.mutations) > settings.max_mutations:
        raise TooManyMutations(f"at most {settings.max_mutations} mutations per request")
    acks: list[Ack] = []
    now = db.utcnow()
    wanted = leases.wanted_series(settings, request.series_wanted, now)
    with db.write_tx(engine) as conn:
        batch = Batch(conn, device.office_id)
        taken = request_seq_of(conn, device.id)
        late = request.request_seq is not None and request.request_seq <= taken
        stored: dict[str, tuple[str, Any]] = {}
        ids = list({m.mutation_id for m in request.mutations})
        t = db.applied_mutations
        for start in range(0, len(ids), 500):
            stored.update(
                (r.mutation_id, (r.device_id, r.ack))
                for r in conn.execute(
                    select(t.c.mutation_id, t.c.device_id, t.c.ack).where(
                        t.c.mutation_id.in_(ids[start : start + 500])
                    )
                )
            )
        batch.prefetch((m.entity.value, m.entity_id) for m in request.mutations)
        new_acks: list[dict[str, Any]] = []
        relayed: list[dict[str, Any]] = []
        for m in request.mutations:
            if m.mutation_id in stored:
                owner, ack = stored[m.mutation_id]
                if owner == device.id:
                    acks.append(Ack.model_validate(ack))
                else:
                    acks.append(
                        Ack(
                            mutation_id=m.mutation_id,
                            status=AckStatus.REJECTED,
                            entity=m.entity,
                            entity_id=m.entity_id,
                            version=0,
                            reason="mutation_id sudah dipakai perangkat lain",
                        )
                    )
                continue
            if late:
                continue
            outcome = apply_mutation(batch, device, m, settings.blob_dir)
            if outcome.number:
                wanted.add(outcome.number)
            data = outcome.ack.model_dump(mode="json")
            stored[m.mutation_id] = (device.id, data)
            new_acks.append(
                dict(
                    mutation_id=m.mutation_id,
                    device_id=device.id,
                    office_id=device.office_id,
                    ack=data,
                    created_at=now,
                )
            )
            acks.append(outcome.ack)
            if outcome.ack.status != AckStatus.REJECTED:
                relayed.append(m.model_dump(mode="json"))
        batch.flush()
        if new_acks:
            conn.execute(db.applied_mutations.insert(), new_acks)
        if relayed:
            conn.execute(
                tables.relay_queue.insert().values(
                    device_id=device.id,
                    request_seq=request.request_seq,
                    mutations=relayed,
                    created_at=now,
                    failed="",
                )
            )
        remember_series(conn, wanted)
        grants = [] if late else top_up(conn, device, settings, request.lease_epoch, wanted)
        if request.request_seq is not None and not late:
            take_request_seq(conn, device.id, taken, request.request_seq)
            taken = request.request_seq
        changes, more, cursor = records.changes_after(
            conn, device.office_id, request.cursor, settings.page_size, _known(acks)
        )
        conn.execute(db.devices.update().where(db.devices.c.id == device.id).values(last_seen=now))
        crl_number = pki.crl_number(conn)
        server_key = office_key = ""
        if request.device_key and not late:
            keys.remember_device_key(conn, device, request.device_key)
            # Central's keys, as the hub learnt them: bundles are answered by central, and
            # verification codes must be central's office code (none yet: the PC asks again).
            server_key = tables.get(conn, "server_key")
            office_key = tables.get(conn, "office_key") if server_key else ""
            server_key = server_key if office_key else ""
    return SyncResponse(
        acks=acks,
        changes=changes,
        cursor=cursor,
        more=more,
        leases=grants,
        server_time=db.utcnow(),
        crl_number=crl_number,
        request_seq=taken,
        late=late,
        server_key=server_key,
        office_key=office_key,
    )


def _known(acks: list[Ack]) -> dict[tuple[str, str], int]:
    return {
        (a.entity.value, a.entity_id): a.version
        for a in acks
        if a.version and (a.status == AckStatus.APPLIED or a.record is not None)
    }


def request_seq_of(conn: Connection, device_id: str) -> int:
    t = db.device_requests
    taken = conn.execute(select(t.c.last_seq).where(t.c.device_id == device_id)).scalar()
    return int(taken or 0)


def take_request_seq(conn: Connection, device_id: str, taken: int, seq: int) -> None:
    t = db.device_requests
    if conn.execute(select(t.c.device_id).where(t.c.device_id == device_id)).first():
        conn.execute(t.update().where(t.c.device_id == device_id).values(last_seq=seq))
    else:
        conn.execute(t.insert().values(device_id=device_id, last_seq=seq))


def remember_series(conn: Connection, wanted: set[SeriesYear]) -> None:
    """Series and years the PCs asked for: the hub asks central for blocks of each."""
    held = {(str(s), int(y)) for s, y in json.loads(tables.get(conn, "series", "[]"))}
    if not wanted <= held:
        tables.put(conn, "series", json.dumps(sorted(held | wanted)))


# -- numbers: sub-leases cut from the hub's blocks ----------------------------------------------


def _unused(conn: Connection, device: Device, series: str, year: int) -> int:
    """As ``sync.server.leases``: numbers left in the device's live leases above the highest
    one issued in each."""
    le, n = db.leases.c, db.issued_numbers.c
    left = 0
    for block in conn.execute(
        select(le.start_seq, le.end_seq).where(
            le.device_id == device.id,
            le.series == series,
            le.year == year,
            le.voided_at.is_(None),
        )
    ).all():
        start, end = int(block.start_seq), int(block.end_seq)
        used = conn.execute(
            select(func.max(n.seq)).where(
                n.office_id == device.office_id,
                n.series == series,
                n.year == year,
                n.seq >= start,
                n.seq <= end,
            )
        ).scalar()
        left += end - (used if used is not None else start - 1)
    return left


def take_sublease(conn: Connection, series: str, year: int, size: int) -> tuple[int, int] | None:
    """The next ``size`` numbers (fewer at a block's end) of the hub's blocks, or None."""
    b = tables.blocks.c
    block = conn.execute(
        select(b.id, b.next_seq, b.end_seq)
        .where(b.series == series, b.year == year, b.next_seq <= b.end_seq)
        .order_by(b.start_seq)
        .limit(1)
    ).first()
    if block is None:
        return None
    start = int(block.next_seq)
    end = min(int(block.end_seq), start + size - 1)
    conn.execute(tables.blocks.update().where(b.id == block.id).values(next_seq=end + 1))
    return start, end


def top_up(
    conn: Connection,
    device: Device,
    settings: Settings,
    held_epoch: int | None,
    wanted: set[SeriesYear],
) -> list[LeaseGrant]:
    """``sync.server.leases.top_up`` with numbers from the hub's blocks: void grants the PC does
    not hold, then a sub-lease for every wanted series running low (none when the hub's blocks
    are used up: the PC keeps its own remainder, and central tops the hub up later)."""
    now = db.utcnow()
    newest = int(
        conn.execute(
            select(db.devices.c.lease_epoch).where(db.devices.c.id == device.id)
        ).scalar_one()
    )
    held_epoch = newest if held_epoch is None else min(held_epoch, newest)
    conn.execute(
        db.leases.update()
        .where(
            db.leases.c.device_id == device.id,
            db.leases.c.epoch > held_epoch,
            db.leases.c.voided_at.is_(None),
        )
        .values(voided_at=now)
    )
    min_year = min((y for _, y in wanted), default=0)
    live = conn.execute(
        select(db.leases.c.series, db.leases.c.year)
        .distinct()
        .where(
            db.leases.c.device_id == device.id,
            db.leases.c.voided_at.is_(None),
            db.leases.c.year >= min_year,
        )
    ).all()
    wanted = wanted | {(str(row.series), int(row.year)) for row in live}
    epoch = newest + 1
    grants: list[LeaseGrant] = []
    for series, year in sorted(wanted):
        if _unused(conn, device, series, year) >= settings.lease_low_water:
            continue
        block = take_sublease(conn, series, year, settings.lease_block)
        if block is None:
            continue
        start, end = block
        conn.execute(
            db.leases.insert().values(
                office_id=device.office_id,
                device_id=device.id,
                series=series,
                year=year,
                start_seq=start,
                end_seq=end,
                epoch=epoch,
                created_at=now,
            )
        )
        grants.append(LeaseGrant(series=series, year=year, start=start, end=end, epoch=epoch))
    if grants:
        conn.execute(
            db.devices.update().where(db.devices.c.id == device.id).values(lease_epoch=epoch)
        )
    return grants
