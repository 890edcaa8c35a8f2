"""Electronic signing of a letter (TTE): internal certificates offline, and BSrE online.
How a signed letter shows, and its timestamp added later, are in ``signed_letters``.

``sign_electronically`` is one transaction: for the first signer the number is issued, the
letter is rendered to PDF/A with each signer's signature space and a footer that truthfully
names the signature kind; then the PAdES signature with the visible QR stamp is added, the signed
PDF is stored as a blob, its hash recorded on the letter and in a ``letter_signature`` row, the
review step closed and an audit entry written. If any step fails nothing is kept: no number is
consumed and the letter stays where it was. Later signers of the same letter (a berita acara)
sign the stored PDF again, incrementally, in their own space; the last one makes it "signed".

Guarantees:
- The key must belong to the signing user (NIP in the certificate) and be usable now (valid,
  not revoked by the newest revocation list on this PC); a PC clock set behind the last sync is
  refused, since the signing time would be false.
- The footer never claims more than the truth: internal certificates say they are not BSrE's.
"""

from __future__ import annotations

import hashlib
import secrets
from base64 import b32encode
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlmodel import Session, col, select

from desktop.i18n import _
from desktop.letters import journal, numbering, signer_keys, trust
from desktop.letters.accounts import CurrentUser, Role, require
from desktop.letters.document import document_for
from desktop.letters.errors import InvalidTransition, PermissionDenied
from desktop.letters.labels import SIGNING_REASON as SIGNING_REASON
from desktop.letters.signed_letters import (
    SIGNED_NOTE,
    footer_note,
    kind_label,
    signing_time_text,
    zone_of,
)
from desktop.letters.workflow import SIGN, current_step, load_letter, record_signing
from desktop.render.document import SignatureSpace
from desktop.signing.errors import SigningError
from desktop.signing.keys import LoadedSigner
from desktop.store import clock, sync_models
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.models import Letter, LetterSignature, Office, Person
from sync.pki import ca
from sync.pki.zones import LOCAL, Zone, office_zone
from sync.protocol import Entity, LetterStatus, SignatureKind, office_verify_code

if TYPE_CHECKING:  # pyHanko costs most of a second to import: loaded when a letter is signed
    from desktop.signing import pades
    from desktop.signing.bsre import BsreClient

STAMP_MAX_WIDTH_PT = 72 * 70 / 25.4  # 70 mm
CLOCK_TOLERANCE = timedelta(minutes=10)


class ClockBehind(SigningError):
    def __init__(self, now: datetime, known: datetime, zone: Zone = LOCAL) -> None:
        super().__init__(
            _(
                "Tanggal dan jam komputer ({n}) lebih awal daripada yang sudah tercatat "
                "({k}). Betulkan tanggal dan jam komputer, lalu tandatangani lagi."
            ).format(n=signing_time_text(now, zone), k=signing_time_text(known, zone))
        )


def new_verify_code(session: Session, letter_id: str) -> str:
    """The letter's verification code (``sync.protocol.VERIFY_CODE_PATTERN``): made with the
    office's code key once the server has given it to this PC, so that no other office can
    claim it; 100 random bits before that (and on a PC without a server)."""
    state = sync_models.enrolment(session)
    key = sync_models.office_key(state.device_id) if state is not None else None
    if key is not None:
        return office_verify_code(key, letter_id)
    return b32encode(secrets.token_bytes(20)).decode("ascii").lower()[:20]


def _check_clock(session: Session, signer_id: str, now: datetime) -> None:
    """Refuse a clock set behind what this PC already recorded: its last sync, and the signer's
    own latest signature (other PCs' clocks are not this PC's business)."""
    state = sync_models.enrolment(session)
    known = [
        state.last_sync_at if state is not None else None,
        session.exec(
            select(LetterSignature.signed_at)
            .where(LetterSignature.signer_id == signer_id)
            .order_by(col(LetterSignature.signed_at).desc())
        ).first(),
    ]
    latest = max((k for k in known if k is not None), default=None)
    if latest is not None and now < latest - CLOCK_TOLERANCE:
        raise ClockBehind(now, latest, zone_of(session))


def warm_up() -> None:
    """Load the signing machinery (pyHanko) ahead of the first signature.

    Importing pyHanko takes most of a second, too long for start-up and for the first click on
    "Tandatangani": the app calls this on a background thread for signers once its window is
    up. Safe to call from any thread, any number of times."""
    from desktop.signing import pades  # noqa: F401 - importing it is the work


