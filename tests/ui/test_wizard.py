"""First run: a clerk sets up the office with the wizard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

from desktop.letters import accounts, classification, office
from desktop.store.db import Store
from desktop.store.models import Letter
from desktop.ui.qt import QDialog, QLabel, QMessageBox, Qt, QWizard
from desktop.ui.wizard import SetupWizard
from tests.conftest import PNG_1PX
from tests.ui.driver import Driver

ADMIN_NIP = "198503122010011002"
ADMIN_PASSWORD = "kantor-2026"
NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def wizard(driver: Driver, store: Store) -> SetupWizard:
    return driver.show(SetupWizard(store))


@pytest.fixture
def logo_file(tmp_path: Path) -> Path:
    path = tmp_path / "lambang.png"
    path.write_bytes(PNG_1PX)
    return path


def fill_office(driver: Driver, w: SetupWizard) -> None:
    edits = w.office_page.fields.edits
    driver.type_into(edits["kabupaten"], "Jayawijaya")
    driver.type_into(edits["kecamatan"], "Sukamaju")
    driver.type_into(edits["address"], "Jl. Trikora No. 1, Sukamaju")
    driver.type_into(edits["phone"], "(0969) 31234")
    driver.type_into(edits["email"], "kec.sukamaju@jayawijayakab.go.id")


def fill_admin(driver: Driver, w: SetupWizard, nip: str = ADMIN_NIP) -> None:
    person = w.admin_page.person
    driver.type_into(person.name, "Yulianus Wetipo, S.Kom")
    driver.type_into(person.nip, nip)
    driver.pick(person.pangkat, "Penata Muda (III/a)")
    driver.type_into(person.jabatan, "Pengelola Sistem Informasi")
    driver.type_into(person.username, "yulianus")
    driver.type_into(person.password, ADMIN_PASSWORD)
    driver.type_into(person.password_again, ADMIN_PASSWORD)


def test_clerk_sets_up_office_end_to_end(
    qtbot: Any, driver: Driver, wizard: SetupWizard, store: Store, logo_file: Path
) -> None:
    fill_office(driver, wizard)
    fields = wizard.office_page.fields
    # Place name and unit code follow the kecamatan name until the clerk changes them.
    assert fields.edits["place_name"].text() == "Sukamaju"
    assert fields.edits["unit_code"].text() == "Kec.SKM"
    driver.choose_file(logo_file)
    driver.click("Pilih berkas...")
    assert not fields.logo.preview.pixmap().isNull()
    assert fields.logo.file_name.text() == "lambang.png"
    driver.click(wizard.button(NEXT))

    assert wizard.currentPage() is wizard.paper_page
    example = wizard.paper_page.numbering.example
    assert example.text().startswith("400.10.2.2/001/Kec.SKM/")
    driver.type_into(
        wizard.paper_page.numbering.pattern,
        "{kode}/{urut}/{unit}/{bulan_romawi}/{tahun}",
        replace=True,
    )
    assert "/Kec.SKM/" in example.text() and example.text().count("/") == 4
    driver.click("A4 (210 × 297 mm)")
    driver.click(wizard.button(NEXT))

    assert wizard.currentPage() is wizard.admin_page
    fill_admin(driver, wizard)
    # The first administrator may also draft (offered, on) and sign (offered, off).
    assert wizard.admin_page.drafter.isChecked() and not wizard.admin_page.signer.isChecked()
    driver.click(wizard.admin_page.signer)
    driver.click(wizard.button(NEXT))
    assert wizard.currentPage() is wizard.finish_page
    assert "Kecamatan Sukamaju" in wizard.finish_page.summary.text()
    assert "Peran: Pengonsep, Penandatangan, Administrator" in wizard.finish_page.summary.text()

    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        driver.click(wizard.button(FINISH))

    assert office.is_set_up(store)
    row = office.get_office(store)
    assert (row.kabupaten, row.kecamatan, row.unit_code) == ("Jayawijaya", "Sukamaju", "Kec.SKM")
    assert row.paper_size == "A4"
    assert row.number_pattern == "{kode}/{urut}/{unit}/{bulan_romawi}/{tahun}"
    assert row.logo_hash is not None
    user = accounts.login(store, "yulianus", ADMIN_PASSWORD)
    assert user.roles == {accounts.Role.ADMIN, accounts.Role.DRAFTER, accounts.Role.SIGNER}
    assert wizard.admin is not None and wizard.admin.pangkat == "Penata Muda (III/a)"
    assert classification.get(store, "800.1.11.1") is not None


def test_missing_required_fields_are_refused_and_marked(
    driver: Driver, wizard: SetupWizard, store: Store
) -> None:
    driver.click(wizard.button(NEXT))

    assert wizard.currentPage() is wizard.office_page
    errors = wizard.office_page.errors
    for key in ("kabupaten", "kecamatan", "unit_code", "address"):
        assert errors.is_invalid(key), key
    assert errors.message("kabupaten") == "Nama kabupaten wajib diisi."
    assert errors.message("address") == "Alamat kantor wajib diisi."
    assert not errors.is_invalid("phone")
    shown = wizard.findChild(QLabel, "error_kabupaten")
    assert shown is not None and shown.isVisible() and shown.text() == "Nama kabupaten wajib diisi."
    # Typing into a marked field takes its mark away.
    driver.type_into(wizard.office_page.fields.edits["kabupaten"], "Jayawijaya")
    assert not errors.is_invalid("kabupaten")
    assert errors.message("kabupaten") == ""
    assert not office.is_set_up(store)


def test_invalid_email_and_unit_code_are_explained(driver: Driver, wizard: SetupWizard) -> None:
    fill_office(driver, wizard)
    edits = wizard.office_page.fields.edits
    driver.type_into(edits["email"], "kecamatan-sukamaju", replace=True)
    driver.type_into(edits["unit_code"], "Kec/SKM", replace=True)
    driver.click(wizard.button(NEXT))
    errors = wizard.office_page.errors
    assert wizard.currentPage() is wizard.office_page
    assert errors.message("email") == "Alamat e-mail tidak valid."
    assert "tanpa garis miring" in errors.message("unit_code")


def test_invalid_nip_gets_a_clear_message(
    driver: Driver, wizard: SetupWizard, store: Store
) -> None:
    fill_office(driver, wizard)
    driver.click(wizard.button(NEXT))
    driver.click(wizard.button(NEXT))
    fill_admin(driver, wizard, nip="198513122010011002")  # month 13
    driver.click(wizard.button(NEXT))

    assert wizard.currentPage() is wizard.admin_page
    errors = wizard.admin_page.errors
    assert errors.is_invalid("admin.nip")
    assert errors.message("admin.nip") == "Tanggal lahir dalam NIP tidak valid."
    assert not office.is_set_up(store)


def test_password_confirmation_must_match(driver: Driver, wizard: SetupWizard) -> None:
    fill_office(driver, wizard)
    driver.click(wizard.button(NEXT))
    driver.click(wizard.button(NEXT))
    fill_admin(driver, wizard)
    driver.type_into(wizard.admin_page.person.password_again, "x")
    driver.click(wizard.button(NEXT))
    assert wizard.currentPage() is wizard.admin_page
    msg = wizard.admin_page.errors.message("admin.password_again")
    assert msg == "Kata sandi dan ulangannya tidak sama."


def test_non_image_logo_is_refused_and_nothing_saved(
    driver: Driver, wizard: SetupWizard, store: Store, tmp_path: Path
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("bukan gambar")
    fill_office(driver, wizard)
    driver.choose_file(fake)
    driver.click("Pilih berkas...")

    errors = wizard.office_page.errors
    assert errors.message("logo") == "Berkas logo bukan gambar PNG atau JPEG."
    driver.click(wizard.button(NEXT))
    assert wizard.currentPage() is wizard.office_page
    assert errors.message("logo") == "Berkas logo bukan gambar PNG atau JPEG."
    assert not office.is_set_up(store)
    assert not store.blob_dir.exists()

    driver.click(wizard.office_page.fields.logo.remove_button)  # go on without a logo
    assert errors.message("logo") == ""
    driver.click(wizard.button(NEXT))
    assert wizard.currentPage() is wizard.paper_page


def test_service_refusals_go_back_to_their_page(
    driver: Driver, wizard: SetupWizard, messages: Any
) -> None:
    fill_office(driver, wizard)
    driver.click(wizard.button(NEXT))
    driver.click(wizard.button(NEXT))
    fill_admin(driver, wizard)
    driver.click(wizard.button(NEXT))

    wizard.show_errors({"unit_code": "Kode unit salah.", "admin.nip": "NIP salah.",
                        "office": "Kantor ini sudah disiapkan sebelumnya."})  # fmt: skip

    assert wizard.currentPage() is wizard.office_page
    assert wizard.office_page.errors.message("unit_code") == "Kode unit salah."
    assert wizard.admin_page.errors.message("admin.nip") == "NIP salah."
    assert messages.texts == ["Kantor ini sudah disiapkan sebelumnya."]


def test_sample_data_option_fills_letters(
    qtbot: Any, driver: Driver, wizard: SetupWizard, store: Store
) -> None:
    fill_office(driver, wizard)
    driver.click(wizard.button(NEXT))
    driver.click(wizard.button(NEXT))
    fill_admin(driver, wizard)
    driver.click(wizard.button(NEXT))
    assert "latihan123" in wizard.finish_page.sample_hint.text()
    driver.click("Isi dengan data contoh untuk latihan")

    with qtbot.waitSignal(wizard.accepted, timeout=60000):
        driver.click(wizard.button(FINISH))
        assert wizard.finish_page.busy.isVisible()
        assert not wizard.button(FINISH).isEnabled()

    with store.read() as session:
        letters = session.exec(select(func.count()).select_from(Letter)).one()
    assert letters > 0
    assert accounts.login(store, "maria", "latihan123").name == "Maria Kogoya"


def test_escape_asks_before_discarding_what_was_typed(
    qtbot: Any, driver: Driver, wizard: SetupWizard, store: Store, messages: Any
) -> None:
    fill_office(driver, wizard)
    messages.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(wizard.office_page.fields.edits["kabupaten"], Qt.Key.Key_Escape)
    assert [title for _kind, title, _text in messages.shown] == ["Batalkan penyiapan?"]
    assert messages.defaults == [QMessageBox.StandardButton.No]  # Enter keeps the typing
    assert wizard.isVisible()
    assert wizard.office_page.fields.edits["kabupaten"].text() == "Jayawijaya"
    messages.answer = QMessageBox.StandardButton.Yes
    driver.click("Batal")
    assert not wizard.isVisible() and wizard.result() == QDialog.DialogCode.Rejected
    assert not office.is_set_up(store)


def test_escape_on_an_untouched_wizard_closes_it_at_once(
    qtbot: Any, wizard: SetupWizard, messages: Any
) -> None:
    qtbot.keyClick(wizard.office_page.fields.edits["kabupaten"], Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert messages.shown == []
