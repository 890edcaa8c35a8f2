"""Blobs: which are missing, chunked resumable uploads with checksums, ranged downloads, and
office scoping."""

from __future__ import annotations

import hashlib
import os
import socket

import requests

CHUNK = 64 * 1024


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _put(pc, blob: str, offset: int, chunk: bytes, checksum: str | None = None, **headers):
    return pc.put(
        f"/api/v1/blobs/{blob}/upload",
        params={"offset": offset},
        data=chunk,
        headers={
            "X-Chunk-Sha256": checksum or _sha(chunk),
            "Content-Type": "application/octet-stream",
            **headers,
        },
    )


def _upload(pc, data: bytes, start: int = 0) -> dict[str, object]:
    blob, offset, answer = _sha(data), start, {}
    while offset < len(data):
        r = _put(pc, blob, offset, data[offset : offset + CHUNK])
        assert r.status_code == 200, r.text
        answer = r.json()
        offset = answer["offset"]
    return answer


def _cut_upload(server, pc, blob: str, offset: int, chunk: bytes) -> None:
    """Send the headers and half the chunk, then drop the connection."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(
            (
                f"PUT /api/v1/blobs/{blob}/upload?offset={offset} HTTP/1.1\r\n"
                f"Host: 127.0.0.1\r\nAuthorization: Bearer {pc.token}\r\n"
                f"X-Chunk-Sha256: {_sha(chunk)}\r\nContent-Length: {len(chunk)}\r\n\r\n"
            ).encode()
            + chunk[: len(chunk) // 2]
        )


def test_chunked_upload_resume_and_ranged_download(module_sync_server) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    data = os.urandom(5 * CHUNK + 123)
    blob = _sha(data)
    other = _sha(b"sudah ada")
    r = pc.post("/api/v1/blobs/missing", json={"hashes": [blob, other, blob]})
    assert r.json() == {"missing": [blob, other], "offsets": {}}
    assert pc.get(f"/api/v1/blobs/{blob}/upload").json() == {"offset": 0, "complete": False}

    assert _put(pc, blob, 0, data[:CHUNK]).json() == {"offset": CHUNK, "complete": False}
    bad = _put(pc, blob, CHUNK, data[CHUNK : 2 * CHUNK], checksum=_sha(b"other"))
    assert bad.status_code == 400
    wrong_place = _put(pc, blob, 3 * CHUNK, data[3 * CHUNK : 4 * CHUNK])
    assert wrong_place.status_code == 409 and wrong_place.json()["offset"] == CHUNK
    _cut_upload(server, pc, blob, CHUNK, data[CHUNK : 2 * CHUNK])  # the link drops mid-chunk
    offset = pc.get(f"/api/v1/blobs/{blob}/upload").json()["offset"]
    assert offset == CHUNK  # nothing of the broken chunk was kept
    found = pc.post("/api/v1/blobs/missing", json={"hashes": [blob, other]}).json()
    assert found == {"missing": [blob, other], "offsets": {blob: CHUNK}}  # resume without a GET
    assert _upload(pc, data, offset) == {"offset": len(data), "complete": True}
    assert pc.post("/api/v1/blobs/missing", json={"hashes": [blob]}).json()["missing"] == []
    assert pc.get(f"/api/v1/blobs/{blob}/upload").json() == {"offset": len(data), "complete": True}

    full = pc.get(f"/api/v1/blobs/{blob}")
    assert full.status_code == 200 and full.content == data
    assert "gzip" not in full.headers.get("Content-Encoding", "")
    part = pc.get(
        f"/api/v1/blobs/{blob}",
        headers={"Range": f"bytes={len(data) - 1000}-", "Accept-Encoding": "gzip"},
    )
    assert part.status_code == 206 and part.content == data[-1000:]
    assert part.headers["Content-Range"] == f"bytes {len(data) - 1000}-{len(data) - 1}/{len(data)}"


def test_whole_hash_checked_when_size_is_known(module_sync_server) -> None:
    office, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(office)
    data = b"isi berkas yang sebenarnya"
    name = _sha(b"nama berkas lain")
    r = _put(pc, name, 0, data, **{"X-Blob-Size": str(len(data))})
    assert r.status_code == 422 and r.json()["offset"] == 0
    assert pc.get(f"/api/v1/blobs/{name}/upload").json()["offset"] == 0
    assert pc.get(f"/api/v1/blobs/{name}").status_code == 404
    r = _put(pc, _sha(data), 0, data + b"!", **{"X-Blob-Size": str(len(data))})
    assert r.status_code == 400
    r = _put(pc, _sha(data), 0, data, **{"X-Blob-Size": str(len(data))})
    assert r.json() == {"offset": len(data), "complete": True}


def test_blobs_are_scoped_to_the_office(module_sync_server) -> None:
    server = module_sync_server
    office_a, _ = server.new_office()
    office_b, _ = server.new_office()
    a, b = server.enrol(office_a), server.enrol(office_b)
    data = os.urandom(2 * CHUNK)
    blob = _sha(data)
    _put(a, blob, 0, data[:CHUNK])
    # B cannot see A's partial upload, nor download, nor skip the upload of A's finished blob.
    assert b.get(f"/api/v1/blobs/{blob}/upload").json() == {"offset": 0, "complete": False}
    _upload(a, data, CHUNK)
    assert a.get(f"/api/v1/blobs/{blob}").content == data
    assert b.get(f"/api/v1/blobs/{blob}").status_code == 404
    assert b.get(f"/api/v1/blobs/{'0' * 64}").status_code == 404  # same answer as unknown
    assert b.post("/api/v1/blobs/missing", json={"hashes": [blob]}).json() == {
        "missing": [blob],
        "offsets": {},
    }
    assert b.get(f"/api/v1/blobs/{blob}/upload").json()["complete"] is False
    # B proves it has the bytes by uploading them; then B may read the blob too.
    assert _upload(b, data)["complete"] is True
    assert b.get(f"/api/v1/blobs/{blob}").content == data
    # No token, a bad hash: refused.
    assert requests.get(f"{server.url}/api/v1/blobs/{blob}", timeout=10).status_code == 401
    assert a.get("/api/v1/blobs/not-a-hash").status_code == 422
    assert a.post("/api/v1/blobs/missing", json={"hashes": ["../../etc/passwd"]}).status_code == 422
    assert _put(a, blob.upper(), 0, data).status_code == 422
