"""Seeded runs of a hub restored from its backup while central is down (docs/office-hub.md,
"Restoring a hub from its backup"), with the PCs' syncs cut at random moments while they
reconcile: a request lost before the hub saw it, or the hub's answer lost after it applied it.

Each run: three PCs work through the hub, a backup, random work (drafts, edits by any PC that
holds a letter's latest text, letters signed with numbers, syncs, some PCs not synced at the
end), the hub killed and restored, a PC's edit
before it meets the restored hub, then rounds of syncs with random cuts until every PC has
reconciled. Every letter must hold its writer's last text on every PC, with no conflict, each
number once; then central comes back and must hold exactly what the PCs hold, each mutation
once.

1 seed by default (``NASKAH_HUB_RESTORE_RUNS``); the long run is its own command:
``.venv/bin/python -m pytest -n 0 -m slow tests/hub/test_hub_restore_campaign.py -s``
(``NASKAH_HUB_RESTORE_FULL`` seeds, 20 by default, from ``NASKAH_HUB_RESTORE_FIRST``), which
prints the figures.
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from desktop.letters import workflow
from desktop.letters.drafting import get_letter
from sync.client import engine
from sync.client.errors import Offline, SyncError
from sync.client.server_address import HUB, set_hub_address, sync_by_best_path
from sync.client.transport import Transport
from tests.hub.conftest import Central, Hub, cli
from tests.hub.helpers import unsynced
from tests.hub.test_hub_restore import central_agrees
from tests.hub.test_offline_office import office_of_three, via
from tests.sync.pcs import PC, count, draft, save, snapshot

RUNS = int(os.environ.get("NASKAH_HUB_RESTORE_RUNS", "1"))
FULL_RUNS = int(os.environ.get("NASKAH_HUB_RESTORE_FULL", "20"))
FIRST_SEED = int(os.environ.get("NASKAH_HUB_RESTORE_FIRST", "5000"))  # to run one seed again
FIRST_SEED = int(os.environ.get("NASKAH_HUB_RESTORE_FIRST", "5000"))  # to run one seed again
SEED_TIMEOUT_S = 120


class Cut:
    """``Transport.sync`` that fails once, at its ``at``-th call: before sending (the request
    is lost) or after the hub answered (the answer is lost)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, at: int, after: bool) -> None:
        self.real, self.calls, self.at, self.after = Transport.sync, 0, at, after
        self.fired = False
        self.monkeypatch = monkeypatch

        def sync(link: Transport, request: Any) -> Any:
            return self.sync(link, request)

        monkeypatch.setattr(Transport, "sync", sync)

    def sync(self, link: Transport, request: Any) -> Any:
        self.calls += 1
        if self.calls != self.at:
            return self.real(link, request)
        self.fired = True
        if self.after:
            self.real(link, request)
        raise Offline("jaringan putus")

    def undo(self) -> None:
        self.monkeypatch.setattr(Transport, "sync", self.real)


