"""A clerk drops a PDF on the main window (or picks one from Surat > "Periksa keaslian PDF...")
and reads the verdict: green for our intact letter with its signer, red for a file that is not
a PDF; drags of anything but one PDF file are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData

from desktop.ui.qt import QApplication
from desktop.ui.verify_dialog import VerifyDialog
from tests.conftest import Office
from tests.letters.office_pki import OfficePki
from tests.letters.test_esign import pdf_of
from tests.letters.test_verification import signed
from tests.ui.driver import Driver, dragged_files


@pytest.fixture
def pki(office_staff: Office) -> OfficePki:
    authority = OfficePki.create()
    authority.install_trust(office_staff.store)
    return authority


def verdict(driver: Driver) -> VerifyDialog:
    """The result dialog, once the check is done."""
    dialog = driver.dialog(VerifyDialog)
    driver.wait_until(dialog.copy_button.isEnabled, "the check to finish")
    return dialog


def test_dropping_our_signed_letter_shows_it_valid_with_its_signer(
    driver: Driver, office_staff: Office, pki: OfficePki, tmp_path: Path
) -> None:
    o = office_staff
    letter, _cert = signed(o, pki)
    path = tmp_path / "surat masuk dari desa.pdf"
    path.write_bytes(pdf_of(o, letter))
    window = driver.log_in(o.store, o.camat)
    assert window.acceptDrops()

    assert driver.drag(dragged_files(path))
    assert driver.drop(dragged_files(path))
    dialog = verdict(driver)
    assert dialog.headline.text().startswith("SAH")
    assert dialog.headline.property("verdict") == "valid"
    assert "Agustinus Mabel, S.IP" in dialog.details.toPlainText()
    assert letter.number in dialog.details.toPlainText()

    driver.click("Salin")
    assert "Agustinus Mabel" in QApplication.clipboard().text()
    assert QApplication.clipboard().text().startswith("SAH")

    driver.click("Buka surat")
    driver.letter_view()


def test_other_drags_are_refused(driver: Driver, office_staff: Office, tmp_path: Path) -> None:
    window = driver.log_in(office_staff.store, office_staff.admin)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    note = tmp_path / "catatan.txt"
    for p in (a, b, note):
        p.write_bytes(b"%PDF-1.7\n")
    assert not driver.drag(dragged_files(a, b))  # one at a time
    assert not driver.drag(dragged_files(note))
    assert not driver.drag(dragged_files("https://contoh.go.id/surat.pdf"))
    text = QMimeData()
    text.setText("surat.pdf")
    assert not driver.drag(text)
    assert not driver.drop(dragged_files(note))
    assert window.verifier.dialog is None


def test_menu_action_checks_a_picked_file(
    driver: Driver, office_staff: Office, tmp_path: Path
) -> None:
    fake = tmp_path / "bukan.pdf"
    fake.write_bytes(b"Ini sebenarnya dokumen Word.")
    driver.choose_file(fake)
    window = driver.log_in(office_staff.store, office_staff.drafter)
    driver.click("Surat", "Periksa keaslian PDF...")
    dialog = verdict(driver)
    assert dialog.headline.text() == "Berkas ini bukan PDF."
    assert dialog.headline.property("verdict") == "invalid"
    assert not dialog.open_button.isVisible()
    driver.click("Tutup")
    driver.wait_until(lambda: window.verifier.dialog is None, "the dialog to be gone")
