"""One sync request, start to finish, in one transaction: the HTTP endpoint and a bundle import
both call ``handle_sync``."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from sync.protocol import Ack, AckStatus, SyncRequest, SyncResponse
from sync.server import db, leases, records
from sync.server.apply import apply_mutation
from sync.server.auth import Device
from sync.server.settings import Settings


class TooManyMutations(ValueError):
    """A request with more mutations than the server takes in one batch (HTTP 413)."""


def _stored_ack(conn: Connection, device: Device, mutation_id: str) -> Ack | bool | None:
    """The ack stored for ``mutation_id``: an Ack, None if unseen, False if another device's."""
    row = conn.execute(
        select(db.applied_mutations.c.device_id, db.applied_mutations.c.ack)
        .where(db.applied_mutations.c.mutation_id == mutation_id)
    ).first()
    if row is None:
        return None
    if row.device_id != device.id:
        return False
    return Ack.model_validate(row.ack)


def handle_sync(engine: Engine, device: Device, request: SyncRequest,
                settings: Settings) -> SyncResponse:
    """Apply the request's mutations (each once, ever), return the office's changes after the
    cursor and any new number leases. Everything commits together or not at all: if the answer
    is lost, replaying the request returns the same acks and applies nothing twice."""
    if len(request.mutations) > settings.max_mutations:
        raise TooManyMutations(f"at most {settings.max_mutations} mutations per request")
    acks: list[Ack] = []
    wanted: set[tuple[str, int]] = set()
    now = db.utcnow()
    wanted.add((settings.default_series, now.year))
    with db.write_tx(engine) as conn:
        db.lock_office(conn, device.office_id)
        for m in request.mutations:
            # A repeat inside this request finds the ack stored a moment ago.
            stored = _stored_ack(conn, device, m.mutation_id)
            if stored is False:
                acks.append(Ack(mutation_id=m.mutation_id, status=AckStatus.REJECTED,
                                entity=m.entity, entity_id=m.entity_id, version=0,
                                reason="mutation_id sudah dipakai"))
                continue
            if isinstance(stored, Ack):
                acks.append(stored)
                continue
            outcome = apply_mutation(conn, device, m)
            if outcome.number:
                wanted.add(outcome.number)
            conn.execute(db.applied_mutations.insert().values(
                mutation_id=m.mutation_id, device_id=device.id, office_id=device.office_id,
                ack=outcome.ack.model_dump(mode="json"), created_at=now))
            acks.append(outcome.ack)
        grants = leases.top_up(conn, device, settings, request.lease_epoch, wanted)
        changes, more = records.changes_after(conn, device.office_id, request.cursor,
                                              settings.page_size)
        conn.execute(db.devices.update().where(db.devices.c.id == device.id)
                     .values(last_seen=now))
    cursor = changes[-1].seq if changes else request.cursor
    return SyncResponse(acks=acks, changes=changes, cursor=cursor, more=more, leases=grants,
                        server_time=db.utcnow())
