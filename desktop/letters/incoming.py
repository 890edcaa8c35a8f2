"""The incoming register (agenda surat masuk): senders, registering a letter with its scans,
probable duplicates, reading (access by sifat), threads and "Balas".

Each service is one transaction with its outbox rows and audit entries (``journal.record``).
Scans are checked (``scans.read_scan``) and written as content-addressed blobs before the
transaction; a refused letter leaves no record (at most a blob no row names, which costs
nothing and is what the same file would become on its next try).
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import exists, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from desktop.i18n import _
from desktop.letters import drafting, journal, numbering
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import SIFAT, URGENCY, AddresseeInput, DraftInput
from desktop.letters.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop.letters.scans import CheckedScan, read_scan
from desktop.render.dates import format_date_id
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.incoming_models import (
    Disposition,
    IncomingLetter,
    IncomingScan,
    LetterLink,
    Sender,
)
from desktop.store.models import Classification, IssuedNumber, Letter, Office
from sync.protocol import Entity

CHANNELS: dict[str, str] = {
    "kertas": _("Kertas"),
    "email": _("E-mail"),
    "whatsapp": _("WhatsApp"),
    "server": _("Server pusat"),
    "srikandi": _("SRIKANDI"),
}
STATE_LABELS: dict[str, str] = {
    "baru": _("Baru"),
    "didisposisi": _("Didisposisi"),
    "diarsipkan": _("Diarsipkan"),
    "dibatalkan": _("Dibatalkan"),
}
INCOMING, OUTGOING = "masuk", "keluar"  # kinds of letter in a thread link
RELATION_LABELS: dict[str, str] = {
    "balasan": _("Balasan"),
    "tindak_lanjut": _("Tindak lanjut"),
    "duplikat": _("Kemungkinan duplikat"),
}


# -- senders -------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _search_text(name: str, aliases: list[str]) -> str:
    return " | ".join(_fold(t) for t in [name, *aliases] if t.strip())


def aliases_of(sender: Sender) -> list[str]:
    return list(json.loads(sender.aliases_json))


def find_senders(store: Store, text: str, limit: int = 50) -> list[Sender]:
    """Senders whose name or an alias contains every word of ``text`` (by name)."""
    words = _fold(text).split()
    with store.read() as session:
        q = select(Sender).where(col(Sender.deleted_at).is_(None))
        for word in words:
            q = q.where(col(Sender.search_text).contains(word))
        return list(session.exec(q.order_by(col(Sender.name)).limit(limit)).all())


def _sender_named(session: Session, name: str) -> Sender | None:
    """The sender whose name or one alias is exactly ``name`` (folded)."""
    folded = _fold(name)
    candidates = session.exec(
        select(Sender).where(
            col(Sender.deleted_at).is_(None), col(Sender.search_text).contains(folded)
        )
    ).all()
    for sender in candidates:
        if folded in sender.search_text.split(" | "):
            return sender
    return None


def _new_sender(session: Session, user: CurrentUser, name: str, place: str = "") -> Sender:
    sender = Sender(name=" ".join(name.split()), place=place.strip())
    sender.search_text = _search_text(sender.name, [])
    journal.record(session, user.id, "sender.create", Entity.SENDER, sender)
    return sender


def save_sender(
    store: Store,
    user: CurrentUser,
    sender_id: str | None,
    name: str,
    place: str = "",
    aliases: list[str] | None = None,
) -> Sender:
    """Add a sender or correct one (name, place, aliases). Registrar or administrator."""
    if not (user.has(Role.REGISTRAR) or user.has(Role.ADMIN)):
        raise PermissionDenied()
    if not name.strip():
        raise ValidationError({"sender": _("Nama pengirim wajib diisi.")})
    clean = [" ".join(a.split()) for a in aliases or [] if a.strip()]
    with store.write() as session:
        sender = session.get(Sender, sender_id) if sender_id else None
        if sender_id and sender is None:
            raise NotFound(_("Pengirim"))
        if sender is None:
            sender = Sender(name="")
        sender.name = " ".join(name.split())
        sender.place = place.strip()
        sender.aliases_json = json.dumps(clean, ensure_ascii=False)
        sender.search_text = _search_text(sender.name, clean)
        sender.updated_at = clock.now()
        journal.record(session, user.id, "sender.save", Entity.SENDER, sender)
        return sender


# -- registering ---------------------------------------------------------------------------


@dataclass
class IncomingInput:
    sender_name: str
    sender_number: str
    received_date: date
    hal: str
    sender_id: str | None = None  # None: found by name or alias, else added to the directory
    sender_place: str = ""
    sender_date: date | None = None
    channel: str = "kertas"
    sifat: str = "Biasa"
    urgency: str = "Biasa"
    classification_code: str = ""
    note: str = ""
    addressed_to_id: str | None = None  # who the letter goes to first (usually the camat)
    scans: list[Path] = field(default_factory=list)
    external_ref: str = ""  # the id a national system gave it (a letter from SRIKANDI)
    source_letter_id: str | None = None  # the sending office's letter (a server delivery)


@dataclass(frozen=True)
class Candidate:
    """An earlier letter that may be the same one (shown before saving)."""

    id: str
    agenda_number: str
    agenda_year: int
    sender_name: str
    sender_number: str
    received_date: date
    hal: str
    reason: str  # "nomor" (same sender and sender's number) or "pindaian" (same scan)


class ProbableDuplicate(ServiceError):
    """The letter may already be registered; the registrar links it or registers it anyway."""

    def __init__(self, candidates: list[Candidate]) -> None:
        first = candidates[0]
        super().__init__(
            _("Surat ini mungkin sudah dicatat: agenda {a}/{y}, {s} nomor {n}.").format(
                a=first.agenda_number,
                y=first.agenda_year,
                s=first.sender_name,
                n=first.sender_number or "-",
            )
        )
        self.candidates = candidates


class NoAgendaNumber(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Belum ada blok nomor agenda surat masuk dari server untuk PC ini. Sambungkan "
                "ke jaringan dan sinkronkan dulu, lalu simpan lagi (isian tidak hilang)."
            )
        )


def validate(data: IncomingInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not (data.sender_id or data.sender_name.strip()):
        errors["sender"] = _("Pengirim wajib diisi.")
    if not data.hal.strip():
        errors["hal"] = _("Hal wajib diisi.")
    if data.channel not in CHANNELS:
        errors["channel"] = _("Saluran penerimaan tidak dikenal.")
    if data.sifat not in SIFAT:
        errors["sifat"] = _("Sifat tidak valid.")
    if data.urgency not in URGENCY:
        errors["urgency"] = _("Tingkat urgensi tidak valid.")
    if data.received_date > clock.today():
        errors["received_date"] = _("Tanggal diterima tidak boleh di masa depan.")
    if data.sender_date and data.sender_date > data.received_date:
        errors["sender_date"] = _("Tanggal surat tidak boleh setelah tanggal diterima.")
    if not data.scans and data.channel == "kertas":
        errors["scans"] = _("Lampirkan pindaian surat (PDF atau gambar).")
    return errors


def _normal_number(text: str) -> str:
    return "".join(text.split()).lower()


def find_duplicates(
    store: Store, sender_id: str | None, sender_number: str, scan_hashes: list[str]
) -> list[Candidate]:
    """Earlier letters from the same sender with the same sender's number, or with a scan of
    exactly the same bytes (deleted ones excepted)."""
    with store.read() as session:
        return _duplicates(session, sender_id, sender_number, scan_hashes)


def _duplicates(
    session: Session, sender_id: str | None, sender_number: str, scan_hashes: list[str]
) -> list[Candidate]:
    found: dict[str, tuple[IncomingLetter, str]] = {}
    number = _normal_number(sender_number)
    if sender_id and number and number != "-":
        for row in session.exec(
            select(IncomingLetter).where(
                IncomingLetter.sender_id == sender_id, col(IncomingLetter.deleted_at).is_(None)
            )
        ).all():
            if _normal_number(row.sender_number) == number:
                found[row.id] = (row, "nomor")
    if scan_hashes:
        for row in session.exec(
            select(IncomingLetter)
            .join(IncomingScan, col(IncomingScan.incoming_id) == col(IncomingLetter.id))
            .where(
                col(IncomingScan.sha256).in_(scan_hashes),
                col(IncomingLetter.deleted_at).is_(None),
            )
        ).all():
            found.setdefault(row.id, (row, "pindaian"))
    return [
        Candidate(
            r.id,
            r.agenda_number,
            r.agenda_year,
            r.sender_name,
            r.sender_number,
            r.received_date,
            r.hal,
            why,
        )
        for r, why in sorted(found.values(), key=lambda f: f[0].received_date)
    ]


def check_scans(paths: list[Path]) -> list[CheckedScan]:
    """Read and check every file (ValidationError names the first bad one)."""
    return [read_scan(p) for p in paths]


def register(
    store: Store,
    user: CurrentUser,
    data: IncomingInput,
    *,
    duplicate: str | None = None,
) -> IncomingLetter:
    """Register an incoming letter: agenda number from the yearly incoming series, the sender
    (added to the directory when new), its scans, all in one transaction.

    Raises ValidationError (per field; a bad file names itself), ProbableDuplicate when an
    earlier letter has the same sender and sender's number or the same scan, unless
    ``duplicate`` is "link" (register it, linked to the earlier one) or "separate" (register
    it as a letter of its own); NoAgendaNumber on an enrolled PC without a lease.
    """
    if not (user.has(Role.REGISTRAR) or user.has(Role.ADMIN)):
        raise PermissionDenied(_("Pencatatan surat masuk memerlukan peran Agendaris."))
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    checked = check_scans(data.scans)
    blobs = BlobStore(store.blob_dir)
    hashes = [blobs.put(scan.data) for scan in checked]
    with store.write() as session:
        return register_in(session, user, data, checked, hashes, duplicate=duplicate)


def register_in(
    session: Session,
    user: CurrentUser,
    data: IncomingInput,
    checked: list[CheckedScan],
    hashes: list[str],
    *,
    duplicate: str | None = None,
) -> IncomingLetter:
    """``register`` inside the caller's transaction, for scans already checked and stored as
    blobs ``hashes`` (a letter delivered by the server registers this way with its own record
    changes). Raises as ``register`` does, after checking the registrar's role again."""
    if not (user.has(Role.REGISTRAR) or user.has(Role.ADMIN)):
        raise PermissionDenied(_("Pencatatan surat masuk memerlukan peran Agendaris."))
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    sender = _resolve_sender(session, user, data)
    if data.classification_code.strip() and not session.get(
        Classification, data.classification_code.strip()
    ):
        raise ValidationError({"classification_code": _("Kode klasifikasi tidak dikenal.")})
    candidates = _duplicates(session, sender.id, data.sender_number, hashes)
    if candidates and duplicate not in ("link", "separate"):
        raise ProbableDuplicate(candidates)
    office = session.exec(select(Office)).first()
    padding = office.number_padding if office else 3
    year = data.received_date.year
    try:
        seq = numbering.take_seq(session, numbering.INCOMING, year)
    except numbering.NoNumberLease:
        raise NoAgendaNumber() from None
    agenda = str(seq).zfill(padding)
    number = IssuedNumber(
        series=numbering.INCOMING, year=year, seq=seq, text=agenda, issued_by=user.id
    )
    journal.record(
        session, user.id, "number.issue", Entity.ISSUED_NUMBER, number,
        detail={"number": agenda, "series": numbering.INCOMING},
    )  # fmt: skip
    letter = IncomingLetter(
        agenda_number=agenda,
        agenda_year=year,
        number_id=number.id,
        channel=data.channel,
        sender_id=sender.id,
        sender_name=sender.name,
        sender_number=data.sender_number.strip() or "-",
        sender_date=data.sender_date,
        received_date=data.received_date,
        hal=" ".join(data.hal.split()),
        sifat=data.sifat,
        urgency=data.urgency,
        classification_code=data.classification_code.strip(),
        note=data.note.strip(),
        registered_by=user.id,
        addressed_to_id=data.addressed_to_id,
        source_letter_id=data.source_letter_id,
        external_ref=data.external_ref.strip(),
    )
    if candidates and duplicate == "link":
        letter.duplicate_of_id = candidates[0].id
    journal.record(
        session, user.id, "incoming.register", Entity.INCOMING_LETTER, letter,
        detail={"agenda": f"{agenda}/{year}", "scans": hashes},
    )  # fmt: skip
    for position, (scan, digest) in enumerate(zip(checked, hashes, strict=True), start=1):
        row = IncomingScan(
            incoming_id=letter.id, position=position, sha256=digest, filename=scan.filename,
            media_type=scan.media_type, pages=scan.pages, size=len(scan.data),
        )  # fmt: skip
        journal.record(session, user.id, "incoming.scan", Entity.INCOMING_SCAN, row)
    if letter.duplicate_of_id:
        _link(session, user, INCOMING, letter.id, INCOMING, letter.duplicate_of_id, "duplikat")
    return letter


