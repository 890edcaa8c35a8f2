"""Checking a scanned file before it is kept: a real PDF or image, not too large, readable.

A registrar drops whatever the scanner or the e-mail gave them. A file is accepted only when it
really parses (a 25-byte ``%PDF-1.4`` is not a scan), is not encrypted, and is an image the
viewer and the printed register can show (8-bit RGB or grey PNG, JPEG that is not CMYK). Each
refusal says which file and what to do; nothing is stored until every file of the letter passed.
"""

from __future__ import annotations

import io
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.i18n import _
from desktop.letters.errors import ValidationError

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DEFAULT_LIMIT_MB = 50
LIMIT_ENV = "NASKAH_MAX_SCAN_MB"  # the office's IT officer may raise or lower the limit
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def size_limit() -> int:
    """The largest scan accepted, in bytes (``NASKAH_MAX_SCAN_MB``, default 50 MB)."""
    raw = os.environ.get(LIMIT_ENV, "").strip()
    mb = int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_LIMIT_MB
    return mb * 1024 * 1024


@dataclass(frozen=True)
class CheckedScan:
    """A scan that passed: its bytes, what it is and how many pages it has."""

    filename: str
    data: bytes
    media_type: str
    pages: int


def _refuse(name: str, why: str) -> ValidationError:
    return ValidationError({"scans": _("Berkas {f}: {why}").format(f=name, why=why)})


def read_scan(path: Path, *, limit: int | None = None) -> CheckedScan:
    """Read and check one file; raise ValidationError (naming the file) when it cannot be kept.

    The size is checked before the file is read, so a 200 MB scan costs nothing.
    """
    limit = size_limit() if limit is None else limit
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        raise _refuse(name, _("tidak dapat dibaca (sudah dipindah atau dihapus?).")) from None
    if size > limit:
        raise _refuse(
            name,
            _(
                "berukuran {n} MB, melebihi batas {m} MB. Pindai ulang dengan resolusi lebih "
                "rendah (mis. 150 dpi, hitam-putih) atau perkecil PDF-nya."
            ).format(n=round(size / 1048576, 1), m=limit // 1048576),
        )
    try:
        data = path.read_bytes()
    except OSError:
        raise _refuse(name, _("tidak dapat dibaca (sudah dipindah atau dihapus?).")) from None
    return check_bytes(name, data, limit=limit)


def check_bytes(name: str, data: bytes, *, limit: int | None = None) -> CheckedScan:
    """Check a file already in memory (a scan delivered electronically, a test)."""
    limit = size_limit() if limit is None else limit
    if len(data) > limit:
        raise _refuse(name, _("melebihi batas {m} MB.").format(m=limit // 1048576))
    if not data:
        raise _refuse(name, _("kosong."))
    if data.startswith(b"%PDF-"):
        return CheckedScan(name, data, PDF, _pdf_pages(name, data))
    if data.startswith(_PNG_MAGIC):
        _check_png(name, data)
        return CheckedScan(name, data, PNG, 1)
    if data.startswith(b"\xff\xd8\xff"):
        _check_jpeg(name, data)
        return CheckedScan(name, data, JPEG, 1)
    raise _refuse(name, _("bukan PDF atau gambar (PNG/JPEG). Simpan pindaian sebagai PDF."))


def _pdf_pages(name: str, data: bytes) -> int:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    broken = _("rusak atau terpotong (bukan PDF yang utuh). Pindai atau unduh ulang berkasnya.")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        if reader.encrypted:
            raise _refuse(
                name,
                _("PDF ini terkunci kata sandi. Buka kuncinya dulu (cetak ulang ke PDF), lalu "
                  "lampirkan lagi."),
            )  # fmt: skip
        pages = _count_pages(reader.root["/Pages"], 0)
    except ValidationError:
        raise
    except (PdfError, KeyError, TypeError, ValueError, AttributeError, RecursionError):
        raise _refuse(name, broken) from None
    if pages < 1:
        raise _refuse(name, _("PDF tanpa halaman."))
    return pages


def _count_pages(node: Any, depth: int) -> int:
    """Leaf pages of a page tree, each node resolved (so a missing object fails here)."""
    if depth > 32:
        raise ValueError("page tree too deep")
    node = node.get_object() if hasattr(node, "get_object") else node
    if node.get("/Type") == "/Page" or "/Kids" not in node:
        return 1
    return sum(_count_pages(kid, depth + 1) for kid in node["/Kids"])


def _check_png(name: str, data: bytes) -> None:
    if (
        len(data) < 33
        or data[12:16] != b"IHDR"
        or not data.rstrip(b"\0").endswith(b"IEND\xaeB`\x82")
    ):
        raise _refuse(name, _("gambar PNG rusak atau terpotong."))
    width, height, depth, _colour = struct.unpack(">IIBB", data[16:26])
    if width == 0 or height == 0:
        raise _refuse(name, _("gambar PNG rusak atau terpotong."))
    if depth == 16:
        raise _refuse(
            name,
            _("gambar 16-bit per warna tidak didukung. Simpan ulang sebagai PNG 8-bit atau PDF."),
        )


def _check_jpeg(name: str, data: bytes) -> None:
    if not data.rstrip(b"\0").endswith(b"\xff\xd9"):
        raise _refuse(name, _("gambar JPEG rusak atau terpotong."))
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise _refuse(name, _("gambar JPEG rusak atau terpotong."))
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        # SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC): the frame header names the components.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            components = data[at + 9] if at + 9 < len(data) else 0
            precision = data[at + 4] if at + 4 < len(data) else 0
            if components == 4:
                raise _refuse(
                    name,
                    _("gambar JPEG berwarna CMYK tidak didukung. Simpan ulang sebagai RGB atau "
                      "pindai langsung ke PDF."),
                )  # fmt: skip
            if precision > 8:
                raise _refuse(name, _("gambar JPEG 12/16-bit tidak didukung."))
            return
        if marker == 0xDA:  # start of scan before any frame header
            break
        at += 2 + length
    raise _refuse(name, _("gambar JPEG rusak atau terpotong."))
