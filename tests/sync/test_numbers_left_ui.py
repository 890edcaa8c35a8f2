"""Numbers running out offline, in the app (issue 13): the status bar counts down the numbers
a signer has left and warns, says when the block is used up, and the administrator asks for a
larger block before a trip, granted at the next sync within the server's limit."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop.letters import number_stock
from desktop.store.sync_models import SyncState
from desktop.ui.numbers_left import WARN_STYLE, NumberReserveDialog
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office
from tests.sync.test_client_numbers import issue
from tests.ui import conftest as ui_fixtures
from tests.ui.driver import Driver

driver, messages = ui_fixtures.driver, ui_fixtures.messages
_operations_finish = ui_fixtures._operations_finish

WAIT = 20_000


def _closed_port() -> str:
    """An address on loopback where nothing listens: the PC is offline."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def _server_url(pc: PC, url: str) -> str:
    with pc.store.write() as session:
        state = session.exec(select(SyncState)).one()
        before, state.server_url = state.server_url, url
        session.add(state)
    return before


@pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)
def test_the_status_bar_counts_down_and_the_administrator_asks_for_more(
    driver: Driver, sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory(lease_block=12, lease_low_water=3, lease_reserve_max=100)
    code, _office_id = server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    enrol(pc, server, code)
    pc.sync()  # blocks 1-12 of "keluar" and "masuk"
    letter_id = draft(pc, "Undangan Rapat")
    issue(pc, letter_id, 10)
    online = _server_url(pc, _closed_port())  # on the road: no link

    window = driver.log_in(pc.store, pc.user("camat"))
    label = window.numbers_left
    driver.wait_until(lambda: label.isVisible(), "the numbers left", timeout=WAIT)
    assert label.text() == "Nomor hampir habis: 2 tersisa"
    assert label.styleSheet() == WARN_STYLE
    assert "Surat keluar: 2 nomor tersisa" in label.toolTip()
    assert not driver.menu_item("Administrasi", "Siapkan nomor untuk luring...").isEnabled()
    issue(pc, letter_id, 2)  # signing the last two (the label follows the store)
    driver.wait_until(lambda: label.text() == "Nomor habis - sinkronkan", "used up", WAIT)

    window = driver.log_in(pc.store, pc.user("admin"))  # registers: the "masuk" series
    label = window.numbers_left
    driver.wait_until(lambda: label.isVisible(), "the numbers left", timeout=WAIT)
    assert label.text() == "Nomor tersisa: 12" and label.styleSheet() == ""

    def ask(dialog: NumberReserveDialog) -> None:
        driver.wait_until(lambda: "Surat keluar: 0 nomor tersisa" in dialog.held.text(),
                          "what the PC holds", WAIT)  # fmt: skip
        driver.type_into(dialog.count, "150", replace=True)  # more than the server allows
        driver.click("Minta Nomor", within=dialog)
        driver.wait_until(lambda: "Diminta: 150 nomor per seri" in dialog.result_label.text(),
                          "the request kept", WAIT)  # fmt: skip

    driver.when_opened(NumberReserveDialog, ask)
    driver.click("Administrasi", "Siapkan nomor untuk luring...")
    driver.wait_until(lambda: "Diminta 150 nomor per seri" in label.toolTip(), "tooltip", WAIT)

    _server_url(pc, online)  # back at the office
    window.sync.sync_now()
    driver.wait_until(lambda: label.text() == "Nomor tersisa: 100", "the larger block", WAIT)
    stock = number_stock.stock(pc.store, None)
    assert stock is not None and stock.reserve == 0
    assert {s.series: s.left for s in stock.series} == {"keluar": 100, "masuk": 100}
    driver.log_out()
