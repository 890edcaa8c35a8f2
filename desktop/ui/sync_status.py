"""Background sync for the window: a Qt bridge around ``SyncScheduler`` and its status-bar label.

The scheduler runs on its own Python thread (no Qt); its status callback emits ``changed`` from
that thread, and Qt queues the signal to the GUI thread, where the label and the menus read it.
Nothing here syncs on the GUI thread: ``start``, ``poke`` and ``sync_now`` only wake the worker.
"""

from __future__ import annotations

import logging

from desktop.store.db import Store
from desktop.ui.qt import QLabel, QObject, Qt, QWidget, Signal, Slot
from sync.client import engine
from sync.client.scheduler import Phase, SyncScheduler, SyncStatus, compose

log = logging.getLogger(__name__)


class SyncBridge(QObject):
    """Owns the scheduler of one store; ``changed(SyncStatus)`` arrives on the GUI thread."""

    changed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None, **scheduler_args: object):
        super().__init__(parent)
        self.store = store
        self.scheduler: SyncScheduler | None = None
        self._args = scheduler_args
        self.status = SyncStatus(Phase.NOT_ENROLLED, "", 0)
        self.changed.connect(self._remember, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self.scheduler is not None

    def enrolled(self) -> bool:
        try:
            return engine.state_of(self.store) is not None
        except Exception:  # a busy or closed store: not now
            log.exception("reading the enrolment failed")
            return False

    def initial_status(self) -> SyncStatus:
        """What to show before the first sync: offline with the pending count, or, on a PC
        that has no server set up, that sync is not set up (nothing is "waiting" for it)."""
        try:
            pending = engine.pending_count(self.store)
        except Exception:
            pending = 0
        if not self.enrolled():
            message = self.tr("Sinkronisasi belum disiapkan")
            if pending:
                message = self.tr("{text} - {n} perubahan hanya ada di PC ini").format(
                    text=message, n=pending
                )
            detail = self.tr(
                "PC ini belum terhubung ke server kabupaten. Administrator dapat mendaftarkannya "
                "di Administrasi > Sinkronisasi..."
            )
            return SyncStatus(Phase.NOT_ENROLLED, message, pending, detail=detail)
        return compose(SyncStatus(Phase.OFFLINE, "", pending))

    def start_if_enrolled(self) -> bool:
        """Start syncing in the background if this PC is enrolled (once); True if running."""
        if self.scheduler is not None:
            return True
        if not self.enrolled():
            return False
        self.scheduler = SyncScheduler(self.store, self.changed.emit, **self._args)  # type: ignore[arg-type]
        self.scheduler.start()
        return True

    def poke(self) -> None:
        """A local change was saved: sync soon."""
        if self.scheduler is not None:
            self.scheduler.poke()

    def sync_now(self) -> None:
        if not self.start_if_enrolled():
            return
        assert self.scheduler is not None
        self.scheduler.sync_now()

    def stop(self) -> None:
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None:
            scheduler.stop()

    @Slot(object)
    def _remember(self, status: SyncStatus) -> None:
        self.status = status


class SyncStatusLabel(QLabel):
    """The status-bar text: "Luring - 12 perubahan menunggu", "Menyinkronkan 3/10",
    "Tersinkron 10:42", the captive portal, a clock that is off; the full error as tooltip."""

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setObjectName("syncStatus")
        self.show_status(bridge.initial_status())
        bridge.changed.connect(self.show_status, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        text = status.message or compose(SyncStatus(Phase.OFFLINE, "", status.pending)).message
        if status.phase == Phase.ERROR and status.pending:
            text = self.tr("{text} - {n} perubahan menunggu").format(text=text, n=status.pending)
        self.setText(text)
        self.setToolTip(status.detail or text)
        warn = status.phase in {Phase.ERROR, Phase.CAPTIVE_PORTAL, Phase.NOT_ENROLLED}
        self.setStyleSheet("color: #b3261e;" if warn or status.skew is not None else "")
