"""One sync request, start to finish, in one transaction: the HTTP endpoint, a bundle import, a
relayed request (``sync.server.hubs``) and the office hub's endpoint all call ``handle_sync``.

What differs where it runs is in ``SyncHooks``: the class itself is the central server's
behaviour, and the office hub (``sync.hub.service``) passes its own subclass (docs/office-hub.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from sync.protocol import (
    Ack,
    AckStatus,
    Change,
    LeaseClaim,
    LeaseGrant,
    Mutation,
    SyncRequest,
    SyncResponse,
    audit_mutations,
)
from sync.server import access, db, delivery, keys, leases, pki, pruning, records
from sync.server.apply import apply_mutation
from sync.server.auth import Device
from sync.server.leases import SeriesYear
from sync.server.records import Batch
from sync.server.settings import Settings


class TooManyMutations(ValueError):
    """A request with more mutations than the server takes in one batch (HTTP 413)."""


class SyncHooks:
    """The steps of ``handle_sync`` that depend on where it runs; as they are here, the central
    server's. Each runs inside the request's transaction, under the office's writer lock."""

    def settle(self, batch: Batch) -> None:
        """Write the office's ``delivery`` records behind the server's account of deliveries."""
        delivery.settle(batch)

    def applied(
        self,
        conn: Connection,
        device: Device,
        request_seq: int | None,
        applied: list[tuple[Mutation, Ack]],
    ) -> None:
        """The mutations this request took for the first time (possibly none; rejected ones
        too) with their acks, in apply order, after the acks are stored. Nothing at central."""

    def grant_leases(
        self,
        conn: Connection,
        device: Device,
        settings: Settings,
        lease_epoch: int | None,
        wanted: set[SeriesYear],
    ) -> list[LeaseGrant]:
        """Void what the device does not hold, grant blocks of the series running low (not
        called for a late request)."""
        return leases.top_up(conn, device, settings, lease_epoch, wanted)

    def rebase(
        self, conn: Connection, base_log: str | None, mutations: list[Mutation]
    ) -> list[Mutation]:
        """The mutations with the base versions they have here, when the device read them in
        the change log ``base_log`` (as it last knew the server's). Central has one log: as
        sent."""
        return mutations

    def answered(self, batch: Batch, device: Device, m: Mutation) -> Ack | None:
        """An answer to ``m`` that needs nothing applied (an office hub restored from a backup:
        a PC's copy of what the record already holds), or None: apply it. Such a mutation is
        acknowledged like any, and a hub does not relay it."""
        return None

    def claim_leases(self, conn: Connection, device: Device, claims: list[LeaseClaim]) -> None:
        """Take the number leases a device says it holds that this server forgot (an office
        hub restored from a backup), before its mutations are applied. Central forgets none."""

    def office_count(self, conn: Connection) -> int:
        """How many offices the answer says the server has (0: not told)."""
        return delivery.office_count(conn)

    def crl_number(self, conn: Connection) -> int:
        """The number of the newest revocation list the device can fetch here (0: none)."""
        return pki.crl_number(conn)

    def keys(self, conn: Connection, device: Device) -> tuple[str, str]:
        """The server's public key and the office's verification-code key (hex) for a device
        that told its key; ("", "") when there are none to give."""
        return keys.server_key(conn)[1], keys.office_code_key(conn, device.office_id).hex()

    def log_id(self, conn: Connection) -> str:
        """The change log the answer's cursor counts in ("" at central: it has one, always)."""
        return ""

    def log_from(self, conn: Connection) -> str:
        """The log a hub restored from a backup had before ("": none; always at central)."""
        return ""

    def old_versions(self, conn: Connection, changes: list[Change]) -> dict[str, int]:
        """The old log's versions of the changed records, at a hub restored from a backup
        (``SyncResponse.old_versions``); none at central."""
        return {}


CENTRAL = SyncHooks()