def _resolve_sender(session: Session, user: CurrentUser, data: IncomingInput) -> Sender:
    if data.sender_id:
        sender = session.get(Sender, data.sender_id)
        if sender is None or sender.deleted_at is not None:
            raise ValidationError({"sender": _("Pengirim tidak ditemukan di daftar.")})
        return sender
    return _sender_named(session, data.sender_name) or _new_sender(
        session, user, data.sender_name, data.sender_place
    )


def void_agenda(store: Store, user: CurrentUser, incoming_id: str, reason: str) -> IncomingLetter:
    """Void an incoming letter's agenda number with a reason (a letter registered twice, or by
    mistake), as an outgoing number is voided: the number is never reused, the letter stays in
    the register marked "Dibatalkan" and leaves Surat Masuk Baru. One transaction. Registrar
    or administrator only; ValidationError without a reason or when already voided."""
    if not (user.has(Role.REGISTRAR) or user.has(Role.ADMIN)):
        raise PermissionDenied(_("Pembatalan nomor agenda memerlukan peran Agendaris."))
    if not reason.strip():
        raise ValidationError({"reason": _("Alasan pembatalan nomor wajib diisi.")})
    with store.write() as session:
        letter = _load(session, user, incoming_id)
        number = session.get(IssuedNumber, letter.number_id) if letter.number_id else None
        if letter.state == "dibatalkan" or (number is not None and number.voided_at is not None):
            raise ValidationError({"reason": _("Nomor ini sudah dibatalkan.")})
        if number is not None:
            number.voided_at = clock.now()
            number.void_reason = reason.strip()
            number.voided_by = user.id
            journal.record(
                session, user.id, "number.void", Entity.ISSUED_NUMBER, number,
                detail={"number": number.text, "reason": number.void_reason},
            )  # fmt: skip
        letter.state = "dibatalkan"
        letter.updated_at = clock.now()
        journal.record(
            session, user.id, "incoming.void", Entity.INCOMING_LETTER, letter,
            detail={"agenda": f"{letter.agenda_number}/{letter.agenda_year}",
                    "reason": reason.strip()},
        )  # fmt: skip
        return letter


