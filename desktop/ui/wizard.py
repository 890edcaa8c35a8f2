"""First-run setup: office profile, paper and numbering, first administrator, sample data.

Nothing is written until Finish: ``office.setup`` then stores the office, the reference
classification codes and the administrator in one transaction, so a wizard cancelled or
refused halfway leaves the data dir as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.letters import office, sample
from desktop.letters.accounts import CurrentUser, Role, parse_roles
from desktop.store.db import Store
from desktop.store.models import Person
from desktop.ui import ops
from desktop.ui.forms import FORM_STYLE, FieldErrors, hint_label
from desktop.ui.people import PersonFields
from desktop.ui.qt import (
    QCheckBox,
    QCloseEvent,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSize,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from desktop.ui.screen import fit
from desktop.ui.settings import NumberingFields, OfficeFields, PaperChoice


def _scrolled(page: QWizardPage, content: QWidget) -> None:
    # Small laptop screens at 125 % scaling leave ~600 px: long forms scroll, never squeeze.
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)


class OfficePage(QWizardPage):
    """The kop data. Next is refused while a required field is empty or a value is invalid."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Profil kantor"))
        self.setSubTitle(self.tr(
            "Selamat datang di Naskah. Isi data kantor kecamatan untuk kop surat; semuanya "
            "dapat diubah nanti di Pengaturan kantor. Tanda * berarti wajib diisi."
        ))  # fmt: skip
        self.errors = FieldErrors()
        self.fields = OfficeFields(self.errors)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        join = QHBoxLayout()
        join_hint = QLabel(self.tr("Kantor ini sudah memakai Naskah di PC lain?"))
        self.join_button = QPushButton(self.tr("Gabung ke kantor yang sudah ada..."))
        join.addWidget(join_hint)
        join.addWidget(self.join_button)
        join.addStretch(1)
        column.addLayout(join)
        column.addWidget(self.fields)
        _scrolled(self, content)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        problems = office.validate_office(wizard.office_input())
        mine = {k: v for k, v in problems.items() if k in self.errors}
        self.errors.show(mine)
        return not mine


class PaperPage(QWizardPage):
    """Paper size (F4 by default) and the outgoing number pattern with a live example."""

    def __init__(self, unit: OfficeFields) -> None:
        super().__init__()
        self.setTitle(self.tr("Kertas dan nomor surat"))
        self.setSubTitle(self.tr("Ukuran kertas surat dan bentuk nomor surat keluar."))
        self.errors = FieldErrors()
        self.paper = PaperChoice()
        self.numbering = NumberingFields(
            self.errors,
            lambda: unit.edits["unit_code"].text().strip(),
            lambda _per_type: 1,  # a new office's first letter
            advanced=False,
        )
        # One form, so the paper row lines up with the numbering rows.
        self.numbering.form.insertRow(0, self.tr("Ukuran kertas"), self.paper)
        layout = QVBoxLayout(self)
        layout.addWidget(self.numbering)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.numbering.update_example()  # the unit code may have changed on the first page

    def validatePage(self) -> bool:
        self.numbering.update_example()
        return not self.errors.is_invalid("number_pattern")


