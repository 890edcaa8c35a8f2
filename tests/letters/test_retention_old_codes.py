"""Letters under obsolete 78/2012 codes: their berkas take the retention of the current
83/2022 codes the old code corresponds to, where the shipped schedule gives those codes one
complete, uniform figure; the others are named with the reason, and the office's own rule for
an old code comes first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.letters import filing, retention
from desktop.letters.filing import BerkasInput
from tests.clocks import WIT, TestClock
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def test_every_shipped_old_code_is_mapped_or_says_why_not(o: IncomingOffice) -> None:
    found = {x.code: x for x in retention.old_codes(o.store)}
    # Every obsolete code the app ships has a line in the concordance.
    assert set(found) == set(retention.concordance())
    mapped = {c: (x.rule.active_years, x.rule.inactive_years, x.rule.final_fate)
              for c, x in found.items() if x.rule is not None}  # fmt: skip
    assert mapped["851"] == (1, 1, "musnah")  # Cuti Tahunan = 800.1.11.4
    assert mapped["852"] == (2, 3, "musnah")  # Cuti Besar = 800.1.11.6
    assert mapped["094"] == (5, 3, "musnah")  # Perjalanan dinas pegawai
    assert mapped["474.2"] == (2, 3, "permanen")  # Kuantitas penduduk
    assert "800.1.11.6" in found["852"].rule.note  # type: ignore[union-attr]
    # Each code left without a rule says why.
    assert "Tidak ada padanannya" in found["005"].reason  # Undangan
    assert "tidak seragam" in found["850"].reason  # Cuti: 1+1 and 2+3
    assert "belum semua punya jadwal retensi lengkap" in found["821"].reason  # conditional fate
    for x in found.values():
        assert (x.rule is None) == bool(x.reason), x.code
        print(x.code, "->", " ".join(x.new_codes) or "-", "|",
              (x.rule.active_years, x.rule.inactive_years, x.rule.final_fate) if x.rule
              else x.reason)  # fmt: skip


def test_a_berkas_under_an_old_code_falls_due_by_its_equivalent_and_the_rest_are_named(
    o: IncomingOffice, tmp_path: Path, test_clock: TestClock
) -> None:
    now = test_clock.now()
    test_clock.at(datetime(now.year - 5, now.month, now.day, 9, 0, tzinfo=WIT))
    leave = register(o, [write_pdf(tmp_path, "a.pdf", 1)], classification_code="852",
                     sender_number="CB/1", hal="Permohonan cuti besar")  # fmt: skip
    invitation = register(o, [write_pdf(tmp_path, "b.pdf", 1, "B")], classification_code="005",
                          sender_number="UND/2", hal="Undangan rapat lama")  # fmt: skip
    for letter, title in ((leave, "Cuti besar lama"), (invitation, "Undangan lama")):
        filing.file_letter(
            o.store, o.registrar, "masuk", letter.id,
            new_berkas=BerkasInput(letter.classification_code, letter.received_date.year, title),
        )  # fmt: skip
    test_clock.at(now)

    report = retention.report(o.store)

    (due,) = report.due
    assert (due.row.berkas.classification_code, due.action) == ("852", "musnah")  # 2+3 passed
    assert due.rule.source == "padanan"
    assert [r.berkas.classification_code for r in report.without_rule] == ["005"]
    assert report.unmapped == {"005": "Tidak ada padanannya dalam Permendagri 83/2022."}

    # The administrator decides the invitation's rule; it then counts like any other.
    retention.set_rule(
        o.store, o.admin, "005", active_years=2, inactive_years=1, final_fate="musnah"
    )
    again = retention.report(o.store)
    assert sorted(d.row.berkas.classification_code for d in again.due) == ["005", "852"]
    assert again.without_rule == [] and again.unmapped == {}