# -- reading and access by sifat -------------------------------------------------------------


def visible(user: CurrentUser) -> ColumnElement[bool]:
    """SQL: incoming letters ``user`` may see. Above Biasa, only the people on the letter: who
    registered it, who it is addressed to, and everyone a disposition of it reaches or comes
    from."""
    reached = exists().where(
        col(Disposition.incoming_id) == col(IncomingLetter.id),
        or_(col(Disposition.to_id) == user.id, col(Disposition.from_id) == user.id),
        col(Disposition.deleted_at).is_(None),
    )
    return or_(
        col(IncomingLetter.sifat) == "Biasa",
        col(IncomingLetter.registered_by) == user.id,
        col(IncomingLetter.addressed_to_id) == user.id,
        reached,
    )


def may_see(session: Session, user: CurrentUser, letter: IncomingLetter) -> bool:
    return bool(
        session.exec(
            select(IncomingLetter.id).where(IncomingLetter.id == letter.id, visible(user))
        ).first()
    )


def _load(session: Session, user: CurrentUser, incoming_id: str) -> IncomingLetter:
    letter = session.exec(select(IncomingLetter).where(IncomingLetter.id == incoming_id)).first()
    if letter is None or letter.deleted_at is not None:
        raise NotFound(_("Surat masuk"))
    if not may_see(session, user, letter):
        raise PermissionDenied(
            _("Surat bersifat {s}: hanya untuk pihak terkait.").format(s=letter.sifat)
        )
    return letter


