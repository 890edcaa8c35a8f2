"""Issue 16's story: the office works through its hub with central stopped the whole time,
then central comes back and holds exactly what the PCs hold (docs/office-hub.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.letters import workflow
from desktop.letters.drafting import get_letter
from sync.client import engine
from sync.client.server_address import HUB, set_hub_address, sync_by_best_path
from tests.hub.conftest import Central, Hub
from tests.hub.helpers import (
    central_holds_blob,
    central_versions,
    numbers,
    pc_blobs,
    pc_versions,
    unsynced,
)
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office


def office_of_three(central: Central, root: Path, code: str) -> list[PC]:
    """PC1 sets the office up; the three PCs enrol with central and sync until each holds all."""
    central.add_office(code)
    pcs = [open_pc(root, name) for name in ("pc1", "pc2", "pc3")]
    set_up_office(pcs[0])
    for pc in pcs:
        enrol(pc, central, code)
        pc.sync()
    return pcs


def via(pc: PC, expected: str) -> Any:
    path, report = sync_by_best_path(pc.store)
    assert path == expected
    assert report.pending == 0
    return report


def start_hub(central: Central, root: Path, code: str, hubs: list[Hub]) -> Hub:
    hub = Hub(root / "hub", central, code)
    hub.root.mkdir()
    hubs.append(hub)
    hub.enrol()
    hub.start()
    return hub


def test_the_office_works_through_its_hub_while_central_is_down(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, pc2, pc3 = office_of_three(central, tmp_path, "KEC-HUB")
    state = engine.state_of(pc1.store)
    assert state is not None
    office_id = state.office_id
    hub = start_hub(central, tmp_path, "KEC-HUB", hubs)
    for pc in (pc1, pc2, pc3):
        set_hub_address(pc.store, hub.url)
    central.stop()  # no internet from here to the end of the story

    # PC1 drafts and sends for review (paraf by Sari, then the camat signs).
    budi = pc1.user("budi")
    letter_id = draft(pc1, "Undangan Rapat Koordinasi Distrik")
    workflow.send(pc1.store, budi, letter_id, [pc1.user("sari").id], pc1.user("camat").id)
    via(pc1, HUB)

    # PC2: Sari sees it in her queue and gives her paraf.
    via(pc2, HUB)
    sari = pc2.user("sari")
    assert get_letter(pc2.store, sari, letter_id).holder_id == sari.id
    workflow.initial(pc2.store, sari, letter_id)
    via(pc2, HUB)

    # PC3: the camat signs by hand; the number comes from this PC's lease.
    via(pc3, HUB)
    camat = pc3.user("camat")
    signed = workflow.sign_by_hand(pc3.store, camat, letter_id)
    assert signed.number
    via(pc3, HUB)

    # PC1 sees the signed letter with its number and final PDF.
    via(pc1, HUB)
    seen = get_letter(pc1.store, budi, letter_id)
    assert seen.status == "signed" and seen.number == signed.number and seen.pdf_hash
    assert hub.queue_length() > 0  # all of it waits for central
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter_id) == [
        (0,)
    ]  # central has not seen the letter at all

    # Central comes back; the hub relays on its own.
    central.start()
    hub.wait_drained()
    for pc in (pc1, pc2, pc3):
        via(pc, HUB)  # picks up anything the hub adopted from central
    for pc in (pc1, pc2, pc3):
        assert unsynced(pc) == 0
        assert pc_versions(pc) == pc_versions(pc1)
    held = central_versions(central, office_id)
    assert held == pc_versions(pc1)
    for sha in pc_blobs(pc1):
        assert central_holds_blob(central, office_id, sha)
    issued = numbers(central, office_id)
    keys = [(s, y, n) for s, y, n, _ in issued]
    assert len(keys) == len(set(keys)) == len(pc_versions(pc1)["issued_number"]) == 1
    # The hub's own copy agrees with central (what a PC pulls from either is the same).
    assert hub.query(
        "SELECT entity, entity_id, version FROM records WHERE entity != 'audit' ORDER BY 1, 2"
    ) == central.query(
        "SELECT entity, entity_id, version FROM records WHERE office_id = :o AND entity != 'audit'"
        " ORDER BY 1, 2",
        o=office_id,
    )
    # Every audit entry the PCs wrote reached central, once, under its PC's device.
    audit = central.query(
        "SELECT device_id, count(*) FROM history WHERE office_id = :o AND entity = 'audit'"
        " GROUP BY device_id",
        o=office_id,
    )
    devices = {s.device_id for s in (engine.state_of(p.store) for p in (pc1, pc2, pc3)) if s}
    assert len(devices) == 3 and {d for d, _ in audit} <= devices
    mutations = central.query(
        "SELECT mutation_id, count(*) FROM applied_mutations WHERE office_id = :o"
        " GROUP BY mutation_id HAVING count(*) > 1",
        o=office_id,
    )
    assert mutations == []
    # The hub hands the PCs central's keys (bundle replies, verification codes), never its own.
    assert hub.query("SELECT value FROM hub_state WHERE key = 'office_key'") == central.query(
        "SELECT code_key FROM office_keys WHERE office_id = :o", o=office_id
    )
