"""Letters delivered between offices through the central server.

Sender's side: ``address`` a letter to offices of the server's directory (cached on this PC,
so it works offline); each becomes a ``delivery`` record, "menunggu" until the letter is signed
electronically and a sync sends it (``sync.client.delivery``); the server then reports
terkirim / diterima / dibaca (``sent_states``).

Recipient's side: a delivery arrives by sync with the letter's details and its signed PDF. It
waits in "Surat Masuk Baru" (``waiting``) with the verdict of this PC's own check of its
signatures (``check``: the existing offline verification, cached per PDF); ``register`` makes it
an incoming letter in one click, its fields taken from the letter, and marks the delivery
"diterima"; opening the registered letter marks it "dibaca" (``note_opened``).

Each service is one transaction with its outbox rows and audit entries (``journal.record``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop.i18n import N_, _
from desktop.letters import drafting, incoming, journal, verification
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.errors import NotFound, PermissionDenied, ServiceError
from desktop.letters.scans import check_bytes
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.delivery_models import Delivery, OfficeDirectoryEntry
from desktop.store.incoming_models import IncomingLetter
from desktop.store.models import Classification, Letter
from desktop.store.sync_models import SyncState
from sync.protocol import DeliveryState, Entity, LetterStatus, Op, delivery_rank

STATE_LABELS: dict[str, str] = {
    DeliveryState.WAITING.value: N_("menunggu dikirim"),
    DeliveryState.SENT.value: N_("terkirim"),
    DeliveryState.RECEIVED.value: N_("diterima"),
    DeliveryState.READ.value: N_("dibaca"),
}


def state_label(state: str) -> str:
    """The state's name in the UI's language (the table holds the marked source text)."""
    return _(STATE_LABELS[state]) if state in STATE_LABELS else state


class NotEnrolledForDelivery(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "PC ini belum terhubung ke server pusat: daftar kantor belum ada. "
                "Daftarkan PC ke server dan sinkronkan dulu."
            )
        )


class PdfNotYetHere(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            _("Berkas PDF surat kiriman ini belum tiba di PC ini. Sinkronkan dulu, lalu coba lagi.")
        )


def _own_office_id(session: Session) -> str | None:
    state = session.exec(select(SyncState)).first()
    return state.office_id if state is not None else None


# -- the sender's side -----------------------------------------------------------------------


def directory(store: Store) -> list[OfficeDirectoryEntry]:
    """The other offices on the server (as last fetched), by name."""
    with store.read() as session:
        own = _own_office_id(session)
        rows = session.exec(
            select(OfficeDirectoryEntry).order_by(col(OfficeDirectoryEntry.name))
        ).all()
    return [r for r in rows if r.id != own]


def deliveries_of(store: Store, user: CurrentUser, letter_id: str) -> list[Delivery]:
    """The deliveries of one of this office's letters (the letter's access rules apply; the
    reading itself is the letter's, so no second audit entry is written)."""
    with store.read() as session:
        letter = session.exec(select(Letter).where(Letter.id == letter_id)).first()
        if letter is None or letter.deleted_at is not None:
            raise NotFound(_("Naskah"))
        if letter.sifat != "Biasa" and user.id not in drafting.participants(session, letter):
            raise PermissionDenied(
                _("Naskah bersifat {s}: hanya untuk pihak terkait.").format(s=letter.sifat)
            )
        own = _own_office_id(session)
        return list(
            session.exec(
                select(Delivery)
                .where(
                    Delivery.letter_id == letter_id,
                    Delivery.sender_office_id == own,
                    col(Delivery.deleted_at).is_(None),
                )
                .order_by(col(Delivery.recipient_office_name))
            ).all()
        )


