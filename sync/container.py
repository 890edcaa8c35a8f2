"""The bundle file container, shared by the client and the server (docs/sync-protocol.md).

Both directions use one shape: gzip of one JSON document ``{"format", "header", "body",
"sha256", "signature"}``, where ``sha256`` is taken over the canonical JSON of ``{"format",
"header", "body"}`` (sorted keys, no spaces, UTF-8) and ``signature`` is its maker's signature
of that hash (``sync.sealing``: the device's for a bundle, the server's for a reply). Like
``sync.protocol`` it imports neither side.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUNDLE_FORMAT = "naskah-bundle/1"  # PC -> server
REPLY_FORMAT = "naskah-reply/1"  # server -> PC
# The largest container either side opens, decompressed: a file that would expand beyond it
# (a gzip bomb) is refused after at most this much memory, whatever its compressed size.
MAX_CONTAINER_BYTES = 256 * 1024 * 1024
_CHUNK = 1024 * 1024


class ContainerRefused(ValueError):
    """A missing, damaged or other-kind file; ``message`` (Bahasa Indonesia) says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class Container:
    header: dict[str, Any]
    body: dict[str, Any]
    sha256: str  # of the canonical {format, header, body}
    signature: object  # the maker's signature of sha256 (checked by the reader's side)


def write_container(
    path: Path,
    fmt: str,
    header: dict[str, Any],
    body: dict[str, Any],
    sign: Callable[[str], str] | None = None,
) -> str:
    """Write the file atomically (temp file, fsync, rename), signed with ``sign(sha256)``;
    returns its content SHA-256."""
    doc = {"format": fmt, "header": header, "body": body}
    digest = hashlib.sha256(canonical(doc)).hexdigest()
    signed = {**doc, "sha256": digest, "signature": sign(digest) if sign else None}
    data = gzip.compress(canonical(signed), mtime=0)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return digest


def _decompress(path: Path, limit: int) -> bytes:
    """The gzip file at ``path``, decompressed as a stream and refused past ``limit`` bytes."""
    too_big = (
        f"Berkas {path.name} terlalu besar (lebih dari {limit // (1024 * 1024)} MB setelah "
        "dibuka); berkas ditolak. Buat beberapa bundel yang lebih kecil."
    )
    out = bytearray()
    inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    with path.open("rb") as f:
        while not inflate.eof:
            chunk = inflate.unconsumed_tail or f.read(_CHUNK)
            if not chunk:
                raise EOFError("truncated gzip file")
            out += inflate.decompress(chunk, limit + 1 - len(out))
            if len(out) > limit:
                raise ContainerRefused(too_big)
    return bytes(out)


def read_container(path: Path, fmt: str, *, limit: int = MAX_CONTAINER_BYTES) -> Container:
    """The container in a file of format ``fmt``; ContainerRefused when it is missing,
    damaged (any changed byte breaks the checksum), of another kind, or larger than ``limit``
    bytes decompressed (read as a stream: a gzip bomb costs at most ``limit`` of memory)."""
    damaged = f"Berkas {path.name} rusak atau tidak lengkap; salin ulang dari sumbernya."
    try:
        doc = json.loads(_decompress(path, limit))
    except ContainerRefused:
        raise
    except FileNotFoundError as exc:
        raise ContainerRefused(f"Berkas {path} tidak ditemukan.") from exc
    except (OSError, EOFError, zlib.error, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ContainerRefused(damaged) from exc
    if not isinstance(doc, dict) or not {"format", "header", "body", "sha256"} <= doc.keys():
        raise ContainerRefused(damaged)
    if not isinstance(doc["header"], dict) or not isinstance(doc["body"], dict):
        raise ContainerRefused(damaged)
    claimed = doc.pop("sha256")
    signature = doc.pop("signature", None)
    if hashlib.sha256(canonical(doc)).hexdigest() != claimed:
        raise ContainerRefused(damaged)
    if doc["format"] != fmt:
        kind = "balasan server" if fmt == REPLY_FORMAT else "bundel"
        raise ContainerRefused(f"Berkas {path.name} bukan {kind} Naskah (format {doc['format']}).")
    return Container(doc["header"], doc["body"], str(claimed), signature)
