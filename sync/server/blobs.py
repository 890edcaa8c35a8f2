"""Content-addressed blobs on disk, uploaded in checksummed chunks and scoped per office.

Layout under the blob dir: ``ab/abcdef...`` for complete blobs (shared by every office that
proved it has the bytes by uploading them), ``partial/<office_id>/<sha256>.part`` for uploads in
progress (per office, so one office's partial upload says nothing to another). A complete blob is
visible to an office only through a ``blob_offices`` row, made when one of its devices finishes
an upload whose bytes hash to the name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, Field, StrictInt, ValidationError
from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from sync.server import db
from sync.server.auth import Device

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
MAX_PARTS = 256  # blobs in one upload or fetch request
MAX_MANIFEST = 64 * 1024  # bytes of the JSON line that opens an upload of several blobs
_READ = 64 * 1024
Sha256 = Annotated[str, Field(pattern=SHA256_RE.pattern)]
Offset = Annotated[StrictInt, Field(ge=0, le=2**63 - 1)]


class ChunkPart(BaseModel):
    """One chunk of an upload of several blobs: ``length`` bytes of ``sha256`` at ``offset``."""

    sha256: Sha256
    offset: Offset
    length: Annotated[StrictInt, Field(ge=1, le=2**63 - 1)]
    chunk_sha256: Sha256
    size: Annotated[StrictInt, Field(ge=1, le=2**63 - 1)] | None = None  # the whole blob's


class ChunkManifest(BaseModel):
    chunks: list[ChunkPart] = Field(min_length=1, max_length=MAX_PARTS)


class ChunkResult(BaseModel):
    """What became of one chunk: ``stored`` (``offset`` is the new end), ``offset`` (the server
    holds a different end: go on at ``offset``), ``mismatch`` (all the bytes arrived but do not
    hash to the name: the partial upload was discarded, start again at 0) or ``bad`` (the chunk
    does not match its ``chunk_sha256`` or runs past ``size``: send it again)."""

    sha256: str
    status: str
    offset: int
    complete: bool
    detail: str = ""


class ChunkResults(BaseModel):
    results: list[ChunkResult]


class FetchPart(BaseModel):
    sha256: Sha256
    offset: Offset = 0  # where the device's partial copy ends


class FetchRequest(BaseModel):
    blobs: list[FetchPart] = Field(min_length=1, max_length=MAX_PARTS)


def split_chunks(body: bytes) -> list[tuple[ChunkPart, bytes]]:
    """The parts of an upload of several blobs: a JSON line (``ChunkManifest``), then each
    chunk's bytes in the manifest's order. BadChunk (400) when the body is not that."""
    head, newline, data = body[: MAX_MANIFEST + 1].partition(b"\n")
    if not newline:
        raise BadChunk("the body does not start with a JSON manifest line")
    try:
        manifest = ChunkManifest.model_validate_json(head)
    except ValidationError as exc:
        issues = exc.error_count()
        raise BadChunk(f"the manifest does not match the schema: {issues} issues") from exc
    data = body[len(head) + 1 :]
    if sum(part.length for part in manifest.chunks) != len(data):
        raise BadChunk("the chunks' lengths do not add up to the body")
    parts: list[tuple[ChunkPart, bytes]] = []
    start = 0
    for part in manifest.chunks:
        parts.append((part, data[start : start + part.length]))
        start += part.length
    return parts


def fetch_plan(
    store: BlobStore, office_id: str, request: FetchRequest
) -> list[tuple[str, int, int]]:
    """(sha256, offset, size) per blob asked, size -1 when the office does not hold it or the
    offset is at or past its end. Reads the database; ``fetch_frames`` then only reads files."""
    plan = []
    for part in request.blobs:
        visible = store.visible(office_id, part.sha256)
        size = store.path(part.sha256).stat().st_size if visible else -1
        plan.append((part.sha256, part.offset, size if part.offset < size else -1))
    return plan


def fetch_frames(store: BlobStore, plan: list[tuple[str, int, int]]) -> Iterator[bytes]:
    """The answer to a fetch of several blobs, as it streams: per blob a JSON line
    ``{"sha256", "offset", "size", "length"}`` then ``length`` bytes from ``offset`` (the rest
    of the blob), or ``{"sha256", "missing": true}`` (the office does not hold it, or the
    offset is at or past its end) with no bytes."""
    for sha256, offset, size in plan:
        if size < 0:
            yield json.dumps({"sha256": sha256, "missing": True}).encode() + b"\n"
            continue
        length = size - offset
        head = {"sha256": sha256, "offset": offset, "size": size, "length": length}
        yield json.dumps(head).encode() + b"\n"
        with store.path(sha256).open("rb") as f:
            f.seek(offset)
            left = length
            while left > 0:
                block = f.read(min(_READ, left))
                if not block:  # cannot happen: complete blobs never shrink
                    raise RuntimeError(f"blob {sha256} is shorter than its size")
                left -= len(block)
                yield block


class BadOffset(Exception):
    """The chunk does not start at the end of what the server holds (HTTP 409)."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"upload must continue at offset {offset}")
        self.offset = offset


class BadChunk(ValueError):
    """The chunk's bytes do not match its X-Chunk-Sha256, or run past the size (HTTP 400)."""


class HashMismatch(ValueError):
    """All ``size`` bytes arrived but they do not hash to the blob's name: the partial upload
    is discarded so the client can start again (HTTP 422)."""


def valid_hash(value: str) -> bool:
    return bool(SHA256_RE.match(value))


def blob_path(root: Path, sha256: str) -> Path:
    """Where the complete blob ``sha256`` lives under the blob dir ``root``."""
    return Path(root) / sha256[:2] / sha256


