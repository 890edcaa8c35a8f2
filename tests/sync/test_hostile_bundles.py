"""Bundles made by hand, not by Naskah: each is refused whole with one clear message in
Indonesian, nothing applied, no traceback; a gzip bomb is refused in bounded memory."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from sync import sealing
from sync.container import (
    BUNDLE_FORMAT,
    MAX_CONTAINER_BYTES,
    REPLY_FORMAT,
    read_container,
    write_container,
)
from sync.server import db
from sync.server.bundle import BundleRefused, import_bundle
from tests.sync.pcs import draft, office_with_pcs

# The checks run before the database is touched: SQLite is enough.
pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)


def _applied(server: Any) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(db.applied_mutations)).scalar())


@pytest.fixture
def genuine(sync_server: Any, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and body of a real bundle from an enrolled PC with a draft to send."""
    from sync.client import bundle

    _, (pc,) = office_with_pcs(sync_server, tmp_path, "pc1")
    draft(pc, "Undangan Rapat")
    path = tmp_path / "asli.naskah"
    bundle.export_bundle(pc.store, path)
    container = read_container(path, BUNDLE_FORMAT)
    return container.header, container.body


@pytest.mark.parametrize(
    ("header_change", "body_change"),
    [
        ({}, {"batches": "semua"}),
        ({}, {"batches": [{"request": {"cursor": "nol"}}]}),
        ({}, {"blobs": {"a" * 64: "bukan base64!"}}),
        ({}, {"blobs": "banyak"}),
        ({"protocol": "satu"}, {}),
        ({"protocol": None}, {}),
        ({"device_id": ["x"]}, {}),
        ({"cursor": 2**70}, {}),
        ({}, {"deliveries": "semua"}),
        ({}, {"deliveries": [{"delivery_id": "x"}] * 501}),
    ],
    ids=[
        "batches-text",
        "cursor-text",
        "bad-base64",
        "blobs-text",
        "protocol-text",
        "protocol-null",
        "device-list",
        "cursor-huge",
        "deliveries-text",
        "deliveries-too-many",
    ],
)
def test_a_crafted_bundle_is_refused_whole_in_indonesian(
    sync_server: Any,
    genuine: tuple[dict[str, Any], dict[str, Any]],
    tmp_path: Path,
    header_change: dict[str, Any],
    body_change: dict[str, Any],
) -> None:
    header, body = genuine
    path = tmp_path / "buatan.naskah"
    write_container(path, BUNDLE_FORMAT, {**header, **header_change}, {**body, **body_change})
    before = _applied(sync_server)
    with pytest.raises(BundleRefused) as refused:
        import_bundle(sync_server.engine, sync_server.settings, path, tmp_path / "balasan")
    message = str(refused.value)
    assert "ditolak" in message and "Traceback" not in message
    assert "validation error" not in message.lower() and "Input should" not in message
    assert _applied(sync_server) == before
    assert not (tmp_path / "balasan").exists()


def _gzip_bomb(path: Path, expands_to: int) -> None:
    """One gzip member of zeros that expands to ``expands_to`` bytes (about 1000:1)."""
    deflate = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    with path.open("wb") as f:
        for _ in range(expands_to >> 20):
            f.write(deflate.compress(zeros))
        f.write(deflate.flush())


def test_a_2_gb_bundle_bomb_is_refused_in_bounded_memory(sync_server: Any, tmp_path: Path) -> None:
    bomb = tmp_path / "bom.naskah"
    _gzip_bomb(bomb, 2 << 30)
    assert bomb.stat().st_size < 16 << 20  # a few MB on the stick
    tracemalloc.start()
    try:
        with pytest.raises(BundleRefused, match="terlalu besar"):
            import_bundle(sync_server.engine, sync_server.settings, bomb, tmp_path / "balasan")
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Bounded by the container limit (one buffer and its growth), not by the 2 GB inside.
    assert peak < 3 * MAX_CONTAINER_BYTES
    assert not (tmp_path / "balasan").exists()


def test_a_bundle_forged_with_another_devices_ids_is_refused(
    sync_server: Any, genuine: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    """Everything in a header can be read off any bundle of the office: only the device's own
    key can sign for it. Unsigned, or signed with another key: refused, nothing applied."""
    header, body = genuine
    before = _applied(sync_server)
    for name, sign in [("tanpa-tanda-tangan", None), ("kunci-lain", _signer_of_a_stranger())]:
        path = tmp_path / name
        write_container(path, BUNDLE_FORMAT, header, body, sign=sign)
        with pytest.raises(BundleRefused, match="tidak ditandatangani oleh perangkat"):
            import_bundle(sync_server.engine, sync_server.settings, path, tmp_path / "balasan")
    assert _applied(sync_server) == before
    assert not (tmp_path / "balasan").exists()


def _signer_of_a_stranger() -> Any:
    key = sealing.new_private_key()
    return lambda digest: sealing.sign(key, digest)


def test_a_reply_is_sealed_for_its_pc_and_a_forged_one_is_refused(
    sync_server: Any, tmp_path: Path
) -> None:
    from sync.client import bundle

    _, (pc,) = office_with_pcs(sync_server, tmp_path, "pc1")
    draft(pc, "Undangan Rapat Rahasia Kecamatan")
    path, reply = tmp_path / "b", tmp_path / "r"
    bundle.export_bundle(pc.store, path)
    import_bundle(sync_server.engine, sync_server.settings, path, reply)
    # On the stick the reply's letters cannot be read: its body is encrypted for the PC.
    assert b"Rahasia Kecamatan" not in gzip.decompress(reply.read_bytes())
    # A reply whose body was changed (and its checksum recomputed) lacks the server's signature.
    made = read_container(reply, REPLY_FORMAT)
    forged = tmp_path / "palsu"
    write_container(forged, REPLY_FORMAT, made.header, {"sealed": {"epk": "x"}})
    with pytest.raises(bundle.BundleRefused, match="tidak ditandatangani server"):
        bundle.import_reply(pc.store, forged)
    assert bundle.import_reply(pc.store, reply).report.pending == 0
