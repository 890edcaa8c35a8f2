"""The organisation's trust material on this PC: the root and TSA certificates, the newest
revocation list and the public verification address, as the server sent them.

Guarantees:
- The root is pinned on first use: a later answer with another root is refused (a different
  server, or a CA rebuilt without telling the offices: a person must look).
- A revocation list is only taken when the root signed it and its number is not older than the
  one held, so a replayed old list cannot "un-revoke" a certificate.
- Everything here is read and written inside the caller's transaction.
- Other roots an administrator chose to trust for verification (BSrE's root, for letters signed
  with TTE BSrE) live as PEM files in ``trust/`` in the data dir: only self-signed CA
  certificates are taken, and they never sign anything here.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from desktop.i18n import _
from desktop.letters.errors import ServiceError
from desktop.store.reading import Query, parse_datetime
from sync.pki import ca

if TYPE_CHECKING:
    from sqlmodel import Session

    from sync import protocol

# The ORM (the TrustMaterial model) and the key-file helpers are imported by the functions that
# write: ``naskah verify`` reads the trust material with ``read`` and plain SQL, and starts
# without SQLAlchemy.

log = logging.getLogger(__name__)

EXTRA_ROOTS_DIR = "trust"


class TrustRefused(ServiceError):
    """The trust material from the server is not acceptable (message says why)."""


class NoTrust(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Komputer ini belum menerima sertifikat akar kantor. Sambungkan ke server dan "
                "sinkronkan (atau impor balasan server) terlebih dahulu."
            )
        )


@dataclass(frozen=True)
class Trust:
    root: x509.Certificate
    tsa: x509.Certificate | None
    crl: x509.CertificateRevocationList | None
    crl_number: int
    public_url: str
    updated_at: datetime

    @property
    def crls(self) -> list[x509.CertificateRevocationList]:
        return [self.crl] if self.crl is not None else []

    def verify_url(self, code: str) -> str:
        return f"{self.public_url.rstrip('/')}/v/{code}"


def _trust(
    root_pem: str,
    tsa_pem: str,
    crl_pem: str,
    crl_number: int,
    public_url: str,
    updated_at: datetime,
) -> Trust:
    return Trust(
        root=ca.cert_from_pem(root_pem.encode()),
        tsa=ca.cert_from_pem(tsa_pem.encode()) if tsa_pem else None,
        crl=ca.crl_from_pem(crl_pem.encode()) if crl_pem else None,
        crl_number=crl_number,
        public_url=public_url,
        updated_at=updated_at,
    )


def load(session: Session) -> Trust | None:
    from desktop.store.sync_models import TrustMaterial

    row = session.get(TrustMaterial, 1)
    if row is None:
        return None
    return _trust(
        row.root_pem, row.tsa_pem, row.crl_pem, row.crl_number, row.public_url, row.updated_at
    )


def read(query: Query) -> Trust | None:
    """``load`` with plain SQL (``desktop.store.reading``): the same Trust, no ORM."""
    rows = query(
        "SELECT root_pem, tsa_pem, crl_pem, crl_number, public_url, updated_at "
        "FROM trust_material WHERE id = 1",
        (),
    )
    if not rows:
        return None
    root_pem, tsa_pem, crl_pem, crl_number, public_url, updated_at = rows[0]
    when = parse_datetime(updated_at)
    assert when is not None  # NOT NULL in the schema
    return _trust(root_pem, tsa_pem or "", crl_pem or "", int(crl_number), public_url, when)


def held_crl_number(session: Session) -> int | None:
    """The number of the revocation list this PC holds (None: no trust material yet), read
    without parsing any certificate."""
    from desktop.store.sync_models import TrustMaterial

    row = session.get(TrustMaterial, 1)
    return row.crl_number if row is not None else None


def require(session: Session) -> Trust:
    trust = load(session)
    if trust is None:
        raise NoTrust()
    return trust


def _signed_by(
    item: x509.Certificate | x509.CertificateRevocationList, root: x509.Certificate
) -> bool:
    key = root.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return False
    try:
        if isinstance(item, x509.CertificateRevocationList):
            return item.issuer == root.subject and item.is_signature_valid(key)
        item.verify_directly_issued_by(root)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def save(session: Session, material: protocol.TrustMaterial) -> bool:
    """Take ``material`` from the server; True when something changed. Raises TrustRefused."""
    from desktop.store import clock
    from desktop.store.sync_models import TrustMaterial

    try:
        root = ca.cert_from_pem(material.root_pem.encode())
        tsa = ca.cert_from_pem(material.tsa_pem.encode()) if material.tsa_pem else None
        crl = ca.crl_from_pem(material.crl_pem.encode()) if material.crl_pem else None
    except ValueError as exc:
        raise TrustRefused(_("Sertifikat dari server tidak dapat dibaca.")) from exc
    row = session.get(TrustMaterial, 1)
    if row is not None and ca.cert_from_pem(row.root_pem.encode()) != root:
        raise TrustRefused(
            _(
                "Server mengirim sertifikat akar yang berbeda dari yang dipercaya komputer ini. "
                "Tanda tangan tidak diperbarui; hubungi pengelola sistem."
            )
        )
    if not _signed_by(root, root) or (tsa is not None and not _signed_by(tsa, root)):
        raise TrustRefused(_("Sertifikat dari server tidak diterbitkan oleh akar kantor."))
    if crl is not None and not _signed_by(crl, root):
        raise TrustRefused(_("Daftar pencabutan sertifikat dari server tidak sah."))
    if row is not None and material.crl_number < row.crl_number:
        return False  # an older list than the one held: keep ours
    new = TrustMaterial(
        id=1,
        root_pem=material.root_pem,
        tsa_pem=material.tsa_pem,
        crl_pem=material.crl_pem,
        crl_number=material.crl_number,
        public_url=material.public_url,
        updated_at=clock.now(),
    )
    if row is not None and (
        row.crl_number,
        row.tsa_pem,
        row.public_url,
    ) == (new.crl_number, new.tsa_pem, new.public_url):
        return False
    session.merge(new)
    return True


def extra_roots(data_dir: Path) -> list[x509.Certificate]:
    """The other roots trusted for verification on this PC (unreadable files are skipped)."""
    roots = []
    for path in sorted((data_dir / EXTRA_ROOTS_DIR).glob("*.pem")):
        try:
            roots.append(ca.cert_from_pem(path.read_bytes()))
        except (OSError, ValueError):
            log.warning("skipping an unreadable trusted root: %s", path.name)
    return roots


def add_extra_root(data_dir: Path, data: bytes) -> x509.Certificate:
    """Trust the root certificate in ``data`` (PEM or DER) for verification. Raises
    TrustRefused unless it is a self-signed CA certificate."""
    try:
        cert = (
            ca.cert_from_pem(data)
            if data.lstrip().startswith(b"-----")
            else x509.load_der_x509_certificate(data)
        )
    except ValueError as exc:
        raise TrustRefused(_("Berkas ini bukan sertifikat (PEM atau DER).")) from exc
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    try:
        cert.verify_directly_issued_by(cert)
        self_signed = True
    except (InvalidSignature, ValueError, TypeError):
        self_signed = False
    if not (is_ca and self_signed):
        raise TrustRefused(
            _("Sertifikat ini bukan sertifikat akar (CA) yang menandatangani dirinya.")
        )
    from desktop.signing.keys import write_atomically

    der = cert.public_bytes(serialization.Encoding.DER)
    path = data_dir / EXTRA_ROOTS_DIR / f"{hashlib.sha256(der).hexdigest()[:16]}.pem"
    write_atomically(path, ca.cert_to_pem(cert))
    return cert
