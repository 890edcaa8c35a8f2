"""The registrar voids an agenda number from the opened letter, with a reason; the letter stays
in Surat Masuk, marked Dibatalkan, and leaves Surat Masuk Baru."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui.review_dialogs import NoteDialog
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf
from tests.ui.driver import Driver
from tests.ui.test_incoming_flow import open_first


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def test_the_registrar_voids_an_agenda_number(
    driver: Driver, o: IncomingOffice, tmp_path: Path
) -> None:
    register(o, [write_pdf(tmp_path, "a.pdf", 1)])
    driver.log_in(o.store, o.registrar)
    page = driver.open_incoming("Surat Masuk Baru")
    view = open_first(driver, page)
    assert view.void_button.isVisible()
    driver.click("Batalkan Nomor Agenda...")
    dialog = driver.dialog(NoteDialog)
    assert not dialog.ok_button.isEnabled()  # a reason is required
    driver.type_into(dialog.note, "Tercatat dua kali")
    driver.click("Batalkan nomor")
    driver.wait_until(
        lambda: view.data is not None and view.data.letter.state == "dibatalkan", "the voiding"
    )
    assert driver.status_message() == "Nomor agenda dibatalkan."
    assert not view.void_button.isVisible() and not view.dispose_button.isVisible()
    driver.click(view.back_button)
    driver.wait_until(lambda: page.model.rowCount() == 0, "Surat Masuk Baru to be empty")
    page = driver.open_incoming("Surat Masuk")
    driver.wait_until(lambda: page.model.rowCount() == 1, "the letter still in the register")
