"""New Year, the most delicate night of an office's numbering, as a story.

Papua's offices (WIT, UTC+9) cross into the new year nine hours before the server's UTC clock.
PCs that were offline over New Year number letters on 31 December 23:59 and 1 January 00:01
from the leases of both years the server granted in December, sync late in January, and no
number is refused, lost or issued twice; each year's series starts at 1.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import select as select_rows

from desktop.letters import workflow
from desktop.letters.numbering import NoNumberLease
from desktop.store.models import Letter
from desktop.store.sync_models import NumberLease
from sync.server import db
from tests.clocks import WIT, TestClock
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office, sign, snapshot

DEC_20 = datetime(2026, 12, 20, 10, 0, tzinfo=WIT)
DEC_31_2359 = datetime(2026, 12, 31, 23, 59, tzinfo=WIT)
JAN_1_0001 = datetime(2027, 1, 1, 0, 1, tzinfo=WIT)  # still 31 December, 15:01, in UTC
JAN_5 = datetime(2027, 1, 5, 8, 0, tzinfo=WIT)


def leases(pc: PC) -> dict[int, list[tuple[int, int]]]:
    """The PC's live lease blocks of outgoing numbers by year (the incoming agenda series,
    "masuk", is leased alongside)."""
    with pc.store.read() as session:
        rows = [r for r in session.exec(select_rows(NumberLease)).all() if r.series == "keluar"]
    out: dict[int, list[tuple[int, int]]] = {}
    for lease in sorted(rows, key=lambda r: (r.year, r.start)):
        out.setdefault(lease.year, []).append((lease.start, lease.end))
    return out


def server_numbers(server: Any, office_id: str) -> set[tuple[int, int]]:
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(db.issued_numbers.c.year, db.issued_numbers.c.seq).where(
                db.issued_numbers.c.office_id == office_id
            )
        ).all()
    return {(int(r.year), int(r.seq)) for r in rows}


def letter(pc: PC, letter_id: str) -> Letter:
    with pc.store.read() as session:
        return session.exec(select_rows(Letter).where(Letter.id == letter_id)).one()


def test_two_pcs_offline_over_new_year_sync_late_in_january(
    sync_server_factory: Callable[..., Any], tmp_path: Path, test_clock: TestClock
) -> None:
    test_clock.at(DEC_20)
    server = sync_server_factory(lease_block=10, lease_low_water=3)
    code, office_id = server.new_office()
    pc1, pc2 = open_pc(tmp_path, "pc1"), open_pc(tmp_path, "pc2")
    set_up_office(pc1)
    for pc in (pc1, pc2):
        enrol(pc, server, code)
        pc.sync()
    # In December each PC holds a block of this year and one of next year, disjoint.
    assert leases(pc1) == {2026: [(1, 10)], 2027: [(1, 10)]}
    assert leases(pc2) == {2026: [(11, 20)], 2027: [(11, 20)]}
    # Then the link goes down until January.
    old_year, on_pc2, new_year = (
        draft(pc1, "Laporan Akhir Tahun"),
        draft(pc2, "Undangan"),
        draft(pc1, "Surat Tahun Baru"),
    )
    test_clock.freeze(DEC_31_2359)
    assert sign(pc1, old_year) == "000.1.5/001/Kec.WMN/2026"
    test_clock.freeze(JAN_1_0001)
    assert sign(pc2, on_pc2) == "000.1.5/011/Kec.WMN/2027"
    assert sign(pc1, new_year) == "000.1.5/001/Kec.WMN/2027"  # the series starts again at 1
    assert letter(pc1, old_year).letter_date == date(2026, 12, 31)
    assert letter(pc1, new_year).letter_date == date(2027, 1, 1)
    assert letter(pc2, on_pc2).letter_date == date(2027, 1, 1)

    test_clock.at(JAN_5)  # a late sync, in January on both clocks
    for pc in (pc1, pc2, pc1):
        report = pc.sync()
        assert report.rejected == 0 and report.conflicts == 0
    assert server_numbers(server, office_id) == {(2026, 1), (2027, 1), (2027, 11)}
    assert snapshot(pc1.store) == snapshot(pc2.store)
    # In January nobody is granted next year's block yet; last year's leases stay for letters
    # still to be synced, and nothing is handed out for them any more.
    assert 2028 not in leases(pc1) and 2028 not in leases(pc2)
    assert leases(pc1)[2026] == [(1, 10)]


def test_a_pc_that_last_synced_in_november_numbers_the_new_year_after_one_sync(
    sync_server_factory: Callable[..., Any], tmp_path: Path, test_clock: TestClock
) -> None:
    test_clock.at(datetime(2026, 11, 20, 10, 0, tzinfo=WIT))
    server = sync_server_factory(lease_block=10, lease_low_water=3)
    code, _ = server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    enrol(pc, server, code)
    pc.sync()
    assert set(leases(pc)) == {2026}
    letter_id = draft(pc, "Undangan Musrenbang")
    test_clock.freeze(JAN_1_0001)
    with pytest.raises(NoNumberLease):
        sign(pc, letter_id)  # no block of 2027 yet: a clear refusal, nothing numbered
    assert letter(pc, letter_id).number in ("", None)
    # Five minutes past midnight in Wamena it is still 31 December on the server: it grants
    # next year's block as it does all December, so the PC numbers at once.
    test_clock.at(datetime(2027, 1, 1, 0, 5, tzinfo=WIT))
    assert pc.sync().rejected == 0
    assert set(leases(pc)) == {2026, 2027}
    done = workflow.sign_by_hand(pc.store, pc.user("camat"), letter_id)
    assert done.number == "000.1.5/001/Kec.WMN/2027" and done.letter_date == date(2027, 1, 1)
    assert pc.sync().rejected == 0
