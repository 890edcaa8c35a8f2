"""An office whose hub never reaches central gets its signer certificate and sends letters to
another office by the hub's USB bundles (docs/office-hub.md, "Hub bundles"): the hub holds what
only central can answer, the bundle carries it, and the reply's answers wait at the hub for the
PC's next sync."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest
import requests

from desktop import seam
from desktop.letters import delivery
from desktop.letters.drafting import get_letter
from desktop.letters.verification import check_pdf
from desktop.store import sync_models
from desktop.store.blobs import BlobStore
from sync.client import engine
from sync.client.errors import SyncError
from sync.client.server_address import HUB, set_hub_address
from sync.hub.waiting import MAX_HELD_PER_DEVICE
from sync.protocol import CLIENT_PROTOCOL_HEADER, PROTOCOL_VERSION, DeliveryState
from tests.hub.conftest import CA_PASSPHRASE, Central, Hub
from tests.hub.test_hub_bundle import Trip, isolated_hub
from tests.hub.test_hub_signing_delivery import b_office_id, cut_from_central, hub_link, office_pc
from tests.hub.test_offline_office import office_of_three, via
from tests.sync.pcs import PC, draft
from tests.sync.test_delivery import PASSPHRASE, sign_electronically

CA_ENV = {"NASKAH_CA_PASSPHRASE": CA_PASSPHRASE}


def a_device(pc: PC) -> str:
    state = engine.state_of(pc.store)
    assert state is not None
    return state.device_id


def held(hub: Hub) -> list[tuple[str, int]]:
    rows = hub.query("SELECT kind, status FROM hub_waiting ORDER BY kind, status")
    return [(k, s) for k, s in rows]


def test_a_certificate_and_a_delivery_go_by_hub_bundle_and_come_back_to_the_pc(
    ca_central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    central = ca_central
    a = office_pc(central, tmp_path, "wamena", "KEC-WMN", "Wamena")
    b = office_pc(central, tmp_path, "kurulu", "KEC-KRL", "Kurulu")
    hub = isolated_hub(central, tmp_path, "KEC-WMN", hubs)
    set_hub_address(a.store, hub.url)
    cut_from_central(a)  # Wamena reaches nothing but its hub, for the whole story
    via(a, HUB)
    trip = Trip(hub, central, tmp_path)

    # The camat enrols as a signer: the hub cannot reach central and holds the request.
    link = hub_link(a, hub)
    try:
        with pytest.raises(SyncError):
            seam.enrol_signer(a.store, a.user("camat"), PASSPHRASE, link)
    finally:
        link.close()
    assert held(hub) == [("certificate", 0)]
    report = via(a, HUB)  # asked again: still waiting, nothing invented
    assert report.signing is not None and report.signing.certificates == 0
    assert held(hub) == [("certificate", 0)]

    trip.back_at_hub(trip.at_central(trip.export(), env=CA_ENV))
    assert held(hub) == [("certificate", 200)]  # central's answer, kept for the PC
    report = via(a, HUB)
    assert report.signing is not None and report.signing.certificates == 1, report.signing
    assert held(hub) == []  # handed over once

    # A letter signed electronically and addressed to Kurulu: the delivery waits at the hub.
    letter_id = draft(a, "Undangan Rapat Koordinasi Distrik")
    [sent] = delivery.address(a.store, a.user("budi"), letter_id, [b_office_id(b)])
    sign_electronically(a, letter_id)
    report = via(a, HUB)
    assert report.delivery is not None and report.delivery.sent == 0
    assert report.signing is not None and report.signing.timestamped == 0
    # Its document timestamp waits too: the query, one per letter, the same when asked again.
    assert held(hub) == [("delivery", 0), ("timestamp", 0)]
    [(key, query)] = hub.query("SELECT key, request FROM hub_waiting WHERE kind = 'timestamp'")
    assert key == letter_id
    via(a, HUB)
    assert hub.query("SELECT request FROM hub_waiting WHERE kind = 'timestamp'") == [(query,)]

    bundle = trip.export()
    reply = trip.at_central(bundle, env=CA_ENV)
    again = trip.at_central(bundle, env=CA_ENV)  # imported twice: sent once
    assert central.query("SELECT count(*) FROM deliveries WHERE id = :i", i=sent.id) == [(1,)]
    trip.back_at_hub(reply)
    assert "imported before" in trip.back_at_hub(again)
    # Sent: the sender's record says so, no answer to keep; the TSA's reply waits for the PC.
    assert held(hub) == [("timestamp", 200)]
    report = via(a, HUB)
    assert report.delivery is not None and report.delivery.refused == 0
    assert report.signing is not None and report.signing.timestamped == 1, report.signing
    assert held(hub) == []
    stamped = get_letter(a.store, a.user("camat"), letter_id)
    assert stamped.timestamped_at is not None and stamped.pdf_hash
    check = check_pdf(a.store, BlobStore(a.store.blob_dir).get(stamped.pdf_hash))
    assert check.valid and check.report is not None
    [doc_ts] = check.report.document_timestamps
    assert doc_ts.valid and doc_ts.timestamp is not None
    # The timestamped PDF goes up by the next bundle, and central takes it as the letter's.
    trip.back_at_hub(trip.at_central(trip.export(), env=CA_ENV))
    assert central.query(
        "SELECT json_extract(fields, '$.pdf_hash') FROM records WHERE entity_id = :i", i=letter_id
    ) == [(stamped.pdf_hash,)]
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert state.state == DeliveryState.SENT, state
    assert held(hub) == []  # the PC asked nothing more

    # Kurulu (directly with central) receives it, signed by Wamena's camat.
    b.sync()
    [waiting] = delivery.waiting(b.store, b.user("rina"))
    assert waiting.hal == "Undangan Rapat Koordinasi Distrik"
    assert delivery.check(b.store, b.user("rina"), waiting.id).valid
    assert get_letter(a.store, a.user("camat"), letter_id).number

    # What a hub hands over is checked as its endpoints check it: a request made under
    # another office's device, or whose key is not its request's, is answered with a
    # refusal (kept at the hub), and nothing is sent or issued for it.
    with sqlite3.connect(hub.db) as conn:
        conn.executemany(
            "INSERT INTO hub_waiting (kind, device_id, key, request, status, answer)"
            " VALUES (?, ?, ?, ?, 0, '')",
            [
                ("delivery", a_device(b), sent.id,
                 json.dumps({"delivery_id": sent.id})),
                ("certificate", a_device(a), "0190a0b0-0000-7000-8000-000000000001",
                 json.dumps({"person_id": a.user("camat").id, "csr_pem": "x"})),
                ("timestamp", a_device(a), "bukan-base64", json.dumps({"query": "!!"})),
                ("timestamp", a_device(a), "terlalu-besar",
                 json.dumps({"query": "A" * 40_000})),
                ("timestamp", a_device(b), letter_id, query),
            ],
        )  # fmt: skip
    issued = central.query("SELECT count(*) FROM certificates")
    trip.back_at_hub(trip.at_central(trip.export(), env=CA_ENV))
    assert held(hub) == [
        ("certificate", 422), ("delivery", 403), ("timestamp", 403), ("timestamp", 422),
        ("timestamp", 422),
    ]  # fmt: skip
    assert central.query("SELECT count(*) FROM certificates") == issued


def test_a_pc_cannot_fill_the_hub_with_requests_for_central(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    """A device that asks for deliveries by the hundred while central is unreachable (ids it
    made up) gets 503 each time, as for any request central must answer; the hub keeps at most
    ``MAX_HELD_PER_DEVICE`` of them, and another PC's request is still held."""
    a, b, _ = office_of_three(central, tmp_path, "KEC-WMN")
    hub = isolated_hub(central, tmp_path, "KEC-WMN", hubs)

    def post(pc: PC, path: str, body: dict[str, str]) -> int:
        response = session.post(
            hub.url + path, json=body, timeout=30,
            headers={"Authorization": f"Bearer {sync_models.token(a_device(pc))}",
                     CLIENT_PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
        )  # fmt: skip
        return response.status_code

    def per_device() -> list[tuple[str, int]]:
        rows = hub.query("SELECT device_id, count(*) FROM hub_waiting GROUP BY device_id")
        return sorted((str(device), int(n)) for device, n in rows)

    with requests.Session() as session:
        statuses = {
            post(a, "/api/v1/deliveries", {"delivery_id": str(uuid.uuid4())})
            for _ in range(MAX_HELD_PER_DEVICE + 5)
        }
        assert statuses == {503}
        assert per_device() == [(a_device(a), MAX_HELD_PER_DEVICE)]
        assert post(b, "/api/v1/deliveries", {"delivery_id": str(uuid.uuid4())}) == 503
    assert per_device() == sorted([(a_device(a), MAX_HELD_PER_DEVICE), (a_device(b), 1)])
