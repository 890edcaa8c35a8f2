"""The agenda books as the registrar hands them over at the end of a year: printed (PDF in the
office's kop, the column headers on every page), in Excel (.xlsx, real dates) and as .csv; and
the dashboard's figures for a known store at a fixed date."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text
from sqlmodel import select

from desktop.letters import disposition, drafting, numbering, registers, workflow
from desktop.letters.disposition import DispositionInput
from desktop.letters.errors import ValidationError
from desktop.letters.registers import CannotSave, ExportFormat, Period, Register
from desktop.letters.templates import letter_types
from desktop.render.document import PaperSize
from desktop.store import clock
from desktop.store.models import Letter
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf
from tests.letters.test_lifecycle import fill_invitation


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def sign_letter(
    o: IncomingOffice, on: date, hal: str = "Undangan Rapat Koordinasi Dana Kampung"
) -> str:
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)  # type: ignore[arg-type]
    if hal != "Undangan Rapat Koordinasi Dana Kampung":
        data = drafting.input_of(drafting.get_letter(o.store, o.drafter, letter.id))
        data.hal = hal
        drafting.save_draft(o.store, o.drafter, letter.id, data)
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    signed = workflow.sign_by_hand(o.store, o.camat, letter.id, on=on)
    return signed.number


def scan_of(folder: Path, i: int) -> list[Path]:
    """A scan of its own (the same scan twice would be flagged as the same letter)."""
    return [write_pdf(folder, f"pindaian-{i}.pdf", 1, f"Surat {i}")]


def _pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_the_incoming_agenda_book_prints_and_exports_a_registered_letter(
    o: IncomingOffice, tmp_path: Path
) -> None:
    first = register(o, scan_of(tmp_path, 1), hal="Undangan Rapat Evaluasi Dana Kampung")
    disposition.dispose(
        o.store, o.camat, first.id, DispositionInput([o.kasi_pem.id], ["Proses lebih lanjut"])
    )
    register(
        o,
        scan_of(tmp_path, 2),
        sender_number="B/77/DISDUK/2026",
        sender_name="Dinas Dukcapil",
        hal="Permohonan data penduduk",
    )
    year = Period.year(first.received_date.year)

    pdf = tmp_path / "agenda.pdf"
    done = registers.export_agenda(
        o.store, o.registrar, Register.INCOMING, year, ExportFormat.PDF, pdf
    )
    assert (done.rows, done.pages) == (2, 1)
    page = " ".join(_pdf_pages(pdf)[0].split())
    assert "KECAMATAN WAMENA" in page and "BUKU AGENDA SURAT MASUK" in page
    assert f"Tahun {first.received_date.year}" in page
    for expected in (
        "Asal Surat",
        "Diteruskan",
        first.agenda_number,
        "Undangan Rapat Evaluasi Dana Kampung",
        "400.10/123/DPMK/2026",
        first.received_date.strftime("%d/%m/%Y"),
        "Kepala Seksi",
        "B/77/DISDUK/2026",
    ):
        assert expected in page, expected

    xlsx = tmp_path / "agenda.xlsx"
    assert (
        registers.export_agenda(
            o.store, o.registrar, Register.INCOMING, year, ExportFormat.XLSX, xlsx
        ).rows
        == 2
    )
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["No.", "No. Agenda", "Tanggal Terima", "Asal Surat"]
    row = [c.value for c in sheet[2]]
    assert row[1] == first.agenda_number  # "001", not the number 1
    assert row[2] == datetime.combine(first.received_date, datetime.min.time())  # a real date
    assert sheet.cell(2, 3).is_date and sheet.cell(2, 3).number_format == "DD/MM/YYYY"
    assert sheet.cell(2, 6).is_date  # the sender's date too
    assert row[6] == "Undangan Rapat Evaluasi Dana Kampung"
    assert row[9] == "Kepala Seksi"  # whom the camat sent it on to
    # Perihal: wide. Excel shows 40; the file holds 40 and the cell padding, as Excel writes it.
    assert 40 <= sheet.column_dimensions["G"].width < 41
    assert sheet.max_row == 3
    assert sheet.print_title_rows in ("1:1", "$1:$1") and sheet.auto_filter.ref == "A1:K3"
    assert sheet.page_setup.orientation == "landscape"

    out = tmp_path / "agenda.csv"
    registers.export_agenda(o.store, o.registrar, Register.INCOMING, year, ExportFormat.CSV, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][:3] == ["No.", "No. Agenda", "Tanggal Terima"]
    assert rows[1][1:3] == [first.agenda_number, first.received_date.isoformat()]
    assert len(rows) == 3


def test_the_header_row_is_repeated_on_every_page(o: IncomingOffice, tmp_path: Path) -> None:
    for i in range(45):
        register(
            o,
            scan_of(tmp_path, i),
            sender_number=f"{i + 1}/PMK/2026",
            hal=f"Laporan kampung nomor {i}",
        )
    pdf = tmp_path / "agenda.pdf"
    year = Period.year(clock.today().year)
    done = registers.export_agenda(
        o.store, o.registrar, Register.INCOMING, year, ExportFormat.PDF, pdf, PaperSize.A4
    )
    assert done.rows == 45 and done.pages >= 2
    pages = [" ".join(t.split()) for t in _pdf_pages(pdf)]
    assert len(pages) == done.pages
    assert "KECAMATAN WAMENA" not in pages[1]  # the kop opens the book only
    for page in pages:
        assert "No. Agenda" in page and "Tanggal Terima" in page and "Asal Surat" in page
    assert "Halaman 2" in pages[1]
    assert "Laporan kampung nomor 44" in pages[-1]  # nothing lost at the page breaks
    assert sum(p.count("/PMK/2026") for p in pages) == 45


def test_the_outgoing_book_lists_signed_letters_and_hides_a_secret_hal(
    o: IncomingOffice, tmp_path: Path
) -> None:
    year = clock.today().year
    number = sign_letter(o, date(year, 3, 3))
    secret = sign_letter(o, date(year, 3, 4), hal="Pemeriksaan keuangan kampung")
    sign_letter(o, date(year - 1, 12, 30))  # another year's book
    with o.store.write() as s:
        s.exec(text("UPDATE letter SET sifat = 'Rahasia' WHERE number = :n").bindparams(n=secret))
    xlsx = tmp_path / "keluar.xlsx"
    # Sari (a kasi) is on neither letter: she sees the secret one's number, not its subject.
    registers.export_agenda(
        o.store, o.kasi_pem, Register.OUTGOING, Period.year(year), ExportFormat.XLSX, xlsx
    )
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [r[1] for r in rows] == [number, secret]
    assert rows[0][2] == datetime(year, 3, 3)
    assert rows[0][3] == letter_types()["surat_undangan"].label  # the type's name, not its key
    assert rows[0][5] == "Undangan Rapat Koordinasi Dana Kampung"
    assert rows[1][5] == "[Rahasia]"
    assert "Agustinus Mabel" in rows[0][8]
    # The camat signed it and reads it in full.
    registers.export_agenda(
        o.store, o.camat, Register.OUTGOING, Period.year(year), ExportFormat.XLSX, xlsx
    )
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    assert sheet.cell(3, 6).value == "Pemeriksaan keuangan kampung"


def test_a_voided_number_keeps_its_row_marked_dibatalkan(o: IncomingOffice, tmp_path: Path) -> None:
    year = clock.today().year
    kept = sign_letter(o, date(year, 5, 2))
    voided = sign_letter(o, date(year, 5, 3))
    with o.store.read() as s:
        number_id = s.exec(select(Letter.number_id).where(Letter.number == voided)).one()
    numbering.void(o.store, o.camat, number_id, "Salah alamat")
    out = tmp_path / "keluar.csv"
    registers.export_agenda(
        o.store, o.camat, Register.OUTGOING, Period.year(year), ExportFormat.CSV, out
    )
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert [(r[1], r[-1]) for r in rows[1:]] == [(kept, ""), (voided, "Dibatalkan")]


def test_a_date_range_and_text_that_looks_like_a_formula(o: IncomingOffice, tmp_path: Path) -> None:
    today = clock.today()
    register(
        o,
        scan_of(tmp_path, 1),
        received_date=today - timedelta(days=40),
        sender_date=today - timedelta(days=41),
        hal="Surat lama",
    )
    register(o, scan_of(tmp_path, 2), sender_number="X/1", hal='=HYPERLINK("http://x","klik")')
    recent = Period(today - timedelta(days=7), today)
    xlsx, out = tmp_path / "a.xlsx", tmp_path / "a.csv"
    assert (
        registers.export_agenda(
            o.store, o.registrar, Register.INCOMING, recent, ExportFormat.XLSX, xlsx
        ).rows
        == 1
    )
    cell = load_workbook(xlsx).active.cell(2, 7)  # type: ignore[union-attr]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x","klik")'
    registers.export_agenda(o.store, o.registrar, Register.INCOMING, recent, ExportFormat.CSV, out)
    assert "'=HYPERLINK" in out.read_text(encoding="utf-8-sig")
    assert "Surat lama" not in out.read_text(encoding="utf-8-sig")


def test_a_period_backwards_is_refused_and_writes_nothing(
    o: IncomingOffice, tmp_path: Path
) -> None:
    folder = tmp_path / "laporan"
    folder.mkdir()
    out = folder / "agenda.pdf"
    out.write_bytes(b"the book printed last week")
    today = clock.today()
    with pytest.raises(ValidationError) as refused:
        registers.export_agenda(
            o.store,
            o.registrar,
            Register.INCOMING,
            Period(today, today - timedelta(days=1)),
            ExportFormat.PDF,
            out,
        )
    assert "Tanggal akhir" in str(refused.value)
    assert out.read_bytes() == b"the book printed last week"
    assert [p.name for p in folder.iterdir()] == ["agenda.pdf"]


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_a_folder_that_is_gone_is_a_clear_message(
    o: IncomingOffice, tmp_path: Path, fmt: ExportFormat
) -> None:
    register(o, scan_of(tmp_path, 1))
    gone = tmp_path / "flashdisk" / f"agenda.{fmt.value}"
    with pytest.raises(CannotSave) as refused:
        registers.export_agenda(
            o.store, o.registrar, Register.INCOMING, Period.year(clock.today().year), fmt, gone
        )
    assert str(gone) in refused.value.message and "tidak dapat disimpan" in refused.value.message
    assert not gone.parent.exists()


def test_an_empty_period_still_prints_its_kop_and_says_so(
    o: IncomingOffice, tmp_path: Path
) -> None:
    pdf = tmp_path / "kosong.pdf"
    done = registers.export_agenda(
        o.store, o.registrar, Register.OUTGOING, Period.year(2001), ExportFormat.PDF, pdf
    )
    assert (done.rows, done.pages) == (0, 1)
    page = " ".join(_pdf_pages(pdf)[0].split())
    assert "BUKU AGENDA SURAT KELUAR" in page and "Tidak ada surat" in page


def test_the_dashboard_counts_this_month_the_dispositions_and_the_year(
    o: IncomingOffice, tmp_path: Path
) -> None:
    today = clock.today()  # 15 December 2026 (tests/clocks.py), or 12 January 2027
    this_month = [
        register(
            o,
            scan_of(tmp_path, i),
            sender_number=f"{i}/A",
            hal=f"Hal {i}",
            classification_code=code,
        )
        for i, code in enumerate(["400.10.2.2", "400.5", "000.1.5"])
    ]
    last_year = today.replace(year=today.year - 1)
    register(
        o,
        scan_of(tmp_path, 9),
        sender_number="9/B",
        received_date=last_year,
        sender_date=last_year,
        classification_code="100.1",
    )
    due_past, due_later = today - timedelta(days=2), today + timedelta(days=5)
    disposition.dispose(
        o.store,
        o.camat,
        this_month[0].id,
        DispositionInput([o.kasi_pem.id, o.kasi_kesra.id], ["Koordinasikan"], due_date=due_later),
    )
    late = disposition.dispose(
        o.store,
        o.camat,
        this_month[1].id,
        DispositionInput([o.kasi_pem.id], ["Koordinasikan"], due_date=due_later),
    )
    with o.store.write() as s:  # given a week ago with a two-day deadline
        s.exec(
            text("UPDATE disposition SET due_date = :d WHERE id = :i").bindparams(
                d=due_past, i=late[0].id
            )
        )
    sign_letter(o, today)
    sign_letter(o, today.replace(day=1))
    sign_letter(o, last_year)

    figures = registers.dashboard(o.store)
    assert figures.today == today
    assert (figures.incoming_month, figures.outgoing_month) == (3, 2)
    assert (figures.open_dispositions, figures.overdue_dispositions) == (3, 1)
    by_code = {b.key: b.count for b in figures.by_classification}
    assert by_code == {"400": 2, "000": 3}  # 1 incoming + 2 outgoing under 000.1.5
    labels = {b.key: b.label for b in figures.by_classification}
    assert labels["400"].startswith("400 ") and len(labels["400"]) > 5  # with its title
    assert [(b.key, b.count) for b in figures.by_type] == [("surat_undangan", 2)]
