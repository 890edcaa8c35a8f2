"""Official numbers: formatting from the office's pattern, issuing from a yearly series, voiding.

A number is issued inside the signing transaction, from a per-(series, year) counter that only
ever moves forward (a standalone PC) or from the blocks the server leased to this device (an
enrolled PC); a (series, year, seq) triple is unique in the table, so a number can never be
issued twice. An unused number is voided with a reason and stays in the register.
"""

from __future__ import annotations

import re
import string
from datetime import date

from sqlmodel import Session, col, select

from desktop.i18n import N_, _
from desktop.letters import journal
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop.letters.templates import letter_types
from desktop.render.dates import roman_month
from desktop.store import clock, sync_models
from desktop.store.db import Store
from desktop.store.models import IssuedNumber, Letter, NumberCounter, Office
from sync.protocol import Entity, LetterStatus

TOKENS = {
    "kode": N_("kode klasifikasi"),
    "urut": N_("nomor urut"),
    "unit": N_("kode unit"),
    "tahun": N_("tahun"),
    "bulan": N_("bulan (angka)"),
    "bulan_romawi": N_("bulan (angka Romawi)"),
}
OUTGOING = "keluar"
INCOMING = "masuk"  # the yearly series of agenda numbers of incoming letters


def token_labels() -> dict[str, str]:
    """Each pattern token's meaning, in the UI language."""
    return {name: _(TOKENS[name]) for name in TOKENS}


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot make numbers, or None."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError:
        return _("Pola nomor tidak valid (kurung kurawal tidak seimbang).")
    unknown = [n for n in names if n not in TOKENS]
    if unknown:
        return _("Token tidak dikenal dalam pola nomor: {t}.").format(t=", ".join(unknown))
    if "urut" not in names:
        return _("Pola nomor harus memuat {urut}.")
    return None


def format_number(pattern: str, *, kode: str, seq: int, padding: int, unit: str, on: date) -> str:
    text = pattern.format(
        kode=kode,
        urut=str(seq).zfill(padding),
        unit=unit,
        tahun=on.year,
        bulan=f"{on.month:02d}",
        bulan_romawi=roman_month(on.month),
    )
    # A missing code must not leave "//" in the number.
    return re.sub(r"/{2,}", "/", text).strip("/")


def series_for(office: Office, letter_type: str) -> str:
    return f"{OUTGOING}/{letter_type}" if office.series_per_type else OUTGOING


def series_wanted(session: Session) -> list[str]:
    """The number series this PC may issue from, so that the server leases each of them before
    the first letter of a type is signed: "keluar", plus "keluar/<type>" for every letter type
    when the office numbers per type, and "masuk" for the agenda numbers of incoming letters.
    (Asked by the sync client for every request.)"""
    wanted = [OUTGOING, INCOMING]
    office = session.exec(select(Office)).first()
    if office is not None and office.series_per_type:
        wanted += [series_for(office, key) for key in sorted(letter_types())]
    return wanted


def series_label(series: str) -> str:
    """A series as a person reads it: "Surat keluar", "Surat keluar (Surat Dinas)",
    "Agenda surat masuk"."""
    if series == INCOMING:
        return _("Agenda surat masuk")
    if series == OUTGOING:
        return _("Surat keluar")
    kind = series.partition("/")[2]
    found = letter_types().get(kind)
    return _("Surat keluar ({jenis})").format(jenis=found.label if found else kind)


class NoNumberLease(ServiceError):
    """An enrolled PC has no number left from the server's leases of a series (none came yet,
    the blocks are used up, or they are void after a restore): the message says which."""

    def __init__(self, series: str = OUTGOING, year: int = 0, *, used_up: int | None = None,
                 void: bool = False) -> None:  # fmt: skip
        self.series, self.year, self.used_up, self.void = series, year, used_up, void
        if void:
            text = _(
                "Blok nomor surat PC ini tidak berlaku lagi karena datanya dipulihkan dari "
                "cadangan. Sambungkan ke jaringan dan sinkronkan dulu, lalu coba lagi."
            )
        elif used_up is not None:
            text = _(
                "Blok nomor PC ini untuk {series} tahun {year} sudah habis terpakai "
                "(nomor terakhir {last}). Sambungkan ke jaringan dan sinkronkan untuk "
                "mendapat blok baru, lalu coba lagi."
            ).format(series=series_label(series), year=year, last=used_up)
        else:
            text = _(
                "Belum ada blok nomor surat dari server untuk PC ini. Sambungkan ke jaringan "
                "dan sinkronkan dulu, lalu tanda tangani lagi."
            )
        super().__init__(text)


