"""Shared fixtures: real SQLite stores in temp dirs, a set-up office with its staff.

Tests run Qt offscreen and use an in-memory keyring backend, never the machine's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring
import pytest

from desktop.letters import accounts, office
from desktop.letters.accounts import CurrentUser, PersonInput, Role
from desktop.store import clock
from desktop.store.db import Store, open_store
from tests.memory_keyring import MemoryKeyring

PASSWORD = "rahasia-123"

# A 1x1 PNG (the smallest valid image) for logo fields.
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944"
    "4154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):  # type: ignore[no-untyped-def]
    # Services that render PDFs make a QGuiApplication when none exists; widgets need a
    # QApplication, so create that one first for the whole session.
    return qapp


@pytest.fixture(autouse=True)
def _memory_keyring() -> Iterator[None]:
    keyring.set_keyring(MemoryKeyring())
    yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Like Django's test hashers: the production cost (n=2**14) is checked in test_accounts;
    # elsewhere a cheap cost keeps fixtures fast. Stored hashes carry their own parameters.
    monkeypatch.setattr(accounts, "_SCRYPT", {"n": 2**8, "r": 8, "p": 1})


@pytest.fixture(autouse=True)
def _real_clock() -> Iterator[None]:
    yield
    clock.set_clock(None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = open_store(data_dir)
    yield s
    s.close()


def office_input(**overrides: object) -> office.OfficeInput:
    values: dict[str, object] = dict(
        kabupaten="Jayawijaya",
        kecamatan="Wamena",
        unit_code="Kec.WMN",
        address="Jl. Yos Sudarso No. 1, Wamena",
        phone="(0969) 31234",
        email="kecamatan.wamena@jayawijayakab.go.id",
        website="wamena.jayawijayakab.go.id",
        logo=PNG_1PX,
    )
    values.update(overrides)
    return office.OfficeInput(**values)  # type: ignore[arg-type]


def person_input(name: str, nip: str, username: str, roles: set[Role], jabatan: str = "Staf",
                 pangkat: str = "Penata (III/c)") -> PersonInput:  # fmt: skip
    return PersonInput(name, nip, pangkat, jabatan, username, frozenset(roles), PASSWORD)


@dataclass
class Office:
    store: Store
    admin: CurrentUser
    drafter: CurrentUser
    kasi: CurrentUser
    sekcam: CurrentUser
    camat: CurrentUser


@pytest.fixture
def office_staff(store: Store) -> Office:
    """An office with an administrator, a drafter, two reviewers and the camat as signer."""
    office.setup(
        store,
        office_input(),
        person_input(
            "Admin Kantor", "198503122010011002", "admin", {Role.ADMIN}, "Pengelola Sistem"
        ),
    )
    admin = accounts.login(store, "admin", PASSWORD)
    staff = [
        ("Budi Santoso", "199001012015031001", "budi", {Role.DRAFTER}, "Pengadministrasi Umum"),
        ("Sari Wulandari", "198705052012022003", "sari", {Role.REVIEWER}, "Kepala Seksi"),
        (
            "Drs. Petrus Tabuni",
            "197512121999031004",
            "petrus",
            {Role.REVIEWER, Role.SIGNER},
            "Sekretaris Kecamatan",
        ),
        ("Agustinus Mabel, S.IP", "197008171994031006", "camat", {Role.SIGNER}, "Camat Wamena"),
    ]
    for name, nip, username, roles, jabatan in staff:
        accounts.add_person(
            store, admin, person_input(name, nip, username, roles, jabatan, "Pembina (IV/a)")
        )
    login = lambda u: accounts.login(store, u, PASSWORD)  # noqa: E731
    return Office(store, admin, login("budi"), login("sari"), login("petrus"), login("camat"))
