"""Sync in the desktop app against a real server on loopback: enrolling from the settings
dialog, the status bar, a captive portal, resolving a conflict, and joining an office from the
first-run wizard."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop.letters import conflicts, office
from desktop.letters.queries import Queue
from desktop.store.models import Letter
from desktop.ui.conflicts import ConflictsDialog
from desktop.ui.login import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.qt import QDialog
from desktop.ui.sync_settings import EnrolFields, JoinOfficeDialog, SyncSettingsDialog
from desktop.ui.wizard import SetupWizard
from sync.client import engine, scheduler
from sync.client.scheduler import SyncScheduler
from tests.conftest import PASSWORD, PNG_1PX
from tests.sync.pcs import PC, draft, office_with_pcs, open_pc, save, set_up_office
from tests.ui import conftest as ui_fixtures
from tests.ui.driver import Driver

# The GUI fixtures of tests/ui (this file sits under tests/sync for the server fixtures).
driver, messages = ui_fixtures.driver, ui_fixtures.messages
_operations_finish = ui_fixtures._operations_finish

SQLITE = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)
WAIT = 20_000


def type_enrolment(driver: Driver, fields: EnrolFields, url: str, code: str, enrol: str) -> None:
    driver.type_into(fields.server_url, url)
    driver.type_into(fields.office_code, code)
    driver.type_into(fields.enrol_code, enrol)


class _Portal(BaseHTTPRequestHandler):
    """A hotel Wi-Fi login page: 200 and HTML for every request."""

    def _page(self) -> None:
        body = b"<html><body><form>Masuk ke Wi-Fi</form></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _page

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def portal() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@SQLITE
def test_enrol_from_settings_then_the_status_bar_says_synced(
    driver: Driver, module_sync_server: Any, tmp_path: Path
) -> None:
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    code, _ = module_sync_server.new_office()
    window = driver.log_in(pc.store, pc.user("admin"))
    assert driver.menu_item("Administrasi", "Sinkronisasi...").isEnabled()
    assert not window.sync.running  # not enrolled yet: nothing runs
    # No server set up yet: the status bar says so, not that changes are "waiting".
    text = window.sync_label.text()
    assert re.fullmatch(r"Sinkronisasi belum disiapkan - \d+ perubahan hanya ada di PC ini", text)
    assert "Administrasi > Sinkronisasi" in window.sync_label.toolTip()

    def enrol(dialog: SyncSettingsDialog) -> None:
        assert dialog.server_label.text() == "belum terdaftar"
        assert not dialog.sync_button.isEnabled()
        type_enrolment(driver, dialog.fields, module_sync_server.url, code,
                       module_sync_server.enrol_code(code))  # fmt: skip
        driver.click("Daftarkan PC ini")
        driver.wait_until(lambda: window.sync_label.text().startswith("Tersinkron"),
                          "the first sync", timeout=WAIT)  # fmt: skip
        assert re.fullmatch(r"Tersinkron lewat server pusat \d\d:\d\d", window.sync_label.text())
        assert engine.pending_count(pc.store) == 0
        state = engine.state_of(pc.store)
        assert state is not None
        assert dialog.office_label.text() == code
        assert dialog.device_label.text() == state.device_id
        assert not dialog.enrol_box.isVisible()
        assert dialog.sync_button.isEnabled()

        # A local change pokes the scheduler; "Sinkronkan sekarang" syncs it without waiting.
        letter_id = draft(pc, "Undangan Rapat")
        driver.wait_until(lambda: "perubahan menunggu" in window.sync_label.text(),
                          "the change to wait", timeout=WAIT)  # fmt: skip
        driver.click("Sinkronkan sekarang")
        driver.wait_until(lambda: window.sync_label.text().startswith("Tersinkron")
                          and "menunggu" not in window.sync_label.text(),
                          "the change synced", timeout=WAIT)  # fmt: skip
        assert engine.pending_count(pc.store) == 0
        assert letter_id

    driver.when_opened(SyncSettingsDialog, enrol)
    driver.click("Administrasi", "Sinkronisasi...")
    driver.log_out()
    assert not window.sync.running


def enrol_in_settings(
    driver: Driver, store: Any, enrol: Callable[[SyncSettingsDialog, PC], None]
) -> None:
    """As the administrator of a set-up, unenrolled office: open Administrasi > Sinkronisasi...
    and run ``enrol`` on the dialog."""
    pc = PC("pc", store)
    set_up_office(pc)
    driver.log_in(pc.store, pc.user("admin"))
    driver.when_opened(SyncSettingsDialog, lambda dialog: enrol(dialog, pc))
    driver.click("Administrasi", "Sinkronisasi...")


def test_a_captive_portal_is_explained(
    driver: Driver, messages: Any, portal: str, store: Any
) -> None:
    def enrol(dialog: SyncSettingsDialog, pc: PC) -> None:
        type_enrolment(driver, dialog.fields, portal, "KEC-1", "ABCD-EFGH")
        driver.click("Daftarkan PC ini")
        driver.wait_until(lambda: messages.shown != [], "the warning", timeout=WAIT)
        ((kind, _title, text),) = messages.shown
        assert kind == "warning"
        assert "captive portal" in text
        assert "captive portal" in dialog.fields.error.text()
        assert engine.state_of(pc.store) is None
        assert dialog.fields.isEnabled()  # the clerk can log in to the Wi-Fi and try again

    enrol_in_settings(driver, store, enrol)


def test_a_mistyped_root_fingerprint_is_explained_and_nothing_is_sent(
    driver: Driver, messages: Any, portal: str, store: Any
) -> None:
    """Enrolling through an office hub takes the root fingerprint printed beside its code."""

    def enrol(dialog: SyncSettingsDialog, pc: PC) -> None:
        type_enrolment(driver, dialog.fields, portal, "KEC-1", "ABCD-EFGH")
        driver.type_into(dialog.fields.fingerprint, "3F2A-9C1B")  # too short to prove anything
        driver.click("Daftarkan PC ini")
        driver.wait_until(lambda: messages.shown != [], "the warning", timeout=WAIT)
        ((kind, _title, text),) = messages.shown
        assert "24 angka heksadesimal" in text
        assert kind == "warning"
        assert "24 angka heksadesimal" in dialog.fields.error.text()
        assert engine.state_of(pc.store) is None
        # Well formed: the root is asked for, and the portal's page is no Naskah server.
        messages.shown.clear()
        driver.type_into(dialog.fields.fingerprint, "3F2A 9C1B 77D0 12EE A4B9 0C11")
        driver.click("Daftarkan PC ini")
        driver.wait_until(lambda: messages.shown != [], "the second warning", timeout=WAIT)
        assert "captive portal" in dialog.fields.error.text()
        assert engine.state_of(pc.store) is None
        assert dialog.fields.isEnabled()

    enrol_in_settings(driver, store, enrol)


@SQLITE
def test_a_conflict_is_shown_side_by_side_and_its_resolution_syncs(
    driver: Driver, messages: Any, module_sync_server: Any, tmp_path: Path
) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter_id = draft(pc1, "Undangan Rapat")
    pc1.sync()
    pc2.sync()
    save(pc1, letter_id, hal="Undangan Musyawarah")
    save(pc2, letter_id, hal="Undangan Rapat Koordinasi")
    pc1.sync()
    assert pc2.sync().conflicts == 1

    window = driver.log_in(pc2.store, pc2.user("budi"))
    assert window.conflicts_action.text() == "Konflik (1)"
    window.sync.stop()  # this test syncs by hand

    def resolve(dialog: ConflictsDialog) -> None:
        assert dialog.list.count() == 1
        assert dialog.list.item(0).text().startswith("Surat: ")  # the kind, in words
        assert dialog.panel is not None
        (choice,) = dialog.panel.choices
        assert choice.name == "hal"
        assert choice.server_button.text() == "Undangan Musyawarah"
        assert choice.client_button.text() == "Undangan Rapat Koordinasi"
        assert choice.result.text() == "Undangan Musyawarah"
        driver.click(choice.client_button)
        assert choice.result.text() == "Undangan Rapat Koordinasi"
        driver.type_into(choice.result, " Desa")  # the person edits the result
        driver.click("Simpan penyelesaian")
        driver.wait_until(lambda: dialog.list.count() == 0 or bool(messages.shown),
                          "the resolution saved", timeout=WAIT)  # fmt: skip
        assert messages.shown == []
        assert conflicts.open_conflicts(pc2.store) == []

    driver.when_opened(ConflictsDialog, resolve)
    driver.click("Surat", "Konflik (1)")
    driver.wait_until(lambda: window.conflicts_action.text() == "Konflik (0)", "the new count")

    pc2.sync()
    pc1.sync()
    with pc1.store.read() as session:
        letter = session.exec(select(Letter).where(Letter.id == letter_id)).one()
    assert letter.hal == "Undangan Rapat Koordinasi Desa"
    assert conflicts.open_conflicts(pc1.store) == []


@SQLITE
def test_joining_an_existing_office_from_the_wizard_brings_its_people(
    driver: Driver, messages: Any, module_sync_server: Any, tmp_path: Path
) -> None:
    code, (pc1,) = office_with_pcs(module_sync_server, tmp_path, "pc1")
    pc2 = open_pc(tmp_path, "pc2")
    wizard = driver.show(SetupWizard(pc2.store))
    driver.click("Gabung ke kantor yang sudah ada...")
    join = driver.dialog(JoinOfficeDialog)
    type_enrolment(driver, join.fields, module_sync_server.url, code,
                   module_sync_server.enrol_code(code))  # fmt: skip
    driver.click("Gabung")
    driver.wait_until(lambda: wizard.joined or bool(messages.shown), "the join", timeout=WAIT)
    assert messages.shown == []
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert office.is_set_up(pc2.store)

    login = driver.show(LoginDialog(pc2.store))
    driver.type_into(login.username, "budi")
    driver.type_into(login.password, PASSWORD)
    driver.click("Masuk")
    driver.wait_until(lambda: login.result() == QDialog.DialogCode.Accepted, "the log-in",
                      timeout=WAIT)  # fmt: skip
    assert login.user is not None and login.user.name == "Budi Santoso"
    pc1.close()


def test_enrol_asks_for_every_field(driver: Driver, store: Any) -> None:
    pc = PC("pc", store)
    set_up_office(pc)
    driver.log_in(pc.store, pc.user("admin"))

    def enrol_blank(dialog: SyncSettingsDialog) -> None:
        driver.click("Daftarkan PC ini")
        assert "kode pendaftaran" in dialog.fields.error.text()

    driver.when_opened(SyncSettingsDialog, enrol_blank)
    driver.click("Administrasi", "Sinkronisasi...")


def test_a_scan_not_yet_downloaded_shows_lampiran_menyusul(
    driver: Driver, office_staff: Any, messages: Any
) -> None:
    from desktop.letters import workflow
    from desktop.store.blobs import BlobStore
    from tests.ui.test_letter_view import HAL, letter_for_camat

    store = office_staff.store
    letter = letter_for_camat(office_staff)
    letter = workflow.sign_by_hand(store, office_staff.camat, letter.id)
    letter = workflow.attach_scan(store, office_staff.camat, letter.id, PNG_1PX)
    assert letter.scan_hash
    BlobStore(store.blob_dir).path(letter.scan_hash).unlink()  # synced record, file not here
    driver.log_in(store, office_staff.camat)
    driver.open_queue(Queue.OUTGOING)
    driver.open_letter(HAL)
    assert driver.field("Pindaian").startswith("Lampiran menyusul")


@SQLITE
def test_a_wrong_enrolment_code_is_explained(
    driver: Driver, messages: Any, module_sync_server: Any, store: Any
) -> None:
    pc = PC("pc", store)
    set_up_office(pc)
    code, _ = module_sync_server.new_office()
    driver.log_in(pc.store, pc.user("admin"))

    def enrol(dialog: SyncSettingsDialog) -> None:
        type_enrolment(driver, dialog.fields, module_sync_server.url, code, "SALAH-KODE")
        driver.click("Daftarkan PC ini")
        driver.wait_until(lambda: bool(messages.shown), "the refusal", timeout=WAIT)
        ((kind, title, _text),) = messages.shown
        assert (kind, title) == ("warning", "Pendaftaran gagal")
        assert dialog.fields.error.text()
        assert engine.state_of(pc.store) is None

    driver.when_opened(SyncSettingsDialog, enrol)
    driver.click("Administrasi", "Sinkronisasi...")


def test_the_status_bar_words_each_phase(qtbot: Any, store: Any) -> None:
    from datetime import datetime, timedelta

    from desktop.ui.sync_status import SyncBridge, SyncStatusLabel
    from sync.client.scheduler import Phase, SyncStatus, compose

    label = SyncStatusLabel(SyncBridge(store))
    qtbot.addWidget(label)
    label.show_status(compose(SyncStatus(Phase.OFFLINE, "", 12)))
    assert label.text() == "Luring - 12 perubahan menunggu"
    label.show_status(SyncStatus(Phase.SYNCING, "Menyinkronkan 3/10", 5, done=3, total=10))
    assert label.text() == "Menyinkronkan 3/10"
    at = datetime(2026, 11, 28, 10, 42).astimezone()
    label.show_status(compose(SyncStatus(Phase.SYNCED, "", 0, last_synced_at=at)))
    assert label.text() == "Tersinkron 10:42"
    skewed = SyncStatus(Phase.SYNCED, "", 0, last_synced_at=at, skew=timedelta(hours=2))
    label.show_status(compose(skewed))
    assert label.text() == "Tersinkron 10:42 - Jam komputer selisih 2 jam"
    label.show_status(compose(SyncStatus(Phase.SYNCED, "", 0, last_synced_at=at, path="hub")))
    assert label.text() == "Tersinkron lewat server kantor 10:42"
    label.show_status(compose(SyncStatus(Phase.SYNCED, "", 2, last_synced_at=at, path="central")))
    assert label.text() == "Tersinkron lewat server pusat 10:42 - 2 perubahan menunggu"
    label.show_status(compose(SyncStatus(Phase.CAPTIVE_PORTAL, "", 0)))
    assert label.text() == "Jaringan meminta login (captive portal)"


@SQLITE
def test_the_status_bar_says_when_a_captive_portal_answers(
    driver: Driver, module_sync_server: Any, portal: str, tmp_path: Path
) -> None:
    from desktop.store.sync_models import SyncState

    _, (pc,) = office_with_pcs(module_sync_server, tmp_path, "pc1")
    with pc.store.write() as session:  # the office Wi-Fi now shows its login page instead
        state = session.exec(select(SyncState)).one()
        state.server_url = portal
        session.add(state)
    window = driver.log_in(pc.store, pc.user("admin"))
    assert window.sync.running
    driver.wait_until(lambda: "captive portal" in window.sync_label.text(),
                      "the portal noticed", timeout=WAIT)  # fmt: skip
    assert window.sync_label.text().startswith("Jaringan meminta login (captive portal)")
    driver.log_out()


def count_syncs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every sync the app's scheduler runs, by store directory name (the real sync runs)."""
    ran: list[str] = []
    real = engine.sync_once

    def counted(store: Any, **kwargs: Any) -> Any:
        ran.append(store.data_dir.name)
        return real(store, **kwargs)

    monkeypatch.setattr(engine, "sync_once", counted)
    return ran


