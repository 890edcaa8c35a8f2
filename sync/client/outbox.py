"""Building one sync request from the outbox (and the audit entries not yet pushed).

Several pending rows of the same record become one mutation: the newest row's payload (a full
row), the oldest row's ``base_version`` (the server version the first of those edits started
from, so the server's three-way merge sees every local change), and the newest row's
``mutation_id``. That id names "every row of this record up to this one": if an answer is lost,
the next request either repeats the same mutation (same rows) and gets the stored ack, or
carries a newer row, whose id the server has never seen. Mutations go in the order of their
newest rows, oldest first.

Building reads only; nothing changes until the answer is applied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from desktop.store.access_models import PcUser
from desktop.store.models import AuditEntry, Outbox
from desktop.store.sync_models import SyncState
from sync.chain import audit_mutation_id, shorten
from sync.client import domain, reconcile
from sync.client.records import BLOB_FIELDS, blob_hashes, wire_fields
from sync.protocol import (
    BATCH_SIZE,
    MAX_DEVICE_USERS,
    AuditItem,
    AuditRun,
    Entity,
    Mutation,
    Op,
    SyncRequest,
)


@dataclass
class Batch:
    """One request and what it stands for in the local store."""

    request: SyncRequest
    covers: dict[str, list[int]] = field(default_factory=dict)  # mutation_id -> outbox seqs
    sent: dict[str, Mutation] = field(default_factory=dict)  # mutation_id -> the mutation
    audit_upto: int = 0  # the highest audit_entry.seq in this request (0: none)
    more_local: bool = False  # records or audit entries left for a later request
    held: int = 0  # records left out because a blob they name is still going up

    @property
    def outbox_rows(self) -> int:
        return sum(len(seqs) for seqs in self.covers.values())


def _groups(session: Session) -> list[list[tuple[int, int]]]:
    """Pending rows grouped per record as (seq, base_version), groups ordered by newest seq."""
    rows = session.exec(
        select(Outbox.seq, Outbox.entity, Outbox.entity_id, Outbox.base_version).order_by(
            col(Outbox.seq)
        )
    ).all()
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for seq, entity, entity_id, base in rows:
        assert seq is not None
        groups.setdefault((entity, entity_id), []).append((seq, base))
    return sorted(groups.values(), key=lambda g: g[-1][0])


def _without_held(
    session: Session, groups: list[list[tuple[int, int]]], held_blobs: frozenset[str]
) -> tuple[list[list[tuple[int, int]]], int]:
    """``groups`` without those whose newest row names a blob in ``held_blobs``; how many."""
    kinds = [e.value for e in BLOB_FIELDS]
    rows = session.exec(
        select(Outbox.seq, Outbox.entity, Outbox.payload_json).where(col(Outbox.entity).in_(kinds))
    ).all()
    waiting = {
        seq
        for seq, entity, payload in rows
        if blob_hashes(Entity(entity), json.loads(payload)) & held_blobs
    }
    kept = [g for g in groups if g[-1][0] not in waiting]
    return kept, len(groups) - len(kept)


def _fields(payload_json: str) -> dict[str, Any]:
    fields: dict[str, Any] = json.loads(payload_json)
    fields.pop("version", None)  # the server's, not data
    return fields


def audit_fields(entry: AuditEntry) -> dict[str, Any]:
    data = entry.model_dump(mode="json")
    data.pop("seq", None)  # local-only
    return data


# What a mutation adds to a request's JSON besides its fields (ids, kind, op, base version).
MUTATION_OVERHEAD = 160
# JSON bytes an audit entry is counted for: as a mutation (less than its real ~600, as
# before), and in a short run (about its real size).
AUDIT_BYTES = 400
AUDIT_RUN_BYTES = 300


def build_batch(
    session: Session,
    state: SyncState,
    *,
    lease_epoch: int,
    limit: int = BATCH_SIZE,
    max_bytes: int | None = None,
    held_blobs: frozenset[str] = frozenset(),
    audit_run: bool = False,
) -> Batch:
    """The next request: up to ``limit`` coalesced outbox mutations, then audit entries in the
    room left, with the state's cursor and ``lease_epoch``. With ``max_bytes``, mutations stop
    once their JSON would pass it (the first one always goes, whatever its size). Records that
    name one of ``held_blobs`` (still going up beside this request) wait for a later one
    (``Batch.held``): the server must hold a record's blobs before it takes the record. With
    ``audit_run`` (a server that announces it) the audit entries go as one short run
    (``SyncRequest.audit``, sync.chain) instead of as mutations."""
    groups = _groups(session)
    held = 0
    if held_blobs:
        groups, held = _without_held(session, groups, held_blobs)
    chosen = groups[:limit]
    newest = {g[-1][0]: g for g in chosen}
    rows: list[Outbox] = []
    size = 0
    for start in range(0, len(newest), 500):
        part = sorted(newest)[start : start + 500]
        found = session.exec(select(Outbox).where(col(Outbox.seq).in_(part))).all()
        for row in sorted(found, key=lambda r: r.seq or 0):
            cost = len(row.payload_json) + MUTATION_OVERHEAD
            if max_bytes is not None and rows and size + cost > max_bytes:
                break
            rows.append(row)
            size += cost
        else:
            continue
        break
    if len(rows) < len(chosen):
        kept = {row.seq for row in rows}
        chosen = [g for g in chosen if g[-1][0] in kept]
        newest = {g[-1][0]: g for g in chosen}
    mutations: list[Mutation] = []
    batch = Batch(
        SyncRequest(
            cursor=state.cursor,
            lease_epoch=lease_epoch,
            lease_reserve=state.lease_reserve or None,
            answered_seq=state.answered_seq,
            series_wanted=domain.handlers().series_wanted(session),
            users=pc_users(session),
        )
    )
    copies = reconcile.copies(session) if state.reconcile_log else {}
    for row in sorted(rows, key=lambda r: r.seq or 0):
        assert row.seq is not None
        group = newest[row.seq]
        alone = len(group) == 1 and copies.get(row.seq) == (row.entity, row.entity_id)
        mutation = Mutation(
            mutation_id=row.mutation_id,
            entity=Entity(row.entity),
            entity_id=row.entity_id,
            op=Op(row.op),
            base_version=group[0][1],
            fields=wire_fields(Entity(row.entity), _fields(row.payload_json)),
            copy_of=group[0][1] if alone and group[0][1] else None,
        )
        mutations.append(mutation)
        batch.covers[mutation.mutation_id] = [seq for seq, _ in group]
        batch.sent[mutation.mutation_id] = mutation
    room = limit - len(mutations)
    if max_bytes is not None and room > 0:
        each = AUDIT_RUN_BYTES if audit_run else AUDIT_BYTES
        room = min(room, max(0, (max_bytes - size) // each))
    entries = (
        session.exec(
            select(AuditEntry)
            .where(col(AuditEntry.seq) > state.audit_cursor)
            .order_by(col(AuditEntry.seq))
            .limit(room + 1)
        ).all()
        if room > 0
        else []
    )
    if audit_run and entries[:room]:
        prev_hash, items = shorten(audit_fields(e) for e in entries[:room])
        # Built from this PC's own rows: no need to check them as a server checks a run.
        run = [AuditItem.model_construct(**item) for item in items]
        batch.request.audit = AuditRun.model_construct(prev_hash=prev_hash, entries=run)
    else:
        for entry in entries[:room]:
            mutations.append(
                Mutation(
                    mutation_id=audit_mutation_id(state.device_id, entry.id),
                    entity=Entity.AUDIT,
                    entity_id=entry.id,
                    op=Op.UPSERT,
                    base_version=0,
                    fields=audit_fields(entry),
                )
            )
    if entries[:room]:
        batch.audit_upto = int(entries[:room][-1].seq or 0)
    audit_left = len(entries) > room if room > 0 else _audit_waiting(session, state)
    batch.more_local = len(groups) > len(chosen) or audit_left or bool(held)
    batch.held = held
    batch.request.mutations = mutations
    return batch


def pc_users(session: Session) -> list[str]:
    """The people who have logged in on this PC (at most MAX_DEVICE_USERS, the latest)."""
    rows = session.exec(
        select(PcUser.person_id).order_by(col(PcUser.first_login_at).desc()).limit(MAX_DEVICE_USERS)
    ).all()
    return sorted(rows)


def _audit_waiting(session: Session, state: SyncState) -> bool:
    return (
        session.exec(
            select(AuditEntry.seq).where(col(AuditEntry.seq) > state.audit_cursor).limit(1)
        ).first()
        is not None
    )