def address(
    store: Store, user: CurrentUser, letter_id: str, office_ids: list[str]
) -> list[Delivery]:
    """Address ``letter_id`` to exactly ``office_ids`` (offices of the cached directory): new
    deliveries are made, those no longer wanted and not sent yet are removed, sent ones stay.
    One transaction. Raises NotEnrolledForDelivery on a PC without a server, ServiceError for an
    office not in the directory, for the office itself, or for a voided letter."""
    letter = drafting.get_letter(store, user, letter_id)
    if letter.status == LetterStatus.VOIDED.value:
        raise ServiceError(_("Surat yang nomornya dibatalkan tidak dapat dikirim."))
    with store.write() as session:
        own = _own_office_id(session)
        if own is None:
            raise NotEnrolledForDelivery()
        known = {r.id: r for r in session.exec(select(OfficeDirectoryEntry)).all()}
        wanted = list(dict.fromkeys(office_ids))
        for office_id in wanted:
            if office_id == own:
                raise ServiceError(_("Surat tidak dapat dikirim ke kantor sendiri."))
            if office_id not in known:
                raise ServiceError(_("Kantor tujuan tidak ada di daftar kantor server."))
        current = {
            d.recipient_office_id: d
            for d in session.exec(
                select(Delivery).where(
                    Delivery.letter_id == letter_id,
                    Delivery.sender_office_id == own,
                    col(Delivery.deleted_at).is_(None),
                )
            ).all()
        }
        for office_id, row in current.items():
            if office_id not in wanted and row.state == DeliveryState.WAITING.value:
                row.deleted_at = clock.now()
                journal.record(
                    session, user.id, "delivery.remove", Entity.DELIVERY, row,
                    op=Op.DELETE, detail={"office": row.recipient_office_name},
                )  # fmt: skip
        for office_id in wanted:
            if office_id in current:
                continue
            row = Delivery(
                letter_id=letter_id,
                sender_office_id=own,
                recipient_office_id=office_id,
                recipient_office_name=known[office_id].name,
            )
            journal.record(
                session, user.id, "delivery.address", Entity.DELIVERY, row,
                detail={"office": row.recipient_office_name},
            )  # fmt: skip
    return deliveries_of(store, user, letter_id)


@dataclass(frozen=True)
class SentState:
    office: str
    state: str
    label: str
    problem: str  # the server's last refusal to send it ("" when none)


def sent_states(store: Store, user: CurrentUser, letter_id: str) -> list[SentState]:
    """Per recipient office: terkirim / diterima / dibaca (or waiting, with the reason)."""
    return [
        SentState(d.recipient_office_name, d.state, state_label(d.state), d.problem)
        for d in deliveries_of(store, user, letter_id)
    ]


# -- the recipient's side ----------------------------------------------------------------------


def _may_register(user: CurrentUser) -> bool:
    return user.has(Role.REGISTRAR) or user.has(Role.ADMIN)


def waiting(store: Store, user: CurrentUser) -> list[Delivery]:
    """Letters delivered to this office and not registered yet (for the registrar), oldest
    first. Nobody else sees them before registration: access by sifat starts there."""
    if not _may_register(user):
        return []
    with store.read() as session:
        own = _own_office_id(session)
        return list(
            session.exec(
                select(Delivery)
                .where(
                    Delivery.recipient_office_id == own,
                    col(Delivery.incoming_letter_id).is_(None),
                    col(Delivery.deleted_at).is_(None),
                    Delivery.state == DeliveryState.SENT.value,
                )
                .order_by(col(Delivery.sent_at))
            ).all()
        )


def _incoming_delivery(session: Session, user: CurrentUser, delivery_id: str) -> Delivery:
    if not _may_register(user):
        raise PermissionDenied(_("Pencatatan surat masuk memerlukan peran Agendaris."))
    row = session.get(Delivery, delivery_id)
    if (
        row is None
        or row.deleted_at is not None
        or row.recipient_office_id != _own_office_id(session)
    ):
        raise NotFound(_("Surat kiriman"))
    return row


def pdf_of(store: Store, user: CurrentUser, delivery_id: str) -> bytes:
    """The delivered PDF (PdfNotYetHere while its blob is on its way)."""
    with store.read() as session:
        row = _incoming_delivery(session, user, delivery_id)
        digest = row.pdf_hash
    blobs = BlobStore(store.blob_dir)
    if not digest or not blobs.has(digest):
        raise PdfNotYetHere()
    return blobs.get(digest)


@dataclass(frozen=True)
class Verdict:
    valid: bool
    text: str


def check(store: Store, user: CurrentUser, delivery_id: str) -> Verdict:
    """This PC's verdict on the delivered PDF's signatures and chain (the existing offline
    verification against the organisation's root held here), computed once per PDF and kept
    on the delivery (not synced)."""
    with store.read() as session:
        row = _incoming_delivery(session, user, delivery_id)
        if row.check_valid is not None and row.check_sha256 == row.pdf_hash:
            return Verdict(bool(row.check_valid), row.check_text)
    data = pdf_of(store, user, delivery_id)
    result = verification.check_pdf(store, data, user=user, name=row.number or row.hal)
    verdict = Verdict(result.valid, verification.headline(result))
    with store.write() as session:
        fresh = session.get(Delivery, delivery_id)
        if fresh is not None:
            fresh.check_sha256 = row.pdf_hash or ""
            fresh.check_valid = verdict.valid
            fresh.check_text = verdict.text[:500]
            session.add(fresh)  # local-only columns: no outbox row
    return verdict


