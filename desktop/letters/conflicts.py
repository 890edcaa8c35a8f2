"""Sync conflicts on this PC: listing the open ones, and resolving one.

Resolving is ONE transaction: the record gets the values the person chose as an ordinary edit
that syncs like any other (a draft the person may edit goes through ``drafting``: a new
revision, validation, the full-text index; any other record gets the values written with
``journal.record``), and the conflict record is marked resolved (outbox + audit for a conflict
the server made, so the other PCs stop showing it; a refused write kept only on this PC just
closes here).
"""

from __future__ import annotations

import json
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from typing import Any

from pydantic import TypeAdapter
from sqlmodel import Session, col, select

from desktop.i18n import N_, _
from desktop.letters import drafting, journal
from desktop.letters.accounts import CurrentUser
from desktop.letters.errors import NotFound, ServiceError, ValidationError
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.entities import BODY_FIELDS, MODELS, write_companion
from desktop.store.models import Letter
from desktop.store.sync_models import Conflict
from sync.protocol import Entity

# DraftInput fields that are plain text on the letter row too (save_draft can take them as is).
_DRAFT_TEXT = frozenset(
    f.name for f in dataclass_fields(drafting.DraftInput) if f.type in ("str", str)
) - {"letter_type"}


# What a conflict is about, as the conflicts list names it (translated where shown).
ENTITY_LABELS: dict[str, str] = {
    Entity.OFFICE: N_("Kantor"),
    Entity.PERSON: N_("Pegawai"),
    Entity.CLASSIFICATION: N_("Kode klasifikasi"),
    Entity.LETTER: N_("Surat"),
    Entity.REVIEW_STEP: N_("Langkah paraf"),
    Entity.LETTER_REVISION: N_("Revisi surat"),
    Entity.ISSUED_NUMBER: N_("Nomor surat"),
    Entity.LETTER_SIGNATURE: N_("Tanda tangan"),
    Entity.SENDER: N_("Pengirim"),
    Entity.INCOMING_LETTER: N_("Surat masuk"),
    Entity.INCOMING_SCAN: N_("Pindaian surat masuk"),
    Entity.LETTER_LINK: N_("Tautan surat"),
    Entity.DISPOSITION: N_("Disposisi"),
    Entity.DISPOSITION_NOTE: N_("Catatan disposisi"),
    Entity.DISPOSITION_INSTRUCTION: N_("Petunjuk disposisi"),
    Entity.BERKAS: N_("Berkas"),
    Entity.BERKAS_ITEM: N_("Isi berkas"),
    Entity.RETENTION_RULE: N_("Jadwal retensi"),
    Entity.DELIVERY: N_("Pengiriman ke kantor lain"),
}


def entity_label(entity: str) -> str:
    """The kind of record ``entity`` names, in the UI's language (the raw kind if unknown)."""
    return _(ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


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


def values_of(conflict: Conflict) -> tuple[list[str], dict[str, Any], dict[str, Any]]:
    """(fields, the server's values, this PC's values) of ``conflict``."""
    names = list(json.loads(conflict.fields or "[]"))
    server = dict(json.loads(conflict.server_values or "{}"))
    client = dict(json.loads(conflict.client_values or "{}"))
    for name in list(server) + list(client):
        if name not in names:
            names.append(name)
    return names, server, client


def titles(store: Store, items: list[Conflict]) -> dict[str, str]:
    """A readable title per conflict id: a letter's hal, otherwise the record id."""
    letter_ids = [c.entity_id for c in items if c.entity == Entity.LETTER.value]
    with store.read() as session:
        hal = dict(
            session.exec(select(Letter.id, Letter.hal).where(col(Letter.id).in_(letter_ids))).all()
        )
    return {c.id: hal.get(c.entity_id) or c.entity_id for c in items}


def resolve(store: Store, user: CurrentUser, conflict_id: str, chosen: dict[str, Any]) -> Conflict:
    """Write ``chosen`` (field -> value) to the conflict's record and mark the conflict
    resolved, in one transaction (nothing is kept if any of it is refused).

    Raises NotFound, ValidationError (already resolved, or the values do not validate),
    PermissionDenied / InvalidTransition from the drafting service."""
    with store.write() as session:
        conflict = _open_conflict(session, conflict_id)
        if chosen:
            entity = Entity(conflict.entity)
            letter = (
                session.exec(select(Letter).where(Letter.id == conflict.entity_id)).first()
                if entity == Entity.LETTER
                else None
            )
            if letter is not None and _draft_edit(letter, user, chosen):
                data = replace(drafting.input_of(letter), **chosen)
                drafting.save_draft_in(session, user, letter.id, data, store.data_dir)
            else:
                _write_fields(session, user, entity, conflict.entity_id, chosen)
        _close(session, user, conflict)
        return conflict


def mark_resolved(store: Store, user: CurrentUser, conflict_id: str) -> Conflict:
    """Mark a conflict resolved by ``user`` without changing its record (the person keeps what
    this PC has), in one transaction. Raises NotFound, or ValidationError when it was already
    resolved."""
    with store.write() as session:
        conflict = _open_conflict(session, conflict_id)
        _close(session, user, conflict)
        return conflict


def _open_conflict(session: Session, conflict_id: str) -> Conflict:
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise NotFound(_("Konflik"))
    if conflict.resolved_at is not None:
        raise ValidationError({"conflict": _("Konflik ini sudah diselesaikan.")})
    return conflict


def _close(session: Session, user: CurrentUser, conflict: Conflict) -> None:
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


def _draft_edit(letter: Letter, user: CurrentUser, chosen: dict[str, Any]) -> bool:
    return (
        letter.deleted_at is None
        and letter.status in drafting.EDITABLE
        and letter.drafter_id == user.id
        and set(chosen) <= _DRAFT_TEXT
        and all(isinstance(v, str) for v in chosen.values())
    )


def _write_fields(
    session: Session, user: CurrentUser, entity: Entity, entity_id: str, chosen: dict[str, Any]
) -> None:
    model = MODELS.get(entity)
    if model is None:
        raise ServiceError(_("Jenis data ini tidak dapat diselesaikan di PC ini."))
    row = session.exec(select(model).where(model.id == entity_id)).first()  # type: ignore[attr-defined]
    if row is None:
        raise NotFound(_("Data"))
    problems: dict[str, str] = {}
    companion = {k: v for k, v in chosen.items() if k in BODY_FIELDS and model is Letter}
    for name, value in companion.items():
        if not isinstance(value, str):
            problems[name] = _("Nilai {name} tidak sah: {e}").format(
                name=name, e=type(value).__name__
            )
    if not problems:
        write_companion(row, companion)
    for name, value in chosen.items():
        if name in companion:
            continue
        info = model.model_fields.get(name)
        if info is None or name in {"id", "version"}:
            problems[name] = _("Kolom {name} tidak dapat diubah.").format(name=name)
            continue
        try:
            setattr(row, name, TypeAdapter[Any](info.annotation or Any).validate_python(value))
        except ValueError as exc:
            problems[name] = _("Nilai {name} tidak sah: {e}").format(name=name, e=exc)
    if problems:
        raise ValidationError(problems)
    journal.record(
        session,
        user.id,
        "conflict.apply",
        entity,
        row,
        detail={"fields": sorted(chosen)},
    )
