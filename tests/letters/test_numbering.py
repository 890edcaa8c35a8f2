"""Official numbers: pattern tokens, yearly reset, per-series counters, never reused, voiding."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.letters import drafting, numbering, office, workflow
from desktop.letters.errors import PermissionDenied, ValidationError
from desktop.store import clock
from tests.clocks import WIT, TestClock
from tests.conftest import Office
from tests.letters.test_lifecycle import fill_invitation


def sign_new(o: Office, on: date, kind: str = "surat_undangan") -> str:
    letter = drafting.new_draft(o.store, o.drafter, kind)
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    return workflow.sign_by_hand(o.store, o.camat, letter.id, on=on).number


def test_pattern_tokens() -> None:
    text = numbering.format_number(
        "{kode}/{urut}/{unit}/{bulan_romawi}/{bulan}/{tahun}",
        kode="400.10.2.2", seq=17, padding=3, unit="Kec.SKM", on=date(2026, 3, 3),
    )  # fmt: skip
    assert text == "400.10.2.2/017/Kec.SKM/III/03/2026"


def test_pattern_validation() -> None:
    assert numbering.pattern_problem("{kode}/{urut}/{unit}/{tahun}") is None
    assert numbering.pattern_problem("{kode}/{unit}/{tahun}") is not None  # no sequence
    assert numbering.pattern_problem("{kode}/{urut}/{nama}") is not None  # unknown token
    assert numbering.pattern_problem("{kode/{urut}") is not None


def test_sequence_resets_every_year(office_staff: Office) -> None:
    o = office_staff
    assert sign_new(o, date(2025, 12, 30)).split("/")[1] == "001"
    assert sign_new(o, date(2025, 12, 31)).split("/")[1] == "002"
    assert sign_new(o, date(2026, 1, 2)).split("/")[1] == "001"
    assert sign_new(o, date(2026, 1, 3)).split("/")[1] == "002"


def test_series_per_letter_type(office_staff: Office) -> None:
    o = office_staff
    office.update_office(o.store, o.admin, {"series_per_type": True})
    day = date(2026, 5, 4)
    assert sign_new(o, day, "surat_undangan").split("/")[1] == "001"
    assert sign_new(o, day, "surat_dinas").split("/")[1] == "001"
    assert sign_new(o, day, "surat_undangan").split("/")[1] == "002"


def test_voided_number_is_never_reused(office_staff: Office) -> None:
    o = office_staff
    day = date(2026, 6, 1)
    first = sign_new(o, day)
    register = numbering.register(o.store, 2026)
    with pytest.raises(ValidationError):
        numbering.void(o.store, o.camat, register[0].id, "")
    with pytest.raises(PermissionDenied):
        numbering.void(o.store, o.kasi, register[0].id, "salah alamat")
    numbering.void(o.store, o.camat, register[0].id, "Salah alamat, surat tidak dikirim")
    second = sign_new(o, day)
    assert first.split("/")[1] == "001" and second.split("/")[1] == "002"
    voided = numbering.register(o.store, 2026)[0]
    assert voided.voided_at is not None and voided.void_reason.startswith("Salah alamat")
    letter_status = [
        r.status
        for r in __import__("desktop.letters.queries", fromlist=["x"]).page(
            o.store, o.camat, __import__("desktop.letters.queries", fromlist=["x"]).Queue.OUTGOING
        )
    ]
    assert sorted(letter_status) == ["signed", "voided"]


def test_numbers_unique_under_many_signings(office_staff: Office) -> None:
    o = office_staff
    clock.set_clock(lambda: datetime(2026, 7, 1, 3, 0, tzinfo=UTC))
    numbers = [sign_new(o, date(2026, 7, 1)) for _ in range(12)]
    assert len(set(numbers)) == 12
    assert [n.split("/")[1] for n in numbers] == [f"{i:03d}" for i in range(1, 13)]


def test_new_year_on_a_pc_without_a_server_restarts_the_series_at_one(
    office_staff: Office, test_clock: TestClock
) -> None:
    """Signed by the clock, not by a date typed in: 31 December 23:59 and 1 January 00:01 in
    Wamena (WIT), when UTC is still on 31 December for both."""
    o = office_staff
    test_clock.freeze(datetime(2026, 12, 31, 23, 58, tzinfo=WIT))
    assert sign_today(o) == "000.1.5/001/Kec.WMN/2026"
    test_clock.freeze(datetime(2026, 12, 31, 23, 59, tzinfo=WIT))
    assert sign_today(o) == "000.1.5/002/Kec.WMN/2026"
    test_clock.freeze(datetime(2027, 1, 1, 0, 1, tzinfo=WIT))
    assert sign_today(o) == "000.1.5/001/Kec.WMN/2027"
    assert [n.seq for n in numbering.register(o.store, 2026)] == [1, 2]
    assert [n.seq for n in numbering.register(o.store, 2027)] == [1]


def sign_today(o: Office) -> str:
    """Sign a new invitation by hand on the clock's day (as the signer's button does)."""
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    signed = workflow.sign_by_hand(o.store, o.camat, letter.id)
    assert signed.letter_date == clock.today()
    return signed.number
