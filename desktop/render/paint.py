"""Lay out a LetterDocument once and paint its pages onto a PDF, a printer or preview images.

The letter is laid out once against a virtual device whose resolution is Qt's rich-text pixel
(the screen's logical dpi, normally 96) whatever the target is, so the preview, the PDF and the
printed copy break lines and pages identically and match the editor; each target only scales the
painter. One function, ``_paint_pages``, draws for all three targets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import (
    QByteArray,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
    QPalette,
    QTextDocument,
)

from desktop.render.document import PAPER_MM, LetterDocument, PaperSize
from desktop.render.fonts import font_family
from desktop.render.html import (
    DEFAULT_STYLESHEET,
    LOGO_URL,
    Metrics,
    build_letter_html,
    footer_html,
)

LOGO_HEIGHT_MM = 25.0
LOGO_MAX_WIDTH_MM = 30.0
LOGO_RESOURCE_DPI = 300.0  # enough for print; more only slows PDF writing
WATERMARK_TEXT = "KONSEP"
WATERMARK_COLOR = QColor(215, 215, 215)  # opaque: PDF/A-1 forbids transparency

_MM_PER_INCH = 25.4


def _mm_to_layout(mm: float) -> float:
    return mm * layout_dpi() / _MM_PER_INCH


def page_size(paper: PaperSize) -> QPageSize:
    """Return the exact QPageSize for ``paper`` (F4 is 215 x 330 mm, never snapped to Folio)."""
    w, h = PAPER_MM[paper]
    return QPageSize(
        QSizeF(w, h), QPageSize.Unit.Millimeter, paper.value, QPageSize.SizeMatchPolicy.ExactMatch
    )


def paper_points(paper: PaperSize) -> tuple[float, float]:
    """The exact paper size in PDF points (QPageSize rounds points to integers)."""
    width_mm, height_mm = PAPER_MM[paper]
    return width_mm / _MM_PER_INCH * 72.0, height_mm / _MM_PER_INCH * 72.0


_device_local = threading.local()


def _dpi_device(dpi: int) -> QImage:
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_meter = round(dpi / _MM_PER_INCH * 1000)
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
    target_h = min(source.height(), round(height_mm / _MM_PER_INCH * LOGO_RESOURCE_DPI))
    scaled = source.scaledToHeight(max(1, target_h), Qt.TransformationMode.SmoothTransformation)
    flat = QImage(scaled.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, scaled)
    painter.end()
    return flat, max(1, round(width_mm * px_per_mm)), max(1, round(height_mm * px_per_mm))


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

    @property
    def page_count(self) -> int:
        return max(1, self.body.pageCount())


def lay_out(doc: LetterDocument) -> LaidOutLetter:
    """Lay out ``doc`` on its paper at its margins and font size (needs a GUI app; makes one)."""
    px_per_mm = layout_dpi() / _MM_PER_INCH
    width_mm, height_mm = PAPER_MM[doc.paper]
    top_mm, left_mm, right_mm, bottom_mm = doc.margins_mm
    content_w = _mm_to_layout(width_mm - left_mm - right_mm)
    content_h = _mm_to_layout(height_mm - top_mm - bottom_mm)
    logo, logo_w, logo_h = _logo_resource(doc.letterhead.logo_png, px_per_mm)
    metrics = Metrics(px_per_mm=px_per_mm, logo_height_px=logo_h, logo_width_px=logo_w)

    body = _new_text_document(content_w, content_h, doc.font_pt)
    if logo is not None:
        body.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), logo)
    body.setHtml(build_letter_html(doc, metrics))

    footer: QTextDocument | None = None
    note = footer_html(doc)
    if note:
        footer = _new_text_document(content_w, 1e9, doc.font_pt)
        footer.setHtml(note)
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
    )


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
    painter.restore()
    _paint_footer(painter, laid)


def _paint_pages(
    laid: LaidOutLetter,
    begin_page: Callable[[int], QPainter],
    end_page: Callable[[int, QPainter], None],
) -> None:
    """The single drawing path shared by PDF, printer and preview: one call per page."""
    for index in range(laid.page_count):
        painter = begin_page(index)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.save()
        _paint_page(painter, laid, index)
        painter.restore()
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
            -margins.left() * device.logicalDpiX() / _MM_PER_INCH,
            -margins.top() * device.logicalDpiY() / _MM_PER_INCH,
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
    width = max(1, round(width_mm / _MM_PER_INCH * dpi))
    height = max(1, round(height_mm / _MM_PER_INCH * dpi))
    dots_per_meter = round(dpi / _MM_PER_INCH * 1000)
    images: list[QImage] = []
    painters: list[QPainter] = []

    def begin_page(_index: int) -> QPainter:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dots_per_meter)
        image.setDotsPerMeterY(dots_per_meter)
        image.fill(QColor("white"))
        images.append(image)
        painter = QPainter(image)
        painter.scale(width / laid.page_width, height / laid.page_height)
        painters.append(painter)
        return painter

    def end_page(_index: int, painter: QPainter) -> None:
        painter.end()

    _paint_pages(laid, begin_page, end_page)
    return images


def page_count(doc: LetterDocument) -> int:
    """Return how many pages ``doc`` takes (always >= 1), as render_pdf would produce."""
    return lay_out(doc).page_count
