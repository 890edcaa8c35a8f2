"""Importing an outgoing agenda book (buku agenda surat keluar) kept in a spreadsheet, as signed
outgoing letters, with the incoming import's reading rules (``agenda_import``: the sheet, merged
cells, the header guess, dates as Indonesians type them, rows refused with their reason, one
transaction, one undoable batch).

An imported letter keeps the book's number exactly as written and is marked as imported
(``Letter.import_batch_id``): it is never numbered by Naskah, has no ``issued_number`` row and
no ``number_id`` (so it claims nothing from the office's yearly series or the server's leases,
and its number cannot be voided), no PDF and no signer. It is recorded as signed on the book's
date, so that it stands in Surat Keluar, the agenda book and the search, and can be filed. A
row whose number is already in the register (or twice in the book) is refused.

``undo_import`` tombstones exactly the letters of a batch, and refuses while any of them has
been worked on since (a scan attached, a SRIKANDI reference, filed in a berkas, linked, or any
other change).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from sqlalchemy import insert, or_
from sqlmodel import Session, col, select

from desktop.i18n import N_, _
from desktop.letters import journal
from desktop.letters.accounts import CurrentUser
from desktop.letters.agenda_import import (
    HEADER_SEARCH_ROWS,
    PREVIEW_ROWS,
    ImportBatch,
    ImportReport,
    ImportWorkedOn,
    RowProblem,
    batches_of,
    cell_text,
    chunks,
    find_header_row,
    guess_mapping,
    linked_in_threads,
    nothing_readable,
    outbox_row,
    read_rows,
    require_importer,
    require_mapped,
    row_cells,
    sifat_and_urgency,
    void_batch,
)
from desktop.letters.errors import NotFound
from desktop.letters.numbering import OUTGOING
from desktop.letters.spreadsheets import Sheet, parse_date, read_sheet
from desktop.letters.templates import letter_types
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.filing_models import BerkasItem
from desktop.store.ids import uuid7
from desktop.store.models import Classification, IssuedNumber, Letter, LetterBody, Outbox
from sync.protocol import Entity, LetterStatus, Op

KIND = "keluar"
DEFAULT_TYPE = "surat_dinas"

# The fields of an outgoing book, in the order the mapping dialog lists them, with the headers
# offices write for them (folded as ``agenda_import`` folds them: "tgl" -> "tanggal", ...).
FIELDS: dict[str, str] = {
    "number": N_("Nomor Surat"),
    "letter_date": N_("Tanggal Surat"),
    "addressee": N_("Kepada"),
    "hal": N_("Perihal"),
    "classification_code": N_("Kode Klasifikasi"),
    "letter_type": N_("Jenis Naskah"),
    "sifat": N_("Sifat"),
    "urgency": N_("Urgensi"),
    "lampiran": N_("Lampiran"),
    "note": N_("Keterangan"),
}
REQUIRED = ("number", "letter_date", "addressee", "hal")
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("nomor surat", "nomor surat keluar", "nomor naskah", "nomor"),
    "letter_date": ("tanggal surat", "tanggal naskah", "tanggal keluar", "tanggal kirim",
                    "tanggal"),
    "addressee": ("kepada", "tujuan", "tujuan surat", "dikirim kepada", "alamat tujuan",
                  "penerima", "yth"),
    "hal": ("perihal", "hal", "isi ringkas", "ringkasan isi", "ringkasan", "isi surat"),
    "classification_code": ("kode klasifikasi", "klasifikasi", "kode", "indeks"),
    "letter_type": ("jenis naskah", "jenis surat", "jenis"),
    "sifat": ("sifat", "sifat surat"),
    "urgency": ("urgensi", "derajat", "tingkat urgensi", "kecepatan"),
    "lampiran": ("lampiran", "jumlah lampiran"),
    "note": ("keterangan", "catatan", "ket"),
}  # fmt: skip


def field_label(name: str) -> str:
    return _(FIELDS[name])


def missing_fields(mapping: dict[str, int]) -> list[str]:
    return [name for name in REQUIRED if name not in mapping]


def number_key(number: str) -> str:
    """How two letter numbers compare: case, spaces and spacing around "/" do not count."""
    return "".join(number.lower().split())


@dataclass
class OutgoingRow:
    row: int
    number: str
    letter_date: date
    addressee: str
    hal: str
    classification_code: str
    letter_type: str
    sifat: str
    urgency: str
    lampiran: str
    note: str


@dataclass
class Checker:
    """The known codes and letter types, and the numbers already in the register."""

    codes: set[str]
    types: dict[str, str]  # folded label or key -> letter type key
    taken: set[str]
    numbered_years: set[int]  # years in which Naskah itself issued outgoing numbers
    today: date = field(default_factory=clock.today)

    def numbers_naskah(self, year: int) -> bool:
        """Does Naskah number this year's outgoing letters itself? Then a book's numbers of that
        year could be issued again by Naskah's series (it counts from 1 and does not read the
        book), so the book of the current year, or of any year Naskah has numbered in, is not
        imported: "no number issued twice" holds without guessing the seq out of free text."""
        return year >= self.today.year or year in self.numbered_years

    @classmethod
    def load(cls, session: Session, data_dir: Path | None) -> Checker:
        # Outgoing letters carry current codes only: an obsolete 78/2012 code is not known here.
        codes = set(
            session.exec(
                select(Classification.code).where(col(Classification.obsolete).is_(False))
            ).all()
        )
        types: dict[str, str] = {}
        for key, kind in letter_types(data_dir).items():
            types[" ".join(kind.label.lower().split())] = key
            types[key.replace("_", " ")] = key
        taken = {
            number_key(n)
            for n in session.exec(
                select(Letter.number).where(col(Letter.deleted_at).is_(None), Letter.number != "")
            ).all()
        }
        series = col(IssuedNumber.series)
        outgoing = or_(series == OUTGOING, series.startswith(OUTGOING + "/"))
        years = set(session.exec(select(IssuedNumber.year).where(outgoing).distinct()).all())
        return cls(codes, types, taken, years)


def read_row(
    number: int, cells: Sequence[Any], mapping: dict[str, int], checker: Checker
) -> OutgoingRow | RowProblem | None:
    """One data row as an outgoing letter, or the reason it cannot be one; None when empty."""
    cell = row_cells(cells, mapping)
    if cell is None:
        return None
    problem = lambda reason: RowProblem(number, reason)  # noqa: E731
    letter_number = cell_text(cell("number"))
    if not letter_number or letter_number == "-":
        return problem(_("Nomor surat kosong."))
    raw_day = cell("letter_date")
    day = parse_date(raw_day)
    if day is None:
        if cell_text(raw_day) == "":
            return problem(_("Tanggal surat kosong."))
        return problem(_("Tanggal surat tidak terbaca: {v}.").format(v=cell_text(raw_day)))
    if checker.numbers_naskah(day.year):
        return problem(
            _(
                "Surat tahun {y}: Naskah menomori surat keluar tahun itu sendiri, sehingga nomor "
                "dari buku dapat bentrok. Hanya buku agenda tahun-tahun sebelumnya yang diimpor."
            ).format(y=day.year)
        )
    if day > checker.today:
        return problem(_("Tanggal surat di masa depan: {v}.").format(v=day.strftime("%d-%m-%Y")))
    addressee = cell_text(cell("addressee"))
    if not addressee:
        return problem(_("Tujuan surat (Kepada) kosong."))
    hal = cell_text(cell("hal"))
    if not hal:
        return problem(_("Perihal kosong."))
    code = cell_text(cell("classification_code"))
    if code == "-":
        code = ""
    if code and code not in checker.codes:
        return problem(_("Kode klasifikasi tidak dikenal: {v}.").format(v=code))
    type_text = cell_text(cell("letter_type"))
    letter_type = DEFAULT_TYPE
    if type_text:
        found = checker.types.get(" ".join(type_text.lower().replace("_", " ").split()))
        if found is None:
            return problem(_("Jenis naskah tidak dikenal: {v}.").format(v=type_text))
        letter_type = found
    read = sifat_and_urgency(cell_text(cell("sifat")), cell_text(cell("urgency")))
    if isinstance(read, str):
        return problem(read)
    sifat, urgency = read
    key = number_key(letter_number)
    if key in checker.taken:
        return problem(_("Nomor surat {n} sudah ada di register.").format(n=letter_number))
    checker.taken.add(key)
    return OutgoingRow(
        number, letter_number, day, addressee, hal, code, letter_type, sifat, urgency,
        cell_text(cell("lampiran")) or "-", cell_text(cell("note")),
    )  # fmt: skip


# -- preview ---------------------------------------------------------------------------------


@dataclass
class Preview:
    sheet: Sheet
    header_row: int
    headers: list[str]
    mapping: dict[str, int]
    rows: list[OutgoingRow | RowProblem]


def preview(
    store: Store,
    path: Path,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
    limit: int = PREVIEW_ROWS,
) -> Preview:
    """The first ``limit`` data rows as the import would read them (nothing is written).
    Raises spreadsheets.UnreadableFile."""
    data = read_sheet(path, sheet, limit=HEADER_SEARCH_ROWS + limit + 1)
    head = find_header_row(data.rows, HEADERS) if header_row is None else header_row
    header = data.rows[head] if head < len(data.rows) else []
    used = guess_mapping(header, HEADERS) if mapping is None else mapping
    with store.read() as session:
        checker = Checker.load(session, store.data_dir)
    rows = read_rows(data.rows, head, lambda n, cells: read_row(n, cells, used, checker), limit)
    return Preview(data, head, [cell_text(h) for h in header], used, rows)


# -- importing -------------------------------------------------------------------------------


def body_of(row: OutgoingRow) -> tuple[str, str]:
    """The imported letter's body: what it is, and the book's note (the text itself is not in
    the book)."""
    lines = ["Dicatat dari buku agenda surat keluar yang diimpor; isi surat tidak tersedia."]
    if row.note:
        lines.append(f"Keterangan: {row.note}")
    html = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return html, "\n".join(lines)


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
    """Import every readable data row under ``header_row`` as a signed outgoing letter with
    the book's own number, all in one transaction (all of them or none), as one batch that
    ``undo_import`` can remove. Rows that cannot be read are left out and listed in the report.
    Raises spreadsheets.UnreadableFile, ServiceError when a required column is not mapped,
    NothingToImport when no row is readable, PermissionDenied."""
    require_importer(user)
    require_mapped(missing_fields(mapping), field_label)
    data = read_sheet(path, sheet)
    batch_id = uuid7()
    with store.write() as session:
        checker = Checker.load(session, store.data_dir)
        read = read_rows(data.rows, header_row, lambda n, c: read_row(n, c, mapping, checker))
        rows = [r for r in read if isinstance(r, OutgoingRow)]
        problems = [r for r in read if isinstance(r, RowProblem)]
        if not rows:
            raise nothing_readable(problems)
        # In bulk, as the incoming import: one INSERT each for the letters, their bodies and
        # their outbox rows, and one audit entry for the import.
        now = clock.now()
        template = Letter(
            letter_type=DEFAULT_TYPE, status=LetterStatus.SIGNED.value, drafter_id=user.id,
            import_batch_id=batch_id, created_at=now, updated_at=now,
        )  # fmt: skip
        base = template.model_dump()
        base_payload = journal.payload(template)
        letters: list[dict[str, Any]] = []
        bodies: list[dict[str, Any]] = []
        outbox: list[dict[str, Any]] = []
        for done, row in enumerate(rows, start=1):
            letter_id = uuid7()
            addressees = [{"name": row.addressee, "place": ""}]
            values: dict[str, Any] = {
                "id": letter_id,
                "letter_type": row.letter_type,
                "classification_code": row.classification_code,
                "sifat": row.sifat,
                "urgency": row.urgency,
                "lampiran": row.lampiran,
                "hal": row.hal,
                "addressees_json": json.dumps(addressees, ensure_ascii=False),
                "addressees_text": row.addressee,
                "number": row.number,
                "letter_date": row.letter_date,
            }
            html, text = body_of(row)
            letters.append({**base, **values, "seq": None})
            bodies.append({"letter_id": letter_id, "body_html": html, "body_text": text})
            record = base_payload | {
                k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()
            }
            record |= {"body_html": html, "body_text": text}
            outbox.append(outbox_row(Entity.LETTER, letter_id, Op.UPSERT, 0, record, now))
            if progress is not None and done % 500 == 0:
                progress(done, len(rows))
        session.execute(insert(Letter), letters)
        session.execute(insert(LetterBody), bodies)
        session.execute(insert(Outbox), outbox)
        journal.audit_only(
            session, user.id, "letter.import_book", Entity.LETTER, batch_id,
            {"file": path.name, "imported": len(rows), "refused": len(problems),
             "nomor": [r.number for r in rows]},
        )  # fmt: skip
    years = sorted({r.letter_date.year for r in rows})
    return ImportReport(batch_id, len(rows), problems, years)


# -- batches and undo ------------------------------------------------------------------------


def batches(store: Store) -> list[ImportBatch]:
    """The outgoing imports whose letters are still in the register, newest first."""
    return batches_of(store, Letter, Letter.letter_date, KIND, _year)


def _year(day: Any) -> int:
    return day.year if isinstance(day, date) else int(str(day)[:4])


def undo_import(store: Store, user: CurrentUser, batch_id: str) -> int:
    """Remove exactly the letters of one outgoing import (tombstones that sync), in one
    transaction; returns how many. Refuses (ImportWorkedOn) when any of them has been changed,
    given a scan or a SRIKANDI reference, filed, or linked since; then nothing is removed."""
    require_importer(user)
    with store.write() as session:
        letters = session.exec(
            select(Letter).where(
                Letter.import_batch_id == batch_id, col(Letter.deleted_at).is_(None)
            )
        ).all()
        if not letters:
            raise NotFound(_("Impor"))
        touched = {
            x.id
            for x in letters
            if x.updated_at != x.created_at or x.scan_hash or x.srikandi_ref
            or x.status != LetterStatus.SIGNED.value
        }  # fmt: skip
        ids = [x.id for x in letters]
        for chunk in chunks(ids):
            touched |= set(
                session.exec(
                    select(BerkasItem.letter_id).where(
                        col(BerkasItem.letter_id).in_(chunk), col(BerkasItem.deleted_at).is_(None)
                    )
                ).all()
            )
        touched |= linked_in_threads(session, ids)
        if touched:
            shown = sorted(x.number for x in letters if x.id in touched)
            raise ImportWorkedOn(shown[:5], len(touched), outgoing=True)
        void_batch(session, Entity.LETTER, letters)
        journal.audit_only(
            session, user.id, "letter.import_undo", Entity.LETTER, batch_id,
            {"removed": len(letters)},
        )  # fmt: skip
        return len(letters)
