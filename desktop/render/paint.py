"""Paint a laid-out letter onto a PDF writer, a printer or preview images.

One function, ``_paint_pages``, draws for all three targets; they differ only in how a page is
begun and how the painter is scaled from layout pixels to device pixels.
"""

from __future__ import annotations

from collections.abc import Callable

import segno
from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPaintEngine,
    QPainter,
    QPalette,
)

from desktop.render.document import PAPER_MM, LetterDocument, SignatureMark
from desktop.render.fonts import font_family
from desktop.render.html import page_number_html
from desktop.render.layout import (
    MM_PER_INCH,
    LaidOutLetter,
    lay_out,
    layout_dpi,
    page_size,
    paper_points,
    text_document,
)

WATERMARK_TEXT = "KONSEP"
WATERMARK_COLOR = QColor(215, 215, 215)  # opaque: PDF/A-1 forbids transparency


def _paint_context(clip: QRectF) -> QAbstractTextDocumentLayout.PaintContext:
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    # Never inherit the desktop palette: a dark theme would print white text.
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    palette.setColor(QPalette.ColorRole.Link, QColor("black"))
    context.palette = palette
    return context


def _paint_watermark(painter: QPainter, laid: LaidOutLetter) -> None:
    painter.save()
    font = QFont(font_family())
    font.setBold(True)
    font.setPixelSize(round(laid.page_width / 5))
    painter.setFont(font)
    painter.setPen(WATERMARK_COLOR)
    painter.translate(laid.page_width / 2, laid.page_height / 2)
    painter.rotate(-45)
    box = QRectF(-laid.page_height / 2, -laid.page_width / 4, laid.page_height, laid.page_width / 2)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, WATERMARK_TEXT)
    painter.restore()


def _paint_footer(painter: QPainter, laid: LaidOutLetter) -> None:
    if laid.footer is None:
        return
    height = laid.footer.size().height()
    y = laid.page_height - laid.bottom_margin + max(0.0, (laid.bottom_margin - height) / 2)
    painter.save()
    painter.translate(laid.left, y)
    laid.footer.documentLayout().draw(
        painter, _paint_context(QRectF(0, 0, laid.content_width, height))
    )
    painter.restore()


def _paint_page_number(painter: QPainter, laid: LaidOutLetter, index: int) -> None:
    """ "- 2 -" centred in the top margin from the second page on (Tata Naskah Dinas)."""
    if index == 0:
        return
    number = text_document(page_number_html(index + 1), laid.content_width, laid.letter.font_pt)
    height = number.size().height()
    painter.save()
    painter.translate(laid.left, max(0.0, (laid.top - height) / 2))
    number.documentLayout().draw(painter, _paint_context(QRectF(0, 0, laid.content_width, height)))
    painter.restore()


def _paint_mark(painter: QPainter, rect: QRectF, mark: SignatureMark) -> None:
    """The stamp of a signature made: white ground, QR code at the left, the lines beside it."""
    painter.save()
    painter.fillRect(rect, QColor("white"))
    pad = rect.height() * 0.04
    side = rect.height() - 2 * pad
    qr = segno.make(mark.url, error="m", micro=False, boost_error=False)
    rows = list(qr.matrix)
    module = side / (len(rows) + 2)
    origin = QPointF(rect.left() + pad + module, rect.top() + pad + module)
    for r, modules in enumerate(rows):
        for c, dark in enumerate(modules):
            if dark:
                painter.fillRect(
                    QRectF(origin.x() + c * module, origin.y() + r * module, module, module),
                    QColor("black"),
                )
    text_left = rect.left() + side + 3 * pad
    box = QRectF(text_left, rect.top() + pad, rect.right() - text_left, side)
    font = QFont(font_family())
    font.setPixelSize(max(6, round(side / 6.2)))
    line_height = side / max(4, len(mark.lines))
    painter.setPen(QColor("black"))
    for i, line in enumerate(mark.lines):
        font.setBold(i == 1)
        painter.setFont(font)
        row = QRectF(box.left(), box.top() + i * line_height, box.width(), line_height)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(row, flags, painter.fontMetrics().elidedText(
            line, Qt.TextElideMode.ElideRight, round(box.width())
        ))  # fmt: skip
    painter.restore()


