"""Start-up: a second copy, a damaged data file, first run, log-in, the main window."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.letters import accounts, office
from desktop.letters.accounts import Role
from desktop.store import db
from desktop.ui import app
from desktop.ui import i18n as ui_i18n
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.qt import QApplication, QDialog, QLocale, QMainWindow, QMessageBox
from desktop.ui.wizard import SetupWizard
from tests.conftest import PASSWORD, office_input, person_input
from tests.ui.driver import Driver


def make_office(data_dir: Path) -> None:
    store = db.open_store(data_dir)
    try:
        office.setup(store, office_input(), person_input(
            "Admin Kantor", "198503122010011002", "admin", {Role.ADMIN}))  # fmt: skip
    finally:
        store.close()


def damage(data_dir: Path) -> None:
    (data_dir / db.DB_NAME).write_bytes(b"bukan basis data " * 512)


@pytest.fixture
def no_crash_hook(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """``run`` must not replace the test process's excepthook or logging."""
    installed: list[Path] = []
    monkeypatch.setattr(app.crash, "install", installed.append)
    return installed


@pytest.fixture
def indonesian_app(qapp: QApplication) -> Iterator[QApplication]:
    before = QLocale()
    yield app.make_app()
    ui_i18n.reset()
    QLocale.setDefault(before)


def test_second_copy_on_the_same_data_dir_gets_a_plain_message(
    data_dir: Path, messages: Any
) -> None:
    held = db.open_store(data_dir)
    try:
        assert app.open_store_interactive(data_dir) is None
    finally:
        held.close()
    kind, title, text = messages.shown[0]
    assert kind == "critical" and title == "Naskah sudah berjalan"
    assert "Naskah sudah berjalan untuk folder data ini" in text


def test_run_exits_with_code_1_when_another_copy_runs(
    data_dir: Path, messages: Any, no_crash_hook: list[Path], indonesian_app: QApplication
) -> None:
    held = db.open_store(data_dir)
    try:
        assert app.run(data_dir) == 1
    finally:
        held.close()
    assert no_crash_hook == [data_dir / "logs"]
    assert "sudah berjalan" in messages.texts[0]