def stamp_box(space: SignatureSpace) -> pades.StampBox:
    from desktop.signing import pades

    width = min(space.width - 6, STAMP_MAX_WIDTH_PT)
    height = space.height - 2
    return pades.StampBox(
        space.page,
        space.x + (space.width - width) / 2,
        space.y + (space.height - height) / 2,
        width,
        height,
    )


@dataclass(frozen=True)
class SigningContext:
    """What a signature method needs to sign one letter's PDF in one signer's space."""

    pdf: bytes
    box: pades.StampBox
    verify_url: str
    signer_name: str
    position: str
    date_text: str
    reason: str
    location: str
    now: datetime


# A signature method: returns the signed PDF and the certificate that signed it.
SignMethod = Callable[[SigningContext], tuple[bytes, x509.Certificate]]


def _sign(
    store: Store,
    user: CurrentUser,
    letter_id: str,
    kind: SignatureKind,
    method: SignMethod,
    *,
    now: datetime | None = None,
    organisation: str = "",
) -> Letter:
    from desktop.render.fonts import ensure_gui_app
    from desktop.render.pdf import render_signable_pdf

    require(user, Role.SIGNER)
    now = (now or clock.now()).astimezone(UTC)
    blobs = BlobStore(store.blob_dir)
    ensure_gui_app()
    with store.write() as session:
        letter = load_letter(session, letter_id)
        if letter.status != LetterStatus.AWAITING_SIGNATURE.value:
            raise InvalidTransition(_("Naskah ini belum siap ditandatangani."))
        step = current_step(session, letter)
        if step is None or step.reviewer_id != user.id or step.kind != SIGN:
            raise PermissionDenied(_("Naskah ini tidak sedang menunggu tanda tangan Anda."))
        person = session.get(Person, user.id)
        assert person is not None
        office = session.exec(select(Office)).one()
        held = trust.require(session)
        _check_clock(session, user.id, now)
        earlier = session.exec(
            select(LetterSignature)
            .where(LetterSignature.letter_id == letter.id)
            .order_by(col(LetterSignature.position))
        ).all()
        if not earlier and letter.signature_kind not in ("", kind.value):
            raise SigningError(
                _("Naskah ini diantrekan untuk {k}; tandatangani dengan cara itu.").format(
                    k=kind_label(letter.signature_kind)
                )
            )
        if earlier and earlier[0].kind != kind.value:
            raise SigningError(
                _("Penanda tangan sebelumnya memakai {k}; gunakan cara yang sama.").format(
                    k=kind_label(earlier[0].kind)
                )
            )
        if not earlier:
            if letter.number:
                raise InvalidTransition(_("Naskah ini sudah bernomor."))
            number = numbering.issue(session, office, user.id, letter, clock.today())
            letter.number = number.text
            letter.number_id = number.id
            letter.letter_date = clock.today()
            letter.verify_code = new_verify_code(session, letter.id)
        verify_url = held.verify_url(letter.verify_code)
        organisation = organisation or ca.organisation_of(held.root)
        document = document_for(
            session,
            letter,
            store.blob_dir,
            signed_note=SIGNED_NOTE,
            footer_note=footer_note(kind, organisation, verify_url),
            complete=True,
        )
        rendered, spaces = render_signable_pdf(document)
        pdf = _earlier_pdf(blobs, letter.pdf_hash) if earlier else rendered
        index = len(earlier)
        if index >= len(spaces):
            raise SigningError(_("Ruang tanda tangan untuk penanda tangan ini tidak ditemukan."))
        context = SigningContext(
            pdf=pdf,
            box=stamp_box(spaces[index]),
            verify_url=verify_url,
            signer_name=person.name,
            position=person.jabatan,
            date_text=signing_time_text(now, office_zone(office.kabupaten)),
            reason=SIGNING_REASON.format(n=letter.number),
            location=office.place_name,
            now=now,
        )
        signed, cert = method(context)
        digest = blobs.put(signed)
        letter.pdf_hash = digest
        letter.updated_at = clock.now()
        signature = LetterSignature(
            letter_id=letter.id,
            position=index + 1,
            signer_id=user.id,
            kind=kind.value,
            signed_at=now,
            signer_name=person.name,
            signer_jabatan=person.jabatan,
            cert_serial=format(cert.serial_number, "x"),
            cert_sha256=hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest(),
            pdf_hash=digest,
        )
        journal.record(session, user.id, "signature.add", Entity.LETTER_SIGNATURE, signature)
        record_signing(
            session,
            user.id,
            letter,
            [step],
            kind,
            now,
            detail={
                "position": index + 1,
                "pdf_sha256": digest,
                "cert_serial": signature.cert_serial,
            },
        )
        return letter


