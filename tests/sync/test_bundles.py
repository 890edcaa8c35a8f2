"""Bundles (USB stick): a PC offline -> bundle -> server import -> reply -> the PC, through the
real CLIs; the data then reaches a second PC online. Replays change nothing; damaged and
foreign bundles are refused with a clear message."""

from __future__ import annotations

import gzip
import random
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop.__main__ import main as naskah
from desktop.letters import workflow
from desktop.store.blobs import BlobStore
from desktop.store.sync_models import BlobWanted
from sync.client import bundle
from sync.server import bundle as server_bundle
from sync.server.cli import main as naskah_server
from tests.sync.pcs import PC, count, draft, office_with_pcs, save, sign, snapshot

# Runs on SQLite, and on PostgreSQL too when NASKAH_TEST_PG_URL is set (CI).


def _server_import(server: Any, file: Path, reply: Path) -> int:
    return naskah_server(
        [
            "bundle",
            "import",
            str(file),
            "--reply",
            str(reply),
            "--db",
            server.db_url,
            "--blobs",
            str(server.blob_dir),
        ]
    )


def _offline_work(pc: PC) -> tuple[str, str]:
    first = draft(pc, "Undangan Rapat Kampung")
    second = draft(pc, "Pemberitahuan Posyandu")
    save(pc, first, hal="Undangan Rapat Kampung (revisi)")
    sign(pc, second)
    letter = workflow.attach_scan(
        pc.store, pc.user("camat"), second, b"%PDF-1.4\n" + random.Random(3).randbytes(40_000)
    )
    assert letter.scan_hash
    return first, letter.scan_hash


def _export(pc: PC, path: Path) -> int:
    return naskah(["bundle", "export", str(path), "--data-dir", str(pc.store.data_dir)])


def _import_reply(pc: PC, path: Path) -> int:
    return naskah(["bundle", "import", str(path), "--data-dir", str(pc.store.data_dir)])


def _reopen(pc: PC) -> PC:
    from desktop.store.db import open_store

    return PC(pc.name, open_store(pc.store.data_dir))


def test_round_trip_then_second_pc_sees_everything(sync_server: Any, tmp_path: Path) -> None:
    _, (pc1, pc2) = office_with_pcs(sync_server, tmp_path, "pc1", "pc2")
    letter_id, scan = _offline_work(pc1)
    pending = count(pc1.store, "SELECT count(*) FROM outbox")
    assert pending > 0
    pc1.close()  # the CLI opens the store itself (one process at a time holds it)
    file, reply = tmp_path / "pc1.naskah", tmp_path / "pc1.balasan"
    assert _export(pc1, file) == 0
    assert _server_import(sync_server, file, reply) == 0
    assert _import_reply(pc1, reply) == 0
    pc1 = _reopen(pc1)
    assert count(pc1.store, "SELECT count(*) FROM outbox") == 0

    pc2.sync()
    assert snapshot(pc2.store) == snapshot(pc1.store)
    assert count(pc2.store, f"SELECT count(*) FROM letter WHERE id = '{letter_id}'") == 1
    assert BlobStore(pc2.store.blob_dir).get(scan) == BlobStore(pc1.store.blob_dir).get(scan)

    # pc2's work comes back to pc1 by bundle too, blobs included.
    other = draft(pc2, "Surat dari PC kedua")
    sign(pc2, other)
    pc2.sync()
    pc1.close()
    file2, reply2 = tmp_path / "pc1-2.naskah", tmp_path / "pc1-2.balasan"
    assert _export(pc1, file2) == 0
    assert _server_import(sync_server, file2, reply2) == 0
    assert _import_reply(pc1, reply2) == 0
    pc1 = _reopen(pc1)
    assert snapshot(pc2.store) == snapshot(pc1.store)
    with pc1.store.read() as s:
        assert list(s.exec(select(BlobWanted.sha256)).all()) == []