def test_damaged_file_is_restored_from_the_last_good_backup(data_dir: Path, messages: Any) -> None:
    make_office(data_dir)
    db.backup_file(data_dir / db.DB_NAME, "harian")
    damage(data_dir)

    store = app.open_store_interactive(data_dir)

    assert store is not None
    try:
        kind, title, text = messages.shown[0]
        assert kind == "question" and title == "Berkas data rusak"
        assert "Berkas data rusak atau bukan berkas Naskah" in text
        assert "Pulihkan cadangan sekarang?" in text
        assert office.get_office(store).kecamatan == "Wamena"
        assert accounts.login(store, "admin", PASSWORD).name == "Admin Kantor"
    finally:
        store.close()
    kept = list(data_dir.glob(f"{db.DB_NAME}.rusak-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"bukan basis data")


def test_declining_the_restore_quits_and_leaves_the_file_alone(
    data_dir: Path, messages: Any
) -> None:
    make_office(data_dir)
    db.backup_file(data_dir / db.DB_NAME, "harian")
    damage(data_dir)
    messages.answer = QMessageBox.StandardButton.No

    assert app.open_store_interactive(data_dir) is None

    assert (data_dir / db.DB_NAME).read_bytes().startswith(b"bukan basis data")
    assert not list(data_dir.glob("*.rusak-*"))


def test_damaged_file_without_backup_says_to_call_it(data_dir: Path, messages: Any) -> None:
    make_office(data_dir)
    damage(data_dir)

    assert app.open_store_interactive(data_dir) is None

    kind, _title, text = messages.shown[0]
    assert kind == "critical"
    assert "Tidak ada salinan cadangan" in text and "petugas TI" in text


def test_first_start_runs_wizard_then_login_then_main_window(
    driver: Driver, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def wizard_exec(wizard: SetupWizard) -> int:
        seen.append("wizard")
        office.setup(wizard.store, office_input(), person_input(
            "Admin Kantor", "198503122010011002", "admin", {Role.ADMIN}))  # fmt: skip
        return QDialog.DialogCode.Accepted.value

    def login_exec(dialog: LoginDialog) -> int:
        seen.append("login")
        dialog.user = accounts.login(dialog.store, "admin", PASSWORD)
        return QDialog.DialogCode.Accepted.value

    show_main_window = app.show_main_window

    def main_window(store: Any, user: Any) -> QMainWindow:
        seen.append(f"main:{user.name}")
        return show_main_window(store, user)

    monkeypatch.setattr(SetupWizard, "exec", wizard_exec)
    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    monkeypatch.setattr(app, "show_main_window", main_window)

    started = app.launch(data_dir)

    assert isinstance(started, app.Started)
    try:
        assert isinstance(started.window, MainWindow)
        driver.attach(started.window)
        assert seen == ["wizard", "login", "main:Admin Kantor"]
    finally:
        started.window.close()
        driver.wait_idle()
        started.store.close()


def test_cancelled_login_quits_with_code_0(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_office(data_dir)
    monkeypatch.setattr(LoginDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    assert app.launch(data_dir) == 0
    db.open_store(data_dir).close()  # the store was closed: it opens again


def test_set_up_office_logs_in_and_shows_the_main_window(
    driver: Driver, qtbot: Any, data_dir: Path
) -> None:
    pytest.importorskip("desktop.ui.main_window")
    make_office(data_dir)

    def log_in(dialog: LoginDialog) -> None:
        driver.type_into(dialog.username, "admin")
        driver.type_into(dialog.password, PASSWORD)
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            driver.click("Masuk")

    logins = driver.when_opened(LoginDialog, log_in)
    started = app.launch(data_dir)
    assert isinstance(started, app.Started)
    try:
        assert isinstance(started.window, MainWindow)
        driver.attach(started.window)
        assert started.window.isVisible()
        assert started.user.name == "Admin Kantor"
        assert [d.result() for d in logins] == [QDialog.DialogCode.Accepted.value]
    finally:
        started.window.close()
        driver.wait_idle()
        started.store.close()


def test_qt_buttons_speak_indonesian(qtbot: Any, indonesian_app: QApplication) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Naskah", "Lanjutkan?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)  # fmt: skip
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"&Ya", "&Tidak", "Batal"}
    assert QLocale().language() == QLocale.Language.Indonesian
    assert indonesian_app.applicationName() == "Naskah"


def test_the_log_in_screen_needs_neither_sqlalchemy_nor_the_network_stack() -> None:
    """What the first screen imports (the store, sync and signing load behind it)."""
    code = (
        "import sys, desktop.ui.app\n"
        "heavy = ('sqlalchemy', 'sqlmodel', 'pydantic', 'requests', 'cryptography',"
        " 'asn1crypto', 'pyhanko', 'desktop.store.models', 'desktop.render.paint', 'sync.client')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip() == "[]"


def test_a_locked_store_found_behind_the_log_in_screen_is_explained_once(
    data_dir: Path, messages: Any, no_crash_hook: list[Path], indonesian_app: QApplication
) -> None:
    make_office(data_dir)  # the log-in screen comes up before the store opens
    held = db.open_store(data_dir)
    try:
        assert app.run(data_dir) == 1
    finally:
        held.close()
    assert len(messages.shown) == 1 and "sudah berjalan" in messages.texts[0]


def test_the_log_in_screen_names_the_office_and_logs_in_once_the_store_is_open(
    driver: Driver, data_dir: Path
) -> None:
    make_office(data_dir)
    seen: list[str] = []

    def log_in(dialog: LoginDialog) -> None:
        seen.append(dialog.office_label.text())
        driver.type_into(dialog.username, "admin")
        driver.type_into(dialog.password, "salah-sandi")
        driver.click("Masuk")
        driver.wait_until(lambda: dialog.message.isVisible(), "the refusal")
        assert dialog.result() != QDialog.DialogCode.Accepted.value
        driver.type_into(dialog.password, PASSWORD)
        driver.click("Masuk")
        driver.wait_until(lambda: dialog.user is not None, "the log-in")

    driver.when_opened(LoginDialog, log_in)
    started = app.launch(data_dir)
    assert isinstance(started, app.Started)
    try:
        assert seen == ["Kecamatan Wamena\nKabupaten Jayawijaya"]
        driver.attach(started.window)
        assert started.user.name == "Admin Kantor"
    finally:
        started.window.close()
        driver.wait_idle()
        started.store.close()
