"""Electronic signing as a service: offline, in one transaction, refusing what must be refused.

The CA answers in-process with the server's own ``sync.pki`` code (tests/letters/office_pki.py);
tests/sync/test_signing_sync.py runs the same exchange against the real server."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from io import BytesIO

import pytest
from cryptography import x509
from sqlmodel import func, select

from desktop.letters import drafting, esign, signed_letters, signer_keys, workflow
from desktop.letters.errors import InvalidTransition
from desktop.letters.history import history
from desktop.signing import verify
from desktop.signing.errors import (
    CertificateUnusable,
    DamagedKeyFile,
    SigningError,
    TooManyAttempts,
    WeakPassphrase,
    WrongPassphrase,
)
from desktop.signing.keys import PassphraseGuard
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.models import AuditEntry, IssuedNumber, Letter, LetterSignature, Outbox
from sync.protocol import Entity, LetterStatus, SignatureKind
from tests.clocks import TestClock
from tests.conftest import Office
from tests.letters.office_pki import PASSPHRASE, PUBLIC_URL, OfficePki
from tests.letters.test_lifecycle import fill_invitation


@pytest.fixture
def pki(office_staff: Office) -> OfficePki:
    authority = OfficePki.create()
    authority.install_trust(office_staff.store)
    return authority


def awaiting(o: Office, co_signers: list[str] | None = None) -> str:
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id, co_signers)
    workflow.initial(o.store, o.kasi, letter.id)
    return letter.id


def load(o: Office, letter_id: str) -> Letter:
    with o.store.read() as s:
        return s.exec(select(Letter).where(Letter.id == letter_id)).one()


def pdf_of(o: Office, letter: Letter) -> bytes:
    assert letter.pdf_hash
    return BlobStore(o.store.blob_dir).get(letter.pdf_hash)


def numbers_issued(o: Office) -> int:
    with o.store.read() as s:
        return int(s.exec(select(func.count()).select_from(IssuedNumber)).one())


def test_sign_offline_numbers_renders_signs_and_records(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat)
    letter_id = awaiting(o)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    letter = esign.sign_electronically(o.store, o.camat, letter_id, signer)

    assert letter.status == LetterStatus.SIGNED
    assert letter.signature_kind == SignatureKind.INTERNAL
    assert letter.number.startswith("000.1.5/")
    last = history(o.store, o.drafter, letter_id)[-1]
    assert last.what == f"Ditandatangani elektronik (TTE internal), nomor {letter.number}"
    assert len(letter.verify_code) == 20
    assert signed_letters.badge(letter) == "TTE internal, menunggu cap waktu server"
    pdf = pdf_of(o, letter)
    report = verify.verify_pdf(pdf, [pki.root])
    assert report.valid, report.summary()
    [sig] = report.signatures
    assert sig.signer_name == "Agustinus Mabel, S.IP" and sig.covers_whole_document
    # The footer tells the truth about the kind of certificate and where to check it.
    from pypdf import PdfReader

    text = " ".join(PdfReader(BytesIO(pdf)).pages[0].extract_text().split())
    assert "bukan sertifikat BSrE" in text
    assert f"{PUBLIC_URL}/v/{letter.verify_code}" in text
    assert letter.number in text

    with o.store.read() as s:
        [row] = s.exec(select(LetterSignature)).all()
        assert (row.position, row.signer_id, row.pdf_hash) == (1, o.camat.id, letter.pdf_hash)
        assert row.cert_serial == format(signer.cert.serial_number, "x")
        outbox = {(r.entity, r.entity_id) for r in s.exec(select(Outbox)).all()}
        assert (Entity.LETTER_SIGNATURE.value, row.id) in outbox
        actions = [a.action for a in s.exec(select(AuditEntry)).all()]
    assert "letter.sign" in actions and "signature.add" in actions


def test_wrong_passphrase_then_pause(office_staff: Office, pki: OfficePki) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat)
    ticks = [0.0]
    guard = PassphraseGuard(clock=lambda: ticks[0])
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            signer_keys.unlock(o.store, o.camat.id, "salah-sekali", guard)
    with pytest.raises(TooManyAttempts) as paused:
        signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, guard)
    assert "Tunggu" in paused.value.message
    ticks[0] += 3600
    first = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, guard)  # makes the .p12
    again = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, guard)  # reads the .p12
    assert first.cert == again.cert
    assert not list((o.store.data_dir / "keys").glob("*.pending.pem"))


def test_weak_passphrase_refused_at_enrolment(office_staff: Office, pki: OfficePki) -> None:
    with pytest.raises(WeakPassphrase):
        signer_keys.prepare_request(office_staff.store, office_staff.camat, "12345678")


def test_damaged_key_file_is_reported(office_staff: Office, pki: OfficePki) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat)
    signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    [p12] = list((o.store.data_dir / "keys").glob("*.p12"))
    p12.write_bytes(p12.read_bytes()[:100])
    with pytest.raises(DamagedKeyFile):
        signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())


def test_revoked_certificate_refused_and_nothing_consumed(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    cert = pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    letter_id = awaiting(o)
    pki.revoke(o.store, cert, x509.ReasonFlags.key_compromise)
    assert signer_keys.status(o.store, o.camat.id).state == signer_keys.CredentialState.REVOKED
    before = numbers_issued(o)
    with pytest.raises(CertificateUnusable) as refused:
        esign.sign_electronically(o.store, o.camat, letter_id, signer)
    assert "dicabut" in refused.value.message
    letter = load(o, letter_id)
    assert letter.status == LetterStatus.AWAITING_SIGNATURE and not letter.number
    assert numbers_issued(o) == before


def test_expired_certificate_refused(office_staff: Office, pki: OfficePki) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat, days=1, now=clock.now() - timedelta(days=3))
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    with pytest.raises(CertificateUnusable) as refused:
        esign.sign_electronically(o.store, o.camat, awaiting(o), signer)
    assert "kedaluwarsa" in refused.value.message


def test_clock_far_in_the_past_refused(
    office_staff: Office, pki: OfficePki, test_clock: TestClock
) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    esign.sign_electronically(o.store, o.camat, awaiting(o), signer)
    second = awaiting(o)
    test_clock.advance(-timedelta(days=2))  # the PC's clock was put back two days
    with pytest.raises(SigningError) as refused:
        esign.sign_electronically(o.store, o.camat, second, signer)
    assert "jam komputer" in refused.value.message
    assert not load(o, second).number


def test_someone_elses_key_refused(office_staff: Office, pki: OfficePki) -> None:
    o = office_staff
    pki.enrol(o.store, o.sekcam)
    other = signer_keys.unlock(o.store, o.sekcam.id, PASSPHRASE, PassphraseGuard())
    with pytest.raises(SigningError) as refused:
        esign.sign_electronically(o.store, o.camat, awaiting(o), other)
    assert "milik pegawai lain" in refused.value.message


def test_failure_while_signing_keeps_nothing(
    office_staff: Office, pki: OfficePki, monkeypatch: pytest.MonkeyPatch
) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    letter_id = awaiting(o)

    def disk_gone(_self: BlobStore, _data: bytes) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BlobStore, "put", disk_gone)
    with pytest.raises(OSError):
        esign.sign_electronically(o.store, o.camat, letter_id, signer)
    letter = load(o, letter_id)
    assert letter.status == LetterStatus.AWAITING_SIGNATURE and not letter.number
    assert numbers_issued(o) == 0


def test_several_signers_in_sequence(office_staff: Office, pki: OfficePki) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat)
    pki.enrol(o.store, o.sekcam)
    letter_id = awaiting(o, co_signers=[o.sekcam.id])
    camat = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    sekcam = signer_keys.unlock(o.store, o.sekcam.id, PASSPHRASE, PassphraseGuard())
    with pytest.raises(Exception):  # noqa: B017 - not the camat's turn yet
        esign.sign_electronically(o.store, o.camat, letter_id, camat)
    first = esign.sign_electronically(o.store, o.sekcam, letter_id, sekcam)
    assert first.status == LetterStatus.AWAITING_SIGNATURE and first.number
    assert first.holder_id == o.camat.id
    with pytest.raises(InvalidTransition):
        workflow.return_to_drafter(o.store, o.camat, letter_id, "Ada yang salah")
    final = esign.sign_electronically(o.store, o.camat, letter_id, camat)
    assert final.status == LetterStatus.SIGNED and final.number == first.number
    pdf = pdf_of(o, final)
    assert pdf.startswith(pdf_of(o, first))  # the second signature only appends
    report = verify.verify_pdf(pdf, [pki.root])
    assert report.valid, report.summary()
    assert [s.signer_name for s in report.signatures] == [
        "Drs. Petrus Tabuni",
        "Agustinus Mabel, S.IP",
    ]


def test_timestamp_appends_and_both_times_are_reported(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    signed = esign.sign_electronically(o.store, o.camat, awaiting(o), signer)
    assert signed_letters.letters_to_timestamp(o.store) == [signed.id]
    stamped = signed_letters.add_timestamp(o.store, signed.id, pki.timestamper())
    assert stamped.timestamped_at is not None
    assert "bertanda waktu" in signed_letters.badge(stamped)
    assert signed_letters.letters_to_timestamp(o.store) == []
    pdf = pdf_of(o, stamped)
    assert pdf.startswith(pdf_of(o, signed))
    report = verify.verify_pdf(pdf, [pki.root])
    assert report.valid, report.summary()
    [sig] = report.signatures
    assert sig.claimed_signing_time is not None and sig.document_timestamp is not None
    assert sig.document_timestamp.trusted
    # Long-term validation data under the timestamp: root, TSA certificate and the CRL.
    from pypdf import PdfReader

    dss = PdfReader(BytesIO(pdf)).trailer["/Root"]["/DSS"]
    assert len(dss["/Certs"]) >= 2 and len(dss["/CRLs"]) == 1


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="pdfsig missing (apt poppler-utils)")
def test_pdfsig_agrees(office_staff: Office, pki: OfficePki, tmp_path) -> None:  # type: ignore[no-untyped-def]
    o = office_staff
    pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    letter = esign.sign_electronically(o.store, o.camat, awaiting(o), signer)
    path = tmp_path / "surat.pdf"
    path.write_bytes(pdf_of(o, letter))
    out = subprocess.run(
        ["pdfsig", "-nocert", str(path)], capture_output=True, text=True, check=False
    ).stdout
    assert "Signature is Valid" in out and "Agustinus Mabel" in out


def test_printed_copy_carries_the_stamp_and_its_qr_code(
    office_staff: Office, pki: OfficePki
) -> None:
    zxingcpp = pytest.importorskip("zxingcpp", reason="QR decoder zxing-cpp not installed")
    from desktop.render import render_pages
    from desktop.ui.qt import QImage

    o = office_staff
    pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    letter = esign.sign_electronically(o.store, o.camat, awaiting(o), signer)
    with o.store.read() as s:
        document = signed_letters.document_as_signed(s, letter, o.store.blob_dir)
    assert list(document.signature_marks) == [0]
    # What the printer gets, at an ordinary office printer's 300 dpi, in grey.
    page = render_pages(document, 300)[0].convertToFormat(QImage.Format.Format_Grayscale8)
    raw = bytes(page.constBits())[: page.height() * page.bytesPerLine()]
    image = memoryview(raw).cast("B", (page.height(), page.bytesPerLine()))
    found = [r.text for r in zxingcpp.read_barcodes(image)]
    assert found == [f"{PUBLIC_URL}/v/{letter.verify_code}"]


def test_next_signer_without_the_earlier_pdf_is_told_to_sync(
    office_staff: Office, pki: OfficePki
) -> None:
    o = office_staff
    pki.enrol(o.store, o.camat)
    pki.enrol(o.store, o.sekcam)
    letter_id = awaiting(o, co_signers=[o.sekcam.id])
    sekcam = signer_keys.unlock(o.store, o.sekcam.id, PASSPHRASE, PassphraseGuard())
    first = esign.sign_electronically(o.store, o.sekcam, letter_id, sekcam)
    assert first.pdf_hash
    BlobStore(o.store.blob_dir).path(first.pdf_hash).unlink()  # as if signed on another PC
    camat = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    with pytest.raises(SigningError) as refused:
        esign.sign_electronically(o.store, o.camat, letter_id, camat)
    assert "Sinkronkan dulu" in refused.value.message
    assert load(o, letter_id).status == LetterStatus.AWAITING_SIGNATURE


def test_garbage_certificate_from_the_server_is_refused_clearly(
    office_staff: Office, pki: OfficePki
) -> None:
    from sync import protocol

    o = office_staff
    signer_keys.prepare_request(o.store, o.camat, PASSPHRASE)
    garbage = protocol.CertificateIssued(
        person_id=o.camat.id,
        certificate_pem="-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        chain_pem="",
        serial="1",
        not_after=clock.now(),
    )
    with pytest.raises(SigningError) as refused, o.store.write() as s:
        signer_keys.install_certificate(s, garbage)
    assert "tidak dapat dibaca" in refused.value.message
    assert signer_keys.status(o.store, o.camat.id).state is signer_keys.CredentialState.PENDING