def test_double_import_changes_nothing(sync_server: Any, tmp_path: Path) -> None:
    _, (pc1, pc2) = office_with_pcs(sync_server, tmp_path, "pc1", "pc2")
    _offline_work(pc1)
    file, reply, reply2 = tmp_path / "b", tmp_path / "r1", tmp_path / "r2"
    bundle.export_bundle(pc1.store, file)
    assert _server_import(sync_server, file, reply) == 0
    with sync_server.engine.connect() as conn:
        from sqlalchemy import text

        applied = conn.execute(text("SELECT count(*) FROM applied_mutations")).scalar()
        leases = conn.execute(text("SELECT id, voided_at FROM leases ORDER BY id")).all()
    assert _server_import(sync_server, file, reply2) == 0  # the same bundle again
    with sync_server.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM applied_mutations")).scalar() == applied
        # ... and it voids none of the leases the first reply granted
        assert conn.execute(text("SELECT id, voided_at FROM leases ORDER BY id")).all() == leases
    bundle.import_reply(pc1.store, reply)
    after_first = snapshot(pc1.store)
    bundle.import_reply(pc1.store, reply)  # the same reply again
    bundle.import_reply(pc1.store, reply2)  # and the replay's reply
    assert snapshot(pc1.store) == after_first
    assert count(pc1.store, "SELECT count(*) FROM outbox") == 0
    pc2.sync()
    assert snapshot(pc2.store) == after_first
    assert count(pc2.store, "SELECT count(*) FROM letter") == count(
        pc1.store, "SELECT count(*) FROM letter"
    )
    # A number from the leases the replies brought is accepted.
    sign(pc1, draft(pc1, "Surat sesudah bundel"))
    assert pc1.sync().rejected == 0


