"""A hub replaced by a new one rebuilt from central, at the same address, while a PC that synced
through the old one stays on the hub path (docs/office-hub.md, "When the hub is off, broken or
replaced"): the PC's cursor counted in the old hub's change log, so it must not be used with the
new one's. The new hub's answers name another log (``SyncResponse.log_id``), and the PC pulls
it from 0: nothing it missed is skipped."""

from __future__ import annotations

import json
from pathlib import Path

from sync.client import engine
from sync.client.server_address import HUB, last_path, set_hub_address
from tests.hub.conftest import Central, Hub
from tests.hub.helpers import central_versions, pc_versions
from tests.hub.test_offline_office import office_of_three, start_hub, via
from tests.hub.test_roaming import hals
from tests.sync.pcs import draft, save, snapshot


def test_a_pc_on_the_hub_path_pulls_a_replaced_hub_from_the_start(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, pc2, _ = office_of_three(central, tmp_path, "KEC-GANTI")
    state = engine.state_of(pc1.store)
    assert state is not None
    old = start_hub(central, tmp_path, "KEC-GANTI", hubs)
    set_hub_address(pc1.store, old.url)

    # PC1 works through the old hub: every save is an entry in the old hub's log, so PC1's
    # cursor ends far beyond the records the office has.
    letter = draft(pc1, "Surat dari PC1")
    via(pc1, HUB)
    for i in range(12):
        save(pc1, letter, hal=f"Surat dari PC1, perbaikan {i + 1}")
        via(pc1, HUB)
    old.wait_caught_up(state.office_id)
    old_log = json.loads((Path(pc1.store.data_dir) / "sync-path.json").read_text())["hub_log"]
    old.stop()

    # Meanwhile PC2, with no hub, writes a letter at central.
    draft(pc2, "Surat dari PC2 lewat pusat", username="budi")
    pc2.sync()

    # The replacement: enrolled anew, at the old one's address, rebuilt from central.
    new = Hub(tmp_path / "hub-baru", central, "KEC-GANTI", port=old.port)
    new.root.mkdir()
    hubs.append(new)
    new.enrol()
    new.start()
    new.wait_caught_up(state.office_id)

    # PC1 still goes straight to the hub path it used, and gets everything.
    assert last_path(pc1.store) == HUB
    via(pc1, HUB)
    assert hals(pc1) == sorted(["Surat dari PC1, perbaikan 12", "Surat dari PC2 lewat pusat"])
    assert pc_versions(pc1) == central_versions(central, state.office_id)
    pc2.sync()
    assert snapshot(pc1.store) == snapshot(pc2.store)
    new_log = json.loads((Path(pc1.store.data_dir) / "sync-path.json").read_text())["hub_log"]
    assert new_log and new_log != old_log
