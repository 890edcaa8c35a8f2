"""Two offices on one server: Wamena's camat signs a letter to Kurulu; after both sync, Kurulu has
it in Surat Masuk Baru with a valid signature, registers it in one click, disposes it and replies;
Wamena's letter then shows "diterima", and "dibaca" once it was opened there. The server stays
strict: a letter that is not Wamena's own signed letter, or a PDF that is not the signed one, is
refused with a 4xx and nothing is stored; nothing of one office becomes readable by the other
except what was delivered."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from desktop import seam
from desktop.letters import accounts, delivery, disposition, esign, incoming, signer_keys, workflow
from desktop.letters.accounts import Role
from desktop.letters.disposition import DispositionInput
from desktop.letters.incoming_queries import IncomingQueue
from desktop.signing.keys import PassphraseGuard
from desktop.store.blobs import BlobStore
from sync.client import bundle as client_bundle
from sync.client import engine
from sync.protocol import DeliveryState, LetterStatus
from sync.server import db
from sync.server.bundle import import_bundle
from tests.conftest import person_input
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)

PASSPHRASE = "Honai-di-lembah-Baliem-2026"


def _office(server: Any, root: Path, name: str, kecamatan: str) -> tuple[PC, str]:
    code, office_id = server.new_office(f"Kecamatan {kecamatan}")
    pc = open_pc(root, name)
    set_up_office(pc, kecamatan=kecamatan)
    accounts.add_person(
        pc.store, pc.user("admin"),
        person_input("Rina Wenda", "199203032018012001", "rina", {Role.REGISTRAR}, "Agendaris"),
    )  # fmt: skip
    enrol(pc, server, code)
    pc.sync()
    return pc, office_id


def _signer(pc: PC) -> None:
    link = engine.connect(pc.store)
    try:
        seam.enrol_signer(pc.store, pc.user("camat"), PASSPHRASE, link)
    finally:
        link.close()


def _sign(pc: PC, letter_id: str) -> None:
    camat = pc.user("camat")
    workflow.send(pc.store, pc.user("budi"), letter_id, [], camat.id)
    signer = signer_keys.unlock(pc.store, camat.id, PASSPHRASE, PassphraseGuard())
    esign.sign_electronically(pc.store, camat, letter_id, signer)


def _counts(server: Any) -> tuple[int, int, int]:
    with db.read_tx(server.engine) as conn:
        return (
            conn.execute(select(func.count()).select_from(db.deliveries)).scalar_one(),
            conn.execute(
                select(func.count())
                .select_from(db.records)
                .where(db.records.c.entity == "delivery")
            ).scalar_one(),
            conn.execute(select(func.count()).select_from(db.blob_offices)).scalar_one(),
        )


@pytest.fixture
def offices(pki_server: Any, tmp_path: Path) -> Any:
    a, a_id = _office(pki_server, tmp_path, "wamena", "Wamena")
    b, b_id = _office(pki_server, tmp_path, "kurulu", "Kurulu")
    _signer(a)
    a.sync()  # Wamena learns of Kurulu (the directory is fetched at each sync)
    yield pki_server, a, a_id, b, b_id
    a.close()
    b.close()


def test_a_signed_letter_travels_to_the_other_office_and_back_as_diterima(offices: Any) -> None:
    server, a, a_id, b, b_id = offices
    letter_id = draft(a, "Undangan Rapat Koordinasi Distrik")
    # Addressing works offline, from the directory cached at the last sync.
    names = [o.name for o in delivery.directory(a.store)]
    assert names == ["Kecamatan Kurulu"], names  # the office itself is not offered
    [sent] = delivery.address(a.store, a.user("budi"), letter_id, [b_id])
    assert sent.state == DeliveryState.WAITING
    _sign(a, letter_id)

    report = a.sync()
    assert report.delivery is not None and report.delivery.sent == 1, report.delivery
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert (state.office, state.state, state.label) == ("Kecamatan Kurulu", "terkirim", "terkirim")

    # Kurulu: nothing is visible before its sync; then the letter waits in Surat Masuk Baru.
    rina = b.user("rina")
    assert delivery.waiting(b.store, rina) == []
    b.sync()
    [waiting] = delivery.waiting(b.store, rina)
    assert waiting.sender_office_name == "Kecamatan Wamena"
    assert waiting.hal == "Undangan Rapat Koordinasi Distrik" and waiting.number
    verdict = delivery.check(b.store, rina, waiting.id)
    assert verdict.valid, verdict.text
    assert verdict.text.startswith("SAH")
    assert delivery.waiting(b.store, b.user("budi")) == []  # the registrar's queue only

    # One click registers it: fields from the letter, the signed PDF as its scan.
    letter = delivery.register(b.store, rina, waiting.id, addressed_to_id=b.user("camat").id)
    assert (letter.channel, letter.sender_name, letter.sender_number) == (
        "server", "Kecamatan Wamena", waiting.number,
    )  # fmt: skip
    assert letter.hal == waiting.hal and letter.source_letter_id == letter_id
    [scan] = incoming.scans_of(b.store, rina, letter.id)
    assert incoming.scan_bytes(b.store, rina, scan) == delivery.pdf_of(b.store, rina, waiting.id)
    assert delivery.waiting(b.store, rina) == []
    counts = iq_counts(b, "camat")
    assert counts == 1
    with pytest.raises(delivery.ServiceError):
        delivery.register(b.store, rina, waiting.id)  # twice: refused, nothing new

    # The camat disposes it, the staffer it reaches replies.
    camat = b.user("camat")
    delivery.note_opened(b.store, camat, letter.id)
    disposition.dispose(
        b.store, camat, letter.id, DispositionInput([b.user("budi").id], ["Proses lebih lanjut"])
    )
    reply = incoming.start_reply(b.store, b.user("budi"), letter.id)
    assert "Kecamatan Wamena" in reply.addressees_json
    assert b.sync().rejected == 0
    a.sync()
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert state.state == DeliveryState.READ, state  # registered, then opened
    with a.store.read() as s:
        row = s.get(delivery.Delivery, sent.id)
        assert row is not None and row.received_at and row.read_at
        assert row.incoming_letter_id is None  # Kurulu's own record ids stay in Kurulu


def iq_counts(pc: PC, username: str) -> int:
    from desktop.letters import incoming_queries as iq

    return iq.count(pc.store, pc.user(username), IncomingQueue.NEW)


def _device(server: Any, pc: PC) -> dict[str, str]:
    state = engine.state_of(pc.store)
    assert state is not None
    from desktop.store import sync_models

    return {"Authorization": f"Bearer {sync_models.token(state.device_id)}"}


def test_only_an_own_electronically_signed_letter_is_sent(offices: Any) -> None:
    server, a, a_id, b, b_id = offices
    url = f"{server.url}/api/v1/deliveries"
    before = _counts(server)

    # A draft (never signed) addressed to Kurulu: the server refuses to send it.
    unsigned = draft(a, "Konsep yang belum ditandatangani")
    [d1] = delivery.address(a.store, a.user("budi"), unsigned, [b_id])
    a.sync()
    answer = requests.post(url, json={"delivery_id": d1.id}, headers=_device(server, a), timeout=10)
    assert answer.status_code == 422 and "belum ditandatangani" in answer.json()["detail"]

    # A letter signed by hand (no electronic signature) cannot travel either.
    wet = draft(a, "Surat bertanda tangan basah")
    [d2] = delivery.address(a.store, a.user("budi"), wet, [b_id])
    workflow.send(a.store, a.user("budi"), wet, [], a.user("camat").id)
    workflow.sign_by_hand(a.store, a.user("camat"), wet)
    report = a.sync()
    assert report.delivery is not None and report.delivery.refused == 2, report.delivery
    answer = requests.post(url, json={"delivery_id": d2.id}, headers=_device(server, a), timeout=10)
    assert answer.status_code == 422 and "elektronik" in answer.json()["detail"]
    with a.store.read() as s:
        kept = s.get(delivery.Delivery, d2.id)
        assert kept is not None and "elektronik" in kept.problem  # shown to the sender

    # Kurulu cannot send Wamena's delivery, nor read Wamena's PDF.
    letter_id = draft(a, "Surat resmi")
    [d3] = delivery.address(a.store, a.user("budi"), letter_id, [b_id])
    _sign(a, letter_id)
    a.sync()  # sends it
    answer = requests.post(url, json={"delivery_id": d1.id}, headers=_device(server, b), timeout=10)
    assert answer.status_code == 404
    own_pdf = _letter_pdf(a, unsigned_signed := letter_id)
    assert unsigned_signed
    with a.store.read() as s:
        other = s.get(delivery.Delivery, d2.id)
    assert other is not None
    # Unknown ids, malformed bodies: 4xx with a detail, never a 500.
    for body in ({"delivery_id": "tidak-ada"}, {"delivery_id": ""}, {"x": 1}):
        r = requests.post(url, json=body, headers=_device(server, a), timeout=10)
        assert r.status_code in (404, 422), (body, r.status_code)
    r = requests.post(url, json={"delivery_id": d3.id}, headers=_device(server, a), timeout=10)
    assert r.status_code == 200 and r.json()["state"] == "terkirim"  # a resend: same answer
    after = _counts(server)
    assert after[0] == before[0] + 1  # only the signed letter's delivery was kept
    # Kurulu may read exactly the delivered PDF, and no other blob of Wamena.
    b.sync()
    headers_b = _device(server, b)
    [waiting] = delivery.waiting(b.store, b.user("rina"))
    got = requests.get(
        f"{server.url}/api/v1/blobs/{waiting.pdf_hash}", headers=headers_b, timeout=10
    )
    assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == waiting.pdf_hash
    assert own_pdf == waiting.pdf_hash
    with a.store.read() as s:
        from desktop.store.models import Letter

        wet_pdf = s.get(Letter, _letter_row_id(a, wet))
    for digest in {wet_pdf.pdf_hash if wet_pdf else None} - {None}:
        r = requests.get(f"{server.url}/api/v1/blobs/{digest}", headers=headers_b, timeout=10)
        assert r.status_code == 404


def _letter_pdf(pc: PC, letter_id: str) -> str:
    from desktop.store.models import Letter

    with pc.store.read() as s:
        row = s.exec(select(Letter).where(Letter.id == letter_id)).one()[0]  # type: ignore[call-overload]
        return str(row.pdf_hash)


def _letter_row_id(pc: PC, letter_id: str) -> str:
    return letter_id
