"""The log-in dialog shown at start-up.

It may come up before the store is open: given a ``StoreOpening`` and the office's names (read
with sqlite3 alone), it is on screen while the store opens on the writer thread, and the log-in
that the clerk asks for runs on that thread after the opening. Nothing here imports the store's
models at module level.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.letters.errors import AuthError, NotFound
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

if TYPE_CHECKING:
    from desktop.letters.accounts import CurrentUser
    from desktop.store.db import Store


class StoreOpening:
    """The store of ``data_dir`` being opened on the writer thread (``start``).

    Ops queued on the writer after ``start`` may call ``get()``: the writer runs in order, so
    the opening has finished by then; ``get`` returns the store or raises what the opening
    raised. ``failed`` is called on the GUI thread if the opening fails.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.store: Store | None = None
        self.error: BaseException | None = None
        self.started = False

    def start(self, failed: Callable[[BaseException], object]) -> None:
        """Queue the opening on the writer (once: a second call does nothing)."""
        if self.started:
            return
        self.started = True

        def handle(exc: BaseException) -> bool:
            failed(exc)
            return True

        ops.WriteOp(None, self._open).failure(handle).quietly().run()

    def _open(self) -> Store:
        from desktop.store import db

        try:
            self.store = db.open_store(self.data_dir)
        except BaseException as exc:
            self.error = exc
            raise
        return self.store

    def get(self) -> Store:
        if self.error is not None:
            raise self.error
        assert self.store is not None, "get() before the opening ran"
        return self.store


class LoginDialog(QDialog):
    """Username and password, checked by ``accounts.login`` off the GUI thread.

    Guarantees: accepted only after a successful log-in, with ``user`` set; a wrong password or
    a locked account leaves the dialog open with the service's message in ``message`` and the
    password field cleared.
    """

    def __init__(
        self,
        store: Store | StoreOpening,
        parent: QWidget | None = None,
        office_names: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = store
        self.user: CurrentUser | None = None
        self.store_failed = False  # the store could not be opened: start-up takes over
        self.setWindowTitle(self.tr("Masuk - Naskah"))
        self.setStyleSheet(FORM_STYLE)
        self.office_label = QLabel(self._office_name(office_names))
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

    @property
    def store(self) -> Store | None:
        """The open store (None while it still opens)."""
        return self._source.store if isinstance(self._source, StoreOpening) else self._source

    def _office_name(self, names: tuple[str, str] | None) -> str:
        if names is None:
            if isinstance(self._source, StoreOpening):
                return "Naskah"
            from desktop.letters import office

            try:
                row = office.get_office(self._source)
            except NotFound:
                return "Naskah"
            names = (row.kecamatan, row.kabupaten)
        return self.tr("Kecamatan {kec}\nKabupaten {kab}").format(kec=names[0], kab=names[1])

    def opening_failed(self, _exc: BaseException) -> None:
        """The store did not open: close; start-up explains it (and may offer a backup)."""
        self.store_failed = True
        self.reject()

    def login(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._say(self.tr("Isi nama pengguna dan kata sandi."))
            (self.password if username else self.username).setFocus()
            return
        self._say("")
        source = self._source
        if isinstance(source, StoreOpening):
            source.start(self.opening_failed)  # normally started behind the first paint

        def log_in() -> CurrentUser:
            from desktop.letters import accounts

            store = source.get() if isinstance(source, StoreOpening) else source
            return accounts.login(store, username, password)

        ops.WriteOp(self, log_in).success(self._logged_in).failure(self._refused).disable(
            self.login_button
        ).run()

    def _logged_in(self, user: CurrentUser) -> None:
        self.user = user
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        if self.store_failed:
            return True  # start-up says why the store did not open
        if not isinstance(exc, AuthError):
            return False  # e.g. the store is busy: a message box, or a bug: the crash dialog
        self._say(exc.message)
        self.password.clear()
        self.password.setFocus()
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
