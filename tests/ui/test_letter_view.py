"""The read-only letter view: details, history, and the actions on a signed letter (PDF, scan,
voiding the number), with the services' refusals shown as messages."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from desktop.letters import drafting, numbering, workflow
from desktop.letters.drafting import AddresseeInput
from desktop.letters.queries import Queue
from desktop.store.models import Letter
from desktop.ui.review_dialogs import NoteDialog
from tests.conftest import PNG_1PX, Office
from tests.ui.driver import Driver

HAL = "Tugas Pendataan Nelayan"


def letter_for_camat(office_staff: Office, reviewers: list[str] | None = None) -> Letter:
    store, budi = office_staff.store, office_staff.drafter
    letter = drafting.new_draft(store, budi, "surat_tugas")
    data = drafting.input_of(letter)
    data.hal = HAL
    data.addressees = [AddresseeInput("Kepala Desa Komodo", "Komodo")]
    data.signer_id = office_staff.camat.id
    drafting.save_draft(store, budi, letter.id, data)
    return workflow.send(store, budi, letter.id, reviewers or [], office_staff.camat.id)


def test_signed_letter_shows_details_history_and_saves_its_pdf(
    driver: Driver, office_staff: Office, tmp_path: Path
) -> None:
    letter = letter_for_camat(office_staff)
    letter = workflow.sign_by_hand(office_staff.store, office_staff.camat, letter.id)
    driver.log_in(office_staff.store, office_staff.drafter)
    driver.open_queue(Queue.OUTGOING)
    driver.open_letter(HAL)
    view = driver.letter_view()
    assert driver.field("Nomor") == letter.number
    assert driver.field("Status") == "Ditandatangani"
    assert driver.field("Penandatangan") == "Agustinus Mabel, S.IP"
    assert any("Ditandatangani basah, nomor " + letter.number in h for h in driver.history())
    assert view.pdf_button.isVisible() and view.scan_button.isVisible()
    assert not view.void_button.isVisible()  # Budi is neither signer nor administrator
    driver.wait_until(lambda: view.preview.page_count >= 1, "the preview")
    target = tmp_path / "surat.pdf"
    driver.save_file_as(target)
    driver.click("Simpan PDF...")
    text = " ".join(PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text().split())
    assert letter.number in text


def test_scan_is_attached_and_the_number_voided(
    driver: Driver, office_staff: Office, tmp_path: Path, messages: Any
) -> None:
    letter = letter_for_camat(office_staff)
    letter = workflow.sign_by_hand(office_staff.store, office_staff.camat, letter.id)
    driver.log_in(office_staff.store, office_staff.camat)
    driver.open_queue(Queue.OUTGOING)
    driver.open_letter(HAL)
    view = driver.letter_view()
    assert driver.field("Pindaian") == "Belum ada"
    scan = tmp_path / "pindaian.png"
    scan.write_bytes(PNG_1PX)
    driver.choose_file(scan)
    driver.click("Lampirkan Pindaian...")
    driver.wait_until(lambda: driver.field("Pindaian") == "Terlampir", "the scan attached")
    # A file that is not a scan is refused with the service's message.
    scan.write_bytes(b"bukan gambar")
    driver.click("Lampirkan Pindaian...")
    driver.wait_until(lambda: messages.shown != [], "the refusal")
    assert "PDF, PNG atau JPEG" in messages.texts[-1]

    assert view.void_button.isVisible()
    driver.click("Batalkan Nomor...")
    dialog = driver.dialog(NoteDialog)
    assert not dialog.ok_button.isEnabled()  # a reason is required
    driver.type_into(dialog.note, "Salah tujuan, diganti surat baru")
    driver.click("Batalkan nomor")
    driver.wait_until(lambda: driver.field("Status") == "Dibatalkan", "the number voided")
    assert not view.void_button.isVisible()
    register = numbering.register(office_staff.store, letter.letter_date.year)  # type: ignore[union-attr]
    assert register[0].void_reason == "Salah tujuan, diganti surat baru"


def test_a_refused_action_is_explained(driver: Driver, office_staff: Office, messages: Any) -> None:
    letter = letter_for_camat(office_staff, [office_staff.kasi.id])
    driver.log_in(office_staff.store, office_staff.kasi)
    driver.open_letter(HAL)
    view = driver.letter_view()
    assert view.initial_button.isVisible()
    # Meanwhile the letter moved on (Sari initialled it on another PC).
    workflow.initial(office_staff.store, office_staff.kasi, letter.id)
    driver.click("Paraf")
    driver.wait_until(lambda: messages.shown != [], "the refusal")
    assert messages.texts[-1] == "Naskah ini tidak sedang menunggu paraf."


def test_print_goes_to_the_chosen_printer(
    driver: Driver, office_staff: Office, tmp_path: Path
) -> None:
    letter_for_camat(office_staff)
    driver.log_in(office_staff.store, office_staff.camat)
    driver.open_letter(HAL)
    out = tmp_path / "cetak.pdf"
    driver.print_to(out)
    driver.click("Cetak...")
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "SURAT TUGAS" in text
    assert "MENUGASKAN:" in text  # a surat tugas names its people in the body, no "Yth."
