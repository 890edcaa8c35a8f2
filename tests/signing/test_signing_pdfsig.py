"""An independent verifier agrees: poppler's pdfsig (NSS) checks our signed letters.

Needs Debian's poppler-utils (pdfsig) and libnss3-tools (certutil). The root is trusted for
S/MIME signing ("C,C,"): pdfsig asks NSS to verify for the email-signer usage, which is also why
signer certificates carry the emailProtection extended key usage.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.signing import pades
from desktop.signing.keys import LoadedSigner
from desktop.store import clock
from sync.pki import ca
from sync.pki.identity import SignerIdentity
from tests.signing.conftest import SignFn
from tests.signing.signing_support import ANDI, HAMZAH, ORG, Pki

pytestmark = pytest.mark.skipif(
    shutil.which("pdfsig") is None or shutil.which("certutil") is None,
    reason="pdfsig (apt: poppler-utils) or certutil (apt: libnss3-tools) not installed",
)


# pdfsig judges certificates at the machine's real time, which the suite's fixed clock does not
# follow: the CA and signers of this module are valid at both instants, whatever today is.
_REAL = datetime.now(UTC)  # the independent checker's clock, not the product's


def _window() -> tuple[datetime, int]:
    suite = clock.now()
    start = min(_REAL, suite) - timedelta(days=2)
    return start, (max(_REAL, suite) - start).days + 365


@pytest.fixture(scope="module")
def pki() -> Pki:
    start, _days = _window()
    root_key, root = ca.create_root_ca(ORG, now=start)
    tsa_key, tsa_cert = ca.create_tsa(root_key, root, ORG, now=start)
    return Pki(root_key, root, tsa_key, tsa_cert)


def _signer(pki: Pki, identity: SignerIdentity) -> LoadedSigner:
    start, days = _window()
    return pki.signer(identity, now=start, days=days)


@pytest.fixture(scope="module")
def andi(pki: Pki) -> LoadedSigner:
    return _signer(pki, ANDI)


def _nss_db(tmp_path: Path, pki: Pki) -> str:
    db = tmp_path / "nss"
    db.mkdir()
    (tmp_path / "root.pem").write_bytes(ca.cert_to_pem(pki.root))
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True)
    subprocess.run(
        ["certutil", "-A", "-d", f"sql:{db}", "-n", "Naskah Root CA", "-t", "C,C,", "-a",
         "-i", str(tmp_path / "root.pem")],
        check=True,
    )  # fmt: skip
    return f"sql:{db}"


def _pdfsig(pdf: bytes, tmp_path: Path, nssdir: str | None) -> str:
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)
    args = ["pdfsig", *(["-nssdir", nssdir] if nssdir else []), str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=False).stdout


def test_pdfsig_reports_valid_trusted_with_the_signers_name(
    pki: Pki, andi: LoadedSigner, sign: SignFn, tmp_path: Path
) -> None:
    signed = sign(andi)
    untrusted = _pdfsig(signed, tmp_path, None)
    assert "Signature is Valid." in untrusted
    assert "Certificate issuer isn't Trusted." in untrusted  # without our root

    out = _pdfsig(signed, tmp_path, _nss_db(tmp_path, pki))
    assert f"Signer Certificate Common Name: {andi.name}" in out
    assert "Signature is Valid." in out
    assert "Certificate is Trusted." in out
    assert "Total document signed" in out
    assert "ETSI.CAdES.detached" in out


def test_pdfsig_agrees_on_two_signers_and_a_timestamp(
    pki: Pki, andi: LoadedSigner, sign: SignFn, stamp_box: pades.StampBox, tmp_path: Path
) -> None:
    from dataclasses import replace

    first = sign(andi)
    both = sign(_signer(pki, HAMZAH), first, field_box=replace(stamp_box, x=stamp_box.x - 220))
    stamped = pades.add_document_timestamp(both, pki.timestamper())
    out = _pdfsig(stamped, tmp_path, _nss_db(tmp_path, pki))
    signatures = out.split("Signature #")[1:]
    assert len(signatures) == 3, out
    for one in signatures[:2]:
        assert "Signature is Valid." in one and "Certificate is Trusted." in one, out
    assert andi.name in signatures[0] and HAMZAH.name in signatures[1]
    # poppler 22.12 lists the document timestamp (its TSA, "Total document signed") but does
    # not check RFC 3161 tokens ("Signature Type: unknown"); our verifier does.
    assert "Naskah TSA" in signatures[2] and "Total document signed" in signatures[2]


def test_pdfsig_sees_a_tampered_letter(
    pki: Pki, andi: LoadedSigner, sign: SignFn, tmp_path: Path
) -> None:
    signed = bytearray(sign(andi))
    at = signed.index(b"Musrenbang")  # the title in the Info dictionary, signed
    signed[at] = ord("m")
    out = _pdfsig(bytes(signed), tmp_path, _nss_db(tmp_path, pki))
    assert "Signature is Valid." not in out
