"""Administrasi > Sinkronisasi: the administrator types the office hub's address once on a PC;
a wrong address is explained and changes nothing; a good one is kept and the status bar then
says the PC syncs through the office server; clearing it goes back to central; or the hub is
found on the LAN (mDNS) and chosen from a list. Real hub and central processes on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui.qt import Qt
from desktop.ui.sync_settings import SyncSettingsDialog
from sync.client import discover
from sync.client.server_address import hub_address
from tests.hub.conftest import Central, Hub, free_port
from tests.hub.test_hub_app import office_of_two
from tests.hub.test_hub_discovery import CODE, AnnouncedHub
from tests.hub.test_offline_office import start_hub
from tests.ui import conftest as ui_fixtures
from tests.ui.driver import Driver
from tests.ui.test_screen_fit import problems_of

driver = ui_fixtures.driver
_operations_finish = ui_fixtures._operations_finish
WAIT = 30_000


def test_the_administrator_sets_the_office_hub_and_clears_it(
    driver: Driver, central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, _pc2 = office_of_two(central, tmp_path, "KEC-SET")
    hub = start_hub(central, tmp_path, "KEC-SET", hubs)
    window = driver.log_in(pc1.store, pc1.user("admin"))
    driver.wait_until(lambda: window.sync_label.text().startswith("Tersinkron lewat server pusat"),
                      "the first sync, with central", timeout=WAIT)  # fmt: skip

    def set_up(dialog: SyncSettingsDialog) -> None:
        box = dialog.hub_box
        assert box.isVisible() and box.hub_url.text() == ""
        assert box.path_label.text() == "server pusat"
        assert problems_of(dialog, "Sinkronisasi") == []  # the enrolled PC's page fits too

        # Typed without the scheme, then as plain http on the LAN: explained, nothing kept.
        driver.type_into(box.hub_url, "192.168.1.10:8751")
        driver.click("Simpan alamat server kantor")
        assert "harus diawali https://" in box.result.text() and box.result.isVisible()
        assert box.hub_url.text() == "192.168.1.10:8751"  # still there, to be corrected
        driver.type_into(box.hub_url, "http://192.168.1.10:8751", replace=True)
        driver.click("Simpan alamat server kantor")
        assert "harus memakai https://" in box.result.text()
        assert hub_address(pc1.store) == ""

        # https on the LAN, but this office's central has no CA: nothing to verify it with.
        driver.type_into(box.hub_url, "https://192.168.1.10:8751", replace=True)
        driver.press(box.hub_url, Qt.Key.Key_Return)  # Enter saves, as the button does
        driver.wait_until(lambda: "sertifikat akar" in box.result.text(), "the check",
                          timeout=WAIT)  # fmt: skip
        assert "PC ini sinkron langsung dengan server pusat" in box.result.text()
        assert problems_of(dialog, "Sinkronisasi") == []  # with its longest message
        assert hub_address(pc1.store) == "https://192.168.1.10:8751"

        # An address where nothing answers: kept, and the PC goes on with central.
        silent = f"http://127.0.0.1:{free_port()}"
        driver.type_into(box.hub_url, silent, replace=True)
        driver.click("Simpan alamat server kantor")
        driver.wait_until(lambda: "belum dapat dipakai" in box.result.text(), "the check",
                          timeout=WAIT)  # fmt: skip
        assert "Luring" in box.result.text()

        # The office's hub (on this machine, so plain http is allowed).
        driver.type_into(box.hub_url, hub.url + "/", replace=True)
        driver.click("Simpan alamat server kantor")
        driver.wait_until(lambda: "Server kantor menjawab" in box.result.text(), "the check",
                          timeout=WAIT)  # fmt: skip
        assert hub_address(pc1.store) == hub.url and box.hub_url.text() == hub.url
        driver.wait_until(
            lambda: window.sync_label.text().startswith("Tersinkron lewat server kantor"),
            "a sync through the hub", timeout=WAIT,
        )  # fmt: skip
        driver.wait_until(lambda: box.path_label.text() == "server kantor", "the path shown",
                          timeout=WAIT)  # fmt: skip

        # Cleared: central only again.
        driver.clear(box.hub_url)
        driver.click("Simpan alamat server kantor")
        assert "dihapus" in box.result.text() and hub_address(pc1.store) == ""
        driver.wait_until(
            lambda: window.sync_label.text().startswith("Tersinkron lewat server pusat"),
            "a sync with central", timeout=WAIT,
        )  # fmt: skip

    driver.when_opened(SyncSettingsDialog, set_up)
    driver.click("Administrasi", "Sinkronisasi...")
    driver.log_out()


def test_the_administrator_finds_the_office_hub_on_the_lan(
    driver: Driver, central: Central, hubs: list[Hub], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv(discover.INTERFACES_ENV, "127.0.0.1")  # multicast DNS on loopback only
    pc1, _pc2 = office_of_two(central, tmp_path, CODE)
    window = driver.log_in(pc1.store, pc1.user("admin"))

    def find(dialog: SyncSettingsDialog) -> None:
        box = dialog.hub_box
        driver.click("Cari server kantor")  # no hub on the LAN yet
        driver.wait_until(lambda: "Tidak ada server kantor" in box.result.text(), "the search",
                          timeout=WAIT)  # fmt: skip
        assert not box.found.isVisible() and box.find_button.isEnabled()

        hub = AnnouncedHub(tmp_path / "hub", central, CODE)
        hub.root.mkdir()
        hubs.append(hub)
        hub.enrol()
        hub.start()
        while not box.found.isVisible():  # searched again if a busy hub was not heard in time
            driver.click("Cari server kantor")
            driver.wait_until(box.find_button.isEnabled, "the search", timeout=WAIT)
        texts = [box.found.item(i).text() for i in range(box.found.count())]
        assert f"{hub.url} - Kecamatan {CODE}" in texts
        assert problems_of(dialog, "Sinkronisasi") == []
        assert hub_address(pc1.store) == ""  # found is not chosen, chosen is not saved
        box.found.setCurrentRow(texts.index(f"{hub.url} - Kecamatan {CODE}"))
        driver.press(box.found, Qt.Key.Key_Return)  # chosen: saved, then checked
        assert box.hub_url.text() == hub.url and hub_address(pc1.store) == hub.url
        driver.wait_until(lambda: "Server kantor menjawab" in box.result.text(), "the check",
                          timeout=WAIT)  # fmt: skip
        driver.wait_until(
            lambda: window.sync_label.text().startswith("Tersinkron lewat server kantor"),
            "a sync through the hub", timeout=WAIT,
        )  # fmt: skip

    driver.when_opened(SyncSettingsDialog, find)
    driver.click("Administrasi", "Sinkronisasi...")
    driver.log_out()
