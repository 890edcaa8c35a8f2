"""The main window as each person sees it: their queues and counts, the filter bar, the
administration menu, "Konsep Baru", and the list opening letters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from desktop.letters import drafting, workflow
from desktop.letters.drafting import AddresseeInput
from desktop.letters.queries import ListFilter, Queue
from desktop.letters.templates import letter_types
from desktop.store.db import Store
from desktop.ui import background
from desktop.ui.main_window import MainWindow
from desktop.ui.qt import QDate, QDialog, QPoint, Qt, QWidget
from tests.conftest import Office


@pytest.fixture(autouse=True)
def _background_done() -> Iterator[None]:
    yield
    background.wait_all()


def window_for(qtbot: Any, store: Store, user: Any) -> MainWindow:
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.counts != {})
    return window


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


def test_sidebar_shows_each_queue_with_its_count(qtbot: Any, office_staff: Office) -> None:
    ids = drafts(office_staff, 3)
    workflow.send(office_staff.store, office_staff.drafter, ids[0], [office_staff.kasi.id],
                  office_staff.camat.id)  # fmt: skip
    window = window_for(qtbot, office_staff.store, office_staff.drafter)
    texts = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert texts == ["Konsep  (2)", "Perlu Paraf", "Perlu Tanda Tangan", "Dikembalikan",
                     "Surat Keluar"]  # fmt: skip
    assert window.model.queue is Queue.DRAFTS and window.model.rowCount() == 2
    assert "Budi Santoso" in window.person_label.text()
    assert "Konsep 2" in window.person_label.text()
    assert window.count_label.text() == "2 surat"
    sari = window_for(qtbot, office_staff.store, office_staff.kasi)
    assert sari.model.queue is Queue.TO_INITIAL
    assert sari.sidebar.currentItem().text() == "Perlu Paraf  (1)"
    assert sari.model.index(0, 2).data() == "Laporan Kegiatan 0"


def test_konsep_baru_lists_the_letter_types_only_for_drafters(
    qtbot: Any, office_staff: Office
) -> None:
    window = window_for(qtbot, office_staff.store, office_staff.drafter)
    labels = [a.text() for a in window.new_button.menu().actions()]
    assert labels == [t.label for t in letter_types().values()]
    camat = window_for(qtbot, office_staff.store, office_staff.camat)
    assert not camat.new_button.isVisible()


def test_administration_menu_is_for_administrators(
    qtbot: Any, office_staff: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    class FakeDialog:
        def __init__(self, store: Store, user: Any, parent: QWidget) -> None:
            opened.append(user.name)

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Rejected

    import desktop.ui.people
    import desktop.ui.settings

    monkeypatch.setattr(desktop.ui.people, "PeopleDialog", FakeDialog)
    monkeypatch.setattr(desktop.ui.settings, "OfficeSettingsDialog", FakeDialog)
    budi = window_for(qtbot, office_staff.store, office_staff.drafter)
    assert not budi.people_action.isEnabled() and not budi.settings_action.isEnabled()
    admin = window_for(qtbot, office_staff.store, office_staff.admin)
    assert admin.people_action.isEnabled() and admin.settings_action.isEnabled()
    admin.people_action.trigger()
    admin.settings_action.trigger()
    assert opened == ["Admin Kantor", "Admin Kantor"]


def test_filter_bar_narrows_the_list(qtbot: Any, office_staff: Office, click: Any) -> None:
    drafts(office_staff, 2, hal="Pendataan Ternak", code="500.1")
    drafts(office_staff, 3, hal="Rapat Posyandu", code="400.5.1")
    window = window_for(qtbot, office_staff.store, office_staff.drafter)
    assert window.model.rowCount() == 5
    bar = window.filters
    bar.search.setFocus()
    qtbot.keyClicks(bar.search, "posyandu")
    assert window.model.rowCount() == 5  # not yet: typing pauses first
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    bar.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    qtbot.keyClicks(bar.classification, "500")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    bar.classification.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    bar.letter_type.setCurrentIndex(bar.letter_type.findData("surat_undangan"))
    assert window.model.rowCount() == 0
    assert window.empty_label.isVisible()
    assert window.empty_label.text() == "Tidak ada surat yang cocok dengan penyaring."
    bar.letter_type.setCurrentIndex(0)
    bar.status.setCurrentIndex(bar.status.findData("draft"))
    assert window.model.rowCount() == 5
    click(bar.use_dates)
    assert bar.date_from.isEnabled()
    today = date.today()
    bar.date_from.setDate(QDate(today.year + 1, 1, 1))
    bar.date_to.setDate(QDate(today.year + 1, 12, 31))
    assert window.model.filter.date_from == date(today.year + 1, 1, 1)
    assert window.model.rowCount() == 0
    click(bar.use_dates)
    assert window.model.filter == ListFilter(status="draft")
    assert window.model.rowCount() == 5


def test_enter_on_a_row_opens_the_editor_or_the_view(qtbot: Any, office_staff: Office) -> None:
    ids = drafts(office_staff, 2)
    workflow.send(office_staff.store, office_staff.drafter, ids[1], [], office_staff.camat.id)
    window = window_for(qtbot, office_staff.store, office_staff.drafter)
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor_page is not None)
    assert window.editor_page is not None and window.editor_page.letter.id == ids[0]
    window.show_list()
    camat = window_for(qtbot, office_staff.store, office_staff.camat)
    assert camat.model.queue is Queue.TO_SIGN
    camat.table.setFocus()
    camat.table.selectRow(0)
    qtbot.keyClick(camat.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: camat.letter_view is not None)
    view = camat.letter_view
    assert view is not None
    qtbot.waitUntil(lambda: view.data is not None)
    assert view.sign_button.isVisible()
    assert not view.initial_button.isVisible()


def test_a_long_list_is_fetched_a_page_at_a_time(qtbot: Any, office_staff: Office) -> None:
    drafts(office_staff, 130)
    window = window_for(qtbot, office_staff.store, office_staff.drafter)
    assert window.model.rowCount() == 130
    assert window.model.pages_fetched == 1  # only what is on screen
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    assert window.model.pages_fetched == 2
    window.table.sortByColumn(window.model.column_of("hal"), Qt.SortOrder.AscendingOrder)
    window.table.viewport().repaint()
    assert window.model.index(0, 2).data() == "Laporan Kegiatan 0"
    # "Tujuan" cannot be sorted in SQL: clicking it changes neither the order nor the arrow.
    header = window.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(3) + 20, 10)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.model.sort_key == "hal"
    assert header.sortIndicatorSection() == window.model.column_of("hal")
    assert window.model.count_queries <= 2
