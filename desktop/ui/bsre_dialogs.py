"""TTE BSrE in the app: the administrator's settings (address, client id, client secret in the
OS keyring) and the signer's dialog (NIK and passphrase typed now, used once, never kept)."""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import _
from desktop.letters import esign, trust
from desktop.letters.accounts import CurrentUser
from desktop.letters.errors import ServiceError
from desktop.signing import bsre
from desktop.store.db import Store
from desktop.store.errors import UserError
from desktop.store.models import Letter
from desktop.ui import ops
from desktop.ui.forms import error_label, hint_label, save_cancel_buttons
from desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from sync.pki import ca


def configured(store: Store) -> bsre.BsreConfig | None:
    try:
        return bsre.BsreConfig.load(store.data_dir)
    except (UserError, ValueError, OSError):
        return None


def _sign(store: Store, user: CurrentUser, letter_id: str, nik: str, passphrase: str) -> Letter:
    config = configured(store)
    if config is None:
        raise ServiceError(
            _("Alamat layanan BSrE belum diatur; minta pengelola sistem mengaturnya.")
        )
    with bsre.BsreClient(config) as client:
        return esign.sign_with_bsre(store, user, letter_id, client, nik, passphrase)


class BsreSignDialog(QDialog):
    """Sign now through BSrE, or queue the letter for BSrE. ``done_with`` carries the letter
    and a message for the status bar."""

    done_with = Signal(object, str)

    def __init__(
        self, store: Store, user: CurrentUser, letter: Letter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.user, self.letter = store, user, letter
        self.setWindowTitle(self.tr("TTE BSrE"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Tanda tangan dengan sertifikat BSrE memerlukan sambungan internet. Ketik NIK "
                "dan passphrase BSrE Anda; keduanya hanya dipakai sekali dan tidak disimpan. "
                "Bila sedang luring, antrekan naskah ini dan tandatangani saat tersambung."
            )
        )
        intro.setWordWrap(True)
        self.nik = QLineEdit()
        self.nik.setObjectName("nik")
        self.nik.setMaxLength(16)
        self.nik.setInputMask("9999999999999999;_")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("NIK"), self.nik)
        form.addRow(self.tr("Passphrase BSrE"), self.passphrase)
        buttons = QDialogButtonBox()
        self.sign_button = buttons.addButton(
            self.tr("Tandatangani sekarang"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.queue_button = buttons.addButton(
            self.tr("Antrekan"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.queue_button.setVisible(not letter.signature_kind)
        self.sign_button.clicked.connect(self.submit)
        self.queue_button.clicked.connect(self.queue)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        self.error.hide()
        self.sign_button.setEnabled(False)
        store, user, letter_id = self.store, self.user, self.letter.id
        nik, passphrase = self.nik.text().strip(), self.passphrase.text()
        self.passphrase.clear()
        ops.WriteOp(self, lambda: _sign(store, user, letter_id, nik, passphrase)).success(
            lambda letter: self._finish(
                letter, self.tr("Naskah ditandatangani dengan TTE BSrE, nomor {n}.")
            )
        ).failure(self._failed).progress(self.tr("Menandatangani lewat BSrE...")).run()

    def queue(self) -> None:
        store, user, letter_id = self.store, self.user, self.letter.id
        ops.WriteOp(self, lambda: esign.request_bsre(store, user, letter_id)).success(
            lambda letter: self._finish(
                letter, self.tr("Naskah diantrekan untuk TTE BSrE; tandatangani saat tersambung.")
            )
        ).failure(self._failed).run()

    def _finish(self, letter: Letter, message: str) -> None:
        self.done_with.emit(letter, message.format(n=letter.number))
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self.sign_button.setEnabled(True)
        if not isinstance(exc, UserError):
            return False
        self.error.setText(exc.message)
        self.error.show()
        return True


class BsreSettingsDialog(QDialog):
    """The administrator sets BSrE's address and the office's client credentials."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Pengaturan TTE BSrE"))
        self.setMinimumWidth(480)
        current = configured(store)
        self.url = QLineEdit(current.base_url if current else "")
        self.url.setObjectName("url")
        self.url.setPlaceholderText("https://esign.contoh.go.id")
        self.client_id = QLineEdit(current.client_id if current else "")
        self.client_id.setObjectName("client_id")
        self.secret = QLineEdit()
        self.secret.setObjectName("secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        if current and bsre.load_client_secret(current.client_id):
            self.secret.setPlaceholderText(self.tr("(tersimpan di keyring; isi untuk mengganti)"))
        self.error = error_label()
        self.root_button = QPushButton(self.tr("Percayai sertifikat akar BSrE..."))
        self.root_button.clicked.connect(self.choose_root)
        self.root_label = hint_label(
            self.tr(
                "Agar surat ber-TTE BSrE terperiksa sebagai terpercaya, pilih berkas sertifikat "
                "akar BSrE (.pem/.cer) dari BSrE/BSSN."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Alamat layanan"), self.url)
        form.addRow(self.tr("ID klien"), self.client_id)
        form.addRow(self.tr("Kata sandi klien"), self.secret)
        form.addRow("", self.root_button)
        form.addRow("", self.root_label)
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Alamat dan akun klien diberikan BSrE/Diskominfo. Kata sandi klien disimpan "
                    "di keyring sistem komputer ini, tidak di berkas."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def choose_root(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Sertifikat akar BSrE"), "", self.tr("Sertifikat (*.pem *.cer *.crt)")
        )
        if path:
            self.trust_root(Path(path))

    def trust_root(self, path: Path) -> None:
        try:
            cert = trust.add_extra_root(self.store.data_dir, path.read_bytes())
        except (UserError, OSError) as exc:
            self.error.setText(getattr(exc, "message", str(exc)))
            self.error.show()
            return
        self.error.hide()
        self.root_label.setText(
            self.tr("Dipercaya untuk pemeriksaan: {name}").format(name=ca.common_name(cert.subject))
        )

    def save(self) -> None:
        try:
            config = bsre.BsreConfig(self.url.text().strip(), self.client_id.text().strip())
            config.save(self.store.data_dir)
            if self.secret.text():
                bsre.save_client_secret(config.client_id, self.secret.text())
        except (UserError, ValueError, OSError) as exc:
            self.error.setText(getattr(exc, "message", str(exc)))
            self.error.show()
            return
        self.accept()
