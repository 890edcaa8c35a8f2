"""Writing the server's copy of a record into the local store, and the blobs records refer to.

The entity -> table map, the local-only columns and finding rows live in the store
(``desktop.store.entities``). ``upsert`` never touches local-only columns (``letter.seq``, a
person's failed logins and lock), so a record coming down from the server keeps this PC's own
bookkeeping. It runs in the caller's transaction and only flushes.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from sqlalchemy import Column, Text
from sqlmodel import Session, SQLModel

from desktop.store import clock
from desktop.store.entities import MODELS, find, key_name, local_only, write_companion
from desktop.store.sync_models import Conflict
from sync.protocol import Entity, body_image_refs

# Fields that name a blob by its SHA-256 (uploaded before the record, fetched after it); the
# kinds listed also include those whose body may show images (sync.protocol.BODY_IMAGE_FIELDS).
BLOB_FIELDS: dict[Entity, tuple[str, ...]] = {
    Entity.OFFICE: ("logo_hash",),
    Entity.LETTER: ("pdf_hash", "scan_hash"),
    Entity.LETTER_REVISION: (),
    Entity.INCOMING_SCAN: ("sha256",),
    Entity.DELIVERY: ("pdf_hash",),
}


def blob_hashes(entity: Entity, fields: dict[str, Any]) -> set[str]:
    """The blobs a record's fields refer to, the images its body shows included."""
    values = (fields.get(name) for name in BLOB_FIELDS.get(entity, ()))
    found = {v for v in values if isinstance(v, str) and len(v) == 64}
    return found | body_image_refs(entity, fields)


def _columns(model: type[SQLModel]) -> dict[str, Column[Any]]:
    table = model.__table__  # type: ignore[attr-defined]
    return {c.name: c for c in table.columns}


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
    write_companion(row, fields)
    return row


def set_version(row: SQLModel | None, version: int) -> None:
    """Record that the local row is the server's ``version`` (never moving backwards)."""
    if row is not None and hasattr(row, "version") and version > row.version:
        row.version = version
