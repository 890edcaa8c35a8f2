"""The organisation's certificate authority, as plain functions over ``cryptography`` objects.

The central server keeps the root key and calls these; the desktop app only reads certificates
and revocation lists. Nothing here does I/O, networking, or imports the server or the app.

Guarantees:
- ``create_root_ca``: a self-signed root "Naskah Root CA - <organisation>" (EC P-256 or P-384,
  20 years by default), CA:TRUE with path length 0 (it issues end-entity certificates only),
  key usage keyCertSign + cRLSign, subject and authority key identifiers.
- ``issue_signer_certificate``: only from a CSR whose self-signature verifies, whose key is EC
  P-256/P-384 and whose subject holds exactly CN, serialNumber (18-digit NIP), optionally title
  and O, and C=ID (and equals ``expected`` when given); key usage digitalSignature +
  nonRepudiation (critical), extended key usage document signing (RFC 9336, Microsoft's, and
  emailProtection, which Adobe and NSS-based readers such as poppler require), never beyond
  the root's own validity.
- ``issue_tsa_certificate``: extendedKeyUsage timeStamping only, critical (RFC 3161 2.3).
- ``build_crl``: a CRL signed by the root with a CRL number and a reason per entry.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from sync import clock
from sync.pki.identity import SignerIdentity

ROOT_NAME_PREFIX = "Naskah Root CA - "
TSA_NAME_PREFIX = "Naskah TSA - "
DEFAULT_SIGNER_DAYS = 365
DEFAULT_ROOT_YEARS = 20
DEFAULT_TSA_DAYS = 10 * 365
CLOCK_SKEW = timedelta(minutes=5)  # certificates start a little in the past

# Extended key usages for document signing.
EKU_DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")  # RFC 9336 id-kp-documentSigning
EKU_MS_DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")
SIGNER_EKUS = (EKU_DOCUMENT_SIGNING, EKU_MS_DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION)

_ALLOWED_SUBJECT = {
    NameOID.COMMON_NAME,
    NameOID.SERIAL_NUMBER,
    NameOID.TITLE,
    NameOID.ORGANIZATION_NAME,
    NameOID.COUNTRY_NAME,
}
_REQUIRED_SUBJECT = {NameOID.COMMON_NAME, NameOID.SERIAL_NUMBER, NameOID.COUNTRY_NAME}

CaKey = ec.EllipticCurvePrivateKey


class CsrRejected(ValueError):
    """The CA refused a certificate request (the message, in Indonesian, says why)."""


@dataclass(frozen=True)
class Revocation:
    serial: int
    revoked_at: datetime
    reason: x509.ReasonFlags | None = None


def _now(now: datetime | None) -> datetime:
    return (now or clock.now()).astimezone(UTC)


def _hash_for(key: CaKey) -> hashes.SHA256 | hashes.SHA384:
    return hashes.SHA384() if key.curve.key_size >= 384 else hashes.SHA256()


def _curve(name: str) -> ec.EllipticCurve:
    curves: dict[str, ec.EllipticCurve] = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1()}
    if name not in curves:
        raise ValueError(f"unsupported curve {name!r} (P-256 or P-384)")
    return curves[name]


def _attr(name: x509.Name, oid: ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def common_name(name: x509.Name) -> str:
    """The CN of ``name`` ("" when it has none)."""
    return _attr(name, NameOID.COMMON_NAME)


# -- the root ----------------------------------------------------------------------------------


def organisation_of(root: x509.Certificate) -> str:
    """The organisation a root speaks for: its O attribute, else its name without the prefix."""
    values = root.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    if values:
        return str(values[0].value)
    name = common_name(root.subject)
    return name.removeprefix(ROOT_NAME_PREFIX).strip() or name


def create_root_ca(
    organisation: str,
    *,
    curve: str = "P-256",
    years: int = DEFAULT_ROOT_YEARS,
    now: datetime | None = None,
) -> tuple[CaKey, x509.Certificate]:
    """A new root key and its self-signed certificate for ``organisation``."""
    organisation = organisation.strip()
    if not organisation:
        raise ValueError("organisation name is required")
    key = ec.generate_private_key(_curve(curve))
    start = _now(now) - CLOCK_SKEW
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, ROOT_NAME_PREFIX + organisation),
        ]
    )
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start.replace(year=start.year + years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
        )
        .sign(key, _hash_for(key))
    )
    return key, cert


# -- end-entity certificates -------------------------------------------------------------------


def check_csr(csr: x509.CertificateSigningRequest, expected: SignerIdentity | None = None) -> None:
    """Raise ``CsrRejected`` unless ``csr`` is acceptable for a signer certificate."""
    if not csr.is_signature_valid:
        raise CsrRejected("Permintaan sertifikat (CSR) tidak sah: tanda tangannya salah.")
    key = csr.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name not in (
        "secp256r1",
        "secp384r1",
    ):
        raise CsrRejected("Kunci dalam permintaan sertifikat harus EC P-256.")
    oids = [attr.oid for attr in csr.subject]
    unexpected = set(oids) - _ALLOWED_SUBJECT
    if unexpected or len(oids) != len(set(oids)):
        raise CsrRejected("Subjek permintaan sertifikat memuat atribut yang tidak diizinkan.")
    if any(len(rdn) != 1 for rdn in csr.subject.rdns):
        raise CsrRejected("Subjek permintaan sertifikat tidak sesuai format.")
    if _REQUIRED_SUBJECT - set(oids):
        raise CsrRejected("Subjek permintaan sertifikat harus memuat nama, NIP dan negara.")
    values = {attr.oid: str(attr.value) for attr in csr.subject}
    if any(not v.strip() or v != v.strip() for v in values.values()):
        raise CsrRejected("Subjek permintaan sertifikat memuat nilai kosong.")
    if values[NameOID.COUNTRY_NAME] != "ID":
        raise CsrRejected("Negara dalam permintaan sertifikat harus ID.")
    if not re.fullmatch(r"\d{18}", values[NameOID.SERIAL_NUMBER]):
        raise CsrRejected("NIP dalam permintaan sertifikat harus 18 angka.")
    if expected is not None:
        wanted = {attr.oid: str(attr.value) for attr in expected.subject()}
        if values != wanted:
            raise CsrRejected(
                "Nama, NIP, jabatan atau kantor dalam permintaan sertifikat tidak sesuai data."
            )


def _end_entity_builder(
    subject: x509.Name,
    public_key: ec.EllipticCurvePublicKey,
    ca_key: CaKey,
    ca_cert: x509.Certificate,
    days: int,
    now: datetime | None,
) -> x509.CertificateBuilder:
    if days < 1:
        raise ValueError("validity must be at least one day")
    start = _now(now) - CLOCK_SKEW
    end = min(start + CLOCK_SKEW + timedelta(days=days), ca_cert.not_valid_after_utc)
    if end <= start:
        raise CsrRejected("Sertifikat CA sudah kedaluwarsa; buat CA baru.")
    aki_ext = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(aki_ext),
            critical=False,
        )
    )


def _key_usage(*, signing: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=signing,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def issue_signer_certificate(
    csr: x509.CertificateSigningRequest,
    ca_key: CaKey,
    ca_cert: x509.Certificate,
    *,
    days: int = DEFAULT_SIGNER_DAYS,
    expected: SignerIdentity | None = None,
    crl_url: str | None = None,
    now: datetime | None = None,
) -> x509.Certificate:
    """A signer certificate for ``csr`` (checked with ``check_csr``), valid ``days`` days."""
    check_csr(csr, expected)
    public_key = csr.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)  # check_csr made sure
    builder = (
        _end_entity_builder(csr.subject, public_key, ca_key, ca_cert, days, now)
        .add_extension(_key_usage(signing=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage(list(SIGNER_EKUS)), critical=False)
    )
    if crl_url:
        point = x509.DistributionPoint(
            full_name=[x509.UniformResourceIdentifier(crl_url)],
            relative_name=None,
            reasons=None,
            crl_issuer=None,
        )
        builder = builder.add_extension(x509.CRLDistributionPoints([point]), critical=False)
    return builder.sign(ca_key, _hash_for(ca_key))


def issue_tsa_certificate(
    public_key: ec.EllipticCurvePublicKey,
    ca_key: CaKey,
    ca_cert: x509.Certificate,
    *,
    organisation: str,
    days: int = DEFAULT_TSA_DAYS,
    now: datetime | None = None,
) -> x509.Certificate:
    """A timestamping certificate "Naskah TSA - <organisation>" for ``public_key``."""
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation.strip()),
            x509.NameAttribute(NameOID.COMMON_NAME, TSA_NAME_PREFIX + organisation.strip()),
        ]
    )
    return (
        _end_entity_builder(subject, public_key, ca_key, ca_cert, days, now)
        .add_extension(_key_usage(signing=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(ca_key, _hash_for(ca_key))
    )


def create_tsa(
    ca_key: CaKey, ca_cert: x509.Certificate, organisation: str, *, now: datetime | None = None
) -> tuple[CaKey, x509.Certificate]:
    """A fresh EC P-256 TSA key with its certificate from the root."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = issue_tsa_certificate(
        key.public_key(), ca_key, ca_cert, organisation=organisation, now=now
    )
    return key, cert


