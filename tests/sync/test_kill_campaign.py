"""SIGKILL campaign: a client process syncs a PC with many offline changes (small batches, a
blob, through a slow proxy so that a kill lands mid-sync) and is killed with SIGKILL at a
seeded random moment. After a restart and a sync to completion: nothing lost or duplicated,
``PRAGMA integrity_check`` ok, the outbox drained, and both PCs of the office identical.

Default run: a small sample of ``NASKAH_KILL_RUNS`` seeds (3 unless set, about 11 s each); the
full campaign (50 seeds) is marked slow: ``pytest -m slow tests/sync/test_kill_campaign.py``.
No seconds are asserted; a hang is caught by the per-test timeout, allowing ``SEED_TIMEOUT_S``
a seed.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desktop.letters import workflow
from desktop.store import sync_models
from desktop.store.db import open_store
from sync.client import engine
from tests.sync.faultproxy import FaultProxy, Faults
from tests.sync.pcs import PC, count, draft, office_with_pcs, sign, snapshot

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)

RUNS = int(os.environ.get("NASKAH_KILL_RUNS", "3"))
FULL_RUNS = 50
SEED_TIMEOUT_S = 120  # hang guard only: a seed takes about 11 s here
ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from pathlib import Path

import keyring

from desktop import seam
from desktop.store import sync_models
from desktop.store.db import open_store
from sync.client import engine
from sync.client.transport import Transport

data_dir, url, device_id, token, epoch, batch = sys.argv[1:]
seam.install()
keyring.set_password(sync_models.KEYRING_SERVICE, device_id, token)
sync_models.remember_epoch(device_id, int(epoch))
store = open_store(Path(data_dir))
print("ready", flush=True)
link = Transport(url, token, stall_timeout=10)
report = engine.sync_once(store, transport=link, batch_size=int(batch), blob_chunk=8192)
print("done", report.pending, flush=True)
"""


def _child(pc_dir: Path, url: str, batch: int) -> subprocess.Popen[str]:
    store = open_store(pc_dir)
    try:
        state = engine.state_of(store)
    finally:
        store.close()
    assert state is not None
    token = sync_models.token(state.device_id) or ""
    epoch = sync_models.keyring_epoch(state.device_id)
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "tests.memory_keyring.MemoryKeyring",
        "QT_QPA_PLATFORM": "offscreen",
    }
    args = [str(pc_dir), url, state.device_id, token, str(epoch), str(batch)]
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _hals(pc: PC) -> list[str]:
    with pc.store.engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT hal FROM letter")).all()]


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def one_run(server: Any, root: Path, seed: int) -> str:
    """One seeded kill; returns where the child was ('killed' or 'finished')."""
    rng = random.Random(seed)
    root.mkdir(parents=True)
    _, (pc1, pc2) = office_with_pcs(server, root, "pc1", "pc2")
    made = [f"Surat {seed}-1-{i}" for i in range(rng.randint(15, 30))]
    for hal in made:
        draft(pc1, hal)
    signed = draft(pc1, f"Surat {seed}-1-ttd")
    made.append(f"Surat {seed}-1-ttd")
    sign(pc1, signed)
    scan = b"%PDF-1.4\n" + random.Random(seed).randbytes(rng.randint(20_000, 80_000))
    workflow.attach_scan(pc1.store, pc1.user("camat"), signed, scan)
    theirs = [f"Surat {seed}-2-{i}" for i in range(rng.randint(3, 10))]
    for hal in theirs:
        draft(pc2, hal)
    pc2.sync()  # pc1 pulls these while it pushes its own
    pc1_dir = pc1.store.data_dir
    pending_before = count(pc1.store, "SELECT count(*) FROM outbox")
    pc1.close()

    faults = Faults(latency=0.03, bandwidth=200 * 1024)
    outcome = "killed"
    with FaultProxy(server.port, seed=seed, faults=faults, buffer=8 * 1024) as proxy:
        child = _child(pc1_dir, proxy.url, batch=rng.choice([3, 5, 8]))
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready", child.stderr.read()  # type: ignore[union-attr]
            time.sleep(rng.uniform(0.2, 6.0))
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
            else:
                outcome = "finished"
            child.wait(30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert _integrity(pc1_dir / pc1.store.path.name) == "ok"

    pc1 = PC("pc1", open_store(pc1_dir))  # the restart
    try:
        left = count(pc1.store, "SELECT count(*) FROM outbox")
        if outcome == "killed":
            outcome = (
                "killed before any ack"
                if left == pending_before
                else "killed mid-push"
                if left
                else "killed after the push"
            )
        assert engine.sync_once(pc1.store).pending == 0
        pc2.sync()
        pc1.sync()
        for pc in (pc1, pc2):
            hals = _hals(pc)
            assert len(hals) == len(set(hals)), f"{pc.name}: duplicates"
            assert set(made + theirs) <= set(hals), f"{pc.name}: lost records"
            assert count(pc.store, "SELECT count(*) FROM outbox") == 0
            assert count(pc.store, "SELECT count(*) FROM blob_wanted") == 0
        assert snapshot(pc1.store) == snapshot(pc2.store)
        assert _integrity(pc1.store.path) == "ok"
        with server.engine.connect() as conn:
            on_server = conn.execute(
                text("SELECT count(*) FROM records WHERE entity = 'letter' AND office_id = :o"),
                {"o": engine.state_of(pc1.store).office_id},  # type: ignore[union-attr]
            ).scalar()
        assert on_server == count(pc1.store, "SELECT count(*) FROM letter")
    finally:
        pc1.close()
        pc2.close()
    return outcome


def _campaign(server: Any, root: Path, seeds: range) -> None:
    started = time.monotonic()
    outcomes: Counter[str] = Counter()
    failures: list[tuple[int, str]] = []
    for seed in seeds:
        try:
            outcome = one_run(server, root / f"run-{seed}", seed)
        except AssertionError as exc:
            failures.append((seed, str(exc)[:300]))
            print(f"seed {seed}: FAILED {str(exc)[:300]}", flush=True)
        else:
            outcomes[outcome] += 1
            print(f"seed {seed}: {outcome} ({time.monotonic() - started:.0f} s)", flush=True)
    elapsed = time.monotonic() - started
    print(
        f"\nkill campaign: {len(seeds)} runs, {len(failures)} failures, {elapsed:.1f} s; "
        f"{dict(outcomes)}"
    )
    assert not failures, failures


@pytest.mark.timeout(SEED_TIMEOUT_S * max(1, RUNS))
def test_kill_campaign(module_sync_server: Any, tmp_path: Path) -> None:
    _campaign(module_sync_server, tmp_path, range(RUNS))


@pytest.mark.slow
@pytest.mark.timeout(SEED_TIMEOUT_S * FULL_RUNS)
def test_kill_campaign_full(module_sync_server: Any, tmp_path: Path) -> None:
    _campaign(module_sync_server, tmp_path, range(2000, 2000 + FULL_RUNS))
