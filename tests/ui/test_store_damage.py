"""A clerk's store with a damaged 4 KiB page: the app says so at once, restores the last good
backup (keeping the damaged file aside) and every letter is there again."""

from __future__ import annotations

from typing import Any

from desktop.store import db
from desktop.ui import app
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.qt import QMessageBox
from tests.conftest import PASSWORD, Office
from tests.store.test_store_health import damage_page, letters_page, some_letters
from tests.ui.driver import Driver


def budi_logs_in(driver: Driver, qtbot: Any) -> list[LoginDialog]:
    def log_in(dialog: LoginDialog) -> None:
        driver.wait_idle()  # the store opens behind the log-in dialog
        if dialog.store_failed:
            return  # it did not open: start-up says why (and offers the backup)
        driver.type_into(dialog.username, "budi")
        driver.type_into(dialog.password, PASSWORD)
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            driver.click("Masuk")

    return driver.when_opened(LoginDialog, log_in)


def every_letter_is_there(driver: Driver, started: app.Started, wanted: list[str]) -> None:
    assert isinstance(started.window, MainWindow)
    driver.attach(started.window)
    driver.open_queue("Konsep")
    assert sorted(driver.rows("Hal")) == sorted(wanted)


def test_damage_found_at_start_is_restored_and_every_letter_is_back(
    driver: Driver, qtbot: Any, office_staff: Office, messages: Any
) -> None:
    o = office_staff
    some_letters(o)
    wanted = [f"Laporan Kegiatan Posyandu {i}" for i in range(12)]
    db.daily_backup(o.store.data_dir)
    o.store.close()
    damage_page(o.store.path, letters_page(o.store.path))
    logins = budi_logs_in(driver, qtbot)

    started = app.launch(o.store.data_dir)

    assert isinstance(started, app.Started)
    try:
        kind, title, text = messages.shown[0]
        assert (kind, title) == ("question", "Berkas data rusak")
        assert "Ada cadangan yang baik dari" in text and ".rusak" in text
        assert [d.store_failed for d in logins] == [True, False]  # damaged, then restored
        every_letter_is_there(driver, started, wanted)
    finally:
        started.window.close()
        driver.wait_idle()
        started.store.close()
    assert len(list(o.store.data_dir.glob(f"{db.DB_NAME}.rusak-*"))) == 1


def test_damage_found_by_the_daily_check_during_work(
    driver: Driver, qtbot: Any, office_staff: Office, messages: Any
) -> None:
    """The app is open; the page goes bad underneath it; the day's backup check finds it, the
    dialog says so at once, and Naskah closes, restores and opens again at the log-in."""
    o = office_staff
    some_letters(o)
    wanted = [f"Laporan Kegiatan Posyandu {i}" for i in range(12)]
    db.daily_backup(o.store.data_dir)  # yesterday's good backup ...
    o.store.close()
    for backup in db.backups(o.store.data_dir):  # ... written yesterday, so today's is due
        backup.rename(backup.with_name(backup.name.replace("naskah-2", "naskah-1", 1)))
    budi_logs_in(driver, qtbot)
    started = app.launch(o.store.data_dir)
    assert isinstance(started, app.Started) and started.guard is not None
    every_letter_is_there(driver, started, wanted)
    damage_page(started.store.path, letters_page(started.store.path))

    started.guard.check()
    driver.wait_until(lambda: messages.shown, "the damage dialog")

    kind, title, text = messages.shown[0]
    assert (kind, title) == ("question", "Berkas data rusak")
    assert text.startswith("Naskah menemukan kerusakan pada berkas data kantor")
    assert "Tutup Naskah dan pulihkan cadangan sekarang?" in text
    assert started.guard.restore_requested and not started.window.isVisible()
    driver.wait_idle()
    started.store.close()
    good = db.latest_backup(o.store.data_dir)
    assert good is not None and app.restore_closed(o.store.data_dir, good) == good

    again = app.launch(o.store.data_dir)
    assert isinstance(again, app.Started)
    try:
        every_letter_is_there(driver, again, wanted)
    finally:
        again.window.close()
        driver.wait_idle()
        again.store.close()


def test_declining_during_work_keeps_the_window_and_asks_again_next_time(
    driver: Driver, qtbot: Any, office_staff: Office, messages: Any
) -> None:
    o = office_staff
    some_letters(o, 3)
    db.backup_file(o.store.path, "manual")
    o.store.close()
    for backup in db.backups(o.store.data_dir):
        backup.rename(backup.with_name(backup.name.replace("naskah-2", "naskah-1", 1)))
    budi_logs_in(driver, qtbot)
    started = app.launch(o.store.data_dir)
    assert isinstance(started, app.Started) and started.guard is not None
    try:
        driver.attach(started.window)  # type: ignore[arg-type]
        damage_page(started.store.path, letters_page(started.store.path))
        messages.answer = QMessageBox.StandardButton.No
        started.guard.check()
        driver.wait_until(lambda: messages.shown, "the damage dialog")
        assert started.window.isVisible() and not started.guard.restore_requested
        assert not list(o.store.data_dir.glob("*.rusak-*"))  # nothing moved behind her back
    finally:
        started.window.close()
        driver.wait_idle()
        started.store.close()


def test_missing_letter_fonts_are_named_not_a_traceback(
    tmp_path: Any, monkeypatch: Any, messages: Any
) -> None:
    from desktop.render import fonts

    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path / "fonts")
    assert not app.fonts_present()
    kind, title, text = messages.shown[0]
    assert (kind, title) == ("critical", "Berkas huruf surat tidak ada")
    assert "LiberationSans-Regular.ttf" in text and "Pasang ulang Naskah" in text


def test_a_damaged_page_met_during_work_opens_the_damage_dialog(
    driver: Driver, qtbot: Any, office_staff: Office, messages: Any
) -> None:
    """Not only the daily check: a read during work that meets the damage opens the dialog."""
    from sqlmodel import select

    from desktop.store.models import Letter
    from desktop.ui import ops

    o = office_staff
    some_letters(o, 3)
    db.backup_file(o.store.path, "manual")
    o.store.close()
    budi_logs_in(driver, qtbot)
    started = app.launch(o.store.data_dir)
    assert isinstance(started, app.Started)
    try:
        messages.answer = QMessageBox.StandardButton.No
        store = started.store
        page = letters_page(store.path)
        store.engine.dispose()  # no page of the letter table left in a connection's cache
        damage_page(store.path, page)

        def read_letters() -> None:
            with store.read() as s:
                s.exec(select(Letter)).all()

        ops.ReadOp(started.window, read_letters).run()
        driver.wait_until(lambda: messages.shown, "the damage dialog")
        kind, title, text = messages.shown[0]
        assert (kind, title) == ("question", "Berkas data rusak")
        assert "Naskah menemukan kerusakan" in text and "malformed" in text
    finally:
        started.window.close()
        driver.wait_idle()
        started.store.close()
