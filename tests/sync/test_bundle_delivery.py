"""An office on USB bundles sends letters to other offices: Wamena (bundles only, after its one
online sync) signs a letter to Kurulu (online); the bundle carries the delivery, the central
imports it with ``naskah-server bundle import``, Kurulu has the letter with a valid signature
after its sync, and Wamena's letter shows "terkirim" after the reply, "diterima" after the next
one. A bundle imported twice, or a delivery also sent over HTTP, delivers once. A carried
delivery that names another office as sender, or whose PDF is not the signed one, is refused
with its reason while the rest of the bundle applies."""

from __future__ import annotations

import base64
import hashlib
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.__main__ import main as naskah
from desktop.letters import delivery
from desktop.store import sync_models
from desktop.store.db import open_store
from sync import sealing
from sync.client import bundle, engine
from sync.container import BUNDLE_FORMAT, read_container, write_container
from sync.protocol import DeliveryState
from sync.server import db
from sync.server.cli import main as naskah_server
from tests.sync.pcs import PC, draft
from tests.sync.test_delivery import enrol_camat, office_pc, sign_electronically

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)


@pytest.fixture
def offices(pki_server: Any, tmp_path: Path) -> Any:
    """Wamena (``a``) enrolled and its camat's signing key issued online, once; Kurulu (``b``)."""
    a, _a_id = office_pc(pki_server, tmp_path, "wamena", "Wamena")
    b, b_id = office_pc(pki_server, tmp_path, "kurulu", "Kurulu")
    enrol_camat(a)
    a.sync()  # the last online sync of Wamena: from here on it works by USB stick
    held = {"a": a, "b": b}
    yield pki_server, held, b_id
    for pc in held.values():
        pc.close()


def _letter_to(a: PC, b_id: str, hal: str) -> tuple[str, str]:
    """A letter of Wamena addressed to Kurulu and signed electronically: (letter, delivery)."""
    letter_id = draft(a, hal)
    [addressed] = delivery.address(a.store, a.user("budi"), letter_id, [b_id])
    sign_electronically(a, letter_id)
    return letter_id, addressed.id


