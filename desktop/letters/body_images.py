"""Images in a letter's body: copied into the office's own files, or refused with a reason.

A picture pasted from Word points at Word's temporary folder
(``file:///C:/Users/.../msohtmlclip1/01/clip_image002.png``), which Word empties, and which no
other PC has. So the image's bytes are copied into the blob store and the body names the copy
(``<img src="naskah-gambar:<sha256>">``, ``sync.protocol.BODY_IMAGE_SCHEME``); sync carries it
like an attachment, and the preview, the PDF and the printed copy draw it from there.
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from desktop.i18n import _
from desktop.letters import accounts
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.errors import ServiceError
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from sync.protocol import BODY_IMAGE_SCHEME, Entity, body_image_refs

MAX_IMAGE_BYTES = 5 * 1024 * 1024  # a photo from a phone; more only bloats every PDF and sync
_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


class ImageRefused(ServiceError):
    """An image that cannot become part of a letter; the message says why."""


def image_url(digest: str) -> str:
    return f"{BODY_IMAGE_SCHEME}:{digest}"


def digest_of(url: str) -> str | None:
    """The blob an image URL of a letter body names, or None for any other URL."""
    scheme, _sep, digest = url.partition(":")
    if scheme != BODY_IMAGE_SCHEME or not re.fullmatch(r"[0-9a-f]{64}", digest):
        return None
    return digest


def keep_image(store: Store, user: CurrentUser, data: bytes) -> str:
    """Copy an image into the office's files; its URL for the letter body.

    Raises ImageRefused for anything but a PNG, JPEG, GIF or BMP image of at most 5 MB. The
    blob is written durably (no transaction: an unused blob is harmless, and the draft's next
    save is what refers to it).
    """
    accounts.require(user, Role.DRAFTER)
    if not any(data.startswith(magic) for magic in _MAGIC):
        raise ImageRefused(_("Gambar harus berupa PNG, JPEG, GIF atau BMP."))
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageRefused(
            _("Gambar terlalu besar ({mb:.1f} MB; paling besar 5 MB). Perkecil dulu.").format(
                mb=len(data) / 1024 / 1024
            )
        )
    return image_url(BlobStore(store.blob_dir).put(data))


def read_source(source: str) -> bytes:
    """The bytes of an image where pasted HTML says it is: a local file (Word's temporary
    copy) or inline ``data:`` bytes. Nothing is fetched from the network.

    Raises ImageRefused when the image is elsewhere, gone or unreadable.
    """
    parts = urlsplit(source)
    scheme = parts.scheme.lower()
    if scheme == "data":
        header, _sep, payload = parts.path.partition(",")
        if not header.endswith(";base64"):
            raise ImageRefused(_("Gambar dalam teks yang ditempel tidak dapat dibaca."))
        try:
            return base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError) as exc:
            raise ImageRefused(_("Gambar dalam teks yang ditempel rusak.")) from exc
    if scheme == "file" or (len(scheme) == 1 and source[1:3] in (":\\", ":/")):
        path = Path(url2pathname(unquote(parts.path))) if scheme == "file" else Path(source)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise ImageRefused(
                _(
                    "Berkas gambar {name} tidak ada lagi (program asalnya sudah menghapusnya). "
                    "Salin gambar itu sendiri lalu tempel lagi."
                ).format(name=path.name)
            ) from exc
    raise ImageRefused(
        _(
            "Gambar dari {where} tidak diambil: Naskah bekerja tanpa internet. Simpan gambar "
            "itu ke komputer, salin, lalu tempel lagi."
        ).format(where=parts.netloc or scheme or "luar")
    )


def image_bytes(blob_dir: Path, url: str) -> bytes | None:
    """The bytes of the image a body names by ``url``; None if it is not on this PC (yet)."""
    digest = digest_of(url)
    if digest is None:
        return None
    try:
        return BlobStore(blob_dir).get(digest)
    except OSError:
        return None


def images_of(blob_dir: Path, body_html: str, *, complete: bool = False) -> dict[str, bytes]:
    """The images a body shows, by URL, for drawing it. One not on this PC yet (sync brings
    it) is left out of a preview; with ``complete`` (the signed copy) it raises ImageMissing."""
    blobs = BlobStore(blob_dir)
    found: dict[str, bytes] = {}
    for digest in sorted(body_image_refs(Entity.LETTER, {"body_html": body_html})):
        try:
            found[image_url(digest)] = blobs.get(digest)
        except OSError as exc:
            if complete:
                raise ImageMissing() from exc
    return found


class ImageMissing(ServiceError):
    """A picture of the body has not reached this PC yet: the letter cannot be signed here."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Gambar dalam isi surat ini belum diunduh dari server (lampiran menyusul). "
                "Tanda tangani sesudah sinkronisasi berikutnya."
            )
        )
