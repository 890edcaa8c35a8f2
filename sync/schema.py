"""The shape of every synced record, checked before anything is stored.

A record on the wire is a flat JSON object: each entity kind has a fixed set of fields, each of a
fixed type and bounded size. The server checks every mutation against this before it touches the
database (a record it cannot store or serve back must never be committed: one such record would
stop every later pull of the office), and answers a mutation that does not fit with a clear
``rejected`` ack. ``tests/sync/test_schema.py`` keeps these field lists in step with the PC's
tables (``desktop/store``).

Bounds that hold for every value: text is valid Unicode (no lone surrogates) without NUL
characters, integers fit a 32-bit column (``MAX_INT``), numbers are finite, ids are at most
``MAX_ID`` printable ASCII characters, and a record's JSON is at most ``MAX_RECORD_BYTES``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sync.protocol import (
    ID_PATTERN,
    MAX_ID,
    MAX_INT,
    DeliveryState,
    Entity,
    LetterStatus,
    SignatureKind,
)

MAX_SHORT = 2_000  # characters of a short text field
MAX_LONG = 2_000_000  # characters of a long text field (a letter's body, a revision snapshot)
MAX_RECORD_BYTES = 4_000_000  # one record's JSON (UTF-8)
MAX_JSON_DEPTH = 4  # lists and objects inside a ``json`` field

_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class F:
    """One field: ``kind`` is str, text (long str), id, int, float, bool, datetime, date or
    json (a list or object, or its JSON text); ``choices`` limits a str to a set of values."""

    kind: str
    null: bool = False
    choices: frozenset[str] | None = None


def _id(null: bool = False) -> F:
    return F("id", null)


_STATUSES = frozenset(s.value for s in LetterStatus)
_SIGNATURE_KINDS = frozenset(k.value for k in SignatureKind)
_FATES = frozenset({"musnah", "permanen", "dinilai_kembali"})  # a retention schedule's final fates
_COMMON = {"id": _id(), "version": F("int"), "deleted_at": F("datetime", null=True)}
_SYNCED = {**_COMMON, "updated_at": F("datetime")}

FIELDS: dict[Entity, dict[str, F]] = {
    Entity.OFFICE: {
        **_SYNCED,
        "kabupaten": F("str"),
        "kecamatan": F("str"),
        "place_name": F("str"),
        "unit_code": F("str"),
        "address": F("str"),
        "phone": F("str"),
        "email": F("str"),
        "website": F("str"),
        "logo_hash": F("str", null=True),
        "paper_size": F("str"),
        "font_pt": F("float"),
        "margin_top_mm": F("float"),
        "margin_left_mm": F("float"),
        "margin_right_mm": F("float"),
        "margin_bottom_mm": F("float"),
        "number_pattern": F("str"),
        "number_padding": F("int"),
        "series_per_type": F("bool"),
        "language": F("str"),
    },
    Entity.PERSON: {
        **_SYNCED,
        "name": F("str"),
        "nip": F("str"),
        "pangkat": F("str"),
        "jabatan": F("str"),
        "username": F("str"),
        "password_hash": F("str"),
        "roles": F("str"),
        "active": F("bool"),
    },
    Entity.CLASSIFICATION: {  # keyed by its code; the wire may still name it ``id``
        "id": _id(null=True),
        "version": F("int"),
        "code": F("str"),
        "title": F("str"),
        "parent": F("str", null=True),
        "level": F("int"),
        "source_count": F("int"),
        "retention_active_years": F("int", null=True),
        "retention_inactive_years": F("int", null=True),
        "final_fate": F("str", null=True),
        "obsolete": F("bool"),
        "custom": F("bool"),
        "updated_at": F("datetime"),
    },
    Entity.LETTER: {
        **_COMMON,
        "created_at": F("datetime"),
        "updated_at": F("datetime"),
        "letter_type": F("str"),
        "status": F("str", choices=_STATUSES),
        "classification_code": F("str"),
        "sifat": F("str"),
        "urgency": F("str"),
        "lampiran": F("str"),
        "hal": F("str"),
        "addressees_json": F("text"),
        "addressees_text": F("text"),
        "body_html": F("text"),
        "body_text": F("text"),
        "tembusan_json": F("text"),
        "drafter_id": _id(),
        "signer_id": _id(null=True),
        "signer_capacity": F("str"),
        "signer_on_behalf_of": F("str"),
        "holder_id": _id(null=True),
        "number": F("str"),
        "number_id": _id(null=True),
        "letter_date": F("date", null=True),
        "signed_at": F("datetime", null=True),
        "signature_kind": F("str", choices=_SIGNATURE_KINDS | {""}),
        "pdf_hash": F("str", null=True),
        "verify_code": F("str"),
        "timestamped_at": F("datetime", null=True),
        "scan_hash": F("str", null=True),
        "revision_no": F("int"),
        "return_note": F("text"),
        "srikandi_ref": F("str"),
        "import_batch_id": _id(null=True),
    },
    Entity.LETTER_REVISION: {
        "id": _id(),
        "version": F("int"),
        "letter_id": _id(),
        "revision_no": F("int"),
        "author_id": _id(),
        "created_at": F("datetime"),
        "snapshot_json": F("text"),
    },
    Entity.REVIEW_STEP: {
        **_SYNCED,
        "letter_id": _id(),
        "round": F("int"),
        "position": F("int"),
        "kind": F("str"),
        "reviewer_id": _id(),
        "state": F("str"),
        "note": F("text"),
        "acted_at": F("datetime", null=True),
    },
    Entity.LETTER_SIGNATURE: {
        **_SYNCED,
        "letter_id": _id(),
        "position": F("int"),
        "signer_id": _id(),
        "kind": F("str", choices=_SIGNATURE_KINDS),
        "signed_at": F("datetime"),
        "signer_name": F("str"),
        "signer_jabatan": F("str"),
        "cert_serial": F("str"),
        "cert_sha256": F("str"),
        "pdf_hash": F("str"),
    },
    Entity.ISSUED_NUMBER: {
        **_SYNCED,
        "series": F("str"),
        "year": F("int"),
        "seq": F("int"),
        "text": F("str"),
        "letter_id": _id(null=True),
        "issued_at": F("datetime"),
        "issued_by": _id(),
        "voided_at": F("datetime", null=True),
        "void_reason": F("text"),
        "voided_by": _id(null=True),
    },
    Entity.AUDIT: {
        "id": _id(),
        "at": F("datetime"),
        "actor_id": _id(null=True),
        "action": F("str"),
        "entity": F("str"),
        "entity_id": F("str"),
        "detail_json": F("text"),
        "prev_hash": F("str"),
        "hash": F("str"),
    },
    Entity.CONFLICT: {
        **_COMMON,
        "entity": F("str"),
        "entity_id": F("str"),
        "base_version": F("int"),
        "fields": F("json"),
        "server_values": F("json"),
        "client_values": F("json"),
        "device_id": _id(null=True),
        "reason": F("text"),
        "created_at": F("datetime"),
        "resolved_at": F("datetime", null=True),
        "resolved_by": _id(null=True),
    },
    # Incoming letters and dispositions (desktop/store/incoming_models.py).
    Entity.SENDER: {
        **_SYNCED,
        "name": F("str"),
        "place": F("str"),
        "aliases_json": F("text"),
        "search_text": F("text"),
    },
    Entity.INCOMING_LETTER: {
        **_COMMON,
        "created_at": F("datetime"),
        "updated_at": F("datetime"),
        "agenda_number": F("str"),
        "agenda_year": F("int"),
        "number_id": _id(null=True),
        "channel": F("str"),
        "sender_id": _id(null=True),
        "sender_name": F("str"),
        "sender_number": F("str"),
        "sender_date": F("date", null=True),
        "received_date": F("date"),
        "hal": F("str"),
        "sifat": F("str"),
        "urgency": F("str"),
        "classification_code": F("str"),
        "note": F("text"),
        "registered_by": _id(),
        "addressed_to_id": _id(null=True),
        "state": F("str", choices=frozenset({"baru", "didisposisi", "diarsipkan", "dibatalkan"})),
        "duplicate_of_id": _id(null=True),
        "source_letter_id": _id(null=True),
        "import_batch_id": _id(null=True),
        "external_ref": F("str"),
    },
    Entity.INCOMING_SCAN: {
        **_SYNCED,
        "incoming_id": _id(),
        "position": F("int"),
        "sha256": F("str"),
        "filename": F("str"),
        "media_type": F("str"),
        "pages": F("int"),
        "size": F("int"),
    },
    Entity.LETTER_LINK: {
        **_SYNCED,
        "from_kind": F("str"),
        "from_id": _id(),
        "to_kind": F("str"),
        "to_id": _id(),
        "relation": F("str"),
        "created_by": _id(),
    },
    Entity.DISPOSITION: {
        **_SYNCED,
        "created_at": F("datetime"),
        "incoming_id": _id(),
        "parent_id": _id(null=True),
        "from_id": _id(),
        "to_id": _id(),
        "to_jabatan": F("str"),
        "instructions_json": F("text"),
        "instruction_text": F("text"),
        "note": F("text"),
        "due_date": F("date", null=True),
        "state": F("str", choices=frozenset({"dikirim", "dibaca", "selesai", "dibatalkan"})),
        "read_at": F("datetime", null=True),
        "done_at": F("datetime", null=True),
        "result": F("text"),
        "reply_letter_id": _id(null=True),
        "cancelled_at": F("datetime", null=True),
    },
    Entity.DISPOSITION_NOTE: {
        **_SYNCED,
        "disposition_id": _id(),
        "author_id": _id(),
        "at": F("datetime"),
        "text": F("text"),
    },
    Entity.DISPOSITION_INSTRUCTION: {
        **_SYNCED,
        "text": F("str"),
        "position": F("int"),
        "active": F("bool"),
    },
    # Filing and retention (desktop/store/filing_models.py).
    Entity.BERKAS: {
        **_SYNCED,
        "created_at": F("datetime"),
        "classification_code": F("str"),
        "year": F("int"),
        "title": F("str"),
        "note": F("text"),
        "created_by": _id(),
        "state": F("str", choices=frozenset({"aktif", "inaktif", "selesai"})),
        "transferred_on": F("date", null=True),
        "finished_on": F("date", null=True),
        "finished_as": F("str", choices=_FATES | {""}),
    },
    Entity.BERKAS_ITEM: {
        **_SYNCED,
        "berkas_id": _id(),
        "letter_kind": F("str", choices=frozenset({"masuk", "keluar"})),
        "letter_id": _id(),
        "letter_date": F("date"),
        "letter_number": F("str"),
        "hal": F("str"),
        "correspondent": F("str"),
        "filed_at": F("datetime"),
        "filed_by": _id(),
    },
    Entity.RETENTION_RULE: {
        **_SYNCED,
        "code": F("str"),
        "active_years": F("int", null=True),
        "inactive_years": F("int", null=True),
        "final_fate": F("str", choices=_FATES | {""}),
        "note": F("str"),
        "updated_by": _id(),
    },
    Entity.DELIVERY: {
        **_SYNCED,
        "created_at": F("datetime"),
        "letter_id": _id(),
        "sender_office_id": _id(),
        "sender_office_name": F("str"),
        "recipient_office_id": _id(),
        "recipient_office_name": F("str"),
        "state": F("str", choices=frozenset(s.value for s in DeliveryState)),
        "number": F("str"),
        "letter_date": F("date", null=True),
        "hal": F("str"),
        "sifat": F("str"),
        "urgency": F("str"),
        "classification_code": F("str"),
        "signers": F("str"),
        "pdf_hash": F("str", null=True),
        "sent_at": F("datetime", null=True),
        "received_at": F("datetime", null=True),
        "read_at": F("datetime", null=True),
        "incoming_letter_id": _id(null=True),
    },
}


def valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(_ID.fullmatch(value))


def text_problem(value: str, limit: int) -> str:
    """Why ``value`` cannot be stored as text ("" if it can)."""
    if len(value) > limit:
        return f"lebih dari {limit} karakter"
    if "\x00" in value:
        return "berisi karakter NUL"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "bukan teks Unicode yang sah"
    return ""


def _json_problem(value: Any, depth: int = 0) -> str:
    if depth > MAX_JSON_DEPTH:
        return f"bersarang lebih dari {MAX_JSON_DEPTH} tingkat"
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or (problem := text_problem(key, MAX_ID)):
                return problem or "kunci bukan teks"
            if problem := _json_problem(item, depth + 1):
                return problem
        return ""
    if isinstance(value, list):
        for item in value:
            if problem := _json_problem(item, depth + 1):
                return problem
        return ""
    return _scalar_problem(value)


def _scalar_problem(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return "" if -MAX_INT <= value <= MAX_INT else "bilangan di luar batas"
    if isinstance(value, float):
        return "" if math.isfinite(value) and abs(value) <= MAX_INT else "bilangan tidak sah"
    if isinstance(value, str):
        return text_problem(value, MAX_LONG)
    return "jenis nilai tidak dikenal"


def _field_problem(spec: F, value: Any) -> str:
    if value is None:
        return "" if spec.null else "tidak boleh kosong"
    kind = spec.kind
    if kind == "json":
        return _json_problem(value)
    if kind in ("str", "text", "id", "datetime", "date"):
        if not isinstance(value, str):
            return "harus teks"
        if kind == "id":
            return "" if valid_id(value) else f"id harus 1-{MAX_ID} karakter ASCII tanpa spasi"
        if problem := text_problem(value, MAX_LONG if kind == "text" else MAX_SHORT):
            return problem
        if spec.choices is not None and value not in spec.choices:
            return "nilai tidak dikenal"
        if kind == "datetime":
            try:
                datetime.fromisoformat(value)
            except ValueError:
                return "bukan waktu ISO 8601"
        if kind == "date":
            try:
                date.fromisoformat(value)
            except ValueError:
                return "bukan tanggal ISO 8601"
        return ""
    if kind == "bool":
        return "" if isinstance(value, bool) else "harus true atau false"
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return "harus bilangan bulat"
        return "" if -MAX_INT <= value <= MAX_INT else "bilangan di luar batas"
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "harus bilangan"
        return _scalar_problem(float(value))
    raise AssertionError(f"unknown field kind {kind!r}")


def record_problem(entity: Entity, fields: dict[str, Any]) -> str:
    """Why ``fields`` is not a storable ``entity`` record ("" if it is). A mutation may carry
    only some of the fields (an update); each one it carries must fit."""
    schema = FIELDS[entity]
    for name, value in fields.items():
        spec = schema.get(name)
        if spec is None:
            return f"kolom {name[:MAX_ID]!r} tidak dikenal untuk {entity.value}"
        if problem := _field_problem(spec, value):
            return f"kolom {name}: {problem}"
    try:
        size = len(json.dumps(fields, ensure_ascii=False, allow_nan=False).encode("utf-8"))
    except (ValueError, UnicodeEncodeError):
        return "data tidak dapat disimpan"
    if size > MAX_RECORD_BYTES:
        return f"data lebih dari {MAX_RECORD_BYTES} bita"
    return ""
