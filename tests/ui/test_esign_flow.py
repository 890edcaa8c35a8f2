"""The camat signs electronically from "Perlu Tanda Tangan", as a person would: the wrong
passphrase first (the dialog says so and stays open), then the right one; the letter moves to
Surat Keluar with its number and the TTE badge, and its stored PDF carries a valid signature."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import select

from desktop.letters import drafting, workflow
from desktop.letters.queries import Queue
from desktop.signing import verify
from desktop.store.blobs import BlobStore
from desktop.store.models import Letter
from desktop.ui import background, signing_dialogs
from tests.conftest import Office
from tests.letters.office_pki import PASSPHRASE, OfficePki
from tests.letters.test_lifecycle import fill_invitation
from tests.ui.test_review_flow import log_in, open_queue, open_row, type_into


@pytest.fixture(autouse=True)
def _fresh_session() -> Iterator[None]:
    signing_dialogs.SESSION.__init__()  # type: ignore[misc]
    yield
    background.wait_all()
    signing_dialogs.SESSION.__init__()  # type: ignore[misc]


def awaiting_signature(o: Office) -> str:
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id)
    workflow.initial(o.store, o.kasi, letter.id)
    return letter.id


def test_sign_from_the_queue_wrong_passphrase_then_right(
    qtbot: Any, office_staff: Office, click: Any
) -> None:
    o = office_staff
    pki = OfficePki.create()
    pki.install_trust(o.store)
    pki.enrol(o.store, o.camat)
    letter_id = awaiting_signature(o)

    window = log_in(qtbot, o.store, o.camat)
    open_queue(qtbot, window, Queue.TO_SIGN)
    assert window.model.rowCount() == 1
    open_row(qtbot, window)
    view = window.letter_view
    assert view is not None
    qtbot.waitUntil(lambda: view.data is not None and view.esign_button.isVisible())
    click(view.esign_button)
    dialog = view.sign_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "aktif" in dialog.status.text()

    type_into(qtbot, dialog.passphrase, "bukan-frasa-sandinya")
    click(dialog.sign_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "salah" in dialog.error.text()
    assert dialog.isVisible() and dialog.passphrase.text() == ""
    with o.store.read() as s:
        assert not s.exec(select(Letter.number).where(Letter.id == letter_id)).one()

    type_into(qtbot, dialog.passphrase, PASSPHRASE)
    click(dialog.remember)
    click(dialog.sign_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: view.fields["status"].text() == "Ditandatangani")
    number = view.fields["number"].text()
    assert number.startswith("000.1.5/")
    assert view.fields["signature"].text() == "TTE internal, menunggu cap waktu server"
    assert "ditandatangani secara elektronik" in window.statusBar().currentMessage()

    click(view.back_button)
    open_queue(qtbot, window, Queue.OUTGOING)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    texts = [window.model.index(0, c).data() for c in range(window.model.columnCount())]
    assert number in texts and "Ditandatangani (TTE)" in texts

    with o.store.read() as s:
        letter = s.exec(select(Letter).where(Letter.id == letter_id)).one()
    assert letter.pdf_hash is not None
    report = verify.verify_pdf(BlobStore(o.store.blob_dir).get(letter.pdf_hash), [pki.root])
    assert report.valid, report.summary()
    assert signing_dialogs.SESSION.has_key(o.camat.id)  # remembered until the app closes
    window.close()


def test_signer_prepares_enrolment_from_the_menu(
    qtbot: Any, office_staff: Office, click: Any
) -> None:
    o = office_staff
    OfficePki.create().install_trust(o.store)
    window = log_in(qtbot, o.store, o.camat)
    window.certificate_action.trigger()
    dialog = window.findChild(signing_dialogs.EnrolDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert "Belum ada sertifikat" in dialog.status.text()
    type_into(qtbot, dialog.passphrase, "Merdeka45")
    type_into(qtbot, dialog.repeat, "Merdeka45")
    assert dialog.strength.text() and "cukup kuat" not in dialog.strength.text()
    click(dialog.bundle_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    dialog.passphrase.clear()
    dialog.repeat.clear()
    type_into(qtbot, dialog.passphrase, PASSPHRASE)
    type_into(qtbot, dialog.repeat, PASSPHRASE)
    assert dialog.strength.text() == "Frasa sandi cukup kuat."
    click(dialog.bundle_button)
    qtbot.waitUntil(lambda: "bundel" in dialog.status.text())
    from desktop.letters import signer_keys

    assert signer_keys.status(o.store, o.camat.id).state is signer_keys.CredentialState.PENDING
    window.close()


def test_send_dialog_takes_further_signers_in_order(
    qtbot: Any, office_staff: Office, click: Any
) -> None:
    from desktop.ui.review_dialogs import SendDialog

    o = office_staff
    dialog = SendDialog(o.store, o.camat.id, o.drafter.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.co_available.setCurrentIndex(dialog.co_available.findData(o.sekcam.id))
    click(dialog.co_add_button)
    click(dialog.co_add_button)  # the same person twice is one signer
    assert dialog.co_signer_ids() == [o.sekcam.id]
    assert dialog.signer_id() == o.camat.id
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    sent = workflow.send(
        o.store, o.drafter, letter.id, dialog.reviewer_ids(), o.camat.id, dialog.co_signer_ids()
    )
    assert sent.holder_id == o.sekcam.id  # the further signer signs first
