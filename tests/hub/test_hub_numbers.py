"""Numbers through the hub: PCs number from sub-leases cut out of the hub's blocks while central
is down; central then records each sub-lease as the PC's lease and every number once."""

from __future__ import annotations

from pathlib import Path

from desktop.letters import workflow
from sync.client import engine
from sync.client.server_address import HUB, set_hub_address
from tests.hub.conftest import Central, Hub
from tests.hub.helpers import central_versions, numbers, pc_versions
from tests.hub.test_offline_office import office_of_three, start_hub, via
from tests.sync.pcs import draft


def test_pcs_number_from_the_hubs_blocks_and_no_number_is_issued_twice(
    tmp_path: Path, hubs: list[Hub]
) -> None:
    central = Central(tmp_path, lease_block=2)  # small blocks: the PCs run out quickly
    central.init()
    central.start()
    try:
        pcs = office_of_three(central, tmp_path, "KEC-NUM")
        state = engine.state_of(pcs[0].store)
        assert state is not None
        hub = start_hub(central, tmp_path, "KEC-NUM", hubs)
        for pc in pcs:
            set_hub_address(pc.store, hub.url)
            via(pc, HUB)
        central.stop()
        issued: list[str] = []
        for round_no in range(4):
            for pc in (pcs[0], pcs[2]):  # two PCs number at the same time
                letter = draft(pc, f"Surat bernomor {round_no} dari {pc.name}")
                camat = pc.user("camat")
                workflow.send(pc.store, pc.user("budi"), letter, [], camat.id)
                issued.append(workflow.sign_by_hand(pc.store, camat, letter).number)
                via(pc, HUB)
        assert len(set(issued)) == len(issued) == 8
        central.start()
        hub.wait_caught_up(state.office_id)
        for pc in pcs:
            via(pc, HUB)
        held = numbers(central, state.office_id)
        keys = [(s, y, n) for s, y, n, _ in held]
        assert len(keys) == len(set(keys)) == 8
        # Some of them came from sub-leases: leases of a PC inside a block of the hub device.
        sub = central.query(
            "SELECT count(*) FROM leases p JOIN leases h ON h.device_id = :hub"
            " AND p.device_id != :hub AND p.series = h.series AND p.year = h.year"
            " AND p.start_seq >= h.start_seq AND p.end_seq <= h.end_seq"
            " AND p.voided_at IS NULL",
            hub=hub.device_id,
        )
        assert sub[0][0] >= 1
        # Every number lies in a live lease of the device that issued it.
        for series, year, seq, entity_id in held:
            owner = central.query(
                "SELECT device_id FROM issued_numbers WHERE entity_id = :e", e=entity_id
            )[0][0]
            assert central.query(
                "SELECT count(*) FROM leases WHERE device_id = :d AND series = :s AND year = :y"
                " AND start_seq <= :n AND end_seq >= :n",
                d=owner, s=series, y=year, n=seq,
            )[0][0] >= 1  # fmt: skip
        for pc in pcs:
            assert pc_versions(pc) == central_versions(central, state.office_id)
    finally:
        central.stop()
