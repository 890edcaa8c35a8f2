"""At the screen: the agendaris imports last year's buku agenda surat keluar from Excel (the
guessed columns, the preview, the report of the rows left out), finds an imported letter in
Surat Keluar under its old number, marked as imported, and takes the import back from the list
of imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.letters.queries import Queue
from desktop.store import clock
from desktop.ui.agenda_import_dialog import AgendaImportDialog, ImportBatchesDialog
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, staff_incoming
from tests.letters.outgoing_books import number_of, write_outgoing_xlsx
from tests.ui.driver import Driver
from tests.ui.test_incoming_flow import fits


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def test_the_agendaris_imports_an_outgoing_book_and_takes_it_back(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    year = clock.today().year - 1
    book = write_outgoing_xlsx(tmp_path / "agenda-keluar.xlsx", year, 120, broken_every=30)
    seen: dict[str, object] = {}

    def import_book(dialog: AgendaImportDialog) -> None:
        fits(dialog)
        assert dialog.windowTitle() == "Impor Buku Agenda Surat Keluar"
        driver.choose_file(book.path)
        driver.click("Pilih Berkas...", within=dialog)
        driver.wait_until(lambda: dialog.model.rowCount() == 50, "the preview")
        seen["guess"] = {n: c.currentText() for n, c in dialog.columns.items()}
        seen["row_33"] = [dialog.model.index(29, c).data() for c in (0, 7)]
        seen["first"] = [dialog.model.index(0, c).data() for c in range(1, 7)]
        driver.click("Impor", within=dialog)
        driver.wait_until(dialog.report_text.isVisible, "the report")
        seen["report"] = dialog.report_text.toPlainText()

    driver.log_in(o.store, o.registrar)
    driver.when_opened(AgendaImportDialog, import_book)
    driver.click("Administrasi", "Impor Buku Agenda Surat Keluar...")

    guess = seen["guess"]
    assert isinstance(guess, dict)
    assert guess["number"] == "C: Nomor Surat" and guess["addressee"] == "D: Kepada"
    assert guess["letter_date"] == "B: Tanggal Surat" and guess["urgency"] == "(tidak ada)"
    assert seen["row_33"] == ["33", f"Tanggal surat tidak terbaca: 31 Februari {year}."]
    assert seen["first"] == [
        number_of(0, year), f"02-01-{year}", "Bupati Jayawijaya",
        "Undangan musyawarah kampung (1)", "000.1.4", "surat_dinas",
    ]  # fmt: skip
    report = str(seen["report"])
    assert report.startswith("116 surat diimpor sebagai satu impor")
    assert "Baris 63: Kode klasifikasi tidak dikenal: 999.99.9." in report
    assert "Baris 93: Tujuan surat (Kepada) kosong." in report

    # In Surat Keluar under its old number, marked as imported, with nothing to sign or void.
    driver.open_queue(Queue.OUTGOING)
    driver.wait_until(lambda: driver.row_count() == 116, "the imported letters")
    view = driver.open_letter("Laporan bulanan (2)")
    driver.letter_view()
    assert driver.field("Nomor") == f"{number_of(1, year)} (dari buku agenda yang diimpor)"
    assert driver.field("Status") == "Ditandatangani"
    assert not view.void_button.isVisible() and not view.sign_button.isVisible()
    driver.back_to_list()

    def undo(dialog: ImportBatchesDialog) -> None:
        assert dialog.rows.count() == 1
        assert "116 surat keluar, tahun " + str(year) in dialog.rows.item(0).text()
        driver.click("Batalkan Impor", within=dialog)
        driver.wait_until(lambda: dialog.rows.count() == 0, "the import gone")

    driver.when_opened(ImportBatchesDialog, undo)
    driver.click("Administrasi", "Batalkan Impor Buku Agenda...")
    driver.wait_until(lambda: driver.row_count() == 0, "Surat Keluar empty again")
