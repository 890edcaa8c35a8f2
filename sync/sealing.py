"""Who made a bundle, and who may read its reply (docs/sync-protocol.md, "Bundles").

Each device holds an EC P-256 key pair made on the PC (the private key in the OS keyring, never
in a file); the server keeps its public key, learnt over the device's authenticated sync. The
server holds one key pair of its own, whose public key every device learns the same way. A
bundle is signed by its device and a reply by the server (ECDSA over the container's SHA-256);
a reply's body is encrypted for the one device that asked (ephemeral ECDH, HKDF-SHA256,
AES-256-GCM), since it carries the office's letters, secret ones included, on a USB stick.
Like ``sync.protocol`` this module imports neither side.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAX_PUBLIC_KEY_PEM = 1024
_INFO = b"naskah-reply/1"


class SealBroken(ValueError):
    """A signature that does not verify, a key that is not one, or a body that does not open."""


def new_private_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def private_pem(key: ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_pem(key: ec.EllipticCurvePrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def load_private(pem: str) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise SealBroken("not an EC private key")
    return key


def load_public(pem: str) -> ec.EllipticCurvePublicKey:
    """An EC P-256 public key from its PEM; SealBroken for anything else."""
    if len(pem) > MAX_PUBLIC_KEY_PEM:
        raise SealBroken("public key too long")
    try:
        key = serialization.load_pem_public_key(pem.encode())
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise SealBroken("not a public key") from exc
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise SealBroken("not an EC P-256 public key")
    return key


def sign(key: ec.EllipticCurvePrivateKey, digest_hex: str) -> str:
    """The base64 ECDSA-SHA256 signature of a container's SHA-256 (hex)."""
    return base64.b64encode(key.sign(digest_hex.encode(), ec.ECDSA(hashes.SHA256()))).decode()


def verify(public_key_pem: str, digest_hex: str, signature: object) -> None:
    """Raise SealBroken unless ``signature`` is the key's signature of ``digest_hex``."""
    key = load_public(public_key_pem)
    if not isinstance(signature, str) or len(signature) > 256:
        raise SealBroken("no signature")
    try:
        key.verify(base64.b64decode(signature), digest_hex.encode(), ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError) as exc:
        raise SealBroken("signature does not verify") from exc


def _aes_key(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO).derive(shared)


def seal(recipient_pem: str, body: dict[str, Any]) -> dict[str, str]:
    """``body`` encrypted for the holder of ``recipient_pem``'s private key."""
    recipient = load_public(recipient_pem)
    ephemeral = new_private_key()
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _aes_key(ephemeral.exchange(ec.ECDH(), recipient), salt)
    plain = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    return {
        "epk": public_pem(ephemeral),
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(AESGCM(key).encrypt(nonce, plain, _INFO)).decode(),
    }


def unseal(private_key: ec.EllipticCurvePrivateKey, sealed: object) -> dict[str, Any]:
    """The body ``seal`` encrypted for this key; SealBroken when it is not for us or damaged."""
    if not isinstance(sealed, dict):
        raise SealBroken("not a sealed body")
    try:
        ephemeral = load_public(str(sealed["epk"]))
        salt = base64.b64decode(str(sealed["salt"]), validate=True)
        nonce = base64.b64decode(str(sealed["nonce"]), validate=True)
        ciphertext = base64.b64decode(str(sealed["ciphertext"]), validate=True)
        key = _aes_key(private_key.exchange(ec.ECDH(), ephemeral), salt)
        body = json.loads(AESGCM(key).decrypt(nonce, ciphertext, _INFO))
    except (KeyError, ValueError, InvalidTag) as exc:
        raise SealBroken("the body does not open with this key") from exc
    if not isinstance(body, dict):
        raise SealBroken("not a sealed body")
    return body
