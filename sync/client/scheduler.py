"""Background sync: one worker thread that syncs on start, on a timer, soon after local changes,
and again after failures with exponential backoff and jitter. No Qt here.

Each sync picks its path (``server_address.sync_best``: the office hub when it answers, else
central). Through the hub, the office works together without anyone pressing Sync: the timer
polls every ``hub_interval`` seconds (an idle sync at the hub is one request on the LAN) and a
local change syncs after ``hub_debounce``; central keeps the slower ``interval`` and
``debounce``. Those quick polls do not flash "Menyinkronkan..." in the status bar.

The UI registers ``on_status`` and gets a ``SyncStatus`` for its status bar every time
something changes; the callback runs on the worker thread, so a Qt wrapper should re-emit it
as a signal (queued to the GUI thread). Nothing here blocks the caller: ``poke()``,
``sync_now()`` and ``stop()`` only set flags and wake the worker.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from desktop.i18n import _
from desktop.store import clock
from desktop.store.db import Store
from sync.client import engine, server_address
from sync.client.engine import SyncReport
from sync.client.errors import NoServer, NotEnrolled, Offline, SyncError
from sync.client.transport import SKEW_LIMIT

log = logging.getLogger("naskah.sync")


class Phase(StrEnum):
    IDLE = "idle"  # not started yet
    SYNCING = "syncing"
    SYNCED = "synced"
    OFFLINE = "offline"
    CAPTIVE_PORTAL = "captive_portal"
    NOT_ENROLLED = "not_enrolled"
    ERROR = "error"


@dataclass(frozen=True)
class SyncStatus:
    phase: Phase
    message: str  # for the status bar, in Bahasa Indonesia
    pending: int  # local changes waiting to go up
    done: int = 0  # batches done in the running sync ...
    total: int = 0  # ... of about this many
    last_synced_at: datetime | None = None
    skew: timedelta | None = None  # the server's clock minus this PC's, when too far off
    retry_in: float | None = None  # seconds until the next attempt after a failure
    detail: str = ""  # the full error message after a failure
    path: str = ""  # the last successful sync's path: "hub", "central" ("" not known)


def compose(status: SyncStatus) -> SyncStatus:
    """``status`` with its status-bar message written for its phase and pending count."""
    waiting = _("{n} perubahan menunggu").format(n=status.pending) if status.pending else ""
    if status.phase == Phase.SYNCED:
        at = (status.last_synced_at or clock.now().astimezone()).astimezone().strftime("%H:%M")
        if status.path == server_address.HUB:
            parts = [_("Tersinkron lewat server kantor {t}").format(t=at)]
        elif status.path == server_address.CENTRAL:
            parts = [_("Tersinkron lewat server pusat {t}").format(t=at)]
        else:
            parts = [_("Tersinkron {t}").format(t=at)]
        parts += [skew_text(status.skew)] if status.skew is not None else []
    elif status.phase == Phase.OFFLINE:
        parts = [_("Luring")]
    elif status.phase == Phase.CAPTIVE_PORTAL:
        parts = [_("Jaringan meminta login (captive portal)")]
    else:
        return status
    return replace(status, message=" - ".join(parts + ([waiting] if waiting else [])))


SyncFn = Callable[..., SyncReport]


def skew_text(skew: timedelta) -> str:
    minutes = abs(skew).total_seconds() / 60
    amount = (
        _("{n} jam").format(n=round(minutes / 60)) if minutes >= 90 else
        _("{n} menit").format(n=round(minutes))
    )  # fmt: skip
    return _("Jam komputer selisih {amount}").format(amount=amount)


HUB_INTERVAL = 1.5  # seconds between polls while the office hub answers
HUB_DEBOUNCE = 0.3  # a local change goes to the hub this soon


class SyncScheduler:
    """Runs ``sync`` (default ``server_address.sync_best``) for ``store`` in the background
    (one sync at a time); ``path_of(store)`` says which path the last sync used."""

    def __init__(
        self,
        store: Store,
        on_status: Callable[[SyncStatus], None],
        *,
        interval: float = 300.0,
        debounce: float = 3.0,
        hub_interval: float = HUB_INTERVAL,
        hub_debounce: float = HUB_DEBOUNCE,
        backoff_min: float = 5.0,
        backoff_max: float = 900.0,
        rng: random.Random | None = None,
        sync: SyncFn = server_address.sync_best,
        path_of: Callable[[Store], str] = server_address.last_path,
    ) -> None:
        self.store = store
        self.on_status = on_status
        self.interval, self.debounce = interval, debounce
        self.hub_interval, self.hub_debounce = hub_interval, hub_debounce
        self._path_of = path_of
        self.backoff_min, self.backoff_max = backoff_min, backoff_max
        self._rng = rng or random.Random()
        self._sync = sync
        self._cond = threading.Condition()
        self._due: float | None = None
        self._stopping = False
        self._recount = False
        self._asked = False  # the user asked for this sync: show it even at the hub
        self.failures = 0
        self.status = SyncStatus(Phase.IDLE, "", 0)
        self._thread: threading.Thread | None = None

    # --- called from any thread -----------------------------------------------------------

    def start(self) -> None:
        """Start the worker; it syncs at once."""
        if self._thread is not None:
            return
        self._due = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="naskah-sync", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """A local change was saved: sync soon (but never sooner than a running backoff)."""
        with self._cond:
            self._recount = True
            if self.failures == 0:
                self._set_due(time.monotonic() + self._debounce())
            self._cond.notify()

    def sync_now(self) -> None:
        """The user asked: sync right away, whatever the backoff says."""
        with self._cond:
            self._asked = True
            self._set_due(time.monotonic())
            self._cond.notify()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the worker (a running sync finishes its current batch first)."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # --- the worker -----------------------------------------------------------------------

    @property
    def at_hub(self) -> bool:
        """The last sync went through the office hub (and none failed since)."""
        return self.status.phase == Phase.SYNCED and self.status.path == server_address.HUB

    def _debounce(self) -> float:
        return self.hub_debounce if self.at_hub else self.debounce

    def _set_due(self, when: float) -> None:
        self._due = when if self._due is None else min(self._due, when)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and not self._recount and not self._is_due():
                    wait = None if self._due is None else max(0.0, self._due - time.monotonic())
                    self._cond.wait(wait)
                if self._stopping:
                    return
                recount, self._recount = self._recount, False
                due = self._is_due()
                quiet = self.at_hub and not self._asked
                if due:
                    self._due = None
                    self._asked = False
            if due:
                self._attempt(quiet)
            elif recount:
                self._emit(compose(replace(self.status, pending=self._pending())))

    def _is_due(self) -> bool:
        return self._due is not None and time.monotonic() >= self._due

    def _pending(self) -> int:
        try:
            return engine.pending_count(self.store)
        except Exception:  # a busy store must not stop the status bar
            return self.status.pending

    def _attempt(self, quiet: bool = False) -> None:
        """One sync. ``quiet`` (a routine poll at the hub): the status bar keeps saying
        "Tersinkron" unless the sync turns out to have several batches to do."""
        pending = self._pending()
        if not quiet:
            self._emit(SyncStatus(Phase.SYNCING, _("Menyinkronkan..."), pending,
                                  last_synced_at=self.status.last_synced_at))  # fmt: skip
        progress = self._quiet_progress if quiet else self._progress
        try:
            report = self._sync(self.store, progress=progress)
        except SyncError as exc:
            self._failed(exc, exc.message, retry=exc.retry)
        except Exception as exc:  # a bug: keep the thread alive, show it, try again later
            log.exception("sync failed")
            self._failed(exc, _("Sinkronisasi gagal: {e}").format(e=exc), retry=True)
        else:
            self.failures = 0
            status = self._synced(report)
            wait = self.hub_interval if status.path == server_address.HUB else self.interval
            with self._cond:
                self._set_due(time.monotonic() + wait)
            self._emit(status)

    def _progress(self, done: int, total: int) -> None:
        self._emit(
            replace(
                self.status,
                message=_("Menyinkronkan {i}/{n}").format(i=done, n=max(done, total)),
                done=done,
                total=total,
            )
        )

    def _quiet_progress(self, done: int, total: int) -> None:
        if done < total:  # more than one batch: real work, show it
            self._progress(done, total)

    def _synced(self, report: SyncReport) -> SyncStatus:
        at = report.finished_at or clock.now().astimezone()
        skew = report.skew if report.skew is not None and abs(report.skew) > SKEW_LIMIT else None
        try:
            path = self._path_of(self.store)
        except Exception:  # an unreadable note of the path must not fail a good sync
            log.exception("reading the sync path failed")
            path = ""
        return compose(SyncStatus(Phase.SYNCED, "", report.pending, last_synced_at=at,
                                  skew=skew, path=path))  # fmt: skip

    def _failed(self, exc: Exception, message: str, *, retry: bool) -> None:
        self.failures += 1
        delay = self.backoff() if retry else self.backoff_max
        with self._cond:
            self._set_due(time.monotonic() + delay)
        status = SyncStatus(_phase_of(exc), message, self._pending(), retry_in=delay,
                            last_synced_at=self.status.last_synced_at, detail=message)  # fmt: skip
        self._emit(compose(status))

    def backoff(self) -> float:
        """Seconds to wait after the current run of failures: doubling, capped, jittered to
        between half and all of it, so that PCs cut off together do not return together."""
        ceiling = min(self.backoff_max, self.backoff_min * 2 ** max(0, self.failures - 1))
        return self._rng.uniform(ceiling / 2, ceiling)

    def _emit(self, status: SyncStatus) -> None:
        self.status = status
        try:
            self.on_status(status)
        except Exception:  # the UI's problem must not kill sync
            log.exception("sync status callback failed")


def _phase_of(exc: Any) -> Phase:
    if isinstance(exc, Offline):
        return Phase.OFFLINE
    if isinstance(exc, NoServer) and exc.captive_portal:
        return Phase.CAPTIVE_PORTAL
    if isinstance(exc, NotEnrolled):
        return Phase.NOT_ENROLLED
    return Phase.ERROR
