"""LetterDocument -> PDF/A-1b bytes, with the page size exact to the hundredth of a point."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPagedPaintDevice, QPdfWriter

from desktop.render.document import LetterDocument, SignatureSpace
from desktop.render.layout import LaidOutLetter, lay_out, layout_dpi, paper_points
from desktop.render.paint import paint_on_paged_device

log = logging.getLogger(__name__)

PDF_DPI = 1200
PDF_CREATOR = "Naskah"

# Qt writes each page's box as whole points in "%f" form, e.g. "/MediaBox [0 0 609.000000 ...".
_BOX_RE = re.compile(rb"/(MediaBox|TrimBox) \[0 0 (\d+\.\d+) (\d+\.\d+)\]")


def _same_width(value: float, template: bytes) -> bytes:
    """``value`` printed with as many decimals as make it exactly as long as ``template``."""
    integer_digits = len(str(int(value)))
    decimals = max(1, len(template) - integer_digits - 1)
    return f"{value:.{decimals}f}".encode("ascii")


def _exact_boxes(pdf: bytes, width_pt: float, height_pt: float, pages: int) -> bytes:
    """Replace Qt's whole-point page boxes by the exact size, keeping every byte offset.

    Qt's PDF engine rounds the page size to whole points (F4 becomes 609 x 935 instead of
    609.45 x 935.43). Rewriting the numbers in place, at the same length, keeps the xref table
    valid without re-serialising the file.
    """

    def exact(match: re.Match[bytes]) -> bytes:
        w = _same_width(width_pt, match.group(2))
        h = _same_width(height_pt, match.group(3))
        if len(w) != len(match.group(2)) or len(h) != len(match.group(3)):
            return match.group(0)
        return b"/" + match.group(1) + b" [0 0 " + w + b" " + h + b"]"

    fixed, count = _BOX_RE.subn(exact, pdf)
    if count != 2 * pages or len(fixed) != len(pdf):
        # Never break a letter over a third of a millimetre; the tests catch a changed Qt.
        log.warning("unexpected page boxes from Qt (%d found); page size left rounded", count)
        return pdf
    return fixed


def _pdf_title(doc: LetterDocument) -> str:
    parts = [doc.title.strip() or "Surat", doc.number.strip(), doc.hal.strip()]
    return " - ".join(p for p in parts if p)


def render_pdf(doc: LetterDocument) -> bytes:
    """Render ``doc`` to a PDF/A-1b file and return its bytes (see ``render_signable_pdf``)."""
    return render_signable_pdf(doc)[0]


def _spaces_in_points(laid: LaidOutLetter) -> list[SignatureSpace]:
    to_pt = 72.0 / layout_dpi()
    page_h = paper_points(laid.letter.paper)[1]
    spaces = []
    for rect in laid.signature_spaces:
        page = int(rect.center().y() // laid.content_height)
        top = laid.top + rect.top() - page * laid.content_height
        spaces.append(
            SignatureSpace(
                page=page,
                x=(laid.left + rect.left()) * to_pt,
                y=page_h - (top + rect.height()) * to_pt,
                width=rect.width() * to_pt,
                height=rect.height() * to_pt,
            )
        )
    return spaces


def render_signable_pdf(doc: LetterDocument) -> tuple[bytes, list[SignatureSpace]]:
    """Render ``doc`` to a PDF/A-1b file and return its bytes.

    Guarantees: one PDF page per letter page, laid out exactly as render_pages shows it; the
    MediaBox is the exact paper size (F4 215 x 330 mm, A4 210 x 297 mm); fonts are embedded;
    the title is set from the letter and the creator is "Naskah". Needs a GUI application (one
    is created if none exists). Also returns where each signer's signature space lies (co-signers
    first, then the main signer; empty unless the signature blocks carry a ``signed_note``), so
    a visible signature stamp goes exactly over it.
    """
    laid = lay_out(doc)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setResolution(PDF_DPI)
    writer.setTitle(_pdf_title(doc))
    writer.setCreator(PDF_CREATOR)
    paint_on_paged_device(laid, writer)
    buffer.close()
    width_pt, height_pt = paper_points(doc.paper)
    pdf = _exact_boxes(bytes(buffer.data().data()), width_pt, height_pt, laid.page_count)
    return pdf, _spaces_in_points(laid)
