"""Filing (pemberkasan): files (berkas) by classification code and year, letters filed in them
when done, and a file's index (daftar isi berkas) printed as PDF.

A letter is done when it is signed (outgoing) or registered (incoming); the archivist (the
agendaris, or the administrator) files it. ``suggest`` names the files of the letter's code and
year, and the new file to create when there is none. An incoming letter that is filed shows as
"Diarsipkan". Every change is a synced record (``berkas``, ``berkas_item``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from html import escape

from sqlmodel import Session, col, select

from desktop.i18n import _
from desktop.letters import journal
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import participants
from desktop.letters.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from desktop.letters.incoming import may_see
from desktop.render.dates import format_date_id
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.filing_models import Berkas, BerkasItem
from desktop.store.incoming_models import IncomingLetter
from desktop.store.models import Classification, Letter, Office
from sync.protocol import Entity, LetterStatus

INCOMING, OUTGOING = "masuk", "keluar"
STATES = ("aktif", "inaktif", "selesai")
MAX_TITLE = 300


def state_label(state: str) -> str:
    return {
        "aktif": _("Aktif"),
        "inaktif": _("Inaktif (dipindahkan)"),
        "selesai": _("Selesai"),
    }.get(state, state)


def require_archivist(user: CurrentUser) -> None:
    """Filing is the agendaris' work (or the administrator's)."""
    if not (user.has(Role.REGISTRAR) or user.has(Role.ADMIN)):
        raise PermissionDenied(
            _("Pemberkasan hanya dapat dilakukan oleh agendaris atau administrator.")
        )


class NotFinished(ServiceError):
    """The letter is not done yet (an outgoing letter not signed): it cannot be filed."""


@dataclass
class BerkasInput:
    classification_code: str
    year: int
    title: str = ""  # empty: the classification's title
    note: str = ""


@dataclass
class BerkasRow:
    """One file as the lists show it."""

    berkas: Berkas
    classification_title: str
    items: int
    first_date: date | None
    last_date: date | None


@dataclass
class Suggestion:
    """Where a letter would be filed: its code and year, the files of that code and year (open
    ones first), and the title a new file would get."""

    kind: str
    letter_id: str
    classification_code: str
    year: int
    label: str  # "400.10.2/12/2026 - Undangan rapat" for the dialog
    candidates: list[Berkas]
    new_title: str


@dataclass
class UnfiledLetter:
    kind: str
    letter_id: str
    number: str
    letter_date: date
    hal: str
    correspondent: str
    classification_code: str


# -- files ------------------------------------------------------------------------------------


def _classification(session: Session, code: str) -> Classification | None:
    return session.get(Classification, code) if code else None


def validate_berkas(session: Session, data: BerkasInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    code = data.classification_code.strip()
    if not code:
        errors["classification_code"] = _("Kode klasifikasi berkas wajib diisi.")
    elif _classification(session, code) is None:
        errors["classification_code"] = _(
            "Kode klasifikasi {code} tidak ada dalam daftar klasifikasi."
        ).format(code=code)
    this_year = clock.today().year
    if not 1945 <= data.year <= this_year + 1:
        errors["year"] = _("Tahun berkas harus antara 1945 dan {y}.").format(y=this_year + 1)
    if len(data.title.strip()) > MAX_TITLE:
        errors["title"] = _("Judul berkas paling banyak {n} huruf.").format(n=MAX_TITLE)
    return errors


def _new_berkas(session: Session, user: CurrentUser, data: BerkasInput) -> Berkas:
    errors = validate_berkas(session, data)
    if errors:
        raise ValidationError(errors)
    code = data.classification_code.strip()
    title = data.title.strip()
    if not title:
        row = _classification(session, code)
        title = row.title if row is not None else code
    berkas = Berkas(
        classification_code=code, year=data.year, title=title[:MAX_TITLE],
        note=data.note.strip(), created_by=user.id,
    )  # fmt: skip
    journal.record(
        session, user.id, "berkas.create", Entity.BERKAS, berkas,
        detail={"code": code, "year": data.year},
    )  # fmt: skip
    return berkas


def create_berkas(store: Store, user: CurrentUser, data: BerkasInput) -> Berkas:
    """Open a new file (archivist)."""
    require_archivist(user)
    with store.write() as session:
        return _new_berkas(session, user, data)


def get_berkas(store: Store, berkas_id: str) -> Berkas:
    with store.read() as session:
        return _load_berkas(session, berkas_id)


def _load_berkas(session: Session, berkas_id: str) -> Berkas:
    berkas = session.get(Berkas, berkas_id)
    if berkas is None or berkas.deleted_at is not None:
        raise NotFound(_("Berkas"))
    return berkas


def list_berkas(
    store: Store, *, year: int | None = None, code: str = "", states: tuple[str, ...] = ()
) -> list[BerkasRow]:
    """Files (newest year first, then by code), with their item counts and date span."""
    with store.read() as session:
        q = select(Berkas).where(col(Berkas.deleted_at).is_(None))
        if year is not None:
            q = q.where(Berkas.year == year)
        if code:
            q = q.where(col(Berkas.classification_code).startswith(code))
        if states:
            q = q.where(col(Berkas.state).in_(states))
        files = list(session.exec(q).all())
        return _rows(session, files)


def _rows(session: Session, files: list[Berkas]) -> list[BerkasRow]:
    if not files:
        return []
    ids = [b.id for b in files]
    spans: dict[str, list[date]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        q = select(col(BerkasItem.berkas_id), col(BerkasItem.letter_date)).where(
            col(BerkasItem.berkas_id).in_(chunk), col(BerkasItem.deleted_at).is_(None)
        )
        for berkas_id, day in session.exec(q).all():
            spans.setdefault(berkas_id, []).append(day)
    codes = {b.classification_code for b in files}
    titles = {
        c.code: c.title
        for c in session.exec(select(Classification).where(col(Classification.code).in_(codes)))
    }
    rows = []
    for b in files:
        days = spans.get(b.id, [])
        rows.append(
            BerkasRow(
                berkas=b,
                classification_title=titles.get(b.classification_code, ""),
                items=len(days),
                first_date=min(days) if days else None,
                last_date=max(days) if days else None,
            )
        )
    rows.sort(
        key=lambda r: (-r.berkas.year, _natural(r.berkas.classification_code), r.berkas.title)
    )
    return rows


def _natural(code: str) -> list[int]:
    return [int(p) for p in code.split(".") if p.isdigit()]


def items(store: Store, berkas_id: str) -> list[BerkasItem]:
    """The letters filed in a file, oldest first (the order of its index)."""
    with store.read() as session:
        _load_berkas(session, berkas_id)
        return _items(session, berkas_id)


def _items(session: Session, berkas_id: str) -> list[BerkasItem]:
    q = select(BerkasItem).where(
        BerkasItem.berkas_id == berkas_id, col(BerkasItem.deleted_at).is_(None)
    )
    return sorted(session.exec(q).all(), key=lambda i: (i.letter_date, i.filed_at, i.id))


# -- the letters ------------------------------------------------------------------------------


@dataclass
class _LetterFacts:
    code: str
    day: date
    number: str
    hal: str
    correspondent: str


def _addressees(letter: Letter) -> str:
    try:
        names = [str(a.get("name", "")) for a in json.loads(letter.addressees_json or "[]")]
    except (ValueError, AttributeError):
        names = []
    return "; ".join(n for n in names if n) or letter.addressees_text


def _facts(session: Session, user: CurrentUser, kind: str, letter_id: str) -> _LetterFacts:
    """What the index shows of a letter, checked: the letter exists, the user may see it, and
    it is done (an outgoing letter is signed)."""
    if kind == INCOMING:
        inc = session.exec(select(IncomingLetter).where(IncomingLetter.id == letter_id)).first()
        if inc is None or inc.deleted_at is not None:
            raise NotFound(_("Surat masuk"))
        if not may_see(session, user, inc):
            raise PermissionDenied(
                _("Surat bersifat {s}: hanya untuk pihak terkait.").format(s=inc.sifat)
            )
        if inc.state == "dibatalkan":
            raise ServiceError(
                _("Nomor agenda surat ini sudah dibatalkan: surat ini tidak diberkaskan.")
            )
        return _LetterFacts(
            inc.classification_code, inc.sender_date or inc.received_date,
            inc.sender_number or inc.agenda_number, inc.hal, inc.sender_name,
        )  # fmt: skip
    if kind == OUTGOING:
        out = session.exec(select(Letter).where(Letter.id == letter_id)).first()
        if out is None or out.deleted_at is not None:
            raise NotFound(_("Naskah"))
        if out.sifat != "Biasa" and user.id not in participants(session, out):
            raise PermissionDenied(
                _("Naskah bersifat {s}: hanya untuk pihak terkait.").format(s=out.sifat)
            )
        if out.status != LetterStatus.SIGNED.value or out.letter_date is None:
            raise NotFinished(
                _(
                    "Surat ini belum selesai. Hanya surat keluar yang sudah ditandatangani dan "
                    "bernomor yang dapat diberkaskan."
                )
            )
        return _LetterFacts(
            out.classification_code, out.letter_date, out.number, out.hal, _addressees(out)
        )
    raise ValidationError({"kind": _("Jenis surat tidak dikenal: {k}.").format(k=kind)})


def berkas_label(berkas: Berkas) -> str:
    """A file as a letter's details name it: "Undangan rapat (000.1.4, 2026)", and its state
    when it is no longer active."""
    text = f"{berkas.title} ({berkas.classification_code}, {berkas.year})"
    if berkas.state != "aktif":
        text += f" [{state_label(berkas.state)}]"
    return text


def filed_in(store: Store, kind: str, letter_id: str) -> Berkas | None:
    """The file a letter is filed in, or None."""
    with store.read() as session:
        return _filed_in(session, kind, letter_id)


def _filed_in(session: Session, kind: str, letter_id: str) -> Berkas | None:
    q = select(Berkas).join(BerkasItem, col(BerkasItem.berkas_id) == col(Berkas.id)).where(
        BerkasItem.letter_kind == kind, BerkasItem.letter_id == letter_id,
        col(BerkasItem.deleted_at).is_(None), col(Berkas.deleted_at).is_(None),
    )  # fmt: skip
    return session.exec(q).first()


def suggest(store: Store, user: CurrentUser, kind: str, letter_id: str) -> Suggestion:
    """The files a letter belongs in: same code and year, open files first. Refused
    (``ServiceError``) for a letter not done or already filed, and for anyone but the
    archivist."""
    require_archivist(user)
    with store.read() as session:
        facts = _facts(session, user, kind, letter_id)
        already = _filed_in(session, kind, letter_id)
        if already is not None:
            raise ServiceError(
                _("Surat ini sudah diberkaskan dalam berkas {b}.").format(b=berkas_label(already))
            )
        q = select(Berkas).where(
            Berkas.classification_code == facts.code, Berkas.year == facts.day.year,
            col(Berkas.deleted_at).is_(None),
        )  # fmt: skip
        candidates = sorted(
            session.exec(q).all(), key=lambda b: (b.state != "aktif", b.title, b.created_at)
        )
        row = _classification(session, facts.code)
        new_title = row.title if row is not None else ""
    label = " - ".join(t for t in (facts.number, facts.hal) if t)
    return Suggestion(kind, letter_id, facts.code, facts.day.year, label, candidates, new_title)


def file_letter(
    store: Store,
    user: CurrentUser,
    kind: str,
    letter_id: str,
    *,
    berkas_id: str | None = None,
    new_berkas: BerkasInput | None = None,
) -> BerkasItem:
    """File a letter in an existing file (``berkas_id``) or in a new one (``new_berkas``),
    in one transaction. A letter is filed once; its code must be the file's (a letter without
    a code takes the file's)."""
    require_archivist(user)
    if (berkas_id is None) == (new_berkas is None):
        raise ValidationError({"berkas": _("Pilih satu berkas, atau buat berkas baru.")})
    with store.write() as session:
        facts = _facts(session, user, kind, letter_id)
        already = _filed_in(session, kind, letter_id)
        if already is not None:
            raise ServiceError(
                _('Surat ini sudah diberkaskan dalam berkas "{t}" ({c}, {y}).').format(
                    t=already.title, c=already.classification_code, y=already.year
                )
            )
        if new_berkas is not None:
            berkas = _new_berkas(session, user, new_berkas)
        else:
            assert berkas_id is not None
            berkas = _load_berkas(session, berkas_id)
        if berkas.state != "aktif":
            raise ServiceError(
                _('Berkas "{t}" sudah {s}: surat baru tidak dapat ditambahkan.').format(
                    t=berkas.title, s=state_label(berkas.state).lower()
                )
            )
        if facts.code and facts.code != berkas.classification_code:
            raise ValidationError(
                {
                    "berkas": _(
                        "Kode klasifikasi surat ({a}) berbeda dengan kode berkas ({b}). "
                        "Pilih berkas dengan kode {a}, atau buat berkas baru."
                    ).format(a=facts.code, b=berkas.classification_code)
                }
            )
        item = BerkasItem(
            berkas_id=berkas.id, letter_kind=kind, letter_id=letter_id, letter_date=facts.day,
            letter_number=facts.number, hal=facts.hal[:MAX_TITLE],
            correspondent=facts.correspondent[:MAX_TITLE], filed_by=user.id,
        )  # fmt: skip
        journal.record(
            session, user.id, "berkas.file", Entity.BERKAS_ITEM, item,
            detail={"berkas": berkas.id, "kind": kind, "letter": letter_id},
        )  # fmt: skip
        if kind == INCOMING:
            inc = session.exec(select(IncomingLetter).where(IncomingLetter.id == letter_id)).one()
            if inc.state != "diarsipkan":
                inc.state = "diarsipkan"
                inc.updated_at = clock.now()
                journal.record(session, user.id, "incoming.file", Entity.INCOMING_LETTER, inc)
        return item


