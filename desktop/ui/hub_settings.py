"""The office hub's address in the sync settings (docs/office-hub.md): typed once per PC by the
administrator, checked, kept beside the store; empty means "central only".

Saving never needs the hub to be on: a valid address is kept at once, then checked in the
background (does it answer as this PC's server, over TLS verified against the organisation's
root?) and the answer is shown beside the field. The scheduler uses the hub whenever it answers.

"Cari server kantor" lists the hubs that announce themselves on the LAN (mDNS,
``sync.client.discover``) for this PC's server; choosing one puts it in the field and saves it,
checked like a typed address, so trust still comes from the TLS certificate alone.
"""

from __future__ import annotations

from typing import Any

from desktop.store.db import Store
from desktop.ui import ops
from desktop.ui.qt import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QResizeEvent,
    Qt,
    QTimer,
    QWidget,
)
from desktop.ui.sync_status import SyncBridge
from sync.client import server_address
from sync.client.errors import SyncError

PROBE = "hub-probe"  # its own reading thread: a hub that does not answer holds up no list
ERROR_STYLE = "color: #b3261e;"


class HubAddressBox(QGroupBox):
    """The "Server kantor" box: the hub's address, its Simpan button, what the check found."""

    def __init__(self, store: Store, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Server kantor (jaringan lokal)"), parent)
        self.store = store
        self.bridge = bridge
        form = QFormLayout(self)
        self.hint = hint = QLabel(self.tr(
            "Isi sekali di setiap PC. PC ini sinkron lewat server kantor saat server itu "
            "menjawab, dan dengan server pusat saat tidak. Kosong: selalu server pusat."
        ))  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(hint)
        self.hub_url = QLineEdit()
        self.hub_url.setPlaceholderText("https://192.168.1.10:8751")
        self.hub_url.setText(server_address.hub_address(store))
        self.hub_url.returnPressed.connect(self._save_clicked)
        form.addRow(self.tr("Alamat server kantor"), self.hub_url)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan alamat server kantor"))
        self.save_button.clicked.connect(self._save_clicked)
        self.save_button.setAutoDefault(False)  # Enter in the field or the list acts once
        row.addWidget(self.save_button)
        self.find_button = QPushButton(self.tr("Cari server kantor"))
        self.find_button.clicked.connect(self._find_clicked)
        self.find_button.setAutoDefault(False)
        row.addWidget(self.find_button)
        row.addStretch(1)
        form.addRow(row)
        self.found = QListWidget()
        self.found.setAccessibleName(self.tr("Server kantor yang ditemukan"))
        self.found.setMaximumHeight(72)
        self.found.itemActivated.connect(self._chosen)  # Enter or a double click
        self.found.hide()
        form.addRow(self.found)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        form.addRow(self.result)
        self.path_label = QLabel()
        form.addRow(self.tr("Sinkron terakhir lewat"), self.path_label)
        self.show_path()

    def show_path(self) -> None:
        path = server_address.last_path(self.store)
        self.path_label.setText(
            self.tr("server kantor") if path == server_address.HUB else
            self.tr("server pusat") if path == server_address.CENTRAL else
            self.tr("belum pernah")
        )  # fmt: skip

    def _show(self, text: str, *, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(ERROR_STYLE if error else "")
        self.result.setVisible(bool(text))
        self._refit()

    def _refit(self) -> None:
        """Give the wrapped texts the height they need at the width they have, and the window
        the room for them (a wrapped label in a narrow column otherwise asks for the height at
        its preferred width, and is cut)."""
        QTimer.singleShot(0, self, self._fit_now)

    def _fit_now(self) -> None:
        changed = False
        for label in (self.hint, self.result):
            need = label.heightForWidth(label.width()) if label.isVisible() else 0
            if need > 0 and need != label.minimumHeight():
                label.setMinimumHeight(need)
                changed = True
        if changed:
            self.window().adjustSize()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def _save_clicked(self) -> None:
        typed = self.hub_url.text().strip()
        try:
            kept = server_address.set_hub_address(self.store, typed)
        except SyncError as exc:  # what was typed stays in the field, to be corrected
            self._show(exc.message, error=True)
            self.hub_url.setFocus()
            return
        except OSError as exc:  # the data folder cannot be written
            self._show(self.tr("Alamat tidak dapat disimpan: {e}").format(e=exc), error=True)
            return
        if not kept:
            self._show(self.tr("Alamat server kantor dihapus: PC ini sinkron dengan server pusat."))
            self.bridge.sync_now()
            return
        self.hub_url.setText(kept)
        self._show(self.tr("Alamat disimpan. Memeriksa server kantor..."))
        store = self.store
        ops.ReadOp(self, lambda: server_address.probe_hub(store, kept), PROBE).success(
            lambda _none: self._answered(kept)
        ).failure(lambda exc: self._not_answered(kept, exc)).run()

    def _find_clicked(self) -> None:
        from sync.client import discover, engine

        state = engine.state_of(self.store)
        server_id = state.server_id if state is not None else ""
        self.found.clear()
        self.found.hide()
        self._show(self.tr("Mencari server kantor di jaringan ini..."))
        ops.ReadOp(self, lambda: discover.find_hubs(server_id), PROBE).success(
            self._listed
        ).disable(self.find_button).failure(self._search_failed).run()

    def _listed(self, hubs: list[Any]) -> None:
        if not hubs:
            self._show(self.tr(
                "Tidak ada server kantor yang ditemukan di jaringan ini. Isi alamatnya sendiri "
                "(tanyakan kepada administrator)."
            ), error=True)  # fmt: skip
            return
        for hub in hubs:
            label = f"{hub.url} - {hub.office_name or hub.office_code}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, hub.url)
            self.found.addItem(item)
        self.found.show()
        self._refit()
        self.found.setCurrentRow(0)
        self.found.setFocus()
        self._show(self.tr(
            "Pilih server kantor (Enter atau klik dua kali) untuk menyimpannya. PC ini tetap "
            "memeriksa sertifikatnya sebelum memakainya."
        ))  # fmt: skip

    def _chosen(self, item: QListWidgetItem) -> None:
        """Choosing saves and checks, as typing the address and Simpan would."""
        self.hub_url.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.found.hide()
        self._save_clicked()

    def _search_failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, OSError):  # no usable network interface, a refused socket
            return False
        self._show(self.tr("Pencarian gagal: {e}").format(e=exc), error=True)
        return True

    def _answered(self, url: str) -> None:
        if server_address.hub_address(self.store) != url:
            return  # changed again meanwhile
        self._show(self.tr("Server kantor menjawab. PC ini sinkron lewat server kantor."))
        self.bridge.sync_now()

    def _not_answered(self, url: str, exc: BaseException) -> bool:
        if not isinstance(exc, SyncError):
            return False  # a bug: the crash dialog
        if server_address.hub_address(self.store) == url:
            self._show(
                self.tr(
                    "Alamat disimpan, tetapi server kantor belum dapat dipakai: {reason} "
                    "Sampai server kantor menjawab, PC ini sinkron langsung dengan server pusat."
                ).format(reason=exc.message),
                error=True,
            )
        return True
