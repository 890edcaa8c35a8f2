"""Lay out a LetterDocument once, in the same way for every output.

The letter is laid out against a virtual device whose resolution is Qt's rich-text pixel (the
screen's logical dpi, normally 96) whatever the target is, so the preview, the PDF and the printed
copy break lines and pages identically and match the editor; each target only scales the painter.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageSize,
    QPainter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from desktop.render.document import PAPER_MM, LetterDocument, PaperSize
from desktop.render.fonts import font_family
from desktop.render.html import (
    DEFAULT_STYLESHEET,
    KEEP_TOGETHER_ANCHORS,
    LOGO_URL,
    SIGNATURE_ANCHOR,
    SIGNATURE_SPACE_ANCHOR,
    SIGNATURE_SPACE_MM,
    Metrics,
    build_letter_html,
    footer_html,
)

LOGO_HEIGHT_MM = 25.0
LOGO_MAX_WIDTH_MM = 30.0
LOGO_RESOURCE_DPI = 300.0  # enough for print; more only slows PDF writing
BODY_IMAGE_MAX_PX = 2000  # a text-wide image at about 300 dpi

MM_PER_INCH = 25.4


def _mm_to_layout(mm: float) -> float:
    return mm * layout_dpi() / MM_PER_INCH


def page_size(paper: PaperSize) -> QPageSize:
    """Return the exact QPageSize for ``paper`` (F4 is 215 x 330 mm, never snapped to Folio)."""
    w, h = PAPER_MM[paper]
    return QPageSize(
        QSizeF(w, h), QPageSize.Unit.Millimeter, paper.value, QPageSize.SizeMatchPolicy.ExactMatch
    )


def paper_points(paper: PaperSize) -> tuple[float, float]:
    """The exact paper size in PDF points (QPageSize rounds points to integers)."""
    width_mm, height_mm = PAPER_MM[paper]
    return width_mm / MM_PER_INCH * 72.0, height_mm / MM_PER_INCH * 72.0


_device_local = threading.local()


def _dpi_device(dpi: int) -> QImage:
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_meter = round(dpi / MM_PER_INCH * 1000)
    device.setDotsPerMeterX(dots_per_meter)
    device.setDotsPerMeterY(dots_per_meter)
    return device


@lru_cache(maxsize=1)
def layout_dpi() -> int:
    """The resolution letters are laid out at: the dpi Qt means by a rich-text "px".

    Qt scales some CSS lengths (vertical margins, padding, images) by device dpi / this value
    but not others (margin-left, text-indent), so laying out at exactly this resolution is the
    only way every length in editor HTML keeps its meaning. It is the screen's logical dpi, which
    differs between PCs, so it is measured rather than assumed to be 96.
    """
    font_family()  # a QTextDocument needs the GUI application and its fonts
    probe_dpi, probe_px = 1200, 1000
    text = QTextDocument()
    text.documentLayout().setPaintDevice(_dpi_device(probe_dpi))
    text.setDocumentMargin(0)
    text.setHtml(
        f'<p style="margin:0px;">a</p><p style="margin-top:{probe_px}px; margin-bottom:0px;">b</p>'
    )
    layout = text.documentLayout()
    first = layout.blockBoundingRect(text.begin())
    second = layout.blockBoundingRect(text.begin().next())
    return round(probe_dpi * probe_px / (second.top() - first.bottom()))


def _layout_device() -> QImage:
    """The virtual device all layout is done against (one per thread: QImage is not shared)."""
    device: QImage | None = getattr(_device_local, "device", None)
    if device is None:
        device = _dpi_device(layout_dpi())
        _device_local.device = device
    return device


def _new_text_document(width: float, height: float, font_pt: float) -> QTextDocument:
    text = QTextDocument()
    text.documentLayout().setPaintDevice(_layout_device())
    text.setUseDesignMetrics(True)
    text.setDocumentMargin(0)
    font = QFont(font_family())
    font.setPointSizeF(font_pt)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    text.setDefaultFont(font)
    text.setDefaultStyleSheet(DEFAULT_STYLESHEET)
    text.setPageSize(QSizeF(width, height))
    return text


def text_document(html: str, width: float, font_pt: float) -> QTextDocument:
    """A one-off piece of rich text (a footer, a page number) laid out like the letter."""
    text = _new_text_document(width, 1e9, font_pt)
    text.setHtml(html)
    return text


def _text_width(font_pt: float) -> Callable[[str, bool], float]:
    """Measure text at the letter's font on the layout device, regular or bold."""
    regular = QFont(font_family())
    regular.setPointSizeF(font_pt)
    regular.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    bold = QFont(regular)
    bold.setBold(True)
    device = _layout_device()
    metrics = {False: QFontMetricsF(regular, device), True: QFontMetricsF(bold, device)}
    return lambda text, is_bold: metrics[is_bold].horizontalAdvance(text)


