"""The GUI driver itself is strict: what a person could not do, or would not notice, fails."""

from __future__ import annotations

import pytest

from desktop.ui.people import PeopleDialog
from desktop.ui.qt import QMessageBox
from tests.conftest import Office
from tests.ui.driver import Driver


def test_only_a_single_enabled_button_on_screen_is_clicked(
    driver: Driver, office_staff: Office
) -> None:
    driver.log_in(office_staff.store, office_staff.drafter)
    with pytest.raises(AssertionError, match=r"'Administrasi > Pegawai\.\.\.' is disabled"):
        driver.click("Administrasi", "Pegawai...")
    with pytest.raises(AssertionError, match="'Surat Dinas' is ambiguous"):
        driver.click("Surat Dinas")  # in "+ Konsep Baru" and in Surat > Konsep Baru
    with pytest.raises(AssertionError, match="no button or menu item 'Paraf'"):
        driver.click("Paraf")  # no letter is open
    driver.click("+ Konsep Baru", "Surat Dinas")
    driver.editor_page()
    with pytest.raises(AssertionError, match="the sidebar is not on screen"):
        driver.open_queue("Surat Keluar")


def test_a_modal_dialog_nobody_announced_fails_the_click(
    driver: Driver, office_staff: Office
) -> None:
    driver.log_in(office_staff.store, office_staff.admin)
    with pytest.raises(AssertionError, match="a modal PeopleDialog 'Pegawai dan akun' opened"):
        driver.click("Administrasi", "Pegawai...")
    opened = driver.when_opened(PeopleDialog, lambda _dialog: None)
    driver.click("Administrasi", "Pegawai...")
    assert len(opened) == 1 and not opened[0].isVisible()  # closed again with "Batal"


def test_what_the_test_did_not_see_fails_it_at_the_end(driver: Driver) -> None:
    driver.when_opened(PeopleDialog, lambda _dialog: None)
    with pytest.raises(pytest.fail.Exception, match=r"never opened: \['PeopleDialog'\]"):
        driver.finish()
    QMessageBox.warning(None, "Naskah", "Ada yang tidak beres.")
    with pytest.raises(pytest.fail.Exception, match=r"'Naskah': Ada yang tidak beres\."):
        driver.finish()
    driver.finish()  # each is reported once
