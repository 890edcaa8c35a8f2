"""A PC enrols, pushes its office up and a second PC of the office pulls it down."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from desktop.store import sync_models
from sync.client import engine
from sync.client.errors import EnrolRefused
from tests.sync.pcs import count, draft, enrol, open_pc, set_up_office, snapshot

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


def test_enrol_keeps_token_in_keyring_only(module_sync_server, tmp_path: Path) -> None:
    server = module_sync_server
    code, office_id = server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    enrol(pc, server, code)
    state = engine.state_of(pc.store)
    assert state is not None and state.office_id == office_id and state.office_code == code
    token = keyring.get_password(sync_models.KEYRING_SERVICE, state.device_id)
    assert token and len(token) >= 40
    pc.sync()
    pc.close()
    needle = token.encode()
    for path in (tmp_path / "pc1").rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), path

    with pytest.raises(EnrolRefused):
        engine.enroll(open_pc(tmp_path, "pc1").store, server.url, code, "XXXX-XXXX")


def test_second_pc_of_office_receives_everything(module_sync_server, tmp_path: Path) -> None:
    server = module_sync_server
    code, _ = server.new_office()
    pc1, pc2 = open_pc(tmp_path, "pc1"), open_pc(tmp_path, "pc2")
    set_up_office(pc1)
    letter_id = draft(pc1, "Undangan Musyawarah Kampung")
    enrol(pc1, server, code)
    report = pc1.sync()
    assert report.pending == 0 and report.pushed > 0 and report.audit > 0
    enrol(pc2, server, code)
    pc2.sync()
    assert snapshot(pc2.store) == snapshot(pc1.store)
    # The second PC can log in with the synced people and finds the letter by full-text search.
    assert pc2.login("budi").name == "Budi Santoso"
    assert (
        count(pc2.store, "SELECT count(*) FROM letter_fts WHERE letter_fts MATCH 'musyawarah'") == 1
    )
    assert count(pc2.store, f"SELECT count(*) FROM letter WHERE id = '{letter_id}'") == 1
    assert count(pc2.store, "SELECT count(*) FROM outbox") == 0


def test_idle_sync_is_one_small_request(module_sync_server, tmp_path: Path) -> None:
    server = module_sync_server
    code, _ = server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    enrol(pc, server, code)
    pc.sync()
    pc.sync()  # the echo of this PC's own changes has come back: nothing is left to say
    link = engine.connect(pc.store)
    report = engine.sync_once(pc.store, transport=link)
    assert (report.pushed, report.pulled, report.batches) == (0, 0, 1)
    assert link.requests == 1  # the sync exchange only: the PC has met this server
    assert link.bytes_sent + link.bytes_received < 4096
