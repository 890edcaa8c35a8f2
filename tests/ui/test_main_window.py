"""The main window as each person sees it: their queues and counts, the filter bar, the
administration menu, "Konsep Baru", and the list opening letters."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from desktop.letters import drafting, workflow
from desktop.letters.drafting import AddresseeInput
from desktop.letters.queries import ListFilter, Queue
from desktop.letters.templates import letter_types
from desktop.store import clock
from desktop.store.models import Letter
from desktop.ui import letter_model, main_window
from desktop.ui.main_window import MainWindow
from desktop.ui.people import PeopleDialog
from desktop.ui.qt import QDate, Qt
from desktop.ui.settings import OfficeSettingsDialog
from tests.conftest import Office
from tests.ui.driver import Driver


def drafts(office_staff: Office, n: int, **fields: Any) -> list[str]:
    """``n`` complete drafts by Budi for the camat; returns their ids."""
    ids = []
    for i in range(n):
        letter = drafting.new_draft(office_staff.store, office_staff.drafter, "surat_dinas")
        data = drafting.input_of(letter)
        data.classification_code = fields.get("code", "100.3.1")
        data.hal = fields.get("hal", f"Laporan Kegiatan {i}")
        data.addressees = [AddresseeInput("Kepala Desa Komodo", "Komodo")]
        data.signer_id = office_staff.camat.id
        drafting.save_draft(office_staff.store, office_staff.drafter, letter.id, data)
        ids.append(letter.id)
    return ids


def test_sidebar_shows_each_queue_with_its_count(driver: Driver, office_staff: Office) -> None:
    ids = drafts(office_staff, 3)
    workflow.send(office_staff.store, office_staff.drafter, ids[0], [office_staff.kasi.id],
                  office_staff.camat.id)  # fmt: skip
    window = driver.log_in(office_staff.store, office_staff.drafter)
    assert driver.sidebar() == ["Konsep  (2)", "Perlu Paraf", "Perlu Tanda Tangan",
                                "Dikembalikan", "Dalam proses  (1)", "Surat Keluar",
                                "Semua surat", "Surat Masuk Baru", "Surat Masuk",
                                "Disposisi"]  # fmt: skip
    assert window.model.queue is Queue.DRAFTS and driver.row_count() == 2
    assert "Budi Santoso" in window.person_label.text()
    assert "Konsep 2" in window.person_label.text()
    assert window.count_label.text() == "2 surat"
    sari = driver.log_in(office_staff.store, office_staff.kasi)
    assert sari.model.queue is Queue.TO_INITIAL
    assert sari.sidebar.currentItem().text() == "Perlu Paraf  (1)"
    assert driver.cell(0, "Hal") == "Laporan Kegiatan 0"


def test_konsep_baru_lists_the_letter_types_only_for_drafters(
    driver: Driver, office_staff: Office
) -> None:
    window = driver.log_in(office_staff.store, office_staff.drafter)
    labels = [a.text() for a in window.new_button.menu().actions()]
    assert labels == [t.label for t in letter_types().values()]
    camat = driver.log_in(office_staff.store, office_staff.camat)
    assert not camat.new_button.isVisible()


def test_administration_menu_is_for_administrators(driver: Driver, office_staff: Office) -> None:
    people = driver.when_opened(PeopleDialog, lambda _dialog: None)
    settings = driver.when_opened(OfficeSettingsDialog, lambda _dialog: None)
    driver.log_in(office_staff.store, office_staff.drafter)
    assert not driver.menu_item("Administrasi", "Pegawai...").isEnabled()
    assert not driver.menu_item("Administrasi", "Pengaturan Kantor...").isEnabled()
    driver.log_in(office_staff.store, office_staff.admin)
    assert driver.menu_item("Administrasi", "Pegawai...").isEnabled()
    assert driver.menu_item("Administrasi", "Pengaturan Kantor...").isEnabled()
    driver.click("Administrasi", "Pegawai...")
    driver.click("Administrasi", "Pengaturan Kantor...")
    assert [d.user.name for d in [*people, *settings]] == ["Admin Kantor", "Admin Kantor"]


def test_filter_bar_narrows_the_list(driver: Driver, office_staff: Office) -> None:
    drafts(office_staff, 2, hal="Pendataan Ternak", code="500.1")
    drafts(office_staff, 3, hal="Rapat Posyandu", code="400.5.1")
    window = driver.log_in(office_staff.store, office_staff.drafter)
    assert driver.row_count() == 5
    bar = window.filters
    driver.type_into(bar.search, "posyandu")
    assert driver.row_count() == 5  # not yet: typing pauses first
    driver.wait_until(lambda: driver.row_count() == 3, "the search to narrow the list")
    assert driver.rows("Hal") == ["Rapat Posyandu"] * 3
    driver.clear(bar.search)
    driver.wait_until(lambda: driver.row_count() == 5, "the whole list again")
    driver.type_into(bar.classification, "500")
    driver.wait_until(lambda: driver.row_count() == 2, "the classification to narrow the list")
    driver.clear(bar.classification)
    driver.wait_until(lambda: driver.row_count() == 5, "the whole list again")
    driver.pick(bar.letter_type, "Surat Undangan")
    assert driver.row_count() == 0
    assert window.empty_label.isVisible()
    assert window.empty_label.text() == "Tidak ada surat yang cocok dengan penyaring."
    driver.pick(bar.letter_type, "Semua jenis")
    driver.pick(bar.status, "Konsep")
    assert driver.row_count() == 5
    driver.click("Tanggal")
    assert bar.date_from.isEnabled()
    today = clock.today()
    bar.date_from.setDate(QDate(today.year + 1, 1, 1))
    bar.date_to.setDate(QDate(today.year + 1, 12, 31))
    assert window.model.filter.date_from == date(today.year + 1, 1, 1)
    assert driver.row_count() == 0
    driver.click("Tanggal")
    assert window.model.filter == ListFilter(status="draft")
    assert driver.row_count() == 5


def test_enter_on_a_row_opens_the_editor_or_the_view(driver: Driver, office_staff: Office) -> None:
    ids = drafts(office_staff, 2)
    workflow.send(office_staff.store, office_staff.drafter, ids[1], [], office_staff.camat.id)
    window = driver.log_in(office_staff.store, office_staff.drafter)
    driver.select_row(0)
    driver.press(window.table, Qt.Key.Key_Return)
    assert driver.editor_page().letter.id == ids[0]
    driver.back_to_list()
    camat = driver.log_in(office_staff.store, office_staff.camat)
    assert camat.model.queue is Queue.TO_SIGN
    driver.select_row(0)
    driver.press(camat.table, Qt.Key.Key_Return)
    view = driver.letter_view()
    assert view.sign_button.isVisible()
    assert not view.initial_button.isVisible()


def test_a_long_list_is_fetched_a_page_at_a_time(driver: Driver, office_staff: Office) -> None:
    drafts(office_staff, 130)
    window = driver.log_in(office_staff.store, office_staff.drafter)
    assert driver.row_count() == 130
    assert window.model.pages_fetched == 1  # only what is on screen
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    assert window.model.pages_fetched == 2
    driver.click_header("Hal")
    window.table.viewport().repaint()
    assert driver.cell(0, "Hal") == "Laporan Kegiatan 0"
    # "Tujuan" cannot be sorted in SQL: clicking it changes neither the order nor the arrow.
    driver.click_header("Tujuan")
    assert window.model.sort_key == "hal"
    header = window.table.horizontalHeader()
    assert header.sortIndicatorSection() == window.model.column_of("hal")
    assert window.model.count_queries <= 2


def test_a_letter_written_on_another_thread_shows_without_a_refresh(
    driver: Driver, office_staff: Office, monkeypatch: Any
) -> None:
    store, budi = office_staff.store, office_staff.drafter
    refreshed: list[str] = []
    monkeypatch.setattr(MainWindow, "refresh", lambda _self: refreshed.append("refresh"))
    driver.log_in(store, budi)
    driver.open_queue(Queue.DRAFTS)
    driver.wait_idle()
    before = driver.row_count()

    def write_elsewhere() -> None:  # e.g. the sync thread, on its own connection
        letter = drafting.new_draft(store, budi, "surat_dinas")
        data = drafting.input_of(letter)
        data.hal = "Surat dari utas lain"
        drafting.save_draft(store, budi, letter.id, data)

    worker = threading.Thread(target=write_elsewhere)
    worker.start()
    worker.join()
    driver.wait_until(lambda: "Surat dari utas lain" in driver.rows(), "the list to follow")
    assert driver.row_count() == before + 1
    driver.wait_until(lambda: f"Konsep  ({before + 1})" in driver.sidebar(), "the new count")
    assert refreshed == []  # nobody refreshed by hand: the store's change signal did it


def test_a_long_list_says_n_plus_at_once_and_the_exact_count_when_typing_stops(
    driver: Driver, office_staff: Office, monkeypatch: Any
) -> None:
    monkeypatch.setattr(letter_model, "COUNT_CAP", 3)
    monkeypatch.setattr(main_window, "COUNT_CAP", 3)
    drafts(office_staff, 4, code="100.3.1")
    drafts(office_staff, 2, code="500.1")
    window = driver.log_in(office_staff.store, office_staff.drafter)
    # The queue counts, read after the first paint, make the opening count exact.
    driver.wait_until(lambda: window.count_label.text() == "6 surat", "the exact count")
    assert driver.row_count() == 6
    driver.type_into(window.filters.classification, "100")
    driver.wait_until(lambda: window.count_label.text() == "3+ surat", "the capped count")
    assert driver.row_count() == 4  # three and "more": the fourth row is a real letter
    assert driver.cell(3, "Hal") == "Laporan Kegiatan 0"
    driver.wait_until(lambda: window.count_label.text() == "4 surat", "the count once idle")
    assert driver.rows() == [f"Laporan Kegiatan {i}" for i in (3, 2, 1, 0)]


def test_the_sidebar_counts_surat_keluar_only_up_to_the_cap(
    driver: Driver, office_staff: Office, monkeypatch: Any
) -> None:
    monkeypatch.setattr(letter_model, "COUNT_CAP", 3)
    monkeypatch.setattr(main_window, "COUNT_CAP", 3)
    with office_staff.store.write() as session:
        for i in range(5):
            letter = Letter(
                letter_type="surat_dinas", status="signed", hal=f"Arsip {i}",
                number=f"100.3.1/{i + 1}/Kec/2026", drafter_id=office_staff.drafter.id,
                signer_id=office_staff.camat.id, letter_date=date(2026, 1, 5 + i),
            )  # fmt: skip
            letter.set_body(f"<p>isi {i}</p>", f"isi {i}")
            session.add(letter)
    window = driver.log_in(office_staff.store, office_staff.camat)
    assert "Surat Keluar  (3+)" in driver.sidebar()
    driver.open_queue(Queue.OUTGOING)
    # The list opens on "3+" and settles on the exact count; every letter can be reached.
    driver.wait_until(lambda: window.count_label.text() == "5 surat", "the exact count")
    assert sorted(driver.rows()) == [f"Arsip {i}" for i in range(5)]
