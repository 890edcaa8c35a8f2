"""Retention of letters under obsolete 78/2012 codes at the screen: Arsip > Retensi lists the
berkas of an old leave code (852 Cuti Besar) as due by its current equivalent and names the old
code that cannot be mapped (005 Undangan) with the reason; Arsip > Jadwal retensi shows the old
codes, where the administrator sets the missing rule."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.letters import filing
from desktop.letters.filing import BerkasInput
from desktop.ui.retention import RetentionDialog, ScheduleDialog
from tests.clocks import WIT, TestClock
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf
from tests.ui.driver import Driver
from tests.ui.test_filing_flow import cells


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def test_old_codes_in_the_retention_list_and_the_schedule(
    driver: Driver, o: IncomingOffice, tmp_path: Path, test_clock: TestClock
) -> None:
    now = test_clock.now()
    test_clock.at(datetime(now.year - 5, now.month, now.day, 9, 0, tzinfo=WIT))
    for code, name, title in (("852", "a", "Cuti besar lama"), ("005", "b", "Undangan lama")):
        letter = register(o, [write_pdf(tmp_path, f"{name}.pdf", 1, name)],
                          classification_code=code, sender_number=f"{code}/1")  # fmt: skip
        filing.file_letter(
            o.store, o.registrar, "masuk", letter.id,
            new_berkas=BerkasInput(code, letter.received_date.year, title),
        )  # fmt: skip
    test_clock.at(now)

    driver.log_in(o.store, o.admin)

    def look(dialog: RetentionDialog) -> None:
        driver.wait_until(lambda: len(cells(dialog.table)) == 1, "the due berkas")
        due = cells(dialog.table)[0]
        assert due[:3] == ["Musnah", "852", "Cuti besar lama"]
        assert "2 th aktif + 3 th inaktif" in due[5]
        assert due[8].startswith("JRA lewat padanan 83/2022; kode lama 78/2012, mengikuti")
        assert "800.1.11.6" in due[8]
        assert dialog.without.isVisible()
        assert "Kode lama 005 (78/2012): Tidak ada padanannya dalam Permendagri 83/2022." in (
            dialog.without.text()
        )

    # The first announcement of a kind handles every one: the first look, then the second.
    steps = [look]
    driver.when_opened(RetentionDialog, lambda dialog: steps.pop(0)(dialog))
    driver.click("Arsip", "Retensi...")

    def set_rule(dialog: ScheduleDialog) -> None:
        driver.type_into(dialog.search, "005")
        driver.wait_until(
            lambda: bool(cells(dialog.table)) and cells(dialog.table)[0][0] == "005", "the code"
        )
        row = cells(dialog.table)[0]
        assert row[1] == "[kode lama] Undangan" and row[2:6] == ["", "", "", ""]
        assert row[6] == "Tidak ada padanannya dalam Permendagri 83/2022."
        driver.select_row(0, table=dialog.table)
        driver.type_into(dialog.active, "2", replace=True)
        driver.type_into(dialog.inactive, "1", replace=True)
        driver.pick(dialog.fate, "Musnah")
        driver.click("Simpan aturan kantor", within=dialog)
        driver.wait_until(lambda: cells(dialog.table)[0][5] == "aturan kantor", "the rule")

    driver.when_opened(ScheduleDialog, set_rule)
    driver.click("Arsip", "Jadwal retensi...")

    def both_due(dialog: RetentionDialog) -> None:
        driver.wait_until(lambda: len(cells(dialog.table)) == 2, "both berkas due")
        assert not dialog.without.isVisible()

    steps.append(both_due)
    driver.click("Arsip", "Retensi...")
