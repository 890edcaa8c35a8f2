"""A signer's key and certificate on this PC: enrolment, installing the certificate, unlocking.

Enrolment is two halves so that it works online and through a bundle alike:
``prepare_request`` makes the EC P-256 key and the CSR (the key is written at once, encrypted
with the signer's passphrase, to ``keys/`` in the data dir), and ``install_certificate`` takes
the server's answer. The first unlock after that turns the pending key into the PKCS#12 key
file (key, certificate and root under the same passphrase).

Guarantees:
- The passphrase is strength-checked at enrolment and never stored; the private key never leaves
  this PC and is never written unencrypted.
- A certificate is only installed for the pending request whose key it certifies.
- Unlocking counts wrong passphrases through a ``PassphraseGuard`` (pause after 5).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlmodel import Session, col, select

from desktop.i18n import _
from desktop.letters import trust
from desktop.letters.accounts import CurrentUser, Role, require
from desktop.letters.errors import NotFound, PermissionDenied
from desktop.signing import keys
from desktop.signing.errors import (
    DamagedKeyFile,
    KeyFileMissing,
    SigningError,
    WeakPassphrase,
    WrongPassphrase,
)
from desktop.signing.keys import LoadedSigner, PassphraseGuard
from desktop.signing.passphrase import passphrase_problem
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.models import Office, Person
from desktop.store.sync_models import SignerCredential
from sync import protocol
from sync.pki import ca
from sync.pki.identity import SignerIdentity, office_label

KEY_DIR = "keys"


class CredentialState(StrEnum):
    NONE = "none"  # never enrolled on this PC
    PENDING = "pending"  # request made, certificate not yet received
    REFUSED = "refused"  # the server refused the request
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True)
class CredentialStatus:
    state: CredentialState
    message: str  # one sentence for the signer (Bahasa Indonesia)
    not_after: datetime | None = None
    serial: str = ""


def identity_of(session: Session, person: Person) -> SignerIdentity:
    office = session.exec(select(Office)).one()
    return SignerIdentity(
        name=person.name,
        nip=person.nip,
        jabatan=person.jabatan,
        office=office_label(office.kecamatan, office.kabupaten),
    )


def _signer(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None or not person.active:
        raise NotFound(_("Pegawai"))
    if Role.SIGNER.value not in person.roles.split(","):
        raise PermissionDenied(_("Hanya pegawai berperan penanda tangan yang dapat didaftarkan."))
    return person


def prepare_request(store: Store, user: CurrentUser, passphrase: str) -> SignerCredential:
    """Make the signer's key and CSR; the key is saved encrypted, the CSR waits in the store.

    The signer enrols themself (the passphrase is theirs). Raises WeakPassphrase with the reason
    when the passphrase is too weak."""
    require(user, Role.SIGNER)
    with store.read() as session:
        person = _signer(session, user.id)
        identity = identity_of(session, person)
    problem = passphrase_problem(passphrase, name=person.name, nip=person.nip)
    if problem:
        raise WeakPassphrase(problem)
    key = keys.generate_key()
    csr = keys.build_csr(key, identity)
    credential = SignerCredential(person_id=person.id, csr_pem=ca.csr_to_pem(csr).decode())
    pending = Path(KEY_DIR) / f"{person.id}-{credential.id}.pending.pem"
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    keys.write_atomically(store.data_dir / pending, encrypted)
    credential.pending_key_file = pending.as_posix()
    with store.write() as session:
        session.add(credential)
    return credential


def pending_requests(session: Session) -> list[protocol.CertificateRequest]:
    """Requests made on this PC that still wait for their certificate."""
    rows = session.exec(
        select(SignerCredential).where(
            SignerCredential.cert_pem == "",
            SignerCredential.error == "",
            col(SignerCredential.replaced_at).is_(None),
        )
    ).all()
    return [protocol.CertificateRequest(person_id=r.person_id, csr_pem=r.csr_pem) for r in rows]


def _public_der(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def install_certificate(session: Session, issued: protocol.CertificateIssued) -> bool:
    """Install a certificate from the server into the pending request it answers (False when
    no pending request on this PC holds its key: another PC's certificate). SigningError when
    the answer is not a certificate."""
    try:
        cert = ca.cert_from_pem(issued.certificate_pem.encode())
        chain = ca.certs_from_pem(issued.chain_pem.encode())
    except ValueError as exc:
        raise SigningError(_("Sertifikat dari server tidak dapat dibaca.")) from exc
    for row in session.exec(
        select(SignerCredential).where(
            SignerCredential.person_id == issued.person_id, SignerCredential.cert_pem == ""
        )
    ).all():
        csr = ca.csr_from_pem(row.csr_pem.encode())
        if _public_der(csr.public_key()) != _public_der(cert.public_key()):  # type: ignore[arg-type]
            continue
        row.cert_pem = issued.certificate_pem
        row.chain_pem = ca.certs_to_pem(chain).decode()
        row.serial = format(cert.serial_number, "x")
        row.not_before = cert.not_valid_before_utc
        row.not_after = cert.not_valid_after_utc
        row.error = ""
        for older in session.exec(
            select(SignerCredential).where(
                SignerCredential.person_id == issued.person_id,
                SignerCredential.id != row.id,
                col(SignerCredential.replaced_at).is_(None),
            )
        ).all():
            older.replaced_at = clock.now()
            session.add(older)
        session.add(row)
        return True
    return False


def record_refusal(session: Session, person_id: str, csr_pem: str, message: str) -> None:
    """The server refused a request: keep why, so the signer sees it and can enrol again."""
    for row in session.exec(
        select(SignerCredential).where(
            SignerCredential.person_id == person_id, SignerCredential.csr_pem == csr_pem
        )
    ).all():
        row.error = message[:500]
        session.add(row)


def _current(session: Session, person_id: str) -> SignerCredential | None:
    return session.exec(
        select(SignerCredential)
        .where(
            SignerCredential.person_id == person_id,
            col(SignerCredential.replaced_at).is_(None),
        )
        .order_by(col(SignerCredential.created_at).desc())
        .limit(1)
    ).first()


def status(store: Store, person_id: str, now: datetime | None = None) -> CredentialStatus:
    """Where this signer stands on this PC, in one sentence they can act on."""
    now = (now or clock.now()).astimezone(UTC)
    with store.read() as session:
        row = _current(session, person_id)
        held = trust.load(session)
    if row is None:
        return CredentialStatus(
            CredentialState.NONE,
            _("Belum ada sertifikat tanda tangan elektronik di komputer ini."),
        )
    if row.error:
        return CredentialStatus(
            CredentialState.REFUSED,
            _("Permintaan sertifikat ditolak server: {e}").format(e=row.error),
        )
    if not row.cert_pem:
        return CredentialStatus(
            CredentialState.PENDING,
            _("Permintaan sertifikat menunggu jawaban server (sinkronkan atau impor balasan)."),
        )
    cert = ca.cert_from_pem(row.cert_pem.encode())
    revoked = ca.find_revocation(cert, held.crls, held.root) if held is not None else None
    if revoked is not None and revoked.revoked_at <= now:
        return CredentialStatus(
            CredentialState.REVOKED,
            _("Sertifikat telah dicabut; daftarkan ulang penanda tangan."),
            cert.not_valid_after_utc,
            row.serial,
        )
    if cert.not_valid_after_utc < now:
        return CredentialStatus(
            CredentialState.EXPIRED,
            _("Sertifikat sudah kedaluwarsa; daftarkan ulang penanda tangan."),
            cert.not_valid_after_utc,
            row.serial,
        )
    return CredentialStatus(
        CredentialState.ACTIVE,
        _("Sertifikat aktif sampai {d}.").format(d=cert.not_valid_after_utc.date().isoformat()),
        cert.not_valid_after_utc,
        row.serial,
    )


def unlock(store: Store, person_id: str, passphrase: str, guard: PassphraseGuard) -> LoadedSigner:
    """The signer's key unlocked with ``passphrase``, with their certificate and the root.

    Raises KeyFileMissing (not enrolled here, or the certificate has not arrived),
    WrongPassphrase, TooManyAttempts, DamagedKeyFile."""
    with store.read() as session:
        row = _current(session, person_id)
    if row is None or not row.cert_pem:
        raise KeyFileMissing()
    cert = ca.cert_from_pem(row.cert_pem.encode())
    chain = ca.certs_from_pem(row.chain_pem.encode())
    if row.key_file:
        signer = keys.unlock(store.data_dir / row.key_file, passphrase, guard)
        if signer.cert != cert:
            raise DamagedKeyFile(_("sertifikat dalam berkas kunci bukan sertifikat terbaru"))
        return signer
    guard.check()
    pending = store.data_dir / row.pending_key_file
    try:
        key = serialization.load_pem_private_key(pending.read_bytes(), passphrase.encode("utf-8"))
    except FileNotFoundError as exc:
        raise KeyFileMissing() from exc
    except (ValueError, TypeError) as exc:
        guard.record_failure()
        raise WrongPassphrase() from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey) or _public_der(
        key.public_key()
    ) != _public_der(cert.public_key()):  # type: ignore[arg-type]
        raise DamagedKeyFile(_("kunci tidak cocok dengan sertifikat"))
    guard.record_success()
    key_file = Path(KEY_DIR) / f"{person_id}-{row.serial}.p12"
    keys.save_key_file(store.data_dir / key_file, key, cert, chain, passphrase)
    with store.write() as session:
        fresh = session.get(SignerCredential, row.id)
        if fresh is not None:
            fresh.key_file = key_file.as_posix()
            fresh.pending_key_file = ""
            session.add(fresh)
    pending.unlink(missing_ok=True)
    return LoadedSigner(key, cert, chain)


def certificate_sha256(signer: LoadedSigner) -> str:
    return hashlib.sha256(signer.cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def check_belongs_to(signer: LoadedSigner, person: Person) -> None:
    """Refuse a key whose certificate names someone else (a copied key file)."""
    nips = [str(a.value) for a in signer.cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)]
    if nips != [person.nip.replace(" ", "")]:
        raise SigningError(_("Sertifikat ini milik pegawai lain; gunakan kunci Anda sendiri."))


__all__ = [
    "CredentialState",
    "CredentialStatus",
    "check_belongs_to",
    "install_certificate",
    "pending_requests",
    "prepare_request",
    "record_refusal",
    "status",
    "unlock",
]
