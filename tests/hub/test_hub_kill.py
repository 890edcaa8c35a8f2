"""The kill campaign extended to the hub: two PCs work and sync through the hub while the hub
(also relaying to central at the same time) is killed with SIGKILL at seeded moments and started
again. Afterwards: the hub's database is sound, nothing is lost or duplicated, and central, the
hub and both PCs agree (docs/office-hub.md).

2 seeds by default (``NASKAH_HUB_KILL_RUNS``); the long run is its own command:
``.venv/bin/python -m pytest -n 0 -m slow tests/hub/test_hub_kill.py`` (``NASKAH_HUB_KILL_FULL``
seeds, 30 by default), which prints the figures.
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from sync.client import engine
from sync.client.errors import SyncError
from sync.client.server_address import set_hub_address, sync_by_best_path
from tests.hub.conftest import Central, Hub
from tests.hub.helpers import central_versions, pc_versions, unsynced
from tests.sync.pcs import PC, draft, enrol, open_pc, save, set_up_office

RUNS = int(os.environ.get("NASKAH_HUB_KILL_RUNS", "2"))
FULL_RUNS = int(os.environ.get("NASKAH_HUB_KILL_FULL", "30"))
SEED_TIMEOUT_S = 300


def hals(pc: PC) -> Counter[str]:
    with pc.store.engine.connect() as conn:
        return Counter(r[0] for r in conn.execute(text("SELECT hal FROM letter")).all())


def sync_until_done(pc: PC, paths: Counter[str]) -> None:
    """Sync (hub when it answers, else central) until the outbox is empty."""
    while True:
        try:
            path, report = sync_by_best_path(pc.store)
        except SyncError:
            time.sleep(0.2)
            continue
        paths[path] += 1
        if report.pending == 0:
            return


def one_run(central: Central, root: Path, seed: int) -> Counter[str]:
    rng = random.Random(seed)
    code = f"KEC-KILL-{seed}"
    central.add_office(code)
    pcs = [open_pc(root, f"pc{i}") for i in (1, 2)]
    set_up_office(pcs[0])
    for pc in pcs:
        enrol(pc, central, code)
        pc.sync()
    pcs[0].sync()
    state = engine.state_of(pcs[0].store)
    assert state is not None
    hub = Hub(root / "hub", central, code)
    hub.root.mkdir()
    hub.enrol()
    hub.start(interval=0.2)
    outcome: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    try:
        for pc in pcs:
            set_hub_address(pc.store, hub.url)
        for step in range(3):
            for pc in pcs:
                for n in range(rng.randint(2, 5)):
                    hal = f"Surat {pc.name} langkah {step} nomor {n}"
                    letter = draft(pc, hal)
                    if rng.random() < 0.4:
                        hal += " (diubah)"
                        save(pc, letter, hal=hal)
                    expected[hal] += 1
            delay = rng.uniform(0.0, 1.5)
            killer = threading.Timer(delay, hub.kill)
            killer.start()
            for pc in pcs:
                sync_until_done(pc, outcome)
            killer.join()
            if hub.proc is not None and hub.proc.poll() is not None:
                outcome["killed"] += 1
                hub.start(interval=0.2)
                for pc in pcs:
                    sync_until_done(pc, outcome)
        hub.wait_caught_up(state.office_id)
        for pc in pcs:
            sync_until_done(pc, outcome)
        hub.wait_caught_up(state.office_id)
        for pc in pcs:
            sync_until_done(pc, outcome)
        db = sqlite3.connect(hub.db)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            db.close()
        for pc in pcs:
            assert unsynced(pc) == 0
            assert hals(pc) == expected, f"seed {seed}: lost or duplicated letters"
            assert pc_versions(pc) == central_versions(central, state.office_id)
        held = Counter(
            r[0]
            for r in central.query(
                "SELECT json_extract(fields, '$.hal') FROM records WHERE office_id = :o"
                " AND entity = 'letter'",
                o=state.office_id,
            )
        )
        assert held == expected
        return outcome
    finally:
        hub.stop()
        for pc in pcs:
            pc.close()


def campaign(tmp_path: Path, seeds: range) -> None:
    central = Central(tmp_path)
    central.init()
    central.start()
    started = time.monotonic()
    totals: Counter[str] = Counter()
    try:
        for seed in seeds:
            outcome = one_run(central, tmp_path / f"run-{seed}", seed)
            totals.update(outcome)
            print(f"seed {seed}: {dict(outcome)} ({time.monotonic() - started:.0f} s)", flush=True)
    finally:
        central.stop()
    print(
        f"\nhub kill campaign: {len(seeds)} runs, 0 lost, 0 duplicated, "
        f"{time.monotonic() - started:.1f} s; {dict(totals)}"
    )


@pytest.mark.timeout(SEED_TIMEOUT_S * max(1, RUNS))
def test_hub_kill_campaign(tmp_path: Path) -> None:
    campaign(tmp_path, range(RUNS))


@pytest.mark.slow
@pytest.mark.timeout(SEED_TIMEOUT_S * FULL_RUNS)
def test_hub_kill_campaign_full(tmp_path: Path) -> None:
    campaign(tmp_path, range(3000, 3000 + FULL_RUNS))