def unfile(store: Store, user: CurrentUser, item_id: str) -> None:
    """Take a letter out of its file (a wrong filing); the file must still be active."""
    require_archivist(user)
    with store.write() as session:
        item = session.get(BerkasItem, item_id)
        if item is None or item.deleted_at is not None:
            raise NotFound(_("Isi berkas"))
        berkas = _load_berkas(session, item.berkas_id)
        if berkas.state != "aktif":
            raise ServiceError(_("Berkas yang sudah dipindahkan tidak dapat diubah isinya."))
        item.deleted_at = clock.now()
        item.updated_at = clock.now()
        journal.record(session, user.id, "berkas.unfile", Entity.BERKAS_ITEM, item)
        if item.letter_kind == INCOMING:
            inc = session.exec(
                select(IncomingLetter).where(IncomingLetter.id == item.letter_id)
            ).first()
            if inc is not None and inc.state == "diarsipkan":
                from desktop.store.incoming_models import Disposition

                disposed = session.exec(
                    select(Disposition.id).where(Disposition.incoming_id == inc.id).limit(1)
                ).first()
                inc.state = "didisposisi" if disposed else "baru"
                inc.updated_at = clock.now()
                journal.record(session, user.id, "incoming.unfile", Entity.INCOMING_LETTER, inc)


