"""Enrolment of a new PC through the hub while central is down (docs/office-hub.md,
"Enrolment through the hub"): the code is the hub's own, so it is used at most once whichever
way the PC goes; the new PC works through the hub at once, and central learns of the device
(same id, same token) when the hub reaches it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.client import engine
from sync.client.errors import EnrolRefused
from sync.client.server_address import change_server_address
from tests.hub.conftest import Central, Hub
from tests.hub.helpers import central_versions, pc_versions
from tests.hub.test_offline_office import office_of_three, start_hub
from tests.sync.pcs import draft, open_pc


def test_a_pc_enrols_through_the_hub_while_central_is_down_and_central_confirms_it_later(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, _pc2, _pc3 = office_of_three(central, tmp_path, "KEC-ENR")
    state = engine.state_of(pc1.store)
    assert state is not None
    hub = start_hub(central, tmp_path, "KEC-ENR", hubs)
    central_code = central.enrol_code("KEC-ENR")
    central.stop()

    hub_code, _fingerprint = hub.enrol_code()
    new = open_pc(tmp_path, "pc-baru")
    with pytest.raises(EnrolRefused):  # central's code is not the hub's to use
        engine.enroll(new.store, hub.url, "KEC-ENR", central_code, "PC baru")
    mine = engine.enroll(new.store, hub.url, "KEC-ENR", hub_code, "PC baru")
    assert new.sync().pending == 0  # through the hub: the office's records come down
    letter = draft(new, "Surat dari PC baru")
    assert new.sync().pending == 0
    other = open_pc(tmp_path, "pc-lain")
    with pytest.raises(EnrolRefused):  # used: once, and only here
        engine.enroll(other.store, hub.url, "KEC-ENR", hub_code, "PC lain")

    central.start()
    hub.wait_caught_up(state.office_id)
    [device] = central.query("SELECT id, token_hash FROM devices WHERE id = :i", i=mine.device_id)
    assert (
        device.token_hash
        == hub.query("SELECT token_hash FROM devices WHERE id = :i", i=mine.device_id)[0][0]
    )
    assert (
        central.query(
            "SELECT count(*) FROM records WHERE entity = 'letter' AND entity_id = :i", i=letter
        )[0][0]
        == 1
    )
    with pytest.raises(EnrolRefused):  # the hub's code means nothing at central
        engine.enroll(other.store, central.url, "KEC-ENR", hub_code, "PC lain")

    # Away from the office the new PC syncs with central itself, with the same token.
    change_server_address(new.store, central.url)
    assert new.sync().pending == 0
    pc1.sync()
    assert pc_versions(new) == pc_versions(pc1) == central_versions(central, state.office_id)