def _by_stick(server: Any, pc: PC, tmp_path: Path, name: str, capsys: Any) -> tuple[PC, str]:
    """Export with ``naskah bundle export``, import on the central with ``naskah-server bundle
    import``, apply the reply with ``naskah bundle import``; the PC reopened and what the
    server's command printed."""
    file, reply = tmp_path / f"{name}.naskah", tmp_path / f"{name}-balasan.naskah"
    data_dir = pc.store.data_dir
    pc.close()  # the commands open the store themselves
    assert naskah(["bundle", "export", str(file), "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert _server_import(server, file, reply) == 0
    printed = capsys.readouterr().out
    assert naskah(["bundle", "import", str(reply), "--data-dir", str(data_dir)]) == 0
    printed += capsys.readouterr().out
    return PC(pc.name, open_store(data_dir)), printed


def _server_import(server: Any, file: Path, reply: Path) -> int:
    return naskah_server(
        ["bundle", "import", str(file), "--reply", str(reply), "--db", server.db_url,
         "--blobs", str(server.blob_dir)]
    )  # fmt: skip


def _sent_on_server(server: Any) -> int:
    with db.read_tx(server.engine) as conn:
        return int(conn.execute(select(func.count()).select_from(db.deliveries)).scalar_one())


def test_a_letter_travels_from_an_office_on_usb_bundles(
    offices: Any, tmp_path: Path, capsys: Any
) -> None:
    server, pcs, b_id = offices
    a, b = pcs["a"], pcs["b"]
    letter_id, _delivery_id = _letter_to(a, b_id, "Undangan Rapat lewat Flashdisk")
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert state.state == DeliveryState.WAITING

    a, printed = _by_stick(server, a, tmp_path, "wamena-1", capsys)
    pcs["a"] = a
    assert "deliveries: 1 sent, 0 refused" in printed, printed
    assert "Surat untuk kantor lain: 1 terkirim, 0 ditolak" in printed, printed
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert (state.office, state.label, state.problem) == ("Kecamatan Kurulu", "terkirim", "")
    assert engine.pending_count(a.store) == 0

    # Kurulu, online: the letter waits in Surat Masuk Baru, its signature valid.
    b.sync()
    rina = b.user("rina")
    [waiting] = delivery.waiting(b.store, rina)
    assert (waiting.sender_office_name, waiting.hal) == (
        "Kecamatan Wamena", "Undangan Rapat lewat Flashdisk",
    )  # fmt: skip
    verdict = delivery.check(b.store, rina, waiting.id)
    assert verdict.valid and verdict.text.startswith("SAH"), verdict.text

    # The same bundle imported again (the IT officer ran the command twice): sent once.
    again = tmp_path / "wamena-1-lagi.naskah"
    assert _server_import(server, tmp_path / "wamena-1.naskah", again) == 0
    assert _sent_on_server(server) == 1
    b.sync()
    assert len(delivery.waiting(b.store, rina)) == 1

    # Kurulu registers it; Wamena's next bundle reply brings "diterima".
    delivery.register(b.store, rina, waiting.id)
    b.sync()
    server.new_office("Kecamatan Bolakme")  # a new office on the server meanwhile
    a, printed = _by_stick(server, a, tmp_path, "wamena-2", capsys)
    pcs["a"] = a
    # The reply brings the directory: the new office can be addressed offline.
    names = [o.name for o in delivery.directory(a.store)]
    assert names == ["Kecamatan Bolakme", "Kecamatan Kurulu"], names
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert (state.state, state.label) == (DeliveryState.RECEIVED, "diterima")
    assert "deliveries:" not in printed  # nothing carried this time
    # The older reply applied late takes nothing back.
    bundle.import_reply(a.store, again)
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert state.state == DeliveryState.RECEIVED


def test_a_delivery_also_sent_online_goes_once(offices: Any, tmp_path: Path) -> None:
    """The stick waits in a drawer while the PC syncs online once: the HTTP path sends the
    letter; the bundle imported afterwards answers "sent" for it and sends nothing new."""
    server, pcs, b_id = offices
    a, b = pcs["a"], pcs["b"]
    letter_id, _delivery_id = _letter_to(a, b_id, "Pemberitahuan Ganda")
    file, reply = tmp_path / "laci.naskah", tmp_path / "laci-balasan.naskah"
    assert bundle.export_bundle(a.store, file).deliveries == 1
    report = a.sync()
    assert report.delivery is not None and report.delivery.sent == 1
    assert _server_import(server, file, reply) == 0
    assert _sent_on_server(server) == 1
    done = bundle.import_reply(a.store, reply)
    assert done.report.delivery is not None and done.report.delivery.sent == 1
    [state] = delivery.sent_states(a.store, a.user("budi"), letter_id)
    assert (state.label, state.problem) == ("terkirim", "")
    b.sync()
    assert len(delivery.waiting(b.store, b.user("rina"))) == 1


def _resign(a: PC, path: Path, header: dict[str, Any], body: dict[str, Any]) -> None:
    """Write a bundle as Wamena's PC would sign it (the forger holds the PC's own key)."""
    state = engine.state_of(a.store)
    assert state is not None
    pem = sync_models.bundle_key(state.device_id)
    assert pem is not None
    key = sealing.load_private(pem)
    write_container(path, BUNDLE_FORMAT, header, body, sign=lambda d: sealing.sign(key, d))


def _mutation(body: dict[str, Any], entity: str, entity_id: str) -> dict[str, Any]:
    return next(
        m
        for b in body["batches"]
        for m in b["request"]["mutations"]
        if m["entity"] == entity and m["entity_id"] == entity_id
    )


def test_a_bad_delivery_is_refused_with_its_reason_and_the_rest_applies(
    offices: Any, tmp_path: Path
) -> None:
    server, pcs, b_id = offices
    a, b = pcs["a"], pcs["b"]
    synced = engine.state_of(a.store)
    assert synced is not None
    a_id = synced.office_id
    _l1, borrowed = _letter_to(a, b_id, "Atas nama kantor lain")
    l2, swapped = _letter_to(a, b_id, "Berkas PDF ditukar")
    l3, good = _letter_to(a, b_id, "Surat yang sah")
    _l4, elsewhere = _letter_to(a, b_id, "PDF lain dari yang dimaksud")
    plain = draft(a, "Konsep biasa ikut bundel")
    made = tmp_path / "asli.naskah"
    assert bundle.export_bundle(a.store, made).deliveries == 4
    container = read_container(made, BUNDLE_FORMAT)
    body = container.body
    items = {d["delivery_id"]: d for d in body["deliveries"]}

    # One delivery names Kurulu as its sender, in its record and in the carried request.
    _mutation(body, "delivery", borrowed)["fields"]["sender_office_id"] = b_id
    items[borrowed]["sender_office_id"] = b_id
    # Another carries a PDF that is not the one its signature record names.
    pdf_hash = items[swapped]["pdf_hash"]
    tampered = bundle.decode_blob(pdf_hash, body["blobs"][pdf_hash]) + b"% diubah\n"
    other = hashlib.sha256(tampered).hexdigest()
    body["blobs"][other] = base64.b64encode(tampered).decode()
    _mutation(body, "letter", l2)["fields"]["pdf_hash"] = other
    items[swapped]["pdf_hash"] = other
    # Another means a PDF other than the one its letter has on the server.
    items[elsewhere]["pdf_hash"] = "0" * 64
    # And one is not a delivery at all.
    body["deliveries"].append({"delivery_id": str(uuid.uuid4()), "pdf_hash": "bukan"})
    forged, reply = tmp_path / "palsu.naskah", tmp_path / "palsu-balasan.naskah"
    _resign(a, forged, container.header, body)

    assert _server_import(server, forged, reply) == 0
    assert _sent_on_server(server) == 1  # the good one only
    with db.read_tx(server.engine) as conn:
        sent = conn.execute(select(db.deliveries.c.id, db.deliveries.c.sender_office_id)).one()
        stored = conn.execute(
            select(func.count())
            .select_from(db.records)
            .where(db.records.c.office_id == a_id, db.records.c.entity_id == plain)
        ).scalar_one()
    assert tuple(sent) == (good, a_id)
    assert stored == 1  # the bundle's other records applied

    done = bundle.import_reply(a.store, reply)
    assert done.report.delivery is not None
    assert (done.report.delivery.sent, done.report.delivery.refused) == (1, 3)
    with a.store.read() as s:
        rows = {d: s.get(delivery.Delivery, d) for d in (borrowed, swapped, elsewhere, good)}
        problems = {d: row.problem for d, row in rows.items() if row is not None}
    assert "atas nama kantor lain" in problems[borrowed], problems
    assert "bukan berkas yang disebut catatan tanda tangannya" in problems[swapped], problems
    assert "bukan berkas yang dikirim PC ini" in problems[elsewhere], problems
    assert problems[good] == ""
    # The clerk reads the reason with the letter, as after a refusal online.
    [state] = delivery.sent_states(a.store, a.user("budi"), l2)
    assert state.state == DeliveryState.WAITING
    assert "bukan berkas" in state.problem
    [state] = delivery.sent_states(a.store, a.user("budi"), l3)
    assert state.label == "terkirim"

    b.sync()
    [waiting] = delivery.waiting(b.store, b.user("rina"))
    assert waiting.hal == "Surat yang sah"
