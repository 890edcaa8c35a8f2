"""Conflict records on this PC: listing the open ones and marking one resolved.

Resolving is two ordinary edits a person makes: the record gets the values they chose (through
the domain service that owns it, e.g. ``drafting.save_draft`` for a letter), and the conflict
record is marked resolved here. Both sync like any edit; the other PCs then stop showing it.
"""

from __future__ import annotations

from sqlmodel import col, select

from desktop.i18n import _
from desktop.letters import journal
from desktop.letters.accounts import CurrentUser
from desktop.letters.errors import NotFound, ValidationError
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.sync_models import Conflict
from sync.protocol import Entity


def open_conflicts(store: Store) -> list[Conflict]:
    """Unresolved conflicts, newest first (server-made ones and this PC's refused writes)."""
    with store.read() as session:
        return list(
            session.exec(
                select(Conflict)
                .where(col(Conflict.resolved_at).is_(None), col(Conflict.deleted_at).is_(None))
                .order_by(col(Conflict.created_at).desc())
            ).all()
        )


def mark_resolved(store: Store, user: CurrentUser, conflict_id: str) -> Conflict:
    """Mark a conflict resolved by ``user`` in one transaction (outbox + audit for a conflict
    the server made; a refused write kept only on this PC just closes here).

    Raises NotFound, or ValidationError when it was already resolved."""
    with store.write() as session:
        conflict = session.get(Conflict, conflict_id)
        if conflict is None:
            raise NotFound(_("Konflik"))
        if conflict.resolved_at is not None:
            raise ValidationError({"conflict": _("Konflik ini sudah diselesaikan.")})
        conflict.resolved_at = clock.now()
        conflict.resolved_by = user.id
        detail = {"entity": conflict.entity, "entity_id": conflict.entity_id}
        if conflict.version > 0:
            journal.record(
                session, user.id, "conflict.resolve", Entity.CONFLICT, conflict, detail=detail
            )
        else:
            session.add(conflict)
            journal.audit_only(
                session, user.id, "conflict.resolve", Entity.CONFLICT, conflict.id, detail
            )
        return conflict