def _logo_resource(data: bytes | None, px_per_mm: float) -> tuple[QImage | None, int, int]:
    """Decode, flatten onto white and downscale the logo; (None, 0, 0) if it is not an image."""
    if not data:
        return None, 0, 0
    source = QImage.fromData(QByteArray(data))
    if source.isNull() or source.width() <= 0 or source.height() <= 0:
        return None, 0, 0
    height_mm = LOGO_HEIGHT_MM
    width_mm = height_mm * source.width() / source.height()
    if width_mm > LOGO_MAX_WIDTH_MM:
        width_mm = LOGO_MAX_WIDTH_MM
        height_mm = width_mm * source.height() / source.width()
    target_h = min(source.height(), round(height_mm / MM_PER_INCH * LOGO_RESOURCE_DPI))
    scaled = source.scaledToHeight(max(1, target_h), Qt.TransformationMode.SmoothTransformation)
    flat = QImage(scaled.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, scaled)
    painter.end()
    return flat, max(1, round(width_mm * px_per_mm)), max(1, round(height_mm * px_per_mm))


def flat_image(data: bytes, max_side: int = BODY_IMAGE_MAX_PX) -> QImage | None:
    """An image of the body, on white (PDF/A-1 allows no transparency) and no larger than it
    needs to be on paper; None if ``data`` is not an image."""
    source = QImage.fromData(QByteArray(data))
    if source.isNull() or source.width() <= 0 or source.height() <= 0:
        return None
    if max(source.width(), source.height()) > max_side:
        source = source.scaled(
            max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )  # fmt: skip
    flat = QImage(source.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, source)
    painter.end()
    return flat


def _take_anchor(text: QTextDocument, anchor: str) -> QTextCursor | None:
    """Find the run of text carrying the named anchor, remove the anchor again and return a
    cursor selecting that run (None when the anchor is absent).

    Qt gives an anchor's name to its first character only; left in place, that character would
    be drawn as a run of its own and PDF text extraction would read "T embusan".
    """
    block = text.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if anchor in fragment.charFormat().anchorNames():
                cursor = QTextCursor(text)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                plain = fragment.charFormat()
                plain.clearProperty(QTextFormat.Property.IsAnchor)
                plain.clearProperty(QTextFormat.Property.AnchorName)
                cursor.setCharFormat(plain)
                return cursor
            it += 1
        block = block.next()
    return None


def _take_anchored_table(text: QTextDocument, anchor: str) -> QTextTable | None:
    """The table holding the named anchor (the anchor is removed, see ``_take_anchor``)."""
    cursor = _take_anchor(text, anchor)
    return cursor.currentTable() if cursor is not None else None


