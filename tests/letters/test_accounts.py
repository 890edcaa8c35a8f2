"""Accounts: NIP validation, slow password hashes, lock-out, admin-only staff management."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from desktop import costs
from desktop.letters import accounts
from desktop.letters.accounts import Role
from desktop.letters.errors import AuthError, PermissionDenied, ValidationError
from desktop.letters.nip import nip_problem
from desktop.store import clock
from desktop.store.models import Person
from tests.conftest import PASSWORD, Office, person_input


@pytest.mark.parametrize(
    ("nip", "ok"),
    [
        ("198503122010011002", True),
        ("1985031220100110", False),  # 16 digits
        ("19850312201001100A", False),
        ("198513122010011002", False),  # month 13 of birth
        ("198503122010131002", False),  # appointment month 13
        ("198503122030011002", False),  # appointed in the future
        ("198503121990011002", False),  # appointed at age 4
        ("198503122010013002", False),  # sex digit 3
        ("202003122010011002", False),  # born in 2020: too young
    ],
)
def test_nip_validation(nip: str, ok: bool) -> None:
    assert (nip_problem(nip, date(2026, 11, 27)) is None) is ok


def test_password_hash_is_salted_scrypt() -> None:
    a, b = accounts.hash_password("sama-saja"), accounts.hash_password("sama-saja")
    assert a != b and a.startswith("scrypt$")
    assert accounts.check_password("sama-saja", a)
    assert not accounts.check_password("salah", a)


def test_lockout_after_five_failures(office_staff: Office) -> None:
    o = office_staff
    start = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    clock.set_clock(lambda: start)
    for _ in range(5):
        with pytest.raises(AuthError, match="salah"):
            accounts.login(o.store, "budi", "keliru")
    with pytest.raises(AuthError, match="terkunci"):
        accounts.login(o.store, "budi", PASSWORD)  # even the right password waits
    clock.set_clock(lambda: start + timedelta(minutes=16))
    assert accounts.login(o.store, "budi", PASSWORD).name == "Budi Santoso"


def test_unknown_user_gets_same_message(office_staff: Office) -> None:
    with pytest.raises(AuthError, match="Nama pengguna atau kata sandi salah"):
        accounts.login(office_staff.store, "tidakada", "apa-saja")


def test_only_admin_adds_people(office_staff: Office) -> None:
    o = office_staff
    new = person_input("Yakob Hubi", "199203032018011001", "yakob", {Role.DRAFTER})
    with pytest.raises(PermissionDenied):
        accounts.add_person(o.store, o.camat, new)
    accounts.add_person(o.store, o.admin, new)
    assert accounts.login(o.store, "yakob", PASSWORD).has(Role.DRAFTER)


def test_add_person_rejects_bad_input_and_saves_nothing(office_staff: Office) -> None:
    o = office_staff
    bad = person_input("", "123", "Bad Name", set())
    bad.password = "short"
    with pytest.raises(ValidationError) as err:
        accounts.add_person(o.store, o.admin, bad)
    assert set(err.value.fields) == {"name", "nip", "username", "roles", "password"}
    dup = person_input("Budi Dua", "199001012015031001", "budi", {Role.DRAFTER})
    with pytest.raises(ValidationError) as err:
        accounts.add_person(o.store, o.admin, dup)
    assert set(err.value.fields) == {"username", "nip"}
    with o.store.read() as s:
        assert len(s.exec(select(Person)).all()) == 5


def test_deactivated_person_cannot_log_in(office_staff: Office) -> None:
    o = office_staff
    accounts.set_active(o.store, o.admin, o.drafter.id, False)
    with pytest.raises(AuthError):
        accounts.login(o.store, "budi", PASSWORD)
    with pytest.raises(ValidationError):
        accounts.set_active(o.store, o.admin, o.admin.id, False)


def test_production_cost_is_slow_kdf() -> None:
    costs.use_test_costs(False)
    try:
        stored = accounts.hash_password("x")
    finally:
        costs.use_test_costs()
    assert costs.PRODUCTION.scrypt_n >= 2**14
    assert stored.split("$")[1] == "16384:8:1"
    assert accounts.check_password("x", stored)  # checked with the parameters it carries
