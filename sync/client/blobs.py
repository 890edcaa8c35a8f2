"""Blobs (logos, final PDFs, scans) over the wire: resumable chunked uploads and ranged,
verified downloads (docs/sync-protocol.md, "Blobs").

- Before records go up, the blobs their pending outbox rows refer to are offered: the server
  says which it lacks, and each is uploaded from the offset the server already holds, one
  checksummed chunk per request. A cut costs at most the chunk on the wire.
- Records that arrive referring to a blob this PC lacks put its hash in ``blob_wanted`` (in the
  same transaction); downloads resume a ``.part`` file with ``Range`` and move it into place
  only after its SHA-256 matched. Until then the app shows "lampiran menyusul".

CHUNK_SIZE: 256 KB is about 4 s on a 512 kbit/s link, so a cut wastes at most a few seconds,
while a 200 KB PDF still goes in one request (requests per blob, not per chunk, dominate the
cost of many small PDFs over a 300 ms round trip).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterable
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

CHUNK_SIZE = 256 * 1024
_READ = 64 * 1024


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


def upload_missing(store: Store, link: Transport, *, chunk_size: int = CHUNK_SIZE) -> int:
    """Upload every blob the pending records refer to that the server lacks; the bytes sent.

    No request at all when no pending record refers to a blob. Raises Offline (resume later
    from the server's offset), ServerFailed."""
    hashes = outbox_blobs(store)
    if not hashes:
        return 0
    answer = link.request("POST", f"{API}/blobs/missing", json={"hashes": hashes})
    found = answer.json()
    missing: list[str] = found["missing"]
    offsets: dict[str, int] = found.get("offsets", {})  # an older server does not say
    local = BlobStore(store.blob_dir)
    return sum(
        upload(link, local.path(h), h, chunk_size=chunk_size, offset=int(offsets.get(h, 0)))
        for h in missing
    )


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


def download_wanted(store: Store, link: Transport) -> int:
    """Fetch every wanted blob the server has; the number now in place. A blob the server
    does not hold yet stays wanted. Raises Offline when the link breaks (the ``.part`` file
    keeps what arrived)."""
    with store.read() as session:
        wanted = list(session.exec(select(BlobWanted.sha256)).all())
    if not wanted:
        return 0
    local = BlobStore(store.blob_dir)
    done = [h for h in wanted if local.has(h) or download(link, local, h)]
    if done:
        with store.write() as session:
            session.exec(delete(BlobWanted).where(col(BlobWanted.sha256).in_(done)))
    return len(done)


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
