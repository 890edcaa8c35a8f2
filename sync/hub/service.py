"""A PC's sync request at the hub: the central server's handler (``sync.server.service``) with
the hub's ``SyncHooks`` (docs/office-hub.md).

Everything central does for a request is done here by the same code: apply, acks, request
ordering, the access gate by sifat, byte-sized pages, the change feed and no-echo. The hub's
hooks differ in these, all inside the request's one transaction:

- the mutations newly applied (not rejected) are appended to the relay queue with the PC's
  request number;
- number leases are sub-leases cut from the blocks central granted the hub, never from a
  counter of its own (and the series asked for are remembered, so the hub asks central for
  blocks of them);
- deliveries are not settled: central keeps the account of deliveries between offices and
  writes the office's ``delivery`` records, which reach the hub by adoption at central's
  versions (a hub holds no other office, so it cannot send or settle one);
- the answer counts the offices of the directory the hub mirrored from central (0, "not told",
  until it has one), and names the revocation list the hub holds from central;
- the keys given to a PC are central's, as the hub learnt them.

The answer's ``server_id`` is central's, as the hub's ``hello`` says: the hub's
``server_identity`` holds central's id (``sync.hub.mirror.mirror_office``).
"""

from __future__ import annotations

import json

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from sync.hub import restore, tables
from sync.protocol import (
    Ack,
    AckStatus,
    Change,
    LeaseClaim,
    LeaseGrant,
    Mutation,
    SyncRequest,
    SyncResponse,
)
from sync.server import db, leases, service
from sync.server.auth import Device
from sync.server.leases import SeriesYear
from sync.server.records import Batch
from sync.server.settings import Settings


class HubHooks(service.SyncHooks):
    """``handle_sync`` as the hub runs it (see the module's docs)."""

    def settle(self, batch: Batch) -> None:
        """Nothing: central settles deliveries, and the hub adopts the records it writes."""

    def applied(
        self,
        conn: Connection,
        device: Device,
        request_seq: int | None,
        applied: list[tuple[Mutation, Ack]],
    ) -> None:
        restore.copied(conn, applied)
        relayed = [
            m.model_dump(mode="json", exclude={"copy_of"})
            for m, ack in applied
            if ack.status != AckStatus.REJECTED
        ]
        if relayed:
            conn.execute(
                tables.relay_queue.insert().values(
                    device_id=device.id,
                    request_seq=request_seq,
                    mutations=relayed,
                    created_at=db.utcnow(),
                    failed="",
                )
            )

    def grant_leases(
        self,
        conn: Connection,
        device: Device,
        settings: Settings,
        lease_epoch: int | None,
        wanted: set[SeriesYear],
    ) -> list[LeaseGrant]:
        remember_series(conn, wanted)
        return leases.top_up(conn, device, settings, lease_epoch, wanted, sublease)

    def rebase(
        self, conn: Connection, base_log: str | None, mutations: list[Mutation]
    ) -> list[Mutation]:
        # A hub restored from a backup: bases read in its old log go back to the restore's.
        return restore.rebased(conn, base_log, mutations)

    def answered(self, batch: Batch, device: Device, m: Mutation) -> Ack | None:
        # A restored hub: a PC's copy of an old version whose changes the record already holds.
        return restore.stale_copy(batch, m)

    def claim_leases(self, conn: Connection, device: Device, claims: list[LeaseClaim]) -> None:
        restore.take_claims(conn, device, claims)

    def office_count(self, conn: Connection) -> int:
        # The directory mirrored from central (0 until the hub has it: "not told").
        return len(conn.execute(select(tables.directory.c.id)).all())

    def crl_number(self, conn: Connection) -> int:
        # Central's newest revocation list, as the hub holds it for its PCs.
        return int(tables.get(conn, "crl_number", "0"))

    def keys(self, conn: Connection, device: Device) -> tuple[str, str]:
        # Central's keys, as the hub learnt them: bundles are answered by central, and
        # verification codes must be central's office code (none yet: the PC asks again).
        server_key = tables.get(conn, "server_key")
        office_key = tables.get(conn, "office_key") if server_key else ""
        return (server_key if office_key else ""), office_key

    def log_id(self, conn: Connection) -> str:
        # This database's change log: a hub rebuilt from central has another one, and a PC
        # whose cursor counted in the old one pulls from 0 (``mirror.create_schema`` makes it).
        return tables.get(conn, "log_id")

    def log_from(self, conn: Connection) -> str:
        # Set by a restore from a backup (``sync.hub.restore``): PCs of that log reconcile.
        return tables.get(conn, "restored_from")

    def old_versions(self, conn: Connection, changes: list[Change]) -> dict[str, int]:
        return restore.old_versions(conn, changes)


HUB = HubHooks()


def handle_sync(
    engine: Engine, device: Device, request: SyncRequest, settings: Settings
) -> SyncResponse:
    """Central's ``handle_sync`` with the hub's hooks: apply the PC's mutations once each, queue
    them for central, return what its users may see of the office's changes after the cursor
    and any sub-leases granted."""
    return service.handle_sync(engine, device, request, settings, HUB)


def remember_series(conn: Connection, wanted: set[SeriesYear]) -> None:
    """Series and years the PCs asked for: the hub asks central for blocks of each."""
    held = {(str(s), int(y)) for s, y in json.loads(tables.get(conn, "series", "[]"))}
    if not wanted <= held:
        tables.put(conn, "series", json.dumps(sorted(held | wanted)))


# -- numbers: sub-leases cut from the hub's blocks ----------------------------------------------


def sublease(
    conn: Connection, _office_id: str, series: str, year: int, size: int
) -> tuple[int, int] | None:
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
