"""Blobs between PCs: the logo, the signed PDF and the archive scan reach the other PC, uploads
resume after cuts without re-sending more than the cut request, several blobs travel in one
request each way, downloads resume from a ``.part`` file and never keep bytes that do not match
their hash, and a server without the requests of several blobs gets one per chunk and per blob.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlmodel import select

from desktop.letters import workflow
from desktop.store.blobs import BlobStore
from desktop.store.models import Letter, Office
from desktop.store.sync_models import BlobWanted
from sync.client import blobs, engine
from sync.client.errors import Offline
from sync.client.transport import Transport
from tests.sync.pcs import PC, draft, office_with_pcs, sign

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)
KB = 1024


def _scan(size: int, seed: int = 1) -> bytes:
    return b"%PDF-1.4\n" + random.Random(seed).randbytes(size - 9)


def _wanted(pc: PC) -> list[str]:
    with pc.store.read() as s:
        return list(s.exec(select(BlobWanted.sha256)).all())


def _signed_with_scan(pc: PC, size: int) -> Letter:
    letter_id = draft(pc, "Undangan bertanda tangan basah")
    sign(pc, letter_id)
    return workflow.attach_scan(pc.store, pc.user("camat"), letter_id, _scan(size))


CHUNKS, FETCH = "/api/v1/blobs/chunks", "/api/v1/blobs/fetch"


class CountingSession(requests.Session):
    """Counts blob uploads (a PUT of one chunk or a POST of several); can lose the answer to (or
    the whole of) chosen ones. ``older``: the server is asked paths it does not have instead of
    the requests of several blobs, so it answers them as a server without them does."""

    def __init__(self, lose_answer: set[int] = frozenset(), lose_request: set[int] = frozenset(),  # type: ignore[assignment]
                 older: bool = False):  # type: ignore[assignment]  # fmt: skip
        super().__init__()
        self.puts = 0
        self.lose_answer, self.lose_request = lose_answer, lose_request
        self.older = older
        self.ranges: list[str] = []
        self.fetched: list[dict[str, Any]] = []  # what each /blobs/fetch asked
        self.calls: list[str] = []  # "METHOD /path" of every request sent

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        path = (request.path_url or "").split("?")[0]
        if self.older and path in (CHUNKS, FETCH):
            request.url = (request.url or "").replace(path, path + "-unknown")
        self.calls.append(f"{request.method} {path}")
        if "Range" in request.headers:
            self.ranges.append(str(request.headers["Range"]))
        if path == FETCH and isinstance(request.body, bytes):
            self.fetched += json.loads(request.body)["blobs"]
        upload = request.method == "PUT" or path == CHUNKS
        if upload:
            self.puts += 1
            if self.puts in self.lose_request:
                raise requests.ConnectionError("link cut before the chunk arrived")
        response = super().send(request, **kwargs)
        if upload and self.puts in self.lose_answer:
            raise requests.ConnectionError("link cut after the chunk arrived")
        return response


def _link(pc: PC, session: requests.Session) -> Transport:
    state = engine.state_of(pc.store)
    assert state is not None
    return Transport(state.server_url, engine.sync_models.token(state.device_id), session=session)


def test_logo_pdf_and_scan_reach_the_other_pc(module_sync_server: Any, tmp_path: Path) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter = _signed_with_scan(pc1, 300 * KB)
    assert pc1.sync().blob_bytes_up >= 300 * KB
    report = pc2.sync()
    assert report.blobs_down == 2 and _wanted(pc2) == []
    with pc2.store.read() as s:
        office = s.exec(select(Office)).one()
    theirs, mine = BlobStore(pc2.store.blob_dir), BlobStore(pc1.store.blob_dir)
    for digest in (letter.pdf_hash, letter.scan_hash, office.logo_hash):
        assert digest is not None and theirs.get(digest) == mine.get(digest)
    assert pc2.sync().blobs_down == 0


def test_upload_resumes_after_cuts_resending_at_most_the_cut_chunk(
    module_sync_server: Any, tmp_path: Path
) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter = _signed_with_scan(pc1, 600 * KB)  # ten 64 KB requests, plus the PDF's
    session = CountingSession(lose_answer={2, 6}, lose_request={4})
    link, cuts = _link(pc1, session), 0
    while True:
        try:
            engine.sync_once(pc1.store, transport=link, blob_chunk=64 * KB)
            break
        except Offline:
            cuts += 1
    assert cuts == 3
    pdf = BlobStore(pc1.store.blob_dir).path(letter.pdf_hash or "").stat().st_size
    chunks = -(-(600 * KB + pdf) // (64 * KB))  # both blobs share requests of 64 KB
    assert session.puts <= chunks + cuts  # each cut re-sent at most one request
    assert session.puts >= chunks
    # /blobs/missing says where a part ends: no upload-state request per blob.
    assert not [c for c in session.calls if c.startswith("GET") and c.endswith("/upload")]
    pc2.sync()
    scan = letter.scan_hash or ""
    assert BlobStore(pc2.store.blob_dir).get(scan) == _scan(600 * KB)


def test_upload_goes_on_from_the_offset_a_409_names(
    module_sync_server: Any, tmp_path: Path
) -> None:
    """A client that starts at 0 (an older server's /blobs/missing names no offsets) while the
    server holds a part: the 409 says where, and only the rest goes up."""
    _, (pc1,) = office_with_pcs(module_sync_server, tmp_path, "pc1")
    letter = _signed_with_scan(pc1, 200 * KB)
    scan = letter.scan_hash or ""
    path = BlobStore(pc1.store.blob_dir).path(scan)
    session = CountingSession()
    link = _link(pc1, session)
    assert blobs.upload(link, path, scan, chunk_size=64 * KB, offset=0) == 200 * KB
    session.calls.clear()
    # The same blob again from 0: the server has it whole and says so; nothing more is sent.
    assert blobs.upload(link, path, scan, chunk_size=64 * KB) == 0
    assert session.calls == [f"PUT /api/v1/blobs/{scan}/upload"]
    fresh = _scan(200 * KB, seed=3)
    name = hashlib.sha256(fresh).hexdigest()
    (tmp_path / "fresh.pdf").write_bytes(fresh)
    first = link.request(
        "PUT", f"/api/v1/blobs/{name}/upload", params={"offset": 0}, data=fresh[: 64 * KB],
        headers={"X-Chunk-Sha256": hashlib.sha256(fresh[: 64 * KB]).hexdigest(),
                 "Content-Type": "application/octet-stream"},
    )  # fmt: skip
    assert first.json() == {"offset": 64 * KB, "complete": False}  # then the link dropped
    session.calls.clear()
    sent = blobs.upload(link, tmp_path / "fresh.pdf", name, chunk_size=64 * KB, offset=0)
    assert sent == 200 * KB - 64 * KB  # the 409's chunk is not counted: it was refused
    assert session.calls.count(f"PUT /api/v1/blobs/{name}/upload") == 1 + 3  # the 409, the rest
    assert link.request("GET", f"/api/v1/blobs/{name}").content == fresh


def test_download_resumes_a_part_file_and_refuses_damaged_bytes(
    module_sync_server: Any, tmp_path: Path
) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter = _signed_with_scan(pc1, 400 * KB)
    pc1.sync()
    scan = letter.scan_hash or ""
    data = _scan(400 * KB)
    local = BlobStore(pc2.store.blob_dir)
    part = local.path(scan).with_name(f"{scan}.part")
    part.parent.mkdir(parents=True, exist_ok=True)
    part.write_bytes(data[: 150 * KB])  # what arrived before the last cut
    session = CountingSession()
    engine.sync_once(pc2.store, transport=_link(pc2, session))
    assert {"sha256": scan, "offset": 150 * KB} in session.fetched
    assert session.calls.count(f"POST {FETCH}") == 1  # the scan, the PDF and the logo
    assert local.get(scan) == data and not part.exists()

    # A .part that holds someone else's bytes is thrown away, never moved into place.
    pdf = letter.pdf_hash or ""
    local.path(pdf).unlink()
    bad = local.path(pdf).with_name(f"{pdf}.part")
    bad.write_bytes(os.urandom(1000))
    with pc2.store.write() as s:
        s.add(BlobWanted(sha256=pdf))
    assert pc2.sync().blobs_down == 0 and not bad.exists() and _wanted(pc2) == [pdf]
    assert pc2.sync().blobs_down == 1 and local.has(pdf) and _wanted(pc2) == []


def test_blob_not_on_the_server_yet_stays_wanted(module_sync_server: Any, tmp_path: Path) -> None:
    _, (pc1,) = office_with_pcs(module_sync_server, tmp_path, "pc1")
    later = hashlib.sha256(b"pindaian yang belum diunggah").hexdigest()
    with pc1.store.write() as s:
        s.add(BlobWanted(sha256=later))
    report = pc1.sync()
    assert report.blobs_down == 0 and _wanted(pc1) == [later]


def test_a_picture_pasted_into_a_draft_reaches_the_other_pc(
    module_sync_server: Any, tmp_path: Path
) -> None:
    from desktop.letters import body_images, drafting
    from desktop.letters.document import document_for
    from tests.sync.pcs import save

    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter_id = draft(pc1, "Peta lokasi pendataan")
    picture = b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(40 * KB)  # bytes as pasted
    url = body_images.keep_image(pc1.store, pc1.user("budi"), picture)
    save(pc1, letter_id, body_html=f'<p>Peta:</p><p><img src="{url}" width="160" /></p>')
    assert pc1.sync().blob_bytes_up >= 40 * KB
    assert pc2.sync().blobs_down >= 1 and _wanted(pc2) == []
    digest = url.split(":", 1)[1]
    assert BlobStore(pc2.store.blob_dir).get(digest) == picture
    letter = drafting.get_letter(pc2.store, pc2.user("budi"), letter_id)
    with pc2.store.read() as s:
        document = document_for(s, letter, pc2.store.blob_dir)
    assert document.images == {url: picture}


def test_several_blobs_go_up_and_down_in_one_request_each(
    module_sync_server: Any, tmp_path: Path
) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letters = [_signed_with_scan(pc1, 120 * KB + n) for n in range(3)]
    up = CountingSession()
    engine.sync_once(pc1.store, transport=_link(pc1, up))
    assert up.calls.count(f"POST {CHUNKS}") == 1  # 3 scans + 3 PDFs, under 1 MB together
    assert not [c for c in up.calls if c.startswith("PUT")]
    down = CountingSession()
    report = engine.sync_once(pc2.store, transport=_link(pc2, down))
    assert down.calls.count(f"POST {FETCH}") == 1 and report.blobs_down == 6  # (pc2 holds the logo)
    assert not [c for c in down.calls if c.startswith("GET /api/v1/blobs/")]
    theirs, mine = BlobStore(pc2.store.blob_dir), BlobStore(pc1.store.blob_dir)
    for letter in letters:
        for digest in (letter.pdf_hash, letter.scan_hash):
            assert digest is not None and theirs.get(digest) == mine.get(digest)


def test_a_server_without_requests_of_several_blobs_gets_one_per_chunk_and_blob(
    module_sync_server: Any, tmp_path: Path
) -> None:
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter = _signed_with_scan(pc1, 300 * KB)
    up = CountingSession(older=True)
    engine.sync_once(pc1.store, transport=_link(pc1, up))
    assert up.calls.count(f"POST {CHUNKS}") == 1  # refused (404): then one PUT per chunk
    assert up.calls.count(f"PUT /api/v1/blobs/{letter.scan_hash}/upload") == 2  # 256 + 44 KB
    down = CountingSession(older=True)
    assert engine.sync_once(pc2.store, transport=_link(pc2, down)).blobs_down == 2
    assert down.calls.count(f"GET /api/v1/blobs/{letter.scan_hash}") == 1
    assert BlobStore(pc2.store.blob_dir).get(letter.scan_hash or "") == _scan(300 * KB)


def test_records_naming_a_blob_reach_the_server_only_after_it(
    module_sync_server: Any, tmp_path: Path
) -> None:
    """Blobs go up on a second connection while the records that name none of them go up; the
    records that name one wait until it is whole on the server (seen from the server's tables:
    the letter's version naming the scan was written after the scan became the office's)."""
    from sqlalchemy import select as sql_select

    from sync.server import db

    server = module_sync_server
    _, (pc1, pc2) = office_with_pcs(server, tmp_path, "pc1", "pc2")
    letter = _signed_with_scan(pc1, 600 * KB + 7)  # bytes no other test uploads
    plain = [draft(pc1, f"Surat biasa {n}") for n in range(3)]
    report = pc1.sync()
    assert report.blob_bytes_up > 600 * KB and report.pending == 0
    with server.engine.connect() as conn:
        blob_at = conn.execute(
            sql_select(db.blob_offices.c.created_at).where(
                db.blob_offices.c.sha256 == letter.scan_hash
            )
        ).scalar_one()
        rows = conn.execute(
            sql_select(db.history.c.entity_id, db.history.c.fields, db.history.c.created_at).where(
                db.history.c.entity == "letter"
            )
        ).all()
    naming = [r.created_at for r in rows if r.fields.get("scan_hash") == letter.scan_hash]
    assert naming and min(naming) >= blob_at
    assert {r.entity_id for r in rows} >= set(plain)
    pc2.sync()
    assert BlobStore(pc2.store.blob_dir).get(letter.scan_hash or "") == _scan(600 * KB + 7)


class EncodingSession(requests.Session):
    """Notes the Content-Encoding and the size of each chunks request as sent."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[tuple[str | None, int]] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        if (request.path_url or "").split("?")[0] == CHUNKS:
            body = request.body
            size = len(body.getbuffer()) if hasattr(body, "getbuffer") else len(body or b"")
            self.chunks.append((request.headers.get("Content-Encoding"), size))
        return super().send(request, **kwargs)


def test_a_request_mixing_a_scan_and_the_letters_pdf_goes_compressed(
    module_sync_server: Any, tmp_path: Path
) -> None:
    """The scan (random bytes: no compression shrinks it) and the letter's own PDF (which
    shrinks by about a fifth) share one request: it saves a few percent compressed, so it goes
    compressed, and the other PC gets both blobs as they were."""
    _, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter = _signed_with_scan(pc1, 200 * KB)
    mine = BlobStore(pc1.store.blob_dir)
    sizes = sum(len(mine.get(h) or b"") for h in (letter.pdf_hash or "", letter.scan_hash or ""))
    session = EncodingSession()
    link = _link(pc1, session)
    engine.sync_once(pc1.store, transport=link)
    link.close()
    assert [encoding for encoding, _ in session.chunks] == ["gzip"]
    sent = session.chunks[0][1]
    assert sent < 0.99 * sizes and sent > 0.9 * sizes  # a saving the old bar (a tenth) refused
    pc2.sync()
    theirs = BlobStore(pc2.store.blob_dir)
    for digest in (letter.pdf_hash, letter.scan_hash):
        assert digest is not None and theirs.get(digest) == mine.get(digest)
