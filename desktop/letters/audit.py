"""The hash-chained audit log: every action appends an entry in the same transaction.

Each entry's hash covers its own fields and the previous entry's hash, so changing, removing or
reordering any entry breaks the chain from that point on; ``verify`` finds the first break.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlmodel import Session, col, select

from desktop.store import clock
from desktop.store.db import Store
from desktop.store.models import AuditEntry
from sync import chain

# The hash itself is shared with the server, which recomputes what a device leaves out of a
# sync request (sync.chain).
GENESIS = chain.GENESIS
_digest = chain.entry_hash


def append(
    session: Session,
    actor_id: str | None,
    action: str,
    entity: str,
    entity_id: str,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an entry chained to the last one; runs inside the caller's transaction."""
    last = session.exec(select(AuditEntry.hash).order_by(col(AuditEntry.seq).desc()).limit(1))
    prev_hash = last.first() or GENESIS
    at = clock.now().astimezone(UTC)
    detail_json = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
    entry = AuditEntry(
        at=at,
        actor_id=actor_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail_json=detail_json,
        prev_hash=prev_hash,
        hash="",
    )
    entry.hash = _digest(prev_hash, entry.id, at, actor_id, action, entity, entity_id, detail_json)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None  # seq of the first entry that does not chain, None if intact
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(store: Store, batch: int = 5000) -> ChainReport:
    """Walk the whole chain in order and report the first broken link."""
    prev_hash = GENESIS
    checked = 0
    last_seq = 0
    with store.read() as session:
        while True:
            rows = session.exec(
                select(AuditEntry)
                .where(col(AuditEntry.seq) > last_seq)
                .order_by(col(AuditEntry.seq))
                .limit(batch)
            ).all()
            if not rows:
                return ChainReport(checked, None)
            for e in rows:
                assert e.seq is not None
                if e.prev_hash != prev_hash:
                    return ChainReport(
                        checked, e.seq, "prev_hash tidak cocok (entri hilang atau diubah)"
                    )
                expected = _digest(
                    e.prev_hash,
                    e.id,
                    e.at,
                    e.actor_id,
                    e.action,
                    e.entity,
                    e.entity_id,
                    e.detail_json,
                )
                if e.hash != expected:
                    return ChainReport(checked, e.seq, "isi entri tidak cocok dengan hash-nya")
                prev_hash = e.hash
                checked += 1
                last_seq = e.seq
