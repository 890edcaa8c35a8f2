"""A laptop syncs with the office hub, then with central directly (out of the office), then with
the hub again, while another PC keeps working through the hub: everything converges, nothing
is duplicated or lost (docs/office-hub.md, "roaming")."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desktop.letters import workflow
from sync.client import engine
from sync.client.server_address import CENTRAL, HUB, last_path, set_hub_address
from tests.hub.conftest import Central, Hub, free_port
from tests.hub.helpers import central_versions, pc_versions, unsynced
from tests.hub.test_offline_office import office_of_three, start_hub, via
from tests.sync.pcs import PC, draft, save, snapshot


def hals(pc: PC) -> list[str]:
    with pc.store.engine.connect() as conn:
        return sorted(r[0] for r in conn.execute(text("SELECT hal FROM letter")).all())


def test_a_laptop_roams_between_hub_and_central_and_everything_converges(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    laptop, desk, camat_pc = office_of_three(central, tmp_path, "KEC-ROAM")
    state = engine.state_of(laptop.store)
    assert state is not None
    hub = start_hub(central, tmp_path, "KEC-ROAM", hubs)
    away = f"http://127.0.0.1:{free_port()}"  # what the hub's address reaches out of the office
    for pc in (laptop, desk, camat_pc):
        set_hub_address(pc.store, hub.url)

    # In the office: both PCs work through the hub.
    a = draft(laptop, "Surat A dari laptop")
    via(laptop, HUB)
    b = draft(desk, "Surat B dari meja", username="budi")
    via(desk, HUB)
    via(laptop, HUB)
    assert last_path(laptop.store) == HUB

    # Out of the office: the laptop reaches only central; the desk PC keeps using the hub.
    set_hub_address(laptop.store, away)
    save(laptop, a, hal="Surat A diubah di desa")
    c = draft(laptop, "Surat C dari desa")
    via(laptop, CENTRAL)
    save(desk, b, hal="Surat B diubah di kantor")
    via(desk, HUB)
    via(laptop, CENTRAL)

    # The camat's PC signs A through the hub once the hub has it from central.
    hub.wait_caught_up(state.office_id)
    via(camat_pc, HUB)
    camat = camat_pc.user("camat")
    workflow.send(camat_pc.store, camat_pc.user("budi"), a, [], camat.id)
    number = workflow.sign_by_hand(camat_pc.store, camat, a).number
    via(camat_pc, HUB)

    # Back in the office: the hub again.
    set_hub_address(laptop.store, hub.url)
    save(laptop, c, hal="Surat C selesai di kantor")
    via(laptop, HUB)
    hub.wait_caught_up(state.office_id)
    for pc in (laptop, desk, camat_pc):
        via(pc, HUB)

    expected = sorted(
        ["Surat A diubah di desa", "Surat B diubah di kantor", "Surat C selesai di kantor"]
    )
    for pc in (laptop, desk, camat_pc):
        assert unsynced(pc) == 0
        assert hals(pc) == expected  # each letter once, with its last edit
        assert snapshot(pc.store) == snapshot(laptop.store)
        assert pc_versions(pc) == central_versions(central, state.office_id)
    with laptop.store.engine.connect() as conn:
        signed = conn.execute(
            text("SELECT status, number FROM letter WHERE id = :i"), {"i": a}
        ).one()
    assert tuple(signed) == ("signed", number)
    # Central holds each mutation once, under the device that made it.
    assert (
        central.query(
            "SELECT mutation_id FROM applied_mutations WHERE office_id = :o"
            " GROUP BY mutation_id HAVING count(*) > 1",
            o=state.office_id,
        )
        == []
    )
    # And a direct sync now finds nothing to do either way.
    set_hub_address(laptop.store, away)
    report = via(laptop, CENTRAL)
    assert report.pushed == 0
    assert snapshot(laptop.store) == snapshot(desk.store)
