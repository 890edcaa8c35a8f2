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

NEW_NIP = "199203142019032005"


@pytest.fixture
def dialog(qtbot: Any, office_staff: Any) -> PeopleDialog:
    d = PeopleDialog(office_staff.store, office_staff.admin)
    qtbot.addWidget(d)
    d.show()
    return d


@pytest.fixture
def drive_form(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, click: Any
) -> Callable[[Callable[[PersonDialog], None]], list[PersonDialog]]:
    """Make the person form, when opened, be filled by ``fill`` and saved, like a clerk would."""

    def install(fill: Callable[[PersonDialog], None]) -> list[PersonDialog]:
        opened: list[PersonDialog] = []

        def exec_(form: PersonDialog) -> int:
            opened.append(form)
            qtbot.addWidget(form)
            form.show()
            fill(form)
            click(form.save_button)
            qtbot.waitUntil(form.save_button.isEnabled, timeout=5000)
            return form.result()

        monkeypatch.setattr(PersonDialog, "exec", exec_)
        return opened

    return install


def type_person(qtbot: Any, form: PersonDialog, click: Any, username: str = "natalia") -> None:
    f = form.fields
    qtbot.keyClicks(f.name, "Natalia Itlay, A.Md")
    qtbot.keyClicks(f.nip, NEW_NIP)
    f.pangkat.setCurrentText("Pengatur (II/c)")
    qtbot.keyClicks(f.jabatan, "Pengadministrasi Persuratan")
    qtbot.keyClicks(f.username, username)
    click(f.roles[Role.DRAFTER])
    click(f.roles[Role.REGISTRAR])
    qtbot.keyClicks(f.password, "surat-masuk-1")
    qtbot.keyClicks(f.password_again, "surat-masuk-1")


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
    qtbot: Any, dialog: PeopleDialog, office_staff: Any, drive_form: Any, click: Any
) -> None:
    opened = drive_form(lambda form: type_person(qtbot, form, click))
    click(dialog.add_button)

    assert opened[0].windowTitle() == "Tambah pegawai"
    assert opened[0].result() == QDialog.DialogCode.Accepted
    assert dialog.model.rowCount() == 6
    chosen = dialog.selected()
    assert chosen is not None and chosen.username == "natalia"
    user = accounts.login(office_staff.store, "natalia", "surat-masuk-1")
    assert user.roles == frozenset({Role.DRAFTER, Role.REGISTRAR})


def test_service_refusals_are_shown_on_the_fields(
    qtbot: Any, dialog: PeopleDialog, drive_form: Any, click: Any
) -> None:
    opened = drive_form(lambda form: type_person(qtbot, form, click, username="budi"))
    click(dialog.add_button)

    form = opened[0]
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.errors.message("username") == "Nama pengguna sudah dipakai."
    assert form.errors.is_invalid("username")
    assert dialog.model.rowCount() == 5


def test_form_checks_roles_and_password_before_saving(
    qtbot: Any, dialog: PeopleDialog, drive_form: Any, click: Any
) -> None:
    def fill(form: PersonDialog) -> None:
        type_person(qtbot, form, click)
        click(form.fields.roles[Role.DRAFTER])
        click(form.fields.roles[Role.REGISTRAR])  # no role left
        form.fields.password.setText("pendek")

    opened = drive_form(fill)
    click(dialog.add_button)
    errors = opened[0].errors
    assert errors.message("roles") == "Pilih setidaknya satu peran."
    assert errors.message("password") == "Kata sandi minimal 8 karakter."


def test_admin_changes_roles_without_touching_the_password(
    qtbot: Any, dialog: PeopleDialog, office_staff: Any, drive_form: Any, click: Any
) -> None:
    def fill(form: PersonDialog) -> None:
        assert form.fields.name.text() == "Budi Santoso"
        assert form.fields.password.echoMode() == QLineEdit.EchoMode.Password
        click(form.fields.roles[Role.REVIEWER])

    opened = drive_form(fill)
    dialog.table.selectRow(row_of(dialog, "Budi Santoso"))
    click(dialog.edit_button)

    assert opened[0].windowTitle() == "Ubah data pegawai"
    user = accounts.login(office_staff.store, "budi", PASSWORD)
    assert user.roles == frozenset({Role.DRAFTER, Role.REVIEWER})


def test_deactivated_staff_cannot_log_in(
    qtbot: Any, dialog: PeopleDialog, office_staff: Any, click: Any
) -> None:
    row = row_of(dialog, "Budi Santoso")
    dialog.table.selectRow(row)
    assert dialog.active_button.text() == "Nonaktifkan"
    click(dialog.active_button)
    qtbot.waitUntil(lambda: dialog.active_button.text() == "Aktifkan")
    assert dialog.model.data(dialog.model.index(row_of(dialog, "Budi Santoso"), 4)) == "Nonaktif"
    with pytest.raises(AuthError):
        accounts.login(office_staff.store, "budi", PASSWORD)


def test_admin_cannot_deactivate_own_account(
    qtbot: Any, dialog: PeopleDialog, messages: Any, click: Any
) -> None:
    dialog.table.selectRow(row_of(dialog, "Admin Kantor"))
    click(dialog.active_button)
    qtbot.waitUntil(lambda: bool(messages.texts))
    assert messages.texts == ["Anda tidak dapat menonaktifkan akun sendiri."]


def test_non_admin_adding_is_refused_by_the_service(
    qtbot: Any, office_staff: Any, drive_form: Any, click: Any
) -> None:
    d = PeopleDialog(office_staff.store, office_staff.drafter)
    qtbot.addWidget(d)
    d.show()
    opened = drive_form(lambda form: type_person(qtbot, form, click))
    click(d.add_button)

    form = opened[0]
    assert form.message.isVisible()
    assert form.message.text() == "Tindakan ini memerlukan peran Administrator."
    assert d.model.rowCount() == 5


def test_people_dialog_does_not_open_for_non_admins(
    qtbot: Any, office_staff: Any, messages: Any
) -> None:
    d = PeopleDialog(office_staff.store, office_staff.camat)
    qtbot.addWidget(d)
    assert d.exec() == QDialog.DialogCode.Rejected.value
    assert messages.texts == ["Hanya administrator yang dapat mengelola pegawai."]
