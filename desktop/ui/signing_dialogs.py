"""Electronic signing in the app: the "Tandatangani" dialog, signer enrolment, and the unlocked
keys a signer chose to keep for the session.

The passphrase lives only in the dialog's field and, if the signer ticks it, in the OS keyring
(Windows Credential Manager); "until the app closes" keeps the unlocked key in memory, never the
passphrase. Unlocking and signing run on the writer thread; their refusals (wrong passphrase,
pause after five, revoked or expired certificate) are shown inside the dialog, which stays open.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

from desktop.letters.accounts import CurrentUser
from desktop.store.db import Store
from desktop.store.errors import UserError
from desktop.store.models import Letter
from desktop.ui import ops
from desktop.ui.forms import error_label, hint_label
from desktop.ui.qt import (
    QAction,
    QCheckBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:  # keys and certificates load with the first dialog, not at start-up
    from desktop.signing.keys import LoadedSigner, PassphraseGuard

log = logging.getLogger(__name__)

KEYRING_SERVICE = "naskah-signer"


class SignerSession:
    """Per app run: each signer's passphrase guard, and the keys kept unlocked on request."""

    def __init__(self) -> None:
        self._signers: dict[str, LoadedSigner] = {}
        self._guards: dict[str, PassphraseGuard] = {}

    def guard(self, person_id: str) -> PassphraseGuard:
        from desktop.signing.keys import PassphraseGuard

        return self._guards.setdefault(person_id, PassphraseGuard())

    def forget(self) -> None:
        self._signers.clear()

    def has_key(self, person_id: str) -> bool:
        return person_id in self._signers or bool(_saved_passphrase(person_id))

    def signer(
        self,
        store: Store,
        person_id: str,
        passphrase: str,
        *,
        remember: bool = False,
        keep_in_keyring: bool = False,
    ) -> LoadedSigner:
        """The unlocked key: remembered, else from the typed passphrase, else from the
        keyring. Raises WrongPassphrase (and the other unlock errors)."""
        from desktop.letters import signer_keys
        from desktop.signing.errors import WrongPassphrase

        if not passphrase and person_id in self._signers:
            return self._signers[person_id]
        saved = False
        if not passphrase:
            passphrase = _saved_passphrase(person_id) or ""
            saved = bool(passphrase)
        try:
            signer = signer_keys.unlock(store, person_id, passphrase, self.guard(person_id))
        except WrongPassphrase:
            if saved:  # the key file was replaced: the saved passphrase is stale
                _forget_passphrase(person_id)
            raise
        if remember:
            self._signers[person_id] = signer
        if keep_in_keyring:
            _save_passphrase(person_id, passphrase)
        return signer


SESSION = SignerSession()


def _saved_passphrase(person_id: str) -> str | None:
    import keyring  # on first use: ~50 ms the start-up does not need
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, person_id)
    except KeyringError:
        return None


def _save_passphrase(person_id: str, passphrase: str) -> None:
    import keyring  # on first use: ~50 ms the start-up does not need
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, person_id, passphrase)
    except KeyringError as exc:  # signing already worked: only the convenience is lost
        log.warning("could not keep the signing passphrase in the keyring: %s", type(exc).__name__)


def _forget_passphrase(person_id: str) -> None:
    import keyring  # on first use: ~50 ms the start-up does not need
    from keyring.errors import KeyringError

    with contextlib.suppress(KeyringError):
        keyring.delete_password(KEYRING_SERVICE, person_id)


def _sign(
    store: Store,
    user: CurrentUser,
    letter_id: str,
    passphrase: str,
    remember: bool,
    keep: bool,
) -> Letter:
    signer = SESSION.signer(store, user.id, passphrase, remember=remember, keep_in_keyring=keep)
    from desktop.letters import esign

    return esign.sign_electronically(store, user, letter_id, signer)


