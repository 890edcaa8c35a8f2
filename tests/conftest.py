"""Shared fixtures: real SQLite stores in temp dirs, a set-up office with its staff.

The rules every test lives under (autouse, for the whole suite):
- Qt runs offscreen, on a 1093x574 screen; the keyring is an in-memory backend, never the machine's.
- The clocks of the PCs and of the server read a fixed instant (tests/clocks.py), in Papua's
  time zone; ``test_clock`` moves it.
- Password hashes and key files use the cheap test work factors (``desktop.costs``).
- A test fails when the app logs an error it did not expect; a test that provokes one asks for
  ``log_errors`` and checks what it holds. The crash dialog fails the test instead of opening.
- ``store`` and ``office_staff`` are copies of templates built once per session (tests/stores.py).
- The domain's handlers are registered with the sync client (``desktop.seam.install``), as the
  app does at start-up; a test that takes them away gets them back for the next one.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Offscreen, on the screen most kecamatan PCs have: a 1366x768 laptop at 125% leaves 1093x574
# logical px above the taskbar (tests/ui/test_screen_fit.py checks every window against it).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _SCREEN = Path(__file__).resolve().parent / "data" / "screen-1366x768-125.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"
os.environ["TZ"] = "Asia/Jayapura"  # Papua (WIT, UTC+9): the date turns nine hours before UTC's
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring
import pytest

from desktop import costs, seam
from desktop.letters import accounts, office
from desktop.letters.accounts import CurrentUser, PersonInput, Role
from desktop.store import clock
from desktop.store.db import Store
from sync import clock as server_clock
from tests import stores
from tests.clocks import TestClock, start_instant
from tests.memory_keyring import MemoryKeyring

time.tzset()
costs.use_test_costs()

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
def _domain_handlers() -> None:
    seam.install()


@pytest.fixture(autouse=True)
def _memory_keyring() -> Iterator[None]:
    keyring.set_keyring(MemoryKeyring())
    yield


@pytest.fixture(scope="session")
def suite_clock() -> Iterator[TestClock]:
    """The one clock of the session, read by the PCs' and the server's code."""
    test_clock = TestClock(start_instant())
    clock.set_clock(test_clock.utcnow)
    server_clock.set_clock(test_clock.utcnow)
    yield test_clock
    clock.set_clock(None)
    server_clock.set_clock(None)


@pytest.fixture(autouse=True)
def test_clock(suite_clock: TestClock) -> Iterator[TestClock]:
    """The clock, at the suite's start instant when the test begins."""
    suite_clock.reset()
    yield suite_clock
    # A test that replaced a clock (or moved this one) leaves the next one at the start instant.
    clock.set_clock(suite_clock.utcnow)
    server_clock.set_clock(suite_clock.utcnow)
    suite_clock.reset()


class _ErrorRecords(logging.Handler):
    """Collects every record of level ERROR or above, from any thread."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="session")
def _error_records() -> Iterator[_ErrorRecords]:
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)


@dataclass
class LogErrors:
    """The errors the app has logged so far in a test that expects some (``log_errors``)."""

    handler: _ErrorRecords

    @property
    def records(self) -> list[logging.LogRecord]:
        return list(self.handler.records)

    @property
    def messages(self) -> list[str]:
        return [r.getMessage() for r in self.handler.records]


@pytest.fixture
def log_errors(_error_records: _ErrorRecords) -> LogErrors:
    """Ask for this in a test that provokes logged errors, and assert on ``.messages``."""
    return LogErrors(_error_records)


@pytest.fixture(autouse=True)
def _no_unexpected_errors(
    request: pytest.FixtureRequest, _error_records: _ErrorRecords
) -> Iterator[None]:
    _error_records.records.clear()
    yield
    logged = list(_error_records.records)
    _error_records.records.clear()
    if logged and "log_errors" not in request.fixturenames:
        lines = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in logged]
        pytest.fail("the app logged errors this test did not expect:\n" + "\n".join(lines))


@pytest.fixture(autouse=True)
def _crash_dialog_fails_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug that would open the crash report dialog fails the test with its trace instead."""
    from desktop.ui import crash

    def fail(_parent: Any, exc: BaseException, trace: str) -> None:
        raise AssertionError(f"the crash dialog would open:\n{trace}") from exc

    monkeypatch.setattr(crash, "show_crash", fail)


@pytest.fixture(autouse=True, scope="session")
def _store_templates(tmp_path_factory: pytest.TempPathFactory, suite_clock: TestClock) -> None:
    root = tmp_path_factory.mktemp("store-templates")
    empty = root / "empty"
    from desktop.store.db import open_store

    open_store(empty).close()
    stores.TEMPLATES["empty"] = empty
    staffed = root / "staffed"
    store = stores.new_store(staffed)
    try:
        _staff_office(store)
    finally:
        store.close()
    stores.TEMPLATES["staffed"] = staffed


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Store]:
    """A new store; already staffed (see ``office_staff``) when the test asks for the office."""
    template = "staffed" if "office_staff" in request.fixturenames else "empty"
    s = stores.new_store(data_dir, template)
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


STAFF = [
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


def _staff_office(store: Store) -> None:
    office.setup(
        store,
        office_input(),
        person_input(
            "Admin Kantor", "198503122010011002", "admin", {Role.ADMIN}, "Pengelola Sistem"
        ),
    )
    admin = accounts.login(store, "admin", PASSWORD)
    for name, nip, username, roles, jabatan in STAFF:
        accounts.add_person(
            store, admin, person_input(name, nip, username, roles, jabatan, "Pembina (IV/a)")
        )


@pytest.fixture
def office_staff(store: Store) -> Office:
    """An office with an administrator, a drafter, two reviewers and the camat as signer
    (the store is a copy of the session's staffed template)."""
    login = lambda u: accounts.login(store, u, PASSWORD)  # noqa: E731
    admin = login("admin")
    return Office(store, admin, login("budi"), login("sari"), login("petrus"), login("camat"))


def pytest_report_header() -> str:
    return (
        f"suite clock: {start_instant().isoformat()} (NASKAH_TEST_CLOCK="
        f"{os.environ.get('NASKAH_TEST_CLOCK', 'december')}), time zone {os.environ['TZ']}"
    )
