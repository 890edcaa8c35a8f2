"""Access by sifat on the server: a Rahasia letter reaches only the PCs used by a person on it.

Through the server API (devices naming their users), and through the app: a staffer who is not
on a Rahasia letter gets it neither in the lists, nor from the services, nor from the server; the
camat it is addressed to does, on any PC, once they log in there; a disposition to the staffer
puts them on it, and the letter follows them."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from desktop.letters import accounts, disposition, incoming
from desktop.letters import incoming_queries as iq
from desktop.letters.accounts import Role
from desktop.letters.disposition import DispositionInput
from desktop.letters.errors import NotFound
from desktop.letters.incoming import IncomingInput
from desktop.letters.incoming_queries import IncomingQueue
from desktop.store import clock
from tests.conftest import person_input
from tests.letters.scan_files import write_pdf
from tests.sync.pcs import office_with_pcs

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)

R, C, X, Y = (str(uuid.uuid4()) for _ in range(4))  # registrar, camat, staffer, reviewer


def _pull(device: Any, users: list[str] | None, cursor: int = 0) -> tuple[list[Any], int]:
    """Every change the device gets from ``cursor`` on, naming ``users`` (None: names none)."""
    got: list[Any] = []
    while True:
        body: dict[str, Any] = {"cursor": cursor, "mutations": []}
        if users is not None:
            body["users"] = users
        r = device.post("/api/v1/sync", json=body)
        assert r.status_code == 200, r.text
        answer = r.json()
        got += [(c["entity"], c["entity_id"]) for c in answer["changes"]]
        cursor = answer["cursor"]
        if not answer["more"]:
            return got, cursor


def test_the_server_sends_a_device_only_what_its_users_may_see(sync_server: Any) -> None:
    server = sync_server
    code, _office = server.new_office()
    d1, d2, old = server.enrol(code, "pc1"), server.enrol(code, "pc2"), server.enrol(code, "pc3")
    secret, plain, scan = (str(uuid.uuid4()) for _ in range(3))
    common = {"received_date": "2026-03-03", "sender_name": "Polres", "sender_number": "B/1",
              "hal": "Penyelidikan", "registered_by": R, "state": "baru"}  # fmt: skip
    for letter_id, sifat in ((secret, "Rahasia"), (plain, "Biasa")):
        ack = d1.push(
            "incoming_letter", letter_id, {**common, "sifat": sifat, "addressed_to_id": C}
        )
        assert ack["status"] == "applied", ack
    scan_fields = {"incoming_id": secret, "position": 1, "sha256": "0" * 64,
                   "media_type": "application/pdf"}  # fmt: skip
    ack = d1.push("incoming_scan", scan, scan_fields)
    assert ack["status"] == "applied", ack
    outgoing, step = str(uuid.uuid4()), str(uuid.uuid4())
    ack = d1.push("letter", outgoing, {"status": "in_review", "sifat": "Sangat Rahasia",
                                       "hal": "Rencana", "drafter_id": R})  # fmt: skip
    assert ack["status"] == "applied", ack
    ack = d1.push("review_step", step, {"letter_id": outgoing, "reviewer_id": Y, "position": 1})
    assert ack["status"] == "applied", ack

    # The staffer's PC: the Biasa letter only; neither the Rahasia letter nor its scan.
    got, cursor = _pull(d2, [X])
    assert ("incoming_letter", plain) in got
    assert not {secret, scan, outgoing, step} & {i for _e, i in got}, got
    # An older client that names no users gets nothing above Biasa either.
    got_old, _ = _pull(old, None)
    assert not {secret, scan, outgoing, step} & {i for _e, i in got_old}
    # The reviewer's PC gets the outgoing letter and its review step.
    got_y, _ = _pull(server.enrol(code, "pc4"), [Y])
    assert {outgoing, step} <= {i for _e, i in got_y} and secret not in {i for _e, i in got_y}

    # Nothing new for the staffer... until the camat disposes the letter to them.
    got, cursor = _pull(d2, [X], cursor)
    assert not {secret, scan} & {i for _e, i in got}
    note = str(uuid.uuid4())
    given = {"incoming_id": secret, "from_id": C, "to_id": X, "state": "dikirim",
             "created_at": "2026-03-03T01:00:00"}  # fmt: skip
    ack = d1.push("disposition", note, given)
    assert ack["status"] == "applied", ack
    got, cursor = _pull(d2, [X], cursor)
    ids = [i for _e, i in got]
    assert {secret, scan, note} <= set(ids), got
    assert ids.index(secret) < min(ids.index(scan), ids.index(note))  # the letter first
    # A person who logs in on a PC later makes that PC receive what they are on.
    got, _ = _pull(old, [C])
    assert {secret, scan, note} <= {i for _e, i in got}


def test_a_staffer_not_on_a_rahasia_letter_cannot_get_it_anywhere(
    sync_server: Any, tmp_path: Path
) -> None:
    _code, (pc1, pc2) = office_with_pcs(sync_server, tmp_path, "pc1", "pc2")
    admin = pc1.user("admin")
    accounts.add_person(
        pc1.store, admin,
        person_input("Rina Wenda", "199203032018012001", "rina", {Role.REGISTRAR}, "Agendaris"),
    )  # fmt: skip
    pc1.sync()
    pc2.sync()
    budi = pc2.user("budi")  # the staffer works on pc2 only
    data = IncomingInput(
        sender_name="Polres Jayawijaya", sender_number="B/17/III/2026",
        received_date=clock.today(), hal="Laporan penyelidikan", sifat="Rahasia",
        addressed_to_id=pc1.user("camat").id,
        scans=[write_pdf(tmp_path, "rahasia.pdf", 1, "rahasia")],
    )  # fmt: skip
    letter = incoming.register(pc1.store, pc1.user("rina"), data)
    pc1.sync()
    pc2.sync()

    # Not in pc2's store at all: no list, no service, no file shows it.
    assert iq.count(pc2.store, budi, IncomingQueue.ALL) == 0
    with pytest.raises(NotFound):
        incoming.get_incoming(pc2.store, budi, letter.id)
    with pc2.store.read() as s:
        from sqlmodel import select

        from desktop.store.incoming_models import IncomingLetter, IncomingScan

        assert s.exec(select(IncomingLetter).where(IncomingLetter.id == letter.id)).first() is None
        assert s.exec(select(IncomingScan).where(IncomingScan.incoming_id == letter.id)).all() == []

    # The camat logs in on pc2: the next sync brings the letter, for the camat only.
    camat = pc2.user("camat")
    pc2.sync()
    assert incoming.get_incoming(pc2.store, camat, letter.id).hal == "Laporan penyelidikan"
    assert iq.count(pc2.store, budi, IncomingQueue.ALL) == 0  # still not budi's to see
    # The camat disposes it to budi: budi is on it now.
    disposition.dispose(
        pc2.store, camat, letter.id, DispositionInput([budi.id], ["Untuk diketahui"])
    )
    assert incoming.get_incoming(pc2.store, budi, letter.id).id == letter.id
    pc1.close()
    pc2.close()
