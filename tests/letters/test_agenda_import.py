"""A kecamatan drops its Excel agenda book: the registrar imports last year's book, sees which
rows could not be read and why, finds the letters in the register under their old agenda
numbers (the office's own series untouched), and can take the whole import back in one step
as long as nobody has worked on those letters since."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import col, func, select

from desktop.letters import agenda_import as ai
from desktop.letters import audit, disposition
from desktop.letters.agenda_import import ImportWorkedOn, NothingToImport
from desktop.letters.disposition import DispositionInput
from desktop.letters.spreadsheets import UnreadableFile, parse_date
from desktop.store import clock
from desktop.store.incoming_models import IncomingLetter, Sender
from desktop.store.models import AuditEntry, IssuedNumber, Outbox
from tests.conftest import Office
from tests.letters import importing
from tests.letters.agenda_books import HEADER, days_so_far, write_csv, write_xls, write_xlsx
from tests.letters.importing import last_year
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def live_letters(o: IncomingOffice) -> list[IncomingLetter]:
    return importing.live(o.store, IncomingLetter)


def import_guessed(o: IncomingOffice, path: Path) -> ai.ImportReport:
    return importing.import_guessed(o.store, o.registrar, path)


def test_a_book_of_1000_rows_imports_980_and_reports_the_20_broken_ones_with_reasons(
    o: IncomingOffice, tmp_path: Path
) -> None:
    book = write_xlsx(tmp_path / "agenda.xlsx", last_year(), 1000, broken_every=50)
    assert len(book.broken) == 20

    report = import_guessed(o, book.path)

    assert (report.imported, len(report.problems)) == (980, 20)
    reasons = {p.row: p.reason for p in report.problems}
    assert set(reasons) == set(book.broken)
    for row, kind in book.broken.items():
        expected = {
            "tanggal": f"Tanggal terima tidak terbaca: 31 Februari {last_year()}.",
            "kode": "Kode klasifikasi tidak dikenal: 999.99.9.",
            "pengirim": "Asal surat kosong.",
        }[kind]
        assert reasons[row] == expected
    letters = live_letters(o)
    assert len(letters) == 980
    assert {x.import_batch_id for x in letters} == {report.batch_id}
    # The old numbers stay; nothing came from the office's series.
    by_agenda = {x.agenda_number: x for x in letters}
    assert "1" in by_agenda and "50" not in by_agenda  # row 50 of the data is broken
    assert all(x.number_id is None for x in letters)
    with o.store.read() as s:
        assert s.exec(select(func.count()).select_from(IssuedNumber)).one() == 0
        pending = s.exec(select(Outbox.entity, func.count()).group_by(col(Outbox.entity))).all()
    assert dict(pending)["incoming_letter"] == 980
    # Every typing of a date was read: real dates, "3 Maret", "03/03", "3-3-26", serials.
    first = by_agenda["1"]
    assert (first.received_date, first.sender_date) == (
        date(last_year(), 1, 2),
        date(last_year() - 1, 12, 31),
    )
    assert by_agenda["18"].urgency == "Segera"
    # Row 26 and 27 of the data sit under a received date merged over three rows.
    assert by_agenda["26"].received_date == by_agenda["27"].received_date
    assert by_agenda["27"].received_date == by_agenda["28"].received_date
    assert audit.verify(o.store).broken_at is None


def test_the_office_series_goes_on_as_if_nothing_was_imported(
    o: IncomingOffice, tmp_path: Path
) -> None:
    year = clock.today().year
    book = write_xlsx(tmp_path / "agenda.xlsx", year, 30, days=days_so_far(year))
    assert import_guessed(o, book.path).problems == []

    new = register(o, [write_pdf(tmp_path, "baru.pdf", 1)])

    assert (new.agenda_number, new.import_batch_id) == ("001", None)
    assert new.number_id is not None


def test_undo_removes_exactly_the_imported_letters(o: IncomingOffice, tmp_path: Path) -> None:
    kept = register(o, [write_pdf(tmp_path, "a.pdf", 1)])
    first = import_guessed(o, write_xlsx(tmp_path / "a.xlsx", last_year(), 40).path)
    second = import_guessed(o, write_xlsx(tmp_path / "b.xlsx", last_year() - 1, 25).path)
    assert [b.letters for b in ai.batches(o.store)] == [25, 40]

    removed = ai.undo_import(o.store, o.registrar, first.batch_id)

    assert removed == 40
    left = live_letters(o)
    assert {x.id for x in left if x.import_batch_id is None} == {kept.id}
    assert {x.import_batch_id for x in left} == {None, second.batch_id}
    assert len(left) == 26
    assert [b.id for b in ai.batches(o.store)] == [second.batch_id]
    with o.store.read() as s:
        deletes = s.exec(
            select(func.count()).select_from(Outbox).where(Outbox.op == "delete")
        ).one()
        undo = s.exec(select(AuditEntry).where(AuditEntry.action == "incoming.import_undo")).one()
    assert deletes == 40 and undo.entity_id == first.batch_id
    # The same book can be imported again once undone (its numbers are free again).
    again = import_guessed(o, tmp_path / "a.xlsx")
    assert again.imported == 40


def test_undo_takes_back_the_senders_the_import_added_and_keeps_the_others(
    o: IncomingOffice, tmp_path: Path
) -> None:
    register(o, [write_pdf(tmp_path, "a.pdf", 1)], sender_name="Bupati Jayawijaya")
    report = import_guessed(o, write_xlsx(tmp_path / "a.xlsx", last_year(), 10).path)
    with o.store.read() as s:
        assert len(s.exec(select(Sender).where(col(Sender.deleted_at).is_(None))).all()) == 5

    ai.undo_import(o.store, o.registrar, report.batch_id)

    with o.store.read() as s:
        left = s.exec(select(Sender.name).where(col(Sender.deleted_at).is_(None))).all()
    assert left == ["Bupati Jayawijaya"]


def test_undo_refuses_when_a_letter_of_the_import_was_worked_on_and_says_which(
    o: IncomingOffice, tmp_path: Path
) -> None:
    report = import_guessed(o, write_xlsx(tmp_path / "a.xlsx", last_year(), 10).path)
    letter = next(x for x in live_letters(o) if x.agenda_number == "3")
    disposition.dispose(
        o.store, o.camat, letter.id, DispositionInput([o.kasi_pem.id], ["Untuk diketahui"])
    )

    with pytest.raises(ImportWorkedOn) as refused:
        ai.undo_import(o.store, o.registrar, report.batch_id)

    assert "1 surat" in refused.value.message and f"3/{last_year()}" in refused.value.message
    assert len(live_letters(o)) == 10


def test_importing_the_same_book_twice_imports_nothing_the_second_time(
    o: IncomingOffice, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", last_year(), 12).path
    import_guessed(o, path)

    with pytest.raises(NothingToImport) as refused:
        import_guessed(o, path)

    assert f"Nomor agenda 1/{last_year()} sudah ada di register." in refused.value.message
    assert len(live_letters(o)) == 12


@pytest.mark.parametrize("delimiter", [";", ","])
def test_a_csv_book_with_either_separator(
    o: IncomingOffice, tmp_path: Path, delimiter: str
) -> None:
    book = write_csv(tmp_path / "agenda.csv", last_year(), 20, delimiter)
    shown = ai.preview(o.store, book.path)
    assert shown.header_row == 0 and len(shown.rows) == 20
    assert import_guessed(o, book.path).imported == 20
    senders = {x.sender_name for x in live_letters(o)}
    with o.store.read() as s:
        assert senders <= set(s.exec(select(Sender.name)).all())


def test_an_old_xls_book_is_read_with_its_merged_cells(o: IncomingOffice, tmp_path: Path) -> None:
    book = write_xls(tmp_path / "lama.xls", last_year(), 30)
    assert book.path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"

    report = import_guessed(o, book.path)

    assert (report.imported, report.problems) == (30, [])
    by_agenda = {x.agenda_number: x for x in live_letters(o)}
    merged = {by_agenda[n].received_date for n in ("1", "2", "3")}
    assert merged == {date(last_year(), 1, 2)}


def test_the_preview_shows_the_first_50_rows_and_guesses_the_header_under_the_title(
    o: IncomingOffice, tmp_path: Path
) -> None:
    book = write_xlsx(tmp_path / "agenda.xlsx", last_year(), 200, broken_every=50)
    shown = ai.preview(o.store, book.path)
    assert shown.header_row == 2 and shown.headers == HEADER
    assert shown.mapping == {
        "agenda_number": 0, "received_date": 1, "sender_name": 2, "sender_number": 3,
        "sender_date": 4, "hal": 5, "classification_code": 6, "sifat": 7, "note": 8,
    }  # fmt: skip
    assert len(shown.rows) == 50
    assert isinstance(shown.rows[49], ai.RowProblem)  # data row 50 is broken
    assert len(live_letters(o)) == 0


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("No.", "agenda_number"), ("NOMOR AGENDA", "agenda_number"),
        ("Tgl Diterima", "received_date"), ("Diterima Tanggal", "received_date"),
        ("Surat Dari", "sender_name"), ("Pengirim", "sender_name"),
        ("No. Surat", "sender_number"), ("Tgl. Surat", "sender_date"),
        ("Isi Ringkas", "hal"), ("Hal", "hal"), ("Klasifikasi", "classification_code"),
        ("Ket.", "note"),
    ],
)  # fmt: skip
def test_usual_headers_are_guessed(header: str, field: str) -> None:
    assert ai.guess_mapping([header]) == {field: 0}


def test_nomor_surat_and_no_agenda_side_by_side_go_to_their_own_fields() -> None:
    mapping = ai.guess_mapping(["No", "Nomor Surat", "Tanggal Surat", "Tanggal Terima"])
    assert mapping == {"agenda_number": 0, "sender_number": 1, "sender_date": 2, "received_date": 3}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("3 Maret 2026", date(2026, 3, 3)), ("03 Mar 2026", date(2026, 3, 3)),
        ("Selasa, 3 Maret 2026", date(2026, 3, 3)), ("3-Mar-26", date(2026, 3, 3)),
        ("03/03/2026", date(2026, 3, 3)), ("3-3-26", date(2026, 3, 3)),
        ("3.3.2026", date(2026, 3, 3)), ("2026-03-03", date(2026, 3, 3)),
        ("17 Agustus 2025", date(2025, 8, 17)), ("1 Agt 2025", date(2025, 8, 1)),
        ("5 Nopember 2025", date(2025, 11, 5)), (46084, date(2026, 3, 3)),
        (46084.0, date(2026, 3, 3)), ("46084", date(2026, 3, 3)),
        (datetime(2026, 3, 3, 8, 15), date(2026, 3, 3)), (date(2026, 3, 3), date(2026, 3, 3)),
        ("31 Februari 2026", None), ("13/13/2026", None), ("kemarin", None), ("", None),
        (None, None),
    ],
)  # fmt: skip
def test_dates_as_indonesians_type_them(typed: object, meant: date | None) -> None:
    assert parse_date(typed) == meant


# -- bad input: a clear message, nothing imported ----------------------------------------------


def assert_refused(o: IncomingOffice, path: Path, words: str) -> None:
    with pytest.raises(UnreadableFile) as refused:
        ai.preview(o.store, path)
    assert words in refused.value.message
    with pytest.raises(UnreadableFile):
        ai.import_book(o.store, o.registrar, path, ai.guess_mapping(HEADER))
    assert live_letters(o) == []


def test_a_file_that_is_not_a_spreadsheet_is_refused(o: IncomingOffice, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path, "agenda.pdf", 1)
    assert_refused(o, pdf, "agenda.pdf bukan lembar kerja yang dapat dibaca")
    renamed = tmp_path / "agenda.xlsx"
    renamed.write_bytes(pdf.read_bytes())
    assert_refused(o, renamed, "agenda.xlsx bukan lembar kerja")
    binary = tmp_path / "agenda.csv"
    binary.write_bytes(b"\x00\x01\x02PK" * 50)
    assert_refused(o, binary, "agenda.csv bukan lembar kerja")


def test_a_damaged_xlsx_is_refused(o: IncomingOffice, tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "utuh.xlsx", last_year(), 50).path.read_bytes()
    cut = tmp_path / "terpotong.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    assert_refused(o, cut, "terpotong.xlsx rusak atau bukan berkas Excel yang utuh")


def test_a_password_protected_xlsx_is_refused_with_what_to_do(
    o: IncomingOffice, tmp_path: Path
) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "polos.xlsx", last_year(), 10).path
    locked = tmp_path / "terkunci.xlsx"
    with plain.open("rb") as source, locked.open("wb") as out:
        OOXMLFile(source).encrypt("rahasia", out)
    assert_refused(o, locked, "terkunci.xlsx dilindungi kata sandi")


def test_an_unknown_sheet_and_a_missing_required_column_are_refused(
    o: IncomingOffice, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", last_year(), 5).path
    with pytest.raises(UnreadableFile, match="Lembar Keluar tidak ada"):
        ai.preview(o.store, path, sheet="Keluar")
    mapping = ai.guess_mapping(HEADER)
    del mapping["sender_name"]
    with pytest.raises(ai.ServiceError, match="Kolom wajib belum dipilih: Asal Surat"):
        ai.import_book(o.store, o.registrar, path, mapping, header_row=2)
    assert live_letters(o) == []


def test_a_staffer_without_the_registrar_role_cannot_import(
    o: IncomingOffice, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", last_year(), 5).path
    with pytest.raises(ai.PermissionDenied):
        ai.import_book(o.store, o.staffer, path, ai.guess_mapping(HEADER), header_row=2)


def test_a_book_with_more_sheets_imports_the_one_chosen(o: IncomingOffice, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", last_year(), 5).path
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("Agenda 2")
    for row in [HEADER, [7, "2 Januari 2025", "Polsek Wamena", "B/1", "", "Laporan", "", "", ""]]:
        other.append(row)
    book.save(path)
    shown = ai.preview(o.store, path, sheet="Agenda 2")
    assert shown.sheet.names == ["Agenda Masuk", "Agenda 2"] and len(shown.rows) == 1
    report = ai.import_book(o.store, o.registrar, path, shown.mapping, sheet="Agenda 2")
    assert report.imported == 1 and live_letters(o)[0].sender_name == "Polsek Wamena"
