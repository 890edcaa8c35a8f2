"""Finding letters and knowing what the list shows: "Dalam proses", a search across every queue,
filters that say they are on and go when the queue changes, columns sized for their content
and remembered, and the small words of the letter view and status bar."""

from __future__ import annotations

from typing import Any

from desktop.letters import drafting, workflow
from desktop.letters.accounts import Role
from desktop.letters.drafting import AddresseeInput
from desktop.letters.queries import Queue
from desktop.store.models import Letter
from desktop.ui.letter_list import HAL_MIN
from desktop.ui.login import LoginDialog
from desktop.ui.people import PeopleDialog
from desktop.ui.qt import QDialog, QMessageBox, Qt
from tests.conftest import Office
from tests.ui.driver import Driver
from tests.ui.test_people import row_of, saving


def sent(o: Office, hal: str, reviewers: list[str], capacity: str = "") -> Letter:
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    data = drafting.input_of(letter)
    data.classification_code = "100.3.1"
    data.hal = hal
    data.addressees = [AddresseeInput("Kepala Kampung Sinakma", "Sinakma")]
    data.signer_id = o.sekcam.id
    if capacity:
        data.signer_capacity, data.signer_on_behalf_of = capacity, "Camat Wamena"
    drafting.save_draft(o.store, o.drafter, letter.id, data)
    return workflow.send(o.store, o.drafter, letter.id, reviewers, o.sekcam.id)


def test_search_looks_everywhere_and_a_queue_change_clears_it(
    driver: Driver, office_staff: Office
) -> None:
    o = office_staff
    sent(o, "Laporan Kbdsend Triwulan", [o.kasi.id])
    window = driver.log_in(o.store, o.drafter)
    assert window.model.queue is Queue.DRAFTS and driver.row_count() == 0
    driver.type_into(window.filters.search, "KBDSEND")
    driver.wait_until(lambda: driver.row_count() == 1, "the search across every queue")
    assert window.model.queue is Queue.ALL
    assert window.sidebar.currentItem().text() == "Semua surat"
    assert window.filter_note.isVisible() and "KBDSEND" in window.filter_note.text()
    assert driver.cell(0, "Status") == "Menunggu paraf: Sari Wulandari"
    # Another queue: the search is emptied, not left on to hide that queue's letters.
    driver.open_queue(Queue.IN_PROCESS)
    assert window.filters.search.text() == ""
    assert not window.filter_note.isVisible()
    assert driver.rows() == ["Laporan Kbdsend Triwulan"]
    # A filter on a queue says so, and "Hapus penyaring" shows the whole queue again.
    driver.pick(window.filters.letter_type, "Surat Undangan")
    assert driver.row_count() == 0 and window.filter_note.isVisible()
    driver.click("Hapus penyaring")
    assert driver.row_count() == 1 and window.filters.is_empty()
    assert not window.clear_filter_button.isVisible()


def test_emptying_the_search_goes_back_to_the_queue(driver: Driver, office_staff: Office) -> None:
    o = office_staff
    sent(o, "Laporan Kbdsend Triwulan", [o.kasi.id])
    window = driver.log_in(o.store, o.drafter)
    driver.type_into(window.filters.search, "kbdsend")
    driver.wait_until(lambda: window.model.queue is Queue.ALL, "the search")
    driver.clear(window.filters.search)
    driver.wait_until(lambda: window.model.queue is Queue.DRAFTS, "Konsep again")
    assert window.sidebar.currentItem().text() == "Konsep"


