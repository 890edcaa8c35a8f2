"""An incoming letter through the office, at the screen: the registrar drops a 3-page scan and
records it; the camat disposes it to two kasi with a due date; one forwards it to a staffer, who
answers it with "Balas" and finishes the disposition; the other lets it go overdue, which his
Disposisi queue counts and shows; the printed disposition sheet reads back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.store import clock
from desktop.ui.incoming_dialogs import (
    DispositionDialog,
    DuplicateDialog,
    RegisterDialog,
    TextDialog,
)
from desktop.ui.incoming_page import IncomingPage
from desktop.ui.incoming_view import IncomingView
from desktop.ui.qt import QListWidget, Qt
from desktop.ui.scan_viewer import ScanSource, pages_pdf
from tests.clocks import TestClock
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf
from tests.ui.driver import Driver, dragged_files

WINDOW_LIMIT = (1093, 574)


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def tick(driver: Driver, widget: QListWidget, text: str) -> None:
    """Go to the row reading ``text`` and tick it with the space bar."""
    (row,) = [i for i in range(widget.count()) if widget.item(i).text().startswith(text)]
    driver.select_row(row, table=widget)
    driver.press(widget, Qt.Key.Key_Space)
    assert widget.item(row).checkState() == Qt.CheckState.Checked, f"{text!r} not ticked"


def open_first(driver: Driver, page: IncomingPage) -> IncomingView:
    """Go to the first row of the list and press Enter; the letter opens."""
    driver.wait_until(lambda: page.model.rowCount() > 0, "a letter in the list")
    driver.select_row(0, table=page.table)
    driver.press(page.table, Qt.Key.Key_Return)
    driver.wait_until(lambda: page.view is not None and page.view.data is not None, "the letter")
    assert page.view is not None
    return page.view


def fits(widget: object) -> None:
    hint = widget.minimumSizeHint()  # type: ignore[attr-defined]
    assert hint.width() <= WINDOW_LIMIT[0] and hint.height() <= WINDOW_LIMIT[1], (
        f"{type(widget).__name__} needs {hint.width()}x{hint.height()}"
    )


def test_register_dispose_forward_finish_and_overdue(
    driver: Driver, o: IncomingOffice, tmp_path: Path, test_clock: TestClock
) -> None:
    scan = write_pdf(tmp_path, "undangan-dpmk.pdf", 3, "Undangan")

    # The registrar drops the scan on the dialog, looks through it and records the letter.
    driver.log_in(o.store, o.registrar)
    page = driver.open_incoming("Surat Masuk Baru")
    driver.click("+ Catat Surat Masuk...")
    dialog = driver.dialog(RegisterDialog)
    fits(dialog)
    assert driver.drag(dragged_files(scan), on=dialog)
    assert driver.drop(dragged_files(scan), on=dialog)
    viewer = dialog.viewer
    assert viewer.page_label.text() == "Halaman 1 dari 3"
    driver.press(viewer.scroller, Qt.Key.Key_PageDown)
    assert viewer.page_label.text() == "Halaman 2 dari 3"
    driver.click(viewer.rotate_button)
    assert viewer.rotation == {1: 90}
    zoom = viewer.zoom
    driver.click(viewer.zoom_in_button)
    assert viewer.zoom > zoom and viewer.zoom_label.text() == f"{round(viewer.zoom * 100)}%"
    driver.type_into(dialog.sender_edit, "Dinas Pemberdayaan Masyarakat dan Kampung")
    driver.type_into(dialog.sender_number, "400.10/123/DPMK/2026")
    driver.type_into(dialog.hal, "Undangan Rapat Evaluasi Dana Kampung")
    driver.type_into(dialog.classification, "400.10.2.2")
    driver.pick(dialog.addressed_to, "Agustinus Mabel")
    driver.click("Simpan", within=dialog)
    driver.wait_until(lambda: not dialog.isVisible(), "the dialog to close")
    year = test_clock.now().astimezone().year
    fits(page)
    assert driver.status_message() == f"Surat masuk dicatat dengan nomor agenda 001/{year}."
    assert page.model.rowCount() == 1

    # The camat finds it among the new letters and disposes it to both kasi, due in two days.
    driver.log_in(o.store, o.camat)
    driver.wait_until(lambda: "Surat Masuk Baru  (1)" in driver.sidebar(), "the new letter count")
    page = driver.open_incoming("Surat Masuk Baru")
    view = open_first(driver, page)
    assert view.viewer.page_count == 3 and view.fields["agenda"].text() == f"001/{year}"
    fits(view)
    driver.click("Disposisi...")
    dispose = driver.dialog(DispositionDialog)
    fits(dispose)
    tick(driver, dispose.recipients, "Sari Wulandari")
    tick(driver, dispose.recipients, "Yosef Lokobal")
    tick(driver, dispose.instructions, "Proses lebih lanjut")
    driver.type_into(dispose.note, "Laporkan sebelum rapat.")
    driver.click(dispose.use_due)
    for _ in range(2):
        driver.press(dispose.due, Qt.Key.Key_Up)  # the day: today + 2
    driver.click("Kirim Disposisi", within=dispose)
    driver.wait_until(lambda: driver.status_message() == "Disposisi dikirim.", "the message")
    assert view.tree_model.rowCount() == 2

    # The kasi pemerintahan forwards his to the staffer.
    driver.log_in(o.store, o.kasi_pem)
    driver.wait_until(lambda: "Disposisi  (1)" in driver.sidebar(), "his disposition count")
    view = open_first(driver, driver.open_incoming("Disposisi"))
    driver.click("Teruskan...")
    forward = driver.dialog(DispositionDialog)
    tick(driver, forward.recipients, "Maria Itlay")
    tick(driver, forward.instructions, "Siapkan jawaban")
    driver.click("Kirim Disposisi", within=forward)
    driver.wait_until(lambda: driver.status_message() == "Disposisi diteruskan.", "the message")

    # The staffer answers with "Balas", then finishes the disposition with that reply.
    driver.log_in(o.store, o.staffer)
    view = open_first(driver, driver.open_incoming("Disposisi"))
    driver.click("Balas")
    editor = driver.editor_page()
    assert "Menindaklanjuti surat Dinas Pemberdayaan" in editor.editor.body.text.toPlainText()
    driver.back_to_list()
    view = open_first(driver, driver.open_incoming("Disposisi"))
    assert any("Balasan: Surat keluar" in view.thread_list.item(i).text()
               for i in range(view.thread_list.count()))  # fmt: skip

    def finish(dialog: TextDialog) -> None:
        driver.type_into(dialog.text_edit, "Jawaban sudah disiapkan.")
        driver.pick(dialog.choice, "Surat keluar")
        driver.click("Simpan", within=dialog)

    driver.click("Selesaikan...")
    done = driver.dialog(TextDialog)
    finish(done)
    driver.wait_until(lambda: driver.status_message() == "Disposisi selesai.", "the message")
    driver.wait_until(lambda: driver.sidebar()[-1] == "Disposisi", "her queue to empty")

    # Three days on, the kasi kesra has not acted: his queue counts it overdue, in red.
    test_clock.at(test_clock.now() + timedelta(days=3))
    driver.log_in(o.store, o.kasi_kesra)
    driver.wait_until(lambda: driver.sidebar()[-1] == "Disposisi  (1 · 1 terlambat)", "overdue")
    page = driver.open_incoming("Disposisi")
    due = page.model.index(0, page.model.column_of("due_date"))
    assert "terlambat" in due.data()
    assert due.data(Qt.ItemDataRole.ForegroundRole) is not None
    driver.click(page.overdue_only)
    assert page.model.rowCount() == 1

    # The camat prints the disposition sheet: the tree is written out on it.
    driver.log_in(o.store, o.camat)
    view = open_first(driver, driver.open_incoming("Surat Masuk"))
    assert "terlambat" in view.tree_model.index(1, 1).data()
    printed = tmp_path / "lembar.pdf"
    driver.print_to(printed)
    driver.click("Cetak Lembar Disposisi...")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(printed).pages).split())
    for expected in (
        "LEMBAR DISPOSISI",
        "Dinas Pemberdayaan Masyarakat dan Kampung",
        "400.10/123/DPMK/2026",
        f"001/{year}",
        "Proses lebih lanjut",
        "Laporkan sebelum rapat.",
        "Maria Itlay",
        "Jawaban sudah disiapkan.",
    ):
        assert expected in text, expected  # fmt: skip


# The sender's name completes from the directory: its popup is offscreen noise here.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing")
def test_a_duplicate_is_flagged_and_a_bad_file_explained(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    first = write_pdf(tmp_path, "a.pdf", 1)
    register(o, [first])
    driver.log_in(o.store, o.registrar)
    driver.open_incoming("Surat Masuk")
    bad = tmp_path / "surat.docx"
    bad.write_bytes(b"PK\x03\x04 not a scan")
    driver.click("+ Catat Surat Masuk...")
    dialog = driver.dialog(RegisterDialog)
    driver.choose_file(bad)
    driver.click("Tambah Berkas...", within=dialog)
    driver.type_into(dialog.sender_edit, "Dinas Pemberdayaan Masyarakat dan Kampung")
    driver.type_into(dialog.sender_number, "400.10/123/DPMK/2026")
    driver.type_into(dialog.hal, "Undangan yang sama")
    driver.click("Simpan", within=dialog)
    driver.wait_until(dialog.errors.isVisible, "the refusal")
    assert "surat.docx" in dialog.errors.text() and "bukan PDF" in dialog.errors.text()

    driver.click("Hapus Berkas", within=dialog)
    driver.choose_file(write_pdf(tmp_path, "b.pdf", 2, "Lain"))
    driver.click("Tambah Berkas...", within=dialog)
    chosen = driver.when_opened(
        DuplicateDialog, lambda d: driver.click("Catat dan Tautkan", within=d)
    )
    driver.click("Simpan", within=dialog)
    driver.wait_until(lambda: not dialog.isVisible(), "the letter to be saved")
    assert len(chosen) == 1 and "001/" in chosen[0].findChild(QListWidget).item(0).text()
    page = driver.window.incoming.page
    assert page is not None and page.model.rowCount() == 2
    view = open_first(driver, page)
    assert (
        view.thread_list.count() == 1 and "Kemungkinan duplikat" in view.thread_list.item(0).text()
    )


def test_a_rahasia_letter_is_not_listed_for_a_staffer_and_watermarked_for_the_camat(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    register(o, [write_pdf(tmp_path, "r.pdf", 1)], sifat="Rahasia", addressed_to_id=o.camat.id)
    driver.log_in(o.store, o.staffer)
    page = driver.open_incoming("Surat Masuk")
    assert page.model.rowCount() == 0
    driver.log_in(o.store, o.camat)
    view = open_first(driver, driver.open_incoming("Surat Masuk"))
    assert view.viewer.watermark.startswith("Dilihat oleh Agustinus Mabel")
    saved = tmp_path / "salinan.pdf"
    driver.save_file_as(saved)
    driver.click("Simpan Pindaian...")
    driver.wait_until(saved.exists, "the saved copy")
    assert len(PdfReader(saved).pages) == 1
    assert red_pixels(saved) > 500, "the saved copy carries the red watermark"
    printed = tmp_path / "cetak.pdf"
    driver.print_to(printed)
    driver.click("Cetak Pindaian...")
    assert len(PdfReader(printed).pages) == 1
    assert red_pixels(printed) > 500, "the print carries the watermark too"
    # The same scan saved by someone reading a Biasa letter has none: the red is the mark.
    plain = tmp_path / "biasa.pdf"
    plain.write_bytes(pages_pdf([ScanSource(tmp_path / "r.pdf", "application/pdf")], ""))
    assert red_pixels(plain) == 0


def red_pixels(path: Path) -> int:
    from desktop.ui.qt import QSize
    from desktop.ui.qt_pdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    image = doc.render(0, QSize(200, 280))
    doc.close()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if (c := image.pixelColor(x, y)).red() - c.green() > 40
    )


def test_the_administrator_edits_the_standard_instructions(
    driver: Driver, o: IncomingOffice
) -> None:
    from desktop.letters import disposition
    from desktop.ui.incoming_dialogs import InstructionsDialog

    def edit(dialog: InstructionsDialog) -> None:
        fits(dialog)
        before = dialog.rows.count()
        driver.type_into(dialog.text, "Laporkan hasilnya", replace=True)
        driver.click("Tambah", within=dialog)
        driver.wait_until(lambda: dialog.rows.count() == before + 1, "the new instruction")
        (row,) = [i for i in range(dialog.rows.count()) if dialog.rows.item(i).text() == "Arsipkan"]
        driver.select_row(row, table=dialog.rows)
        driver.click("Nonaktifkan/Aktifkan", within=dialog)
        driver.wait_until(
            lambda: dialog.rows.item(row).text() == "Arsipkan (nonaktif)", "Arsipkan retired"
        )

    driver.log_in(o.store, o.admin)
    opened = driver.when_opened(InstructionsDialog, edit)
    driver.click("Administrasi", "Instruksi Disposisi...")
    assert len(opened) == 1
    texts = [i.text for i in disposition.instructions(o.store)]
    assert texts[-1] == "Laporkan hasilnya" and "Arsipkan" not in texts


def test_surat_masuk_filters_by_classification_and_received_date(
    driver: Driver, o: IncomingOffice, tmp_path: Path, test_clock: TestClock
) -> None:
    old = clock.today() - timedelta(days=40)
    register(o, [write_pdf(tmp_path, "a.pdf", 1)], received_date=old, sender_date=old)
    register(o, [write_pdf(tmp_path, "b.pdf", 1, "B")], sender_number="B/2",
             hal="Surat edaran", classification_code="000.1.5")  # fmt: skip
    driver.log_in(o.store, o.camat)
    page = driver.open_incoming("Surat Masuk")
    assert page.model.rowCount() == 2
    driver.type_into(page.classification, "400")
    driver.press(page.search, Qt.Key.Key_Return)
    assert [page.model.row_at(0).hal] == ["Undangan Rapat Evaluasi Dana Kampung"]  # type: ignore[union-attr]
    driver.clear(page.classification)
    driver.click(page.use_dates)
    start = clock.today() - timedelta(days=10)
    driver.type_into(page.date_from, start.strftime("%d/%m/%Y"), replace=True)
    driver.wait_until(lambda: page.model.rowCount() == 1, "only the recent letter")
    assert page.model.row_at(0).hal == "Surat edaran"  # type: ignore[union-attr]


@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing")
def test_the_registrar_gives_a_sender_an_alias_and_registering_finds_it(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    from desktop.ui.incoming_dialogs import SendersDialog

    register(o, [write_pdf(tmp_path, "a.pdf", 1)])

    def add_alias(dialog: SendersDialog) -> None:
        fits(dialog)
        driver.type_into(dialog.search, "pemberdayaan")
        driver.select_row(0, table=dialog.rows)
        driver.type_into(dialog.aliases, "DPMK; Dinas PMK Kab. Jayawijaya", replace=True)
        driver.click("Simpan", within=dialog)
        driver.wait_until(lambda: "DPMK" in dialog.rows.item(0).text(), "the alias saved")

    driver.log_in(o.store, o.registrar)
    driver.when_opened(SendersDialog, add_alias)
    driver.click("Administrasi", "Daftar Pengirim...")
    driver.open_incoming("Surat Masuk")
    driver.click("+ Catat Surat Masuk...")
    dialog = driver.dialog(RegisterDialog)
    driver.choose_file(write_pdf(tmp_path, "b.pdf", 1, "B"))
    driver.click("Tambah Berkas...", within=dialog)
    driver.type_into(dialog.sender_edit, "dpmk")
    driver.type_into(dialog.sender_number, "400/2/2026")
    driver.type_into(dialog.hal, "Surat kedua")
    driver.click("Simpan", within=dialog)
    driver.wait_until(lambda: not dialog.isVisible(), "the letter to be saved")
    page = driver.window.incoming.page
    assert page is not None
    driver.wait_until(lambda: page.model.rowCount() == 2, "both letters listed")
    assert {page.model.row_at(i).sender_name for i in range(2)} == {  # type: ignore[union-attr]
        "Dinas Pemberdayaan Masyarakat dan Kampung"
    }