def get_incoming(store: Store, user: CurrentUser, incoming_id: str) -> IncomingLetter:
    """Read an incoming letter (PermissionDenied when its sifat keeps it from ``user``); each
    opening of a letter above Biasa is written to the audit log."""
    with store.read() as session:
        letter = _load(session, user, incoming_id)
    if letter.sifat != "Biasa":
        with store.write() as session:
            journal.audit_only(
                session, user.id, "incoming.read", Entity.INCOMING_LETTER, letter.id,
                {"sifat": letter.sifat},
            )  # fmt: skip
    return letter


def scans_of(store: Store, user: CurrentUser, incoming_id: str) -> list[IncomingScan]:
    with store.read() as session:
        _load(session, user, incoming_id)
        return list(
            session.exec(
                select(IncomingScan)
                .where(
                    IncomingScan.incoming_id == incoming_id,
                    col(IncomingScan.deleted_at).is_(None),
                )
                .order_by(col(IncomingScan.position))
            ).all()
        )  # fmt: skip


def scan_bytes(store: Store, user: CurrentUser, scan: IncomingScan) -> bytes | None:
    """A scan's bytes, or None while its blob has not arrived by sync yet."""
    with store.read() as session:
        _load(session, user, scan.incoming_id)
    blobs = BlobStore(store.blob_dir)
    return blobs.get(scan.sha256) if blobs.has(scan.sha256) else None


