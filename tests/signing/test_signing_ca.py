"""The organisation's CA: root, signer and TSA certificates, CSR checks, CRLs, PEM."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop.signing import keys
from desktop.store import clock
from sync.pki import ca
from sync.pki.ca import CsrRejected
from tests.signing.signing_support import ANDI, ORG, Pki


def _ext(cert: x509.Certificate, kind: type) -> x509.Extension:  # type: ignore[type-arg]
    return cert.extensions.get_extension_for_class(kind)


def test_root_ca(pki: Pki) -> None:
    root = pki.root
    assert ca.common_name(root.subject) == f"Naskah Root CA - {ORG}"
    assert root.subject == root.issuer
    root.verify_directly_issued_by(root)
    basic = _ext(root, x509.BasicConstraints)
    assert basic.critical and basic.value.ca and basic.value.path_length == 0
    usage = _ext(root, x509.KeyUsage)
    assert usage.critical and usage.value.key_cert_sign and usage.value.crl_sign
    years = (root.not_valid_after_utc - root.not_valid_before_utc).days / 365.25
    assert 19.9 < years < 20.1
    assert isinstance(root.public_key(), ec.EllipticCurvePublicKey)


def test_p384_root_signs_with_sha384() -> None:
    key, root = ca.create_root_ca("Kabupaten Uji", curve="P-384")
    assert isinstance(key.curve, ec.SECP384R1)
    assert isinstance(root.signature_hash_algorithm, hashes.SHA384)
    with pytest.raises(ValueError):
        ca.create_root_ca("Kabupaten Uji", curve="P-192")


def test_signer_certificate(pki: Pki) -> None:
    key = keys.generate_key()
    now = datetime(2026, 3, 1, tzinfo=UTC)
    cert = ca.issue_signer_certificate(
        keys.build_csr(key, ANDI), pki.root_key, pki.root, expected=ANDI, now=now
    )
    cert.verify_directly_issued_by(pki.root)
    assert cert.subject == ANDI.subject()
    assert cert.public_key() == key.public_key()
    assert cert.not_valid_after_utc - now == timedelta(days=365)
    assert cert.not_valid_before_utc < now
    usage = _ext(cert, x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    eku = _ext(cert, x509.ExtendedKeyUsage).value
    assert ca.EKU_DOCUMENT_SIGNING in eku and ExtendedKeyUsageOID.EMAIL_PROTECTION in eku
    assert not _ext(cert, x509.BasicConstraints).value.ca
    assert (
        _ext(cert, x509.AuthorityKeyIdentifier).value.key_identifier
        == _ext(pki.root, x509.SubjectKeyIdentifier).value.digest
    )


def test_validity_is_configurable_and_never_outlives_the_root(pki: Pki) -> None:
    csr = keys.build_csr(keys.generate_key(), ANDI)
    short = ca.issue_signer_certificate(csr, pki.root_key, pki.root, days=30)
    assert (short.not_valid_after_utc - short.not_valid_before_utc).days == 30
    long = ca.issue_signer_certificate(csr, pki.root_key, pki.root, days=365 * 40)
    assert long.not_valid_after_utc == pki.root.not_valid_after_utc
    with pytest.raises(ValueError):
        ca.issue_signer_certificate(csr, pki.root_key, pki.root, days=0)


def _csr(
    names: list[x509.NameAttribute], key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
) -> x509.CertificateSigningRequest:
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name(names))
        .sign(key, hashes.SHA256())
    )


def test_bad_requests_are_refused(pki: Pki) -> None:
    key = keys.generate_key()
    good = list(ANDI.subject())
    cases: list[tuple[x509.CertificateSigningRequest, str]] = [
        (_csr(good, rsa.generate_private_key(65537, 2048)), "EC P-256"),
        (_csr([a for a in good if a.oid != NameOID.SERIAL_NUMBER], key), "NIP"),
        (
            _csr([*good, x509.NameAttribute(NameOID.EMAIL_ADDRESS, "a@b.id")], key),
            "tidak diizinkan",
        ),
        (
            _csr([*good, x509.NameAttribute(NameOID.COMMON_NAME, "Orang Lain")], key),
            "tidak diizinkan",
        ),
        (
            _csr(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "MY")
                    if a.oid == NameOID.COUNTRY_NAME
                    else a
                    for a in good
                ],
                key,
            ),
            "ID",
        ),
        (
            _csr(
                [
                    x509.NameAttribute(NameOID.SERIAL_NUMBER, "12345")
                    if a.oid == NameOID.SERIAL_NUMBER
                    else a
                    for a in good
                ],
                key,
            ),
            "18 angka",
        ),
    ]
    for csr, fragment in cases:
        with pytest.raises(CsrRejected) as err:
            ca.issue_signer_certificate(csr, pki.root_key, pki.root)
        assert fragment in str(err.value)


def test_csr_must_match_the_person_on_record_when_given(pki: Pki) -> None:
    csr = keys.build_csr(keys.generate_key(), ANDI)
    with pytest.raises(CsrRejected) as err:
        ca.issue_signer_certificate(
            csr, pki.root_key, pki.root, expected=replace(ANDI, jabatan="Camat Sukamaju")
        )
    assert "tidak sesuai data" in str(err.value)


def test_csr_with_a_broken_self_signature_is_refused(pki: Pki) -> None:
    pem = bytearray(ca.csr_to_pem(keys.build_csr(keys.generate_key(), ANDI)))
    der_csr = keys.build_csr(keys.generate_key(), ANDI)
    from cryptography.hazmat.primitives.serialization import Encoding

    der = bytearray(der_csr.public_bytes(Encoding.DER))
    der[-5] ^= 0x01  # inside the signature value
    tampered = x509.load_der_x509_csr(bytes(der))
    with pytest.raises(CsrRejected) as err:
        ca.issue_signer_certificate(tampered, pki.root_key, pki.root)
    assert "tanda tangannya salah" in str(err.value)
    with pytest.raises(CsrRejected):
        ca.csr_from_pem(bytes(pem[:40]))


def test_tsa_certificate(pki: Pki) -> None:
    cert = pki.tsa_cert
    cert.verify_directly_issued_by(pki.root)
    eku = _ext(cert, x509.ExtendedKeyUsage)
    assert eku.critical and list(eku.value) == [ExtendedKeyUsageOID.TIME_STAMPING]
    assert ca.common_name(cert.subject) == f"Naskah TSA - {ORG}"


def test_crl_lists_revocations_with_dates_and_reasons(pki: Pki) -> None:
    a, b, c = pki.signer(), pki.signer(), pki.signer()
    when = datetime(2026, 5, 1, 8, 30, tzinfo=UTC)
    crl = ca.build_crl(
        pki.root_key,
        pki.root,
        [
            ca.Revocation(a.cert.serial_number, when, x509.ReasonFlags.key_compromise),
            ca.Revocation(b.cert.serial_number, when + timedelta(days=1)),
        ],
        crl_number=7,
        now=when + timedelta(days=2),
    )
    assert crl.is_signature_valid(pki.root.public_key())  # type: ignore[arg-type]
    assert crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number == 7
    assert crl.next_update_utc == crl.last_update_utc + timedelta(days=7)
    found = ca.find_revocation(a.cert, [crl], pki.root)
    assert found == ca.Revocation(a.cert.serial_number, when, x509.ReasonFlags.key_compromise)
    assert ca.find_revocation(b.cert, [crl], pki.root) is not None
    assert ca.find_revocation(c.cert, [crl], pki.root) is None

    # A CRL signed by someone else does not count.
    other_key, other_root = ca.create_root_ca(ORG)  # same name, different key
    forged = ca.build_crl(
        other_key, other_root, [ca.Revocation(c.cert.serial_number, when)], crl_number=1
    )
    assert ca.find_revocation(c.cert, [forged], pki.root) is None


def test_pem_round_trips(pki: Pki) -> None:
    signer = pki.signer()
    assert ca.cert_from_pem(ca.cert_to_pem(signer.cert)) == signer.cert
    assert ca.certs_from_pem(ca.certs_to_pem([signer.cert, pki.root])) == [signer.cert, pki.root]
    for passphrase in (None, "Kunci-Akar CA 2026"):
        pem = ca.key_to_pem(pki.root_key, passphrase)
        assert (b"ENCRYPTED" in pem) == bool(passphrase)
        back = ca.key_from_pem(pem, passphrase)
        assert back.private_numbers() == pki.root_key.private_numbers()
    csr = keys.build_csr(signer.key, ANDI)
    assert ca.csr_from_pem(ca.csr_to_pem(csr)) == csr
    crl = pki.crl(signer.cert, clock.now())
    assert ca.crl_from_pem(ca.crl_to_pem(crl)) == crl
