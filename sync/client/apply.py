"""Applying one sync answer to the local store, inside the caller's single transaction.

Order (docs/sync-protocol.md, "sync"): acks are stored, the acked outbox rows deleted, the
changes applied, the leases saved, the cursor moved. Either all of it lands or none of it: a
crash at any point leaves the outbox and cursor as they were, and the replayed request gets the
server's stored acks.

A record that still has outbox rows this answer did not cover (an edit made while the request
was on the wire) keeps its local data and version: its pending edit goes up next and the server
merges it. Applying the server's data, or only its newer version, would make the next local
edit look as if it had seen changes it never saw.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from desktop.i18n import _
from desktop.store import clock, entities, sync_models
from desktop.store.models import Outbox
from desktop.store.sync_models import Conflict, NumberLease, SyncState
from sync.client import domain, reconcile, records
from sync.client.outbox import Batch
from sync.protocol import Ack, AckStatus, Change, Entity, LeaseGrant, Op, SyncResponse

Key = tuple[str, str]


@dataclass
class Applied:
    """What one answer did locally."""

    acked: int = 0  # outbox mutations acknowledged (any status)
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    copies: int = 0  # rejected letter edits kept as new drafts
    changes: int = 0  # changes written into local rows
    skipped: int = 0  # changes not applied (already known, or a pending local edit)
    audit: int = 0  # audit entries acknowledged
    requeued: int = 0  # records queued to reconcile with a restored hub (sync.client.reconcile)
    blobs: set[str] = field(default_factory=set)  # blobs the written records refer to


def _pending(session: Session) -> set[Key]:
    return {(e, i) for e, i in session.exec(select(Outbox.entity, Outbox.entity_id)).all()}


def apply_response(
    session: Session,
    state: SyncState,
    batch: Batch,
    response: SyncResponse,
    *,
    restored: bool,
    reconciling: bool = False,
) -> Applied:
    """Apply ``response`` (the answer to ``batch``) in the caller's transaction. With
    ``reconciling`` (an office hub restored from a backup, ``sync.client.reconcile``), records
    whose versions count in the hub's old log are compared by content, not by version."""
    result = Applied()
    mine = [a for a in response.acks if a.mutation_id in batch.covers]
    acked = [seq for a in mine for seq in batch.covers[a.mutation_id]]
    if acked:
        session.exec(delete(Outbox).where(col(Outbox.seq).in_(acked)))
    result.audit = sum(1 for a in response.acks if a.entity == Entity.AUDIT)
    # A late request's answer acknowledges only entries sent before: the rest go again.
    if result.audit and not response.late and batch.audit_upto > state.audit_cursor:
        state.audit_cursor = batch.audit_upto
    pending = _pending(session)
    rows = _rows(session, [(a.entity, a.entity_id) for a in mine])
    noted: set[Key] = set()
    if reconciling:
        keys = {(a.entity.value, a.entity_id) for a in mine}
        keys |= {(c.entity.value, c.entity_id) for c in response.changes}
        noted = reconcile.noted(session, keys)
    for ack in mine:
        row = rows.get((ack.entity, ack.entity_id))
        _apply_ack(session, ack, row, batch, pending, result)
        if (key := (ack.entity.value, ack.entity_id)) in noted:
            reconcile.acknowledged(session, key, row, ack.version)
            noted.discard(key)
    session.flush()
    pending = _pending(session)  # rejected letter edits may have become new drafts
    _apply_changes(session, response.changes, pending, result, noted, response.old_versions)
    save_leases(session, state, response.leases, restored=restored)
    asked = batch.request.lease_reserve
    if asked and not response.late and state.lease_reserve == asked:
        state.lease_reserve = 0  # granted (as far as the server allows); asked anew if changed
    state.cursor = max(state.cursor, response.cursor)
    state.request_seq = max(state.request_seq, response.request_seq)
    if batch.request.request_seq is not None:  # confirmed with the next request
        state.answered_seq = max(state.answered_seq, batch.request.request_seq)
    if response.server_key and not state.server_key:
        state.server_key = response.server_key
    if response.office_key:
        sync_models.save_office_key(state.device_id, response.office_key)
    state.last_sync_at = clock.now()
    state.last_error = ""
    session.add(state)
    return result


def _rows(session: Session, keys: list[tuple[Entity, str]]) -> dict[tuple[Entity, str], Any]:
    """Local rows of many records, one query per kind."""
    by_kind: dict[Entity, list[str]] = {}
    for entity, entity_id in keys:
        by_kind.setdefault(entity, []).append(entity_id)
    found: dict[tuple[Entity, str], Any] = {}
    for entity, ids in by_kind.items():
        for entity_id, row in entities.find_many(session, entity, ids).items():
            found[(entity, entity_id)] = row
    return found


def _apply_ack(
    session: Session, ack: Ack, row: Any, batch: Batch, pending: set[Key], result: Applied
) -> None:
    result.acked += 1
    key = (ack.entity.value, ack.entity_id)
    if ack.status == AckStatus.APPLIED:
        # The server holds exactly what was sent, so local data already is that version.
        records.set_version(row, ack.version)
        return
    if ack.status == AckStatus.REJECTED:
        result.rejected += 1
        _rejected(session, ack, batch.sent[ack.mutation_id].fields, pending, result)
    elif ack.status == AckStatus.MERGED:
        result.merged += 1
    else:
        result.conflicts += 1
    if ack.record is not None and key not in pending:
        deleted = ack.record.get("deleted_at") is not None
        records.upsert(
            session, ack.entity, ack.entity_id, ack.record, ack.version, deleted=deleted, row=row
        )
        result.blobs |= records.blob_hashes(ack.entity, ack.record)


