"""TTE BSrE through the signing service, against the BSrE stand-in on loopback: the letter is
numbered, rendered with the BSrE footer and signed by "BSrE"; every refusal keeps nothing."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlmodel import func, select

from desktop.letters import esign, signed_letters, signer_keys
from desktop.signing import verify
from desktop.signing.bsre import BsreClient, BsreUnreachable, BsreWrongPassphrase
from desktop.signing.errors import SigningError
from desktop.signing.keys import PassphraseGuard
from desktop.store.blobs import BlobStore
from desktop.store.models import IssuedNumber, Letter
from sync.protocol import LetterStatus, SignatureKind
from tests.conftest import Office
from tests.letters.office_pki import PASSPHRASE, OfficePki
from tests.letters.test_esign import awaiting
from tests.signing.bsre_fixtures import ANDI_NIK, ANDI_PASSPHRASE, bsre, bsre_client, bsre_server
from tests.signing.bsre_standin import StandIn

__all__ = ["bsre", "bsre_client", "bsre_server"]  # fixtures used by name below


@pytest.fixture
def office(office_staff: Office) -> Office:
    OfficePki.create().install_trust(office_staff.store)
    return office_staff


def unsigned(o: Office, letter_id: str) -> bool:
    with o.store.read() as s:
        letter = s.exec(select(Letter).where(Letter.id == letter_id)).one()
        numbers = s.exec(select(func.count()).select_from(IssuedNumber)).one()
    return letter.status == LetterStatus.AWAITING_SIGNATURE and not letter.number and not numbers


def test_queued_then_signed_by_bsre(office: Office, bsre: StandIn, bsre_client: BsreClient) -> None:
    o = office
    letter_id = awaiting(o)
    queued = esign.request_bsre(o.store, o.camat, letter_id)
    assert signed_letters.badge(queued).startswith("Diantrekan untuk TTE BSrE")
    letter = esign.sign_with_bsre(
        o.store, o.camat, letter_id, bsre_client, ANDI_NIK, ANDI_PASSPHRASE
    )
    assert letter.status == LetterStatus.SIGNED and letter.signature_kind == SignatureKind.BSRE
    assert letter.pdf_hash
    pdf = BlobStore(o.store.blob_dir).get(letter.pdf_hash)
    report = verify.verify_pdf(pdf, [bsre.root])
    assert report.valid, report.summary()
    text = " ".join(PdfReader(BytesIO(pdf)).pages[0].extract_text().split())
    assert "diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE)" in text
    assert letter.number in text
    # Only field names reached the stand-in, and the NIK/passphrase only as the API needs them.
    assert ANDI_PASSPHRASE not in repr(bsre.requests)


def test_wrong_passphrase_keeps_nothing(
    office: Office, bsre: StandIn, bsre_client: BsreClient
) -> None:
    o = office
    letter_id = awaiting(o)
    with pytest.raises(BsreWrongPassphrase) as refused:
        esign.sign_with_bsre(o.store, o.camat, letter_id, bsre_client, ANDI_NIK, "salah")
    assert "Passphrase BSrE salah" in refused.value.message
    assert unsigned(o, letter_id)


def test_offline_keeps_the_letter_queued(
    office: Office, bsre: StandIn, bsre_client: BsreClient
) -> None:
    o = office
    letter_id = awaiting(o)
    esign.request_bsre(o.store, o.camat, letter_id)
    bsre.delay = 5
    bsre_client.config = type(bsre_client.config)(bsre.base_url, bsre_client.config.client_id, 0.5)
    with pytest.raises(BsreUnreachable) as refused:
        esign.sign_with_bsre(o.store, o.camat, letter_id, bsre_client, ANDI_NIK, ANDI_PASSPHRASE)
    assert "antrean" in refused.value.message
    assert unsigned(o, letter_id)


def test_internal_signature_refused_for_a_bsre_queued_letter(office_staff: Office) -> None:
    o = office_staff
    pki = OfficePki.create()
    pki.install_trust(o.store)
    pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    letter_id = awaiting(o)
    esign.request_bsre(o.store, o.camat, letter_id)
    with pytest.raises(SigningError) as refused:
        esign.sign_electronically(o.store, o.camat, letter_id, signer)
    assert "diantrekan untuk TTE BSrE" in refused.value.message
    assert unsigned(o, letter_id)


def test_bsre_root_trusted_for_verification(
    office: Office, bsre: StandIn, bsre_client: BsreClient
) -> None:
    from desktop.letters import trust, verification
    from sync.pki import ca

    o = office
    letter = esign.sign_with_bsre(
        o.store, o.camat, awaiting(o), bsre_client, ANDI_NIK, ANDI_PASSPHRASE
    )
    assert letter.pdf_hash
    pdf = BlobStore(o.store.blob_dir).get(letter.pdf_hash)
    before = verification.check_pdf(o.store, pdf, user=o.camat)
    assert before.report is not None and not before.report.valid  # BSrE's root is not ours
    # A signer's own certificate is not a root: refused.
    holder_cert = before.report.signatures[0]
    assert holder_cert.chain.value == "unknown"
    with pytest.raises(trust.TrustRefused):
        trust.add_extra_root(o.store.data_dir, b"bukan sertifikat")
    trust.add_extra_root(o.store.data_dir, ca.cert_to_pem(bsre.root))
    after = verification.check_pdf(o.store, pdf, user=o.camat)
    assert after.report is not None and after.report.valid, after.report.summary()
