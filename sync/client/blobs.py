"""Blobs (logos, final PDFs, scans) over the wire: resumable chunked uploads and ranged,
verified downloads (docs/sync-protocol.md, "Blobs").

- Before records go up, the blobs their pending outbox rows refer to are offered: the server
  says which it lacks, and each is uploaded from the offset the server already holds, one
  checksummed chunk per request. A cut costs at most the chunk on the wire.
- Records that arrive referring to a blob this PC lacks put its hash in ``blob_wanted`` (in the
  same transaction); downloads resume a ``.part`` file with ``Range`` and move it into place
  only after its SHA-256 matched. Until then the app shows "lampiran menyusul".

Several blobs per request: uploads go as ``POST /blobs/chunks`` (the chunks of several blobs
in one body, ``REQUEST_BYTES`` of blob data at most, gzip-compressed when that saves 1 %),
downloads as ``POST /blobs/fetch`` (every wanted blob in one streamed answer, each resumed from
its ``.part`` file). Over a 300 ms round trip, requests per blob, not bytes, dominated the cost
of many small PDFs. An older server (``404``/``405`` on those paths) gets one
``PUT .../upload`` per chunk of ``CHUNK_SIZE`` and one ``GET`` per blob, as before.

REQUEST_BYTES: 1 MB is about 16 s on a 512 kbit/s link; a cut loses at most what the request
carried past the chunks the server stored (each chunk is appended as it is checked).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import requests
from sqlmodel import col, delete, select

from desktop.i18n import _
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.models import Outbox
from desktop.store.sync_models import BlobWanted
from sync.client.errors import Offline, ServerFailed
from sync.client.records import BLOB_FIELDS, blob_hashes
from sync.client.transport import API, Transport, plain_reason
from sync.protocol import Entity

CHUNK_SIZE = 256 * 1024  # per PUT, to an older server
REQUEST_BYTES = 1024 * 1024  # blob data in one POST /blobs/chunks
MAX_PARTS = 256  # blobs in one chunks or fetch request (the server's limit)
_READ = 64 * 1024
# A chunks request goes gzip-compressed when that saves this share of it. Scans barely shrink,
# but the letters' own PDFs shrink by a fifth; a request mixes both, so a higher bar (a tenth,
# before) sent most PDFs uncompressed, depending on which blobs shared a request. Compressing
# costs about 20 ms of CPU per MiB, far less than 1 % of a MiB takes on a slow link.
GZIP_MIN_SAVING = 0.01
_OLD_SERVER = frozenset({404, 405})  # no /blobs/chunks or /blobs/fetch: an older server


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def outbox_blobs(store: Store) -> list[str]:
    """Hashes the pending outbox rows refer to and this PC holds, in a stable order."""
    kinds = [e.value for e in BLOB_FIELDS]
    with store.read() as session:
        payloads = session.exec(
            select(Outbox.entity, Outbox.payload_json).where(col(Outbox.entity).in_(kinds))
        ).all()
    local = BlobStore(store.blob_dir)
    found: set[str] = set()
    for entity, payload in payloads:
        found |= blob_hashes(Entity(entity), json.loads(payload))
    return sorted(h for h in found if local.has(h))


def upload_missing(store: Store, link: Transport, *, chunk_size: int = REQUEST_BYTES) -> int:
    """Upload every blob the pending records refer to that the server lacks; the bytes sent.

    No request at all when no pending record refers to a blob. Raises Offline (resume later
    from the server's offset), ServerFailed."""
    return upload_todo(store, link, missing_on_server(store, link), chunk_size=chunk_size)


def missing_on_server(store: Store, link: Transport) -> dict[str, int]:
    """The blobs pending records refer to that the server lacks, each with the offset where
    the server's part of it ends (one request; none when no pending record names a blob)."""
    hashes = outbox_blobs(store)
    if not hashes:
        return {}
    answer = link.request("POST", f"{API}/blobs/missing", json={"hashes": hashes})
    found = answer.json()
    offsets: dict[str, int] = found.get("offsets", {})  # an older server does not say
    return {h: int(offsets.get(h, 0)) for h in found["missing"]}


def upload_todo(
    store: Store, link: Transport, todo: dict[str, int], *, chunk_size: int = REQUEST_BYTES
) -> int:
    """Upload the blobs ``todo`` names from their offsets (``missing_on_server``); the bytes
    sent. Several blobs per request; one PUT per chunk to an older server."""
    if not todo:
        return 0
    local = BlobStore(store.blob_dir)
    for h in todo:
        if _sha256_file(local.path(h)) != h:
            raise ServerFailed(_("Berkas lampiran {h} di PC ini rusak.").format(h=h[:12]))
    sent = upload_many(link, local, todo, request_bytes=chunk_size)
    if sent is not None:
        return sent
    return sum(  # an older server: one PUT per chunk
        upload(link, local.path(h), h, chunk_size=min(chunk_size, CHUNK_SIZE), offset=o)
        for h, o in todo.items()
    )


def upload_many(
    link: Transport, local: BlobStore, todo: dict[str, int], *, request_bytes: int = REQUEST_BYTES
) -> int | None:
    """Upload the blobs ``todo`` names (sha256 -> the offset the server holds) in requests of
    up to ``request_bytes`` of data, as many blobs per request as fit; the bytes the server
    stored. None when the server is too old for it (nothing was stored)."""
    offsets = dict(todo)
    sizes = {h: local.path(h).stat().st_size for h in offsets}
    sent = 0
    while offsets:
        parts: list[dict[str, Any]] = []
        data = bytearray()
        for h, offset in offsets.items():
            room = request_bytes - len(data)
            if room <= 0 or len(parts) >= MAX_PARTS:
                break
            with local.path(h).open("rb") as f:
                f.seek(offset)
                chunk = f.read(min(room, sizes[h] - offset))
            digest = hashlib.sha256(chunk).hexdigest()
            parts.append(
                {"sha256": h, "offset": offset, "length": len(chunk), "chunk_sha256": digest,
                 "size": sizes[h]}
            )  # fmt: skip
            data += chunk
        body = json.dumps({"chunks": parts}).encode() + b"\n" + bytes(data)
        headers = {"Content-Type": "application/octet-stream"}
        packed = gzip.compress(body, compresslevel=6)
        if len(body) - len(packed) >= len(body) * GZIP_MIN_SAVING:
            body, headers["Content-Encoding"] = packed, "gzip"
        answer = link.request("POST", f"{API}/blobs/chunks", data=io.BytesIO(body),
                              headers=headers, allow=_OLD_SERVER)  # fmt: skip
        if answer.status_code in _OLD_SERVER:
            return None  # (the first request: a server does not lose the path midway)
        progress = False
        for result in answer.json()["results"]:
            h, status, offset = result["sha256"], result["status"], int(result["offset"])
            if h not in offsets:
                continue
            if status == "stored":
                sent += offset - offsets[h]
            elif status not in ("offset",):  # "mismatch", "bad": the bytes went wrong
                raise ServerFailed(_("Server menolak lampiran {h}: {why}").format(
                    h=h[:12], why=result.get("detail", status)))  # fmt: skip
            progress = progress or offset != offsets[h] or bool(result["complete"])
            if result["complete"] or offset >= sizes[h]:
                del offsets[h]
            else:
                offsets[h] = offset
        if not progress:
            raise ServerFailed(_("Unggah lampiran tidak maju; coba lagi nanti."))
    return sent


def upload(
    link: Transport, path: Path, sha256: str, *, chunk_size: int = CHUNK_SIZE, offset: int = 0
) -> int:
    """Upload one blob from ``offset`` (where ``/blobs/missing`` said the server's part ends,
    else 0); the bytes sent. Idempotent: if the server holds a different end, its 409 says
    where, and the upload goes on from there (no upload-state request per blob)."""
    if _sha256_file(path) != sha256:
        raise ServerFailed(_("Berkas lampiran {h} di PC ini rusak.").format(h=sha256[:12]))
    size = path.stat().st_size
    where = f"{API}/blobs/{sha256}/upload"
    state: dict[str, Any] = {"complete": False}
    sent = 0
    with path.open("rb") as f:
        while not state.get("complete") and offset < size:
            f.seek(offset)
            chunk = f.read(chunk_size)
            answer = link.request(
                "PUT", where, params={"offset": offset}, data=io.BytesIO(chunk),
                headers={"X-Chunk-Sha256": hashlib.sha256(chunk).hexdigest(),
                         "X-Blob-Size": str(size), "Content-Type": "application/octet-stream"},
                allow=frozenset({409}),
            )  # fmt: skip
            state = answer.json()
            if answer.status_code == 200 and int(state["offset"]) == offset + len(chunk):
                sent += len(chunk)  # (a blob the server held whole already answers its size)
            offset = int(state["offset"])  # 409: the server holds a different end; go on there
    return sent


def want(store_blob_dir: Path, hashes: Iterable[str]) -> list[BlobWanted]:
    """Rows for the hashes whose blob this PC lacks (to add in the apply transaction)."""
    local = BlobStore(store_blob_dir)
    return [BlobWanted(sha256=h) for h in sorted(set(hashes)) if not local.has(h)]


def download_wanted(store: Store, link: Transport) -> list[str]:
    """Fetch every wanted blob the server has; those now in place. A blob the server
    does not hold yet stays wanted. Raises Offline when the link breaks (the ``.part`` file
    keeps what arrived)."""
    with store.read() as session:
        wanted = list(session.exec(select(BlobWanted.sha256)).all())
    if not wanted:
        return []
    local = BlobStore(store.blob_dir)
    done = [h for h in wanted if local.has(h)]
    todo = [h for h in wanted if not local.has(h)]
    for start in range(0, len(todo), MAX_PARTS):
        part = todo[start : start + MAX_PARTS]
        fetched = fetch_many(link, local, part)
        if fetched is None:  # an older server: one GET per blob
            done += [h for h in todo[start:] if download(link, local, h)]
            break
        done += fetched
    if done:
        with store.write() as session:
            session.exec(delete(BlobWanted).where(col(BlobWanted.sha256).in_(done)))
    return done


def download(link: Transport, local: BlobStore, sha256: str) -> bool:
    """Resume or start the download of one blob; True once it is verified and in place."""
    final = local.path(sha256)
    final.parent.mkdir(parents=True, exist_ok=True)
    part = final.with_name(f"{sha256}.part")
    start = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={start}-"} if start else {}
    answer = link.request("GET", f"{API}/blobs/{sha256}", headers=headers, stream=True,
                          allow=frozenset({404, 416}))  # fmt: skip
    try:
        if answer.status_code == 404:
            return False  # the record came first; its blob follows ("lampiran menyusul")
        if answer.status_code != 416:
            with part.open("ab" if answer.status_code == 206 else "wb") as f:
                for block in answer.iter_content(_READ):
                    f.write(block)
                    link.bytes_received += len(block)
                f.flush()
                os.fsync(f.fileno())
    except requests.exceptions.RequestException as exc:
        raise Offline(plain_reason(exc), str(exc)[:200]) from exc
    finally:
        answer.close()
    if _sha256_file(part) != sha256:
        part.unlink()  # damaged or not ours: start again next time
        return False
    os.replace(part, final)
    return True


def fetch_many(link: Transport, local: BlobStore, hashes: list[str]) -> list[str] | None:
    """Fetch several blobs in one streamed answer, each resumed from its ``.part`` file; the
    ones now verified and in place. None when the server is too old for it."""
    asked = []
    for h in hashes:
        part = _part(local, h)
        asked.append({"sha256": h, "offset": part.stat().st_size if part.exists() else 0})
    answer = link.request("POST", f"{API}/blobs/fetch", json={"blobs": asked}, stream=True,
                          allow=_OLD_SERVER)  # fmt: skip
    done = []
    try:
        if answer.status_code in _OLD_SERVER:
            return None
        reader = _Frames(answer.iter_content(_READ))
        for _asked in asked:
            head = json.loads(reader.line())
            h = head["sha256"]
            if h not in hashes:
                raise ServerFailed(_("Jawaban server tidak sesuai permintaan lampiran."))
            if head.get("missing"):
                part = _part(local, h)
                if part.exists() and part.stat().st_size and _finish_part(local, h):
                    done.append(h)  # the .part held it whole already
                continue  # the record came first; its blob follows ("lampiran menyusul")
            part = _part(local, h)
            held = part.stat().st_size if part.exists() else 0
            if int(head["offset"]) != held:
                raise ServerFailed(_("Jawaban server tidak sesuai permintaan lampiran."))
            with part.open("ab") as f:
                for block in reader.take(int(head["length"])):
                    f.write(block)
                    link.bytes_received += len(block)
                f.flush()
                os.fsync(f.fileno())
            if _finish_part(local, h):
                done.append(h)
    except requests.exceptions.RequestException as exc:
        raise Offline(plain_reason(exc), str(exc)[:200]) from exc
    finally:
        answer.close()
    return done


def _part(local: BlobStore, sha256: str) -> Path:
    final = local.path(sha256)
    final.parent.mkdir(parents=True, exist_ok=True)
    return final.with_name(f"{sha256}.part")


def _finish_part(local: BlobStore, sha256: str) -> bool:
    """Move a complete ``.part`` into place once its SHA-256 matches (a damaged one is
    dropped: it starts again next time)."""
    part = _part(local, sha256)
    if _sha256_file(part) != sha256:
        part.unlink()
        return False
    os.replace(part, local.path(sha256))
    return True


class _Frames:
    """Lines and counted bytes off a streamed answer."""

    def __init__(self, blocks: Iterator[bytes]) -> None:
        self.blocks = blocks
        self.buffer = b""

    def _more(self) -> None:
        block = next(self.blocks, b"")
        if not block:
            raise Offline(_("Sambungan terputus di tengah jalan; coba lagi nanti."), "short answer")
        self.buffer += block

    def line(self) -> bytes:
        while b"\n" not in self.buffer:
            if len(self.buffer) > 64 * 1024:
                raise ServerFailed(_("Jawaban server tidak sesuai permintaan lampiran."))
            self._more()
        line, _nl, self.buffer = self.buffer.partition(b"\n")
        return line

    def take(self, length: int) -> Iterator[bytes]:
        while length > 0:
            if not self.buffer:
                self._more()
            block, self.buffer = self.buffer[:length], self.buffer[length:]
            length -= len(block)
            yield block