def test_columns_fit_their_content_are_remembered_and_explain_themselves(
    driver: Driver, office_staff: Office
) -> None:
    o = office_staff
    long_hal = "Permohonan Data" + " Sangat Panjang" * 12
    sent(o, long_hal, [o.kasi.id])
    window = driver.log_in(o.store, o.drafter)
    driver.open_queue(Queue.IN_PROCESS)
    table, model = window.table, window.model
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    number = model.columns_keys().index("number")
    hal = model.columns_keys().index("hal")
    assert header.sectionSize(number) >= metrics.horizontalAdvance("(belum bernomor)")
    assert header.sectionSize(hal) >= HAL_MIN
    # The whole text of every cell is its tooltip (Hal is cut short on screen).
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, hal).data(tip) == long_hal
    assert model.index(0, number).data(tip) == "(belum bernomor)"
    # A width dragged by the clerk is there again in the next window on this PC.
    table.setColumnWidth(number, 222)
    table.save_widths()
    again = driver.log_in(o.store, o.kasi)
    assert again.table.horizontalHeader().sectionSize(number) == 222
    assert again is not window


def test_letter_view_labels_sifat_and_names_the_signer_first(
    driver: Driver, office_staff: Office
) -> None:
    o = office_staff
    sent(o, "Laporan Atas Nama", [o.kasi.id], capacity="a.n.")
    driver.log_in(o.store, o.drafter)
    driver.open_queue(Queue.IN_PROCESS)
    driver.open_letter("Laporan Atas Nama")
    assert driver.field("Sifat") == "Biasa · Urgensi: Biasa"
    assert driver.field("Penandatangan") == "Drs. Petrus Tabuni, a.n. Camat Wamena"
    assert any(h.endswith("Budi Santoso: Dikirim kepada Sari Wulandari") for h in driver.history())
    saves = [h for h in driver.history() if "disimpan" in h]
    assert len(saves) == 1 and saves[0].endswith("Budi Santoso: Revisi 1–2 disimpan")


def test_signing_by_hand_asks_with_batal_as_the_default(
    driver: Driver, office_staff: Office, messages: Any
) -> None:
    o = office_staff
    letter = sent(o, "Laporan Tanda Tangan", [])
    driver.log_in(o.store, o.sekcam)
    driver.open_letter("Laporan Tanda Tangan")
    messages.answer = QMessageBox.StandardButton.Cancel
    driver.click("Tandatangani Basah...")
    assert messages.defaults == [QMessageBox.StandardButton.Cancel]  # Enter does not sign
    driver.wait_idle()
    assert drafting.get_letter(o.store, o.sekcam, letter.id).number == ""


def test_status_bar_says_sync_is_not_set_up(driver: Driver, office_staff: Office) -> None:
    window = driver.log_in(office_staff.store, office_staff.drafter)
    assert window.sync_label.text().startswith("Sinkronisasi belum disiapkan")
    assert "menunggu" not in window.sync_label.text()


def test_an_administrator_gives_himself_a_role_and_it_applies_at_once(
    driver: Driver, office_staff: Office
) -> None:
    o = office_staff
    window = driver.log_in(o.store, o.admin)
    # Not a drafter: "+ Konsep Baru" is there, greyed, saying why and how to change it.
    assert window.new_button.isVisible() and not window.new_button.isEnabled()
    assert window.new_hint.isVisible() and "Administrasi > Pegawai" in window.new_hint.text()
    assert not window.new_action.isEnabled()

    def give_drafter(dialog: PeopleDialog) -> None:
        driver.select_row(row_of(dialog, "Admin Kantor"), dialog.table)
        driver.click("Ubah...")

    saving(driver, lambda form: driver.click(form.fields.roles[Role.DRAFTER]))
    driver.when_opened(PeopleDialog, give_drafter)
    driver.click("Administrasi", "Pegawai...")
    assert window.user.has(Role.DRAFTER)
    assert window.new_button.isEnabled() and not window.new_hint.isVisible()
    assert window.new_action.isEnabled()
    page = driver.new_letter("Surat Dinas")
    assert page.editor.user.has(Role.DRAFTER)


def test_escape_on_the_log_in_quits(qtbot: Any, driver: Driver, office_staff: Office) -> None:
    dialog = driver.show(LoginDialog(office_staff.store))
    qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.user is None