def register(
    store: Store,
    user: CurrentUser,
    delivery_id: str,
    *,
    received: date | None = None,
    addressed_to_id: str | None = None,
) -> IncomingLetter:
    """Register a delivered letter in one step: sender office, number, date, hal, sifat,
    urgency and classification come from the letter, the signed PDF is its scan, the channel
    is "Server pusat". The delivery becomes "diterima" in the same transaction. Raises
    PermissionDenied (not a registrar), NotFound, PdfNotYetHere, ServiceError when it was
    registered already, and what ``incoming.register`` raises (NoAgendaNumber...)."""
    data = pdf_of(store, user, delivery_id)
    check(store, user, delivery_id)
    with store.read() as session:
        row = _incoming_delivery(session, user, delivery_id)
    name = f"{row.number or 'surat'}.pdf".replace("/", "-")
    scan = check_bytes(name, data)
    digest = BlobStore(store.blob_dir).put(scan.data)
    with store.write() as session:
        row = _incoming_delivery(session, user, delivery_id)
        if row.incoming_letter_id or delivery_rank(row.state) >= delivery_rank(
            DeliveryState.RECEIVED
        ):
            raise ServiceError(_("Surat kiriman ini sudah dicatat."))
        code = row.classification_code.strip()
        entry = incoming.IncomingInput(
            sender_name=row.sender_office_name or _("Kantor pengirim"),
            sender_number=row.number,
            sender_date=row.letter_date,
            received_date=received or clock.today(),
            hal=row.hal or "-",
            channel="server",
            sifat=row.sifat if row.sifat in drafting.SIFAT else "Biasa",
            urgency=row.urgency if row.urgency in drafting.URGENCY else "Biasa",
            classification_code=code if code and _known_code(session, code) else "",
            addressed_to_id=addressed_to_id,
            source_letter_id=row.letter_id,
        )
        letter = incoming.register_in(session, user, entry, [scan], [digest], duplicate="link")
        row.state = DeliveryState.RECEIVED.value
        row.received_at = clock.now()
        row.incoming_letter_id = letter.id
        row.updated_at = clock.now()
        journal.record(
            session, user.id, "delivery.receive", Entity.DELIVERY, row,
            detail={"agenda": f"{letter.agenda_number}/{letter.agenda_year}"},
        )  # fmt: skip
        return letter


def _known_code(session: Session, code: str) -> bool:
    """Is ``code`` in this office's classification list (the sender's may have its own)?"""
    found = session.exec(select(Classification.code).where(Classification.code == code))
    return found.first() is not None


def note_opened(store: Store, user: CurrentUser, incoming_id: str) -> None:
    """Someone who may see the registered letter opened it: its delivery becomes "dibaca"
    (once). Nothing happens for a letter that did not come by delivery."""
    with store.read() as session:
        row = session.exec(
            select(Delivery).where(
                Delivery.incoming_letter_id == incoming_id,
                Delivery.state == DeliveryState.RECEIVED.value,
            )
        ).first()
        if row is None:
            return
        letter = session.exec(
            select(IncomingLetter).where(IncomingLetter.id == incoming_id)
        ).first()
        if letter is None or not incoming.may_see(session, user, letter):
            return  # only someone who may read it can have opened it
    with store.write() as session:
        fresh = session.get(Delivery, row.id)
        if fresh is None or fresh.state != DeliveryState.RECEIVED.value:
            return
        fresh.state = DeliveryState.READ.value
        fresh.read_at = clock.now()
        fresh.updated_at = clock.now()
        journal.record(session, user.id, "delivery.read", Entity.DELIVERY, fresh)


def delivered_letter_of(store: Store, incoming_id: str) -> Delivery | None:
    """The delivery an incoming letter was registered from, if any."""
    with store.read() as session:
        return session.exec(
            select(Delivery).where(Delivery.incoming_letter_id == incoming_id)
        ).first()
