"""What the renderer needs to draw a letter: plain data, no database, no Qt.

The letters layer turns a stored letter into a ``LetterDocument``; the renderer turns that into
pages (preview images, PDF/A-1b, or a printer). Keeping this boundary plain lets the preview, the
PDF and later the signing flow share one renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class PaperSize(StrEnum):
    F4 = "F4"  # 215 x 330 mm (not Qt's 210 x 330 "Folio")
    A4 = "A4"  # 210 x 297 mm


PAPER_MM: dict[PaperSize, tuple[float, float]] = {
    PaperSize.F4: (215.0, 330.0),
    PaperSize.A4: (210.0, 297.0),
}


class Layout(StrEnum):
    CORRESPONDENCE = "correspondence"  # place/date right, Nomor/Sifat/Lampiran/Hal, Yth.
    TITLED = "titled"  # centred title, "NOMOR: ..." under it, no Hal block


@dataclass(frozen=True)
class Letterhead:
    kabupaten: str  # e.g. "Sukamaju" -> "PEMERINTAH KABUPATEN SUKAMAJU"
    kecamatan: str  # e.g. "Sukamaju" -> "KECAMATAN SUKAMAJU"
    address: str
    phone: str = ""
    email: str = ""
    website: str = ""
    logo_png: bytes | None = None  # image bytes (PNG/JPEG), drawn at the left of the kop


@dataclass(frozen=True)
class Addressee:
    name: str  # "Kepala Desa Sukamaju" (rendered after "Yth.")
    place: str = ""  # rendered as "di" + place


@dataclass(frozen=True)
class SignatureBlock:
    position: str  # jabatan of the signer, e.g. "Camat Sukamaju"
    name: str
    pangkat: str = ""  # "Pembina Tingkat I (IV/b)"
    nip: str = ""
    capacity: str = ""  # "", "a.n.", "Plt.", "Plh."
    on_behalf_of: str = ""  # with "a.n.": the head's position, e.g. "Camat Sukamaju"
    signed_note: str = ""  # text in the signature space, empty for a wet signature


@dataclass(frozen=True)
class SignatureMark:
    """An electronic signature already made, drawn on the printed copy and the preview where
    the signed PDF shows its stamp: the QR code of ``url`` and a few lines beside it."""

    url: str
    lines: tuple[str, ...]  # heading, signer name (bold), position, date and time


@dataclass(frozen=True)
class LetterDocument:
    letterhead: Letterhead
    layout: Layout
    title: str  # letter-type title, e.g. "SURAT TUGAS" (used by the titled layout)
    place: str  # place for "Sukamaju, 3 Maret 2026"
    letter_date: date | None  # None while a draft: the date line shows a blank
    number: str  # empty while a draft: rendered as a blank to be filled at signing
    sifat: str = "Biasa"
    lampiran: str = "-"
    hal: str = ""
    addressees: list[Addressee] = field(default_factory=list)
    body_html: str = ""  # rich text (paragraphs, numbered lists, simple tables) as Qt HTML
    # The images the body shows, by the URL its <img> names (desktop/letters/body_images.py).
    images: dict[str, bytes] = field(default_factory=dict)
    signature: SignatureBlock | None = None
    # Further signers of a letter signed by several people in sequence (e.g. a berita acara):
    # they sign before ``signature``; their blocks come first, two to a row.
    co_signatures: list[SignatureBlock] = field(default_factory=list)
    # Signatures to draw in the signature spaces, by signer index (co-signers first, then the
    # main signer): for printing and previewing a signed letter, never in the PDF to be signed.
    signature_marks: dict[int, SignatureMark] = field(default_factory=dict)
    tembusan: list[str] = field(default_factory=list)
    paper: PaperSize = PaperSize.F4
    font_pt: float = 12.0
    margins_mm: tuple[float, float, float, float] = (
        20.0,
        30.0,
        20.0,
        25.0,
    )  # top, left, right, bottom
    footer_note: str = ""  # e.g. a truthful note on the signature kind; empty for wet signatures
    draft_watermark: bool = False  # "KONSEP" marker on unsigned drafts


@dataclass(frozen=True)
class SignatureSpace:
    """Where a signer's signature space lies on the rendered PDF: a page (0-based) and a
    rectangle in PDF points, origin at the page's bottom-left corner."""

    page: int
    x: float
    y: float
    width: float
    height: float
