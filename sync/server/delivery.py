"""Letters delivered between offices on this server (docs/sync-protocol.md, "Delivery between
offices").

An office's PC addresses a letter to another office with a ``delivery`` record (state
``menunggu``) that syncs like any record of the office. Once the letter is signed and on the
server, the PC asks ``POST /api/v1/deliveries`` to send it; ``send`` checks, in one transaction,
that the letter really is the office's own electronically signed letter, that the PDF is the one
its signature records name (or that one with a timestamp appended), that the recipient office
exists, and that the PDF is within bounds; then it keeps a ``deliveries`` row and lets the
recipient office read that one PDF. Nothing else of the sender becomes readable by the recipient:
the recipient's ``delivery`` record carries only the fields copied here (``_SHARED``).

Each office's own ``delivery`` record is written under its own writer lock at its next sync
(``settle``, called by ``handle_sync``), so no request takes two offices' locks. The recipient's
PCs move the state forward (``diterima``, ``dibaca``) through ordinary mutations
(``write_problem``, ``after_write``); the sender's record follows at the sender's next sync.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.engine import Connection

from sync.protocol import (
    DELIVERY_RECIPIENT_FIELDS,
    DeliveryAccepted,
    DeliveryState,
    Entity,
    LetterStatus,
    OfficeDirectory,
    OfficeEntry,
    SignatureKind,
    delivery_rank,
    pdf_extension_allowed,
)
from sync.server import db, pki
from sync.server.auth import Device
from sync.server.blobs import blob_path, office_holds
from sync.server.records import Batch

log = logging.getLogger("naskah.server")

# Letter fields the recipient office receives (nothing else of the sender's letter).
_LETTER_FIELDS = ("number", "letter_date", "hal", "sifat", "urgency", "classification_code")
_ELECTRONIC = frozenset({SignatureKind.INTERNAL.value, SignatureKind.BSRE.value})
# Fields of a ``delivery`` record only the server fills (empty while it waits on the sender's PC).
SERVER_FIELDS = (
    "number", "pdf_hash", "sent_at", "received_at", "read_at", "incoming_letter_id", "signers"
)  # fmt: skip


class DeliveryRefused(Exception):
    """The delivery cannot be sent; ``status`` is the HTTP answer (404, 409, 413, 422)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def directory(engine: Engine) -> OfficeDirectory:
    """Every office on this server (id, code, name), by name."""
    with db.read_tx(engine) as conn:
        rows = conn.execute(
            select(db.offices.c.id, db.offices.c.code, db.offices.c.name).order_by(
                db.offices.c.name, db.offices.c.code
            )
        ).all()
    return OfficeDirectory(offices=[OfficeEntry(id=r.id, code=r.code, name=r.name) for r in rows])


def office_count(conn: Connection) -> int:
    """How many offices the server has (sync answers carry it: see ``directory``)."""
    return int(conn.execute(select(func.count()).select_from(db.offices)).scalar_one())


def _record(conn: Connection, office_id: str, entity: Entity, entity_id: str) -> Any:
    t = db.records
    return conn.execute(
        select(t.c.deleted, t.c.fields).where(
            t.c.office_id == office_id, t.c.entity == entity.value, t.c.entity_id == entity_id
        )
    ).first()


def _signatures(conn: Connection, office_id: str, letter_id: str) -> list[dict[str, Any]]:
    """The ``letter_signature`` records of a letter, in ``position`` order."""
    s, r = db.letter_signatures, db.records
    ids: list[str] = list(
        conn.execute(
            select(s.c.signature_id).where(s.c.office_id == office_id, s.c.letter_id == letter_id)
        ).scalars()
    )
    rows = conn.execute(
        select(r.c.fields).where(
            r.c.office_id == office_id,
            r.c.entity == Entity.LETTER_SIGNATURE.value,
            r.c.entity_id.in_(ids),
            ~r.c.deleted,
        )
    ).all()
    found = [dict(row.fields) for row in rows]
    return sorted(found, key=lambda f: int(f.get("position") or 0))