def office_holds(conn: Connection, root: Path, office_id: str, sha256: str) -> bool:
    """Does the office hold this complete blob (inside the caller's transaction)?"""
    row = conn.execute(
        select(db.blob_offices.c.sha256).where(
            db.blob_offices.c.sha256 == sha256, db.blob_offices.c.office_id == office_id
        )
    ).first()
    return row is not None and blob_path(root, sha256).exists()


class BlobStore:
    """Blob files plus their database rows. Thread-safe within one process; the offset check
    against the file size keeps several processes from interleaving one office's upload."""

    def __init__(self, engine: Engine, root: Path) -> None:
        self.engine = engine
        self.root = Path(root)
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._hashers: dict[tuple[str, str], tuple[int, hashlib._Hash]] = {}

    def path(self, sha256: str) -> Path:
        return blob_path(self.root, sha256)

    def _part(self, office_id: str, sha256: str) -> Path:
        return self.root / "partial" / office_id / f"{sha256}.part"

    def _lock(self, key: tuple[str, str]) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(key, threading.Lock())

    def visible(self, office_id: str, sha256: str) -> bool:
        """Does the office hold this complete blob?"""
        with db.read_tx(self.engine) as conn:
            return office_holds(conn, self.root, office_id, sha256)

    def missing(self, office_id: str, hashes: list[str]) -> list[str]:
        """Those of ``hashes`` the office does not hold yet (in the order given, no repeats)."""
        wanted = list(dict.fromkeys(hashes))
        with db.read_tx(self.engine) as conn:
            have: set[str] = set(
                conn.execute(
                    select(db.blob_offices.c.sha256).where(
                        db.blob_offices.c.office_id == office_id,
                        db.blob_offices.c.sha256.in_(wanted),
                    )
                ).scalars()
            )
        return [h for h in wanted if h not in have or not self.path(h).exists()]

    def offset(self, office_id: str, sha256: str) -> tuple[int, bool]:
        """(bytes the server holds of this upload, whether the blob is complete)."""
        if self.visible(office_id, sha256):
            return self.path(sha256).stat().st_size, True
        part = self._part(office_id, sha256)
        return (part.stat().st_size if part.exists() else 0), False

    def append(
        self,
        device: Device,
        sha256: str,
        offset: int,
        chunk: bytes,
        chunk_sha256: str,
        total: int | None = None,
    ) -> tuple[int, bool]:
        """Append ``chunk`` at ``offset`` if its checksum matches and ``offset`` is the current
        end; when the bytes so far hash to ``sha256`` the blob is complete and becomes visible
        to the device's office. ``total`` (optional, the whole blob's) lets the server notice a
        blob whose bytes do not match its name (``HashMismatch``) instead of waiting for more.
        Returns (new offset, complete)."""
        if hashlib.sha256(chunk).hexdigest() != chunk_sha256.lower():
            raise BadChunk("chunk checksum does not match X-Chunk-Sha256")
        if total is not None and offset + len(chunk) > total:
            raise BadChunk("chunk runs past X-Blob-Size")
        office_id = device.office_id
        key = (office_id, sha256)
        with self._lock(key):
            held, complete = self.offset(office_id, sha256)
            if complete:
                return held, True
            if offset != held:
                raise BadOffset(held)
            part = self._part(office_id, sha256)
            part.parent.mkdir(parents=True, exist_ok=True)
            hasher = self._hasher(key, part, held)
            with open(part, "ab") as f:
                f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
            hasher.update(chunk)
            new_size = held + len(chunk)
            self._hashers[key] = (new_size, hasher)
            if hasher.hexdigest() != sha256:
                if total is not None and new_size == total:
                    self._hashers.pop(key, None)
                    part.unlink()
                    raise HashMismatch("the uploaded bytes do not hash to the blob's name")
                return new_size, False
            self._hashers.pop(key, None)
            self._finish(device, sha256, part, new_size)
            return new_size, True

    def _hasher(self, key: tuple[str, str], part: Path, held: int) -> hashlib._Hash:
        cached = self._hashers.get(key)
        if cached and cached[0] == held:
            return cached[1]
        hasher = hashlib.sha256()  # another process or a restart: re-read what is there
        if part.exists():
            with open(part, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    hasher.update(block)
        return hasher

    def _finish(self, device: Device, sha256: str, part: Path, size: int) -> None:
        final = self.path(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            part.unlink()
        else:
            os.replace(part, final)
            _fsync_dir(final.parent)
        now = db.utcnow()
        with db.write_tx(self.engine) as conn:
            db.insert_ignore(conn, db.blobs, sha256=sha256, size=size, created_at=now)
            db.insert_ignore(
                conn,
                db.blob_offices,
                sha256=sha256,
                office_id=device.office_id,
                device_id=device.id,
                created_at=now,
            )


def _fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def store_chunks(
    store: BlobStore, device: Device, parts: list[tuple[ChunkPart, bytes]]
) -> ChunkResults:
    """Append each chunk as ``PUT .../upload`` would, answering each on its own."""
    results = []
    for part, chunk in parts:
        try:
            offset, complete = store.append(
                device, part.sha256, part.offset, chunk, part.chunk_sha256, part.size
            )
            result = ChunkResult(
                sha256=part.sha256, status="stored", offset=offset, complete=complete
            )
        except BadOffset as exc:
            result = ChunkResult(
                sha256=part.sha256, status="offset", offset=exc.offset, complete=False
            )
        except HashMismatch as exc:
            result = ChunkResult(
                sha256=part.sha256, status="mismatch", offset=0, complete=False, detail=str(exc)
            )
        except BadChunk as exc:
            held, complete = store.offset(device.office_id, part.sha256)
            result = ChunkResult(
                sha256=part.sha256, status="bad", offset=held, complete=complete, detail=str(exc)
            )
        results.append(result)
    return ChunkResults(results=results)