def handle_sync(
    engine: Engine,
    device: Device,
    request: SyncRequest,
    settings: Settings,
    hooks: SyncHooks = CENTRAL,
) -> SyncResponse:
    """Apply the request's mutations (each once, ever), return the office's changes after the
    cursor and any new number leases. Everything commits together or not at all: if the answer
    is lost, replaying the request returns the same acks and applies nothing twice."""
    request = with_audit_run(request, device, settings)
    if len(request.mutations) > settings.max_mutations:
        raise TooManyMutations(f"at most {settings.max_mutations} mutations per request")
    acks: list[Ack] = []
    now = db.utcnow()
    wanted = leases.wanted_series(settings, request.series_wanted, now)
    with db.write_tx(engine) as conn:
        batch = Batch(conn, device.office_id)  # takes the office's writer lock
        taken = _request_seq(conn, device)
        late = request.request_seq is not None and request.request_seq <= taken
        # A client that confirms answers lets the server forget acks (sync.server.pruning),
        # unless its office has a hub: a hub may relay the same mutations late (sync/hub).
        confirms = (
            request.answered_seq is not None
            and request.request_seq is not None
            and not pruning.office_has_hub(conn, device.office_id)
        )
        behind = confirms and pruning.behind(conn, device, request.answered_seq or 0)
        replayed: list[str] = []
        stored: dict[str, tuple[str, Any]] = {}
        ids = list({m.mutation_id for m in request.mutations})
        for start in range(0, len(ids), 500):
            t = db.applied_mutations
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
        fresh: list[tuple[Mutation, Ack]] = []
        if not late:
            hooks.claim_leases(conn, device, request.leases_held or [])
        for m in hooks.rebase(conn, request.base_log, request.mutations):
            # A repeat (in an earlier request, or earlier in this one) gets the stored ack.
            if m.mutation_id in stored:
                owner, ack = stored[m.mutation_id]
                if owner == device.id:
                    acks.append(Ack.model_validate(ack))
                    replayed.append(m.mutation_id)
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
                continue  # superseded by a newer request, or sent again in one: no ack
            answered = None if behind else hooks.answered(batch, device, m)
            if behind:  # its ack may have been pruned: never apply it a second time
                ack_now = pruning.refused(batch, m)
            elif answered is not None:
                ack_now = answered
            else:
                outcome = apply_mutation(batch, device, m, settings.blob_dir)
                if outcome.number:
                    wanted.add(outcome.number)
                ack_now = outcome.ack
            data = ack_now.model_dump(mode="json")
            stored[m.mutation_id] = (device.id, data)
            new_acks.append(
                dict(
                    mutation_id=m.mutation_id,
                    device_id=device.id,
                    office_id=device.office_id,
                    ack=data,
                    created_at=now,
                    delivered_seq=request.request_seq if confirms else None,
                )
            )
            acks.append(ack_now)
            if not behind and answered is None:  # nothing taken: nothing for a hub to relay
                fresh.append((m, ack_now))
        hooks.settle(batch)  # deliveries to and from the office since its last sync
        batch.flush()
        if new_acks:
            conn.execute(db.applied_mutations.insert(), new_acks)
        if confirms:
            assert request.request_seq is not None and request.answered_seq is not None
            if replayed:
                pruning.redelivered(conn, device, replayed, request.request_seq)
            pruning.confirm(conn, device, request.answered_seq, taken)
        hooks.applied(conn, device, request.request_seq, fresh)
        lease_settings = leases.for_request(settings, request.lease_reserve)
        grants = (
            []
            if late
            else hooks.grant_leases(conn, device, lease_settings, request.lease_epoch, wanted)
        )
        if request.request_seq is not None and not late:
            _take_request_seq(conn, device, taken, request.request_seq)
            taken = request.request_seq
        if request.page_bytes is None:  # an older client: pages of page_size changes
            limit, max_bytes = settings.page_size, None
        else:
            limit, max_bytes = settings.max_page, min(request.page_bytes, settings.page_bytes)
        # Access by sifat: only what the device's users may see, and what they may see now
        # that was held back before. A page held back whole moves on to the next one, so a
        # device never gets an empty answer that says "more".
        gate = access.Gate(conn, device.office_id, device.id, request.users or ())
        changes, cursor, more = gate.reoffer(), request.cursor, True
        while more and not changes:
            page, more, cursor = records.changes_after(
                conn, device.office_id, cursor, limit, _known(acks), max_bytes
            )
            changes = gate.filter(page)
        conn.execute(db.devices.update().where(db.devices.c.id == device.id).values(last_seen=now))
        crl_number = hooks.crl_number(conn)
        office_count = hooks.office_count(conn)
        server_key = office_key = ""
        if request.device_key and not late:
            keys.remember_device_key(conn, device, request.device_key)
            server_key, office_key = hooks.keys(conn, device)
        # As ``hello`` answers: at a hub, central's id (the hub keeps it from its mirror).
        server_id = str(conn.execute(select(db.server_identity.c.server_id)).scalar_one())
        log_id = hooks.log_id(conn)
        log_from = hooks.log_from(conn)
        old_versions = hooks.old_versions(conn, changes) if log_from else {}
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
        office_count=office_count,
        server_id=server_id,
        log_id=log_id,
        log_from=log_from,
        old_versions=old_versions,
        limits=settings.limits(),
    )


def with_audit_run(request: SyncRequest, device: Device, settings: Settings) -> SyncRequest:
    """``request`` with its short audit run (``audit``) made the mutations it stands for, after
    its own (docs/sync-protocol.md, "Audit entries in short form"): everything after this sees
    what the full form carries. A server with ``audit_run`` off ignores the run, as an older
    server does."""
    if request.audit is None:
        return request
    if not settings.audit_run:
        return request.model_copy(update={"audit": None})
    made = audit_mutations(request.audit, device.id)
    return request.model_copy(update={"mutations": [*request.mutations, *made], "audit": None})


def _known(acks: list[Ack]) -> dict[tuple[str, str], int]:
    """Record versions this answer's acks tell the device it holds: an applied mutation (the
    device's own data) or one whose ack carries the merged record. Their change-log entries
    are not sent back as changes (no echo); a rejected mutation's record is."""
    return {
        (a.entity.value, a.entity_id): a.version
        for a in acks
        if a.version and (a.status == AckStatus.APPLIED or a.record is not None)
    }


def _request_seq(conn: Connection, device: Device) -> int:
    """The highest request number taken from ``device`` (0: none yet)."""
    t = db.device_requests
    taken = conn.execute(select(t.c.last_seq).where(t.c.device_id == device.id)).scalar()
    return int(taken or 0)


def _take_request_seq(conn: Connection, device: Device, taken: int, seq: int) -> None:
    t = db.device_requests
    # A row at 0 exists where a hub mirrored a device that had not synced yet.
    if taken or conn.execute(select(t.c.device_id).where(t.c.device_id == device.id)).first():
        conn.execute(t.update().where(t.c.device_id == device.id).values(last_seq=seq))
    else:
        conn.execute(t.insert().values(device_id=device.id, last_seq=seq))
