"""The whole life of an outgoing letter, driven through the main window as each person in turn.

Budi drafts an invitation and sends it to Sari for initials; Sari returns it with a note; Budi
fixes it and sends it again; Sari initials; the camat signs it by hand and prints it; the letter
is then in Surat Keluar with its number, found by a word of its body, and its stored PDF carries
the number, the subject and the camat's NIP.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from desktop.letters.accounts import CurrentUser
from desktop.letters.queries import Queue
from desktop.store.blobs import BlobStore
from desktop.ui.review_dialogs import NoteDialog, SendDialog
from tests.conftest import Office
from tests.ui.driver import Driver

WORD = "mangrove"
HAL = "Undangan Rapat Penanaman Mangrove"
CAMAT_NIP = "197008171994031006"


def send_to(driver: Driver, reviewer: CurrentUser) -> None:
    """ "Kirim...", the reviewer put in the chain, "Kirim": the editor closes."""
    driver.click("Kirim...")
    dialog = driver.dialog(SendDialog)
    driver.pick(dialog.available, reviewer.name)
    driver.click(dialog.add_button)
    assert dialog.reviewer_ids() == [reviewer.id]
    driver.click("Kirim")
    driver.wait_until(lambda: driver.window.editor_page is None, "the editor to close")


def test_letter_goes_from_draft_to_signed_and_is_found(
    driver: Driver, office_staff: Office, messages: Any, tmp_path: Path
) -> None:
    store = office_staff.store
    budi, sari, camat = office_staff.drafter, office_staff.kasi, office_staff.camat

    # Budi drafts an invitation from "Konsep Baru".
    window = driver.log_in(store, budi)
    assert window.new_button.isVisible()
    editor = driver.new_letter("Surat Undangan").editor
    assert "Surat Undangan" in editor.type_label.text()
    driver.type_into(editor.classification.edit, "000.1.5", replace=True)
    assert editor.classification.title.text() != ""
    driver.type_into(editor.hal, HAL)
    for name, place in (
        ("Kepala Desa Golo Mori", "Golo Mori"),
        ("Lurah Labuan Bajo", "Labuan Bajo"),
    ):
        driver.click("Tambah tujuan")
        name_edit, place_edit = editor.addressees.rows[-1]
        driver.type_into(name_edit, name)
        driver.type_into(place_edit, place)
    driver.type_into(
        editor.body.text, f"Kami mengundang Saudara pada penanaman {WORD} di pantai.", replace=True
    )
    driver.click("Tambah tembusan")
    driver.type_into(editor.tembusan.rows[-1][0], "Bupati Manggarai Barat")
    driver.type_into(editor.signer, "Agustinus")
    assert editor.signer.currentData() == camat.id
    send_to(driver, sari)
    assert "Sari Wulandari" in driver.status_message()
    driver.log_out()

    # Sari finds it waiting for her initials and returns it with a note.
    window = driver.log_in(store, sari)
    assert window.model.queue is Queue.TO_INITIAL
    assert window.counts[Queue.TO_INITIAL] == 1
    driver.open_letter(HAL)
    view = driver.letter_view()
    assert driver.field("Hal") == HAL
    assert view.initial_button.isVisible() and view.return_button.isVisible()
    assert not view.sign_button.isVisible()
    driver.click("Kembalikan...")
    note = driver.dialog(NoteDialog)
    driver.type_into(note.note, "Mohon cantumkan jam acara.")
    driver.click("Kembalikan")
    driver.wait_until(lambda: driver.field("Status") == "Dikembalikan", "the letter returned")
    assert not view.initial_button.isVisible()
    driver.log_out()

    # Budi sees it returned, with the note on top, fixes it and sends it again.
    window = driver.log_in(store, budi)
    assert window.counts[Queue.RETURNED] == 1
    driver.open_queue(Queue.RETURNED)
    assert driver.row_count() == 1
    driver.open_letter(HAL)
    page = driver.editor_page()
    assert page.return_note.isVisible()
    assert "Mohon cantumkan jam acara." in page.return_note.text()
    driver.type_into(page.editor.body.text, " Acara dimulai pukul 09.00 WITA.")
    send_to(driver, sari)
    driver.log_out()

    # Sari initials; the letter moves on to the camat.
    window = driver.log_in(store, sari)
    driver.open_letter(HAL)
    driver.click("Paraf")
    driver.wait_until(lambda: driver.field("Di tangan") == camat.name, "the camat to hold it")
    driver.wait_until(lambda: window.counts.get(Queue.TO_INITIAL) == 0, "Perlu Paraf emptied")
    driver.log_out()

    # The camat signs it by hand and prints it.
    printed = tmp_path / "cetak.pdf"
    driver.print_to(printed)
    window = driver.log_in(store, camat)
    assert window.model.queue is Queue.TO_SIGN
    assert driver.row_count() == 1
    driver.open_letter(HAL)
    view = driver.letter_view()
    driver.click("Tandatangani Basah...")
    driver.wait_until(lambda: driver.field("Status") == "Ditandatangani", "the letter signed")
    number = driver.field("Nomor")
    assert number.startswith("000.1.5/") and number.endswith("/Kec.WMN/" + number[-4:])
    assert any("nomor surat diterbitkan sekarang" in t for t in messages.texts)
    assert any(number in t for t in messages.texts)  # "Cetak sekarang?" names the number
    assert printed.exists() and printed.stat().st_size > 1000

    # It is in Surat Keluar with its number, and a word of its body finds it.
    driver.back_to_list()
    driver.open_queue(Queue.OUTGOING)
    assert driver.row_count() == 1
    assert driver.cell(0, "Nomor") == number
    driver.type_into(window.filters.search, "tidakadakatasepertiini")
    driver.wait_until(lambda: driver.row_count() == 0, "the search to find nothing")
    driver.clear(window.filters.search)
    driver.type_into(window.filters.search, WORD)
    driver.wait_until(lambda: window.model.filter.search == WORD, "the search for the word")
    assert driver.row_count() == 1
    assert driver.cell(0, "Hal") == HAL

    # The stored final PDF carries the number, the subject and the camat's NIP.
    letter = view.letter
    assert letter.pdf_hash
    pdf = PdfReader(io.BytesIO(BlobStore(store.blob_dir).get(letter.pdf_hash)))
    text = " ".join(page.extract_text() for page in pdf.pages)
    flat = " ".join(text.split())
    assert number in flat
    assert HAL in flat
    assert CAMAT_NIP in flat
    driver.log_out()
