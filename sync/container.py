"""The bundle file container, shared by the client and the server (docs/sync-protocol.md).

Both directions use one shape: gzip of one JSON document ``{"format", "header", "body",
"sha256"}``, where ``sha256`` is taken over the canonical JSON of ``{"format", "header",
"body"}`` (sorted keys, no spaces, UTF-8). Like ``sync.protocol`` it imports neither side.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

BUNDLE_FORMAT = "naskah-bundle/1"  # PC -> server
REPLY_FORMAT = "naskah-reply/1"  # server -> PC


class ContainerRefused(ValueError):
    """A missing, damaged or other-kind file; ``message`` (Bahasa Indonesia) says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def write_container(path: Path, fmt: str, header: dict[str, Any], body: dict[str, Any]) -> str:
    """Write the file atomically (temp file, fsync, rename); returns its content SHA-256."""
    doc = {"format": fmt, "header": header, "body": body}
    digest = hashlib.sha256(canonical(doc)).hexdigest()
    data = gzip.compress(canonical({**doc, "sha256": digest}), mtime=0)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return digest


def read_container(path: Path, fmt: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(header, body, sha256) of a file of format ``fmt``; ContainerRefused when it is missing,
    damaged (any changed byte breaks the checksum) or of another kind."""
    damaged = f"Berkas {path.name} rusak atau tidak lengkap; salin ulang dari sumbernya."
    try:
        doc = json.loads(gzip.decompress(path.read_bytes()))
    except FileNotFoundError as exc:
        raise ContainerRefused(f"Berkas {path} tidak ditemukan.") from exc
    except (OSError, EOFError, zlib.error, ValueError, UnicodeDecodeError) as exc:
        raise ContainerRefused(damaged) from exc
    if not isinstance(doc, dict) or not {"format", "header", "body", "sha256"} <= doc.keys():
        raise ContainerRefused(damaged)
    claimed = doc.pop("sha256")
    if hashlib.sha256(canonical(doc)).hexdigest() != claimed:
        raise ContainerRefused(damaged)
    if doc["format"] != fmt:
        kind = "balasan server" if fmt == REPLY_FORMAT else "bundel"
        raise ContainerRefused(f"Berkas {path.name} bukan {kind} Naskah (format {doc['format']}).")
    return doc["header"], doc["body"], str(claimed)
