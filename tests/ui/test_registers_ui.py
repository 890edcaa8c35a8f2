"""The camat's dashboard and the registrar's agenda book, at the screen: the figures of a known
office on a known day, the page back to the list from the keyboard, and a year's agenda book
saved as Excel from "Laporan" > "Buku Agenda..." (a period that ends before it starts is
refused in the dialog, and nothing is written)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from desktop.letters import disposition
from desktop.letters.disposition import DispositionInput
from desktop.store import clock
from desktop.ui.dashboard import DashboardPage
from desktop.ui.qt import QDate, QKeySequence, Qt
from desktop.ui.registers_dialog import RegistersDialog
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.test_registers import scan_of, sign_letter
from tests.ui.driver import Driver
from tests.ui.test_screen_fit import problems_of


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def seed(o: IncomingOffice, folder: Path) -> None:
    """Three letters in this month (one disposed to two kasi, one to a kasi and overdue), one
    from last year; two letters signed this month and one last year."""
    today = clock.today()
    letters = [
        register(
            o,
            scan_of(folder, i),
            sender_number=f"{i}/A",
            hal=f"Hal nomor {i}",
            classification_code=code,
        )
        for i, code in enumerate(["400.10.2.2", "400.5", "000.1.5"])
    ]
    last_year = today.replace(year=today.year - 1)
    register(
        o,
        scan_of(folder, 9),
        sender_number="9/B",
        received_date=last_year,
        sender_date=last_year,
        classification_code="100.1",
    )
    later = today + timedelta(days=5)
    disposition.dispose(
        o.store,
        o.camat,
        letters[0].id,
        DispositionInput([o.kasi_pem.id, o.kasi_kesra.id], ["Koordinasikan"], due_date=later),
    )
    (late,) = disposition.dispose(
        o.store,
        o.camat,
        letters[1].id,
        DispositionInput([o.kasi_pem.id], ["Koordinasikan"], due_date=later),
    )
    with o.store.write() as s:  # given earlier with a deadline now past
        s.exec(
            text("UPDATE disposition SET due_date = :d WHERE id = :i").bindparams(
                d=today - timedelta(days=2), i=late.id
            )
        )
    sign_letter(o, today)
    sign_letter(o, today.replace(day=1))
    sign_letter(o, last_year)


def test_the_dashboard_shows_the_office_figures_and_esc_goes_back(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    seed(o, tmp_path)
    window = driver.log_in(o.store, o.camat)
    assert driver.menu_item("Laporan", "Dasbor").shortcut() == QKeySequence("Ctrl+Shift+D")
    driver.click("Laporan", "Dasbor")
    page = window.stack.currentWidget()
    assert isinstance(page, DashboardPage)
    driver.wait_until(lambda: page.figures is not None, "the figures")
    shown = {
        tile.value.objectName(): tile.value.text()
        for tile in (page.incoming, page.outgoing, page.open, page.overdue)
    }
    assert shown == {
        "incomingMonth": "3",
        "outgoingMonth": "2",
        "openDispositions": "3",
        "overdueDispositions": "1",
    }
    today = clock.today()
    assert str(today.year) in page.heading.text()
    by_code = page.by_classification.accessibleDescription()
    assert "000 " in by_code and ": 3" in by_code  # 1 incoming + 2 outgoing under 000.1.5
    assert [(b.key, b.count) for b in page.by_classification.bars] == [("000", 3), ("400", 2)]
    assert page.by_type.accessibleDescription() == "Surat Undangan: 2"
    assert page.by_classification.isVisible() and page.by_classification.height() >= 150
    assert not problems_of(window, "the dashboard")
    # The registrar records another letter: the figure on screen follows.
    register(o, scan_of(tmp_path, 20), sender_number="20/C", hal="Surat baru")
    driver.wait_until(lambda: page.incoming.value.text() == "4", "the new letter counted")
    driver.press(page, Qt.Key.Key_Escape)
    driver.wait_until(lambda: window.stack.currentWidget() is window.list_page, "the list")


def test_a_year_of_incoming_letters_saved_as_excel_from_the_menu(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    first = register(o, scan_of(tmp_path, 1), hal="Undangan Rapat Evaluasi Dana Kampung")
    driver.log_in(o.store, o.registrar)
    out = tmp_path / "laporan" / "agenda-masuk.xlsx"
    out.parent.mkdir()
    pdf = out.with_name("agenda-masuk.pdf")
    driver.save_file_as(out)

    def fill(dialog: RegistersDialog) -> None:
        assert not problems_of(dialog, "Buku Agenda")
        # A date range backwards: refused in the dialog, and no file is asked for.
        driver.click(dialog.by_range)
        assert dialog.date_from.isEnabled() and not dialog.year.isEnabled()
        dialog.date_from.setDate(QDate(2026, 12, 20))  # as picked from the calendar
        dialog.date_to.setDate(QDate(2026, 12, 1))
        driver.pick(dialog.format, "Excel (.xlsx)")
        assert not dialog.paper.isEnabled()  # paper is for the PDF only
        driver.click("Simpan...", within=dialog)
        assert dialog.error.isVisible() and "Tanggal akhir" in dialog.error.text()
        assert not out.exists()
        # The year, then.
        driver.click(dialog.by_year)
        driver.type_into(dialog.year, str(first.received_date.year), replace=True)
        driver.pick(dialog.register, "Surat Masuk")
        driver.click("Simpan...", within=dialog)
        driver.wait_until(lambda: dialog.exported is not None, "the book written")
        assert not dialog.error.isVisible()
        assert "1 surat" in dialog.note.text()
        # The same book to print, on F4, written on its own thread.
        driver.save_file_as(pdf)
        dialog.exported = None
        driver.pick(dialog.format, "PDF untuk dicetak")
        assert dialog.paper.isEnabled()
        driver.pick(dialog.paper, "F4 mendatar")
        driver.click("Simpan...", within=dialog)
        driver.wait_until(lambda: dialog.exported is not None, "the PDF written")

    opened = driver.when_opened(RegistersDialog, fill)
    driver.click("Laporan", "Buku Agenda...")
    assert len(opened) == 1
    assert "Buku agenda disimpan" in driver.status_message()
    sheet = load_workbook(out).active
    assert sheet is not None
    row = [c.value for c in sheet[2]]
    assert row[1:3] == [
        first.agenda_number,
        datetime.combine(first.received_date, datetime.min.time()),
    ]
    assert row[6] == "Undangan Rapat Evaluasi Dana Kampung"
    assert sorted(p.name for p in out.parent.iterdir()) == ["agenda-masuk.pdf", "agenda-masuk.xlsx"]
    page = PdfReader(pdf).pages[0]
    assert round(float(page.mediabox.width)) == 935  # F4 landscape: 330 mm wide
    assert "Undangan Rapat Evaluasi Dana Kampung" in " ".join(page.extract_text().split())
