"""Qt rich-text HTML -> PDF bytes: the one place the small printed forms (the lembar disposisi,
the berkas index) are turned into PDF, so the domain layer hands over HTML and never touches Qt."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop.render.fonts import font_family


def html_pdf(
    html: str,
    title: str,
    page: QPageSize,
    margins_mm: tuple[float, float, float, float],
    *,
    base_font: bool = False,
) -> bytes:
    """``html`` printed on ``page`` with ``margins_mm`` (left, top, right, bottom) as PDF bytes;
    ``base_font``: the shipped font family as the document's default."""
    family = font_family()  # a GUI application and the shipped fonts
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("Naskah")
    writer.setTitle(title)
    writer.setPageSize(page)
    writer.setPageMargins(QMarginsF(*margins_mm), QPageLayout.Unit.Millimeter)
    doc = QTextDocument()
    if base_font:
        doc.setDefaultStyleSheet(f"body {{ font-family: '{family}'; }}")
    doc.setHtml(html)
    doc.print_(writer)
    buffer.close()
    return bytes(buffer.data().data())


def a4() -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.A4)
