"""Signed letters after the signing: how they show (badge, the document as its PDF shows it,
with the stamps drawn for printing) and the server's document timestamp added on reconnect.

Guarantees:
- The footer never claims more than the truth: internal certificates say they are not BSrE's.
- Timestamps only ever append to the signed PDF (an incremental update), with the validation
  data under them; the signature bytes made offline are kept untouched.
- Times are written with their zone, the office's ("3 Maret 2026 10:04 WIT"), as the public
  verification page writes them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from desktop.i18n import _
from desktop.letters import journal, trust
from desktop.letters.document import document_for
from desktop.letters.labels import kind_label as kind_label
from desktop.letters.workflow import load_letter
from desktop.render.document import LetterDocument, SignatureMark
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.models import Letter, LetterSignature, Office
from sync.pki import ca
from sync.pki.zones import LOCAL, Zone, office_zone
from sync.protocol import Entity, LetterStatus, SignatureKind

if TYPE_CHECKING:  # pyHanko costs most of a second to import: loaded when a letter is stamped
    from pyhanko.sign.timestamps import TimeStamper

SIGNED_NOTE = "Ditandatangani secara elektronik"  # in the signature space and the stamp


def signing_time_text(moment: datetime, zone: Zone = LOCAL) -> str:
    """ "3 Maret 2026 10:04 WIT": the signing time as the stamp prints it."""
    return zone.time_text(moment)


def zone_of(session: Session) -> Zone:
    """The zone this office shows its times in (see ``sync.pki.zones.office_zone``)."""
    office = session.exec(select(Office)).first()
    return office_zone(office.kabupaten if office is not None else None)


def footer_note(kind: SignatureKind, organisation: str, verify_url: str) -> str:
    """The sentence printed at the foot of every page of an electronically signed letter.

    Part of the letter, so never translated: letters stay in Bahasa Indonesia."""
    if kind is SignatureKind.BSRE:
        return (
            "Dokumen ini ditandatangani secara elektronik menggunakan sertifikat elektronik yang "
            "diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN. Periksa keasliannya "
            f"di {verify_url}"
        )
    return (
        "Dokumen ini ditandatangani secara elektronik dengan sertifikat internal "
        f"{organisation}, bukan sertifikat BSrE. Periksa keasliannya dengan memindai kode QR "
        f"atau di {verify_url}"
    )


def signatures_of(session: Session, letter_id: str) -> list[LetterSignature]:
    return list(
        session.exec(
            select(LetterSignature)
            .where(LetterSignature.letter_id == letter_id)
            .order_by(col(LetterSignature.position))
        ).all()
    )


def document_as_signed(session: Session, letter: Letter, blob_dir: Path) -> LetterDocument:
    """The letter as its signed PDF shows it (signature notes and footer for electronic
    signatures), for the preview and printing; drafts and wet signatures as they are."""
    kinds = {SignatureKind.INTERNAL.value, SignatureKind.BSRE.value}
    first = next(iter(signatures_of(session, letter.id)), None)
    kind = letter.signature_kind if letter.signature_kind in kinds else first and first.kind
    if not kind or not letter.verify_code:
        return document_for(session, letter, blob_dir)
    held = trust.load(session)
    url = held.verify_url(letter.verify_code) if held else ""
    organisation = ca.organisation_of(held.root) if held else ""
    document = document_for(
        session,
        letter,
        blob_dir,
        signed_note=SIGNED_NOTE,
        footer_note=footer_note(SignatureKind(kind), organisation, url),
    )
    zone = zone_of(session)
    marks = {
        s.position - 1: SignatureMark(
            url,
            (SIGNED_NOTE, s.signer_name, s.signer_jabatan, signing_time_text(s.signed_at, zone)),
        )
        for s in signatures_of(session, letter.id)
    }
    return replace(document, signature_marks=marks)


def badge(letter: Letter, zone: Zone = LOCAL) -> str:
    """The signature badge of a signed letter: "TTE internal, bertanda waktu 10:42 WIT"."""
    if not letter.signature_kind:
        return ""
    label = kind_label(letter.signature_kind)
    if letter.status == LetterStatus.AWAITING_SIGNATURE.value:
        return _("Diantrekan untuk {k} (perlu sambungan internet)").format(k=label)
    if letter.signature_kind == SignatureKind.WET.value:
        return label
    if letter.timestamped_at is None:
        return _("{k}, menunggu cap waktu server").format(k=label)
    return _("{k}, bertanda waktu {t}").format(k=label, t=zone.clock_text(letter.timestamped_at))


def letters_to_timestamp(store: Store) -> list[str]:
    """Electronically signed letters whose PDF has no server timestamp yet, oldest first."""
    with store.read() as session:
        return list(
            session.exec(
                select(Letter.id)
                .where(
                    Letter.status == LetterStatus.SIGNED.value,
                    col(Letter.signature_kind).in_(
                        [SignatureKind.INTERNAL.value, SignatureKind.BSRE.value]
                    ),
                    col(Letter.timestamped_at).is_(None),
                    col(Letter.pdf_hash).is_not(None),
                    col(Letter.deleted_at).is_(None),
                )
                .order_by(col(Letter.signed_at))
            ).all()
        )


def add_timestamp(store: Store, letter_id: str, timestamper: TimeStamper) -> Letter:
    """Append the server's document timestamp, with the validation data under it, to a signed
    letter's PDF (one transaction): PAdES B-LT, so that any validator can check the signatures
    at the time the timestamp proves, years later and with no network. The document security
    store gets the root, the TSA certificate, every signer's certificates and the newest CRL
    this PC holds (the one valid when the letter was signed offline, since the PC takes a new
    one only after the timestamps of a sync), and a VRI entry for each signature.

    The timestamp is fetched before the transaction (network), then the letter is checked
    again: a letter changed meanwhile is left for the next round."""
    blobs = BlobStore(store.blob_dir)
    with store.read() as session:
        letter = load_letter(session, letter_id)
        old_hash = letter.pdf_hash
        held = trust.load(session)
    if old_hash is None or letter.timestamped_at is not None:
        return letter
    from desktop.signing import pades

    certs = [c for c in (held.root, held.tsa) if c is not None] if held else []
    # Modified at the signing: the same letter always gives the same bytes to timestamp, so
    # a query an office hub holds for its USB bundle is the one asked again later.
    stamped = pades.add_document_timestamp(
        blobs.get(old_hash), timestamper, certs=certs, crls=held.crls if held else [],
        modified_at=letter.signed_at,
    )  # fmt: skip
    digest = blobs.put(stamped)
    with store.write() as session:
        letter = load_letter(session, letter_id)
        if letter.pdf_hash != old_hash or letter.timestamped_at is not None:
            return letter
        letter.pdf_hash = digest
        letter.timestamped_at = clock.now()
        letter.updated_at = clock.now()
        journal.record(
            session,
            None,
            "letter.timestamp",
            Entity.LETTER,
            letter,
            detail={"pdf_sha256": digest, "previous_sha256": old_hash},
        )
        return letter