# -- threads and replies -------------------------------------------------------------------


def _link(
    session: Session, user: CurrentUser, from_kind: str, from_id: str, to_kind: str, to_id: str,
    relation: str,
) -> LetterLink:  # fmt: skip
    link = LetterLink(
        from_kind=from_kind, from_id=from_id, to_kind=to_kind, to_id=to_id, relation=relation,
        created_by=user.id,
    )  # fmt: skip
    journal.record(session, user.id, "letter.link", Entity.LETTER_LINK, link,
                   detail={"relation": relation, "from": from_id, "to": to_id})  # fmt: skip
    return link


def link_letters(
    store: Store, user: CurrentUser, from_kind: str, from_id: str, to_kind: str, to_id: str,
    relation: str = "tindak_lanjut",
) -> LetterLink:  # fmt: skip
    """Link two letters into one thread (a follow-up, a reply made outside "Balas")."""
    if relation not in RELATION_LABELS or {from_kind, to_kind} - {INCOMING, OUTGOING}:
        raise ValidationError({"relation": _("Jenis tautan tidak dikenal.")})
    with store.write() as session:
        return _link(session, user, from_kind, from_id, to_kind, to_id, relation)


@dataclass(frozen=True)
class ThreadItem:
    kind: str  # INCOMING or OUTGOING
    id: str
    relation: str  # how it is linked to the letter it was reached from ("" for the start)
    label: str  # "Surat masuk 017/2026 dari Dinas PMD: Undangan rapat"


