"""The administrator changes the office settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.letters import office
from desktop.render.dates import roman_month
from desktop.store import clock
from desktop.ui.qt import QDialog
from desktop.ui.settings import OfficeSettingsDialog
from tests.ui.driver import Driver

NUMBER_TAB = 2  # "Nomor surat"


@pytest.fixture
def dialog(driver: Driver, office_staff: Any) -> OfficeSettingsDialog:
    return driver.show(OfficeSettingsDialog(office_staff.store, office_staff.admin))


def save(driver: Driver, d: OfficeSettingsDialog) -> None:
    driver.click("Simpan")
    driver.wait_until(d.save_button.isEnabled, "the save to be checked")


def test_settings_show_the_current_office(dialog: OfficeSettingsDialog) -> None:
    assert dialog.windowTitle() == "Pengaturan kantor"
    assert dialog.kop.edits["kecamatan"].text() == "Wamena"
    assert dialog.kop.edits["unit_code"].text() == "Kec.WMN"
    assert dialog.paper.f4.isChecked()
    assert not dialog.kop.logo.preview.pixmap().isNull()  # the stored logo
    example = dialog.numbering.example.text()
    assert example == f"400.10.2.2/001/Kec.WMN/{clock.today().year}"


def test_admin_changes_number_pattern_and_paper_size(
    qtbot: Any, driver: Driver, dialog: OfficeSettingsDialog, office_staff: Any
) -> None:
    driver.open_tab(dialog.tabs, "Nomor surat")
    numbering = dialog.numbering
    driver.type_into(numbering.pattern, "{kode}/{urut}/{unit}/{bulan_romawi}/{tahun}", replace=True)
    numbering.padding.setValue(4)
    today = clock.today()
    assert numbering.example.text() == (
        f"400.10.2.2/0001/Kec.WMN/{roman_month(today.month)}/{today.year}"
    )
    driver.open_tab(dialog.tabs, "Kertas dan huruf")
    driver.click("A4 (210 × 297 mm)")
    dialog.font_pt.setValue(11.5)

    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        driver.click("Simpan")

    row = office.get_office(office_staff.store)
    assert row.number_pattern == "{kode}/{urut}/{unit}/{bulan_romawi}/{tahun}"
    assert row.number_padding == 4
    assert row.paper_size == "A4"
    assert row.font_pt == 11.5
    assert row.kecamatan == "Wamena"  # untouched


def test_unusable_pattern_is_explained_and_not_saved(
    driver: Driver, dialog: OfficeSettingsDialog, office_staff: Any
) -> None:
    driver.open_tab(dialog.tabs, "Nomor surat")
    driver.type_into(dialog.numbering.pattern, "{kode}/{nomor}/{tahun}", replace=True)
    assert dialog.errors.message("number_pattern") == "Token tidak dikenal dalam pola nomor: nomor."
    assert dialog.numbering.example.text() == "—"
    driver.open_tab(dialog.tabs, "Kop surat")

    save(driver, dialog)

    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == NUMBER_TAB  # where the problem is
    assert dialog.errors.is_invalid("number_pattern")
    assert office.get_office(office_staff.store).number_pattern == "{kode}/{urut}/{unit}/{tahun}"


def test_bad_unit_code_and_non_image_logo_are_refused(
    driver: Driver, dialog: OfficeSettingsDialog, office_staff: Any, tmp_path: Path
) -> None:
    fake = tmp_path / "logo.jpg"
    fake.write_bytes(b"%PDF-1.7 not an image")
    driver.choose_file(fake)
    driver.click("Pilih berkas...")
    assert dialog.errors.message("logo") == "Berkas logo bukan gambar PNG atau JPEG."
    driver.type_into(dialog.kop.edits["unit_code"], "Kec/WMN", replace=True)

    save(driver, dialog)

    assert dialog.isVisible()
    assert "tanpa garis miring" in dialog.errors.message("unit_code")
    assert dialog.errors.message("logo") == "Berkas logo bukan gambar PNG atau JPEG."
    row = office.get_office(office_staff.store)
    assert row.unit_code == "Kec.WMN"


def test_settings_do_not_open_for_non_admins(qtbot: Any, office_staff: Any, messages: Any) -> None:
    d = OfficeSettingsDialog(office_staff.store, office_staff.drafter)
    qtbot.addWidget(d)
    assert d.exec() == QDialog.DialogCode.Rejected.value
    assert messages.texts == ["Hanya administrator yang dapat mengubah pengaturan kantor."]
