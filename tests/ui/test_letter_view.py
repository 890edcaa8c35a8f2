"""The read-only letter view: details, history, and the actions on a signed letter (PDF, scan,
voiding the number), with the services' refusals shown as messages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.letters import drafting, numbering, workflow
from desktop.letters.drafting import AddresseeInput
from desktop.store.models import Letter
from desktop.ui import background, letter_view
from desktop.ui.letter_view import LetterView
from desktop.ui.qt import QFileDialog
from tests.conftest import PNG_1PX, Office


@pytest.fixture(autouse=True)
def _background_done() -> Iterator[None]:
    yield
    background.wait_all()


def letter_for_camat(office_staff: Office, reviewers: list[str] | None = None) -> Letter:
    store, budi = office_staff.store, office_staff.drafter
    letter = drafting.new_draft(store, budi, "surat_tugas")
    data = drafting.input_of(letter)
    data.hal = "Tugas Pendataan Nelayan"
    data.addressees = [AddresseeInput("Kepala Desa Komodo", "Komodo")]
    data.signer_id = office_staff.camat.id
    drafting.save_draft(store, budi, letter.id, data)
    return workflow.send(store, budi, letter.id, reviewers or [], office_staff.camat.id)


def view_as(qtbot: Any, office_staff: Office, user: Any, letter: Letter) -> LetterView:
    view = LetterView(office_staff.store, user, letter)
    qtbot.addWidget(view)
    view.resize(1366, 720)
    view.show()
    qtbot.waitUntil(lambda: view.data is not None)
    return view


def test_signed_letter_shows_details_history_and_saves_its_pdf(
    qtbot: Any, office_staff: Office, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    letter = letter_for_camat(office_staff)
    letter = workflow.sign_by_hand(office_staff.store, office_staff.camat, letter.id)
    view = view_as(qtbot, office_staff, office_staff.drafter, letter)
    assert view.fields["number"].text() == letter.number
    assert view.fields["status"].text() == "Ditandatangani"
    assert view.fields["signer"].text() == "Agustinus Mabel, S.IP"
    history = [view.history.item(i).text() for i in range(view.history.count())]
    assert any("Ditandatangani basah, nomor " + letter.number in h for h in history)
    assert view.pdf_button.isVisible() and view.scan_button.isVisible()
    assert not view.void_button.isVisible()  # Budi is neither signer nor administrator
    qtbot.waitUntil(lambda: view.preview.page_count >= 1, timeout=5000)
    target = tmp_path / "surat.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    view.pdf_button.click()
    text = " ".join(PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text().split())
    assert letter.number in text


def test_scan_is_attached_and_the_number_voided(
    qtbot: Any, office_staff: Office, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    click: Any, messages: Any,
) -> None:  # fmt: skip
    letter = letter_for_camat(office_staff)
    letter = workflow.sign_by_hand(office_staff.store, office_staff.camat, letter.id)
    view = view_as(qtbot, office_staff, office_staff.camat, letter)
    assert view.fields["scan"].text() == "Belum ada"
    scan = tmp_path / "pindaian.png"
    scan.write_bytes(PNG_1PX)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(scan), ""))
    )
    click(view.scan_button)
    qtbot.waitUntil(lambda: view.fields["scan"].text() == "Terlampir")
    # A file that is not a scan is refused with the service's message.
    scan.write_bytes(b"bukan gambar")
    click(view.scan_button)
    qtbot.waitUntil(lambda: messages.shown != [])
    assert "PDF, PNG atau JPEG" in messages.texts[-1]

    assert view.void_button.isVisible()
    click(view.void_button)
    dialog = view.dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.note, "Salah tujuan, diganti surat baru")
    click(dialog.ok_button)
    qtbot.waitUntil(lambda: view.fields["status"].text() == "Dibatalkan")
    assert not view.void_button.isVisible()
    register = numbering.register(office_staff.store, letter.letter_date.year)  # type: ignore[union-attr]
    assert register[0].void_reason == "Salah tujuan, diganti surat baru"


def test_a_refused_action_is_explained(
    qtbot: Any, office_staff: Office, click: Any, messages: Any
) -> None:
    letter = letter_for_camat(office_staff, [office_staff.kasi.id])
    view = view_as(qtbot, office_staff, office_staff.kasi, letter)
    assert view.initial_button.isVisible()
    # Meanwhile the letter moved on (Sari initialled it on another PC).
    workflow.initial(office_staff.store, office_staff.kasi, letter.id)
    click(view.initial_button)
    qtbot.waitUntil(lambda: messages.shown != [])
    assert messages.texts[-1] == "Naskah ini tidak sedang menunggu paraf."


def test_print_goes_to_the_chosen_printer(
    qtbot: Any, office_staff: Office, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, click: Any
) -> None:
    letter = letter_for_camat(office_staff)
    view = view_as(qtbot, office_staff, office_staff.camat, letter)
    out = tmp_path / "cetak.pdf"

    class Dialog:
        def __init__(self, printer: Any, _parent: Any) -> None:
            printer.setOutputFormat(letter_view.QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def exec(self) -> Any:
            return letter_view.QDialog.DialogCode.Accepted

    monkeypatch.setattr(letter_view, "QPrintDialog", Dialog)
    click(view.print_button)
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "SURAT TUGAS" in text
    assert "Kepala Desa Komodo" in text