class SignDialog(QDialog):
    """Sign one letter with the signer's own key. ``signed`` carries the signed letter."""

    signed = Signal(object)
    enrol_requested = Signal()

    def __init__(
        self, store: Store, user: CurrentUser, letter: Letter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.user, self.letter = store, user, letter
        self.setWindowTitle(self.tr("Tandatangani secara elektronik"))
        self.setMinimumWidth(460)
        from desktop.letters import signer_keys

        status = signer_keys.status(store, user.id)
        usable = status.state is signer_keys.CredentialState.ACTIVE
        intro = QLabel(
            self.tr(
                "Naskah “{hal}” akan diberi nomor, dibuat PDF/A dan ditandatangani dengan "
                "sertifikat Anda. Sesudah itu isinya tidak dapat diubah lagi. Tidak perlu "
                "sambungan internet."
            ).format(hal=letter.hal)
        )
        intro.setWordWrap(True)
        self.status = hint_label(status.message)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Ingat sampai aplikasi ditutup"))
        self.keep = QCheckBox(self.tr("Simpan frasa sandi di keyring sistem komputer ini"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Frasa sandi"), self.passphrase)
        form.addRow("", self.remember)
        form.addRow("", self.keep)
        if SESSION.has_key(user.id):
            self.passphrase.setPlaceholderText(self.tr("(kunci sudah terbuka; boleh dikosongkan)"))
        buttons = QDialogButtonBox()
        self.sign_button = buttons.addButton(
            self.tr("Tandatangani"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.enrol_button = QPushButton(self.tr("Daftarkan sertifikat..."))
        self.enrol_button.setVisible(not usable)
        self.enrol_button.clicked.connect(self._enrol)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.sign_button.setEnabled(usable)
        layout = QVBoxLayout(self)
        for widget in (intro, self.status):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.enrol_button)
        layout.addWidget(buttons)

    def _enrol(self) -> None:
        self.reject()
        self.enrol_requested.emit()

    def submit(self) -> None:
        self.error.hide()
        self.sign_button.setEnabled(False)
        store, user, letter_id = self.store, self.user, self.letter.id
        passphrase = self.passphrase.text()
        remember, keep = self.remember.isChecked(), self.keep.isChecked()
        ops.WriteOp(
            self, lambda: _sign(store, user, letter_id, passphrase, remember, keep)
        ).success(self._done).failure(self._failed).progress(
            self.tr("Menandatangani naskah...")
        ).run()

    def _done(self, letter: Letter) -> None:
        self.passphrase.clear()
        self.signed.emit(letter)
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self.sign_button.setEnabled(True)
        if not isinstance(exc, UserError):
            return False
        self.passphrase.clear()
        self.passphrase.setFocus()
        self.error.setText(exc.message)
        self.error.show()
        return True


class EnrolDialog(QDialog):
    """A signer chooses a passphrase; the PC makes the key and asks the server for the
    certificate (online), or keeps the request for the next bundle (offline)."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Sertifikat tanda tangan elektronik"))
        self.setMinimumWidth(480)
        from desktop.letters import signer_keys

        self.status = hint_label(signer_keys.status(store, user.id).message)
        explain = QLabel(
            self.tr(
                "Pilih frasa sandi untuk kunci tanda tangan Anda: paling sedikit {n} karakter, "
                "mudah Anda ingat, sulit ditebak orang lain. Frasa sandi tidak disimpan di mana "
                "pun; bila lupa, daftarkan ulang."
            ).format(n=passphrase_rules().MIN_LENGTH)
        )
        explain.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = hint_label("")
        self.passphrase.textChanged.connect(self._check)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Frasa sandi"), self.passphrase)
        form.addRow(self.tr("Ulangi"), self.repeat)
        form.addRow("", self.strength)
        buttons = QDialogButtonBox()
        self.online_button = buttons.addButton(
            self.tr("Minta sertifikat ke server"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.bundle_button = buttons.addButton(
            self.tr("Siapkan untuk bundel"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.online_button.clicked.connect(lambda: self.submit(online=True))
        self.bundle_button.clicked.connect(lambda: self.submit(online=False))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.status, explain):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self, text: str) -> None:
        rules = passphrase_rules()
        problem = rules.passphrase_problem(text, name=self.user.name) if text else None
        self.strength.setText(problem or (self.tr("Frasa sandi cukup kuat.") if text else ""))

    def submit(self, *, online: bool) -> None:
        self.error.hide()
        if self.passphrase.text() != self.repeat.text():
            self._show_error(self.tr("Kedua frasa sandi tidak sama."))
            return
        store, user, passphrase = self.store, self.user, self.passphrase.text()

        def work() -> str:
            from desktop.letters import signer_keys

            if not online:
                signer_keys.prepare_request(store, user, passphrase)
                return self.tr(
                    "Permintaan sertifikat disiapkan. Buat bundel (Sinkronisasi > Ekspor "
                    "bundel), bawa ke server, lalu impor balasannya."
                )
            from desktop.seam import enrol_signer
            from sync.client import engine

            link = engine.connect(store)
            try:
                enrol_signer(store, user, passphrase, link)
            finally:
                link.close()
            return signer_keys.status(store, user.id).message

        for button in (self.online_button, self.bundle_button):
            button.setEnabled(False)
        ops.WriteOp(self, work).success(self._done).failure(self._failed).progress(
            self.tr("Membuat kunci tanda tangan...")
        ).run()

    def _done(self, message: str) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.status.setText(message)
        for button in (self.online_button, self.bundle_button):
            button.setEnabled(True)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _failed(self, exc: BaseException) -> bool:
        for button in (self.online_button, self.bundle_button):
            button.setEnabled(True)
        if isinstance(exc, UserError):
            from desktop.letters import signer_keys

            self._show_error(exc.message)
            self.status.setText(signer_keys.status(self.store, self.user.id).message)
            return True
        return False


def warm_up_later(user: CurrentUser, delay_ms: int = 1500) -> None:
    """For a signer: load the signing machinery on a background thread shortly after the window
    is up, so neither start-up nor the first "Tandatangani" waits for it."""
    from desktop.letters.accounts import Role

    if not user.has(Role.SIGNER):
        return

    def start() -> None:
        from desktop.letters import esign
        from desktop.ui import ops

        # On the writer thread, where the app's other background imports run one at a time: two
        # threads importing pyHanko's dependencies (aiohttp's C parts) at once crashed a test
        # worker twice.
        ops.WriteOp(None, esign.warm_up).quietly().run()

    QTimer.singleShot(delay_ms, start)


def _tr(text: str) -> str:
    return QCoreApplication.translate("signing_dialogs", text)


def add_menu_actions(
    parent: QWidget, store: Store, user: CurrentUser, letters: QMenu, admin: QMenu
) -> tuple[QAction, QAction]:
    """ "Sertifikat TTE saya..." (signers; before the letters menu's last separator) and
    "Pengaturan TTE BSrE..." (administrators)."""
    from desktop.letters.accounts import Role

    certificate = QAction(_tr("Sertifikat TTE saya..."), parent)
    separators = [a for a in letters.actions() if a.isSeparator()]
    if separators:
        letters.insertAction(separators[-1], certificate)
    else:
        letters.addAction(certificate)
    certificate.setEnabled(user.has(Role.SIGNER))
    certificate.triggered.connect(lambda: EnrolDialog(store, user, parent).open())
    bsre = admin.addAction(_tr("Pengaturan TTE BSrE..."))
    bsre.setEnabled(user.has(Role.ADMIN))

    def open_bsre_settings() -> None:
        from desktop.ui.bsre_dialogs import BsreSettingsDialog  # requests, the CA: when used

        BsreSettingsDialog(store, parent).open()

    bsre.triggered.connect(open_bsre_settings)
    return certificate, bsre


def passphrase_rules() -> Any:
    """``desktop.signing.passphrase``, loaded when a signing dialog first needs it (the signing
    package brings asn1crypto, which the first screen does not need)."""
    from desktop.signing import passphrase

    return passphrase
