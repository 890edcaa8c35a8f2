"""Log-in: a clerk types username and password at start-up."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.letters.accounts import MAX_FAILED_LOGINS, Role
from desktop.ui.login import LoginDialog
from tests.conftest import PASSWORD
from tests.ui.driver import Driver

WRONG = "Nama pengguna atau kata sandi salah."


@pytest.fixture
def dialog(driver: Driver, office_staff: Any) -> LoginDialog:
    return driver.show(LoginDialog(office_staff.store))


def attempt(driver: Driver, d: LoginDialog, username: str, password: str) -> None:
    driver.type_into(d.username, username, replace=True)
    driver.type_into(d.password, password)
    driver.click("Masuk")
    driver.wait_until(d.login_button.isEnabled, "the log-in to be checked")


def test_login_succeeds_and_exposes_the_user(
    qtbot: Any, driver: Driver, dialog: LoginDialog
) -> None:
    assert "Kecamatan Wamena" in dialog.office_label.text()
    driver.type_into(dialog.username, "budi")
    driver.type_into(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        driver.click("Masuk")
    assert dialog.user is not None
    assert dialog.user.name == "Budi Santoso"
    assert dialog.user.has(Role.DRAFTER)


def test_wrong_password_shows_a_message_in_the_dialog(driver: Driver, dialog: LoginDialog) -> None:
    attempt(driver, dialog, "budi", "salah-sekali")
    driver.wait_until(lambda: dialog.message.text() == WRONG, "the refusal")
    assert dialog.message.isVisible()
    assert dialog.password.text() == ""  # typed again from scratch
    assert dialog.user is None
    assert dialog.isVisible()


def test_empty_fields_are_asked_for_without_calling_the_service(
    driver: Driver, dialog: LoginDialog
) -> None:
    driver.click("Masuk")
    assert dialog.message.text() == "Isi nama pengguna dan kata sandi."


def test_account_locks_after_five_failures(driver: Driver, dialog: LoginDialog) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        attempt(driver, dialog, "sari", "bukan-sandinya")
        driver.wait_until(lambda: dialog.message.text() == WRONG, "the refusal")
        dialog.message.clear()
    # Even the right password is refused now, with the lock message.
    attempt(driver, dialog, "sari", PASSWORD)
    driver.wait_until(lambda: "terkunci" in dialog.message.text(), "the lock message")
    assert "Coba lagi dalam 15 menit" in dialog.message.text()
    assert dialog.user is None