def _apply_changes(
    session: Session,
    changes: list[Change],
    pending: set[Key],
    result: Applied,
    noted: set[Key] = frozenset(),  # type: ignore[assignment]
    old_versions: dict[str, int] | None = None,
) -> None:
    """All changes under one savepoint; if one clashes with a local row on a unique key, redo
    them one savepoint each, so that only the clashing ones are set aside. ``noted``: records
    being reconciled with a restored hub (compared by content, ``reconcile.sort_changes``)."""
    wanted = [
        c
        for c in changes
        if c.entity in entities.MODELS and (c.entity.value, c.entity_id) not in pending
    ]
    if noted:
        wanted = reconcile.sort_changes(session, wanted, noted, old_versions or {})
    result.skipped += len(changes) - len(wanted)
    try:
        with session.begin_nested():
            rows = _rows(session, [(c.entity, c.entity_id) for c in wanted])
            applied = sum(
                _apply_change(session, c, rows.get((c.entity, c.entity_id))) for c in wanted
            )
            session.flush()
    except IntegrityError:
        applied = sum(_apply_change_alone(session, c) for c in wanted)
    result.changes += applied
    result.skipped += len(wanted) - applied
    for change in wanted:
        result.blobs |= records.blob_hashes(change.entity, change.fields)


def _apply_change(session: Session, change: Change, row: Any) -> bool:
    if row is not None and getattr(row, "version", 0) >= change.version:
        return False  # already known (e.g. the echo of this PC's own change)
    deleted = change.op == Op.DELETE
    records.upsert(
        session, change.entity, change.entity_id, change.fields, change.version,
        deleted=deleted, row=row,
    )  # fmt: skip
    return True


def _apply_change_alone(session: Session, change: Change) -> bool:
    try:
        with session.begin_nested():
            row = entities.find(session, change.entity, change.entity_id)
            done = _apply_change(session, change, row)
            session.flush()
            return done
    except IntegrityError as exc:
        # A record that clashes with a local one on a unique key (two PCs that added the same
        # user name offline): keep the server's copy in view rather than stop syncing for good.
        session.add(
            Conflict(
                entity=change.entity.value,
                entity_id=change.entity_id,
                fields=json.dumps(["unique"]),
                server_values=json.dumps(change.fields, ensure_ascii=False, sort_keys=True),
                reason=_("bentrok dengan data di PC ini: {e}").format(e=str(exc.orig)[:200]),
            )
        )
        return False


# --- refused writes ------------------------------------------------------------------------


def _rejected(
    session: Session, ack: Ack, sent: dict[str, Any], pending: set[Key], result: Applied
) -> None:
    """Nothing the clerk typed is dropped: a refused edit of a kind the domain knows how to keep
    (a letter edit becomes a new draft) goes to the domain; any other refused write is kept as a
    conflict record on this PC, for a person to look at."""
    keep = domain.handlers().keep_refused_edit.get(ack.entity)
    if keep is not None and ack.record is not None and sent.get("deleted_at") is None:
        key = (ack.entity.value, ack.entity_id)
        newer = _take_pending(session, key) if key in pending else None
        keep(session, newer or sent, ack.record, ack.reason)
        pending.discard(key)
        result.copies += 1
        return
    session.add(
        Conflict(
            entity=ack.entity.value,
            entity_id=ack.entity_id,
            fields=json.dumps(["rejected"]),
            server_values=json.dumps(ack.record or {}, ensure_ascii=False, sort_keys=True),
            client_values=json.dumps(sent, ensure_ascii=False, sort_keys=True),
            reason=ack.reason or _("ditolak server"),
        )
    )


def _take_pending(session: Session, key: Key) -> dict[str, Any] | None:
    """The newest pending payload of a record, removing its rows (a copy supersedes them)."""
    rows = session.exec(
        select(Outbox)
        .where(Outbox.entity == key[0], Outbox.entity_id == key[1])
        .order_by(col(Outbox.seq))
    ).all()
    if not rows:
        return None
    for row in rows:
        session.delete(row)
    return dict(json.loads(rows[-1].payload_json))


# --- number leases -------------------------------------------------------------------------


def save_leases(
    session: Session, state: SyncState, grants: list[LeaseGrant], *, restored: bool
) -> None:
    """Store new grants (a replayed grant is stored once). A restored store first drops every
    lease it holds: they came from the backup and may already have been used."""
    if restored:
        session.exec(delete(NumberLease))
        state.lease_epoch = 0
    for grant in grants:
        known = session.exec(
            select(NumberLease.id).where(
                NumberLease.series == grant.series,
                NumberLease.year == grant.year,
                NumberLease.start == grant.start,
            )
        ).first()
        if known is None:
            session.add(
                NumberLease(
                    series=grant.series,
                    year=grant.year,
                    start=grant.start,
                    end=grant.end,
                    next=grant.start,
                    epoch=grant.epoch,
                )
            )
        state.lease_epoch = max(state.lease_epoch, grant.epoch)
