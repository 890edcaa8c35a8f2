"""The desktop app's side of the office hub (docs/office-hub.md): the background scheduler syncs
through the hub when it answers (often, cheaply) and with central otherwise, and says which;
``naskah sync`` does the same. Real hub and central processes on 127.0.0.1, real PC stores."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from desktop.__main__ import main
from desktop.letters import queries, workflow
from desktop.letters.queries import Queue
from sync.client import engine, server_address
from sync.client.errors import Offline
from sync.client.scheduler import Phase, SyncScheduler, SyncStatus
from sync.client.server_address import CENTRAL, HUB, last_path, set_hub_address
from tests.hub.conftest import Central, Hub
from tests.hub.test_offline_office import start_hub
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office, snapshot


def office_of_two(central: Central, root: Path, code: str) -> tuple[PC, PC]:
    central.add_office(code)
    pc1, pc2 = open_pc(root, "pc1"), open_pc(root, "pc2")
    set_up_office(pc1)
    for pc in (pc1, pc2):
        enrol(pc, central, code)
        pc.sync()
    pc1.sync()
    return pc1, pc2


class Runner:
    """A PC's real scheduler (the one the window runs), with the statuses it reported and the
    paths of the syncs it ran."""

    def __init__(self, pc: PC, **options: Any) -> None:
        self.pc = pc
        self.statuses: list[SyncStatus] = []
        self.paths: list[str] = []
        self._lock = threading.Lock()

        def sync(store: Any, **kwargs: Any) -> engine.SyncReport:
            report = server_address.sync_best(store, **kwargs)
            with self._lock:
                self.paths.append(last_path(store))
            return report

        self.scheduler = SyncScheduler(pc.store, self.statuses.append, sync=sync, **options)

    def synced(self) -> list[str]:
        with self._lock:
            return list(self.paths)

    def has_synced(self) -> bool:
        return self.scheduler.status.phase == Phase.SYNCED

    def wait_for(self, test: Callable[[], bool]) -> None:
        while not test():  # pytest-timeout ends a hang
            time.sleep(0.05)


@pytest.fixture
def runners() -> Iterator[list[Runner]]:
    made: list[Runner] = []
    yield made
    for runner in made:
        runner.scheduler.stop()


def in_queue(pc: PC, username: str, queue: Queue) -> int:
    return queries.count(pc.store, pc.user(username), queue)


def test_the_office_works_together_through_the_hub_without_anyone_pressing_sync(
    central: Central, hubs: list[Hub], runners: list[Runner], tmp_path: Path
) -> None:
    pc1, pc2 = office_of_two(central, tmp_path, "KEC-POLL")
    hub = start_hub(central, tmp_path, "KEC-POLL", hubs)
    for pc in (pc1, pc2):
        set_hub_address(pc.store, hub.url)
    # Central's timer is far away: only the hub's quick polls can bring the letter across.
    runners.extend(Runner(pc, interval=600.0, debounce=0.05) for pc in (pc1, pc2))
    for runner in runners:
        runner.scheduler.start()
    sender, receiver = runners
    for runner in runners:
        runner.wait_for(runner.has_synced)
    assert in_queue(pc2, "sari", Queue.TO_INITIAL) == 0

    # Budi sends a letter for Sari's paraf on PC1; the window pokes its scheduler on the change.
    letter = draft(pc1, "Undangan rapat tanpa menekan Sinkronkan")
    workflow.send(pc1.store, pc1.user("budi"), letter, [pc1.user("sari").id], pc1.user("camat").id)
    sender.scheduler.poke()
    # (The letter is in PC2's store a moment before the runner notes the path of that sync.)
    receiver.wait_for(
        lambda: in_queue(pc2, "sari", Queue.TO_INITIAL) == 1 and len(receiver.synced()) >= 2
    )

    # PC2 was never poked nor asked: its own polls of the hub brought the letter.
    assert set(receiver.synced()) == {HUB}
    last = receiver.scheduler.status
    assert last.path == HUB and last.message.startswith("Tersinkron lewat server kantor ")
    # Routine polls at the hub do not flash "Menyinkronkan..." once it says "Tersinkron".
    first_synced = next(i for i, s in enumerate(receiver.statuses) if s.phase == Phase.SYNCED)
    assert all(s.phase == Phase.SYNCED for s in receiver.statuses[first_synced:])

    # The hub is switched off: the next sync goes to central, says so, and central's slower
    # timer takes over (no more polls every second or two).
    hub.stop()
    before = len(sender.synced())
    sender.scheduler.sync_now()
    sender.wait_for(lambda: len(sender.synced()) > before and sender.scheduler.status.path != HUB)
    status = sender.scheduler.status
    assert status.phase == Phase.SYNCED and status.path == CENTRAL
    assert status.message.startswith("Tersinkron lewat server pusat ")
    assert sender.synced()[-1] == CENTRAL
    settled = len(sender.synced())
    time.sleep(3 * sender.scheduler.hub_interval)
    assert len(sender.synced()) == settled


def count_requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URL of every HTTP request this process sends (the real requests go out)."""
    sent: list[str] = []
    real = requests.Session.send

    def send(self: requests.Session, request: requests.PreparedRequest, **kwargs: Any) -> Any:
        sent.append(str(request.url))
        return real(self, request, **kwargs)

    monkeypatch.setattr(requests.Session, "send", send)
    return sent


