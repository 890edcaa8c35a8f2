"""The letter editor as a drafter uses it: autosave, saving on close, revisions, required
fields on sending, the body toolbar, the classification picker and the live preview."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.letters import drafting
from desktop.ui import background
from desktop.ui.editor_page import EditorPage
from desktop.ui.main_window import MainWindow
from desktop.ui.qt import QLabel, Qt, QTextCursor
from tests.conftest import Office


@pytest.fixture(autouse=True)
def _background_done() -> Iterator[None]:
    yield
    background.wait_all()


def open_new_draft(
    qtbot: Any, office_staff: Office, type_key: str
) -> tuple[MainWindow, EditorPage]:
    window = MainWindow(office_staff.store, office_staff.drafter)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.new_actions[type_key].trigger()
    qtbot.waitUntil(lambda: window.editor_page is not None)
    assert window.editor_page is not None
    return window, window.editor_page


def revision_count(office_staff: Office, letter_id: str) -> int:
    return len(drafting.revisions(office_staff.store, office_staff.drafter, letter_id))


def test_typing_is_saved_by_itself_after_a_pause(qtbot: Any, office_staff: Office) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_dinas")
    letter_id = page.letter.id
    assert revision_count(office_staff, letter_id) == 1  # the template
    page.editor.hal.setFocus()
    qtbot.keyClicks(page.editor.hal, "Permohonan Data Penduduk")
    assert page.save_label.text() == "Belum tersimpan"
    qtbot.waitUntil(lambda: page.save_label.text().startswith("Tersimpan "), timeout=5000)
    assert revision_count(office_staff, letter_id) == 2
    stored = drafting.get_letter(office_staff.store, office_staff.drafter, letter_id)
    assert stored.hal == "Permohonan Data Penduduk"
    # Nothing changed: no new revision on the next pause or on leaving the editor.
    page.editor.save_now()
    window.close()
    assert revision_count(office_staff, letter_id) == 2


def test_an_edit_is_saved_when_the_window_closes_at_once(qtbot: Any, office_staff: Office) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_dinas")
    letter_id = page.letter.id
    page.editor.hal.setFocus()
    qtbot.keyClicks(page.editor.hal, "Ditulis Sesaat Sebelum Ditutup")
    window.close()  # before the autosave pause is over
    stored = drafting.get_letter(office_staff.store, office_staff.drafter, letter_id)
    assert stored.hal == "Ditulis Sesaat Sebelum Ditutup"


def test_leaving_the_editor_saves(qtbot: Any, office_staff: Office, click: Any) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_dinas")
    letter_id = page.letter.id
    page.editor.hal.setFocus()
    qtbot.keyClicks(page.editor.hal, "Kembali ke Daftar")
    click(page.back_button)
    qtbot.waitUntil(lambda: window.editor_page is None)
    qtbot.waitUntil(lambda: window.model.index(0, 2).data() == "Kembali ke Daftar")
    assert window.model.rowCount() == 1
    assert revision_count(office_staff, letter_id) == 2


def test_moving_out_of_the_form_saves_at_once(qtbot: Any, office_staff: Office) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_dinas")
    page.editor.hal.setFocus()
    qtbot.keyClicks(page.editor.hal, "Disimpan Saat Fokus Pindah")
    assert page.editor.dirty
    page.history_button.setFocus()  # outside the form, still on the page
    assert page.save_label.text() == "Menyimpan..."  # not waiting for the typing pause
    qtbot.waitUntil(lambda: page.save_label.text().startswith("Tersimpan "))
    assert revision_count(office_staff, page.letter.id) == 2
    window.close()


def test_sending_an_incomplete_draft_marks_the_missing_fields(
    qtbot: Any, office_staff: Office, click: Any
) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_dinas")
    editor = page.editor
    editor.body.text.clear()
    click(page.send_button)
    assert editor.send_dialog is None  # nothing is sent
    errors = editor.errors
    for key in ("classification_code", "hal", "addressees", "body_html", "signer_id"):
        assert errors.is_invalid(key), key
    assert errors.message("hal") == "Hal wajib diisi."
    assert errors.message("signer_id") == "Pilih penandatangan."
    label = page.findChild(QLabel, "error_addressees")
    assert label is not None and label.isVisible()
    assert label.text() == "Isi setidaknya satu tujuan surat."
    # Fixing a field takes its mark away.
    editor.hal.setFocus()
    qtbot.keyClicks(editor.hal, "Laporan Bulanan")
    assert not errors.is_invalid("hal")
    assert errors.is_invalid("signer_id")
    stored = drafting.get_letter(office_staff.store, office_staff.drafter, page.letter.id)
    assert stored.status == "draft"
    window.close()


def test_a_earlier_revision_can_be_read_and_restored(
    qtbot: Any, office_staff: Office, click: Any
) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_dinas")
    editor = page.editor
    for text in ("Versi Pertama", " Diperbaiki"):
        editor.hal.setFocus()
        qtbot.keyClicks(editor.hal, text)
        editor.save_now()
        qtbot.waitUntil(lambda: page.save_label.text().startswith("Tersimpan"))
    click(page.history_button)
    qtbot.waitUntil(lambda: page.revisions_dialog is not None)
    dialog = page.revisions_dialog
    assert dialog.list.count() == 3  # template, first, corrected; newest first
    assert dialog.list.item(0).text().startswith("Revisi 3 · Budi Santoso")
    dialog.list.setCurrentRow(1)
    assert "Versi Pertama" in dialog.content.toPlainText()
    assert "Diperbaiki" not in dialog.content.toPlainText()
    click(dialog.restore_button)
    assert editor.hal.text() == "Versi Pertama"
    assert editor.dirty
    window.close()
    stored = drafting.get_letter(office_staff.store, office_staff.drafter, page.letter.id)
    assert stored.hal == "Versi Pertama"


def test_body_toolbar_formats_text(qtbot: Any, office_staff: Office, click: Any) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_dinas")
    body = page.editor.body
    body.text.clear()
    body.text.setFocus()
    qtbot.keyClicks(body.text, "penting")
    body.text.selectAll()
    click(body.bold)
    assert "font-weight:700" in body.html()
    cursor = body.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.text.setTextCursor(cursor)
    qtbot.keyClick(body.text, Qt.Key.Key_Return)
    qtbot.keyClicks(body.text, "butir satu")
    click(body.numbered)
    assert "<ol" in body.html()
    click(body.table)
    assert "<table" in body.html()
    window.close()


# The suggestion list is a real popup; the offscreen platform says it cannot raise it.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing")
def test_classification_picker_suggests_and_flags_old_codes(
    qtbot: Any, office_staff: Office
) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_dinas")
    picker = page.editor.classification
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, "undangan")
    qtbot.waitUntil(lambda: picker.completer.model().rowCount() > 0)
    codes = [picker.completer.model().index(r, 0).data() for r in range(5)]
    assert any("Undangan" in c or "undangan" in c for c in codes)
    picker.edit.clear()
    qtbot.keyClicks(picker.edit, "474.2")
    assert "kode lama" in picker.title.text()
    picker.edit.clear()
    qtbot.keyClicks(picker.edit, "800.1.11.1")
    assert "Surat Tugas" in picker.title.text()
    picker.open_search()
    dialog = picker.dialog
    assert dialog is not None
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "surat tugas")
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    assert all("474" not in dialog.results.item(i).text() for i in range(dialog.results.count()))
    dialog.results.setCurrentRow(0)
    dialog.accept()
    assert picker.code() == dialog.chosen
    window.close()


def test_preview_follows_the_fields(qtbot: Any, office_staff: Office) -> None:
    window, page = open_new_draft(qtbot, office_staff, "surat_undangan")
    qtbot.waitUntil(lambda: page.preview.page_count >= 1, timeout=5000)
    first = page.preview.images[0].copy()
    page.editor.hal.setFocus()
    qtbot.keyClicks(page.editor.hal, "Undangan Musyawarah Perencanaan Pembangunan")
    qtbot.waitUntil(lambda: page.preview.images[0] != first, timeout=5000)
    assert page.preview.last_render_ms > 0
    assert page.document().hal == "Undangan Musyawarah Perencanaan Pembangunan"
    window.close()
