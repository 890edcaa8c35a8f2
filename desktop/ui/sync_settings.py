"""Sync settings: where this PC syncs to, enrolling it with an office, the office hub's address
(``hub_settings``), moving it to the server's new address, and "sync now".

Enrolling (and the first sync when joining an office) and checking a new server address run on
the writer thread through ``ops.WriteOp``; sync errors are shown with their own Indonesian messages
(``sync.client.errors``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.store.changes import SYNC
from desktop.store.db import Store
from desktop.store.sync_models import SyncState
from desktop.ui import ops
from desktop.ui.forms import FORM_STYLE
from desktop.ui.hub_settings import HubAddressBox
from desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.sync_status import SyncBridge
from sync.client import engine, server_address
from sync.client.errors import SyncError
from sync.client.scheduler import SyncStatus


def error_text(exc: BaseException) -> str | None:
    """The message for a sync error a person can act on, or None (not a sync error)."""
    return exc.message if isinstance(exc, SyncError) else None


class EnrolFields(QWidget):
    """Server address, office code and one-time enrolment code; for an office hub, the root
    fingerprint printed beside its code (a new PC has no root yet to check the hub with)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText("https://naskah.kabupaten.go.id")
        self.office_code = QLineEdit()
        self.enrol_code = QLineEdit()
        form.addRow(self.tr("Alamat server"), self.server_url)
        form.addRow(self.tr("Kode kantor"), self.office_code)
        form.addRow(self.tr("Kode pendaftaran"), self.enrol_code)
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText(
            self.tr("hanya untuk server kantor, mis. 3F2A-9C1B-...")
        )
        self.fingerprint.setToolTip(
            self.tr(
                "Sidik jari sertifikat akar yang dicetak bersama kode pendaftaran server kantor. "
                "Kosongkan bila mendaftar ke server pusat."
            )
        )
        form.addRow(self.tr("Sidik jari akar"), self.fingerprint)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        form.addRow(self.error)

    def values(self) -> tuple[str, str, str]:
        return (self.server_url.text().strip(), self.office_code.text().strip(),
                self.enrol_code.text().strip())  # fmt: skip

    def root_fingerprint(self) -> str:
        return self.fingerprint.text().strip()

    def missing(self) -> str | None:
        url, office_code, code = self.values()
        if url and office_code and code:
            return None
        return self.tr("Isi alamat server, kode kantor, dan kode pendaftaran.")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class _Enrolling(QDialog):
    """A dialog that enrols this PC off the GUI thread and shows why it could not."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.busy = False
        self.setStyleSheet(FORM_STYLE)
        self.fields = EnrolFields()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the work runs in the background
        self.progress.hide()

    def enrol(self, then: Callable[[Store], Any], on_done: Callable[[Any], None]) -> None:
        problem = self.fields.missing()
        if problem:
            self.fields.show_error(problem)
            return
        url, office_code, code = self.fields.values()
        fingerprint = self.fields.root_fingerprint()
        store = self.store

        def work() -> Any:
            server_address.enroll(store, url, office_code, code, root_fingerprint=fingerprint)
            with store.origin(SYNC):  # what a first sync brings down asks for no other sync
                return then(store)

        self._set_busy(True)
        self.fields.show_error("")

        def done(result: Any) -> None:
            self._set_busy(False)
            on_done(result)

        ops.WriteOp(self, work).success(done).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> bool:
        self._set_busy(False)
        text = error_text(exc)
        if text is None:
            return False
        self.fields.show_error(text)
        QMessageBox.warning(self, self.tr("Pendaftaran gagal"), text)
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.fields.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy:
            super().reject()


class SyncSettingsDialog(_Enrolling):
    """Administrasi > Sinkronisasi...: the server, this PC's enrolment, and sync now."""

    def __init__(self, store: Store, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.bridge = bridge
        self.setWindowTitle(self.tr("Sinkronisasi"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()  # the enrolled PC's settings beside its state: fits 1093x574
        left, self.right = QVBoxLayout(), QWidget()
        right = QVBoxLayout(self.right)
        right.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 2)
        columns.addWidget(self.right, 3)
        layout.addLayout(columns)
        self.state_box = QGroupBox(self.tr("PC ini"))
        info = QFormLayout(self.state_box)
        self.server_label, self.device_label = QLabel(), QLabel()
        self.office_label, self.last_label = QLabel(), QLabel()
        self.pending_label, self.status_label = QLabel(), QLabel()
        self.status_label.setWordWrap(True)
        for title, label in (
            (self.tr("Alamat server"), self.server_label),
            (self.tr("ID perangkat"), self.device_label),
            (self.tr("Kode kantor"), self.office_label),
            (self.tr("Sinkron terakhir"), self.last_label),
            (self.tr("Perubahan menunggu"), self.pending_label),
            (self.tr("Status"), self.status_label),
        ):
            info.addRow(title, label)
        left.addWidget(self.state_box)
        self.enrol_box = QGroupBox(self.tr("Daftarkan PC ini ke server"))
        box = QVBoxLayout(self.enrol_box)
        box.addWidget(self.fields)
        self.enrol_button = QPushButton(self.tr("Daftarkan PC ini"))
        self.enrol_button.clicked.connect(self._enrol_clicked)
        box.addWidget(self.enrol_button)
        left.addWidget(self.enrol_box)
        left.addStretch(1)
        self.hub_box = HubAddressBox(store, bridge)
        right.addWidget(self.hub_box)
        self.address_box = self._address_box()
        right.addWidget(self.address_box)
        right.addStretch(1)
        layout.addWidget(self.progress)
        self.sync_button = QPushButton(self.tr("Sinkronkan sekarang"))
        self.sync_button.clicked.connect(self.bridge.sync_now)
        layout.addWidget(self.sync_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        bridge.changed.connect(self._status_changed)
        self.show_state()

    def _address_box(self) -> QGroupBox:
        """For an enrolled PC: move it to the server's new address (same server, new URL)."""
        box = QGroupBox(self.tr("Alamat server baru"))
        form = QFormLayout(box)
        hint = QLabel(self.tr(
            "Jika server pindah alamat, isi alamat barunya. PC ini memeriksa bahwa itu server "
            "yang sama sebelum memakainya; pendaftaran dan data tidak berubah."
        ))  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(hint)
        self.new_server_url = QLineEdit()
        self.new_server_url.setPlaceholderText("https://naskah.kabupaten.go.id")
        form.addRow(self.tr("Alamat baru"), self.new_server_url)
        self.address_error = QLabel()
        self.address_error.setWordWrap(True)
        self.address_error.setStyleSheet("color: #b3261e;")
        self.address_error.hide()
        form.addRow(self.address_error)
        self.address_button = QPushButton(self.tr("Ubah alamat server"))
        self.address_button.clicked.connect(self._change_address_clicked)
        form.addRow(self.address_button)
        return box

    def _show_address_error(self, text: str) -> None:
        self.address_error.setText(text)
        self.address_error.setVisible(bool(text))

    def _change_address_clicked(self) -> None:
        url = self.new_server_url.text().strip()
        if not url:
            self._show_address_error(self.tr("Isi alamat server yang baru."))
            return
        store = self.store
        self._show_address_error("")
        self._set_busy(True)
        ops.WriteOp(self, lambda: server_address.change_server_address(store, url)).success(
            self._address_changed
        ).failure(self._address_failed).run()

    def _address_changed(self, state: SyncState) -> None:
        self._set_busy(False)
        self.new_server_url.clear()
        self.show_state()
        QMessageBox.information(
            self,
            self.tr("Alamat server diubah"),
            self.tr("PC ini sekarang sinkron dengan {url}.").format(url=state.server_url),
        )
        self.bridge.sync_now()

    def _address_failed(self, exc: BaseException) -> bool:
        self._set_busy(False)
        text = error_text(exc)
        if text is None:
            return False
        self._show_address_error(text)
        QMessageBox.warning(self, self.tr("Alamat server tidak diubah"), text)
        return True

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        if hasattr(self, "address_box"):
            self.address_box.setEnabled(not busy)
            self.hub_box.setEnabled(not busy)

    def show_state(self) -> None:
        state: SyncState | None = engine.state_of(self.store)
        enrolled = state is not None
        self.enrol_box.setVisible(not enrolled)
        self.right.setVisible(enrolled)
        self.hub_box.show_path()
        self.sync_button.setEnabled(enrolled)
        dash = "-"
        self.server_label.setText(state.server_url if state else self.tr("belum terdaftar"))
        self.device_label.setText(state.device_id if state else dash)
        self.office_label.setText(state.office_code if state else dash)
        last = state.last_sync_at if state else None
        self.last_label.setText(
            last.astimezone().strftime("%d-%m-%Y %H:%M") if last else self.tr("belum pernah")
        )
        self.pending_label.setText(str(engine.pending_count(self.store)))
        error = state.last_error if state is not None else ""
        shown = self.bridge.status.message if self.bridge.status is not None else ""
        self.status_label.setText(shown or error or dash)

    def _status_changed(self, status: SyncStatus) -> None:
        self.show_state()
        self.status_label.setText(status.detail or status.message)

    def _enrol_clicked(self) -> None:
        self.enrol(lambda _store: None, self._enrolled)

    def _enrolled(self, _result: object) -> None:
        self.fields.enrol_code.clear()
        self.show_state()
        self.bridge.start_if_enrolled()  # the first sync starts at once


class JoinOfficeDialog(_Enrolling):
    """First run on a new PC of an office that already syncs: enrol, then bring its data down."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.setWindowTitle(self.tr("Gabung ke kantor yang sudah ada"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Minta alamat server, kode kantor, dan kode pendaftaran sekali pakai kepada "
            "administrator. Data kantor dan pegawai akan diunduh ke PC ini."
        ))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        self.status = QLabel()
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox()
        self.join_button = self.buttons.addButton(
            self.tr("Gabung"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._join_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _join_clicked(self) -> None:
        self.status.setText(self.tr("Mendaftarkan PC dan mengunduh data kantor..."))
        if engine.state_of(self.store) is None:
            self.enrol(server_address.sync_best, self._joined)  # the hub when it answers
            return
        store = self.store  # enrolled before; the first sync failed: try it again
        self._set_busy(True)
        ops.WriteOp(self, lambda: _sync_marked(store)).success(self._joined).failure(
            self._failed
        ).run()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        if hasattr(self, "buttons"):
            self.buttons.setEnabled(not busy)
        if not busy and hasattr(self, "status"):
            self.status.setText("")

    def _joined(self, _report: object) -> None:
        self._set_busy(False)
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        # Enrolled but the first sync failed: the scheduler retries later; still a member now.
        if engine.state_of(self.store) is not None and isinstance(exc, SyncError):
            self._set_busy(False)
            self.fields.show_error(exc.message)
            QMessageBox.warning(self, self.tr("Sinkronisasi pertama gagal"), exc.message)
            return True
        return super()._failed(exc)


def _sync_marked(store: Store) -> object:
    with store.origin(SYNC):  # what this sync applies asks for no other sync
        return server_address.sync_best(store)
