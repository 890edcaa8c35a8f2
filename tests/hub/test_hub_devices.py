"""The hub accepts exactly the devices central accepts: a device revoked at central is refused
by the hub as soon as the hub has reached central, with central's message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.store import sync_models
from sync.client import engine
from sync.client.errors import NotEnrolled
from sync.client.server_address import HUB, set_hub_address, sync_by_best_path
from tests.hub.conftest import Central, Hub, cli
from tests.hub.test_offline_office import office_of_three, start_hub, via
from tests.sync.conftest import DeviceClient


def test_a_device_revoked_at_central_is_refused_by_the_hub(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, pc2, _ = office_of_three(central, tmp_path, "KEC-CABUT")
    hub = start_hub(central, tmp_path, "KEC-CABUT", hubs)
    for pc in (pc1, pc2):
        set_hub_address(pc.store, hub.url)
        via(pc, HUB)
    stolen = engine.state_of(pc2.store)
    assert stolen is not None
    cli("device", "revoke", stolen.device_id, "--db", central.db)
    while not hub.query(
        "SELECT revoked_at FROM devices WHERE id = :d AND revoked_at IS NOT NULL",
        d=stolen.device_id,
    ):
        time.sleep(0.1)  # the hub's next round
    # The thief's token, straight at the hub: refused with the reason.
    token = sync_models.token(stolen.device_id)
    assert token
    thief = DeviceClient(hub.url, stolen.device_id, stolen.office_id, stolen.office_code, token)
    r = thief.post("/api/v1/sync", json={"cursor": 0, "mutations": []})
    assert r.status_code == 401 and "dicabut" in r.json()["detail"]
    with pytest.raises(NotEnrolled):
        sync_by_best_path(pc2.store)  # neither the hub nor central takes it
    via(pc1, HUB)  # the rest of the office goes on
