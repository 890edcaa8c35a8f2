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


def test_a_laptop_that_roams_before_the_hub_relays_loses_nothing(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    """The hub's link is down when the laptop leaves; the laptop syncs directly with central
    (newer request numbers), then the hub's link comes back: central finds the hub's relay late
    and takes the rest as stale. Nothing is lost, and the edit made in the village against the
    hub's older one is kept (a conflict at most, never a silent revert)."""
    laptop, desk, _ = office_of_three(central, tmp_path, "KEC-LATE")
    state = engine.state_of(laptop.store)
    assert state is not None
    link = Central(central.root, port=free_port())  # a second process on central's database:
    link.start()  # the hub's own way to central, which can fail alone
    try:
        hub = Hub(tmp_path / "hub", link, "KEC-LATE")
        hub.root.mkdir()
        hubs.append(hub)
        hub.enrol()
        hub.start(interval=0.2)
        for pc in (laptop, desk):
            set_hub_address(pc.store, hub.url)
            via(pc, HUB)
        link.stop()  # the hub is cut from central; the office goes on
        first = draft(laptop, "Surat dari kantor")
        kept = draft(laptop, "Surat yang tidak diubah lagi")
        via(laptop, HUB)
        assert hub.queue_length() >= 1
        # The laptop leaves and syncs with central directly, editing one letter again.
        set_hub_address(laptop.store, f"http://127.0.0.1:{free_port()}")
        save(laptop, first, hal="Surat dari kantor, diubah di desa")
        via(laptop, CENTRAL)
        # The hub's link comes back: its relay of the laptop's older request is late.
        link.start()
        hub.wait_caught_up(state.office_id)
        set_hub_address(laptop.store, hub.url)
        for pc in (laptop, desk):
            via(pc, HUB)
        for pc in (laptop, desk):
            with pc.store.engine.connect() as conn:
                rows = dict(conn.execute(text("SELECT id, hal FROM letter")).all())
            assert rows[kept] == "Surat yang tidak diubah lagi"
            assert rows[first] == "Surat dari kantor, diubah di desa"  # the newer edit stands
            assert pc_versions(pc) == central_versions(central, state.office_id)
        assert snapshot(laptop.store) == snapshot(desk.store)
        # The late request really went the stale way (applied under the hub's name).
        assert (
            central.query(
                "SELECT count(*) FROM applied_mutations WHERE device_id = :d", d=hub.device_id
            )[0][0]
            >= 2
        )
    finally:
        link.stop()
