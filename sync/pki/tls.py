"""TLS server certificates for office hubs, issued by the organisation's CA (docs/office-hub.md).

Every enrolled PC already pins the organisation's root (its trust material), so a hub holding a
certificate from that root for the address the PC dials is proved without trust on first use.
Nothing here does I/O; ``naskah-server hub cert`` on the central server (which holds the CA key)
calls it and writes the files.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from sync import clock
from sync.pki.ca import CLOCK_SKEW, CaKey, organisation_of

DEFAULT_HUB_DAYS = 397  # what browsers accept for a TLS server certificate


def _names(hosts: list[str]) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = []
    for host in hosts:
        text = host.strip()
        if not text:
            continue
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(text)))
        except ValueError:
            names.append(x509.DNSName(text.lower()))
    if not names:
        raise ValueError("name at least one address (IP or host name) of the hub")
    return names


def issue_hub_certificate(
    ca_key: CaKey,
    ca_cert: x509.Certificate,
    hosts: list[str],
    *,
    days: int = DEFAULT_HUB_DAYS,
    now: datetime | None = None,
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """A new P-256 key and a certificate for it valid for TLS server authentication at
    ``hosts`` (IP addresses or DNS names), signed by the root. ValueError for no host or a
    validity under a day."""
    if days < 1:
        raise ValueError("validity must be at least one day")
    names = _names(hosts)
    key = ec.generate_private_key(ec.SECP256R1())
    start = (now or clock.now()) - CLOCK_SKEW
    end = min(start + CLOCK_SKEW + timedelta(days=days), ca_cert.not_valid_after_utc)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"Naskah server kantor {hosts[0].strip()}"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation_of(ca_cert) or "Naskah"),
        ]
    )
    ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=True,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return cert, key


# -- the root's fingerprint: how a new PC trusts a hub before it holds the root ----------------

FINGERPRINT_DIGITS = 24  # hex digits shown and required (96 bits of SHA-256): typed by a person


def root_fingerprint(root_pem: str) -> str:
    """The first ``FINGERPRINT_DIGITS`` hex digits of the SHA-256 of the root's DER, in groups of
    four (``3F2A-9C1B-...``): printed by ``hub enroll-code`` beside the code, typed on the new PC.
    ValueError when ``root_pem`` is not a certificate."""
    cert = x509.load_pem_x509_certificate(root_pem.encode())
    digest = cert.fingerprint(hashes.SHA256()).hex().upper()[:FINGERPRINT_DIGITS]
    return "-".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def normal_fingerprint(typed: str) -> str | None:
    """``typed`` as hex digits alone (spaces, dashes and colons dropped, upper case), or None
    when it is not at least ``FINGERPRINT_DIGITS`` hex digits (at most a full SHA-256)."""
    digits = "".join(c for c in typed.upper() if c not in " -:\t")
    if not FINGERPRINT_DIGITS <= len(digits) <= 64:
        return None
    if any(c not in "0123456789ABCDEF" for c in digits):
        return None
    return digits


def fingerprint_matches(root_pem: str, typed: str) -> bool:
    """True when ``root_pem`` is a certificate whose SHA-256 begins with the typed digits."""
    digits = normal_fingerprint(typed)
    if digits is None:
        return False
    try:
        cert = x509.load_pem_x509_certificate(root_pem.encode())
    except ValueError:
        return False
    return cert.fingerprint(hashes.SHA256()).hex().upper().startswith(digits)
