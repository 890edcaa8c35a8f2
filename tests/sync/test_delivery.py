"""Two offices on one server: Wamena's camat signs a letter to Kurulu; after both sync, Kurulu has
it in Surat Masuk Baru with a valid signature, registers it in one click, disposes it and replies;
Wamena's letter then shows "diterima", and "dibaca" once it was opened there. The server stays
strict: a letter that is not Wamena's own signed letter, or a PDF that is not the signed one, is
refused with a 4xx and nothing is stored; nothing of one office becomes readable by the other
except what was delivered."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop import seam
from desktop.letters import accounts, delivery, disposition, esign, incoming, signer_keys, workflow
from desktop.letters import incoming_queries as iq
from desktop.letters.accounts import Role
from desktop.letters.disposition import DispositionInput
from desktop.letters.incoming_queries import IncomingQueue
from desktop.signing.keys import PassphraseGuard
from sync.client import bundle as client_bundle
from sync.client import engine
from sync.protocol import DeliveryState
from sync.server import db
from sync.server.bundle import import_bundle
from tests.conftest import person_input
from tests.sync.pcs import PC, draft, enrol, open_pc, set_up_office

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)

PASSPHRASE = "Honai-di-lembah-Baliem-2026"


def office_pc(server: Any, root: Path, name: str, kecamatan: str) -> tuple[PC, str]:
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


def enrol_camat(pc: PC) -> None:
    link = engine.connect(pc.store)
    try:
        seam.enrol_signer(pc.store, pc.user("camat"), PASSPHRASE, link)
    finally:
        link.close()


def sign_electronically(pc: PC, letter_id: str) -> None:
    camat = pc.user("camat")
    workflow.send(pc.store, pc.user("budi"), letter_id, [], camat.id)
    signer = signer_keys.unlock(pc.store, camat.id, PASSPHRASE, PassphraseGuard())
    esign.sign_electronically(pc.store, camat, letter_id, signer)


@pytest.fixture
def offices(pki_server: Any, tmp_path: Path) -> Any:
    a, a_id = office_pc(pki_server, tmp_path, "wamena", "Wamena")
    b, b_id = office_pc(pki_server, tmp_path, "kurulu", "Kurulu")
    enrol_camat(a)
    a.sync()  # Wamena learns of Kurulu (the directory is fetched at each sync)
    yield pki_server, a, a_id, b, b_id
    a.close()
    b.close()


def test_a_signed_letter_travels_to_the_other_office_and_back_as_diterima(offices: Any) -> None:
    _server, a, _a_id, b, b_id = offices
    letter_id = draft(a, "Undangan Rapat Koordinasi Distrik")
    # Addressing works offline, from the directory cached at the last sync.
    names = [o.name for o in delivery.directory(a.store)]
    assert names == ["Kecamatan Kurulu"], names  # the office itself is not offered
    [sent] = delivery.address(a.store, a.user("budi"), letter_id, [b_id])
    assert sent.state == DeliveryState.WAITING
    sign_electronically(a, letter_id)

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

    b.sync()
    a.sync()
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert (state.state, state.label) == ("diterima", "diterima")  # registered over there

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


def test_an_office_on_usb_bundles_gets_its_delivery_in_the_reply(
    offices: Any, tmp_path: Path
) -> None:
    server, a, _a_id, b, b_id = offices
    letter_id = draft(a, "Undangan lewat flashdisk")
    delivery.address(a.store, a.user("budi"), letter_id, [b_id])
    sign_electronically(a, letter_id)
    a.sync()
    out, reply = tmp_path / "kurulu.naskah", tmp_path / "kurulu-balasan.naskah"
    client_bundle.export_bundle(b.store, out)
    import_bundle(server.engine, server.settings, out, reply)
    client_bundle.import_reply(b.store, reply)
    rina = b.user("rina")
    [waiting] = delivery.waiting(b.store, rina)
    assert waiting.hal == "Undangan lewat flashdisk"
    assert delivery.check(b.store, rina, waiting.id).valid  # the PDF came in the reply
    letter = delivery.register(b.store, rina, waiting.id)
    assert letter.channel == "server"


def iq_counts(pc: PC, username: str) -> int:
    return iq.count(pc.store, pc.user(username), IncomingQueue.NEW)


# -- the server stays strict (raw devices, no app in between) -----------------------------------

PDF = b"%PDF-1.7\n% surat uji\n" + b"0" * 2000 + b"\n%%EOF\n"


def _letter(device: Any, pdf_hash: str, **extra: Any) -> str:
    letter_id = str(uuid.uuid4())
    fields = {
        "status": "signed", "signature_kind": "tte_internal", "number": "000.1/7/2026",
        "letter_date": "2026-03-03", "hal": "Rahasia kantor A", "sifat": "Biasa",
        "urgency": "Biasa", "classification_code": "000.1", "pdf_hash": pdf_hash,
        "drafter_id": str(uuid.uuid4()), **extra,
    }  # fmt: skip
    ack = device.push("letter", letter_id, fields)
    assert ack["status"] == "applied", ack
    return letter_id


def _signature(device: Any, letter_id: str, pdf_hash: str, serial: str = "7a3f") -> None:
    ack = device.push(
        "letter_signature", str(uuid.uuid4()),
        {"letter_id": letter_id, "position": 1, "signer_id": str(uuid.uuid4()),
         "kind": "tte_internal", "signed_at": "2026-03-03T01:00:00+00:00",
         "signer_name": "Palsu", "signer_jabatan": "Camat", "cert_serial": serial,
         "cert_sha256": "0" * 64, "pdf_hash": pdf_hash},
    )  # fmt: skip
    assert ack["status"] == "applied", ack


def _certificate(server: Any, serial: str, office_id: str) -> None:
    now = db.utcnow()
    with db.write_tx(server.engine) as conn:
        conn.execute(
            db.certificates.insert().values(
                serial=serial, office_id=office_id, person_id=str(uuid.uuid4()), subject="CN=Uji",
                not_before=now, not_after=now, cert_pem="", issued_at=now,
            )
        )  # fmt: skip


def _address(
    device: Any, letter_id: str, sender: str, recipient: str
) -> tuple[str, dict[str, Any]]:
    delivery_id = str(uuid.uuid4())
    fields = {
        "letter_id": letter_id, "sender_office_id": sender, "recipient_office_id": recipient,
        "recipient_office_name": "", "state": "menunggu", "created_at": "2026-03-03T01:00:00",
    }  # fmt: skip
    return delivery_id, device.push("delivery", delivery_id, fields)


def _server_state(server: Any, office_id: str) -> tuple[int, int, int]:
    with db.read_tx(server.engine) as conn:
        return (
            conn.execute(select(func.count()).select_from(db.deliveries)).scalar_one(),
            conn.execute(
                select(func.count())
                .select_from(db.records)
                .where(db.records.c.office_id == office_id, db.records.c.entity == "delivery")
            ).scalar_one(),
            conn.execute(
                select(func.count())
                .select_from(db.blob_offices)
                .where(db.blob_offices.c.office_id == office_id)
            ).scalar_one(),
        )


def test_forged_unsigned_or_foreign_letters_are_refused_and_nothing_is_stored(
    sync_server: Any,
) -> None:
    server = sync_server
    code_a, a_id = server.new_office("Kecamatan Wamena")
    code_b, b_id = server.new_office("Kecamatan Kurulu")
    a, b = server.enrol(code_a), server.enrol(code_b)
    pdf = a.upload_blob(PDF)
    send = "/api/v1/deliveries"
    # The CA's register names a certificate of each office (as if issued to their signers).
    for serial, office in (("7a3f", a_id), ("b0b", b_id)):
        _certificate(server, serial, office)

    # A letter claiming an internal TTE with a certificate the CA never issued: forged.
    forged = _letter(a, pdf)
    _signature(a, forged, pdf, serial="dead")
    # One signed with Kurulu's certificate.
    borrowed = _letter(a, pdf)
    _signature(a, borrowed, pdf, serial="b0b")
    d_borrowed, _ack = _address(a, borrowed, a_id, b_id)
    d_forged, ack = _address(a, forged, a_id, b_id)
    assert ack["status"] == "applied", ack
    # A draft that was never signed.
    draft_id = _letter(a, pdf, status="draft", signature_kind="")
    d_draft, _ack = _address(a, draft_id, a_id, b_id)
    # A signed letter whose PDF is not the one its signature record names.
    other = a.upload_blob(PDF + b"% ganti\n")
    swapped = _letter(a, other)
    _signature(a, swapped, pdf)
    d_swapped, _ack = _address(a, swapped, a_id, b_id)
    before_b = _server_state(server, b_id)

    cases = {
        d_forged: (422, "Sertifikat"),
        d_draft: (422, "belum ditandatangani"),
        d_borrowed: (422, "Sertifikat"),
        d_swapped: (422, "bukan berkas yang disebut"),
        "tidak-ada": (404, "tidak ada"),
    }
    for delivery_id, (status, words) in cases.items():
        r = a.post(send, json={"delivery_id": delivery_id})
        assert r.status_code == status and words in r.json()["detail"], (delivery_id, r.text)
    for body in ({"delivery_id": ""}, {"delivery_id": "a b"}, {"x": 1}, []):
        r = a.post(send, json=body)
        assert r.status_code == 422, (body, r.status_code)
    # Kurulu cannot send Wamena's delivery: it does not exist in Kurulu's records.
    r = b.post(send, json={"delivery_id": d_forged})
    assert r.status_code == 404
    assert _server_state(server, b_id) == before_b  # nothing reached Kurulu
    with db.read_tx(server.engine) as conn:
        assert conn.execute(select(func.count()).select_from(db.deliveries)).scalar_one() == 0

    # Addressing records are checked too: another office as sender, a state only the server
    # sets, letter fields only the server fills.
    _id, ack = _address(a, forged, b_id, b_id)
    assert ack["status"] == "rejected" and "pengirim" in ack["reason"], ack
    bad = str(uuid.uuid4())
    ack = a.push("delivery", bad, {"letter_id": forged, "sender_office_id": a_id,
                                    "recipient_office_id": b_id, "state": "terkirim"})  # fmt: skip
    assert ack["status"] == "rejected", ack
    ack = a.push("delivery", bad, {"letter_id": forged, "sender_office_id": a_id,
                                    "recipient_office_id": b_id, "state": "menunggu",
                                    "pdf_hash": pdf})  # fmt: skip
    assert ack["status"] == "rejected", ack
    # An unknown recipient, or the office itself.
    for recipient in (str(uuid.uuid4()), a_id):
        d, ack = _address(a, forged, a_id, recipient)
        r = a.post(send, json={"delivery_id": d})
        assert r.status_code == 422 and "kantor" in r.json()["detail"].lower(), r.text
    # Kurulu reads none of Wamena's records or files.
    pulled = b.sync()
    assert not [c for c in pulled["changes"] if c["entity"] in ("letter", "delivery")]
    assert b.get(f"/api/v1/blobs/{pdf}").status_code == 404


def test_the_pdf_limit_is_kept(sync_server: Any, tmp_path: Path) -> None:
    """A delivered PDF above the server's limit is refused with 413 (checked before the
    signatures: the size alone decides)."""
    from sync.server import delivery as server_delivery

    server = sync_server
    code_a, a_id = server.new_office("Kecamatan Wamena")
    _code_b, b_id = server.new_office("Kecamatan Kurulu")
    a = server.enrol(code_a)
    pdf = a.upload_blob(PDF)
    letter_id = _letter(a, pdf)
    d, _ack = _address(a, letter_id, a_id, b_id)
    from sync.server.auth import Device

    device = Device(id=a.device_id, office_id=a_id, name="PC")
    with pytest.raises(server_delivery.DeliveryRefused) as refused:
        server_delivery.send(server.engine, server.blob_dir, device, d, max_pdf=1000)
    assert refused.value.status == 413