def _paint_marks(painter: QPainter, laid: LaidOutLetter, index: int) -> None:
    for signer, mark in laid.letter.signature_marks.items():
        if not 0 <= signer < len(laid.signature_spaces):
            continue
        rect = laid.signature_spaces[signer]
        if int(rect.center().y() // laid.content_height) == index:
            _paint_mark(painter, rect, mark)


def _paint_page(painter: QPainter, laid: LaidOutLetter, index: int) -> None:
    """Paint page ``index`` with the painter in layout pixels, origin at the paper's corner."""
    if laid.letter.draft_watermark:
        _paint_watermark(painter, laid)
    painter.save()
    painter.translate(laid.left, laid.top)
    painter.setClipRect(QRectF(0, 0, laid.content_width, laid.content_height))
    painter.translate(0, -index * laid.content_height)
    clip = QRectF(0, index * laid.content_height, laid.content_width, laid.content_height)
    laid.body.documentLayout().draw(painter, _paint_context(clip))
    _paint_marks(painter, laid, index)
    painter.restore()
    _paint_page_number(painter, laid, index)
    _paint_footer(painter, laid)


def _paint_pages(
    laid: LaidOutLetter,
    begin_page: Callable[[int], QPainter],
    end_page: Callable[[int, QPainter], None],
) -> None:
    """The single drawing path shared by PDF, printer and preview: one call per page."""
    for index in range(laid.page_count):
        painter = begin_page(index)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.save()
            _paint_page(painter, laid, index)
            painter.restore()
        finally:
            # A painter left active on a device that is then destroyed aborts the process.
            end_page(index, painter)


def paint_on_paged_device(laid: LaidOutLetter, device: QPagedPaintDevice) -> None:
    """Paint ``laid`` onto a paged device, one device page per letter page, at the exact paper."""
    device.setPageSize(page_size(laid.letter.paper))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    # A printer may refuse zero margins; then the painter's origin sits at its minimum margins
    # and we shift back so the letter still lands where it would on the PDF.
    page_layout = device.pageLayout()
    offset = QPointF(0, 0)
    if page_layout.mode() == QPageLayout.Mode.StandardMode:
        margins = page_layout.margins(QPageLayout.Unit.Millimeter)
        offset = QPointF(
            -margins.left() * device.logicalDpiX() / MM_PER_INCH,
            -margins.top() * device.logicalDpiY() / MM_PER_INCH,
        )
    scale_x = device.logicalDpiX() / layout_dpi()
    scale_y = device.logicalDpiY() / layout_dpi()
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("cannot start painting on the output device")
    try:
        engine = painter.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Pdf:
            # Qt's PDF engine flips y about the page height rounded to whole points (935 for
            # F4's 935.43); shift so content keeps its place once the MediaBox is made exact.
            rounded_pt = page_layout.fullRectPoints().height()
            exact_pt = paper_points(laid.letter.paper)[1]
            offset.setY(offset.y() + (rounded_pt - exact_pt) * device.logicalDpiY() / 72.0)

        def begin_page(index: int) -> QPainter:
            if index > 0 and not device.newPage():
                raise RuntimeError("the output device refused a new page")
            painter.resetTransform()
            painter.translate(offset)
            painter.scale(scale_x, scale_y)
            return painter

        _paint_pages(laid, begin_page, lambda _index, _painter: None)
    finally:
        painter.end()


def print_document(doc: LetterDocument, printer: QPagedPaintDevice) -> None:
    """Paint every page of ``doc`` onto ``printer`` (a QPrinter or QPdfWriter).

    Sets the exact paper size, portrait, and zero device margins (compensating if the device
    insists on its own). Uses the same layout and drawing code as render_pdf and render_pages.
    Raises RuntimeError if the device cannot be painted on.
    """
    paint_on_paged_device(lay_out(doc), printer)


def render_pages(doc: LetterDocument, dpi: float) -> list[QImage]:
    """Render every page of ``doc`` to an RGB image at ``dpi`` on a white background.

    Each image has the paper's aspect ratio and carries ``dpi`` as its resolution; line and page
    breaks are the same as in render_pdf. Raises ValueError for a non-positive dpi.
    """
    if dpi <= 0:
        raise ValueError(f"dpi must be positive, got {dpi}")
    laid = lay_out(doc)
    width_mm, height_mm = PAPER_MM[doc.paper]
    width = max(1, round(width_mm / MM_PER_INCH * dpi))
    height = max(1, round(height_mm / MM_PER_INCH * dpi))
    dots_per_meter = round(dpi / MM_PER_INCH * 1000)
    images: list[QImage] = []

    def begin_page(_index: int) -> QPainter:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dots_per_meter)
        image.setDotsPerMeterY(dots_per_meter)
        image.fill(QColor("white"))
        images.append(image)
        painter = QPainter(image)
        painter.scale(width / laid.page_width, height / laid.page_height)
        return painter

    def end_page(_index: int, painter: QPainter) -> None:
        painter.end()

    _paint_pages(laid, begin_page, end_page)
    return images


def page_count(doc: LetterDocument) -> int:
    """Return how many pages ``doc`` takes (always >= 1), as render_pdf would produce."""
    return lay_out(doc).page_count
