"""The store's change notices as a Qt signal on the GUI thread.

``Store.write()`` tells its listeners what each commit changed, on the thread that wrote (the
writer thread, the sync thread, or the GUI thread for a save on the spot). ``StoreEvents``
re-emits them as ``changed(Changes)`` on the GUI thread, merged per origin per turn of the event
loop, so a burst of commits (a sync applying a hundred records) reaches each listener once.
The letter list, the queue counts, the open letter, the conflicts and the sync scheduler listen
here instead of being refreshed by hand after each action.
"""

from __future__ import annotations

import threading
import weakref

from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.ui.qt import QObject, QTimer, Signal, Slot

_bridges: weakref.WeakKeyDictionary[Store, StoreEvents] = weakref.WeakKeyDictionary()


def pending() -> bool:
    """Has a store told of a change that has not reached the GUI thread's listeners yet?"""
    return any(bridge.undelivered for bridge in list(_bridges.values()))


def of(store: Store) -> StoreEvents:
    """The one bridge of ``store`` (made on first use, on the GUI thread)."""
    bridge = _bridges.get(store)
    if bridge is None:
        bridge = StoreEvents(store)
        _bridges[store] = bridge
    return bridge


class StoreEvents(QObject):
    """``changed(Changes)`` on the GUI thread after every committed write to one store."""

    changed = Signal(object)
    _heard = Signal(object)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._buffer: dict[str, Changes] = {}
        self._lock = threading.Lock()
        self.undelivered = 0  # heard from the store, not yet emitted (tests wait for these)
        self._collected = 0  # of those, the ones in the buffer (the rest are in Qt's queue)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._deliver)
        self._heard.connect(self._collect)  # queued when the writer is another thread
        # Lives as long as its store (``of``); if Qt deleted it first, ``_from_store`` says so.
        self.unsubscribe = store.on_change(self._from_store)

    def _count(self, n: int) -> None:
        with self._lock:
            self.undelivered += n

    def _from_store(self, changes: Changes) -> None:
        """Runs on the thread that wrote."""
        self._count(1)
        try:
            self._heard.emit(changes)
        except RuntimeError:  # the bridge was deleted meanwhile (the app is closing)
            self._count(-1)

    @Slot(object)
    def _collect(self, changes: Changes) -> None:
        earlier = self._buffer.get(changes.origin)
        self._buffer[changes.origin] = earlier.merged(changes) if earlier else changes
        self._collected += 1
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _deliver(self) -> None:
        buffer, self._buffer = self._buffer, {}
        delivered, self._collected = self._collected, 0
        try:
            for changes in buffer.values():
                self.changed.emit(changes)
        finally:
            self._count(-delivered)