def _earlier_pdf(blobs: BlobStore, digest: str | None) -> bytes:
    """The PDF the previous signer signed (from another PC, it comes with sync)."""
    try:
        if digest is None:
            raise FileNotFoundError(digest)
        return blobs.get(digest)
    except OSError as exc:
        raise SigningError(
            _(
                "PDF yang ditandatangani penanda tangan sebelumnya belum ada di komputer ini. "
                "Sinkronkan dulu, lalu tandatangani lagi."
            )
        ) from exc


def sign_electronically(
    store: Store,
    user: CurrentUser,
    letter_id: str,
    signer: LoadedSigner,
    *,
    now: datetime | None = None,
) -> Letter:
    """Sign with the signer's own key (TTE internal); works with no network at all."""
    with store.read() as session:
        person = session.get(Person, user.id)
        held = trust.require(session)
    if person is None:
        raise PermissionDenied()
    signer_keys.check_belongs_to(signer, person)
    chain = signer.chain or [held.root]
    loaded = LoadedSigner(signer.key, signer.cert, chain)

    from desktop.signing import pades

    def method(ctx: SigningContext) -> tuple[bytes, x509.Certificate]:
        signed = pades.sign_pdf(
            ctx.pdf,
            loaded,
            reason=ctx.reason,
            location=ctx.location,
            signer_name=ctx.signer_name,
            position=ctx.position,
            date_text=ctx.date_text,
            verify_url=ctx.verify_url,
            field_box=ctx.box,
            crls=held.crls,
            now=ctx.now,
            heading=SIGNED_NOTE,
        )
        return signed, loaded.cert

    return _sign(store, user, letter_id, SignatureKind.INTERNAL, method, now=now)


def sign_with_bsre(
    store: Store,
    user: CurrentUser,
    letter_id: str,
    client: BsreClient,
    nik: str,
    passphrase: str,
    *,
    now: datetime | None = None,
) -> Letter:
    """Sign through BSrE's signing service (online only). ``nik`` and ``passphrase`` are typed
    by the signer for this one call and go nowhere else. The letter's write transaction stays
    open during the call (at most the client's timeout): if BSrE refuses or does not answer,
    nothing is kept and the letter stays in the signer's queue."""

    def method(ctx: SigningContext) -> tuple[bytes, x509.Certificate]:
        box = (ctx.box.x, ctx.box.y, ctx.box.x + ctx.box.width, ctx.box.y + ctx.box.height)
        signed = client.sign_pdf(
            ctx.pdf,
            nik,
            passphrase,
            page=ctx.box.page,
            box=box,
            qr_url=ctx.verify_url,
            reason=ctx.reason,
            location=ctx.location,
        )
        return signed, _last_signer_certificate(signed)

    return _sign(store, user, letter_id, SignatureKind.BSRE, method, now=now)


def _last_signer_certificate(pdf: bytes) -> x509.Certificate:
    """The certificate of the newest signature in ``pdf`` (checked by the BSrE adapter)."""
    from desktop.signing import pades

    reader = pades.open_pdf(pdf)
    signature = reader.embedded_regular_signatures[-1]
    return x509.load_der_x509_certificate(signature.signer_cert.dump())


def request_bsre(store: Store, user: CurrentUser, letter_id: str) -> Letter:
    """The signer queues the letter for TTE BSrE (online only): it waits in their queue marked
    "TTE BSrE" until they sign it with their NIK and passphrase while connected."""
    require(user, Role.SIGNER)
    with store.write() as session:
        letter = load_letter(session, letter_id)
        step = current_step(session, letter)
        if (
            letter.status != LetterStatus.AWAITING_SIGNATURE.value
            or step is None
            or step.reviewer_id != user.id
        ):
            raise PermissionDenied(_("Naskah ini tidak sedang menunggu tanda tangan Anda."))
        if letter.number:
            raise InvalidTransition(_("Naskah ini sudah ditandatangani sebagian."))
        letter.signature_kind = SignatureKind.BSRE.value
        letter.updated_at = clock.now()
        journal.record(session, user.id, "letter.bsre_queued", Entity.LETTER, letter)
        return letter
