"""Staff accounts: the administrator's list of people, and the person form.

The person form's fields are also the first-run wizard's administrator page, so both ask the
same questions. Roles are enforced by the services; refusing non-administrators here only saves
them a trip.
"""

from __future__ import annotations

from typing import Any

from desktop.letters import accounts
from desktop.letters.accounts import (
    ROLE_LABELS,
    CurrentUser,
    PersonInput,
    Role,
    parse_roles,
    role_label,
)
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.models import Person
from desktop.ui import ops, store_events
from desktop.ui.forms import (
    FORM_STYLE,
    FieldErrors,
    error_label,
    hint_label,
    pangkat_combo,
    save_cancel_buttons,
)
from desktop.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QCheckBox,
    QColor,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


def roles_text(roles: str) -> str:
    """ "drafter,signer" -> "Pengonsep, Penandatangan" (in the order of ROLE_LABELS)."""
    have = parse_roles(roles)
    return ", ".join(role_label(role) for role in ROLE_LABELS if role in have)


class PersonFields(QWidget):
    """Name, NIP, rank, position, username, roles and password (typed twice).

    Error keys are the service's field names with ``prefix`` ("admin." in the wizard), plus
    ``password_again`` for a confirmation that does not match.
    """

    def __init__(self, errors: FieldErrors, *, prefix: str = "", with_roles: bool = True,
                 new: bool = True) -> None:  # fmt: skip
        super().__init__()
        self.errors, self.prefix, self.new = errors, prefix, new
        self.name = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setMaxLength(21)
        self.nip.setPlaceholderText(self.tr("18 angka, tanpa spasi"))
        self.pangkat = pangkat_combo()
        self.jabatan = QLineEdit()
        self.jabatan.setPlaceholderText(self.tr("misalnya Kepala Seksi Pemerintahan"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.roles = {role: QCheckBox(role_label(role)) for role in ROLE_LABELS}
        role_box = QWidget()
        grid = QGridLayout(role_box)
        grid.setContentsMargins(4, 2, 4, 2)  # room for the red border around the boxes
        for i, box in enumerate(self.roles.values()):
            grid.addWidget(box, i // 3, i % 3)
        p, e, tr = prefix, errors, self.tr
        password_hint = tr("Minimal 8 karakter.") if new else tr("Kosongkan jika tidak diganti.")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            tr("Nama lengkap *"),
            e.field(p + "name", self.name, tr("Dengan gelar, seperti tertulis di surat.")),
        )
        form.addRow(tr("NIP *"), e.field(p + "nip", self.nip))
        form.addRow(tr("Pangkat/golongan"), e.field(p + "pangkat", self.pangkat))
        form.addRow(tr("Jabatan *"), e.field(p + "jabatan", self.jabatan))
        form.addRow(
            tr("Nama pengguna *"),
            e.field(
                p + "username",
                self.username,
                tr("Untuk masuk: huruf kecil, angka, titik, garis bawah atau strip."),
            ),
        )
        if with_roles:
            form.addRow(tr("Peran *"), e.field(p + "roles", role_box))
        form.addRow(
            tr("Kata sandi") + (" *" if new else ""),
            e.field(p + "password", self.password, password_hint),
        )
        form.addRow(tr("Ulangi kata sandi"), e.field(p + "password_again", self.password_again))
        for box in self.roles.values():
            box.toggled.connect(lambda _on: e.clear(p + "roles"))
        if not with_roles:
            role_box.hide()

    def load(self, person: Person) -> None:
        self.name.setText(person.name)
        self.nip.setText(person.nip)
        self.pangkat.setCurrentText(person.pangkat)
        self.jabatan.setText(person.jabatan)
        self.username.setText(person.username)
        have = parse_roles(person.roles)
        for role, box in self.roles.items():
            box.setChecked(role in have)

    def chosen_roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.roles.items() if box.isChecked())

    def person_input(self, roles: frozenset[Role] | None = None) -> PersonInput:
        password = self.password.text()
        return PersonInput(
            name=self.name.text(),
            nip=self.nip.text().strip(),
            pangkat=self.pangkat.currentText(),
            jabatan=self.jabatan.text(),
            username=self.username.text().strip(),
            roles=self.chosen_roles() if roles is None else roles,
            password=password if password or self.new else None,
        )

    def problems(self, *, new: bool, roles: frozenset[Role] | None = None) -> dict[str, str]:
        """What the service would refuse, and a password confirmation that does not match."""
        data = self.person_input(roles)
        found = {self.prefix + k: v for k, v in accounts.validate_person(data, new=new).items()}
        pw_key = self.prefix + "password"
        if pw_key not in found and self.password.text() != self.password_again.text():
            found[self.prefix + "password_again"] = self.tr("Kata sandi dan ulangannya tidak sama.")
        return found


class PeopleTableModel(QAbstractTableModel):
    """The office's people, one row each: name, NIP, position, roles, active."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: list[Person] = []
        self.headers = (self.tr("Nama"), self.tr("NIP"), self.tr("Jabatan"), self.tr("Peran"),
                        self.tr("Status"))  # fmt: skip

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person(self, row: int) -> Person:
        return self._people[row]

    def row_of(self, person_id: str) -> int | None:
        return next((i for i, p in enumerate(self._people) if p.id == person_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                person.name,
                person.nip,
                person.jabatan,
                roles_text(person.roles),
                self.tr("Aktif") if person.active else self.tr("Nonaktif"),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not person.active:
            return QColor("#777777")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):  # fmt: skip
            return self.headers[section]
        return None


class PersonDialog(QDialog):
    """Add a person (``person`` None) or change one. ``saved`` holds the stored row after OK.

    Service refusals stay in the dialog: on the fields, or (e.g. not allowed) above the buttons.
    """

    def __init__(self, store: Store, user: CurrentUser, person: Person | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store, self.user, self.person = store, user, person
        self.saved: Person | None = None
        self.setWindowTitle(self.tr("Tambah pegawai") if person is None
                            else self.tr("Ubah data pegawai"))  # fmt: skip
        self.setStyleSheet(FORM_STYLE)
        self.errors = FieldErrors()
        self.fields = PersonFields(self.errors, new=person is None)
        if person is not None:
            self.fields.load(person)
        self.message = error_label()
        self.message.setObjectName("form_error")
        self.buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Tall enough for the wrapped hints at this width (a longer translation wraps more).
        self.resize(560, layout.totalHeightForWidth(560))

    def save(self) -> None:
        new = self.person is None
        problems = self.fields.problems(new=new)
        self.message.hide()
        if problems:
            self.errors.show(problems)
            return
        data = self.fields.person_input()
        store, user = self.store, self.user
        if self.person is None:
            op = lambda: accounts.add_person(store, user, data)  # noqa: E731
        else:
            person_id = self.person.id
            op = lambda: accounts.update_person(store, user, person_id, data)  # noqa: E731
        ops.WriteOp(self, op).success(self._saved).form(self.errors, self.message).disable(
            self.save_button
        ).run()

    def _saved(self, result: Person) -> None:
        self.saved = result
        self.accept()


class PeopleDialog(QDialog):
    """The administrator's list of staff with add, change and activate/deactivate.

    ``exec()`` refuses to open for a non-administrator (with a message); the services check
    the role again on every change.
    """

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Pegawai dan akun"))
        self.model = PeopleTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_person())
        self.add_button = QPushButton(self.tr("Tambah pegawai..."))
        self.edit_button = QPushButton(self.tr("Ubah..."))
        self.active_button = QPushButton(self.tr("Nonaktifkan"))
        close = QPushButton(self.tr("Tutup"))
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.active_button.clicked.connect(self.toggle_active)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(
            hint_label(
                self.tr("Pegawai nonaktif tidak dapat masuk; surat dan riwayatnya tetap tersimpan.")
            )
        )
        layout.addLayout(buttons)  # fmt: skip
        self._wanted: str | None = None  # select this person once the list has them
        self.reload()
        store_events.of(store).changed.connect(self._store_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()
        self.resize(860, 480)

    def exec(self) -> int:
        if not self.user.has(Role.ADMIN):
            QMessageBox.warning(
                self.parentWidget(),
                self.windowTitle(),
                self.tr("Hanya administrator yang dapat mengelola pegawai."),
            )
            return QDialog.DialogCode.Rejected.value  # fmt: skip
        return super().exec()

    def reload(self, select_id: str | None = None) -> None:
        self.model.set_people(accounts.list_people(self.store))
        self._select(select_id)

    def _select(self, person_id: str | None) -> None:
        row = self.model.row_of(person_id) if person_id else None
        if row is not None:
            self.table.selectRow(row)
            if person_id == self._wanted:
                self._wanted = None
        self._update_buttons()

    def _store_changed(self, changes: Changes) -> None:
        if changes.touches("person"):
            current = self.selected()
            self.reload(self._wanted or (current.id if current else None))

    def selected(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.person(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        person = self.selected()
        self.edit_button.setEnabled(person is not None)
        self.active_button.setEnabled(person is not None)
        active = person is None or person.active
        self.active_button.setText(self.tr("Nonaktifkan") if active else self.tr("Aktifkan"))

    def add_person(self) -> None:
        self._open_form(None)

    def edit_person(self) -> None:
        person = self.selected()
        if person is not None:
            self._open_form(person)

    def _open_form(self, person: Person | None) -> None:
        form = self.person_form(person)
        if form.exec() == QDialog.DialogCode.Accepted and form.saved is not None:
            self._wanted = form.saved.id  # the store's change signal brings the row
            self._select(form.saved.id)

    def person_form(self, person: Person | None) -> PersonDialog:
        """The form ``add_person``/``edit_person`` open (a seam for tests to drive it)."""
        return PersonDialog(self.store, self.user, person, self)

    def toggle_active(self) -> None:
        person = self.selected()
        if person is None:
            return
        store, user, person_id, active = self.store, self.user, person.id, not person.active
        # Refusals (e.g. deactivating one's own account) come back as a message box.
        ops.WriteOp(self, lambda: accounts.set_active(store, user, person_id, active)).disable(
            self.active_button
        ).run()