def _keep_on_one_page(text: QTextDocument, table: QTextTable, page_height: float) -> None:
    """Start ``table`` on a new page if it would otherwise be split across two.

    A signature block with the position on one page and the name on the next is not a valid
    signature block; tables taller than a page are left to split.
    """
    text.documentLayout().documentSize()  # finish the layout before measuring
    rect = text.documentLayout().frameBoundingRect(table)
    if rect.height() >= page_height:
        return
    if int(rect.top() // page_height) != int((rect.bottom() - 1) // page_height):
        table_format = table.format()
        table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(table_format)


def _page_of(y: float, page_height: float) -> int:
    return int(y // page_height)


def _keep_closing_with_signature(
    text: QTextDocument, table: QTextTable, page_height: float
) -> None:
    """Never let the signature block open a page with nothing of the letter before it: when it
    does, the last paragraph before it (the closing "Demikian ...") moves to that page too.

    A body table that ends the letter (a surat pengantar's list) moves whole, if it fits.
    """
    layout = text.documentLayout()
    layout.documentSize()  # finish the layout before measuring
    table_top = layout.frameBoundingRect(table).top()
    before = table.firstCursorPosition().block().previous()
    while before.isValid() and not before.text().strip():
        before = before.previous()
    if not before.isValid():
        return
    if _page_of(layout.blockBoundingRect(before).bottom() - 1, page_height) == _page_of(
        table_top, page_height
    ):
        return
    cursor = QTextCursor(before)
    enclosing = cursor.currentTable()
    table_height = layout.frameBoundingRect(table).height()
    if enclosing is not None:
        moved = layout.frameBoundingRect(enclosing).height()
    else:
        moved = layout.blockBoundingRect(before).height()
    if moved + table_height >= page_height:
        return
    if enclosing is not None:
        enclosing_format = enclosing.format()
        enclosing_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        enclosing.setFormat(enclosing_format)
    else:
        block_format = before.blockFormat()
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(block_format)
    # The signature now follows the paragraph on its page instead of opening one.
    table_format = table.format()
    table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    table.setFormat(table_format)


@dataclass
class LaidOutLetter:
    """A letter laid out in layout pixels (1 / layout_dpi() inch), ready to paint page by page."""

    letter: LetterDocument
    body: QTextDocument
    footer: QTextDocument | None
    page_width: float
    page_height: float
    left: float
    top: float
    content_width: float
    content_height: float
    bottom_margin: float
    # Each signer's signature space in body coordinates (layout px; co-signers first, then the
    # main signer); empty unless the letter carries signature notes.
    signature_spaces: list[QRectF] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return max(1, self.body.pageCount())


def lay_out(doc: LetterDocument) -> LaidOutLetter:
    """Lay out ``doc`` on its paper at its margins and font size (needs a GUI app; makes one)."""
    font_family()  # creates the GUI application before anything touches fonts
    px_per_mm = layout_dpi() / MM_PER_INCH
    width_mm, height_mm = PAPER_MM[doc.paper]
    top_mm, left_mm, right_mm, bottom_mm = doc.margins_mm
    content_w = _mm_to_layout(width_mm - left_mm - right_mm)
    content_h = _mm_to_layout(height_mm - top_mm - bottom_mm)
    logo, logo_w, logo_h = _logo_resource(doc.letterhead.logo_png, px_per_mm)
    metrics = Metrics(
        px_per_mm=px_per_mm,
        logo_height_px=logo_h,
        logo_width_px=logo_w,
        content_width_px=content_w,
        text_width=_text_width(doc.font_pt),
    )

    body = _new_text_document(content_w, content_h, doc.font_pt)
    if logo is not None:
        body.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), logo)
    for url, data in doc.images.items():
        image = flat_image(data)
        if image is not None:
            body.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    body.setHtml(build_letter_html(doc, metrics))

    tables = {anchor: _take_anchored_table(body, anchor) for anchor in KEEP_TOGETHER_ANCHORS}
    for anchor, table in tables.items():  # in document order: moving one shifts the next
        if table is not None:
            _keep_on_one_page(body, table, content_h)
            if anchor == SIGNATURE_ANCHOR:
                _keep_closing_with_signature(body, table, content_h)

    notes = [
        _take_anchor(body, SIGNATURE_SPACE_ANCHOR.format(i))
        for i in range(len(doc.co_signatures) + 1)
    ]
    body.documentLayout().documentSize()  # finish the layout before measuring
    spaces = [_space_around(body, cursor) for cursor in notes if cursor is not None]

    note = footer_html(doc)
    footer = text_document(note, content_w, doc.font_pt) if note else None
    return LaidOutLetter(
        letter=doc,
        body=body,
        footer=footer,
        page_width=_mm_to_layout(width_mm),
        page_height=_mm_to_layout(height_mm),
        left=_mm_to_layout(left_mm),
        top=_mm_to_layout(top_mm),
        content_width=content_w,
        content_height=content_h,
        bottom_margin=_mm_to_layout(bottom_mm),
        signature_spaces=spaces,
    )


def _space_around(text: QTextDocument, note: QTextCursor) -> QRectF:
    """The signature space of the table cell holding ``note``: the cell's width, the space's
    height, centred on the note's line."""
    layout = text.documentLayout()
    # A paragraph in a table cell spans the cell's width (the columns need not be equal).
    line = layout.blockBoundingRect(note.block())
    left, width = line.left(), line.width()
    height = _mm_to_layout(SIGNATURE_SPACE_MM)
    return QRectF(left, line.center().y() - height / 2, width, height)