# -- revocation --------------------------------------------------------------------------------


def build_crl(
    ca_key: CaKey,
    ca_cert: x509.Certificate,
    revoked: Iterable[Revocation],
    *,
    crl_number: int,
    now: datetime | None = None,
    next_update: timedelta = timedelta(days=7),
) -> x509.CertificateRevocationList:
    """A CRL listing ``revoked``, signed by the root, valid until ``now + next_update``."""
    this_update = _now(now)
    ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(this_update)
        .next_update(this_update + next_update)
        .add_extension(x509.CRLNumber(crl_number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
        )
    )
    for entry in revoked:
        item = (
            x509.RevokedCertificateBuilder()
            .serial_number(entry.serial)
            .revocation_date(entry.revoked_at.astimezone(UTC))
        )
        if entry.reason is not None:
            item = item.add_extension(x509.CRLReason(entry.reason), critical=False)
        builder = builder.add_revoked_certificate(item.build())
    return builder.sign(ca_key, _hash_for(ca_key))


def find_revocation(
    cert: x509.Certificate,
    crls: Iterable[x509.CertificateRevocationList],
    issuer: x509.Certificate | None = None,
) -> Revocation | None:
    """The revocation of ``cert`` in any of ``crls`` issued by its issuer (and, when ``issuer``
    is given, correctly signed by it), or None."""
    for crl in crls:
        if crl.issuer != cert.issuer:
            continue
        if issuer is not None:
            try:
                if not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
                    continue
            except (InvalidSignature, TypeError):
                continue
        entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
        if entry is None:
            continue
        reason: x509.ReasonFlags | None = None
        with contextlib.suppress(x509.ExtensionNotFound):
            reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
        return Revocation(cert.serial_number, entry.revocation_date_utc, reason)
    return None


