"""The signer's key: CSR contents, the PKCS#12 key file, passphrase rules and the retry guard."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop import costs
from desktop.signing import keys
from desktop.signing.errors import (
    DamagedKeyFile,
    KeyFileMissing,
    SigningError,
    TooManyAttempts,
    WrongPassphrase,
)
from desktop.signing.keys import PassphraseGuard, passphrase_problem
from tests.signing.signing_support import ANDI, Pki

PASSPHRASE = "Kopi-Wamena 2026"
FAST = 1000  # key-derivation rounds where a test only needs the file format


def test_key_is_p256_and_csr_names_the_signer() -> None:
    key = keys.generate_key()
    assert isinstance(key.curve, ec.SECP256R1)
    csr = keys.build_csr(key, ANDI)
    assert csr.is_signature_valid
    subject = {attr.oid: attr.value for attr in csr.subject}
    assert subject == {
        NameOID.COMMON_NAME: ANDI.name,
        NameOID.SERIAL_NUMBER: ANDI.nip,
        NameOID.TITLE: ANDI.jabatan,
        NameOID.ORGANIZATION_NAME: ANDI.office,
        NameOID.COUNTRY_NAME: "ID",
    }
    assert csr.public_key() == key.public_key()


def test_key_file_round_trip_is_atomic_and_strong(pki: Pki, tmp_path: Path) -> None:
    signer = pki.signer()
    path = tmp_path / "data" / "kunci.p12"
    keys.save_key_file(path, signer.key, signer.cert, [pki.root], PASSPHRASE)
    assert sorted(p.name for p in path.parent.iterdir()) == ["kunci.p12"]  # no temp files left

    loaded = keys.load_key_file(path, PASSPHRASE)
    assert loaded.cert == signer.cert
    assert loaded.chain == [pki.root]
    assert loaded.key.private_numbers() == signer.key.private_numbers()
    assert loaded.name == ANDI.name

    # The MAC costs as much as the encryption, and both are modern (PBES2/AES-256, SHA-256).
    pfx = asn1_pkcs12.Pfx.load(path.read_bytes())
    assert pfx["mac_data"]["iterations"].native == costs.current().pkcs12_rounds
    assert pfx["mac_data"]["mac"]["digest_algorithm"]["algorithm"].native == "sha256"
    # ... and any standard PKCS#12 reader still opens it (OpenSSL checks the new MAC).
    assert pkcs12.load_pkcs12(path.read_bytes(), PASSPHRASE.encode()).key is not None


def test_replacing_a_key_file_keeps_the_old_one_until_the_new_one_is_whole(
    pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    signer = pki.signer()
    path = tmp_path / "kunci.p12"
    keys.save_key_file(path, signer.key, signer.cert, [], PASSPHRASE, rounds=FAST)
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        keys.save_key_file(path, signer.key, signer.cert, [], "Frasa-Baru 2027", rounds=FAST)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kunci.p12"]


def test_non_ascii_passphrase(pki: Pki) -> None:
    signer = pki.signer()
    data = keys.serialize_key_file(signer.key, signer.cert, [], "Kopi Papua-é 2026", rounds=FAST)
    assert keys.read_key_file(data, "Kopi Papua-é 2026").cert == signer.cert


def test_wrong_passphrase_is_a_clear_error(pki: Pki) -> None:
    signer = pki.signer()
    data = keys.serialize_key_file(signer.key, signer.cert, [], PASSPHRASE, rounds=FAST)
    for wrong in ("", "kopi-wamena 2026", PASSPHRASE + " "):
        with pytest.raises(WrongPassphrase) as err:
            keys.read_key_file(data, wrong)
        assert "Frasa sandi kunci tanda tangan salah" in err.value.message


def test_damaged_or_foreign_files_are_a_clear_error(pki: Pki, tmp_path: Path) -> None:
    signer = pki.signer()
    data = keys.serialize_key_file(signer.key, signer.cert, [], PASSPHRASE, rounds=FAST)
    pem = signer.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    for bad in (b"", b"garbage" * 40, data[: len(data) // 2], data[:-1], pem, b"%PDF-1.4\n"):
        with pytest.raises(DamagedKeyFile) as err:
            keys.read_key_file(bad, PASSPHRASE)
        assert "Berkas kunci tanda tangan rusak" in err.value.message

    with pytest.raises(KeyFileMissing):
        keys.load_key_file(tmp_path / "tidak-ada.p12", PASSPHRASE)
    with pytest.raises(DamagedKeyFile):
        keys.load_key_file(tmp_path, PASSPHRASE)


def test_any_flipped_byte_gives_one_of_the_two_clear_errors(pki: Pki) -> None:
    signer = pki.signer()
    data = keys.serialize_key_file(signer.key, signer.cert, [], PASSPHRASE, rounds=FAST)
    rng = random.Random(4)
    for position in rng.sample(range(len(data)), 60):
        damaged = bytearray(data)
        damaged[position] ^= rng.randrange(1, 256)
        with pytest.raises((WrongPassphrase, DamagedKeyFile)):
            keys.read_key_file(bytes(damaged), PASSPHRASE)


def test_a_file_without_the_key_and_its_certificate_is_refused(pki: Pki) -> None:
    signer, other = pki.signer(), pki.signer()
    data = pkcs12.serialize_key_and_certificates(
        b"x", other.key, None, [signer.cert], serialization.BestAvailableEncryption(b"Frasa-123456")
    )
    with pytest.raises(DamagedKeyFile):
        keys.read_key_file(data, "Frasa-123456")


@pytest.mark.parametrize(
    ("passphrase", "fragment"),
    [
        ("Pendek1!", "minimal 10"),
        ("semuahurufkecil", "dua jenis"),
        ("12345678901234", "dua jenis"),
        ("aaaaaAAAAA", "mengulang"),
        (" Spasi-Depan99", "spasi"),
        ("Password2026!", "umum"),
        ("rahasia-1234", "umum"),
        ("Kecamatan2026", "umum"),
        ("1234567890ab", "umum"),
        ("x198003152005011002", "NIP"),
        ("Mappaturung2026", "nama"),
    ],
)
def test_weak_passphrases_are_refused_in_indonesian(passphrase: str, fragment: str) -> None:
    problem = passphrase_problem(passphrase, name=ANDI.name, nip=ANDI.nip)
    assert problem is not None and fragment in problem


@pytest.mark.parametrize(
    "passphrase", ["Kopi-Wamena 2026", "jembatan merah 17 agustus", "Baliem!Lembah9"]
)
def test_good_passphrases_pass(passphrase: str) -> None:
    assert passphrase_problem(passphrase, name=ANDI.name, nip=ANDI.nip) is None


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_guard_pauses_after_five_wrong_passphrases_and_grows() -> None:
    clock = FakeClock()
    guard = PassphraseGuard(clock=clock)
    for _ in range(4):
        assert guard.record_failure() == 0
        guard.check()
    assert guard.record_failure() == 30
    assert guard.wait_seconds() == 30
    with pytest.raises(TooManyAttempts) as err:
        guard.check()
    assert "Tunggu 30 detik" in err.value.message
    clock.t += 30
    guard.check()
    assert guard.record_failure() == 60  # the sixth wrong try doubles the pause
    clock.t += 60
    for _ in range(10):
        guard.record_failure()
    assert guard.wait_seconds() == 15 * 60  # capped
    guard.record_success()
    assert guard.wait_seconds() == 0 and guard.failures == 0


def test_unlock_counts_failures_and_blocks(pki: Pki, tmp_path: Path) -> None:
    signer = pki.signer()
    path = tmp_path / "kunci.p12"
    keys.save_key_file(path, signer.key, signer.cert, [pki.root], PASSPHRASE, rounds=FAST)
    clock = FakeClock()
    guard = PassphraseGuard(clock=clock)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            keys.unlock(path, "salah-salah-123", guard)
    with pytest.raises(TooManyAttempts):
        keys.unlock(path, PASSPHRASE, guard)  # even the right one waits
    clock.t += 31
    assert keys.unlock(path, PASSPHRASE, guard).cert == signer.cert
    assert guard.failures == 0


def test_errors_are_user_errors_for_the_ui() -> None:
    from desktop.store.errors import UserError
    from desktop.ui.ops import user_message

    assert issubclass(SigningError, UserError)
    assert user_message(WrongPassphrase()) == WrongPassphrase().message != ""