class AdminPage(QWizardPage):
    """The first administrator's account; the password must be typed twice alike."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Administrator pertama"))
        self.setSubTitle(self.tr(
            "Administrator mengelola akun pegawai dan pengaturan kantor. Peran lain "
            "(pengonsep, agendaris, ...) dapat ditambahkan nanti di menu Pegawai."
        ))  # fmt: skip
        self.errors = FieldErrors()
        self.person = PersonFields(self.errors, prefix="admin.", with_roles=False)
        _scrolled(self, self.person)

    def validatePage(self) -> bool:
        problems = self.person.problems(new=True, roles=frozenset({Role.ADMIN}))
        self.errors.show(problems)
        return not problems


class FinishPage(QWizardPage):
    """The offer of sample data for training, and the busy indicator while finishing."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Siap disimpan"))
        self.setSubTitle(self.tr("Periksa ringkasan di bawah, lalu tekan Selesai."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.sample = QCheckBox(self.tr("Isi dengan data contoh untuk latihan"))
        names = ", ".join(staff[4] for staff in sample.STAFF)
        self.sample_hint = hint_label(self.tr(
            "Menambahkan pegawai contoh (nama pengguna {names}; kata sandi semuanya: {pw}) dan "
            "surat contoh dalam berbagai tahap. Pakai hanya di komputer latihan, bukan untuk "
            "surat resmi."
        ).format(names=names, pw=sample.SAMPLE_PASSWORD))  # fmt: skip
        self.status = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known length: a moving bar
        self.busy.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(self.sample)
        layout.addWidget(self.sample_hint)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        data = wizard.office_input()
        admin = wizard.admin_page.person.person_input(frozenset({Role.ADMIN}))
        self.summary.setText(self.tr(
            "Kantor: Kecamatan {kec}, Kabupaten {kab}\nKertas: {paper}\n"
            "Administrator: {name} (nama pengguna: {user})"
        ).format(kec=data.kecamatan, kab=data.kabupaten, paper=data.paper_size,
                 name=admin.name, user=admin.username))  # fmt: skip

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        return wizard.finish()


class SetupWizard(QWizard):
    """First-run setup of an office store.

    Guarantees: the store is written only by ``office.setup`` when Finish is pressed (all or
    nothing, off the GUI thread); on success ``admin`` holds the new administrator and the
    dialog is accepted; service refusals are shown on the fields of the page they belong to.
    """

    OFFICE, PAPER, ADMIN, FINISH = range(4)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.admin: Person | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Penyiapan kantor - Naskah"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        buttons = {QWizard.WizardButton.NextButton: self.tr("Lanjut >"),
                   QWizard.WizardButton.BackButton: self.tr("< Kembali"),
                   QWizard.WizardButton.FinishButton: self.tr("Selesai"),
                   QWizard.WizardButton.CancelButton: self.tr("Batal")}  # fmt: skip
        for which, text in buttons.items():
            self.setButtonText(which, text)
        self.setStyleSheet(FORM_STYLE)
        self.office_page = OfficePage()
        self.paper_page = PaperPage(self.office_page.fields)
        self.admin_page = AdminPage()
        self.finish_page = FinishPage()
        self.joined = False
        self.office_page.join_button.clicked.connect(self.join_office)
        self.setPage(self.OFFICE, self.office_page)
        self.setPage(self.PAPER, self.paper_page)
        self.setPage(self.ADMIN, self.admin_page)
        self.setPage(self.FINISH, self.finish_page)
        fit(self, QSize(760, 640))  # or less, on a small screen

    def join_office(self) -> None:
        """First run on another PC of an office: enrol and sync down instead of setting up."""
        from desktop.ui.sync_settings import JoinOfficeDialog

        dialog = JoinOfficeDialog(self.store, self)
        self.join_dialog = dialog
        dialog.accepted.connect(self._joined)
        dialog.open()

    def _joined(self) -> None:
        if office.is_set_up(self.store):
            self.joined = True
            # Not accept(): that validates the (empty) office page this path skips.
            QDialog.done(self, QDialog.DialogCode.Accepted)
            return
        QMessageBox.warning(self, self.tr("Data kantor belum lengkap"), self.tr(
            "PC ini sudah terdaftar, tetapi data kantor belum ada di server. Minta PC pertama "
            "kantor ini menyinkronkan dulu, lalu coba lagi."
        ))  # fmt: skip

    def office_input(self) -> office.OfficeInput:
        fields = self.office_page.fields
        return office.OfficeInput(
            **fields.values(),
            logo=fields.logo.data,
            paper_size=self.paper_page.paper.value(),
            number_pattern=self.paper_page.numbering.pattern.text(),
        )

    def finish(self) -> bool:
        """Start saving; False until the work is done (the wizard then accepts itself)."""
        if self.admin is not None:
            return True
        if self._busy:
            return False
        data = self.office_input()
        admin = self.admin_page.person.person_input(frozenset({Role.ADMIN}))
        self._set_busy(self.tr("Menyiapkan kantor..."))
        store = self.store
        ops.WriteOp(self, lambda: office.setup(store, data, admin)).success(self._set_up).failure(
            self._refused
        ).form(self.place_errors).run()
        return False

    def _set_up(self, result: tuple[object, Person]) -> None:
        person = result[1]
        self.admin = person
        if not self.finish_page.sample.isChecked():
            self._done()
            return
        user = CurrentUser(person.id, person.name, parse_roles(person.roles))
        self._set_busy(self.tr("Mengisi data contoh untuk latihan..."))
        store = self.store
        ops.WriteOp(self, lambda: sample.fill(store, user)).success(
            lambda _n: self._done()
        ).failure(self._sample_failed).run()

    def _sample_failed(self, exc: BaseException) -> bool:
        # The office itself is set up; a failed training fill must not block the clerk.
        self._set_busy(None)
        ops.show_error(self, exc)
        self._done()
        return True

    def _refused(self, _exc: BaseException) -> bool:
        self._set_busy(None)
        return False  # the runner puts the refusal on its fields, or says it

    def _done(self) -> None:
        self._set_busy(None)
        self.accept()

    def show_errors(self, fields: Mapping[str, str]) -> None:
        """Show service errors on their fields and go back to the first page that has one;
        the messages no page has a field for in a message box."""
        rest = self.place_errors(fields)
        if rest:
            QMessageBox.warning(
                self, self.tr("Penyiapan tidak dapat disimpan"), "\n".join(rest.values())
            )

    def place_errors(self, fields: Mapping[str, str]) -> dict[str, str]:
        """Show service errors on their fields, go back to the first page that has one, and
        return the messages that have no field."""
        pages = [(self.OFFICE, self.office_page.errors), (self.PAPER, self.paper_page.errors),
                 (self.ADMIN, self.admin_page.errors)]  # fmt: skip
        target: int | None = None
        matched: set[str] = set()
        for page_id, errors in pages:
            mine = {k: v for k, v in fields.items() if k in errors}
            errors.show(mine)
            matched |= mine.keys()
            if mine and target is None:
                target = page_id
        while target is not None and self.currentId() > target:
            self.back()
        return {k: v for k, v in fields.items() if k not in matched}

    def _set_busy(self, status: str | None) -> None:
        self._busy = status is not None
        self.finish_page.status.setText(status or "")
        self.finish_page.busy.setVisible(self._busy)
        self.finish_page.sample.setEnabled(not self._busy)
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton):  # fmt: skip
            self.button(which).setEnabled(not self._busy)

    def reject(self) -> None:
        if not self._busy:  # the office is being written; closing now would hide the outcome
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