# -- PEM ---------------------------------------------------------------------------------------


def cert_to_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def certs_to_pem(certs: Iterable[x509.Certificate]) -> bytes:
    return b"".join(cert_to_pem(c) for c in certs)


def cert_from_pem(data: bytes) -> x509.Certificate:
    return x509.load_pem_x509_certificate(data)


def certs_from_pem(data: bytes) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(data)


def key_to_pem(key: CaKey, passphrase: str | None = None) -> bytes:
    """PKCS#8 PEM, encrypted with the best available scheme when ``passphrase`` is given."""
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def key_from_pem(data: bytes, passphrase: str | None = None) -> CaKey:
    key = serialization.load_pem_private_key(
        data, passphrase.encode("utf-8") if passphrase else None
    )
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("not an EC private key")
    return key


def csr_to_pem(csr: x509.CertificateSigningRequest) -> bytes:
    return csr.public_bytes(serialization.Encoding.PEM)


def csr_from_pem(data: bytes) -> x509.CertificateSigningRequest:
    """Parse a PEM CSR; raises ``CsrRejected`` for anything that is not one."""
    try:
        return x509.load_pem_x509_csr(data)
    except ValueError as exc:
        raise CsrRejected("Permintaan sertifikat (CSR) tidak dapat dibaca.") from exc


def crl_to_pem(crl: x509.CertificateRevocationList) -> bytes:
    return crl.public_bytes(serialization.Encoding.PEM)


def crl_from_pem(data: bytes) -> x509.CertificateRevocationList:
    return x509.load_pem_x509_crl(data)
