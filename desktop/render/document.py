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


class Heading(StrEnum):
    """A line under the centred title of a titled letter."""

    NOMOR = "nomor"  # "NOMOR: <number>"
    TENTANG = "tentang"  # "TENTANG" and the hal in capitals
    PEJABAT = "pejabat"  # the official's line, e.g. "CAMAT WAMENA," (keputusan)


class InfoRow(StrEnum):
    """A row of the label/colon/value block (Nomor/Sifat/Lampiran/Hal, or a nota dinas's)."""

    YTH = "yth"
    DARI = "dari"
    TEMBUSAN = "tembusan"
    TANGGAL = "tanggal"
    NOMOR = "nomor"
    SIFAT = "sifat"
    LAMPIRAN = "lampiran"
    HAL = "hal"


class DateStyle(StrEnum):
    """How the place and date are written: at the top right of a correspondence letter, above
    the signature of a titled one."""

    PLACE = "place"  # "Wamena, 3 Maret 2026"
    DITETAPKAN = "ditetapkan"  # "Ditetapkan di Wamena" / "pada tanggal 3 Maret 2026"
    DIKELUARKAN = "dikeluarkan"  # "Dikeluarkan di Wamena" / "pada tanggal 3 Maret 2026"
    NONE = "none"  # no date line (the info block has a Tanggal row, or the type has none)


@dataclass(frozen=True)
class TypeForm:
    """What a letter type prints beyond the kop, body and signature (see DOMAIN.md "Per type").

    ``heading`` follows the title of a titled letter; ``info`` is the label/value block (under
    the title, or under the date line of a correspondence letter); addressees and tembusan named
    in ``info`` are printed there and nowhere else. ``signer_labels`` replace the position
    heading of each signature column (co-signers first, the main signer last); a label without
    a signer gets a blank column to sign by hand.
    """

    heading: tuple[Heading, ...] = (Heading.NOMOR,)
    official: str = ""  # the line printed for Heading.PEJABAT
    info: tuple[InfoRow, ...] = ()
    info_rule: bool = False  # a rule under the info block (nota dinas)
    addressees: bool = True  # a separate "Yth." list (unless ``info`` has YTH)
    tembusan: bool = True  # the type has copy recipients at all
    date: DateStyle = DateStyle.PLACE
    tembusan_label: str = "Tembusan"
    signer_labels: tuple[str, ...] = ()


CORRESPONDENCE_FORM = TypeForm(
    heading=(), info=(InfoRow.NOMOR, InfoRow.SIFAT, InfoRow.LAMPIRAN, InfoRow.HAL)
)
TITLED_FORM = TypeForm()


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
    form: TypeForm | None = None  # None: the layout's usual form (CORRESPONDENCE_/TITLED_FORM)

    def resolved_form(self) -> TypeForm:
        if self.form is not None:
            return self.form
        return CORRESPONDENCE_FORM if self.layout is Layout.CORRESPONDENCE else TITLED_FORM


@dataclass(frozen=True)
class SignatureSpace:
    """Where a signer's signature space lies on the rendered PDF: a page (0-based) and a
    rectangle in PDF points, origin at the page's bottom-left corner."""

    page: int
    x: float
    y: float
    width: float
    height: float
