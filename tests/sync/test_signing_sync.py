"""Electronic signing with the real central server on loopback: the signer enrols (online and by
USB bundle), signs with the server stopped, and the next sync adds the server's timestamp and
publishes the letter on the verification page; a revocation reaches the PC in sync and stops
further signing while the earlier letter stays valid at signing, with a warning."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests

from desktop import seam
from desktop.letters import esign, signed_letters, signer_keys, workflow
from desktop.signing import verify
from desktop.signing.errors import CertificateUnusable
from desktop.signing.keys import PassphraseGuard
from desktop.store.blobs import BlobStore
from desktop.ui import ops
from desktop.ui.qt import Qt
from sync.client import bundle as client_bundle
from sync.client import engine
from sync.client.errors import Offline
from sync.protocol import LetterStatus
from sync.server.bundle import import_bundle
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)

PASSPHRASE = "Honai-di-lembah-Baliem-2026"


def office_pc(server, tmp_path: Path) -> PC:  # type: ignore[no-untyped-def]
    code, _ = server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    enrol(pc, server, code)
    pc.sync()  # the office and its people reach the server: the CA checks the CSR against them
    return pc


def awaiting(pc: PC, hal: str) -> str:
    letter_id = draft(pc, hal)
    workflow.send(pc.store, pc.user("budi"), letter_id, [], pc.user("camat").id)
    return letter_id


def sign(pc: PC, letter_id: str):  # type: ignore[no-untyped-def]
    camat = pc.user("camat")
    signer = signer_keys.unlock(pc.store, camat.id, PASSPHRASE, PassphraseGuard())
    return esign.sign_electronically(pc.store, camat, letter_id, signer)


def verify_json(server, code: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    r = requests.get(f"{server.url}/v/{code}.json", timeout=10)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_enrol_sign_offline_timestamp_on_reconnect(pki_server, tmp_path: Path) -> None:
    server = pki_server
    pc = office_pc(server, tmp_path)
    camat = pc.user("camat")
    link = engine.connect(pc.store)
    try:
        seam.enrol_signer(pc.store, camat, PASSPHRASE, link)
    finally:
        link.close()
    status = signer_keys.status(pc.store, camat.id)
    assert status.state is signer_keys.CredentialState.ACTIVE, status.message

    letter_id = awaiting(pc, "Undangan Musyawarah Kampung")
    server.stop()  # no network at all from here to the next sync
    letter = sign(pc, letter_id)
    assert letter.status == LetterStatus.SIGNED and letter.timestamped_at is None
    with pytest.raises(Offline):
        pc.sync()
    signed_pdf = BlobStore(pc.store.blob_dir).get(letter.pdf_hash)

    server.start()
    report = pc.sync()
    assert report.signing is not None and report.signing.timestamped == 1, report.signing
    assert report.pending == 0
    letter = esign_letter(pc, letter_id)
    assert letter.timestamped_at is not None
    assert signed_letters.badge(letter).startswith("TTE internal, bertanda waktu ")
    stamped = BlobStore(pc.store.blob_dir).get(letter.pdf_hash)
    assert stamped.startswith(signed_pdf)  # the offline signature's bytes are untouched
    with pc.store.read() as s:
        held = signer_keys.trust.require(s)
    result = verify.verify_pdf(stamped, [held.root], held.crls)
    assert result.valid, result.summary()
    [sig] = result.signatures
    assert sig.claimed_signing_time is not None
    assert sig.document_timestamp is not None and sig.document_timestamp.trusted

    page = verify_json(server, letter.verify_code)
    assert page["valid"] is True and page["status"] == "SAH"
    assert page["letter"]["number"] == letter.number
    assert page["pdf"]["state"] == "match"
    assert [s["name"] for s in page["signers"]] == ["Agustinus Mabel, S.IP"]
    assert page["timestamp"]["at"]

    # Revocation: the next sync brings the new CRL; signing is refused; the letter signed
    # before stays valid at signing, with a warning.
    time.sleep(1.1)  # CRLs and tokens count whole seconds: revoke clearly after the timestamp
    server.revoke(signer_keys_serial(pc, camat.id), "key_compromise")
    second = awaiting(pc, "Undangan Kedua")
    report = pc.sync()
    assert report.signing is not None and report.signing.trust_updated
    with pytest.raises(CertificateUnusable) as refused:
        sign(pc, second)
    assert "dicabut" in refused.value.message
    with pc.store.read() as s:
        held = signer_keys.trust.require(s)
    again = verify.verify_pdf(stamped, [held.root], held.crls)
    [sig] = again.signatures
    assert sig.valid_at_signing and sig.warnings, again.summary()
    pc.close()


def test_enrol_by_bundle(pki_server, tmp_path: Path) -> None:
    server = pki_server
    pc = office_pc(server, tmp_path)
    camat = pc.user("camat")
    signer_keys.prepare_request(pc.store, camat, PASSPHRASE)
    assert signer_keys.status(pc.store, camat.id).state is signer_keys.CredentialState.PENDING
    out, reply = tmp_path / "bundle.naskah", tmp_path / "reply.naskah"
    client_bundle.export_bundle(pc.store, out)
    import_bundle(server.engine, server.settings, out, reply)
    client_bundle.import_reply(pc.store, reply)
    assert signer_keys.status(pc.store, camat.id).state is signer_keys.CredentialState.ACTIVE
    letter = sign(pc, awaiting(pc, "Surat lewat flashdisk"))
    assert letter.status == LetterStatus.SIGNED
    pc.close()


def esign_letter(pc: PC, letter_id: str):  # type: ignore[no-untyped-def]
    from desktop.letters import drafting

    return drafting.get_letter(pc.store, pc.user("camat"), letter_id)


def signer_keys_serial(pc: PC, person_id: str) -> str:
    return signer_keys.status(pc.store, person_id).serial


def test_signer_enrols_online_from_the_dialog(pki_server, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The enrolment dialog as a signer uses it, against the real server: weak passphrase
    refused in place, then the certificate arrives and the dialog says until when."""
    from desktop.ui.signing_dialogs import EnrolDialog

    pc = office_pc(pki_server, tmp_path)
    camat = pc.user("camat")
    dialog = EnrolDialog(pc.store, camat)
    qtbot.addWidget(dialog)
    dialog.show()
    for field in (dialog.passphrase, dialog.repeat):
        qtbot.keyClicks(field, "Merdeka45")
    qtbot.mouseClick(dialog.online_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert signer_keys.status(pc.store, camat.id).state is signer_keys.CredentialState.NONE
    for field in (dialog.passphrase, dialog.repeat):
        field.clear()
        qtbot.keyClicks(field, PASSPHRASE)
    qtbot.mouseClick(dialog.online_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sertifikat aktif sampai" in dialog.status.text(), timeout=20000)
    assert signer_keys.status(pc.store, camat.id).state is signer_keys.CredentialState.ACTIVE
    ops.wait_idle()
    pc.close()
