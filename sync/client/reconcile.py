"""Reconciling this PC's records with an office hub restored from a backup (docs/office-hub.md,
"Restoring a hub from its backup").

A hub put back from an older copy has forgotten what it acknowledged after the copy; the PCs
deleted those mutations from their outboxes on the acknowledgement, but every one of them is
still in the records of the PC that made it (and of the PCs that pulled it). The hub's answers
name its new log (``log_id``) and the one it was restored from (``log_from``); a PC whose
cursor and versions count in that old log then:

1. notes every record it holds at a server version (``reconcile_record``), keeps the old log's
   id (``sync_state.reconcile_log``), and pulls the hub from 0, sending its audit entries again
   (``begin``);
2. during the pull, takes the hub's version of a noted record whose content equals its own (the
   version alone says nothing: the new log may give the same number to other content), takes
   the hub's record where the hub holds a version of the old log at least as new as its own
   (``SyncResponse.old_versions``: another PC sent a newer copy back), and keeps its own copy
   otherwise (``sort_changes``);
3. at the end of the pull, queues each noted record that has no pending edit as a mutation of
   its whole copy, based on the version it holds (``queue_rest``), marked as a copy
   (``Mutation.copy_of``) while no edit joins it: once the hub has applied it as sent, a PC's
   edit of that old version merges against it. The request names the old log
   (``SyncRequest.base_log``), so the hub takes each base back to the record's version at the
   restore, and its three-way merge makes two PCs' different copies a merge or a visible
   conflict, never a silent loss. A record leaves the list when a version of the new log
   reaches it (a change, an ack), and the reconciliation ends when the list is empty;
4. meanwhile names its number leases (``claims``): the hub takes those it forgot inside its own
   blocks, so the numbers this PC issued from them pass.

Issued numbers are sent back only by the PC whose lease they lie in (another PC's would be
refused as outside this one's leases); conflict records only ever come from a server.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, delete, select, update

from desktop.store import entities
from desktop.store.models import Outbox
from desktop.store.sync_models import NumberLease, ReconcileRecord, SyncState
from sync.protocol import MAX_LEASES_HELD, MERGE_IGNORED, Change, Entity, LeaseClaim, Op

log = logging.getLogger("naskah.sync")

Key = tuple[str, str]
# Kinds a PC never writes: a server makes conflict records.
NOT_SENT = frozenset({Entity.CONFLICT})


def begin(session: Session, state: SyncState, old_log: str) -> int:
    """Note every record held at a server version, keep ``old_log``, move the cursor and the
    audit cursor to 0 (in the caller's transaction). Returns the records noted."""
    noted = 0
    for entity, model in entities.MODELS.items():
        table = model.__tablename__
        if entity in NOT_SENT or "version" not in model.model_fields:
            continue
        key = entities.key_name(model)
        result = session.connection().execute(
            text(
                "INSERT OR IGNORE INTO reconcile_record (entity, entity_id) "
                f"SELECT :entity, {key} FROM {table} WHERE version > 0"
            ),
            {"entity": entity.value},
        )
        noted += int(result.rowcount or 0)
    state.reconcile_log = old_log
    state.cursor = 0
    state.audit_cursor = 0  # entries the old hub took after the backup go again (no-ops else)
    session.add(state)
    log.info("the office hub was restored from a backup: reconciling %d records", noted)
    return noted


def noted(session: Session, keys: set[Key]) -> set[Key]:
    """Those of ``keys`` still to reconcile."""
    found: set[Key] = set()
    by_kind: dict[str, list[str]] = {}
    for entity, entity_id in keys:
        by_kind.setdefault(entity, []).append(entity_id)
    r = ReconcileRecord
    for entity, ids in by_kind.items():
        for start in range(0, len(ids), 500):
            rows = session.exec(
                select(r.entity_id).where(
                    r.entity == entity, col(r.entity_id).in_(ids[start : start + 500])
                )
            ).all()
            found |= {(entity, i) for i in rows}
    return found


def done(session: Session, keys: set[Key]) -> None:
    """A version of the new log reached these records."""
    for entity, entity_id in keys:
        session.exec(
            delete(ReconcileRecord).where(
                col(ReconcileRecord.entity) == entity, col(ReconcileRecord.entity_id) == entity_id
            )
        )


def sort_changes(
    session: Session, changes: list[Change], keys: set[Key], old_versions: dict[str, int]
) -> list[Change]:
    """Of ``changes`` (none of a record with a pending edit), those to apply as usual. A noted
    record whose content equals the change takes its version and leaves the list; one that
    differs takes the hub's record when the hub holds an old-log version at least as new as
    this PC's (``old_versions``: this copy is older), and otherwise keeps its own copy, which
    goes back at the end of the pull."""
    wanted: list[Change] = []
    finished: set[Key] = set()
    rows = _rows(session, [k for c in changes if (k := (c.entity.value, c.entity_id)) in keys])
    for change in changes:
        key = (change.entity.value, change.entity_id)
        if key not in keys:
            wanted.append(change)
            continue
        row = rows.get(key)
        if row is None:
            wanted.append(change)
            finished.add(key)
        elif same_content(row, change):
            _force_version(row, change.version)
            session.add(row)
            finished.add(key)
        elif getattr(row, "version", 0) <= old_versions.get(f"{key[0]}/{key[1]}", -1):
            _force_version(row, 0)  # older than the hub's: applied as any change below
            wanted.append(change)
            finished.add(key)
    done(session, finished)
    return wanted


def acknowledged(session: Session, key: Key, row: Any, version: int) -> None:
    """A mutation of a noted record was answered: its version is the new log's now."""
    if row is not None:
        _force_version(row, version)
    done(session, {key})


def same_content(row: Any, change: Change) -> bool:
    """Does the local row hold what the change carries (its version and ``updated_at`` aside)?"""
    deleted = change.op == Op.DELETE or change.fields.get("deleted_at") is not None
    if deleted != (getattr(row, "deleted_at", None) is not None):
        return False
    model = type(row)
    local = entities.payload(row)
    columns = set(model.model_fields)
    merged = {name: getattr(row, name) for name in columns}
    merged.update({k: v for k, v in change.fields.items() if k in columns})
    try:
        theirs = entities.payload(model.model_validate(merged))
    except ValueError:
        return False
    for name in entities.companion_names(model):
        if name in change.fields:
            theirs[name] = change.fields[name]
    ignored = MERGE_IGNORED | {"version"}
    return all(local.get(k) == theirs.get(k) for k in (local.keys() | theirs.keys()) - ignored)


def queue_rest(session: Session, state: SyncState) -> int:
    """At the end of the pull: each noted record with no pending edit goes up as its whole copy,
    based on the version it holds; a record this PC cannot send leaves the list. Ends the
    reconciliation when nothing is left. Returns the mutations queued."""
    pending = {(e, i) for e, i in session.exec(select(Outbox.entity, Outbox.entity_id)).all()}
    rows = session.exec(select(ReconcileRecord.entity, ReconcileRecord.entity_id)).all()
    own = _own_leases(session)
    queued = 0
    dropped: set[Key] = set()
    found = _rows(session, [(e, i) for e, i in rows if (e, i) not in pending])
    for entity_name, entity_id in rows:
        key = (entity_name, entity_id)
        if key in pending:
            continue  # its pending edit goes up; the old log is named with it
        entity = Entity(entity_name)
        row = found.get(key)
        if row is None or (entity == Entity.ISSUED_NUMBER and not _inside(row, own)):
            dropped.add(key)
            continue
        deleted = getattr(row, "deleted_at", None) is not None
        copy = Outbox(
            entity=entity_name,
            entity_id=entity_id,
            op=(Op.DELETE if deleted else Op.UPSERT).value,
            base_version=int(getattr(row, "version", 0)),
            payload_json=json.dumps(entities.payload(row), ensure_ascii=False),
        )
        session.add(copy)
        session.flush()
        session.exec(
            update(ReconcileRecord)
            .where(
                col(ReconcileRecord.entity) == entity_name,
                col(ReconcileRecord.entity_id) == entity_id,
            )
            .values(copy_seq=copy.seq)
        )
        queued += 1
    done(session, dropped)
    session.flush()
    if session.exec(select(ReconcileRecord.entity).limit(1)).first() is None:
        state.reconcile_log = ""
        session.add(state)
        log.info("reconciliation with the restored office hub finished")
    elif queued:
        log.info("reconciling: %d records this PC holds go back to the office hub", queued)
    return queued


def copies(session: Session) -> dict[int, Key]:
    """The outbox rows that send a whole copy back (seq -> record)."""
    r = ReconcileRecord
    rows = session.exec(
        select(r.copy_seq, r.entity, r.entity_id).where(col(r.copy_seq).is_not(None))
    ).all()
    return {int(seq): (entity, entity_id) for seq, entity, entity_id in rows if seq is not None}


def claims(session: Session) -> list[LeaseClaim]:
    """The number leases this PC holds, as a restored hub takes them."""
    leases = session.exec(select(NumberLease).order_by(col(NumberLease.id))).all()
    return [
        LeaseClaim(series=x.series, year=x.year, start=x.start, end=x.end, epoch=x.epoch)
        for x in leases[-MAX_LEASES_HELD:]
    ]


def _rows(session: Session, keys: list[Key]) -> dict[Key, Any]:
    """The local rows of ``keys``, one query per kind and 500 ids."""
    by_kind: dict[str, list[str]] = {}
    for entity, entity_id in keys:
        by_kind.setdefault(entity, []).append(entity_id)
    found: dict[Key, Any] = {}
    for entity, ids in by_kind.items():
        for entity_id, row in entities.find_many(session, Entity(entity), ids).items():
            found[(entity, entity_id)] = row
    return found


def _own_leases(session: Session) -> list[tuple[str, int, int, int]]:
    return [(x.series, x.year, x.start, x.end) for x in session.exec(select(NumberLease)).all()]


def _inside(row: Any, own: list[tuple[str, int, int, int]]) -> bool:
    return any(
        row.series == s and row.year == y and start <= row.seq <= end for s, y, start, end in own
    )


def _force_version(row: Any, version: int) -> None:
    """The new log's version, lower than the old one's or not."""
    if hasattr(row, "version") and row.version != version:
        row.version = version
