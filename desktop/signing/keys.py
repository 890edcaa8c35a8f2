"""A signer's key: EC P-256 key pair, certificate request, and the passphrase-protected key file.

Guarantees:
- ``generate_key`` makes a fresh EC P-256 key (the only kind the CA certifies for people).
- ``build_csr`` puts exactly CN (name), serialNumber (NIP), title (jabatan), O (office) and
  C=ID in the subject and is signed by the key (proof of possession).
- ``save_key_file`` writes a PKCS#12 file (key + certificate + chain) encrypted with
  AES-256-CBC under PBKDF2-HMAC-SHA256 and authenticated by an HMAC-SHA256 whose key
  derivation costs as many rounds as the encryption's (stock PKCS#12 files use only 2048 for the
  MAC, which lets a thief test passphrases cheaply). The file is written to a temporary file,
  fsynced and renamed, so a crash never leaves a half-written key under the final name.
- ``load_key_file`` returns a ``LoadedSigner`` or raises ``KeyFileMissing``,
  ``WrongPassphrase`` or ``DamagedKeyFile``; nothing else escapes for bad input.

The passphrase checks and the retry guard live in ``passphrase.py`` and are re-exported here.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop import costs
from desktop.signing.errors import DamagedKeyFile, KeyFileMissing, WrongPassphrase
from desktop.signing.passphrase import PassphraseGuard, passphrase_problem
from sync.pki.identity import SignerIdentity

__all__ = [
    "KDF_ROUNDS",
    "LoadedSigner",
    "PassphraseGuard",
    "SignerIdentity",
    "build_csr",
    "generate_key",
    "load_key_file",
    "passphrase_problem",
    "read_key_file",
    "save_key_file",
    "serialize_key_file",
    "unlock",
]

# PBKDF2 rounds for the key and certificate bags, and PKCS#12-KDF rounds for the MAC. Unlocking
# costs about 2 x PBKDF2 + 1 x MAC derivation (measured in the benchmarks, well under 600 ms).
# New files get ``costs.current().pkcs12_rounds``: this value, except in the test suite.
KDF_ROUNDS = costs.PRODUCTION.pkcs12_rounds

PrivateKey = ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class LoadedSigner:
    """An unlocked signing key with its certificate and the chain up to (and with) the root."""

    key: PrivateKey
    cert: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)

    @property
    def name(self) -> str:
        names = self.cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else self.cert.subject.rfc4514_string()


def generate_key() -> PrivateKey:
    """A fresh EC P-256 private key."""
    return ec.generate_private_key(ec.SECP256R1())


def build_csr(key: PrivateKey, identity: SignerIdentity) -> x509.CertificateSigningRequest:
    """A certificate request for ``identity`` signed with ``key``."""
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(identity.subject())
        .sign(key, hashes.SHA256())
    )


# -- the key file ------------------------------------------------------------------------------


def _pkcs12_mac_key(passphrase: str, salt: bytes, rounds: int) -> bytes:
    """RFC 7292 appendix B.2 key derivation (ID 3, SHA-256, 32-byte key) as OpenSSL does it:
    the passphrase as UTF-16BE with a two-byte terminator."""
    v = 64

    def stretch(data: bytes) -> bytes:
        if not data:
            return b""
        length = v * ((len(data) + v - 1) // v)
        return (data * (length // len(data) + 1))[:length]

    password = passphrase.encode("utf-16-be") + b"\x00\x00"
    digest = hashlib.sha256(b"\x03" * v + stretch(salt) + stretch(password)).digest()
    for _ in range(rounds - 1):
        digest = hashlib.sha256(digest).digest()
    return digest


def _strengthen_mac(data: bytes, passphrase: str, rounds: int) -> bytes:
    """Recompute the PKCS#12 MAC of ``data`` with ``rounds`` key-derivation rounds."""
    pfx = asn1_pkcs12.Pfx.load(data)
    mac_data = pfx["mac_data"]
    salt = mac_data["mac_salt"].native
    content = pfx["auth_safe"]["content"].native
    key = _pkcs12_mac_key(passphrase, salt, rounds)
    digest = hmac.new(key, content, hashlib.sha256).digest()
    new_mac = asn1_pkcs12.MacData(
        {
            "mac": {"digest_algorithm": {"algorithm": "sha256"}, "digest": digest},
            "mac_salt": salt,
            "iterations": rounds,
        }
    )
    out = asn1_pkcs12.Pfx({"version": "v3", "auth_safe": pfx["auth_safe"], "mac_data": new_mac})
    return bytes(out.dump())


