"""Importing an agenda book an office kept in a spreadsheet (.xlsx, .xls, .csv) as incoming
letters: reading the sheet (merged cells give their value to every cell they cover), guessing
which column is which, reading dates as Indonesians type them, and importing every readable
row in one transaction as one undoable batch.

Imported letters keep the old book's agenda numbers. They take nothing from the office's
yearly incoming series: no ``issued_number`` row, ``number_id`` None, so sync carries them to
the server and the other PCs as incoming letters like any other without claiming a number of a
lease (the server checks only issued numbers against leases), and the local counter does not
move. Each carries its batch id (``import_batch_id``); ``undo_import`` tombstones exactly the
letters of a batch, and refuses while any of them has been worked on since.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, insert, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop.i18n import N_, _
from desktop.letters import journal
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import SIFAT, URGENCY
from desktop.letters.errors import NotFound, PermissionDenied, ServiceError
from desktop.letters.spreadsheets import Sheet, parse_date, read_sheet
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.ids import uuid7
from desktop.store.incoming_models import Disposition, IncomingLetter, LetterLink, Sender
from desktop.store.models import Classification, Letter, Outbox
from sync.protocol import Entity, Op

PREVIEW_ROWS = 50
HEADER_SEARCH_ROWS = 20  # a title block ("BUKU AGENDA SURAT MASUK ...") may sit above the header

# The fields of an incoming letter a book may hold, in the order the mapping dialog lists them,
# with the headers offices write for them (folded: lower case, "tgl" -> "tanggal", no dots).
FIELDS: dict[str, str] = {
    "agenda_number": N_("No. Agenda"),
    "received_date": N_("Tanggal Terima"),
    "sender_name": N_("Asal Surat"),
    "sender_number": N_("Nomor Surat"),
    "sender_date": N_("Tanggal Surat"),
    "hal": N_("Perihal"),
    "classification_code": N_("Kode Klasifikasi"),
    "sifat": N_("Sifat"),
    "urgency": N_("Urgensi"),
    "note": N_("Keterangan"),
}
REQUIRED = ("agenda_number", "received_date", "sender_name", "hal")
HEADERS: dict[str, tuple[str, ...]] = {
    "agenda_number": ("nomor agenda", "agenda", "nomor urut agenda", "nomor urut", "nomor"),
    "received_date": ("tanggal terima", "tanggal diterima", "diterima tanggal", "tanggal masuk",
                      "terima tanggal", "diterima"),
    "sender_name": ("asal surat", "surat dari", "dari", "pengirim", "asal", "instansi pengirim",
                    "instansi"),
    "sender_number": ("nomor surat", "nomor surat masuk", "nomor naskah"),
    "sender_date": ("tanggal surat", "tanggal naskah"),
    "hal": ("perihal", "hal", "isi ringkas", "ringkasan isi", "ringkasan", "isi surat"),
    "classification_code": ("kode klasifikasi", "klasifikasi", "kode", "indeks"),
    "sifat": ("sifat", "sifat surat"),
    "urgency": ("urgensi", "derajat", "tingkat urgensi", "kecepatan"),
    "note": ("keterangan", "catatan", "ket"),
}  # fmt: skip


def field_label(name: str) -> str:
    return _(FIELDS[name])


# -- the header and the mapping --------------------------------------------------------------


def _fold_header(value: Any) -> str:
    text = str(value or "").lower()
    text = re.sub(r"[.:_/()#\-]", " ", text)
    words = [{"tgl": "tanggal", "no": "nomor", "nmr": "nomor", "ket": "keterangan"}.get(w, w)
             for w in text.split()]  # fmt: skip
    return " ".join(words)


def guess_mapping(
    header: Sequence[Any], headers: dict[str, tuple[str, ...]] | None = None
) -> dict[str, int]:
    """Which column holds which field, from the header's words: an exact known header first,
    then the longest known header a cell contains. Each column serves one field at most.
    ``headers``: the known headers per field (an incoming book's by default)."""
    headers = HEADERS if headers is None else headers
    folded = [_fold_header(h) for h in header]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for name, known in headers.items():
            if name in mapping:
                continue
            best: tuple[int, int] | None = None
            for col_index, cell in enumerate(folded):
                if col_index in used or not cell:
                    continue
                for phrase in known:
                    hit = cell == phrase if exact else _contains(cell, phrase)
                    if hit and (best is None or len(phrase) > best[0]):
                        best = (len(phrase), col_index)
            if best is not None:
                mapping[name] = best[1]
                used.add(best[1])
    return mapping


def _contains(cell: str, phrase: str) -> bool:
    return f" {phrase} " in f" {cell} "


def find_header_row(
    rows: Sequence[Sequence[Any]], headers: dict[str, tuple[str, ...]] | None = None
) -> int:
    """The index of the row that looks most like the header (most fields guessed)."""
    best, best_score = 0, -1
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = len(guess_mapping(row, headers))
        if score > best_score:
            best, best_score = index, score
    return best


# -- reading rows ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    row: int  # the row number as the spreadsheet shows it (1-based)
    reason: str


@dataclass
class BookRow:
    row: int
    agenda_number: str
    received_date: date
    sender_name: str
    sender_number: str
    sender_date: date | None
    hal: str
    classification_code: str
    sifat: str
    urgency: str
    note: str


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d-%m-%Y")
    return " ".join(str(value).split())


R = TypeVar("R")  # what a book's row reader makes of a row (a letter to import)


def row_cells(cells: Sequence[Any], mapping: dict[str, int]) -> Callable[[str], Any] | None:
    """A data row's cell by field name (None for a column that is not mapped or not there), or
    None when every cell of the row is blank (an empty row is skipped, not refused)."""
    if all(cell_text(c) == "" for c in cells):
        return None

    def cell(name: str) -> Any:
        index = mapping.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    return cell


def read_rows(
    rows: Sequence[Sequence[Any]],
    header_row: int,
    read: Callable[[int, Sequence[Any]], R | RowProblem | None],
    limit: int | None = None,
) -> list[R | RowProblem]:
    """``read(number, cells)`` for each row under ``header_row`` (numbered as the spreadsheet
    shows them), empty rows left out; only the first ``limit`` when given (the preview)."""
    found: list[R | RowProblem] = []
    for number, cells in enumerate(rows[header_row + 1 :], start=header_row + 2):
        got = read(number, cells)
        if got is not None:
            found.append(got)
        if limit is not None and len(found) >= limit:
            break
    return found


def require_mapped(missing: Sequence[str], label: Callable[[str], str]) -> None:
    """ServiceError naming the required columns not chosen yet (none: nothing happens)."""
    if missing:
        raise ServiceError(
            _("Kolom wajib belum dipilih: {f}.").format(f=", ".join(label(m) for m in missing))
        )


def nothing_readable(problems: Sequence[RowProblem]) -> NothingToImport:
    """The refusal of a book with no readable row, naming the first problems."""
    return NothingToImport(
        _("Tidak ada baris yang dapat diimpor.")
        + "".join(f"\n{_('Baris {n}').format(n=p.row)}: {p.reason}" for p in problems[:5])
    )


def agenda_key(number: str, year: int) -> tuple[str, int]:
    """How two agenda numbers compare: "007" is "7"."""
    text = number.strip().lower()
    return (str(int(text)) if text.isdigit() else text, year)


def choice_of(text: str, allowed: Sequence[str]) -> str | None:
    for option in allowed:
        if option.lower() == text.lower():
            return option
    return None


def sifat_and_urgency(sifat_text: str, urgency_text: str) -> tuple[str, str] | str:
    """A book's Sifat and Urgensi cells as (sifat, urgency), "Biasa" when empty; or why they
    cannot be read. Books often write the urgency ("Segera") in the Sifat column."""
    sifat, urgency = "Biasa", "Biasa"
    if sifat_text:
        if chosen := choice_of(sifat_text, SIFAT):
            sifat = chosen
        elif chosen := choice_of(sifat_text, URGENCY):
            urgency = chosen
        else:
            return _("Sifat tidak dikenal: {v}.").format(v=sifat_text)
    if urgency_text:
        chosen = choice_of(urgency_text, URGENCY)
        if chosen is None:
            return _("Urgensi tidak dikenal: {v}.").format(v=urgency_text)
        urgency = chosen
    return sifat, urgency


@dataclass
class Checker:
    """What a row is checked against: the known classification codes and the agenda numbers
    already in the register."""

    codes: set[str]
    taken: set[tuple[str, int]]
    today: date = field(default_factory=clock.today)

    @classmethod
    def load(cls, session: Session) -> Checker:
        codes = set(session.exec(select(Classification.code)).all())
        taken = {
            agenda_key(n, y)
            for n, y in session.exec(
                select(IncomingLetter.agenda_number, IncomingLetter.agenda_year).where(
                    col(IncomingLetter.deleted_at).is_(None)
                )
            ).all()
        }
        return cls(codes, taken)


def read_row(
    number: int, cells: Sequence[Any], mapping: dict[str, int], checker: Checker
) -> BookRow | RowProblem | None:
    """One data row as a letter, or the reason it cannot be one; None for an empty row."""
    cell = row_cells(cells, mapping)
    if cell is None:
        return None
    problem = lambda reason: RowProblem(number, reason)  # noqa: E731
    agenda = cell_text(cell("agenda_number"))
    if not agenda:
        return problem(_("Nomor agenda kosong."))
    raw_received = cell("received_date")
    received = parse_date(raw_received)
    if received is None:
        if cell_text(raw_received) == "":
            return problem(_("Tanggal terima kosong."))
        return problem(_("Tanggal terima tidak terbaca: {v}.").format(v=cell_text(raw_received)))
    if received > checker.today:
        return problem(
            _("Tanggal terima di masa depan: {v}.").format(v=received.strftime("%d-%m-%Y"))
        )
    sender = cell_text(cell("sender_name"))
    if not sender:
        return problem(_("Asal surat kosong."))
    hal = cell_text(cell("hal"))
    if not hal:
        return problem(_("Perihal kosong."))
    raw_sent = cell("sender_date")
    sent = parse_date(raw_sent)
    if sent is None and cell_text(raw_sent) not in ("", "-"):
        return problem(_("Tanggal surat tidak terbaca: {v}.").format(v=cell_text(raw_sent)))
    code = cell_text(cell("classification_code"))
    if code in ("-",):
        code = ""
    if code and code not in checker.codes:
        return problem(_("Kode klasifikasi tidak dikenal: {v}.").format(v=code))
    read = sifat_and_urgency(cell_text(cell("sifat")), cell_text(cell("urgency")))
    if isinstance(read, str):
        return problem(read)
    sifat, urgency = read
    key = agenda_key(agenda, received.year)
    if key in checker.taken:
        return problem(
            _("Nomor agenda {a}/{y} sudah ada di register.").format(a=agenda, y=received.year)
        )
    checker.taken.add(key)
    return BookRow(
        number, agenda, received, sender, cell_text(cell("sender_number")) or "-", sent, hal, code,
        sifat, urgency, cell_text(cell("note")),
    )  # fmt: skip


def missing_fields(mapping: dict[str, int]) -> list[str]:
    return [name for name in REQUIRED if name not in mapping]


# -- preview ---------------------------------------------------------------------------------


@dataclass
class Preview:
    sheet: Sheet
    header_row: int  # index into sheet.rows
    headers: list[str]
    mapping: dict[str, int]
    rows: list[BookRow | RowProblem]  # the first data rows, read as the import would


def preview(
    store: Store,
    path: Path,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
    limit: int = PREVIEW_ROWS,
) -> Preview:
    """The first ``limit`` data rows as the import would read them, with the guessed (or
    given) header row and mapping. Reads nothing into the register. Raises
    spreadsheets.UnreadableFile."""
    data = read_sheet(path, sheet, limit=HEADER_SEARCH_ROWS + limit + 1)
    head = find_header_row(data.rows) if header_row is None else header_row
    header = data.rows[head] if head < len(data.rows) else []
    used = guess_mapping(header) if mapping is None else mapping
    with store.read() as session:
        checker = Checker.load(session)
    rows = read_rows(data.rows, head, lambda n, cells: read_row(n, cells, used, checker), limit)
    return Preview(data, head, [cell_text(h) for h in header], used, rows)


# -- importing -------------------------------------------------------------------------------


@dataclass
class ImportReport:
    batch_id: str
    imported: int
    problems: list[RowProblem]
    years: list[int]  # the years of the imported letters


class NothingToImport(ServiceError):
    pass


def require_importer(user: CurrentUser) -> None:
    if not (user.has(Role.REGISTRAR) or user.has(Role.ADMIN)):
        raise PermissionDenied(_("Impor buku agenda memerlukan peran Agendaris."))


def import_book(
    store: Store,
    user: CurrentUser,
    path: Path,
    mapping: dict[str, int],
    *,
    sheet: str | None = None,
    header_row: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import every readable data row under ``header_row`` as an incoming letter, all in one
    transaction (all of them or none), as one batch that ``undo_import`` can remove.

    Rows that cannot be read are left out and listed in the report with the reason. Senders
    are found by name or alias in the directory, or added to it. Raises spreadsheets.UnreadableFile,
    ServiceError when a required column is not mapped, NothingToImport when no row is
    readable (the report's problems are in its message), PermissionDenied.
    """
    require_importer(user)
    require_mapped(missing_fields(mapping), field_label)
    data = read_sheet(path, sheet)
    batch_id = uuid7()
    with store.write() as session:
        checker = Checker.load(session)
        read = read_rows(data.rows, header_row, lambda n, c: read_row(n, c, mapping, checker))
        rows = [r for r in read if isinstance(r, BookRow)]
        problems = [r for r in read if isinstance(r, RowProblem)]
        if not rows:
            raise nothing_readable(problems)
        senders = _SenderDirectory(session, user)
        # Written in bulk (one INSERT for the letters, one for their outbox rows): a book of
        # 10,000 rows must import in seconds on an office PC. The import is one action with
        # one audit entry; each letter still gets its own outbox mutation so that it syncs.
        now = clock.now()
        template = IncomingLetter(
            received_date=now.date(), registered_by=user.id, import_batch_id=batch_id,
            created_at=now, updated_at=now,
        )  # fmt: skip
        base = template.model_dump()
        base_payload = journal.payload(template)
        letters: list[dict[str, Any]] = []
        outbox: list[dict[str, Any]] = []
        for done, row in enumerate(rows, start=1):
            sender = senders.get(row.sender_name)
            letter_id = uuid7()
            values: dict[str, Any] = {
                "id": letter_id,
                "agenda_number": row.agenda_number,
                "agenda_year": row.received_date.year,
                "sender_id": sender.id,
                "sender_name": row.sender_name,
                "sender_number": row.sender_number,
                "sender_date": row.sender_date,
                "received_date": row.received_date,
                "hal": row.hal,
                "sifat": row.sifat,
                "urgency": row.urgency,
                "classification_code": row.classification_code,
                "note": row.note,
            }
            letters.append({**base, **values, "seq": None})
            record = base_payload | {
                k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()
            }
            outbox.append(outbox_row(Entity.INCOMING_LETTER, letter_id, Op.UPSERT, 0, record, now))
            if progress is not None and done % 500 == 0:
                progress(done, len(rows))
        session.flush()  # the new senders, before the letters that name them
        session.execute(insert(IncomingLetter), letters)
        session.execute(insert(Outbox), outbox)
        journal.audit_only(
            session, user.id, "incoming.import_book", Entity.INCOMING_LETTER, batch_id,
            {"file": path.name, "imported": len(rows), "refused": len(problems),
             "agenda": [f"{r.agenda_number}/{r.received_date.year}" for r in rows]},
        )  # fmt: skip
    years = sorted({r.received_date.year for r in rows})
    return ImportReport(batch_id, len(rows), problems, years)


def outbox_row(
    entity: Entity, entity_id: str, op: Op, base_version: int, record: dict[str, Any],
    now: datetime,
) -> dict[str, Any]:  # fmt: skip
    """An outbox mutation as ``journal.record`` writes it, for a bulk INSERT."""
    return {
        "seq": None, "mutation_id": uuid7(), "entity": entity.value, "entity_id": entity_id,
        "op": op.value, "base_version": base_version,
        "payload_json": json.dumps(record, ensure_ascii=False), "created_at": now,
    }  # fmt: skip


class _SenderDirectory:
    """The sender directory by folded name and alias, loaded once for a whole import."""

    def __init__(self, session: Session, user: CurrentUser) -> None:
        self.session, self.user = session, user
        self.by_name: dict[str, Sender] = {}
        for sender in session.exec(select(Sender).where(col(Sender.deleted_at).is_(None))).all():
            for name in sender.search_text.split(" | "):
                self.by_name.setdefault(name, sender)

    def get(self, name: str) -> Sender:
        folded = " ".join(name.lower().split())
        sender = self.by_name.get(folded)
        if sender is None:
            sender = Sender(name=" ".join(name.split()), search_text=folded)
            journal.record(self.session, self.user.id, "sender.create", Entity.SENDER, sender)
            self.by_name[folded] = sender
        return sender


# -- batches and undo ------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportBatch:
    id: str
    imported_at: datetime
    letters: int
    first_year: int
    last_year: int
    kind: str = "masuk"  # "masuk": an incoming agenda book; "keluar": an outgoing one


def batches(store: Store) -> list[ImportBatch]:
    """The imports whose letters are still in the register, newest first."""
    return batches_of(store, IncomingLetter, IncomingLetter.agenda_year, "masuk", int)


def batches_of(
    store: Store, model: Any, year_column: Any, kind: str, year: Callable[[Any], int]
) -> list[ImportBatch]:
    """The import batches of ``model`` (a table of letters with ``import_batch_id``) whose
    letters are still in the register, newest first; ``year`` reads ``year_column``'s least and
    greatest values as each batch's first and last year."""
    with store.read() as session:
        # SQLAlchemy's own select: sqlmodel's is typed for at most four columns.
        rows: Sequence[Any] = session.execute(
            sa_select(
                col(model.import_batch_id),
                func.min(model.created_at),
                func.count(),
                func.min(year_column),
                func.max(year_column),
            )
            .where(col(model.import_batch_id).is_not(None), col(model.deleted_at).is_(None))
            .group_by(col(model.import_batch_id))
        ).all()
    found = [ImportBatch(str(b), at, n, year(lo), year(hi), kind) for b, at, n, lo, hi in rows]
    return sorted(found, key=lambda b: b.imported_at, reverse=True)


class ImportWorkedOn(ServiceError):
    """Some letters of the batch were changed after the import: undoing would lose work.
    ``numbers`` are their agenda numbers (or, for an outgoing book, their letter numbers)."""

    def __init__(self, numbers: list[str], count: int, *, outgoing: bool = False) -> None:
        message = (
            _(
                "Impor tidak dapat dibatalkan: {n} surat dari impor ini sudah diubah atau "
                "ditindaklanjuti sesudahnya (nomor {a}). Batalkan perubahan itu dulu, atau "
                "hapus surat satu per satu."
            )
            if outgoing
            else _(
                "Impor tidak dapat dibatalkan: {n} surat dari impor ini sudah diubah atau "
                "ditindaklanjuti sesudahnya (agenda {a}). Batalkan perubahan itu dulu, atau "
                "hapus surat satu per satu."
            )
        )
        super().__init__(message.format(n=count, a=", ".join(numbers)))
        self.count = count


def undo_import(store: Store, user: CurrentUser, batch_id: str) -> int:
    """ "Batalkan impor": remove exactly the letters of one import (tombstones that sync), in
    one transaction; returns how many. Refuses (ImportWorkedOn) when any of them has been
    edited, disposed, linked into a thread or filed since; then nothing is removed."""
    require_importer(user)
    with store.write() as session:
        letters = session.exec(
            select(IncomingLetter).where(
                IncomingLetter.import_batch_id == batch_id,
                col(IncomingLetter.deleted_at).is_(None),
            )
        ).all()
        if not letters:
            raise NotFound(_("Impor"))
        ids = [letter.id for letter in letters]
        touched = {
            letter.id
            for letter in letters
            if letter.updated_at != letter.created_at or letter.state != "baru"
        }
        for chunk in chunks(ids):
            touched |= set(
                session.exec(
                    select(Disposition.incoming_id).where(col(Disposition.incoming_id).in_(chunk))
                ).all()
            )
        touched |= linked_in_threads(session, ids)
        if touched:
            shown = sorted(f"{x.agenda_number}/{x.agenda_year}" for x in letters if x.id in touched)
            raise ImportWorkedOn(shown[:5], len(touched))
        imported_at = min(letter.created_at for letter in letters)
        void_batch(session, Entity.INCOMING_LETTER, letters)
        senders = _senders_of_the_import(session, user, letters, imported_at)
        journal.audit_only(
            session, user.id, "incoming.import_undo", Entity.INCOMING_LETTER, batch_id,
            {"removed": len(letters), "senders_removed": senders},
        )  # fmt: skip
        return len(letters)


def _senders_of_the_import(
    session: Session, user: CurrentUser, letters: Sequence[IncomingLetter], imported_at: datetime
) -> int:
    """Tombstone the senders the import added to the directory and nothing else uses (a wrong
    column mapped to "Asal Surat" must not leave hundreds of names behind): those named only by
    the batch's (now removed) letters and not changed since the import. Returns how many."""
    ids = sorted({x.sender_id for x in letters if x.sender_id})
    removed = 0
    for chunk in chunks(ids):
        used = set(
            session.exec(
                select(IncomingLetter.sender_id).where(
                    col(IncomingLetter.sender_id).in_(chunk),
                    col(IncomingLetter.deleted_at).is_(None),
                )
            ).all()
        )
        for sender in session.exec(
            select(Sender).where(
                col(Sender.id).in_(chunk),
                col(Sender.deleted_at).is_(None),
                col(Sender.updated_at) >= imported_at,
                Sender.aliases_json == "[]",
            )
        ).all():
            if sender.id in used:
                continue
            sender.deleted_at = clock.now()
            journal.record(
                session, user.id, "sender.delete", Entity.SENDER, sender, op=Op.DELETE
            )  # fmt: skip
            removed += 1
    return removed


def chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def linked_in_threads(session: Session, ids: list[str]) -> set[str]:
    """Those of ``ids`` that a live thread link names at either end (a letter linked since its
    import has been worked on)."""
    linked: set[str] = set()
    for chunk in chunks(ids):
        for a, b in session.exec(
            select(LetterLink.from_id, LetterLink.to_id).where(
                col(LetterLink.deleted_at).is_(None),
                or_(col(LetterLink.from_id).in_(chunk), col(LetterLink.to_id).in_(chunk)),
            )
        ).all():
            linked |= {a, b} & set(chunk)
    return linked


def void_batch(
    session: Session, entity: Entity, letters: Sequence[IncomingLetter] | Sequence[Letter]
) -> None:
    """Tombstone the letters of an import (``entity``: incoming or outgoing) at one instant and
    queue a DELETE mutation for each, in bulk, in the caller's transaction (which has checked
    that none of them was worked on since)."""
    now = clock.now()
    outbox = []
    for letter in letters:
        letter.deleted_at = now
        letter.updated_at = now
        outbox.append(
            outbox_row(entity, letter.id, Op.DELETE, letter.version, journal.payload(letter), now)
        )
    session.flush()
    session.execute(insert(Outbox), outbox)