@SQLITE
def test_an_autosaved_edit_leaves_the_pc_without_anyone_refreshing(
    driver: Driver, module_sync_server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter_id = draft(pc1, "Undangan Rapat")
    pc1.sync()
    refreshed: list[str] = []
    monkeypatch.setattr(MainWindow, "refresh", lambda _self: refreshed.append("refresh"))
    ran = count_syncs(monkeypatch)
    window = driver.log_in(pc1.store, pc1.user("budi"))
    driver.wait_until(lambda: ran == ["pc1"] and window.sync_label.text().startswith("Tersinkron"),
                      "the sync at start", timeout=WAIT)  # fmt: skip
    assert window.sync.scheduler is not None and window.sync.scheduler.interval == 300

    driver.open_queue(Queue.DRAFTS)
    page = driver.open_letter("Undangan Rapat")
    editor = page.editor
    driver.type_into(editor.hal, " Desa")  # no button: the editor saves by itself
    driver.wait_until(lambda: re.fullmatch(r"Tersimpan \d\d\.\d\d", page.save_label.text()),
                      "the autosave")  # fmt: skip
    # The 300 s timer is far off: only the store's change signal can start this sync.
    driver.wait_until(lambda: ran == ["pc1", "pc1"] and engine.pending_count(pc1.store) == 0
                      and window.sync_label.text().startswith("Tersinkron"),
                      "the autosave to reach the server", timeout=WAIT)  # fmt: skip
    assert refreshed == []
    pc2.sync()
    with pc2.store.read() as session:
        letter = session.exec(select(Letter).where(Letter.id == letter_id)).one()
    assert letter.hal == "Undangan Rapat Desa"
    driver.back_to_list()
    driver.log_out()
    pc1.close()
    pc2.close()


@SQLITE
def test_what_a_sync_brings_down_shows_and_asks_for_no_other_sync(
    driver: Driver,
    module_sync_server: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    debounce = 0.2  # a local change syncs after 0.2 s, so a loop would show at once
    monkeypatch.setattr(scheduler, "SyncScheduler", partial(SyncScheduler, debounce=debounce))
    ran = count_syncs(monkeypatch)
    window = driver.log_in(pc1.store, pc1.user("budi"))
    driver.open_queue(Queue.DRAFTS)
    driver.wait_until(lambda: ran == ["pc1"] and window.sync_label.text().startswith("Tersinkron"),
                      "the sync at start", timeout=WAIT)  # fmt: skip
    assert "Dari PC kedua" not in driver.rows()

    draft(pc2, "Dari PC kedua")
    pc2.sync()
    ran.clear()  # the syncs of this PC's window from here on
    window.sync.sync_now()  # as the timer would
    driver.wait_until(lambda: "Dari PC kedua" in driver.rows(), "the list to show it",
                      timeout=WAIT)  # fmt: skip
    driver.wait_until(lambda: window.sync_label.text().startswith("Tersinkron"), "the sync end")
    driver.wait_idle()
    assert ran == ["pc1"]
    qtbot.wait(int(debounce * 1000 * 8))  # long enough for several rounds of a loop
    driver.wait_idle()
    assert ran == ["pc1"]  # what the sync applied did not poke another sync
    driver.log_out()
    pc1.close()
    pc2.close()