def one_run(central: Central, root: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> Counter:
    rng = random.Random(seed)
    outcome: Counter[str] = Counter()
    code = f"KEC-R{seed}"
    root.mkdir()
    pcs = office_of_three(central, root, code)
    state = engine.state_of(pcs[0].store)
    assert state is not None
    office_id = state.office_id
    hub = Hub(root / "hub", central, code, lease_block=2)
    hub.root.mkdir()
    try:
        hub.enrol()
        hub.start()
        for pc in pcs:
            set_hub_address(pc.store, hub.url)
        expected: dict[str, str] = {}  # letter id -> the text its writer gave it last
        letter_writer: dict[str, str] = {}  # who drafted it
        signed: set[str] = set()
        for pc in pcs:
            for i in range(rng.randint(1, 2)):
                letter = draft(pc, f"{pc.name} awal {i}")
                expected[letter] = f"{pc.name} awal {i}"
                letter_writer[letter] = pc.name
        for pc in pcs:
            via(pc, HUB)
        for pc in pcs:
            via(pc, HUB)
        hub.wait_caught_up(office_id)
        central.stop()
        backup = root / "cadangan"
        cli("hub", "backup", "--db", hub.db, "--blobs", str(hub.root / "hub-blobs"), "--to",
            str(backup))  # fmt: skip

        unsynced_by: dict[str, PC] = {}  # letter -> the PC whose edit has not gone up yet

        def editable(pc: PC) -> list[str]:
            """Letters ``pc`` may change without a conflict: not signed, holding their latest
            text, no other PC's edit still waiting to go up. Any PC, not only the writer."""
            found = []
            for letter in expected:
                if letter in signed or unsynced_by.get(letter, pc) is not pc:
                    continue
                if not count(pc.store, f"SELECT count(*) FROM letter WHERE id = '{letter}'"):
                    continue
                if get_letter(pc.store, pc.user("budi"), letter).hal == expected[letter]:
                    found.append(letter)
            return sorted(found)

        def edit(pc: PC, step: str) -> None:
            choices = editable(pc)
            if not choices:
                return
            letter = rng.choice(choices)
            text = f"{pc.name} {step}"
            save(pc, letter, hal=text)
            expected[letter], unsynced_by[letter] = text, pc
            outcome["edits"] += 1
            outcome["edits_of_another_pcs_letter"] += int(letter_writer[letter] != pc.name)

        def synced(pc: PC) -> None:
            via(pc, HUB)
            for letter in [x for x, p in unsynced_by.items() if p is pc]:
                del unsynced_by[letter]

        for step in range(rng.randint(8, 16)):
            pc = rng.choice(pcs)
            action = rng.choice(("draft", "edit", "edit", "sign", "sync", "sync"))
            if action == "draft":
                letter = draft(pc, f"{pc.name} baru {step}")
                expected[letter] = f"{pc.name} baru {step}"
                letter_writer[letter], unsynced_by[letter] = pc.name, pc
                outcome["drafts"] += 1
            elif action == "edit":
                edit(pc, f"ubah {step}")
            elif action == "sign":
                mine = editable(pc)
                if mine:
                    letter = rng.choice(mine)
                    unsynced_by[letter] = pc
                    camat = pc.user("camat")
                    workflow.send(pc.store, pc.user("budi"), letter, [], camat.id)
                    workflow.sign_by_hand(pc.store, camat, letter)
                    signed.add(letter)
                    outcome["signed"] += 1
            else:
                synced(pc)
        for pc in pcs:
            if rng.random() < 0.7:
                synced(pc)  # the others still hold work the dead hub never saw
        lost = hub.queue_length()
        outcome["acked_by_the_dead_hub"] += lost

        hub.kill()
        cli("hub", "restore", "--db", hub.db, "--blobs", str(hub.root / "hub-blobs"), "--from",
            str(backup))  # fmt: skip
        hub.start()
        early = rng.choice(pcs)
        edit(early, "sebelum sinkron")  # on a version of the dead hub's log

        for round_no in range(8):
            order = pcs[:]
            rng.shuffle(order)
            for pc in order:
                if round_no < 4 and rng.random() < 0.6:
                    cut = Cut(monkeypatch, rng.randint(1, 3), rng.random() < 0.5)
                    try:
                        sync_by_best_path(pc.store)
                    except SyncError:
                        pass
                    finally:
                        cut.undo()
                    outcome["cuts"] += int(cut.fired)
                else:
                    via(pc, HUB)
            if round_no >= 4 and _settled(pcs):
                break
        assert _settled(pcs), f"seed {seed}: the PCs did not converge"
        for pc in pcs:
            assert count(pc.store, "SELECT count(*) FROM conflict") == 0, (seed, _conflicts(pc))
            budi = pc.user("budi")
            for letter, text in expected.items():
                assert get_letter(pc.store, budi, letter).hal == text, (seed, pc.name, letter)
        issued = count(pcs[0].store, "SELECT count(*) FROM issued_number")
        assert issued == len(signed)
        outcome["letters"] += len(expected)

        central_agrees(central, hub, pcs, office_id)
        return outcome
    finally:
        hub.stop()
        for pc in pcs:
            pc.close()


def _conflicts(pc: PC) -> list[Any]:
    from sqlalchemy import text

    with pc.store.engine.connect() as conn:
        return list(
            conn.execute(
                text("SELECT entity, fields, server_values, client_values, reason FROM conflict")
            ).all()
        )


def _settled(pcs: list[PC]) -> bool:
    for pc in pcs:
        state = engine.state_of(pc.store)
        if state is None or state.reconcile_log or unsynced(pc):
            return False
        if count(pc.store, "SELECT count(*) FROM reconcile_record"):
            return False
    first = snapshot(pcs[0].store)
    return all(snapshot(pc.store) == first for pc in pcs[1:])


def campaign(tmp_path: Path, seeds: range, monkeypatch: pytest.MonkeyPatch) -> None:
    central = Central(tmp_path, lease_block=2)
    central.init()
    central.start()
    started = time.monotonic()
    totals: Counter[str] = Counter()
    try:
        for seed in seeds:
            outcome = one_run(central, tmp_path / f"run-{seed}", seed, monkeypatch)
            totals.update(outcome)
            print(f"seed {seed}: {dict(outcome)} ({time.monotonic() - started:.0f} s)", flush=True)
    finally:
        central.stop()
    assert totals["acked_by_the_dead_hub"] > 0  # the restores had something to bring back
    print(
        f"\nhub restore campaign: {len(seeds)} runs, 0 lost, 0 duplicated, 0 numbers twice, "
        f"{time.monotonic() - started:.1f} s; {dict(totals)}"
    )


@pytest.mark.timeout(SEED_TIMEOUT_S * max(1, RUNS))
def test_hub_restore_campaign(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    campaign(tmp_path, range(RUNS), monkeypatch)


@pytest.mark.slow
@pytest.mark.timeout(SEED_TIMEOUT_S * FULL_RUNS)
def test_hub_restore_campaign_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    campaign(tmp_path, range(FIRST_SEED, FIRST_SEED + FULL_RUNS), monkeypatch)
