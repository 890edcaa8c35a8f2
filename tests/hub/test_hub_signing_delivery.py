"""Through the hub, what only central can answer (docs/office-hub.md, "Through the hub"): the
camat's signer certificate and the document timestamp of a letter signed while central was
down reach the PC once the hub reaches central, and letters travel to and from another office,
while the PC itself never reaches central (its own address for central is dead)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop import seam
from desktop.letters import accounts, delivery, signer_keys
from desktop.letters.accounts import Role
from desktop.letters.drafting import get_letter
from desktop.letters.signer_keys import CredentialState
from desktop.store import sync_models
from sync.client import engine
from sync.client.errors import SyncError
from sync.client.server_address import HUB, set_hub_address
from sync.client.transport import Transport
from sync.protocol import DeliveryState
from tests.conftest import person_input
from tests.hub.conftest import Central, Hub, free_port
from tests.hub.test_offline_office import start_hub, via
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office
from tests.sync.test_delivery import PASSPHRASE, enrol_camat, sign_electronically


def office_pc(central: Central, root: Path, name: str, code: str, kecamatan: str) -> PC:
    central.add_office(code)
    pc = open_pc(root, name)
    set_up_office(pc, kecamatan=kecamatan)
    accounts.add_person(
        pc.store, pc.user("admin"),
        person_input("Rina Wenda", "199203032018012001", "rina", {Role.REGISTRAR}, "Agendaris"),
    )  # fmt: skip
    enrol(pc, central, code)
    pc.sync()
    return pc


def cut_from_central(pc: PC) -> None:
    """The PC's own way to central leads nowhere: only the hub can reach it."""
    with pc.store.write() as session:
        state = sync_models.enrolment(session)
        assert state is not None
        state.server_url = f"http://127.0.0.1:{free_port()}"
        session.add(state)


def hub_link(pc: PC, hub: Hub) -> Transport:
    state = engine.state_of(pc.store)
    assert state is not None
    return Transport(hub.url, sync_models.token(state.device_id))


def test_certificates_timestamps_and_deliveries_reach_a_pc_only_through_the_hub(
    ca_central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    central = ca_central
    a = office_pc(central, tmp_path, "wamena", "KEC-WMN", "Wamena")
    b = office_pc(central, tmp_path, "kurulu", "KEC-KRL", "Kurulu")
    a_state = engine.state_of(a.store)
    assert a_state is not None
    hub = start_hub(central, tmp_path, "KEC-WMN", hubs)
    set_hub_address(a.store, hub.url)
    cut_from_central(a)
    via(a, HUB)  # the hub holds central's trust material and directory from its rounds

    # The camat enrols as a signer while central is down: the request waits.
    central.stop()
    link = hub_link(a, hub)
    try:
        with pytest.raises(SyncError):
            seam.enrol_signer(a.store, a.user("camat"), PASSPHRASE, link)
    finally:
        link.close()
    assert signer_keys.status(a.store, a.user("camat").id).state == CredentialState.PENDING
    # The directory of offices came through the hub: Kurulu can be addressed offline.
    assert [o.name for o in delivery.directory(a.store)] == ["Kecamatan KEC-KRL"]

    central.start()
    hub.wait_caught_up(a_state.office_id)
    report = via(a, HUB)  # the pending request goes through the hub: the camat can sign
    assert report.signing is not None and report.signing.certificates == 1, report.signing

    # Signed electronically while central is down again, addressed to Kurulu.
    central.stop()
    letter_id = draft(a, "Undangan Rapat Koordinasi Distrik")
    [sent] = delivery.address(a.store, a.user("budi"), letter_id, [b_office_id(b)])
    sign_electronically(a, letter_id)
    report = via(a, HUB)
    assert report.signing is not None and report.signing.timestamped == 0
    assert report.delivery is not None and report.delivery.sent == 0

    central.start()
    hub.wait_caught_up(a_state.office_id)
    first = via(a, HUB)
    assert first.signing is not None and first.signing.timestamped == 1, first.signing
    second = via(a, HUB)  # sent in the first sync, or in this one
    assert first.delivery is not None and second.delivery is not None
    assert first.delivery.sent + second.delivery.sent == 1, (first.delivery, second.delivery)
    assert first.delivery.refused == second.delivery.refused == 0
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert state.state == DeliveryState.SENT, state
    assert get_letter(a.store, a.user("camat"), letter_id).timestamped_at is not None

    # Kurulu (directly with central) receives it with a valid signature.
    b.sync()
    [waiting] = delivery.waiting(b.store, b.user("rina"))
    assert waiting.hal == "Undangan Rapat Koordinasi Distrik"
    assert delivery.check(b.store, b.user("rina"), waiting.id).valid

    # And a letter from Kurulu reaches Wamena's registrar through the hub.
    enrol_camat(b)
    reply_id = draft(b, "Balasan undangan rapat")
    delivery.address(b.store, b.user("budi"), reply_id, [a_state.office_id])
    sign_electronically(b, reply_id)
    b.sync()
    b.sync()
    # Central writes Wamena's record of it when a device of Wamena syncs: the hub's next
    # round, which then brings the record and its PDF down.
    while not hub.query(
        "SELECT count(*) FROM records r JOIN blob_offices b ON b.office_id = r.office_id"
        " AND b.sha256 = json_extract(r.fields, '$.pdf_hash')"
        " WHERE r.office_id = :o AND r.entity = 'delivery' AND r.entity_id != :mine",
        o=a_state.office_id, mine=sent.id,
    )[0][0]:  # fmt: skip
        time.sleep(0.1)
    via(a, HUB)
    [incoming] = delivery.waiting(a.store, a.user("rina"))
    assert incoming.hal == "Balasan undangan rapat"
    assert delivery.check(a.store, a.user("rina"), incoming.id).valid


def b_office_id(pc: PC) -> str:
    state = engine.state_of(pc.store)
    assert state is not None
    return state.office_id
