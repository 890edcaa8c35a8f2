"""The background sync runner: when it syncs, how it backs off, what the status bar hears."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.store.db import Store
from sync.client.engine import SyncReport
from sync.client.errors import NoServer, Offline
from sync.client.scheduler import Phase, SyncScheduler, SyncStatus
from tests.sync.pcs import draft, office_with_pcs


class FakeSync:
    """Stands in for engine.sync_once: answers with scripted outcomes, records call times."""

    def __init__(self, outcomes: list[BaseException | None] | None = None) -> None:
        self.outcomes = list(outcomes or [])
        self.calls: list[float] = []
        self.called = threading.Event()

    def __call__(self, store: Store, progress: Callable[[int, int], None]) -> SyncReport:
        self.calls.append(time.monotonic())
        self.called.set()
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if outcome is not None:
            raise outcome
        progress(1, 2)
        progress(2, 2)
        return SyncReport(batches=2, skew=timedelta(hours=2))

    def wait_calls(self, n: int) -> None:
        """Until ``n`` syncs have started (a scheduler that never gets there: pytest-timeout)."""
        while len(self.calls) < n:
            time.sleep(0.005)


def _scheduler(
    store: Store, fake: FakeSync, statuses: list[SyncStatus], **kw: Any
) -> SyncScheduler:
    options = {"interval": 60.0, "debounce": 0.05, "backoff_min": 0.05, "backoff_max": 0.4,
               "rng": random.Random(3), "sync": fake, **kw}  # fmt: skip
    return SyncScheduler(store, statuses.append, **options)


def test_syncs_at_start_after_changes_and_not_before_the_timer(store: Store) -> None:
    fake, statuses = FakeSync(), []
    runner = _scheduler(store, fake, statuses, debounce=0.5)
    runner.start()
    fake.wait_calls(1)
    time.sleep(0.2)
    assert len(fake.calls) == 1  # the timer (60 s) is far away
    runner.poke()
    runner.poke()  # changes close together (well within the debounce) make one sync
    fake.wait_calls(2)
    time.sleep(0.2)
    runner.stop()
    assert len(fake.calls) == 2
    messages = [s.message for s in statuses]
    assert "Menyinkronkan 1/2" in messages and "Menyinkronkan 2/2" in messages
    last = statuses[-1]
    assert last.phase == Phase.SYNCED and last.message.startswith("Tersinkron ")
    assert "Jam komputer selisih 2 jam" in last.message and last.skew == timedelta(hours=2)


def test_failures_back_off_with_jitter_then_recover(store: Store) -> None:
    fake, statuses = FakeSync([Offline("x"), Offline("x"), NoServer(), Offline("x")]), []
    runner = _scheduler(store, fake, statuses)
    runner.start()
    fake.wait_calls(5)
    runner.stop()
    # The delays it chose: 0.05 * 2**(n-1), capped at 0.4, jittered to between half and all.
    delays = [s.retry_in for s in statuses if s.retry_in is not None]
    ceilings = [0.05, 0.1, 0.2, 0.4]
    assert len(delays) == len(ceilings)
    for delay, ceiling in zip(delays, ceilings, strict=True):
        assert ceiling / 2 <= delay <= ceiling, (delay, ceiling)
    assert delays != ceilings  # jittered, not the bare doubling
    # ... and it waited them out (a slow machine only waits longer).
    gaps = [b - a for a, b in zip(fake.calls, fake.calls[1:], strict=False)]
    for n, (gap, delay) in enumerate(zip(gaps, delays, strict=False), start=1):
        assert gap >= delay, (n, gap, delay)
    phases = [s.phase for s in statuses if s.phase != Phase.SYNCING]
    assert phases == [Phase.OFFLINE, Phase.OFFLINE, Phase.CAPTIVE_PORTAL, Phase.OFFLINE,
                      Phase.SYNCED]  # fmt: skip
    assert runner.failures == 0
    portal = next(s for s in statuses if s.phase == Phase.CAPTIVE_PORTAL)
    assert "captive portal" in portal.message and portal.retry_in is not None


def test_changes_do_not_cut_a_backoff_short_but_the_user_can(store: Store) -> None:
    fake, statuses = FakeSync([Offline("x")]), []
    runner = _scheduler(store, fake, statuses, backoff_min=30.0, backoff_max=60.0)
    runner.start()
    fake.wait_calls(1)
    runner.poke()
    time.sleep(0.3)
    assert len(fake.calls) == 1
    runner.sync_now()
    fake.wait_calls(2)
    runner.stop()
    assert statuses[-1].phase == Phase.SYNCED


@pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)
def test_offline_status_counts_waiting_changes(tmp_path: Path, module_sync_server: Any) -> None:
    _, (pc,) = office_with_pcs(module_sync_server, tmp_path, "pc1")
    fake, statuses = FakeSync([Offline("x"), Offline("x")]), []
    runner = _scheduler(pc.store, fake, statuses, backoff_min=30.0, backoff_max=60.0)
    runner.start()
    fake.wait_calls(1)
    draft(pc, "Surat luring")  # one more letter while offline...
    runner.poke()  # ...the status bar hears about it at once (the backoff is 15-30 s)
    while statuses[-1].pending == 0 or statuses[-1].phase != Phase.OFFLINE:
        time.sleep(0.01)
    runner.stop()
    assert len(fake.calls) == 1  # counted for the poke, not by another attempt
    assert statuses[-1].message == f"Luring - {statuses[-1].pending} perubahan menunggu"


@pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)
def test_real_sync_in_the_background(tmp_path: Path, module_sync_server: Any) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    statuses: list[SyncStatus] = []
    runner = SyncScheduler(pc1.store, statuses.append, interval=60, debounce=0.05)
    runner.start()
    draft(pc1, "Surat dari latar belakang")
    runner.poke()
    while not (statuses and statuses[-1].phase == Phase.SYNCED and statuses[-1].pending == 0
               and len([s for s in statuses if s.phase == Phase.SYNCED]) >= 2):  # fmt: skip
        time.sleep(0.02)
    runner.stop()
    assert pc2.sync().pulled > 0
