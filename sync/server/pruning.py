"""Pruning ``applied_mutations``: forgetting acks no request can need again.

The server keeps every mutation's ack so that a mutation sent again is answered with its stored
ack and applied only once (docs/sync-protocol.md, "sync"). A client deletes a mutation from its
outbox once it has applied an answer carrying its ack, and never sends it again; so an ack is
needed only until the device has applied the answer that carried it to it. A client that says
so (``SyncRequest.answered_seq``: the request number of the newest answer it applied) lets the
server forget the acks it confirmed:

- Each ack stored for such a device remembers ``delivered_seq``: the request whose answer
  carried it (again, when a stored ack is sent once more because its first answer was lost).
- A request with ``answered_seq = A`` deletes that device's acks delivered in answer A, and
  only those: an ack delivered in an earlier answer that never arrived is still in the
  device's outbox (it travels again, and its ack with it).
- Requests that arrive late, the same request twice, a bundle imported twice: their
  ``request_seq`` is at or below the device's newest, so they apply nothing new anyway.
- A store restored from a backup is behind: it may send again mutations whose acks are gone.
  The server remembers, per device, the newest answer it pruned (``ack_pruning``); a request
  confirming less than that gets its unknown mutations refused (``rejected``, nothing
  applied): the client keeps them as conflicts or draft copies, visible, never applied twice.
- Acks of clients that do not confirm (older clients, a hub's relays) keep ``delivered_seq``
  null and are never pruned.
- Nor are the acks of an office that has a hub (``hub_devices``), at central: a PC whose answer
  from the hub was lost may send the same mutation to central directly, confirm central's
  answer, and the hub relay its copy afterwards; central recognises that copy only by the
  stored ack. (The hub itself, which has no hub of its own, prunes its PCs' acks as usual.)
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sync.protocol import Ack, AckStatus, Mutation
from sync.server import db
from sync.server.auth import Device
from sync.server.records import Batch

BEHIND_REASON = (
    "PC ini dipulihkan dari cadangan lama: perubahan ini mungkin sudah pernah diterima server, "
    "jadi tidak diterapkan lagi"
)


def office_has_hub(conn: Connection, office_id: str) -> bool:
    """Has the administrator made a device of this office a hub? Then no ack is pruned."""
    t = db.hub_devices.c
    return (
        conn.execute(select(t.device_id).where(t.office_id == office_id).limit(1)).first()
        is not None
    )


def pruned_seq(conn: Connection, device: Device) -> int:
    """The newest answer whose acks were pruned for ``device`` (0: none)."""
    t = db.ack_pruning.c
    found = conn.execute(select(t.pruned_seq).where(t.device_id == device.id)).scalar()
    return int(found or 0)


def behind(conn: Connection, device: Device, answered_seq: int) -> bool:
    """Does a request confirming ``answered_seq`` come from a store that has not applied
    answers whose acks the server has since forgotten (a restored backup)?"""
    return answered_seq < pruned_seq(conn, device)


def refused(batch: Batch, m: Mutation) -> Ack:
    """The ack of a mutation from a store that is behind the pruned acks: nothing applied; it
    carries the record as the server holds it (if any), which the device takes in its place."""
    cur = batch.current(m.entity.value, m.entity_id)
    return Ack(
        mutation_id=m.mutation_id,
        status=AckStatus.REJECTED,
        entity=m.entity,
        entity_id=m.entity_id,
        version=cur.version if cur is not None else 0,
        record=cur.fields if cur is not None else None,
        reason=BEHIND_REASON,
    )


def redelivered(conn: Connection, device: Device, mutation_ids: Iterable[str], seq: int) -> None:
    """Stored acks sent once more, in the answer to request ``seq``: that answer is now the one
    whose confirmation forgets them (acks that were never prunable stay so)."""
    t = db.applied_mutations
    ids = list(mutation_ids)
    for start in range(0, len(ids), 500):
        conn.execute(
            t.update()
            .where(
                t.c.mutation_id.in_(ids[start : start + 500]),
                t.c.device_id == device.id,
                t.c.delivered_seq.is_not(None),
            )
            .values(delivered_seq=seq)
        )


def confirm(conn: Connection, device: Device, answered_seq: int, taken: int) -> int:
    """The device applied the answer to its request ``answered_seq``: forget the acks that
    answer carried. A claim beyond the newest request the server took is ignored. Returns how
    many acks were deleted. Caller holds the office lock."""
    if not 0 < answered_seq <= taken:
        return 0
    t = db.applied_mutations
    deleted = conn.execute(
        t.delete().where(t.c.device_id == device.id, t.c.delivered_seq == answered_seq)
    ).rowcount
    if deleted:
        p = db.ack_pruning
        before = conn.execute(select(p.c.pruned_seq).where(p.c.device_id == device.id)).scalar()
        if before is None:
            conn.execute(p.insert().values(device_id=device.id, pruned_seq=answered_seq))
        elif int(before) < answered_seq:
            conn.execute(
                p.update().where(p.c.device_id == device.id).values(pruned_seq=answered_seq)
            )
    return int(deleted or 0)
