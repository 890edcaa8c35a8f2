"""Helpers shared by the signing tests: a CA with a TSA, signers, letters, the stamp box."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from io import BytesIO

import pypdf
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from desktop.render.document import LetterDocument
from desktop.signing import keys, pades
from desktop.signing.keys import LoadedSigner
from desktop.signing.pades import StampBox
from desktop.store import clock
from sync.pki import ca, tsa
from sync.pki.identity import SignerIdentity
from tests.render.render_samples import make_undangan

ORG = "Pemerintah Kabupaten Sukamaju"
OFFICE = "Kecamatan Sukamaju"
VERIFY_URL = "https://naskah.sukamajukab.go.id/v/7Q2M-K9XA-4RTE"
NOTE = "Ditandatangani secara elektronik"
FOOTER = (
    "Dokumen ini ditandatangani secara elektronik dengan sertifikat internal "
    "Pemerintah Kabupaten Sukamaju (bukan sertifikat BSrE)."
)

ANDI = SignerIdentity(
    "Andi Baso Mappaturung, S.STP., M.Si.", "198003152005011002", "Sekretaris Kecamatan", OFFICE
)
HAMZAH = SignerIdentity("Drs. La Ode Hamzah", "197205101998031004", "Camat Sukamaju", OFFICE)


@dataclass
class Pki:
    root_key: ec.EllipticCurvePrivateKey
    root: x509.Certificate
    tsa_key: ec.EllipticCurvePrivateKey
    tsa_cert: x509.Certificate

    def signer(
        self, identity: SignerIdentity = ANDI, *, days: int = 365, now: datetime | None = None
    ) -> LoadedSigner:
        key = keys.generate_key()
        cert = ca.issue_signer_certificate(
            keys.build_csr(key, identity), self.root_key, self.root, days=days, now=now
        )
        return LoadedSigner(key, cert, [self.root])

    def timestamper(self, at: datetime | None = None) -> tsa.LocalTimeStamper:
        clock = (lambda: at) if at is not None else None
        return tsa.make_timestamper(self.tsa_cert, self.tsa_key, [self.root], clock=clock)

    def crl(
        self,
        cert: x509.Certificate,
        revoked_at: datetime,
        reason: x509.ReasonFlags | None = None,
        *,
        issued: datetime | None = None,
    ) -> x509.CertificateRevocationList:
        entry = ca.Revocation(cert.serial_number, revoked_at, reason)
        return ca.build_crl(
            self.root_key, self.root, [entry], crl_number=1, now=issued or revoked_at
        )


def letter(doc: LetterDocument | None = None) -> LetterDocument:
    doc = doc or make_undangan()
    assert doc.signature is not None
    return replace(doc, signature=replace(doc.signature, signed_note=NOTE), footer_note=FOOTER)


def note_box(pdf: bytes, note: str = NOTE, width_mm: float = 70, height_mm: float = 20) -> StampBox:
    """A stamp box centred on the signature note the renderer leaves in the signature space
    (the renderer does not yet report where that space is; see the report)."""
    page = pypdf.PdfReader(BytesIO(pdf)).pages[0]
    found: list[tuple[float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _fd: object, size: float) -> None:
        if note in " ".join(text.split()):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((x, y, size * abs(cm[3])))

    page.extract_text(visitor_text=visit)
    assert found, "signature note not found in the rendered letter"
    x, baseline, size = found[0]
    text_width = len(note) * size * 0.45  # centre of the italic note, roughly
    centre_x, centre_y = x + text_width / 2, baseline + size * 0.3
    width, height = width_mm * pades.MM, height_mm * pades.MM
    return StampBox(0, centre_x - width / 2, centre_y - height / 2, width, height)


def later(hours: float) -> datetime:
    return clock.now() + timedelta(hours=hours)
