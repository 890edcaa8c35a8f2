"""Synced records by entity kind: which table holds each kind, which of its columns never leave
this PC, and finding a record's row by its synced id.

Shared by the domain (``journal`` writes outbox payloads without the local-only columns;
resolving a conflict writes to the conflict's record) and the sync client (which writes the
server's records into these tables), so that neither needs the other.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, SQLModel, select

from desktop.store.delivery_models import Delivery
from desktop.store.filing_models import Berkas, BerkasItem, RetentionRule
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
    Entity.BERKAS: Berkas,
    Entity.BERKAS_ITEM: BerkasItem,
    Entity.RETENTION_RULE: RetentionRule,
    Entity.DELIVERY: Delivery,
}

# Columns that never leave the PC, per table. ``seq`` is local only where it is the table's
# local integer key (an issued number's ``seq`` is its official sequence and must travel).
LOCAL_ONLY: dict[str, frozenset[str]] = {
    "letter": frozenset({"seq"}),
    "incoming_letter": frozenset({"seq"}),
    "audit_entry": frozenset({"seq"}),
    "person": frozenset({"failed_logins", "locked_until"}),
    "delivery": frozenset({"problem", "check_sha256", "check_valid", "check_text"}),
}


# Fields of a record that live in a companion row rather than in the record's own table: a
# letter's body is in ``letter_body`` (narrow letter rows for the lists) but travels, as it
# always did, as two fields of the ``letter`` record.
BODY_FIELDS = ("body_html", "body_text")


def companion_names(model: type[SQLModel]) -> tuple[str, ...]:
    """The names of the fields ``model``'s records keep in a companion row."""
    return BODY_FIELDS if model is Letter else ()


def companion_fields(row: SQLModel) -> dict[str, Any]:
    """The record's fields kept in its companion row (empty for kinds without one)."""
    if isinstance(row, Letter):
        return {"body_html": row.body_html, "body_text": row.body_text}
    return {}


def write_companion(row: SQLModel, fields: dict[str, Any]) -> None:
    """Write those of ``fields`` that live in the record's companion row (a letter's body);
    a field that is missing keeps its stored value."""
    if not isinstance(row, Letter) or not any(f in fields for f in BODY_FIELDS):
        return
    html = fields.get("body_html", row.body_html)
    body_text = fields.get("body_text", row.body_text)
    row.set_body(str(html or ""), str(body_text or ""))


def payload(row: SQLModel) -> dict[str, Any]:
    """A record's fields as they travel: its row without the local-only columns, with the
    fields kept in its companion row (what an outbox row carries)."""
    data = row.model_dump(mode="json")
    skip = local_only(row)
    return {k: v for k, v in data.items() if k not in skip} | companion_fields(row)


def local_only(model: type[SQLModel] | SQLModel) -> frozenset[str]:
    """The columns of ``model``'s table that are this PC's own bookkeeping."""
    return LOCAL_ONLY.get(str(getattr(model, "__tablename__", "")), frozenset())


def key_name(model: type[SQLModel]) -> str:
    """The column that holds a record's synced id (a classification's is its code)."""
    return "code" if model is Classification else "id"


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
