"""Delivery between offices as people do it in the app: Wamena's drafter picks Kurulu from the
server's list of offices on the signed letter; after both sync, Kurulu's registrar sees it in
Surat Masuk Baru with its signature verdict and registers it with one click; Wamena's letter
then reads "dibaca" (registered, then opened there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.letters import delivery
from desktop.letters.queries import Queue
from desktop.ui.delivery_dialogs import AddressOfficesDialog
from desktop.ui.qt import QListWidget, Qt
from tests.sync.test_delivery import enrol_camat, office_pc, sign_electronically
from tests.ui import conftest as ui_fixtures
from tests.ui.driver import Driver
from tests.ui.test_incoming_flow import open_first

# The GUI fixtures of tests/ui (this file sits under tests/sync for the server fixtures).
driver, messages = ui_fixtures.driver, ui_fixtures.messages
_operations_finish = ui_fixtures._operations_finish

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)


def tick(driver: Driver, widget: QListWidget, text: str) -> None:
    (row,) = [i for i in range(widget.count()) if widget.item(i).text().startswith(text)]
    driver.select_row(row, table=widget)
    driver.press(widget, Qt.Key.Key_Space)
    assert widget.item(row).checkState() == Qt.CheckState.Checked, f"{text!r} not ticked"


def test_send_to_another_office_and_register_it_there(
    pki_server: Any, tmp_path: Path, driver: Driver
) -> None:
    a, _a_id = office_pc(pki_server, tmp_path, "wamena", "Wamena")
    b, _b_id = office_pc(pki_server, tmp_path, "kurulu", "Kurulu")
    enrol_camat(a)
    a.sync()
    from tests.sync.pcs import draft

    letter_id = draft(a, "Undangan Rapat Distrik")
    sign_electronically(a, letter_id)

    driver.log_in(a.store, a.user("budi"))
    driver.open_queue(Queue.OUTGOING)
    driver.open_letter("Undangan Rapat Distrik")
    assert driver.field("Kirim ke kantor") == "-"
    driver.click("Kirim ke Kantor Lain...")
    dialog = driver.dialog(AddressOfficesDialog)
    driver.wait_until(lambda: dialog.offices.count() == 1, "the list of offices")
    tick(driver, dialog.offices, "Kecamatan Kurulu")
    driver.click("OK", within=dialog)
    driver.wait_until(lambda: not dialog.isVisible(), "the dialog to close")
    driver.wait_until(
        lambda: driver.field("Kirim ke kantor") == "Kecamatan Kurulu: menunggu dikirim",
        "the waiting delivery",
    )
    driver.log_out()
    a.sync()  # (the app may have synced already: it sends deliveries as any sync does)
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert state.state == "terkirim"
    b.sync()

    driver.log_in(b.store, b.user("rina"))
    page = driver.open_incoming("Surat Masuk Baru")
    inbox = page.deliveries
    driver.wait_until(lambda: inbox.isVisible() and inbox.list.count() == 1, "the delivery")
    shown = inbox.list.item(0).text()
    assert shown.startswith("Kecamatan Wamena · ") and "Undangan Rapat Distrik" in shown
    assert "Tanda tangan: SAH" in shown, shown
    driver.click("Catat Surat Kiriman")
    driver.wait_until(lambda: page.model.rowCount() == 1, "the registered letter in the list")
    assert driver.status_message().startswith("Surat masuk dicatat dengan nomor agenda 001/")
    driver.wait_until(lambda: not inbox.isVisible(), "the delivery to leave the inbox")
    view = open_first(driver, page)  # the registered letter shows the verdict it came with
    assert view.fields["signature"].text().startswith("SAH"), view.fields["signature"].text()
    assert view.fields["received"].text().endswith("(Server pusat)")
    driver.log_out()
    b.sync()
    a.sync()

    driver.log_in(a.store, a.user("budi"))
    driver.open_queue(Queue.OUTGOING)
    driver.open_letter("Undangan Rapat Distrik")
    assert driver.field("Kirim ke kantor") == "Kecamatan Kurulu: dibaca"  # registered, opened
    a.close()
    b.close()
