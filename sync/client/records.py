"""Local records by entity kind: which table holds each kind, finding a row by its synced id,
and writing the server's copy of a record into the local store.

``upsert`` never touches local-only columns (``letter.seq``, a person's failed logins and lock),
so a record coming down from the server keeps this PC's own bookkeeping. It runs in the caller's
transaction and only flushes.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from sqlalchemy import Column, Text
from sqlmodel import Session, SQLModel, select

from desktop.letters.journal import local_only
from desktop.store import clock
from desktop.store.incoming_models import (
    Disposition,
    DispositionInstruction,
    DispositionNote,
    IncomingLetter,
    IncomingScan,
    LetterLink,
    Sender,
)
from desktop.store.models import (
    Classification,
    IssuedNumber,
    Letter,
    LetterRevision,
    LetterSignature,
    Office,
    Person,
    ReviewStep,
)
from desktop.store.sync_models import Conflict
from sync.protocol import Entity

# Each kind that the server sends down, and the table it lands in. Audit entries only go up.
MODELS: dict[Entity, type[SQLModel]] = {
    Entity.OFFICE: Office,
    Entity.PERSON: Person,
    Entity.CLASSIFICATION: Classification,
    Entity.LETTER: Letter,
    Entity.REVIEW_STEP: ReviewStep,
    Entity.LETTER_REVISION: LetterRevision,
    Entity.ISSUED_NUMBER: IssuedNumber,
    Entity.CONFLICT: Conflict,
    Entity.LETTER_SIGNATURE: LetterSignature,
    Entity.SENDER: Sender,
    Entity.INCOMING_LETTER: IncomingLetter,
    Entity.INCOMING_SCAN: IncomingScan,
    Entity.LETTER_LINK: LetterLink,
    Entity.DISPOSITION: Disposition,
    Entity.DISPOSITION_NOTE: DispositionNote,
    Entity.DISPOSITION_INSTRUCTION: DispositionInstruction,
}


# Fields that name a blob by its SHA-256 (uploaded before the record, fetched after it).
BLOB_FIELDS: dict[Entity, tuple[str, ...]] = {
    Entity.OFFICE: ("logo_hash",),
    Entity.LETTER: ("pdf_hash", "scan_hash"),
    Entity.INCOMING_SCAN: ("sha256",),
}


def blob_hashes(entity: Entity, fields: dict[str, Any]) -> set[str]:
    """The blobs a record's fields refer to."""
    values = (fields.get(name) for name in BLOB_FIELDS.get(entity, ()))
    return {v for v in values if isinstance(v, str) and len(v) == 64}


def key_name(model: type[SQLModel]) -> str:
    return "code" if model is Classification else "id"


def _columns(model: type[SQLModel]) -> dict[str, Column[Any]]:
    table = model.__table__  # type: ignore[attr-defined]
    return {c.name: c for c in table.columns}


def find(session: Session, entity: Entity, entity_id: str) -> SQLModel | None:
    """The local row of ``entity``/``entity_id`` (tombstones included), or None."""
    model = MODELS.get(entity)
    if model is None:
        return None
    key = getattr(model, key_name(model))
    return session.exec(select(model).where(key == entity_id)).first()


def find_many(session: Session, entity: Entity, ids: list[str]) -> dict[str, SQLModel]:
    """The local rows of many records of one kind, by id (one query per 500 ids)."""
    model = MODELS.get(entity)
    if model is None or not ids:
        return {}
    name = key_name(model)
    key = getattr(model, name)
    found: dict[str, SQLModel] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in session.exec(select(model).where(key.in_(chunk))).all():
            found[getattr(row, name)] = row
    return found


def _stored_value(column: Column[Any], value: Any) -> Any:
    # Conflict records carry lists and dicts; the local table keeps them as JSON text.
    if isinstance(value, dict | list) and isinstance(column.type, Text):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def wire_fields(entity: Entity, fields: dict[str, Any]) -> dict[str, Any]:
    """Fields as they travel: the JSON text columns of a conflict record go as JSON values."""
    model = MODELS.get(entity)
    if model is not Conflict:
        return fields
    out = dict(fields)
    for name in ("fields", "server_values", "client_values"):
        if isinstance(out.get(name), str):
            out[name] = json.loads(out[name])
    return out


def upsert(
    session: Session,
    entity: Entity,
    entity_id: str,
    fields: dict[str, Any],
    version: int,
    *,
    deleted: bool = False,
    row: SQLModel | Literal["find"] | None = "find",
) -> SQLModel | None:
    """Write the server's ``fields`` of a record at ``version`` (insert or update).

    A tombstone (``deleted``) keeps the row with ``deleted_at`` set (tables without one drop the
    row). Unknown fields are ignored, missing ones keep their local (or default) value. ``row``
    is the local row when the caller already looked it up (None: there is none). Writes reach
    the database at the session's next flush. Returns the row, or None when the kind has no
    local table or the row was dropped.
    """
    model = MODELS.get(entity)
    if model is None:
        return None
    columns = _columns(model)
    key = key_name(model)
    # Never from the server: this PC's own bookkeeping, and ``version`` (the change's or ack's).
    skip = local_only(model) | {"version"}
    data = {
        name: _stored_value(columns[name], value)
        for name, value in fields.items()
        if name in columns and name not in skip
    }
    data[key] = entity_id
    if "version" in columns:
        data["version"] = version
    if row == "find":
        row = find(session, entity, entity_id)
    if deleted and "deleted_at" not in columns:
        if row is not None:
            session.delete(row)
        return None
    if deleted and data.get("deleted_at") is None:
        data["deleted_at"] = getattr(row, "deleted_at", None) or clock.now()
    if row is None:
        row = model.model_validate(data)
        session.add(row)
    else:
        merged = {name: getattr(row, name) for name in columns}
        merged.update(data)
        fresh = model.model_validate(merged)
        for name in data:
            if getattr(row, name) != getattr(fresh, name):
                setattr(row, name, getattr(fresh, name))
    return row


def set_version(row: SQLModel | None, version: int) -> None:
    """Record that the local row is the server's ``version`` (never moving backwards)."""
    if row is not None and hasattr(row, "version") and version > row.version:
        row.version = version
