"""Registers and reports: the agenda books (buku agenda surat masuk / keluar) and the dashboard.

An agenda book lists every letter of a register over a period, in register order, so that the
office can print it in place of its paper book or hand it over as a spreadsheet. Rows are
streamed from SQL as plain tuples (never ORM objects) straight into the writer, so a year of
20,000 letters costs what a page costs.

Every letter of the period is listed, whatever its sifat: the book must show the number series
whole. A letter whose sifat keeps it from the person exporting keeps its row and numbers, but its
hal is replaced by "[sifat]".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, and_, case, cast, func, literal
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from desktop.i18n import _
from desktop.letters import incoming, queries
from desktop.letters.accounts import CurrentUser
from desktop.letters.disposition import CANCELLED, OPEN_STATES
from desktop.letters.document import letterhead
from desktop.letters.errors import NotFound, ServiceError, ValidationError
from desktop.letters.templates import letter_types
from desktop.render.agenda import AgendaBook, Column, ColumnKind
from desktop.render.dates import format_date_id
from desktop.render.document import PaperSize
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.incoming_models import Disposition, IncomingLetter
from desktop.store.models import Classification, Letter, Office, Person
from sync.protocol import LetterStatus


class Register(StrEnum):
    INCOMING = "masuk"
    OUTGOING = "keluar"


class ExportFormat(StrEnum):
    PDF = "pdf"
    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True)
class Period:
    date_from: date
    date_to: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def check(self) -> None:
        """Raises ValidationError for a period that ends before it begins."""
        if self.date_to < self.date_from:
            raise ValidationError(
                {"date_to": _("Tanggal akhir periode tidak boleh sebelum tanggal awalnya.")}
            )

    def text(self) -> str:
        if self == Period.year(self.date_from.year):
            return _("Tahun {year}").format(year=self.date_from.year)
        return _("{start} s.d. {end}").format(
            start=format_date_id(self.date_from), end=format_date_id(self.date_to)
        )


# Streaming: SQLite hands rows over as they are stepped; this many are held at a time.
BATCH = 1000
OUTGOING_STATUSES = (LetterStatus.SIGNED.value, LetterStatus.VOIDED.value)


def _masked(hal: Any, sifat: Any, visible: Any) -> Any:
    return case((visible, hal), else_=literal("[") + sifat + literal("]"))


def _incoming_rows(session: Any, user: CurrentUser, period: Period) -> Iterator[tuple[Any, ...]]:
    first = aliased(Disposition)
    disposed_to = (
        select(func.group_concat(first.to_jabatan, "; "))
        .where(
            first.incoming_id == IncomingLetter.id,
            col(first.parent_id).is_(None),
            first.state != CANCELLED,
            col(first.deleted_at).is_(None),
        )
        .correlate(IncomingLetter)
        .scalar_subquery()
    )
    q: Any = (
        select(  # type: ignore[call-overload]
            IncomingLetter.agenda_number,
            IncomingLetter.received_date,
            IncomingLetter.sender_name,
            IncomingLetter.sender_number,
            IncomingLetter.sender_date,
            _masked(IncomingLetter.hal, IncomingLetter.sifat, incoming.visible(user)),
            IncomingLetter.sifat,
            IncomingLetter.classification_code,
            func.coalesce(disposed_to, ""),
            IncomingLetter.channel,
        )
        .where(
            col(IncomingLetter.deleted_at).is_(None),
            col(IncomingLetter.received_date) >= period.date_from,
            col(IncomingLetter.received_date) <= period.date_to,
        )
        .order_by(
            col(IncomingLetter.received_date),
            cast(IncomingLetter.agenda_number, Integer),
            col(IncomingLetter.agenda_number),
            col(IncomingLetter.seq),
        )
        .execution_options(yield_per=BATCH)
    )
    for i, row in enumerate(session.execute(q), start=1):
        (agenda, received, sender, number, sent, hal, sifat, code, to, channel) = row
        note = _("Elektronik") if channel == "elektronik" else ""
        yield (i, agenda, received, sender, number, sent, hal, sifat, code, to, note)


def _outgoing_rows(session: Any, user: CurrentUser, period: Period) -> Iterator[tuple[Any, ...]]:
    signer = aliased(Person)
    q: Any = (
        select(  # type: ignore[call-overload]
            Letter.number,
            Letter.letter_date,
            Letter.letter_type,
            Letter.addressees_text,
            _masked(Letter.hal, Letter.sifat, queries.visible(user)),
            Letter.sifat,
            Letter.classification_code,
            func.coalesce(signer.name, ""),
            Letter.signer_capacity,
            Letter.status,
            Letter.import_batch_id,
        )
        .select_from(Letter)
        .outerjoin(signer, signer.id == Letter.signer_id)
        .where(
            col(Letter.deleted_at).is_(None),
            col(Letter.status).in_(OUTGOING_STATUSES),
            col(Letter.letter_date) >= period.date_from,
            col(Letter.letter_date) <= period.date_to,
        )
        .order_by(col(Letter.letter_date), col(Letter.signed_at), col(Letter.seq))
        .execution_options(yield_per=BATCH)
    )
    kinds = {key: kind.label for key, kind in letter_types().items()}
    voided, imported = _("Dibatalkan"), _("Diimpor")
    for i, row in enumerate(session.execute(q), start=1):
        (number, day, kind, to, hal, sifat, code, signer_name, capacity, status, batch) = row
        signed_by = f"{capacity} {signer_name}".strip() if capacity else signer_name
        note = voided if status == LetterStatus.VOIDED.value else imported if batch else ""
        yield (i, number, day, kinds.get(kind, kind), to, hal, sifat, code, signed_by, note)


def _columns(register: Register) -> tuple[Column, ...]:
    text, day = ColumnKind.TEXT, ColumnKind.DATE
    if register is Register.INCOMING:
        spec = [
            (_("No."), 5, ColumnKind.NUMBER),
            (_("No. Agenda"), 9, text),
            (_("Tanggal Terima"), 11, day),
            (_("Asal Surat"), 26, text),
            (_("Nomor Surat"), 22, text),
            (_("Tanggal Surat"), 11, day),
            (_("Perihal"), 40, text),
            (_("Sifat"), 9, text),
            (_("Klasifikasi"), 11, text),
            (_("Diteruskan Kepada"), 22, text),
            (_("Keterangan"), 11, text),
        ]
    else:
        spec = [
            (_("No."), 5, ColumnKind.NUMBER),
            (_("Nomor Surat"), 24, text),
            (_("Tanggal Surat"), 11, day),
            (_("Jenis Naskah"), 14, text),
            (_("Kepada"), 30, text),
            (_("Perihal"), 40, text),
            (_("Sifat"), 9, text),
            (_("Klasifikasi"), 11, text),
            (_("Penandatangan"), 22, text),
            (_("Keterangan"), 11, text),
        ]
    return tuple(Column(title, width, kind) for title, width, kind in spec)


def title(register: Register) -> str:
    if register is Register.INCOMING:
        return _("BUKU AGENDA SURAT MASUK")
    return _("BUKU AGENDA SURAT KELUAR")


@contextmanager
def agenda_book(
    store: Store, user: CurrentUser, register: Register, period: Period
) -> Iterator[AgendaBook]:
    """The agenda book of ``register`` over ``period``, its rows streamed from one read
    transaction that stays open while the caller writes the book out (inside the ``with``).

    Raises ValidationError for a period that ends before it begins, NotFound with no office.
    """
    period.check()
    with store.read() as session:
        office = session.exec(select(Office)).first()
        if office is None:
            raise NotFound(_("Profil kantor"))
        head = letterhead(office, store.blob_dir)
        rows = (_incoming_rows if register is Register.INCOMING else _outgoing_rows)(
            session, user, period
        )
        short = _("Agenda Masuk") if register is Register.INCOMING else _("Agenda Keluar")
        yield AgendaBook(
            letterhead=head,
            title=title(register),
            period=period.text(),
            sheet_name=f"{short} {period.date_from.year}",
            columns=_columns(register),
            rows=rows,
            page_label=_("Halaman {page}"),
            empty_text=_("Tidak ada surat pada periode ini."),
        )


class CannotSave(ServiceError):
    """The book could not be written where the person chose (a full or read-only disk, a
    folder that is gone, a file open in Excel)."""


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int
    pages: int = 0  # PDF only


def default_file_name(register: Register, period: Period, fmt: ExportFormat) -> str:
    kind = "surat-masuk" if register is Register.INCOMING else "surat-keluar"
    if period == Period.year(period.date_from.year):
        span = str(period.date_from.year)
    else:
        span = f"{period.date_from.isoformat()}_{period.date_to.isoformat()}"
    return f"buku-agenda-{kind}-{span}.{fmt.value}"


def export_agenda(
    store: Store,
    user: CurrentUser,
    register: Register,
    period: Period,
    fmt: ExportFormat,
    path: Path,
    paper: PaperSize = PaperSize.F4,
) -> Exported:
    """Write the agenda book to ``path`` (PDF, .xlsx or .csv), through a temporary file renamed
    into place only when complete: a failed export never leaves a half-written book under the
    name asked for, nor replaces an earlier one.

    Raises ValidationError (bad period), NotFound (no office), CannotSave (cannot write there).
    """
    from desktop.render import agenda

    period.check()
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("wb"):
            pass  # the folder can be written (asked before Qt, which only says "false")
        with agenda_book(store, user, register, period) as book:
            pages = 0
            if fmt is ExportFormat.PDF:
                from desktop.render.fonts import ensure_gui_app

                ensure_gui_app()
                rows, pages = agenda.write_pdf(book, tmp, paper)
            elif fmt is ExportFormat.XLSX:
                rows = agenda.write_xlsx(book, tmp)
            else:
                rows = agenda.write_csv(book, tmp)
        tmp.replace(path)
    except OSError as exc:
        reason = exc.strerror or _("berkas tidak dapat ditulis")
        raise CannotSave(
            _("Buku agenda tidak dapat disimpan ke {path}: {reason}").format(
                path=path, reason=reason
            )
        ) from exc
    finally:
        with suppress(OSError):  # the folder is gone: nothing was left there
            tmp.unlink(missing_ok=True)
    return Exported(path, rows, pages)


# --- the dashboard ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    key: str  # the classification code or letter type key
    label: str
    count: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    incoming_month: int  # registered with a received date in this month
    outgoing_month: int  # signed with a letter date in this month
    open_dispositions: int  # office-wide, not yet done or cancelled
    overdue_dispositions: int  # of those, past their due date
    by_classification: tuple[Bar, ...]  # this year, incoming and outgoing, by main code
    by_type: tuple[Bar, ...]  # this year's signed outgoing letters, by letter type


TOP_BARS = 8  # the rest summed as "Lainnya"


def _top(bars: list[Bar], other: str) -> tuple[Bar, ...]:
    bars.sort(key=lambda b: (-b.count, b.key))
    if len(bars) <= TOP_BARS:
        return tuple(bars)
    rest = sum(b.count for b in bars[TOP_BARS - 1 :])
    return (*bars[: TOP_BARS - 1], Bar("", other, rest))


def _main_code(code: Any) -> Any:
    """SQL: the first part of a classification code ("400.10.2.2" -> "400")."""
    return func.substr(code, 1, func.instr(code + literal("."), literal(".")) - 1)


def dashboard(store: Store, today: date | None = None) -> Dashboard:
    """The office's figures at ``today`` (the clock's date by default), in one read."""
    today = today or clock.today()
    month_start = today.replace(day=1)
    next_month = (month_start + timedelta(days=32)).replace(day=1)
    month_end = next_month - timedelta(days=1)
    year_start, year_end = date(today.year, 1, 1), date(today.year, 12, 31)
    live_in = col(IncomingLetter.deleted_at).is_(None)
    signed = and_(col(Letter.deleted_at).is_(None), col(Letter.status) == LetterStatus.SIGNED.value)
    open_ = and_(col(Disposition.state).in_(OPEN_STATES), col(Disposition.deleted_at).is_(None))
    with store.read() as s:
        incoming_month = s.exec(
            select(func.count())
            .select_from(IncomingLetter)
            .where(live_in, col(IncomingLetter.received_date).between(month_start, month_end))
        ).one()
        outgoing_month = s.exec(
            select(func.count())
            .select_from(Letter)
            .where(signed, col(Letter.letter_date).between(month_start, month_end))
        ).one()
        open_count = s.exec(select(func.count()).select_from(Disposition).where(open_)).one()
        overdue = s.exec(
            select(func.count())
            .select_from(Disposition)
            .where(open_, col(Disposition.due_date) < today)
        ).one()
        codes: dict[str, int] = {}
        in_code = _main_code(IncomingLetter.classification_code)
        out_code = _main_code(Letter.classification_code)
        for code, n in s.exec(
            select(in_code, func.count())
            .where(live_in, col(IncomingLetter.received_date).between(year_start, year_end))
            .group_by(in_code)
        ).all():
            codes[code or ""] = codes.get(code or "", 0) + n
        for code, n in s.exec(
            select(out_code, func.count())
            .where(signed, col(Letter.letter_date).between(year_start, year_end))
            .group_by(out_code)
        ).all():
            codes[code or ""] = codes.get(code or "", 0) + n
        titles = dict(
            s.exec(
                select(Classification.code, Classification.title).where(
                    col(Classification.code).in_([c for c in codes if c])
                )
            ).all()
        )
        types = s.exec(
            select(Letter.letter_type, func.count())
            .where(signed, col(Letter.letter_date).between(year_start, year_end))
            .group_by(Letter.letter_type)
        ).all()
    no_code = _("Tanpa klasifikasi")
    by_code = [
        Bar(code, f"{code} {titles.get(code, '')}".strip() if code else no_code, n)
        for code, n in codes.items()
    ]
    kinds = {key: kind.label for key, kind in letter_types().items()}
    by_type = [Bar(key, kinds.get(key, key), n) for key, n in types]
    other = _("Lainnya")
    return Dashboard(
        today=today,
        incoming_month=int(incoming_month),
        outgoing_month=int(outgoing_month),
        open_dispositions=int(open_count),
        overdue_dispositions=int(overdue),
        by_classification=_top(by_code, other),
        by_type=_top(by_type, other),
    )