def _office_name(conn: Connection, office_id: str) -> str:
    name = conn.execute(select(db.offices.c.name).where(db.offices.c.id == office_id)).scalar()
    return str(name or "")


def _check_letter(
    conn: Connection, blob_dir: Path, office_id: str, letter_id: str, max_pdf: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The letter's fields and signature records, if it may be delivered (else refused)."""
    row = _record(conn, office_id, Entity.LETTER, letter_id)
    if row is None or row.deleted:
        raise DeliveryRefused(404, "Surat tidak ada di server; sinkronkan dulu lalu coba lagi.")
    letter = dict(row.fields)
    if letter.get("status") != LetterStatus.SIGNED.value:
        raise DeliveryRefused(422, "Surat belum ditandatangani (atau sudah dibatalkan).")
    if letter.get("signature_kind") not in _ELECTRONIC:
        raise DeliveryRefused(422, "Hanya surat bertanda tangan elektronik yang dapat dikirim.")
    pdf_hash = letter.get("pdf_hash")
    if not isinstance(pdf_hash, str) or not office_holds(conn, blob_dir, office_id, pdf_hash):
        raise DeliveryRefused(422, "Berkas PDF surat belum diterima server; sinkronkan dulu.")
    size = blob_path(blob_dir, pdf_hash).stat().st_size
    if size > max_pdf:
        raise DeliveryRefused(413, f"Berkas PDF surat lebih dari {max_pdf // (1024 * 1024)} MB.")
    signatures = _signatures(conn, office_id, letter_id)
    if not signatures or any(s.get("kind") not in _ELECTRONIC for s in signatures):
        raise DeliveryRefused(422, "Catatan tanda tangan elektronik surat belum ada di server.")
    internal = [
        pki.normalise_serial(str(s.get("cert_serial") or ""))
        for s in signatures
        if s.get("kind") == SignatureKind.INTERNAL.value
    ]
    issued = pki.issued_to(conn, internal)
    if any(issued.get(serial) != office_id for serial in internal):
        raise DeliveryRefused(
            422, "Sertifikat penanda tangan tidak diterbitkan untuk kantor ini oleh server ini."
        )
    signed = signatures[-1].get("pdf_hash")
    if signed != pdf_hash:
        # Only the signed PDF with the server's timestamp appended may stand in for it.
        extended = (
            isinstance(signed, str)
            and letter.get("timestamped_at") is not None
            and office_holds(conn, blob_dir, office_id, signed)
            and pdf_extension_allowed(
                blob_path(blob_dir, signed).read_bytes(), blob_path(blob_dir, pdf_hash).read_bytes()
            )
        )
        if not extended:
            raise DeliveryRefused(
                422, "Berkas PDF surat bukan berkas yang disebut catatan tanda tangannya."
            )
    return letter, signatures


def send(
    engine: Engine,
    blob_dir: Path,
    device: Device,
    delivery_id: str,
    max_pdf: int,
    pdf_hash: str | None = None,
) -> DeliveryAccepted:
    """Send the office's delivery ``delivery_id`` (idempotent: sending it again answers the
    same). One transaction: the ``deliveries`` row, the recipient's right to read the PDF, and
    the sender's record marked ``terkirim``; or nothing, with ``DeliveryRefused``. ``pdf_hash``
    (a USB bundle's delivery): the PDF the sender's PC meant; another one on the server is
    refused."""
    office_id = device.office_id
    with db.write_tx(engine) as conn:
        batch = Batch(conn, office_id)  # the sender's writer lock: its record changes below
        t = db.deliveries
        done = conn.execute(select(t).where(t.c.id == delivery_id)).first()
        if done is not None:
            if done.sender_office_id != office_id:
                raise DeliveryRefused(409, "Kode kiriman ini sudah dipakai.")
            return _accepted(done)
        row = _record(conn, office_id, Entity.DELIVERY, delivery_id)
        if row is None or row.deleted:
            raise DeliveryRefused(404, "Data kiriman tidak ada di server; sinkronkan dulu.")
        record = dict(row.fields)
        if record.get("state") != DeliveryState.WAITING.value:
            raise DeliveryRefused(409, "Kiriman ini sudah dikirim.")
        recipient = str(record.get("recipient_office_id") or "")
        name = _office_name(conn, recipient) if recipient else ""
        if not name:
            raise DeliveryRefused(422, "Kantor tujuan tidak terdaftar di server.")
        if recipient == office_id:
            raise DeliveryRefused(422, "Surat tidak dapat dikirim ke kantor sendiri.")
        if _record(conn, recipient, Entity.DELIVERY, delivery_id) is not None:
            raise DeliveryRefused(409, "Kode kiriman ini sudah dipakai.")
        letter_id = str(record.get("letter_id") or "")
        letter, signatures = _check_letter(conn, blob_dir, office_id, letter_id, max_pdf)
        if pdf_hash is not None and letter.get("pdf_hash") != pdf_hash:
            raise DeliveryRefused(
                409,
                "Berkas PDF surat di server bukan berkas yang dikirim PC ini (surat diubah di PC "
                "lain?); periksa suratnya lalu sinkronkan lagi.",
            )
        twin = conn.execute(
            select(t.c.id).where(
                t.c.sender_office_id == office_id,
                t.c.letter_id == letter_id,
                t.c.recipient_office_id == recipient,
            )
        ).first()
        if twin is not None:
            raise DeliveryRefused(409, "Surat ini sudah dikirim ke kantor tersebut.")
        now = db.utcnow()
        shared = {k: letter.get(k) for k in _LETTER_FIELDS}
        shared["number"] = str(shared["number"] or "")
        shared.update(
            letter_id=letter_id,
            sender_office_id=office_id,
            sender_office_name=_office_name(conn, office_id),
            recipient_office_id=recipient,
            recipient_office_name=name,
            signers=_signers(signatures),
            pdf_hash=letter["pdf_hash"],
            created_at=record.get("created_at") or now.isoformat(),
        )
        conn.execute(
            t.insert().values(
                id=delivery_id,
                sender_office_id=office_id,
                recipient_office_id=recipient,
                letter_id=letter_id,
                pdf_hash=letter["pdf_hash"],
                fields=shared,
                state=DeliveryState.SENT.value,
                sent_at=now,
                rev=1,
                sender_rev=0,
                recipient_rev=0,
            )
        )
        db.insert_ignore(
            conn, db.blob_offices, sha256=letter["pdf_hash"], office_id=recipient,
            device_id=None, created_at=now,
        )  # fmt: skip
        settle(batch)
        batch.flush()
        done = conn.execute(select(t).where(t.c.id == delivery_id)).one()
        return _accepted(done)


def _signers(signatures: list[dict[str, Any]]) -> str:
    """ "Name, position; ..." of the signers, in signing order."""
    named = (
        ", ".join(
            p for p in (str(s.get("signer_name") or ""), str(s.get("signer_jabatan") or "")) if p
        )
        for s in signatures
    )
    return "; ".join(named)[:2000]


def _accepted(row: Any) -> DeliveryAccepted:
    return DeliveryAccepted(
        delivery_id=row.id,
        recipient_office_id=row.recipient_office_id,
        state=DeliveryState(row.state),
        sent_at=db.aware(row.sent_at),
        pdf_hash=row.pdf_hash,
    )


def _iso(value: Any) -> str | None:
    return db.aware(value).isoformat() if value is not None else None


def settle(batch: Batch) -> int:
    """Write this office's ``delivery`` records that are behind the server's account (new
    deliveries to it, state changes of its deliveries to others). Runs under the office's
    writer lock, inside the caller's transaction; returns how many it wrote."""
    conn, office_id = batch.conn, batch.office_id
    t = db.deliveries
    rows = conn.execute(
        select(t).where(
            or_(
                (t.c.recipient_office_id == office_id) & (t.c.recipient_rev < t.c.rev),
                (t.c.sender_office_id == office_id) & (t.c.sender_rev < t.c.rev),
            )
        )
    ).all()
    written = 0
    for row in rows:
        as_recipient = row.recipient_office_id == office_id
        current = batch.current(Entity.DELIVERY.value, row.id)
        if current is not None and current.fields.get("sender_office_id") != row.sender_office_id:
            log.error("delivery %s collides with a record of office %s; skipped", row.id, office_id)
            continue
        base = dict(current.fields) if current is not None else {}
        fields = {
            **base,
            **dict(row.fields),
            "id": row.id,
            "state": _newer_state(base.get("state"), row.state),
            "sent_at": _iso(row.sent_at),
            "received_at": _iso(row.received_at),
            "read_at": _iso(row.read_at),
            "updated_at": db.utcnow().isoformat(),
        }
        if as_recipient:
            fields.setdefault("incoming_letter_id", None)
        else:
            fields["incoming_letter_id"] = None  # the recipient's own record: not the sender's
        fields.pop("version", None)
        if current is None or {k: v for k, v in current.fields.items() if k != "updated_at"} != {
            k: v for k, v in fields.items() if k != "updated_at"
        }:
            batch.write(
                Entity.DELIVERY.value, row.id, fields=fields, deleted=False, device_id=None,
                mutation_id=None,
            )  # fmt: skip
            written += 1
        column = t.c.recipient_rev if as_recipient else t.c.sender_rev
        conn.execute(t.update().where(t.c.id == row.id).values({column: row.rev}))
    return written


def _newer_state(local: Any, server: str) -> str:
    return str(local) if delivery_rank(local) > delivery_rank(server) else server


def write_problem(
    conn: Connection, office_id: str, current: dict[str, Any] | None, new: dict[str, Any]
) -> str:
    """Why a device of ``office_id`` may not write ``new`` over the ``delivery`` record
    ``current`` (None: a new record); "" when it may."""
    if current is None or current.get("state") == DeliveryState.WAITING.value:
        # Addressing on the sender's side: its own office, still waiting, no server fields.
        if new.get("sender_office_id") != office_id:
            return "kiriman hanya dapat dibuat oleh kantor pengirim"
        if new.get("state") != DeliveryState.WAITING.value:
            return "status kiriman diubah oleh server"
        if (
            current is None
            and conn.execute(
                select(db.deliveries.c.id).where(db.deliveries.c.id == new.get("id"))
            ).first()
        ):
            return "kode kiriman ini sudah dipakai"
        if any(new.get(k) not in (None, "") for k in SERVER_FIELDS):
            return "data surat dalam kiriman diisi oleh server"
        return ""
    if current.get("recipient_office_id") != office_id:
        return "kiriman yang sudah dikirim tidak dapat diubah"
    changed = {k for k, v in new.items() if not _same(current.get(k), v)}
    if not changed <= DELIVERY_RECIPIENT_FIELDS:
        return "kantor penerima hanya dapat mengubah status kiriman"
    if delivery_rank(new.get("state")) < delivery_rank(current.get("state")):
        return "status kiriman tidak dapat mundur"
    if new.get("state") == DeliveryState.WAITING.value:
        return "status kiriman tidak sah"
    return ""


def _same(a: Any, b: Any) -> bool:
    """Equal values, a time written two ways ("...+00:00" here, naive UTC from a PC) included."""
    if a == b:
        return True
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    try:
        x, y = (datetime.fromisoformat(v.replace("Z", "+00:00")) for v in (a, b))
    except ValueError:
        return False
    return db.aware(x) == db.aware(y)


def after_write(conn: Connection, office_id: str, fields: dict[str, Any]) -> None:
    """A recipient's device moved a delivery forward: the server's account follows, so the
    sender's record does at the sender's next sync."""
    t = db.deliveries
    row = conn.execute(
        select(t).where(t.c.id == fields.get("id"), t.c.recipient_office_id == office_id)
    ).first()
    if row is None or delivery_rank(fields.get("state")) <= delivery_rank(row.state):
        return
    now = db.utcnow()
    values: dict[str, Any] = {"state": str(fields["state"]), "rev": row.rev + 1}
    values["recipient_rev"] = row.rev + 1  # the recipient's record is this very write
    values["received_at"] = row.received_at or now
    if fields["state"] == DeliveryState.READ.value:
        values["read_at"] = row.read_at or now
    conn.execute(t.update().where(t.c.id == row.id).values(values))
