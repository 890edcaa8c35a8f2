"""Filing from the letter itself: Rina (the agendaris) opens a letter, presses "Berkaskan..."
(Alt+B), picks or makes the berkas of its code and year, and the letter's details name the
berkas. A letter not finished yet is refused with the reason, and nothing is filed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.letters import accounts, drafting, filing, workflow
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import AddresseeInput
from desktop.letters.filing import BerkasInput
from desktop.letters.queries import Queue
from desktop.store.models import Letter
from desktop.ui.file_letter_dialog import FileOneLetterDialog
from desktop.ui.qt import QApplication, Qt, QWidget
from tests.conftest import PASSWORD, Office, person_input
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf
from tests.ui.driver import Driver

WINDOW_LIMIT = (1093, 574)
HAL = "Tugas Pendataan Nelayan Pesisir"
CODE = "000.1.4"


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def clerk_who_drafts(o: IncomingOffice) -> CurrentUser:
    """A small office's agendaris who also drafts letters (and so sees them on their way)."""
    accounts.add_person(
        o.store, o.admin,
        person_input("Lea Asso", "199404042019032001", "lea", {Role.REGISTRAR, Role.DRAFTER},
                     "Agendaris"),
    )  # fmt: skip
    return accounts.login(o.store, "lea", PASSWORD)


def letter_to_sign(o: IncomingOffice, drafter: CurrentUser) -> Letter:
    letter = drafting.new_draft(o.store, drafter, "surat_dinas")
    data = drafting.input_of(letter)
    data.hal = HAL
    data.classification_code = CODE
    data.addressees = [AddresseeInput("Kepala Kampung Hom-hom", "Wamena")]
    data.signer_id = o.camat.id
    drafting.save_draft(o.store, drafter, letter.id, data)
    return workflow.send(o.store, drafter, letter.id, [], o.camat.id)


def alt_b(driver: Driver, qtbot: QtBot, view: QWidget) -> None:
    """Alt+B where a keyboard sends it: to the widget with the focus in the active window."""
    window = view.window()
    window.activateWindow()
    driver.wait_until(lambda: QApplication.activeWindow() is window, "the window active")
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)


def fits(dialog: QWidget) -> None:
    hint = dialog.minimumSizeHint()
    assert hint.width() <= WINDOW_LIMIT[0] and hint.height() <= WINDOW_LIMIT[1]


