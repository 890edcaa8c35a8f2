"""Official numbers on enrolled PCs: issued only from the server's leases, never twice.

Five PCs number letters offline at the same time; a forged number outside any lease is refused;
a PC whose store is restored from a backup neither reissues a number it already used nor trusts
leases the backup still lists.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import select as select_rows

from desktop.letters import journal, numbering
from desktop.letters.numbering import NoNumberLease
from desktop.store import clock
from desktop.store.db import backup_file, restore_backup
from desktop.store.models import IssuedNumber, Letter, Office
from desktop.store.sync_models import Conflict, NumberLease
from sync.client import engine
from sync.protocol import Entity
from sync.server import db
from tests.clocks import TestClock
from tests.sync.pcs import PC, count, draft, enrol, open_pc, set_up_office, sign, snapshot

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)


def issue(pc: PC, letter_id: str, n: int, per_transaction: int = 1) -> list[int]:
    """Number ``n`` times straight through the numbering service, as signing does."""
    on = clock.today()
    user = pc.user("camat")
    seqs: list[int] = []
    while len(seqs) < n:
        with pc.store.write() as session:
            office = session.exec(select_rows(Office)).one()
            letter = session.exec(select_rows(Letter).where(Letter.id == letter_id)).one()
            for _ in range(min(per_transaction, n - len(seqs))):
                seqs.append(numbering.issue(session, office, user.id, letter, on).seq)
    return seqs


def server_numbers(server: Any, office_id: str) -> tuple[int, int]:
    """(numbers, distinct (series, year, seq)) the server holds for the office."""
    t = db.issued_numbers
    with db.read_tx(server.engine) as conn:
        total = conn.execute(
            select(func.count()).select_from(t).where(t.c.office_id == office_id)
        ).scalar_one()
        distinct = conn.execute(
            select(func.count()).select_from(
                select(t.c.series, t.c.year, t.c.seq)
                .where(t.c.office_id == office_id)
                .distinct()
                .subquery()
            )
        ).scalar_one()
    return int(total), int(distinct)


def _office(server: Any, tmp_path: Path, names: list[str]) -> tuple[str, list[PC]]:
    code, office_id = server.new_office()
    pcs = [open_pc(tmp_path, name) for name in names]
    set_up_office(pcs[0])
    for pc in pcs:
        enrol(pc, server, code)
        pc.sync()
    return office_id, pcs


@pytest.mark.parametrize("each", [40, pytest.param(200, marks=pytest.mark.slow)])
def test_five_pcs_offline_never_share_a_number(
    sync_server_factory: Callable[..., Any], tmp_path: Path, each: int
) -> None:
    server = sync_server_factory(lease_block=each + 50, lease_low_water=50)
    office_id, pcs = _office(server, tmp_path, [f"pc{i}" for i in range(5)])
    issued: list[int] = []
    for pc in pcs:  # all offline now
        letter_id = draft(pc, f"Surat dari {pc.name}")
        issued += issue(pc, letter_id, each, per_transaction=20)
    assert len(issued) == len(set(issued)) == 5 * each
    for pc in pcs + pcs:
        assert pc.sync().rejected == 0
    assert server_numbers(server, office_id) == (5 * each, 5 * each)
    for pc in pcs:
        assert count(pc.store, "SELECT count(*) FROM issued_number") == 5 * each
    assert snapshot(pcs[0].store) == snapshot(pcs[4].store)


def test_number_outside_the_lease_is_refused(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory()
    office_id, (pc,) = _office(server, tmp_path, ["pc1"])
    letter_id = draft(pc, "Surat")
    camat = pc.user("camat")
    with pc.store.write() as session:  # a number no lease covers, written past the service
        forged = IssuedNumber(
            series="keluar", year=clock.today().year, seq=9999, text="000/9999/X/2026",
            letter_id=letter_id, issued_by=camat.id,
        )  # fmt: skip
        journal.record(session, camat.id, "number.issue", Entity.ISSUED_NUMBER, forged)
    report = pc.sync()
    assert report.rejected == 1
    with pc.store.read() as session:
        (kept,) = session.exec(select_rows(Conflict).where(Conflict.entity_id == forged.id)).all()
    assert "di luar blok" in kept.reason and kept.version == 0
    assert server_numbers(server, office_id) == (0, 0)


def test_restored_store_does_not_reissue(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory()
    office_id, (pc,) = _office(server, tmp_path, ["pc1"])
    letter_id = draft(pc, "Surat")
    assert issue(pc, letter_id, 3) == [1, 2, 3]
    pc.sync()
    backup = backup_file(pc.store.path, "uji")
    assert issue(pc, letter_id, 2) == [4, 5]  # used after the backup was taken
    pc.sync()
    pc.close()
    restore_backup(tmp_path / "pc1", backup)
    pc = open_pc(tmp_path, "pc1")
    assert issue(pc, letter_id, 1) == [6]  # the keyring remembers 5 was used
    assert pc.sync().rejected == 0
    assert server_numbers(server, office_id) == (6, 6)


def test_restored_store_with_an_older_lease_epoch_waits_for_fresh_leases(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory(lease_block=5, lease_low_water=3)
    office_id, (pc,) = _office(server, tmp_path, ["pc1"])
    letter_id = draft(pc, "Surat")
    backup = backup_file(pc.store.path, "uji")  # holds the first lease (1-5)
    assert issue(pc, letter_id, 3) == [1, 2, 3]
    pc.sync()  # few left: a new grant (6-10) with a newer epoch
    pc.close()
    restore_backup(tmp_path / "pc1", backup)
    pc = open_pc(tmp_path, "pc1")
    state = engine.state_of(pc.store)
    assert state is not None and engine.sync_models.leases_void(state)
    with pytest.raises(NoNumberLease):
        issue(pc, letter_id, 1)
    assert pc.sync().rejected == 0  # all old leases voided, fresh ones granted
    with pc.store.read() as session:
        leases = session.exec(select_rows(NumberLease)).all()
    year = clock.today().year
    # The outgoing series (the PC also holds leases of the incoming agenda series, "masuk").
    by_year = {lease.year: (lease.start, lease.end) for lease in leases if lease.series == "keluar"}
    assert by_year.pop(year) == (11, 15)  # this year's: after every block granted before
    if clock.today().month == 12:
        # In December the server also leases next year's series (a PC offline over new year
        # still numbers in January). The block the backup held (1-5) is void too: the fresh
        # one follows it.
        assert by_year.pop(year + 1) == (6, 10)
    assert by_year == {}
    assert issue(pc, letter_id, 1) == [11]
    assert pc.sync().rejected == 0
    assert server_numbers(server, office_id) == (4, 4)


def test_a_pc_that_worked_standalone_keeps_its_numbers_when_enrolled(
    sync_server_factory: Callable[..., Any], tmp_path: Path, test_clock: TestClock
) -> None:
    """Work first, server later: the office adopts the numbers the PC issued on its own."""
    server = sync_server_factory()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    letters = [draft(pc, f"Surat {i}") for i in range(4)]
    assert [sign(pc, letter_id).split("/")[1] for letter_id in letters[:3]] == [
        "001", "002", "003"
    ]  # fmt: skip
    test_clock.advance(timedelta(days=3))
    code, office_id = server.new_office()
    enrol(pc, server, code)
    report = pc.sync()
    assert report.rejected == 0 and report.conflicts == 0
    assert server_numbers(server, office_id) == (3, 3)
    assert sign(pc, letters[3]).split("/")[1] == "004"  # the first block starts above them
    assert pc.sync().rejected == 0


def test_standalone_numbers_that_collide_are_refused_with_what_to_do(
    sync_server_factory: Callable[..., Any], tmp_path: Path, test_clock: TestClock
) -> None:
    server = sync_server_factory()
    code, office_id = server.new_office()
    first = open_pc(tmp_path, "pc1")
    set_up_office(first)
    enrol(first, server, code)
    first.sync()  # holds the office's first block (1-50)
    later = open_pc(tmp_path, "pc2")
    set_up_office(later)
    letter_id = draft(later, "Surat dari PC yang belum terdaftar")
    assert sign(later, letter_id).split("/")[1] == "001"
    test_clock.advance(timedelta(days=1))
    enrol(later, server, code)
    assert later.sync().rejected == 1
    with later.store.read() as session:
        (kept,) = session.exec(
            select_rows(Conflict).where(Conflict.entity == Entity.ISSUED_NUMBER.value)
        ).all()
    assert "sudah dibagikan ke PC lain" in kept.reason and "batalkan nomor itu" in kept.reason
    assert server_numbers(server, office_id) == (0, 0)