def unfiled_letters(
    store: Store, user: CurrentUser, *, year: int | None = None, limit: int = 500
) -> list[UnfiledLetter]:
    """Done letters not yet filed, newest first: signed outgoing letters and registered
    incoming letters the user may see."""
    from desktop.letters.incoming import visible

    with store.read() as session:
        filed = {
            (k, i)
            for k, i in session.exec(
                select(BerkasItem.letter_kind, BerkasItem.letter_id).where(
                    col(BerkasItem.deleted_at).is_(None)
                )
            ).all()
        }
        out_q = select(Letter).where(
            Letter.status == LetterStatus.SIGNED.value, col(Letter.deleted_at).is_(None)
        )
        in_q = select(IncomingLetter).where(
            col(IncomingLetter.deleted_at).is_(None),
            IncomingLetter.state != "dibatalkan",
            visible(user),
        )
        rows: list[UnfiledLetter] = []
        for out in session.exec(out_q).all():
            if (OUTGOING, out.id) in filed or out.letter_date is None:
                continue
            if out.sifat != "Biasa" and user.id not in participants(session, out):
                continue  # a confidential letter is listed only to the people on it
            if year is not None and out.letter_date.year != year:
                continue
            rows.append(
                UnfiledLetter(
                    OUTGOING,
                    out.id,
                    out.number,
                    out.letter_date,
                    out.hal,
                    _addressees(out),
                    out.classification_code,
                )
            )
        for inc in session.exec(in_q).all():
            if (INCOMING, inc.id) in filed:
                continue
            day = inc.sender_date or inc.received_date
            if year is not None and day.year != year:
                continue
            rows.append(
                UnfiledLetter(
                    INCOMING,
                    inc.id,
                    inc.sender_number or inc.agenda_number,
                    day,
                    inc.hal,
                    inc.sender_name,
                    inc.classification_code,
                )
            )
    rows.sort(key=lambda r: (r.letter_date, r.number), reverse=True)
    return rows[:limit]