def thread(store: Store, user: CurrentUser, kind: str, letter_id: str) -> list[ThreadItem]:
    """Every letter linked to this one, directly or through others, in the order reached
    (both directions); letters the person may not see are left out."""
    with store.read() as session:
        seen = {(kind, letter_id)}
        queue = deque([(kind, letter_id)])
        items: list[ThreadItem] = []
        while queue and len(seen) < 200:
            k, i = queue.popleft()
            links = session.exec(
                select(LetterLink).where(
                    col(LetterLink.deleted_at).is_(None),
                    or_(
                        (col(LetterLink.from_kind) == k) & (col(LetterLink.from_id) == i),
                        (col(LetterLink.to_kind) == k) & (col(LetterLink.to_id) == i),
                    ),
                )
            ).all()
            for link in links:
                other = (
                    (link.to_kind, link.to_id)
                    if (link.from_kind, link.from_id) == (k, i)
                    else (link.from_kind, link.from_id)
                )
                if other in seen:
                    continue
                seen.add(other)
                label = _label(session, user, *other)
                if label is not None:
                    items.append(ThreadItem(other[0], other[1], link.relation, label))
                    queue.append(other)
        return items


def _label(session: Session, user: CurrentUser, kind: str, letter_id: str) -> str | None:
    if kind == INCOMING:
        row = session.exec(select(IncomingLetter).where(IncomingLetter.id == letter_id)).first()
        if row is None or row.deleted_at is not None or not may_see(session, user, row):
            return None
        return _("Surat masuk {a}/{y} dari {s}: {h}").format(
            a=row.agenda_number, y=row.agenda_year, s=row.sender_name, h=row.hal
        )
    letter = session.exec(select(Letter).where(Letter.id == letter_id)).first()
    if letter is None or letter.deleted_at is not None:
        return None
    if letter.sifat != "Biasa" and user.id not in drafting.participants(session, letter):
        return None
    return _("Surat keluar {n}: {h}").format(n=letter.number or _("(konsep)"), h=letter.hal)


def reference_text(letter: IncomingLetter) -> str:
    """The opening that refers to the letter being answered."""
    when = format_date_id(letter.sender_date) if letter.sender_date else "-"
    return _(
        "Menindaklanjuti surat {s} Nomor {n} tanggal {d} hal {h}, dengan ini kami sampaikan "
        "hal-hal sebagai berikut."
    ).format(s=letter.sender_name, n=letter.sender_number, d=when, h=letter.hal)


def start_reply(
    store: Store, user: CurrentUser, incoming_id: str, letter_type: str = "surat_dinas"
) -> Letter:
    """ "Balas": a draft addressed to the sender, with the classification (unless it is an
    obsolete 78/2012 code, which outgoing letters may not carry) and the reference filled in,
    linked to the incoming letter in its thread, in one transaction."""
    with store.read() as session:
        letter = _load(session, user, incoming_id)
        sender = session.get(Sender, letter.sender_id) if letter.sender_id else None
        code = session.get(Classification, letter.classification_code)
    usable_code = code.code if code is not None and not code.obsolete else None

    def prefill(data: DraftInput) -> None:
        data.addressees = [AddresseeInput(letter.sender_name, sender.place if sender else "")]
        data.hal = letter.hal
        data.sifat = letter.sifat
        if usable_code:
            data.classification_code = usable_code
        data.body_html = f"<p>{_escape(reference_text(letter))}</p>" + data.body_html

    def link(session: Session, draft: Letter) -> None:
        _link(session, user, INCOMING, incoming_id, OUTGOING, draft.id, "balasan")

    return drafting.new_draft(store, user, letter_type, prefill=prefill, then=link)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
