"""The administrator manages staff accounts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.letters import accounts
from desktop.letters.accounts import Role
from desktop.letters.errors import AuthError
from desktop.ui.people import PeopleDialog, PeopleTableModel, PersonDialog
from desktop.ui.qt import QDialog, QLineEdit, Qt
from tests.conftest import PASSWORD
from tests.ui.driver import Driver

NEW_NIP = "199203142019032005"


@pytest.fixture
def dialog(driver: Driver, office_staff: Any) -> PeopleDialog:
    return driver.show(PeopleDialog(office_staff.store, office_staff.admin))


def saving(driver: Driver, fill: Callable[[PersonDialog], None]) -> list[PersonDialog]:
    """When the person form opens, ``fill`` it and click "Simpan", like a clerk would."""

    def handle(form: PersonDialog) -> None:
        fill(form)
        driver.click("Simpan")
        driver.wait_until(form.save_button.isEnabled, "the save to be checked")

    return driver.when_opened(PersonDialog, handle)


def type_person(driver: Driver, form: PersonDialog, username: str = "natalia") -> None:
    f = form.fields
    driver.type_into(f.name, "Natalia Itlay, A.Md")
    driver.type_into(f.nip, NEW_NIP)
    driver.pick(f.pangkat, "Pengatur (II/c)")
    driver.type_into(f.jabatan, "Pengadministrasi Persuratan")
    driver.type_into(f.username, username)
    driver.click(f.roles[Role.DRAFTER])
    driver.click(f.roles[Role.REGISTRAR])
    driver.type_into(f.password, "surat-masuk-1")
    driver.type_into(f.password_again, "surat-masuk-1")


def row_of(d: PeopleDialog, name: str) -> int:
    model = d.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0)) == name:
            return row
    raise AssertionError(f"{name} not in the list")


def test_people_model_is_a_proper_qt_model(qtmodeltester: Any, office_staff: Any) -> None:
    model = PeopleTableModel()
    model.set_people(accounts.list_people(office_staff.store))
    qtmodeltester.check(model)


def test_list_shows_staff_with_indonesian_role_names(dialog: PeopleDialog) -> None:
    assert dialog.model.rowCount() == 5
    row = row_of(dialog, "Drs. Petrus Tabuni")
    index = dialog.model.index(row, 3)
    assert dialog.model.data(index) == "Pemaraf, Penandatangan"
    assert dialog.model.data(dialog.model.index(row, 4)) == "Aktif"
    header = dialog.model.headerData(2, Qt.Orientation.Horizontal)
    assert header == "Jabatan"


def test_admin_adds_staff_with_roles_who_can_then_log_in(
    driver: Driver, dialog: PeopleDialog, office_staff: Any
) -> None:
    opened = saving(driver, lambda form: type_person(driver, form))
    driver.click("Tambah pegawai...")

    assert opened[0].windowTitle() == "Tambah pegawai"
    assert opened[0].result() == QDialog.DialogCode.Accepted
    assert dialog.model.rowCount() == 6
    chosen = dialog.selected()
    assert chosen is not None and chosen.username == "natalia"
    user = accounts.login(office_staff.store, "natalia", "surat-masuk-1")
    assert user.roles == frozenset({Role.DRAFTER, Role.REGISTRAR})


def test_service_refusals_are_shown_on_the_fields(driver: Driver, dialog: PeopleDialog) -> None:
    opened = saving(driver, lambda form: type_person(driver, form, username="budi"))
    driver.click("Tambah pegawai...")

    form = opened[0]
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.errors.message("username") == "Nama pengguna sudah dipakai."
    assert form.errors.is_invalid("username")
    assert dialog.model.rowCount() == 5


def test_form_checks_roles_and_password_before_saving(driver: Driver, dialog: PeopleDialog) -> None:
    def fill(form: PersonDialog) -> None:
        type_person(driver, form)
        driver.click(form.fields.roles[Role.DRAFTER])
        driver.click(form.fields.roles[Role.REGISTRAR])  # no role left
        driver.type_into(form.fields.password, "pendek", replace=True)

    opened = saving(driver, fill)
    driver.click("Tambah pegawai...")
    errors = opened[0].errors
    assert errors.message("roles") == "Pilih setidaknya satu peran."
    assert errors.message("password") == "Kata sandi minimal 8 karakter."


def test_admin_changes_roles_without_touching_the_password(
    driver: Driver, dialog: PeopleDialog, office_staff: Any
) -> None:
    def fill(form: PersonDialog) -> None:
        assert form.fields.name.text() == "Budi Santoso"
        assert form.fields.password.echoMode() == QLineEdit.EchoMode.Password
        driver.click(form.fields.roles[Role.REVIEWER])

    opened = saving(driver, fill)
    driver.select_row(row_of(dialog, "Budi Santoso"), dialog.table)
    driver.click("Ubah...")

    assert opened[0].windowTitle() == "Ubah data pegawai"
    user = accounts.login(office_staff.store, "budi", PASSWORD)
    assert user.roles == frozenset({Role.DRAFTER, Role.REVIEWER})


def test_deactivated_staff_cannot_log_in(
    driver: Driver, dialog: PeopleDialog, office_staff: Any
) -> None:
    row = row_of(dialog, "Budi Santoso")
    driver.select_row(row, dialog.table)
    assert dialog.active_button.text() == "Nonaktifkan"
    driver.click("Nonaktifkan")
    driver.wait_until(lambda: dialog.active_button.text() == "Aktifkan", "Budi deactivated")
    assert dialog.model.data(dialog.model.index(row_of(dialog, "Budi Santoso"), 4)) == "Nonaktif"
    with pytest.raises(AuthError):
        accounts.login(office_staff.store, "budi", PASSWORD)


def test_admin_cannot_deactivate_own_account(
    driver: Driver, dialog: PeopleDialog, messages: Any
) -> None:
    driver.select_row(row_of(dialog, "Admin Kantor"), dialog.table)
    driver.click("Nonaktifkan")
    driver.wait_until(lambda: bool(messages.texts), "the refusal")
    assert messages.texts == ["Anda tidak dapat menonaktifkan akun sendiri."]


def test_non_admin_adding_is_refused_by_the_service(driver: Driver, office_staff: Any) -> None:
    d = driver.show(PeopleDialog(office_staff.store, office_staff.drafter))

    def refused(form: PersonDialog) -> None:
        type_person(driver, form)
        driver.click("Simpan")
        driver.wait_until(form.save_button.isEnabled, "the save to be checked")
        assert form.message.isVisible()
        assert form.message.text() == "Tindakan ini memerlukan peran Administrator."

    driver.when_opened(PersonDialog, refused)
    driver.click("Tambah pegawai...")
    assert d.model.rowCount() == 5


def test_people_dialog_does_not_open_for_non_admins(
    qtbot: Any, office_staff: Any, messages: Any
) -> None:
    d = PeopleDialog(office_staff.store, office_staff.camat)
    qtbot.addWidget(d)
    assert d.exec() == QDialog.DialogCode.Rejected.value
    assert messages.texts == ["Hanya administrator yang dapat mengelola pegawai."]
