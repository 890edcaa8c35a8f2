"""Administrasi > Sinkronisasi: an enrolled PC moves to its server's new address, and refuses an
address that is another server; against real servers on 127.0.0.1 (SQLite)."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.ui.sync_settings import SyncSettingsDialog
from sync.client import engine
from tests.sync.conftest import SyncServer, running_server
from tests.sync.pcs import PC, open_pc, set_up_office
from tests.ui.driver import Driver, MessageBoxes

WAIT = 20_000


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SyncServer]:
    with running_server("sqlite", tmp_path / "server") as found:
        yield found


@pytest.fixture
def pc(tmp_path: Path, server: SyncServer) -> Iterator[PC]:
    """A PC of an office, enrolled with ``server`` and synced once."""
    machine = open_pc(tmp_path, "pc1")
    set_up_office(machine)
    office, _ = server.new_office()
    engine.enroll(machine.store, server.url, office, server.enrol_code(office))
    engine.sync_once(machine.store)
    yield machine
    machine.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_pc_follows_its_server_to_a_new_address(
    driver: Driver, messages: MessageBoxes, server: SyncServer, pc: PC
) -> None:
    old_url = server.url
    server.stop()  # the box moves: same data, another address
    server.port = _free_port()
    server.start()
    window = driver.log_in(pc.store, pc.user("admin"))

    def move(dialog: SyncSettingsDialog) -> None:
        assert dialog.server_label.text() == old_url
        assert dialog.address_box.isVisible() and not dialog.enrol_box.isVisible()
        driver.click("Ubah alamat server")  # nothing typed yet
        assert dialog.address_error.text() == "Isi alamat server yang baru."
        driver.type_into(dialog.new_server_url, server.url)
        driver.click("Ubah alamat server")
        driver.wait_until(lambda: messages.shown != [], "the confirmation", timeout=WAIT)
        ((kind, title, text),) = messages.shown
        assert (kind, title) == ("information", "Alamat server diubah")
        assert server.url in text
        assert dialog.server_label.text() == server.url
        assert dialog.new_server_url.text() == "" and not dialog.address_error.isVisible()
        driver.wait_until(
            lambda: window.sync_label.text().startswith("Tersinkron"), "a sync", timeout=WAIT
        )
        assert re.fullmatch(r"Tersinkron lewat server pusat \d\d:\d\d", window.sync_label.text())

    driver.when_opened(SyncSettingsDialog, move)
    driver.click("Administrasi", "Sinkronisasi...")
    state = engine.state_of(pc.store)
    assert state is not None and state.server_url == server.url


def test_another_server_is_refused(
    driver: Driver, messages: MessageBoxes, server: SyncServer, pc: PC, tmp_path: Path
) -> None:
    with running_server("sqlite", tmp_path / "another") as another:
        driver.log_in(pc.store, pc.user("admin"))

        def refuse(dialog: SyncSettingsDialog) -> None:
            driver.type_into(dialog.new_server_url, another.url)
            driver.click("Ubah alamat server")
            driver.wait_until(lambda: messages.shown != [], "the warning", timeout=WAIT)
            ((kind, title, text),) = messages.shown
            assert (kind, title) == ("warning", "Alamat server tidak diubah")
            assert "bukan server tempat PC ini terdaftar" in text
            assert "bukan server tempat PC ini terdaftar" in dialog.address_error.text()
            assert dialog.server_label.text() == server.url
            assert dialog.address_box.isEnabled()  # the administrator can correct it

            messages.shown.clear()
            driver.type_into(dialog.new_server_url, "http://192.0.2.10:8750", replace=True)
            driver.click("Ubah alamat server")
            driver.wait_until(lambda: messages.shown != [], "the second warning", timeout=WAIT)
            assert "https://" in messages.shown[0][2]

        driver.when_opened(SyncSettingsDialog, refuse)
        driver.click("Administrasi", "Sinkronisasi...")
    state = engine.state_of(pc.store)
    assert state is not None and state.server_url == server.url
