"""A hostile device on the office LAN: the hub refuses what central refuses. The hostile-client
suite of the central server (tests/sync/test_hostile_records.py) runs here against a real hub
process, each test with a fresh office and its own hub, the devices talking only to the hub."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import Engine

from sync.server import admin, db, hubs
from tests.hub.conftest import Central, Hub
from tests.sync.conftest import DeviceClient
from tests.sync.test_hostile_records import (
    test_a_record_no_table_can_hold_is_refused_and_the_office_keeps_syncing,
    test_an_epoch_the_server_never_granted_voids_nothing,
    test_integers_and_ids_out_of_range_get_422_and_change_nothing,
)

__all__ = [
    "test_a_record_no_table_can_hold_is_refused_and_the_office_keeps_syncing",
    "test_an_epoch_the_server_never_granted_voids_nothing",
    "test_integers_and_ids_out_of_range_get_422_and_change_nothing",
]
_numbers = itertools.count(1)


class HubServer:
    """What the hostile suite needs of ``module_sync_server``, with every device of an office
    talking to that office's hub (the newest office's hub: a test uses one office)."""

    def __init__(self, central: Central, root: Path) -> None:
        self.central = central
        self.root = root
        self.hubs: list[Hub] = []
        self.central_engine = db.make_engine(central.db)
        self.hub: Hub | None = None
        self.engine: Engine | None = None

    def new_office(self) -> tuple[str, str]:
        code = f"KEC-HOSTILE-{next(_numbers)}"
        office_id = admin.add_office(self.central_engine, code, f"Kecamatan {code}")
        hub = Hub(self.root / code, self.central, code)
        hub.root.mkdir()
        enrolled = self._enrol_at_central(code, "Server kantor")
        hub.device_id = enrolled["device_id"]
        (hub.root / "hub-token").write_text(enrolled["token"])
        hubs.allow(self.central_engine, hub.device_id)
        hub.start(interval=0.2)
        self.hubs.append(hub)
        self.hub = hub
        if self.engine is not None:
            self.engine.dispose()
        self.engine = db.make_engine(hub.db)
        return code, office_id

    def _enrol_at_central(self, code: str, name: str) -> dict[str, Any]:
        r = requests.post(
            f"{self.central.url}/api/v1/enroll",
            timeout=30,
            json={
                "office_code": code,
                "enrol_code": admin.make_enrol_code(self.central_engine, code),
                "device_name": name,
            },
        )
        assert r.status_code == 200, r.text
        answer: dict[str, Any] = r.json()
        return answer

    def enrol(self, office_code: str, name: str = "PC") -> DeviceClient:
        """Enrolled at central (enrolment through the hub is not built), then served by the hub
        once it has mirrored the device."""
        assert self.hub is not None and self.hub.office_code == office_code
        body = self._enrol_at_central(office_code, name)
        while not self.hub.query("SELECT id FROM devices WHERE id = :d", d=body["device_id"]):
            time.sleep(0.05)  # the hub's next round (pytest-timeout ends a hang)
        return DeviceClient(
            self.hub.url, body["device_id"], body["office_id"], body["office_code"], body["token"]
        )

    def close(self) -> None:
        for hub in self.hubs:
            hub.stop()
        if self.engine is not None:
            self.engine.dispose()
        self.central_engine.dispose()


@pytest.fixture(scope="module")
def module_sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubServer]:
    root = tmp_path_factory.mktemp("hostile-hub")
    central = Central(root)
    central.init()
    central.start()
    server = HubServer(central, root)
    yield server
    server.close()
    central.stop()