def _shortage(
    session: Session, state: sync_models.SyncState, series: str, year: int
) -> NoNumberLease:
    """Why the leases of ``series``/``year`` gave no number."""
    if sync_models.leases_void(state):
        return NoNumberLease(series, year, void=True)
    last = session.exec(
        select(sync_models.NumberLease.end)
        .where(sync_models.NumberLease.series == series, sync_models.NumberLease.year == year)
        .order_by(col(sync_models.NumberLease.end).desc())
        .limit(1)
    ).first()
    return NoNumberLease(series, year, used_up=last)


def _next_local(session: Session, series: str, year: int) -> int:
    """A standalone PC numbers from its own per-series, per-year counter."""
    counter = session.get(NumberCounter, (series, year))
    if counter is None:
        counter = NumberCounter(series=series, year=year, last_seq=0)
    # Never below what the register already holds (e.g. numbers that arrived by sync).
    highest = session.exec(
        select(IssuedNumber.seq)
        .where(IssuedNumber.series == series, IssuedNumber.year == year)
        .order_by(col(IssuedNumber.seq).desc())
        .limit(1)
    ).first()
    counter.last_seq = max(counter.last_seq, highest or 0) + 1
    session.add(counter)
    return counter.last_seq


def take_seq(session: Session, series: str, year: int) -> int:
    """The next sequence number of ``series`` in ``year`` (caller's transaction): from the local
    counter on a standalone PC, from the server's leases on an enrolled one (NoNumberLease when
    none is left or they are void after a restore)."""
    state = sync_models.enrolment(session)
    if state is None:
        return _next_local(session, series, year)
    leased = sync_models.take_leased_number(session, state, series, year)
    if leased is None:
        raise _shortage(session, state, series, year)
    return leased


def issue(
    session: Session, office: Office, actor_id: str, letter: Letter, on: date
) -> IssuedNumber:
    """Take the next number of the letter's series for ``on``'s year (caller's transaction).

    A standalone PC counts locally; an enrolled PC takes it from the number leases the server
    granted (raising NoNumberLease when none is left or the leases are void after a restore).
    """
    series = series_for(office, letter.letter_type)
    seq = take_seq(session, series, on.year)
    text = format_number(
        office.number_pattern,
        kode=letter.classification_code,
        seq=seq,
        padding=office.number_padding,
        unit=office.unit_code,
        on=on,
    )
    number = IssuedNumber(
        series=series, year=on.year, seq=seq, text=text,
        letter_id=letter.id, issued_by=actor_id,
    )  # fmt: skip
    journal.record(
        session,
        actor_id,
        "number.issue",
        Entity.ISSUED_NUMBER,
        number,
        detail={"number": text, "letter": letter.id},
    )
    return number


def void(store: Store, user: CurrentUser, number_id: str, reason: str) -> IssuedNumber:
    """Void an issued number with a reason; its letter (if any) becomes VOIDED.

    Only the signer of the letter or an administrator may void. The number is never reused.
    """
    if not reason.strip():
        raise ValidationError({"reason": _("Alasan pembatalan nomor wajib diisi.")})
    with store.write() as session:
        number = session.get(IssuedNumber, number_id)
        if number is None:
            raise NotFound(_("Nomor"))
        if number.voided_at is not None:
            raise ValidationError({"reason": _("Nomor ini sudah dibatalkan.")})
        letter = (
            session.exec(select(Letter).where(Letter.id == number.letter_id)).first()
            if number.letter_id
            else None
        )
        allowed = user.has(Role.ADMIN) or (letter is not None and letter.signer_id == user.id)
        if not allowed:
            raise PermissionDenied()
        number.voided_at = clock.now()
        number.void_reason = reason.strip()
        number.voided_by = user.id
        journal.record(
            session,
            user.id,
            "number.void",
            Entity.ISSUED_NUMBER,
            number,
            detail={"number": number.text, "reason": number.void_reason},
        )
        if letter is not None:
            letter.status = LetterStatus.VOIDED.value
            letter.holder_id = None
            letter.updated_at = clock.now()
            journal.record(
                session,
                user.id,
                "letter.void",
                Entity.LETTER,
                letter,
                detail={"number": number.text, "reason": number.void_reason},
            )
        return number


def register(store: Store, year: int, series: str = OUTGOING) -> list[IssuedNumber]:
    with store.read() as session:
        return list(
            session.exec(
                select(IssuedNumber)
                .where(IssuedNumber.series == series, IssuedNumber.year == year)
                .order_by(col(IssuedNumber.seq))
            ).all()
        )
