"""A conflict made by two PCs through the hub while central is down surfaces once: the hub's
conflict record and central's, made when the hub relays the same mutations, are one record."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from sync.client import engine
from sync.client.server_address import HUB, set_hub_address
from tests.hub.conftest import Central, Hub
from tests.hub.helpers import central_versions, pc_versions
from tests.hub.test_offline_office import office_of_three, start_hub, via
from tests.sync.pcs import PC, draft, save


def conflicts(pc: PC, letter_id: str) -> list[str]:
    with pc.store.engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                text("SELECT id FROM conflict WHERE entity_id = :i AND version > 0"),
                {"i": letter_id},
            ).all()
        ]


def test_a_conflict_made_at_the_hub_surfaces_once(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, pc2, pc3 = office_of_three(central, tmp_path, "KEC-KONFLIK")
    state = engine.state_of(pc1.store)
    assert state is not None
    hub = start_hub(central, tmp_path, "KEC-KONFLIK", hubs)
    for pc in (pc1, pc2, pc3):
        set_hub_address(pc.store, hub.url)
    letter = draft(pc1, "Surat yang diperebutkan")
    via(pc1, HUB)
    via(pc2, HUB)
    central.stop()
    save(pc1, letter, hal="Versi PC1")
    save(pc2, letter, hal="Versi PC2")
    via(pc1, HUB)
    via(pc2, HUB)  # the hub merges: a conflict on hal
    via(pc1, HUB)
    made_at_hub = conflicts(pc1, letter)
    assert len(made_at_hub) == 1 and conflicts(pc2, letter) == made_at_hub
    central.start()
    hub.wait_caught_up(state.office_id)
    for pc in (pc1, pc2, pc3):
        via(pc, HUB)
    for pc in (pc1, pc2, pc3):
        assert conflicts(pc, letter) == made_at_hub  # once, everywhere
        assert pc_versions(pc) == central_versions(central, state.office_id)
    assert central.query(
        "SELECT entity_id FROM records WHERE office_id = :o AND entity = 'conflict'",
        o=state.office_id,
    ) == [(made_at_hub[0],)]
