"""The app runs with the production work factors: the suite's cheap ones are for tests only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop import costs

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes
from datetime import datetime, timedelta, UTC

from desktop import costs
from desktop.letters import accounts
from desktop.signing import keys

key = ec.generate_private_key(ec.SECP256R1())
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Uji")])
start = datetime(2026, 1, 1, tzinfo=UTC)
cert = (
    x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
    .serial_number(1).not_valid_before(start).not_valid_after(start + timedelta(days=30))
    .sign(key, hashes.SHA256())
)
data = keys.serialize_key_file(key, cert, [], "Frasa Sandi Uji 2026")
pfx = asn1_pkcs12.Pfx.load(data)
print(costs.current() == costs.PRODUCTION)
print(pfx["mac_data"]["iterations"].native)
print(accounts.hash_password("rahasia-123").split("$")[1])
"""


def test_a_fresh_interpreter_uses_the_production_work_factors() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "200000", "16384:8:1"]
    assert costs.PRODUCTION.pkcs12_rounds == 200_000


def test_the_suite_runs_with_the_cheap_test_work_factors() -> None:
    assert costs.current() == costs.TEST