def test_an_idle_sync_at_the_hub_is_one_request(
    central: Central, hubs: list[Hub], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pc1, _pc2 = office_of_two(central, tmp_path, "KEC-IDLE")
    hub = start_hub(central, tmp_path, "KEC-IDLE", hubs)
    set_hub_address(pc1.store, hub.url)
    assert server_address.sync_by_best_path(pc1.store)[0] == HUB  # hello, then the sync
    sent = count_requests(monkeypatch)
    path, report = server_address.sync_by_best_path(pc1.store)
    assert path == HUB and report.pushed == report.pulled == 0
    assert len(sent) == 1 and sent[0].startswith(hub.url + "/api/v1/sync")


def test_a_pc_keeps_centrals_cursor_and_a_flaky_hub_costs_no_full_pull(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, _pc2 = office_of_two(central, tmp_path, "KEC-CURSOR")
    # A PC that synced with central before this version (no path noted) stays on its cursor.
    path, report = server_address.sync_by_best_path(pc1.store)
    assert path == CENTRAL and report.pulled == 0

    hub = start_hub(central, tmp_path, "KEC-CURSOR", hubs)
    set_hub_address(pc1.store, hub.url)
    assert server_address.sync_by_best_path(pc1.store)[0] == HUB

    # No internet, and the hub PC restarts: the sync fails, and the path stays the hub's...
    central.stop()
    hub.stop()
    with pytest.raises(Offline):
        server_address.sync_by_best_path(pc1.store)
    assert last_path(pc1.store) == HUB
    # ...so once the hub is back, the PC goes on from its cursor there (nothing pulled again).
    hub.start()
    path, report = server_address.sync_by_best_path(pc1.store)
    assert path == HUB and report.pulled == 0


def changes_received(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many changes each sync answer this process receives carries (the real requests go
    out; a record already held still travels, and still costs the link)."""
    received: list[int] = []
    real = requests.Session.send

    def send(self: requests.Session, request: requests.PreparedRequest, **kwargs: Any) -> Any:
        response = real(self, request, **kwargs)
        if "/api/v1/sync" in str(request.url) and response.status_code == 200:
            received.append(len(response.json()["changes"]))
        return response

    monkeypatch.setattr(requests.Session, "send", send)
    return received


def letter_ids(pc: PC) -> set[str]:
    with pc.store.engine.connect() as conn:
        return {row[0] for row in conn.exec_driver_sql("SELECT id FROM letter").all()}


def test_leaving_the_hub_pulls_only_what_central_changed_since_the_pc_was_there(
    central: Central, hubs: list[Hub], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hub PC is switched off for an hour: the PCs go to central, and each pulls what central
    changed since it was last there, not the whole office again (over a rural link). A crash in
    the middle of the switch never leaves one server's cursor used with the other."""
    pc1, pc2 = office_of_two(central, tmp_path, "KEC-BACK")
    for n in range(6):
        draft(pc2, f"Surat lama {n}")
    pc2.sync()
    received = changes_received(monkeypatch)
    assert server_address.sync_by_best_path(pc1.store)[0] == CENTRAL
    whole = sum(received)
    assert whole > 6  # the six letters and what comes with them

    hub = start_hub(central, tmp_path, "KEC-BACK", hubs)
    set_hub_address(pc1.store, hub.url)
    received.clear()
    assert server_address.sync_by_best_path(pc1.store)[0] == HUB
    assert sum(received) >= whole  # the hub's own log, from 0 (over the LAN)

    new = draft(pc2, "Surat baru lewat pusat")
    pc2.sync()
    hub.stop()  # the hub PC is off; central answers
    received.clear()
    path, back = server_address.sync_by_best_path(pc1.store)
    assert path == CENTRAL and back.pulled > 0
    assert 0 < sum(received) < whole  # the new letter's records, not the office again
    assert new in letter_ids(pc1)

    # Back at the hub, then killed in the middle of the next switch to central, after the path
    # file was marked and before the cursor was moved: the file names neither path and the
    # cursor is still the hub's. The next sync must not use it with central.
    hub.start()
    assert server_address.sync_by_best_path(pc1.store)[0] == HUB
    later = draft(pc2, "Surat sesudah server kantor mati lagi")
    pc2.sync()
    hub.stop()
    path_file = pc1.store.data_dir / "sync-path.json"
    noted = json.loads(path_file.read_text(encoding="utf-8"))
    assert noted["path"] == HUB and noted["central_cursor"].isdigit()
    path_file.write_text(json.dumps({**noted, "path": "switching"}), encoding="utf-8")
    assert last_path(pc1.store) == ""

    received.clear()
    assert server_address.sync_by_best_path(pc1.store)[0] == CENTRAL
    assert 0 < sum(received) < whole
    assert {new, later} <= letter_ids(pc1)
    assert snapshot(pc1.store) == snapshot(pc2.store)


def test_naskah_sync_says_which_path_it_used(
    central: Central, hubs: list[Hub], tmp_path: Path, capsys: Any
) -> None:
    pc1, _pc2 = office_of_two(central, tmp_path, "KEC-CLI")
    hub = start_hub(central, tmp_path, "KEC-CLI", hubs)
    set_hub_address(pc1.store, hub.url)
    data = ["--data-dir", str(pc1.store.data_dir)]
    pc1.close()
    assert main(["sync", *data]) == 0
    assert capsys.readouterr().out.startswith("Tersinkron lewat server kantor:")
    hub.stop()
    assert main(["sync", *data]) == 0
    assert capsys.readouterr().out.startswith("Tersinkron lewat server pusat:")