def test_damaged_bundle_and_reply_are_refused(sync_server: Any, tmp_path: Path) -> None:
    _, (pc1,) = office_with_pcs(sync_server, tmp_path, "pc1")
    draft(pc1, "Undangan")
    file = tmp_path / "b"
    bundle.export_bundle(pc1.store, file)
    good = file.read_bytes()
    truncated, flipped = tmp_path / "t", tmp_path / "f"
    truncated.write_bytes(good[: len(good) // 2])
    damaged = bytearray(good)
    damaged[len(damaged) // 2] ^= 0x01
    flipped.write_bytes(bytes(damaged))
    # A byte flipped inside the JSON with a valid gzip around it: only the SHA-256 notices.
    raw = gzip.decompress(good).replace(b"Undangan", b"Undangam", 1)
    resealed = tmp_path / "s"
    resealed.write_bytes(gzip.compress(raw))
    for bad in (truncated, flipped, resealed):
        with pytest.raises(server_bundle.BundleRefused, match="rusak"):
            server_bundle.import_bundle(
                sync_server.engine, sync_server.settings, bad, tmp_path / "reply"
            )
        assert not (tmp_path / "reply").exists()
    assert count(pc1.store, "SELECT count(*) FROM outbox") > 0

    reply = tmp_path / "r"
    server_bundle.import_bundle(sync_server.engine, sync_server.settings, file, reply)
    cut = tmp_path / "rc"
    cut.write_bytes(reply.read_bytes()[:-40])
    with pytest.raises(bundle.BundleRefused, match="rusak"):
        bundle.import_reply(pc1.store, cut)
    with pytest.raises(bundle.BundleRefused, match="bukan balasan"):
        bundle.import_reply(pc1.store, file)  # a bundle is not a reply
    assert count(pc1.store, "SELECT count(*) FROM outbox") > 0


def test_foreign_bundles_are_refused(
    sync_server: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, (pc1, pc2) = office_with_pcs(sync_server, tmp_path, "pc1", "pc2")
    _, (pc3,) = office_with_pcs(sync_server, tmp_path, "pc3")
    draft(pc1, "Undangan")
    file, reply = tmp_path / "b", tmp_path / "r"
    bundle.export_bundle(pc1.store, file)
    # A bundle claiming another office than its device's.
    made = server_bundle.read_container(file, server_bundle.BUNDLE_FORMAT)
    header, body = made.header, made.body
    state3 = bundle.engine.state_of(pc3.store)
    assert state3 is not None
    forged = tmp_path / "forged"
    server_bundle.write_container(
        forged,
        server_bundle.BUNDLE_FORMAT,
        {**header, "office_id": state3.office_id, "office_code": state3.office_code},
        body,
    )
    assert _server_import(sync_server, forged, reply) == 1
    assert "bukan milik kantor" in capsys.readouterr().err
    unknown = tmp_path / "unknown"
    server_bundle.write_container(
        unknown, server_bundle.BUNDLE_FORMAT, {**header, "device_id": "tidak-ada"}, body
    )
    assert _server_import(sync_server, unknown, reply) == 1
    assert "tidak terdaftar" in capsys.readouterr().err
    assert not reply.exists()

    # A reply made for pc1 is refused by pc2 (same office) and pc3 (other office).
    assert _server_import(sync_server, file, reply) == 0
    with pytest.raises(bundle.BundleRefused, match="PC lain"):
        bundle.import_reply(pc2.store, reply)
    with pytest.raises(bundle.BundleRefused, match="kantor lain"):
        bundle.import_reply(pc3.store, reply)
    bundle.import_reply(pc1.store, reply)
    assert count(pc1.store, "SELECT count(*) FROM outbox") == 0


def test_many_batches_in_one_bundle(sync_server: Any, tmp_path: Path) -> None:
    _, (pc1, pc2) = office_with_pcs(sync_server, tmp_path, "pc1", "pc2")
    for i in range(7):
        draft(pc1, f"Surat {i}")
    file, reply = tmp_path / "b", tmp_path / "r"
    out = bundle.export_bundle(pc1.store, file, limit=3)
    assert out.batches > 2 and not out.more_local
    server_bundle.import_bundle(sync_server.engine, sync_server.settings, file, reply)
    bundle.import_reply(pc1.store, reply)
    assert count(pc1.store, "SELECT count(*) FROM outbox") == 0
    pc2.sync()
    assert snapshot(pc2.store) == snapshot(pc1.store)


def test_a_picture_in_a_letter_travels_in_the_bundle_both_ways(
    sync_server: Any, tmp_path: Path
) -> None:
    from desktop.letters import body_images

    _, (pc1, pc2) = office_with_pcs(sync_server, tmp_path, "pc1", "pc2")
    picture = b"\x89PNG\r\n\x1a\n" + random.Random(11).randbytes(30_000)
    url = body_images.keep_image(pc1.store, pc1.user("budi"), picture)
    letter_id = draft(pc1, "Peta Kampung Pesisir")
    save(pc1, letter_id, body_html=f'<p>Peta:</p><p><img src="{url}" /></p>')
    pc1.close()
    file, reply = tmp_path / "pc1.naskah", tmp_path / "pc1.balasan"
    assert _export(pc1, file) == 0
    assert _server_import(sync_server, file, reply) == 0
    assert _import_reply(pc1, reply) == 0
    digest = url.split(":", 1)[1]
    pc2.sync()  # online: the picture the bundle brought up comes down
    assert BlobStore(pc2.store.blob_dir).get(digest) == picture

    # And down by bundle to a PC that never had it.
    BlobStore(pc1.store.blob_dir).path(digest).unlink()
    save(pc2, letter_id, hal="Peta Kampung Pesisir (revisi)")
    pc2.sync()
    file2, reply2 = tmp_path / "pc1-2.naskah", tmp_path / "pc1-2.balasan"
    assert _export(pc1, file2) == 0
    assert _server_import(sync_server, file2, reply2) == 0
    assert _import_reply(pc1, reply2) == 0
    pc1 = _reopen(pc1)
    assert BlobStore(pc1.store.blob_dir).get(digest) == picture
