"""Recording a change: the outbox mutation and the audit entry, in the caller's transaction.

Every service that changes a synced record calls ``record`` once per changed record, so that
sync can later push exactly what changed (DESIGN.md: one transaction = domain rows + outbox +
audit).
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, SQLModel

from desktop.letters import audit
from desktop.store.entities import payload
from desktop.store.models import Outbox
from sync.protocol import Entity, Op


def record(
    session: Session,
    actor_id: str | None,
    action: str,
    entity: Entity,
    row: SQLModel,
    *,
    op: Op = Op.UPSERT,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write an outbox mutation for ``row`` and an audit entry for ``action``."""
    session.add(row)
    session.flush()
    entity_id = str(row.id)  # type: ignore[attr-defined]
    session.add(
        Outbox(
            entity=entity.value,
            entity_id=entity_id,
            op=op.value,
            base_version=int(getattr(row, "version", 0)),
            payload_json=json.dumps(payload(row), ensure_ascii=False),
        )
    )
    audit.append(session, actor_id, action, entity.value, entity_id, detail)


def audit_only(
    session: Session,
    actor_id: str | None,
    action: str,
    entity: Entity,
    entity_id: str,
    detail: dict[str, Any] | None = None,
) -> None:
    """An action that changes no synced record (a login, reading a confidential letter)."""
    audit.append(session, actor_id, action, entity.value, entity_id, detail)