# -- the index --------------------------------------------------------------------------------


def _e(text: str) -> str:
    return escape(text) if text else "&nbsp;"


def index_html(store: Store, berkas_id: str) -> str:
    """The file's index (daftar isi berkas) as rich text: the kop line, the file's code, title
    and year, and one row per letter."""
    with store.read() as session:
        berkas = _load_berkas(session, berkas_id)
        entries = _items(session, berkas_id)
        office = session.exec(select(Office)).first()
        row = _classification(session, berkas.classification_code)
    kabupaten = office.kabupaten.upper() if office else ""
    kecamatan = office.kecamatan.upper() if office else ""
    cell = 'style="border: 1px solid #000; padding: 3px;"'
    head = "".join(
        f"<th {cell}>{h}</th>"
        for h in ("No.", "Tanggal", "Nomor Surat", "Hal", "Dari/Kepada", "Jenis")
    )
    body = (
        "".join(
            f"<tr><td {cell} align='center'>{n}</td>"
            f"<td {cell}>{_e(format_date_id(i.letter_date))}</td>"
            f"<td {cell}>{_e(i.letter_number)}</td><td {cell}>{_e(i.hal)}</td>"
            f"<td {cell}>{_e(i.correspondent)}</td>"
            f"<td {cell}>{'Masuk' if i.letter_kind == INCOMING else 'Keluar'}</td></tr>"
            for n, i in enumerate(entries, 1)
        )
        or f"<tr><td {cell} colspan='6' align='center'>(berkas kosong)</td></tr>"
    )
    span = ""
    if entries:
        first, last = entries[0].letter_date, entries[-1].letter_date
        span = f"{format_date_id(first)} s.d. {format_date_id(last)}"
    klas = f"{berkas.classification_code} {row.title if row else ''}".strip()
    return f"""
<html><body style="font-size:10pt;">
<p align="center" style="margin:0;">PEMERINTAH KABUPATEN {_e(kabupaten)}</p>
<p align="center" style="margin:0;"><b>KECAMATAN {_e(kecamatan)}</b></p>
<hr/>
<p align="center" style="margin:4px; font-size:12pt;"><b>DAFTAR ISI BERKAS</b></p>
<table cellspacing="0" cellpadding="2">
<tr><td>Kode klasifikasi</td><td>: {_e(klas)}</td></tr>
<tr><td>Judul berkas</td><td>: {_e(berkas.title)}</td></tr>
<tr><td>Tahun</td><td>: {berkas.year}</td></tr>
<tr><td>Kurun waktu</td><td>: {_e(span)}</td></tr>
<tr><td>Jumlah</td><td>: {len(entries)} surat</td></tr>
</table>
<table width="100%" cellspacing="0" cellpadding="2"
 style="border-collapse:collapse; margin-top:6px;">
<tr>{head}</tr>{body}</table>
</body></html>"""


def index_pdf(store: Store, berkas_id: str) -> bytes:
    """The file's index as PDF bytes (A4 portrait)."""
    from desktop.render.html_pdf import a4, html_pdf

    return html_pdf(
        index_html(store, berkas_id), "Daftar Isi Berkas", a4(), (20, 15, 15, 15), base_font=True
    )
