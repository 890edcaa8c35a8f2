"""At the screen: the registrar imports last year's Excel agenda book (picks the file, checks the
guessed columns and the preview, imports, reads the report), takes the import back; a PDF
passed off as a spreadsheet is explained; a signed letter is handed off to SRIKANDI and its
reference shows in the letter view; a letter downloaded from SRIKANDI is registered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from desktop.letters.queries import Queue
from desktop.store import clock
from desktop.ui.agenda_import_dialog import AgendaImportDialog, ImportBatchesDialog
from desktop.ui.handoff_dialog import HandoffDialog, SrikandiImportDialog
from tests.conftest import Office
from tests.letters.agenda_books import write_xlsx
from tests.letters.incoming_office import IncomingOffice, staff_incoming
from tests.letters.scan_files import write_pdf
from tests.letters.test_handoff import signed_letter, srikandi_download
from tests.ui.driver import Driver, MessageBoxes
from tests.ui.test_incoming_flow import fits


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def test_the_registrar_imports_an_agenda_book_reads_the_report_and_undoes_it(
    driver: Driver, o: IncomingOffice, tmp_path: Path, messages: MessageBoxes
) -> None:
    year = clock.today().year - 1
    book = write_xlsx(tmp_path / "agenda-masuk.xlsx", year, 1000, broken_every=50)
    seen: dict[str, object] = {}

    def import_book(dialog: AgendaImportDialog) -> None:
        fits(dialog)
        driver.choose_file(book.path)
        driver.click("Pilih Berkas...", within=dialog)
        driver.wait_until(lambda: dialog.model.rowCount() == 50, "the preview")
        seen["guess"] = {n: c.currentText() for n, c in dialog.columns.items()}
        seen["header_row"] = dialog.header_row.value()
        seen["summary"] = dialog.summary.text()
        seen["row_53"] = [dialog.model.index(49, c).data() for c in (0, 7)]
        driver.click("Impor", within=dialog)
        driver.wait_until(dialog.report_text.isVisible, "the report")
        seen["report"] = dialog.report_text.toPlainText()
        driver.click("Batalkan Impor Ini", within=dialog)
        driver.wait_until(lambda: "Impor dibatalkan" in dialog.summary.text(), "the undo")
        seen["undone"] = dialog.summary.text()

    driver.log_in(o.store, o.registrar)
    driver.when_opened(AgendaImportDialog, import_book)
    driver.click("Administrasi", "Impor Buku Agenda...")

    assert seen["header_row"] == 3  # under the title block
    guess = seen["guess"]
    assert isinstance(guess, dict)
    assert guess["agenda_number"] == "A: No. Agenda"
    assert guess["received_date"] == "B: Tgl. Terima"
    assert guess["sender_name"] == "C: Asal Surat"
    assert guess["classification_code"] == "G: Kode Klasifikasi"
    assert guess["urgency"] == "(tidak ada)"
    assert "49 terbaca, 1 bermasalah" in str(seen["summary"])
    assert seen["row_53"] == ["53", f"Tanggal terima tidak terbaca: 31 Februari {year}."]
    report = str(seen["report"])
    assert report.startswith("980 surat diimpor sebagai satu impor")
    assert "20 baris tidak diimpor:" in report
    assert f"Baris 53: Tanggal terima tidak terbaca: 31 Februari {year}." in report
    assert "Baris 103: Kode klasifikasi tidak dikenal: 999.99.9." in report
    assert "Baris 153: Asal surat kosong." in report
    assert messages.texts == ["Hapus 980 surat dari impor ini dari register?"]
    assert seen["undone"] == "Impor dibatalkan: 980 surat dihapus."
    page = driver.open_incoming("Surat Masuk")
    assert page.model.rowCount() == 0


def test_a_pdf_passed_off_as_a_spreadsheet_is_explained_and_nothing_imported(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    fake = tmp_path / "agenda.xlsx"
    fake.write_bytes(write_pdf(tmp_path, "surat.pdf", 1).read_bytes())
    seen: list[str] = []

    def try_it(dialog: AgendaImportDialog) -> None:
        driver.choose_file(fake)
        driver.click("Pilih Berkas...", within=dialog)
        driver.wait_until(dialog.errors.isVisible, "the refusal")
        seen.append(dialog.errors.text())
        assert not dialog.import_button.isEnabled()

    driver.log_in(o.store, o.registrar)
    driver.when_opened(AgendaImportDialog, try_it)
    driver.click("Administrasi", "Impor Buku Agenda...")
    assert seen == [
        "agenda.xlsx bukan lembar kerja yang dapat dibaca. Simpan buku agenda sebagai .xlsx, "
        ".xls atau .csv lalu coba lagi."
    ]


def test_an_earlier_import_is_undone_from_the_list_of_imports(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    from desktop.letters import agenda_import as ai

    path = write_xlsx(tmp_path / "a.xlsx", clock.today().year - 1, 12).path
    shown = ai.preview(o.store, path)
    ai.import_book(o.store, o.registrar, path, shown.mapping, header_row=shown.header_row)
    listed: list[str] = []

    def undo(dialog: ImportBatchesDialog) -> None:
        fits(dialog)
        listed.append(dialog.rows.item(0).text())
        driver.click("Batalkan Impor", within=dialog)
        driver.wait_until(lambda: dialog.rows.count() == 0, "the import gone from the list")

    driver.log_in(o.store, o.registrar)
    driver.when_opened(ImportBatchesDialog, undo)
    driver.click("Administrasi", "Batalkan Impor Buku Agenda...")
    assert listed and f"12 surat, tahun {clock.today().year - 1}" in listed[0]
    assert ai.batches(o.store) == []


def test_a_signed_letter_is_handed_off_and_its_srikandi_reference_shown(
    driver: Driver, office_staff: Office, tmp_path: Path
) -> None:
    o = office_staff
    letter = signed_letter(o)
    target = tmp_path / "keluar" / "untuk-srikandi.pdf"
    target.parent.mkdir()

    def hand_off(dialog: HandoffDialog) -> None:
        fits(dialog)
        driver.save_file_as(target)
        driver.click("Simpan Berkas...", within=dialog)
        driver.wait_until(lambda: "Tersimpan" in dialog.written.text(), "the files")
        driver.type_into(dialog.reference, "SRK/2026/000123")
        driver.click("Simpan Referensi", within=dialog)
        driver.wait_until(lambda: "disimpan" in dialog.written.text(), "the reference")

    driver.log_in(o.store, o.drafter)
    driver.open_queue(Queue.OUTGOING)
    driver.open_letter("Undangan Rapat Koordinasi Dana Kampung")
    driver.when_opened(HandoffDialog, hand_off)
    driver.click("Serahkan ke SRIKANDI...")
    driver.wait_until(lambda: driver.field("SRIKANDI") == "SRK/2026/000123", "the reference")
    assert (
        json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))["nomor_naskah"]
        == letter.number
    )
    docx = Document(str(target.with_suffix(".docx")))
    assert any(letter.number in c.text for t in docx.tables for r in t.rows for c in r.cells)


def test_a_letter_downloaded_from_srikandi_is_registered_from_the_menu(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    pdf, meta = srikandi_download(tmp_path)
    said: list[str] = []

    def register(dialog: SrikandiImportDialog) -> None:
        fits(dialog)
        driver.choose_file(pdf)
        driver.click("Pilih PDF...", within=dialog)
        driver.choose_file(meta)
        driver.click("Pilih Isian JSON...", within=dialog)
        driver.click("Catat sebagai Surat Masuk", within=dialog)
        driver.wait_until(lambda: dialog.registered is not None, "the registration")
        said.append(dialog.result_label.text())

    driver.log_in(o.store, o.registrar)
    driver.when_opened(SrikandiImportDialog, register)
    driver.click("Administrasi", "Impor dari SRIKANDI...")
    assert said == [
        "Dicatat sebagai surat masuk agenda 001/"
        f"{clock.today().year} dari Dinas Pemberdayaan Masyarakat dan Kampung."
    ]
    page = driver.open_incoming("Surat Masuk")
    driver.wait_until(lambda: page.model.rowCount() == 1, "the letter listed")