def test_an_outgoing_letter_is_filed_from_its_view_once_it_is_signed(
    driver: Driver, o: IncomingOffice, qtbot: QtBot, messages: Any
) -> None:
    lea = clerk_who_drafts(o)
    letter = letter_to_sign(o, lea)
    driver.log_in(o.store, lea)
    driver.open_queue(Queue.IN_PROCESS)
    driver.wait_until(lambda: driver.row_count() == 1, "her letter on its way")
    view = driver.open_letter(HAL)
    driver.letter_view()
    assert driver.field("Berkas") == "Belum diberkaskan"

    # Still waiting for the camat's signature: refused, with the reason, and nothing filed.
    driver.click("Berkaskan...")
    driver.wait_until(lambda: messages.shown != [], "the refusal")
    assert "belum selesai" in messages.texts[-1]
    assert "ditandatangani" in messages.texts[-1]
    assert filing.filed_in(o.store, filing.OUTGOING, letter.id) is None

    # The camat signs (on his PC); the view follows, and Alt+B opens the filing dialog.
    signed = workflow.sign_by_hand(o.store, o.camat, letter.id)
    driver.wait_until(lambda: driver.field("Nomor") == signed.number, "the signed letter")
    alt_b(driver, qtbot, view)
    dialog = driver.dialog(FileOneLetterDialog)
    fits(dialog)
    assert dialog.berkas.currentText() == "+ Berkas baru"  # no berkas of 000.1.4 yet
    assert dialog.new_title.text().startswith("Penggunaan Fasilitas Kantor")
    dialog.activateWindow()
    driver.wait_until(lambda: QApplication.activeWindow() is dialog, "the dialog active")
    assert QApplication.focusWidget() is dialog.berkas
    qtbot.keyClick(dialog.berkas, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.new_title
    dialog.new_title.selectAll()
    qtbot.keyClicks(dialog.new_title, "Pendataan nelayan")
    qtbot.keyClick(dialog.new_title, Qt.Key.Key_Return)

    driver.wait_until(lambda: not dialog.isVisible(), "the dialog to close")
    year = signed.letter_date.year  # type: ignore[union-attr]
    label = f"Pendataan nelayan ({CODE}, {year})"
    driver.wait_until(lambda: driver.field("Berkas") == label, "the berkas in the details")
    assert driver.status_message() == f"Surat diberkaskan dalam berkas {label}."
    assert not view.file_button.isVisible()  # filed once
    (row,) = filing.list_berkas(o.store, year=year)
    assert (row.berkas.title, row.items) == ("Pendataan nelayan", 1)
    assert len(messages.shown) == 1  # only the refusal


def test_an_incoming_letter_is_filed_into_the_berkas_of_its_code(
    driver: Driver, o: IncomingOffice, tmp_path: Path, qtbot: QtBot
) -> None:
    first = register(o, [write_pdf(tmp_path, "a.pdf", 1)], classification_code=CODE,
                     sender_number="A/1", hal="Pinjam aula")  # fmt: skip
    item = filing.file_letter(
        o.store, o.registrar, filing.INCOMING, first.id,
        new_berkas=BerkasInput(CODE, first.received_date.year, "Peminjaman aula"),
    )  # fmt: skip
    register(o, [write_pdf(tmp_path, "b.pdf", 1, "B")], classification_code=CODE,
             sender_number="B/2", hal="Pinjam kendaraan")  # fmt: skip
    driver.log_in(o.store, o.registrar)
    page = driver.open_incoming("Surat Masuk")
    driver.wait_until(lambda: page.model.rowCount() == 2, "both letters")
    model = page.model
    (row,) = [r for r in range(2)
              if any(model.index(r, c).data() == "Pinjam kendaraan"
                     for c in range(model.columnCount()))]  # fmt: skip
    driver.select_row(row, table=page.table)
    driver.press(page.table, Qt.Key.Key_Return)
    driver.wait_until(lambda: page.view is not None and page.view.data is not None, "the letter")
    view = page.view
    assert view is not None
    assert view.fields["berkas"].text() == "Belum diberkaskan"

    alt_b(driver, qtbot, view)
    dialog = driver.dialog(FileOneLetterDialog)
    fits(dialog)
    # The open berkas of the letter's code and year comes first; Enter files it there.
    assert dialog.berkas.currentData() == item.berkas_id
    assert not dialog.new_title.isVisible()
    dialog.activateWindow()
    driver.wait_until(lambda: QApplication.activeWindow() is dialog, "the dialog active")
    qtbot.keyClick(dialog.berkas, Qt.Key.Key_Return)

    label = f"Peminjaman aula ({CODE}, {first.received_date.year})"
    driver.wait_until(lambda: view.fields["berkas"].text() == label, "the berkas shown")
    assert not view.file_button.isVisible()
    assert view.fields["state"].text() == "Diarsipkan"
    assert [i.letter_number for i in filing.items(o.store, item.berkas_id)] == ["A/1", "B/2"]


def test_a_voided_incoming_letter_is_not_filed(o: IncomingOffice, tmp_path: Path) -> None:
    from desktop.letters import incoming
    from desktop.letters.errors import ServiceError

    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)], classification_code=CODE)
    incoming.void_agenda(o.store, o.registrar, letter.id, "Tercatat dua kali")
    with pytest.raises(ServiceError, match="sudah dibatalkan"):
        filing.suggest(o.store, o.registrar, filing.INCOMING, letter.id)
    assert all(u.letter_id != letter.id for u in filing.unfiled_letters(o.store, o.registrar))
