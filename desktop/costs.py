"""Work factors of the key-derivation functions that guard passwords and signing keys.

The production values are the defaults, and nothing in the app changes them. The test suite
lowers them once for its whole session with ``use_test_costs()`` (tests/conftest.py), the way
Django's test settings swap in a fast password hasher; ``tests/test_costs.py`` proves a fresh
interpreter runs with the production values. Each password hash and key file records its own
parameters, so a file made under one setting still opens under the other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Costs:
    scrypt_n: int  # password hashes (desktop.letters.accounts)
    scrypt_r: int
    scrypt_p: int
    pkcs12_rounds: int  # PBKDF2 and MAC rounds of signing key files (desktop.signing.keys)


# About 50 ms per password hash and well under 600 ms per key unlock on an office PC.
PRODUCTION = Costs(scrypt_n=2**14, scrypt_r=8, scrypt_p=1, pkcs12_rounds=200_000)
# For tests only: cheap enough that fixtures do not spend their time hashing.
TEST = Costs(scrypt_n=2**8, scrypt_r=8, scrypt_p=1, pkcs12_rounds=2_000)

_current = PRODUCTION


def current() -> Costs:
    return _current


def use_test_costs(enabled: bool = True) -> None:
    """Tests only: switch to the cheap work factors (``False`` restores production)."""
    global _current
    _current = TEST if enabled else PRODUCTION