def serialize_key_file(
    key: PrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    passphrase: str,
    *,
    rounds: int | None = None,
) -> bytes:
    """The PKCS#12 bytes for ``key``, ``cert`` and ``chain`` under ``passphrase`` (``rounds``
    defaults to the current work factor, see ``desktop.costs``)."""
    rounds = rounds or costs.current().pkcs12_rounds
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(rounds)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode("utf-8"))
    )
    friendly = LoadedSigner(key, cert).name.encode("utf-8")
    data = pkcs12.serialize_key_and_certificates(friendly, key, cert, chain or None, encryption)
    return _strengthen_mac(data, passphrase, rounds)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` durably: temp file, fsync, rename, fsync of the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".p12")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def save_key_file(
    path: Path,
    key: PrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    passphrase: str,
    *,
    rounds: int | None = None,
) -> None:
    """Write the key file durably and atomically (the old file stays until the new one is whole)."""
    write_atomically(Path(path), serialize_key_file(key, cert, chain, passphrase, rounds=rounds))


def _looks_like_pkcs12(data: bytes) -> str | None:
    """Why ``data`` is not a well-formed PKCS#12 file with a MAC, or None when it is."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        _ = pfx.native  # parse everything that is not encrypted
    except Exception:  # asn1crypto raises ValueError, TypeError, ...
        return "bukan PKCS#12 atau terpotong"
    if pfx["mac_data"].native is None:
        return "tanpa kode autentikasi"
    return None


def read_key_file(data: bytes, passphrase: str) -> LoadedSigner:
    """Unlock PKCS#12 ``data`` with ``passphrase``.

    Raises ``DamagedKeyFile`` when the bytes are not a complete PKCS#12 structure or hold no
    EC key with its certificate, and ``WrongPassphrase`` when the structure is whole but the
    passphrase does not open it (a file altered inside its encrypted part cannot be told apart
    from a wrong passphrase: the MAC covers both).
    """
    problem = _looks_like_pkcs12(data)
    if problem:
        raise DamagedKeyFile(problem)
    try:
        loaded = pkcs12.load_pkcs12(data, passphrase.encode("utf-8"))
    except ValueError as exc:
        raise WrongPassphrase() from exc
    except Exception as exc:  # pragma: no cover - defensive: unsupported algorithms etc.
        raise DamagedKeyFile(type(exc).__name__) from exc
    key = loaded.key
    if loaded.cert is None or not isinstance(key, ec.EllipticCurvePrivateKey):
        raise DamagedKeyFile("tidak berisi kunci EC dan sertifikatnya")
    cert = loaded.cert.certificate
    if cert.public_key() != key.public_key():
        raise DamagedKeyFile("sertifikat bukan milik kunci ini")
    chain = [c.certificate for c in loaded.additional_certs]
    return LoadedSigner(key=key, cert=cert, chain=chain)


def load_key_file(path: Path, passphrase: str) -> LoadedSigner:
    """Read and unlock the key file at ``path`` (see ``read_key_file`` for the errors)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise KeyFileMissing() from exc
    except IsADirectoryError as exc:
        raise DamagedKeyFile("bukan berkas") from exc
    return read_key_file(data, passphrase)


def unlock(path: Path, passphrase: str, guard: PassphraseGuard) -> LoadedSigner:
    """``load_key_file`` behind ``guard``: raises ``TooManyAttempts`` during a pause, counts a
    wrong passphrase as a failure and a successful unlock as a reset."""
    guard.check()
    try:
        signer = load_key_file(path, passphrase)
    except WrongPassphrase:
        guard.record_failure()
        raise
    guard.record_success()
    return signer
