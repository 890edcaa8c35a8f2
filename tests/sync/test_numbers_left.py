"""Numbers running out offline (issue 13): what a PC has left, the message when a block is used
up, and the administrator's request for a larger block before a long time offline, granted
within the server's limit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop.letters import number_stock
from desktop.letters.errors import PermissionDenied, ValidationError
from desktop.letters.numbering import NoNumberLease
from desktop.store import clock
from desktop.store.db import backup_file, restore_backup
from desktop.store.sync_models import NumberLease, SyncState
from sync.protocol import MAX_LEASE_RESERVE
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office
from tests.sync.test_client_numbers import issue

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)


def _pc(server: Any, tmp_path: Path) -> PC:
    code, _office_id = server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    enrol(pc, server, code)
    pc.sync()
    return pc


def _left(pc: PC, username: str) -> dict[str, int]:
    found = number_stock.stock(pc.store, pc.user(username))
    assert found is not None
    return {s.series: s.left for s in found.series}


def _blocks(pc: PC, series: str = "keluar") -> list[tuple[int, int]]:
    year = clock.today().year
    with pc.store.read() as session:
        rows = session.exec(
            select(NumberLease).where(NumberLease.series == series, NumberLease.year == year)
        ).all()
    return sorted((lease.start, lease.end) for lease in rows)


def test_numbers_left_count_down_and_the_used_up_block_is_named(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory(lease_block=12, lease_low_water=3)
    pc = _pc(server, tmp_path)
    # The signer numbers outgoing letters; the administrator registers incoming ones.
    assert _left(pc, "camat") == {"keluar": 12}
    assert _left(pc, "admin") == {"masuk": 12}
    assert number_stock.stock(pc.store, pc.user("budi")) is None  # numbers nothing
    letter_id = draft(pc, "Surat")
    issue(pc, letter_id, 5)
    stock = number_stock.stock(pc.store, pc.user("camat"))
    assert stock is not None and stock.lowest.left == 7 and stock.lowest.few
    issue(pc, letter_id, 7)
    with pytest.raises(NoNumberLease) as refused:
        issue(pc, letter_id, 1)
    # Not "no block yet": the block was there and is used up, and the message says so.
    assert refused.value.used_up == 12
    assert "sudah habis terpakai" in str(refused.value) and "nomor terakhir 12" in str(
        refused.value
    )
    assert "Belum ada blok" not in str(refused.value)
    pc.sync()
    assert _left(pc, "camat") == {"keluar": 12}  # a fresh block came with the sync
    assert issue(pc, letter_id, 1) == [13]


def test_a_pc_that_never_had_a_block_still_says_so(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory()
    code, _office_id = server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    enrol(pc, server, code)  # enrolled, but no sync yet: no lease
    found = number_stock.stock(pc.store, pc.user("camat"))
    assert found is not None
    assert [(s.left, s.held) for s in found.series] == [(0, False)]
    letter_id = draft(pc, "Surat")
    with pytest.raises(NoNumberLease) as refused:
        issue(pc, letter_id, 1)
    assert refused.value.used_up is None and "Belum ada blok" in str(refused.value)


def test_a_restored_store_shows_nothing_left_and_says_why(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory(lease_block=5, lease_low_water=3)
    pc = _pc(server, tmp_path)
    letter_id = draft(pc, "Surat")
    backup = backup_file(pc.store.path, "uji")
    issue(pc, letter_id, 3)
    pc.sync()  # a newer epoch
    pc.close()
    restore_backup(tmp_path / "pc1", backup)
    pc = open_pc(tmp_path, "pc1")
    found = number_stock.stock(pc.store, pc.user("camat"))
    assert found is not None and found.void and found.lowest.left == 0
    with pytest.raises(NoNumberLease) as refused:
        issue(pc, letter_id, 1)
    assert refused.value.void and "dipulihkan dari cadangan" in str(refused.value)


def test_an_administrator_gets_a_larger_block_before_a_trip(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory(lease_block=10, lease_low_water=3, lease_reserve_max=120)
    pc = _pc(server, tmp_path)
    assert _blocks(pc) == [(1, 10)]
    admin = pc.user("admin")
    assert number_stock.request_reserve(pc.store, admin, 80) == 80
    stock = number_stock.stock(pc.store, pc.user("camat"))
    assert stock is not None and stock.reserve == 80  # waiting for the next sync
    pc.sync()
    # Topped up to 80 unused in each series it leases: 10 held + a block of 70.
    assert _blocks(pc) == [(1, 10), (11, 80)]
    assert _left(pc, "camat") == {"keluar": 80}
    assert _left(pc, "admin") == {"masuk": 80}
    with pc.store.read() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.lease_reserve == 0  # granted: not asked again
    pc.sync()
    assert _blocks(pc) == [(1, 10), (11, 80)]  # nothing more without a new request
    # A request above the server's limit gets the limit.
    number_stock.request_reserve(pc.store, admin, 5000)
    pc.sync()
    assert _left(pc, "camat") == {"keluar": 120}
    assert _blocks(pc) == [(1, 10), (11, 80), (81, 120)]


def test_a_server_with_no_reserve_allowed_gives_the_usual_blocks(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory(lease_block=10, lease_low_water=3, lease_reserve_max=0)
    pc = _pc(server, tmp_path)
    number_stock.request_reserve(pc.store, pc.user("admin"), 200)
    pc.sync()
    assert _blocks(pc) == [(1, 10)]
    assert _left(pc, "camat") == {"keluar": 10}


def test_only_an_administrator_asks_and_only_within_bounds(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory()
    pc = _pc(server, tmp_path)
    with pytest.raises(PermissionDenied):
        number_stock.request_reserve(pc.store, pc.user("camat"), 100)
    for bad in (-1, MAX_LEASE_RESERVE + 1):
        with pytest.raises(ValidationError) as refused:
            number_stock.request_reserve(pc.store, pc.user("admin"), bad)
        assert "antara 0 dan" in str(refused.value.fields["count"])
    with pc.store.read() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.lease_reserve == 0  # nothing kept from bad input


def test_a_standalone_pc_has_no_stock_and_cannot_ask(sync_engine_kind: str, tmp_path: Path) -> None:
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    assert number_stock.stock(pc.store, pc.user("camat")) is None
    with pytest.raises(number_stock.NotEnrolled):
        number_stock.request_reserve(pc.store, pc.user("admin"), 100)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--lease-reserve-max", "-1", "--lease-reserve-max must be between 0 and 10000, not -1"),
        ("--lease-reserve-max", "20000", "--lease-reserve-max must be between 0 and 10000"),
        ("--lease-block", "0", "--lease-block must be between 1 and 10000, not 0"),
    ],
)
def test_serve_refuses_a_lease_setting_out_of_range(
    sync_engine_kind: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
    message: str,
) -> None:
    from sync.server.cli import main

    db, blobs = str(tmp_path / "server.db"), str(tmp_path / "blobs")
    assert main(["init", "--db", db, "--blobs", blobs, "--no-ca"]) == 0
    capsys.readouterr()
    assert main(["serve", "--db", db, "--blobs", blobs, option, value]) == 1
    assert message in capsys.readouterr().err
