"""The office drops its Excel buku agenda surat keluar: the agendaris imports last year's book;
the letters stand in the register as signed, under the book's own numbers, marked as imported
and never renumbered (the office's series untouched); broken rows are listed with their reason,
a number already in the register is refused, and the whole import goes back in one step as long
as nobody has worked on its letters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, func, select

from desktop.letters import filing, queries, registers
from desktop.letters import outgoing_import as oi
from desktop.letters.agenda_import import ImportWorkedOn, NothingToImport
from desktop.letters.filing import BerkasInput
from desktop.letters.queries import ListFilter, Queue
from desktop.store import clock
from desktop.store.models import AuditEntry, IssuedNumber, Letter, Outbox
from sync.protocol import LetterStatus
from tests.conftest import Office
from tests.letters import importing
from tests.letters.importing import last_year
from tests.letters.incoming_office import IncomingOffice, staff_incoming
from tests.letters.outgoing_books import HEADER, number_of, write_outgoing_xlsx


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def imported(o: IncomingOffice) -> list[Letter]:
    return importing.live(o.store, Letter, col(Letter.import_batch_id).is_not(None))


def import_guessed(o: IncomingOffice, path: Path) -> oi.ImportReport:
    return importing.import_guessed(o.store, o.registrar, path, outgoing=True)


def test_the_header_is_found_under_the_title_and_the_columns_guessed(
    o: IncomingOffice, tmp_path: Path
) -> None:
    book = write_outgoing_xlsx(tmp_path / "keluar.xlsx", last_year(), 10)
    shown = oi.preview(o.store, book.path)
    assert shown.header_row == 2
    assert shown.mapping == {
        "letter_date": 1, "number": 2, "addressee": 3, "hal": 4, "classification_code": 5,
        "letter_type": 6, "note": 7,
    }  # fmt: skip  # "No." (the running count) is not the letter's number
    first, second = shown.rows[:2]
    assert isinstance(first, oi.OutgoingRow) and isinstance(second, oi.OutgoingRow)
    assert first.number == number_of(0, last_year())
    assert second.letter_date == first.letter_date == date(last_year(), 1, 2)  # merged cell
    assert (first.letter_type, second.letter_type) == ("surat_dinas", "surat_undangan")
    assert imported(o) == []  # a preview writes nothing


def test_a_book_imports_as_signed_letters_with_their_own_numbers_and_reasons_for_the_rest(
    o: IncomingOffice, tmp_path: Path
) -> None:
    book = write_outgoing_xlsx(tmp_path / "keluar.xlsx", last_year(), 200, broken_every=25)
    assert len(book.broken) == 8

    report = import_guessed(o, book.path)

    assert (report.imported, len(report.problems)) == (192, 8)
    reasons = {p.row: p.reason for p in report.problems}
    assert set(reasons) == set(book.broken)
    for row, kind in book.broken.items():
        expected = {
            "tanggal": f"Tanggal surat tidak terbaca: 31 Februari {last_year()}.",
            "kode": "Kode klasifikasi tidak dikenal: 999.99.9.",
            "kepada": "Tujuan surat (Kepada) kosong.",
            "ganda": f"Nomor surat {number_of(0, last_year())} sudah ada di register.",
        }[kind]
        assert reasons[row] == expected
    letters = imported(o)
    assert [x.number for x in letters] == book.numbers  # kept as written, in the book's order
    assert {x.import_batch_id for x in letters} == {report.batch_id}
    assert {x.status for x in letters} == {LetterStatus.SIGNED.value}
    assert {x.number_id for x in letters} == {None}  # never numbered by Naskah
    first = letters[0]
    assert (first.addressees_text, first.classification_code) == ("Bupati Jayawijaya", "000.1.4")
    assert "buku agenda surat keluar yang diimpor" in first.body_text
    with o.store.read() as s:
        assert s.exec(select(func.count()).select_from(IssuedNumber)).one() == 0
        # One outbox mutation per letter (so they sync), one audit entry for the import.
        assert (
            s.exec(select(func.count()).select_from(Outbox).where(Outbox.entity == "letter")).one()
            == 192
        )
        (entry,) = s.exec(select(AuditEntry).where(AuditEntry.action == "letter.import_book"))
    assert '"imported": 192' in entry.detail_json
    # They stand in Surat Keluar and in the year's agenda book, found by their number.
    wanted = number_of(3, last_year())
    found = queries.page(o.store, o.registrar, Queue.OUTGOING, ListFilter(search=wanted))
    assert [r.number for r in found] == [wanted]
    period = registers.Period.year(last_year())
    with registers.agenda_book(o.store, o.registrar, registers.Register.OUTGOING, period) as b:
        rows = list(b.rows)
    assert len(rows) == 192 and rows[0][1] == number_of(0, last_year())
    assert rows[0][-1] == "Diimpor"


def test_a_number_already_in_the_register_is_refused_and_the_series_goes_on(
    o: IncomingOffice, tmp_path: Path
) -> None:
    first = write_outgoing_xlsx(tmp_path / "satu.xlsx", last_year(), 5)
    import_guessed(o, first.path)
    # The same book again: every row is already in the register; nothing is written.
    with pytest.raises(NothingToImport, match="sudah ada di register"):
        import_guessed(o, first.path)
    assert len(imported(o)) == 5


def test_a_book_of_a_year_naskah_numbers_itself_is_refused(
    o: IncomingOffice, tmp_path: Path
) -> None:
    # Naskah counts this year's series from 1 and does not read the book: its numbers could
    # come again, so "no number issued twice" means the current year's book is not imported.
    this_year = write_outgoing_xlsx(tmp_path / "ini.xlsx", clock.today().year, 3, days=1)
    with pytest.raises(NothingToImport, match="Naskah menomori surat keluar tahun itu"):
        import_guessed(o, this_year.path)
    assert imported(o) == []
    # Nor a past year in which Naskah already issued outgoing numbers (read from the register).
    checker = oi.Checker(set(), {}, set(), {last_year()})
    assert checker.numbers_naskah(last_year()) and checker.numbers_naskah(clock.today().year)
    assert not checker.numbers_naskah(last_year() - 1)


def test_undo_removes_exactly_the_import_unless_a_letter_was_filed(
    o: IncomingOffice, tmp_path: Path
) -> None:
    book = write_outgoing_xlsx(tmp_path / "keluar.xlsx", last_year(), 30)
    report = import_guessed(o, book.path)
    (batch,) = oi.batches(o.store)
    assert (batch.id, batch.letters, batch.first_year, batch.kind) == (
        report.batch_id, 30, last_year(), "keluar",
    )  # fmt: skip
    one = imported(o)[0]
    item = filing.file_letter(
        o.store, o.registrar, "keluar", one.id,
        new_berkas=BerkasInput(one.classification_code, last_year(), "Surat keluar lama"),
    )  # fmt: skip
    with pytest.raises(ImportWorkedOn, match=f"nomor {one.number}"):
        oi.undo_import(o.store, o.registrar, report.batch_id)
    assert len(imported(o)) == 30  # nothing removed

    filing.unfile(o.store, o.registrar, item.id)
    assert oi.undo_import(o.store, o.registrar, report.batch_id) == 30
    assert imported(o) == [] and oi.batches(o.store) == []


def test_required_columns_and_permission(o: IncomingOffice, tmp_path: Path) -> None:
    from desktop.letters.errors import PermissionDenied, ServiceError

    book = write_outgoing_xlsx(tmp_path / "keluar.xlsx", last_year(), 3)
    shown = oi.preview(o.store, book.path)
    without = {k: v for k, v in shown.mapping.items() if k != "addressee"}
    with pytest.raises(ServiceError, match="Kepada"):
        oi.import_book(o.store, o.registrar, book.path, without, header_row=shown.header_row)
    with pytest.raises(PermissionDenied):
        oi.import_book(o.store, o.drafter, book.path, shown.mapping, header_row=shown.header_row)
    assert imported(o) == [] and HEADER[2] == "Nomor Surat"
