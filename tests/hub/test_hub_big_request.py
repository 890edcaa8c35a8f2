"""A PC's big sync through the hub (issue 16's benchmark in small): one request of hundreds of
mutations is relayed to central whole, and the hub's copy of what central holds matches."""

from __future__ import annotations

from pathlib import Path

import requests

from sync.client import engine
from sync.client.server_address import HUB, set_hub_address
from tests.hub.conftest import Central, Hub
from tests.hub.helpers import central_versions, pc_versions
from tests.hub.test_offline_office import office_of_three, start_hub, via
from tests.sync.pcs import count, draft


def test_a_request_of_more_than_200_mutations_reaches_central_whole(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, pc2, pc3 = office_of_three(central, tmp_path, "KEC-BIG")
    state = engine.state_of(pc1.store)
    assert state is not None
    hub = start_hub(central, tmp_path, "KEC-BIG", hubs)
    for pc in (pc1, pc2):
        set_hub_address(pc.store, hub.url)
        via(pc, HUB)
    for n in range(120):  # several mutations each: one request far over 200 of them
        draft(pc1, f"Surat edaran nomor {n + 1}")
    report = via(pc1, HUB)
    assert report.batches <= 2  # the PC sent them in one request (and one pull)
    hub.wait_caught_up(state.office_id)
    assert hub.query("SELECT count(*) FROM hub_relay")[0][0] == 0  # none refused
    via(pc2, HUB)
    assert count(pc2.store, "SELECT count(*) FROM letter WHERE hal LIKE 'Surat edaran%'") == 120
    assert pc_versions(pc1) == pc_versions(pc2) == central_versions(central, state.office_id)
    assert pc3.sync().pending == 0  # a PC syncing directly with central gets them too
    assert count(pc3.store, "SELECT count(*) FROM letter WHERE hal LIKE 'Surat edaran%'") == 120
    # The hub asks central for the office every round: unchanged, it gets a 304 of no body.
    token = (hub.root / "hub-token").read_text(encoding="utf-8").strip()
    auth = {"Authorization": f"Bearer {token}"}
    first = requests.get(f"{central.url}/api/v1/hub/office", headers=auth, timeout=30)
    assert first.status_code == 200 and first.headers["ETag"]
    again = requests.get(
        f"{central.url}/api/v1/hub/office",
        headers={**auth, "If-None-Match": first.headers["ETag"]},
        timeout=30,
    )
    assert again.status_code == 304 and again.content == b""
