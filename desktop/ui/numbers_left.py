"""Numbers left from the server's leases: a status-bar label for the person logged in, and the
administrator's request for a larger block before the PC goes offline for long (issue 13).

Both read and write through ``desktop.letters.number_stock``; the label reloads when a sync
brings leases, a number is issued or the request changes (the store's change signal).
"""

from __future__ import annotations

from desktop.letters import number_stock
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.numbering import series_label
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.errors import StoreBusy
from desktop.ui import ops, store_events
from desktop.ui.forms import error_label, hint_label
from desktop.ui.qt import (
    QAction,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Slot,
)
from sync.protocol import MAX_LEASE_RESERVE

# What a lease change touches: the blocks, the numbers issued from them, the request and epoch.
_TABLES = ("number_lease", "issued_number", "sync_state")
WARN_STYLE = "color: #b3261e;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("numbers_left", text)


def describe(stock: number_stock.Stock) -> tuple[str, str, bool]:
    """(status-bar text, tooltip, warn) for ``stock``."""
    lines = [
        _tr("{series}: {n} nomor tersisa").format(series=series_label(s.series), n=s.left)
        for s in stock.series
    ]
    lowest = stock.lowest
    if stock.void:
        text = _tr("Nomor: tunggu sinkronisasi")
        lines.insert(0, _tr("Data PC ini dipulihkan dari cadangan: blok nomornya baru berlaku "
                            "lagi setelah sinkronisasi."))  # fmt: skip
    elif lowest.left == 0 and lowest.held:
        text = _tr("Nomor habis - sinkronkan")
    elif lowest.left == 0:
        text = _tr("Belum ada blok nomor")
    elif lowest.few:
        text = _tr("Nomor hampir habis: {n} tersisa").format(n=lowest.left)
    else:
        text = _tr("Nomor tersisa: {n}").format(n=lowest.left)
    if stock.reserve:
        lines.append(_tr("Diminta {n} nomor per seri pada sinkronisasi berikutnya.").format(
            n=stock.reserve))  # fmt: skip
    if lowest.few or stock.void:
        lines.append(_tr("Sinkronkan sebelum nomor habis; tanpa nomor, surat tidak dapat "
                         "ditandatangani atau dicatat."))  # fmt: skip
    return text, "\n".join(lines), lowest.few or stock.void


class NumbersLeftLabel(QLabel):
    """ "Nomor tersisa: 37" in the status bar (the smallest of the person's series; each one in
    the tooltip), red below ``number_stock.FEW``; hidden on a standalone PC and for a person
    who numbers nothing."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setObjectName("numbersLeft")
        self.hide()
        self._lane = ops.Lane("read")
        store_events.of(store).changed.connect(self._store_changed)

    def refresh(self) -> None:
        store, user = self.store, self.user
        ops.ReadOp(self, lambda: number_stock.stock(store, user)).quietly().success(
            self.show_stock
        ).failure(lambda exc: isinstance(exc, StoreBusy)).run(self._lane)  # busy: keep it

    def show_stock(self, stock: number_stock.Stock | None) -> None:
        if stock is None:
            self.hide()
            return
        text, tooltip, warn = describe(stock)
        self.setText(text)
        self.setToolTip(tooltip)
        self.setStyleSheet(WARN_STYLE if warn else "")
        self.show()

    @Slot(object)
    def _store_changed(self, changes: Changes) -> None:
        if changes.touches(*_TABLES):
            self.refresh()


class NumberReserveDialog(QDialog):
    """Administrasi > Siapkan nomor untuk luring...: how many numbers the PC holds now, and a
    request for the server to top each series up to more before a long time offline."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Siapkan Nomor untuk Luring"))
        about = hint_label(
            self.tr(
                "Sebelum PC ini lama tidak tersambung (misalnya dibawa bertugas ke luar "
                "kantor), minta server menyiapkan lebih banyak nomor surat untuk setiap seri. "
                "Permintaan dikirim pada sinkronisasi berikutnya; server memberi paling banyak "
                "sebanyak batas yang ditetapkan administrator server."
            )
        )
        self.held = QLabel()
        self.held.setWordWrap(True)
        self.count = QSpinBox()
        self.count.setRange(0, MAX_LEASE_RESERVE)
        self.count.setSingleStep(50)
        self.count.setValue(200)
        self.errors = error_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Minta Nomor"))
        self.buttons.accepted.connect(self.ask)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        label = QLabel(self.tr("&Nomor per seri"))
        label.setBuddy(self.count)
        form.addRow(label, self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.held)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.resize(520, 300)
        self._load()

    def _load(self) -> None:
        store = self.store
        ops.ReadOp(self, lambda: number_stock.stock(store, None)).success(self._loaded).run()

    def _loaded(self, stock: number_stock.Stock | None) -> None:
        if stock is None:
            self.held.setText(self.tr("PC ini belum terdaftar di server: nomornya diberikan "
                                      "PC ini sendiri dan tidak akan habis."))  # fmt: skip
            self.ok_button.setEnabled(False)
            return
        self.held.setText(describe(stock)[1])
        if stock.reserve:
            self.count.setValue(stock.reserve)

    def ask(self) -> None:
        store, user, count = self.store, self.user, self.count.value()
        self.errors.hide()
        ops.WriteOp(self, lambda: number_stock.request_reserve(store, user, count)).success(
            self._asked
        ).message_in(self.errors).disable(self.ok_button).run()

    def _asked(self, count: int) -> None:
        if count:
            text = self.tr("Diminta: {n} nomor per seri. Server memberikannya pada "
                           "sinkronisasi berikutnya.").format(n=count)  # fmt: skip
        else:
            text = self.tr("Permintaan nomor tambahan dibatalkan.")
        self.result_label.setText(text)
        self._load()


def add_menu_action(parent: QWidget, store: Store, user: CurrentUser, menu: QMenu) -> QAction:
    """ "Siapkan nomor untuk luring..." (administrators)."""
    action = menu.addAction(_tr("Siapkan &nomor untuk luring..."))
    action.setEnabled(user.has(Role.ADMIN))
    action.triggered.connect(lambda: NumberReserveDialog(store, user, parent).exec())
    return action
