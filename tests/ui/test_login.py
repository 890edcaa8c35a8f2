"""Log-in: a clerk types username and password at start-up."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.letters.accounts import MAX_FAILED_LOGINS, Role
from desktop.ui.login import LoginDialog
from tests.conftest import PASSWORD

WRONG = "Nama pengguna atau kata sandi salah."


@pytest.fixture
def dialog(qtbot: Any, office_staff: Any) -> LoginDialog:
    d = LoginDialog(office_staff.store)
    qtbot.addWidget(d)
    d.show()
    return d


def attempt(qtbot: Any, d: LoginDialog, click: Any, username: str, password: str) -> None:
    d.username.clear()
    qtbot.keyClicks(d.username, username)
    qtbot.keyClicks(d.password, password)
    click(d.login_button)
    qtbot.waitUntil(d.login_button.isEnabled)


def test_login_succeeds_and_exposes_the_user(qtbot: Any, dialog: LoginDialog, click: Any) -> None:
    assert "Kecamatan Wamena" in dialog.office_label.text()
    qtbot.keyClicks(dialog.username, "budi")
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        click(dialog.login_button)
    assert dialog.user is not None
    assert dialog.user.name == "Budi Santoso"
    assert dialog.user.has(Role.DRAFTER)


def test_wrong_password_shows_a_message_in_the_dialog(
    qtbot: Any, dialog: LoginDialog, click: Any
) -> None:
    attempt(qtbot, dialog, click, "budi", "salah-sekali")
    qtbot.waitUntil(lambda: dialog.message.text() == WRONG)
    assert dialog.message.isVisible()
    assert dialog.password.text() == ""  # typed again from scratch
    assert dialog.user is None
    assert dialog.isVisible()


def test_empty_fields_are_asked_for_without_calling_the_service(
    qtbot: Any, dialog: LoginDialog, click: Any
) -> None:
    click(dialog.login_button)
    assert dialog.message.text() == "Isi nama pengguna dan kata sandi."


def test_account_locks_after_five_failures(qtbot: Any, dialog: LoginDialog, click: Any) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        attempt(qtbot, dialog, click, "sari", "bukan-sandinya")
        qtbot.waitUntil(lambda: dialog.message.text() == WRONG)
        dialog.message.clear()
    # Even the right password is refused now, with the lock message.
    attempt(qtbot, dialog, click, "sari", PASSWORD)
    qtbot.waitUntil(lambda: "terkunci" in dialog.message.text())
    assert "Coba lagi dalam 15 menit" in dialog.message.text()
    assert dialog.user is None
