"""The camat signs electronically from "Perlu Tanda Tangan", as a person would: the wrong
passphrase first (the dialog says so and stays open), then the right one; the letter moves to
Surat Keluar with its number and the TTE badge, and its stored PDF carries a valid signature."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from desktop.letters import drafting, signer_keys, workflow
from desktop.letters.queries import Queue
from desktop.signing import verify
from desktop.store.blobs import BlobStore
from desktop.store.models import Letter
from desktop.ui import signing_dialogs
from desktop.ui.review_dialogs import SendDialog
from desktop.ui.signing_dialogs import EnrolDialog, SignDialog
from tests.conftest import Office
from tests.letters.office_pki import PASSPHRASE, OfficePki
from tests.letters.test_lifecycle import fill_invitation
from tests.ui.driver import Driver


@pytest.fixture(autouse=True)
def _fresh_session() -> Iterator[None]:
    signing_dialogs.SESSION.__init__()  # type: ignore[misc]
    yield
    signing_dialogs.SESSION.__init__()  # type: ignore[misc]


def awaiting_signature(o: Office) -> str:
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id)
    workflow.initial(o.store, o.kasi, letter.id)
    return letter.id


def test_sign_from_the_queue_wrong_passphrase_then_right(
    driver: Driver, office_staff: Office
) -> None:
    o = office_staff
    pki = OfficePki.create()
    pki.install_trust(o.store)
    pki.enrol(o.store, o.camat)
    letter_id = awaiting_signature(o)

    driver.log_in(o.store, o.camat)
    driver.open_queue(Queue.TO_SIGN)
    assert driver.row_count() == 1
    driver.open_letter(0)
    driver.click("Tandatangani Elektronik...")
    dialog = driver.dialog(SignDialog)
    assert "aktif" in dialog.status.text()

    driver.type_into(dialog.passphrase, "bukan-frasa-sandinya")
    driver.click("Tandatangani")
    driver.wait_until(dialog.error.isVisible, "the dialog to say what went wrong")
    assert "salah" in dialog.error.text()
    assert dialog.isVisible() and dialog.passphrase.text() == ""
    with o.store.read() as s:
        assert not s.exec(select(Letter.number).where(Letter.id == letter_id)).one()

    driver.type_into(dialog.passphrase, PASSPHRASE)
    driver.click("Ingat sampai aplikasi ditutup")
    driver.click("Tandatangani")
    driver.wait_until(lambda: not dialog.isVisible(), "the dialog to close", timeout=10000)
    driver.wait_until(lambda: driver.field("Status") == "Ditandatangani", "the letter signed")
    number = driver.field("Nomor")
    assert number.startswith("000.1.5/")
    assert driver.field("Tanda tangan") == "TTE internal, menunggu cap waktu server"
    assert "ditandatangani secara elektronik" in driver.status_message()

    driver.back_to_list()
    driver.open_queue(Queue.OUTGOING)
    driver.wait_until(lambda: driver.row_count() == 1, "the letter in Surat Keluar")
    row = driver.row(0)
    assert number in row and "Ditandatangani (TTE)" in row

    with o.store.read() as s:
        letter = s.exec(select(Letter).where(Letter.id == letter_id)).one()
    assert letter.pdf_hash is not None
    report = verify.verify_pdf(BlobStore(o.store.blob_dir).get(letter.pdf_hash), [pki.root])
    assert report.valid, report.summary()
    assert signing_dialogs.SESSION.has_key(o.camat.id)  # remembered until the app closes
    driver.log_out()


def test_signer_prepares_enrolment_from_the_menu(driver: Driver, office_staff: Office) -> None:
    o = office_staff
    OfficePki.create().install_trust(o.store)
    driver.log_in(o.store, o.camat)
    driver.click("Surat", "Sertifikat TTE saya...")
    dialog = driver.dialog(EnrolDialog)
    assert "Belum ada sertifikat" in dialog.status.text()
    driver.type_into(dialog.passphrase, "Merdeka45")
    driver.type_into(dialog.repeat, "Merdeka45")
    assert dialog.strength.text() and "cukup kuat" not in dialog.strength.text()
    driver.click("Siapkan untuk bundel")
    driver.wait_until(dialog.error.isVisible, "the dialog to refuse the weak passphrase")
    driver.clear(dialog.passphrase)
    driver.clear(dialog.repeat)
    driver.type_into(dialog.passphrase, PASSPHRASE)
    driver.type_into(dialog.repeat, PASSPHRASE)
    assert dialog.strength.text() == "Frasa sandi cukup kuat."
    driver.click("Siapkan untuk bundel")
    driver.wait_until(lambda: "bundel" in dialog.status.text(), "the request kept for the bundle")
    assert signer_keys.status(o.store, o.camat.id).state is signer_keys.CredentialState.PENDING
    driver.log_out()


def test_send_dialog_takes_further_signers_in_order(driver: Driver, office_staff: Office) -> None:
    o = office_staff
    dialog = driver.show(SendDialog(o.store, o.camat.id, o.drafter.id))
    driver.pick(dialog.co_available, o.sekcam.name)
    driver.click(dialog.co_add_button)
    driver.click(dialog.co_add_button)  # the same person twice is one signer
    assert dialog.co_signer_ids() == [o.sekcam.id]
    assert dialog.signer_id() == o.camat.id
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    sent = workflow.send(
        o.store, o.drafter, letter.id, dialog.reviewer_ids(), o.camat.id, dialog.co_signer_ids()
    )
    assert sent.holder_id == o.sekcam.id  # the further signer signs first
