"""Filing and retention at the screen: the agendaris files a finished incoming letter into a new
berkas from Arsip > Berkaskan surat, saves the berkas index as PDF from Arsip > Daftar berkas, and
opens Arsip > Retensi, where a berkas filed five years ago under a 2+3 year code is due for
destruction; a drafter starts the berita acara with the list from there."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from desktop.letters import filing
from desktop.letters.filing import BerkasInput
from desktop.store.models import Letter
from desktop.ui.filing import BerkasDialog, FileLetterDialog
from desktop.ui.qt import QTableView
from desktop.ui.retention import RetentionDialog, ScheduleDialog
from tests.clocks import WIT, TestClock
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf
from tests.ui.driver import Driver

WINDOW_LIMIT = (1093, 574)
CODE = "000.1.4"  # 2 years active, 3 inactive, musnah (shipped JRA)


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def cells(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def fits(dialog: object) -> None:
    hint = dialog.minimumSizeHint()  # type: ignore[attr-defined]
    assert hint.width() <= WINDOW_LIMIT[0] and hint.height() <= WINDOW_LIMIT[1], (
        f"{type(dialog).__name__} needs {hint.width()}x{hint.height()}"
    )


def test_filing_a_letter_printing_the_index_and_the_retention_list(
    driver: Driver, o: IncomingOffice, tmp_path: Path, test_clock: TestClock
) -> None:
    now = test_clock.now()
    test_clock.at(datetime(now.year - 5, now.month, now.day, 9, 0, tzinfo=WIT))
    old = register(o, [write_pdf(tmp_path, "old.pdf", 1)], classification_code=CODE,
                   sender_number="LAMA/1", hal="Pinjam aula lama")  # fmt: skip
    filing.file_letter(
        o.store, o.registrar, "masuk", old.id,
        new_berkas=BerkasInput(CODE, old.received_date.year, "Peminjaman aula lama"),
    )  # fmt: skip
    test_clock.at(now)
    register(o, [write_pdf(tmp_path, "new.pdf", 1, "Baru")], classification_code=CODE,
                      sender_number="BARU/7", hal="Pinjam aula kantor camat")  # fmt: skip

    driver.log_in(o.store, o.registrar)

    # Arsip > Berkaskan surat: the new letter waits; a new berkas is suggested for its code.
    def file_it(dialog: FileLetterDialog) -> None:
        fits(dialog)
        driver.wait_until(lambda: len(cells(dialog.table)) == 1, "the letter waiting")
        assert cells(dialog.table)[0][2:5] == ["BARU/7", "Pinjam aula kantor camat", CODE]
        driver.wait_until(lambda: dialog.file_button.isEnabled(), "the suggested berkas")
        assert dialog.berkas.currentText() == "+ Berkas baru"
        assert dialog.new_title.text().startswith("Penggunaan Fasilitas Kantor")
        driver.type_into(dialog.new_title, "Peminjaman aula tahun ini", replace=True)
        driver.click("Berkaskan", within=dialog)
        driver.wait_until(lambda: cells(dialog.table) == [], "the letter to leave the list")
        assert dialog.empty.isVisible()

    filed = driver.when_opened(FileLetterDialog, file_it)
    driver.click("Arsip", "Berkaskan surat...")
    assert len(filed) == 1
    (row,) = filing.list_berkas(o.store, year=now.year)
    assert (row.berkas.title, row.items) == ("Peminjaman aula tahun ini", 1)

    # Arsip > Daftar berkas: the berkas with its letter, and its index saved as PDF.
    index = tmp_path / "daftar-isi.pdf"
    driver.save_file_as(index)

    def print_index(dialog: BerkasDialog) -> None:
        fits(dialog)
        driver.wait_until(lambda: len(cells(dialog.table)) == 2, "both berkas")
        (mine,) = [i for i, r in enumerate(cells(dialog.table)) if r[2] == row.berkas.title]
        driver.select_row(mine, table=dialog.table)
        driver.wait_until(lambda: len(cells(dialog.items)) == 1, "the berkas' letter")
        assert cells(dialog.items)[0][1:3] == ["BARU/7", "Pinjam aula kantor camat"]
        driver.click("Simpan daftar isi (PDF)...", within=dialog)

    driver.when_opened(BerkasDialog, print_index)
    driver.click("Arsip", "Daftar berkas...")
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(index).pages).split())
    assert "DAFTAR ISI BERKAS" in text and "Peminjaman aula tahun ini" in text
    assert "Pinjam aula kantor camat" in text and "BARU/7" in text

    # Arsip > Retensi: the old berkas is due for destruction; the agendaris cannot write the
    # berita acara (a drafter does), but marks it once done.
    def look(dialog: RetentionDialog) -> None:
        fits(dialog)
        driver.wait_until(lambda: len(cells(dialog.table)) == 1, "the due berkas")
        due = cells(dialog.table)[0]
        assert due[:4] == ["Musnah", CODE, "Peminjaman aula lama", str(now.year - 5)]
        assert "2 th aktif + 3 th inaktif" in due[5]
        driver.select_row(0, table=dialog.table)
        assert not dialog.ba_button.isEnabled()
        assert dialog.finish_button.isEnabled()

    # The first announcement of a kind handles every one: the agendaris' look, then the drafter's.
    steps = [look]
    driver.when_opened(RetentionDialog, lambda dialog: steps.pop(0)(dialog))
    driver.click("Arsip", "Retensi...")

    driver.log_in(o.store, o.drafter)

    def berita_acara(dialog: RetentionDialog) -> None:
        driver.wait_until(lambda: len(cells(dialog.table)) == 1, "the due berkas")
        driver.select_row(0, table=dialog.table)
        driver.click("Buat berita acara", within=dialog)

    steps.append(berita_acara)
    driver.click("Arsip", "Retensi...")
    page = driver.editor_page()
    assert page is not None
    with o.store.read() as s:
        (draft,) = s.exec(select(Letter).where(Letter.letter_type == "berita_acara")).all()
    assert "DAFTAR ARSIP USUL MUSNAH" in draft.body_html
    assert "Peminjaman aula lama" in draft.body_html


def test_the_administrator_fills_a_code_without_figures_in_the_schedule(
    driver: Driver, o: IncomingOffice
) -> None:
    driver.log_in(o.store, o.admin)

    def set_rule(dialog: ScheduleDialog) -> None:
        fits(dialog)
        driver.type_into(dialog.search, "400.10.2")
        driver.wait_until(
            lambda: bool(cells(dialog.table)) and cells(dialog.table)[0][0] == "400.10.2",
            "the code",
        )
        assert cells(dialog.table)[0][2:6] == ["", "", "", ""]  # no figure shipped
        driver.select_row(0, table=dialog.table)
        driver.type_into(dialog.active, "2", replace=True)
        driver.type_into(dialog.inactive, "8", replace=True)
        driver.pick(dialog.fate, "Permanen")
        driver.type_into(dialog.note, "Perbup 5/2025")
        driver.click("Simpan aturan kantor", within=dialog)
        driver.wait_until(lambda: cells(dialog.table)[0][5] == "aturan kantor", "the rule")
        assert cells(dialog.table)[0][2:5] == ["2", "8", "Permanen"]

    driver.when_opened(ScheduleDialog, set_rule)
    driver.click("Arsip", "Jadwal retensi...")


def test_a_view_can_open_the_filing_dialog_on_its_own_letter(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    register(o, [write_pdf(tmp_path, "a.pdf", 1)], classification_code=CODE, sender_number="A/1")
    second = register(o, [write_pdf(tmp_path, "b.pdf", 1, "B")], classification_code=CODE,
                      sender_number="B/2", hal="Surat kedua")  # fmt: skip
    dialog = driver.show(FileLetterDialog(o.store, o.registrar, preselect=("masuk", second.id)))
    driver.wait_until(lambda: "B/2" in dialog.letter_label.text(), "the chosen letter")
    assert dialog.file_button.isEnabled()
    dialog.reject()
