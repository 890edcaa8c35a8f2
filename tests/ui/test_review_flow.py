"""The whole life of an outgoing letter, driven through the main window as each person in turn.

Budi drafts an invitation and sends it to Sari for initials; Sari returns it with a note; Budi
fixes it and sends it again; Sari initials; the camat signs it by hand and prints it; the letter
is then in Surat Keluar with its number, found by a word of its body, and its stored PDF carries
the number, the subject and the camat's NIP.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.letters.accounts import CurrentUser
from desktop.letters.queries import Queue
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.ui import background, letter_view
from desktop.ui.main_window import MainWindow
from desktop.ui.qt import QDialog, QPrinter, Qt, QWidget
from tests.conftest import Office

WORD = "mangrove"
HAL = "Undangan Rapat Penanaman Mangrove"
CAMAT_NIP = "197008171994031006"


@pytest.fixture(autouse=True)
def _background_done() -> Iterator[None]:
    yield
    background.wait_all()


def log_in(qtbot: Any, store: Store, user: CurrentUser) -> MainWindow:
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.counts != {})
    return window


def log_out(window: MainWindow) -> None:
    window.close()


def open_queue(qtbot: Any, window: MainWindow, queue: Queue) -> None:
    """Click the queue in the sidebar."""
    for i in range(window.sidebar.count()):
        item = window.sidebar.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == queue:
            rect = window.sidebar.visualItemRect(item)
            qtbot.mouseClick(
                window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
            )
    assert window.model.queue is queue


def open_row(qtbot: Any, window: MainWindow, row: int = 0) -> None:
    """Double-click a row of the list and wait for the letter to open."""
    index = window.model.index(row, 2)
    rect = window.table.visualRect(index)
    viewport = window.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.editor_page is not None or window.letter_view is not None)


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def send_to(qtbot: Any, click: Any, window: MainWindow, reviewer: CurrentUser) -> None:
    page = window.editor_page
    assert page is not None
    click(page.send_button)
    dialog = page.editor.send_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.available.setCurrentIndex(dialog.available.findData(reviewer.id))
    click(dialog.add_button)
    assert dialog.reviewer_ids() == [reviewer.id]
    click(dialog.send_button)
    qtbot.waitUntil(lambda: window.editor_page is None)


def test_letter_goes_from_draft_to_signed_and_is_found(
    qtbot: Any, office_staff: Office, click: Any, messages: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    store = office_staff.store
    budi, sari, camat = office_staff.drafter, office_staff.kasi, office_staff.camat

    # Budi drafts an invitation from "Konsep Baru".
    window = log_in(qtbot, store, budi)
    assert window.new_button.isVisible()
    window.new_actions["surat_undangan"].trigger()
    qtbot.waitUntil(lambda: window.editor_page is not None)
    page = window.editor_page
    assert page is not None
    editor = page.editor
    assert "Surat Undangan" in editor.type_label.text()
    editor.classification.edit.clear()
    type_into(qtbot, editor.classification.edit, "000.1.5")
    assert editor.classification.title.text() != ""
    type_into(qtbot, editor.hal, HAL)
    for name, place in (
        ("Kepala Desa Golo Mori", "Golo Mori"),
        ("Lurah Labuan Bajo", "Labuan Bajo"),
    ):
        click(editor.addressees.add_button)
        name_edit, place_edit = editor.addressees.rows[-1]
        type_into(qtbot, name_edit, name)
        type_into(qtbot, place_edit, place)
    editor.body.text.setFocus()
    editor.body.text.selectAll()
    qtbot.keyClicks(editor.body.text, f"Kami mengundang Saudara pada penanaman {WORD} di pantai.")
    click(editor.tembusan.add_button)
    type_into(qtbot, editor.tembusan.rows[-1][0], "Bupati Manggarai Barat")
    editor.signer.setFocus()
    qtbot.keyClicks(editor.signer, "Agustinus")
    assert editor.signer.currentData() == camat.id
    send_to(qtbot, click, window, sari)
    assert "Sari Wulandari" in window.statusBar().currentMessage()
    log_out(window)

    # Sari finds it waiting for her initials and returns it with a note.
    window = log_in(qtbot, store, sari)
    assert window.model.queue is Queue.TO_INITIAL
    assert window.counts[Queue.TO_INITIAL] == 1
    open_row(qtbot, window)
    view = window.letter_view
    assert view is not None
    qtbot.waitUntil(lambda: view.data is not None)
    assert view.fields["hal"].text() == HAL
    assert view.initial_button.isVisible() and view.return_button.isVisible()
    assert not view.sign_button.isVisible()
    click(view.return_button)
    assert view.dialog is not None
    type_into(qtbot, view.dialog.note, "Mohon cantumkan jam acara.")
    click(view.dialog.ok_button)
    qtbot.waitUntil(lambda: view.fields["status"].text() == "Dikembalikan")
    assert not view.initial_button.isVisible()
    log_out(window)

    # Budi sees it returned, with the note on top, fixes it and sends it again.
    window = log_in(qtbot, store, budi)
    assert window.counts[Queue.RETURNED] == 1
    open_queue(qtbot, window, Queue.RETURNED)
    assert window.model.rowCount() == 1
    open_row(qtbot, window)
    page = window.editor_page
    assert page is not None
    assert page.return_note.isVisible()
    assert "Mohon cantumkan jam acara." in page.return_note.text()
    page.editor.body.text.moveCursor(page.editor.body.text.textCursor().MoveOperation.End)
    type_into(qtbot, page.editor.body.text, " Acara dimulai pukul 09.00 WITA.")
    send_to(qtbot, click, window, sari)
    log_out(window)

    # Sari initials; the letter moves on to the camat.
    window = log_in(qtbot, store, sari)
    open_row(qtbot, window)
    view = window.letter_view
    assert view is not None
    qtbot.waitUntil(lambda: view.data is not None and view.initial_button.isVisible())
    click(view.initial_button)
    qtbot.waitUntil(lambda: view.fields["holder"].text() == camat.name)
    qtbot.waitUntil(lambda: window.counts.get(Queue.TO_INITIAL) == 0)
    log_out(window)

    # The camat signs it by hand and prints it.
    printed = tmp_path / "cetak.pdf"

    class PrintToFile:
        def __init__(self, printer: QPrinter, _parent: QWidget) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(letter_view, "QPrintDialog", PrintToFile)
    window = log_in(qtbot, store, camat)
    assert window.model.queue is Queue.TO_SIGN
    assert window.model.rowCount() == 1
    open_row(qtbot, window)
    view = window.letter_view
    assert view is not None
    qtbot.waitUntil(lambda: view.data is not None and view.sign_button.isVisible())
    click(view.sign_button)
    qtbot.waitUntil(lambda: view.fields["status"].text() == "Ditandatangani")
    number = view.fields["number"].text()
    assert number.startswith("000.1.5/") and number.endswith("/Kec.WMN/" + number[-4:])
    assert any("nomor surat diterbitkan sekarang" in t for t in messages.texts)
    assert any(number in t for t in messages.texts)  # "Cetak sekarang?" names the number
    assert printed.exists() and printed.stat().st_size > 1000

    # It is in Surat Keluar with its number, and a word of its body finds it.
    click(view.back_button)
    open_queue(qtbot, window, Queue.OUTGOING)
    assert window.model.rowCount() == 1
    assert window.model.index(0, 0).data() == number
    type_into(qtbot, window.filters.search, "tidakadakatasepertiini")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.filters.search.clear()
    type_into(qtbot, window.filters.search, WORD)
    qtbot.waitUntil(lambda: window.model.filter.search == WORD)
    assert window.model.rowCount() == 1
    assert window.model.index(0, 2).data() == HAL

    # The stored final PDF carries the number, the subject and the camat's NIP.
    letter = view.letter
    assert letter.pdf_hash
    pdf = PdfReader(io.BytesIO(BlobStore(store.blob_dir).get(letter.pdf_hash)))
    text = " ".join(page.extract_text() for page in pdf.pages)
    flat = " ".join(text.split())
    assert number in flat
    assert HAL in flat
    assert CAMAT_NIP in flat
    log_out(window)
