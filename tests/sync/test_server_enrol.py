"""Enrolment with one-time codes, bearer tokens, and office isolation."""

from __future__ import annotations

import hashlib
import uuid

import requests
from sqlalchemy import select

from sync.protocol import MARKER_HEADER
from sync.server import admin, db
from tests.sync.conftest import DeviceClient


def _enrol(server, office_code: str, code: str, name: str = "PC") -> requests.Response:
    return requests.post(
        server.url + "/api/v1/enroll",
        timeout=10,
        json={"office_code": office_code, "enrol_code": code, "device_name": name},
    )


def test_good_code_enrols_once(module_sync_server) -> None:
    server = module_sync_server
    office_code, office_id = server.new_office()
    code = server.enrol_code(office_code)
    r = _enrol(server, office_code, code.lower().replace("-", " "), "PC Sekretariat")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["office_id"] == office_id and body["office_code"] == office_code
    assert len(body["token"]) >= 40
    with db.read_tx(server.engine) as conn:
        device = conn.execute(select(db.devices).where(db.devices.c.id == body["device_id"])).one()
    assert device.name == "PC Sekretariat"
    assert device.token_hash == hashlib.sha256(body["token"].encode()).hexdigest()

    # Until the device has synced, the same code enrols it again (the PC may have lost the
    # answer): the same device, a new token, and the first token stops working.
    again = _enrol(server, office_code, code)
    assert again.status_code == 200 and again.json()["device_id"] == body["device_id"]
    token = again.json()["token"]
    assert token != body["token"]
    ids = (body["device_id"], office_id, office_code)
    stale = DeviceClient(server.url, *ids, body["token"]).post("/api/v1/sync", json={"cursor": 0})
    assert stale.status_code == 401
    synced = DeviceClient(server.url, *ids, token).post("/api/v1/sync", json={"cursor": 0})
    assert synced.status_code == 200, synced.text
    # Once it has synced, the code is spent.
    spent = _enrol(server, office_code, code)
    assert spent.status_code == 403 and "sudah dipakai" in spent.json()["detail"]
    assert spent.headers[MARKER_HEADER] == "1"


def test_expired_wrong_and_foreign_codes_refused(module_sync_server) -> None:
    server = module_sync_server
    office_a, _ = server.new_office()
    office_b, _ = server.new_office()
    expired = admin.make_enrol_code(server.engine, office_a, hours=-1)
    r = _enrol(server, office_a, expired)
    assert r.status_code == 403 and "kedaluwarsa" in r.json()["detail"]
    assert _enrol(server, office_a, "AAAAA-BBBBB-CCCCC").status_code == 403
    code_b = server.enrol_code(office_b)
    assert _enrol(server, office_a, code_b).status_code == 403  # B's code for office A
    assert _enrol(server, "NO-SUCH-OFFICE", code_b).status_code == 403
    assert _enrol(server, office_b, code_b).status_code == 200  # not used up by the attempts


def test_token_required_and_revocation(module_sync_server) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    dev = server.enrol(office)
    url = server.url + "/api/v1/sync"
    body = {"cursor": 0, "mutations": []}
    for headers in (
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": "Basic x"},
        {"Authorization": f"Bearer {dev.token}x"},
    ):
        r = requests.post(url, json=body, headers=headers, timeout=10)
        assert r.status_code == 401, headers
        assert r.headers[MARKER_HEADER] == "1"
    assert dev.sync()["cursor"] == 0
    admin.revoke_device(server.engine, dev.device_id)
    assert dev.post("/api/v1/sync", json=body).status_code == 401


def _letter(entity_id: str, **fields: object) -> dict[str, object]:
    return {
        "id": entity_id,
        "status": "draft",
        "hal": "Undangan",
        "body_html": "<p>x</p>",
        **fields,
    }


