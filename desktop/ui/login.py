"""The log-in dialog shown at start-up."""

from __future__ import annotations

from desktop.letters import accounts, office
from desktop.letters.accounts import CurrentUser
from desktop.letters.errors import AuthError, NotFound
from desktop.store.db import Store
from desktop.ui import ops
from desktop.ui.forms import FORM_STYLE, error_label
from desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFont,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)


class LoginDialog(QDialog):
    """Username and password, checked by ``accounts.login`` off the GUI thread.

    Guarantees: accepted only after a successful log-in, with ``user`` set; a wrong password or
    a locked account leaves the dialog open with the service's message in ``message`` and the
    password field cleared.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user: CurrentUser | None = None
        self.setWindowTitle(self.tr("Masuk - Naskah"))
        self.setStyleSheet(FORM_STYLE)
        self.office_label = QLabel(self._office_name())
        self.office_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.office_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.office_label.setFont(font)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label()
        self.message.setObjectName("login_message")
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(
            self.tr("Masuk"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setDefault(True)
        self.buttons.addButton(self.tr("Keluar"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.login)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.office_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)
        self.username.setFocus()

    def _office_name(self) -> str:
        try:
            row = office.get_office(self.store)
        except NotFound:
            return "Naskah"
        return self.tr("Kecamatan {kec}\nKabupaten {kab}").format(
            kec=row.kecamatan, kab=row.kabupaten
        )

    def login(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._say(self.tr("Isi nama pengguna dan kata sandi."))
            (self.password if username else self.username).setFocus()
            return
        self._say("")
        store = self.store
        ops.WriteOp(self, lambda: accounts.login(store, username, password)).success(
            self._logged_in
        ).failure(self._refused).disable(self.login_button).run()

    def _logged_in(self, user: CurrentUser) -> None:
        self.user = user
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, AuthError):
            return False  # e.g. the store is busy: a message box, or a bug: the crash dialog
        self._say(exc.message)
        self.password.clear()
        self.password.setFocus()
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
