"""Access by sifat through the office hub: a PC syncing with the hub receives only what its users
may see, exactly as at central (the hub runs central's handler, docs/office-hub.md).

Central's own test (``tests/sync/test_access_sync.py``) runs here against a real hub process,
every device talking only to the hub; and a disposition made at central (a laptop syncing
there directly) opens the letter at the hub once the hub has adopted it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.hub.conftest import Central
from tests.hub.test_hostile_hub import HubServer
from tests.sync.conftest import DeviceClient
from tests.sync.test_access_sync import (
    test_the_server_sends_a_device_only_what_its_users_may_see,
)

__all__ = ["test_the_server_sends_a_device_only_what_its_users_may_see"]

C, X = str(uuid.uuid4()), str(uuid.uuid4())  # the camat, a staffer


@pytest.fixture
def sync_server(central: Central, tmp_path: Path) -> Iterator[HubServer]:
    """What the access test needs of ``sync_server``, each office served by its own hub."""
    server = HubServer(central, tmp_path)
    yield server
    server.close()


def pull(device: DeviceClient, users: list[str], cursor: int = 0) -> tuple[set[str], int, Any]:
    """The ids the device gets from ``cursor`` on naming ``users``, the new cursor, and the
    last answer."""
    got: set[str] = set()
    while True:
        r = device.post("/api/v1/sync", json={"cursor": cursor, "mutations": [], "users": users})
        assert r.status_code == 200, r.text
        answer = r.json()
        got |= {c["entity_id"] for c in answer["changes"]}
        cursor = answer["cursor"]
        if not answer["more"]:
            return got, cursor, answer


def test_a_rahasia_letter_reaches_a_pc_through_the_hub_only_for_its_people(
    sync_server: HubServer, central: Central
) -> None:
    code, office_id = sync_server.new_office()
    hub = sync_server.hub
    assert hub is not None
    pc1, pc2 = sync_server.enrol(code, "pc1"), sync_server.enrol(code, "pc2")
    laptop = sync_server.enrol(code, "laptop")
    roaming = DeviceClient(
        central.url, laptop.device_id, laptop.office_id, laptop.office_code, laptop.token
    )
    secret, plain, scan, note = (str(uuid.uuid4()) for _ in range(4))
    common = {"received_date": "2026-03-03", "sender_name": "Polres", "sender_number": "B/1",
              "hal": "Penyelidikan", "registered_by": C, "addressed_to_id": C,
              "state": "baru"}  # fmt: skip
    for letter_id, sifat in ((secret, "Rahasia"), (plain, "Biasa")):
        ack = pc1.push("incoming_letter", letter_id, {**common, "sifat": sifat})
        assert ack["status"] == "applied", ack
    scan_fields = {"incoming_id": secret, "position": 1, "sha256": "0" * 64,
                   "media_type": "application/pdf"}  # fmt: skip
    ack = pc1.push("incoming_scan", scan, scan_fields)
    assert ack["status"] == "applied", ack

    # The staffer's PC, through the hub: the Biasa letter only.
    got, cursor, answer = pull(pc2, [X])
    assert plain in got and not {secret, scan} & got, got
    # The answer is central's: its server id (the PC's same-server check), and the count of
    # central's offices, as the hub mirrored their directory (a PC refreshes its own from it).
    hello = requests.get(f"{central.url}/api/v1/hello", timeout=30).json()
    assert answer["server_id"] == hello["server_id"] != ""
    offices = central.query("SELECT count(*) FROM offices")[0][0]
    assert answer["office_count"] == offices >= 1 and answer["limits"] is not None
    # The camat's PC gets both.
    got_c, _, _ = pull(sync_server.enrol(code, "pc3"), [C])
    assert {secret, scan, plain} <= got_c

    # The camat disposes the letter to the staffer on a laptop at central; once the hub has
    # relayed and adopted, the staffer's PC gets the letter through the hub.
    hub.wait_caught_up(office_id)
    given = {"incoming_id": secret, "from_id": C, "to_id": X, "state": "dikirim",
             "created_at": "2026-03-03T01:00:00"}  # fmt: skip
    ack = roaming.push("disposition", note, given)
    assert ack["status"] == "applied", ack
    hub.wait_caught_up(office_id)
    got, _, _ = pull(pc2, [X], cursor)
    assert {secret, scan, note} <= got, got
