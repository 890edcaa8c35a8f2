"""People's password hashes travel between the PCs of one office and nowhere else.

A person logs in on any PC of the office, so the ``person`` record carries its scrypt
``password_hash`` to the server and on to the office's other PCs (docs/sync-protocol.md). No other
answer of the server may carry it: not another office's pull, not the public verification page
(which names a letter's signer from the person record), not the PKI endpoints.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests

from tests.sync.conftest import SyncServer

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)

HASH = "scrypt$16384$8$1$" + "5a" * 16 + "$" + "c3" * 32


def _pull_all(device: Any) -> str:
    r = device.post("/api/v1/sync", json={"cursor": 0})
    assert r.status_code == 200, r.text
    return r.text


def test_a_password_hash_reaches_the_office_and_nothing_else(
    module_pki_server: SyncServer,
) -> None:
    server = module_pki_server
    office, _ = server.new_office()
    clerk_pc, camat_pc = server.enrol(office), server.enrol(office)
    clerk_pc.put_office()
    person = str(uuid.uuid4())
    ack = clerk_pc.push(
        "person",
        person,
        {"name": "Agustinus Mabel, S.IP", "nip": "198503122010011002", "jabatan": "Camat",
         "pangkat": "", "username": "agustinus", "roles": "signer", "active": True,
         "deleted_at": None, "password_hash": HASH},
    )  # fmt: skip
    assert ack["status"] == "applied", ack
    code = "a" * 20
    letter = clerk_pc.push(
        "letter",
        str(uuid.uuid4()),
        {"status": "signed", "sifat": "Biasa", "hal": "Undangan", "number": "005/1/Kec.UJI/2026",
         "letter_date": "2026-03-03", "signature_kind": "tte_internal", "signer_id": person,
         "signed_at": "2026-03-03T01:30:00+00:00", "verify_code": code},
    )  # fmt: skip
    assert letter["status"] == "applied", letter

    assert HASH in _pull_all(camat_pc)  # the office's other PC can log the camat in

    stranger = server.enrol(server.new_office()[0])
    answers = {
        "another office's pull": _pull_all(stranger),
        "verification page": requests.get(f"{server.url}/v/{code}", timeout=30).text,
        "verification JSON": requests.get(f"{server.url}/v/{code}.json", timeout=30).text,
        "trust": clerk_pc.get("/api/v1/pki/trust").text,
        "root": requests.get(f"{server.url}/pki/root.pem", timeout=30).text,
    }
    assert "Agustinus Mabel" in answers["verification page"]  # the person record was read
    for name, text in answers.items():
        assert HASH not in text and "password_hash" not in text and "scrypt" not in text, name