def test_office_isolation_of_records(module_sync_server) -> None:
    server = module_sync_server
    office_a, _ = server.new_office()
    office_b, _ = server.new_office()
    a, b = server.enrol(office_a, "A1"), server.enrol(office_b, "B1")
    letter_id = str(uuid.uuid4())
    r = a.sync(
        mutations=[
            {
                "mutation_id": str(uuid.uuid4()),
                "entity": "letter",
                "entity_id": letter_id,
                "op": "upsert",
                "base_version": 0,
                "fields": _letter(letter_id, hal="Rahasia A"),
            }
        ]
    )
    assert r["acks"][0]["status"] == "applied"

    seen_b = b.sync()
    assert seen_b["changes"] == [] and seen_b["cursor"] == 0
    # B writes the same id (as if it had guessed it): it lands in B's own namespace only.
    r = b.sync(
        mutations=[
            {
                "mutation_id": str(uuid.uuid4()),
                "entity": "letter",
                "entity_id": letter_id,
                "op": "upsert",
                "base_version": 1,
                "fields": _letter(letter_id, hal="Tulisan B"),
            }
        ]
    )
    ack = r["acks"][0]
    assert ack["status"] == "applied" and ack["version"] == 1 and ack["record"] is None
    r = b.sync(
        mutations=[
            {
                "mutation_id": str(uuid.uuid4()),
                "entity": "letter",
                "entity_id": letter_id,
                "op": "delete",
                "base_version": 1,
                "fields": {},
            }
        ]
    )
    assert r["changes"] == []  # its own delete, acknowledged by version: no echo
    assert [c["fields"].get("hal") for c in b.sync()["changes"]] == ["Tulisan B"]
    seen_a = a.sync()
    assert len(seen_a["changes"]) == 1
    assert seen_a["changes"][0]["fields"]["hal"] == "Rahasia A"
    assert seen_a["changes"][0]["op"] == "upsert" and seen_a["changes"][0]["version"] == 1

    # A mutation id of another device is refused, and its stored ack is not revealed.
    a_mut = str(uuid.uuid4())
    a.sync(
        mutations=[
            {
                "mutation_id": a_mut,
                "entity": "person",
                "entity_id": "p1",
                "op": "upsert",
                "base_version": 0,
                "fields": {"name": "Ani"},
            }
        ]
    )
    r = b.sync(
        mutations=[
            {
                "mutation_id": a_mut,
                "entity": "person",
                "entity_id": "p1",
                "op": "upsert",
                "base_version": 0,
                "fields": {"name": "Budi"},
            }
        ]
    )
    assert r["acks"][0]["status"] == "rejected" and r["acks"][0]["record"] is None
    assert [c["fields"]["name"] for c in a.sync(cursor=seen_a["cursor"])["changes"]] == ["Ani"]


def test_failed_enrolments_are_rate_limited(sync_server_factory) -> None:
    server = sync_server_factory(enrol_attempts=3)
    office, _ = server.new_office()
    good = server.enrol_code(office)
    for _ in range(3):
        assert _enrol(server, office, "SALAH-SALAH-SALAH").status_code == 403
    r = _enrol(server, office, "SALAH-SALAH-SALAH")
    assert r.status_code == 429 and r.headers[MARKER_HEADER] == "1"  # guessing stops here
    # ... but a valid unused code from the same address is never refused for another's failures
    assert _enrol(server, office, good).status_code == 200


def test_server_stop_and_restart_keeps_data(sync_server) -> None:
    office, _ = sync_server.new_office()
    pc = sync_server.enrol(office)
    pc.sync(mutations=[pc.mutation("person", "p1", {"name": "Ani"})])
    hello = requests.get(sync_server.url + "/api/v1/hello", timeout=10).json()
    sync_server.stop()
    try:
        requests.get(sync_server.url + "/api/v1/hello", timeout=2)
        raise AssertionError("the server still answers")
    except requests.ConnectionError:
        pass
    sync_server.start()
    assert (
        requests.get(sync_server.url + "/api/v1/hello", timeout=10).json()["server_id"]
        == hello["server_id"]
    )
    assert [c["entity_id"] for c in pc.sync()["changes"]] == ["p1"]
