"""Background sync for the window: a Qt bridge around ``SyncScheduler`` and its status-bar label.

The scheduler runs on its own Python thread (no Qt); its status callback emits ``changed`` from
that thread, and Qt queues the signal to the GUI thread, where the label and the menus read it.
Nothing here syncs on the GUI thread: ``start``, ``poke`` and ``sync_now`` only wake the worker.

The bridge listens to the store's change signal: any change made on this PC (an action, an
autosave) pokes a sync a few seconds later (the scheduler's debounce) instead of waiting for
the timer. The scheduler's own syncs write under the origin ``SYNC``, and what they apply does
not poke, so a sync never asks for another one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from desktop.store.changes import SYNC, Changes
from desktop.store.db import Store
from desktop.ui import ops, store_events
from desktop.ui.qt import QLabel, QObject, QWidget, Signal, Slot

if TYPE_CHECKING:  # the sync machinery (requests, cryptography) loads after the first paint
    from sync.client.engine import SyncReport
    from sync.client.scheduler import SyncScheduler, SyncStatus

log = logging.getLogger(__name__)


class SyncBridge(QObject):
    """Owns the scheduler of one store; ``changed(SyncStatus)`` arrives on the GUI thread.

    ``prepare()`` loads the sync client on a reading thread, then shows the first status and
    starts syncing if this PC is enrolled: the window paints without waiting for any of it.
    """

    changed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None, **scheduler_args: object):
        super().__init__(parent)
        self.store = store
        self.scheduler: SyncScheduler | None = None
        self._args = scheduler_args
        self.status: SyncStatus | None = None
        self.changed.connect(self._remember)  # queued when the scheduler thread emits
        store_events.of(store).changed.connect(self._store_changed)

    @property
    def running(self) -> bool:
        return self.scheduler is not None

    def prepare(self) -> None:
        """Off the GUI thread: load the sync client and read the enrolment and the pending
        count; then show that status and start syncing if enrolled."""
        ops.ReadOp(self, self._read_state).success(self._prepared).run()

    def _read_state(self) -> tuple[bool, SyncStatus]:
        return self.enrolled(), self.initial_status()

    def _prepared(self, state: tuple[bool, SyncStatus]) -> None:
        enrolled, status = state
        if self.status is None:  # a sync that already started reports for itself
            self.changed.emit(status)
        if enrolled:
            self.start_if_enrolled()

    def enrolled(self) -> bool:
        from sync.client import engine

        try:
            return engine.state_of(self.store) is not None
        except Exception:  # a busy or closed store: not now
            log.exception("reading the enrolment failed")
            return False

    def initial_status(self) -> SyncStatus:
        """What to show before the first sync: offline with the pending count, or, on a PC
        that has no server set up, that sync is not set up (nothing is "waiting" for it)."""
        from sync.client import engine
        from sync.client.scheduler import Phase, SyncStatus, compose

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
        from sync.client import scheduler, server_address

        args: dict[str, Any] = dict(self._args)
        sync = args.pop("sync", None) or server_address.sync_best  # the hub when it answers

        def sync_marked(store: Store, **kwargs: Any) -> SyncReport:
            with store.origin(SYNC):  # what this sync applies is not a local change
                return sync(store, **kwargs)

        self.scheduler = scheduler.SyncScheduler(
            self.store, self.changed.emit, sync=sync_marked, **args
        )
        self.scheduler.start()
        return True

    @Slot(object)
    def _store_changed(self, changes: Changes) -> None:
        if changes.origin != SYNC:
            self.poke()

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
    "Tersinkron lewat server kantor 10:42" (or "... lewat server pusat"), the captive portal,
    a clock that is off; the full error as tooltip."""

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setObjectName("syncStatus")
        if bridge.status is not None:
            self.show_status(bridge.status)
        bridge.changed.connect(self.show_status)

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        from sync.client.scheduler import Phase, SyncStatus, compose

        text = status.message or compose(SyncStatus(Phase.OFFLINE, "", status.pending)).message
        if status.phase == Phase.ERROR and status.pending:
            text = self.tr("{text} - {n} perubahan menunggu").format(text=text, n=status.pending)
        self.setText(text)
        self.setToolTip(status.detail or text)
        warn = status.phase in {Phase.ERROR, Phase.CAPTIVE_PORTAL, Phase.NOT_ENROLLED}
        self.setStyleSheet("color: #b3261e;" if warn or status.skew is not None else "")
