"""Real scan files for incoming-letter tests: multi-page PDFs, PNG and JPEG images, and the
broken ones a registrar meets (truncated, encrypted, CMYK, 16-bit, not a scan at all)."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter


def pdf_bytes(pages: int, title: str = "Surat") -> bytes:
    """An A4 PDF of ``pages`` pages, each saying its title and number in large type."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(10, 10, 10, 10))
    )  # fmt: skip
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.setFont(QFont("Liberation Sans", 24))
    for n in range(1, pages + 1):
        if n > 1:
            writer.newPage()
        painter.drawText(100, 200, f"{title} halaman {n}")
    painter.end()
    buffer.close()
    return data.data()


def write_pdf(folder: Path, name: str, pages: int, title: str = "Surat") -> Path:
    path = folder / name
    path.write_bytes(pdf_bytes(pages, title))
    return path


def image_bytes(fmt: str, image_format: QImage.Format = QImage.Format.Format_RGB32) -> bytes:
    image = QImage(40, 30, image_format)
    if image_format == QImage.Format.Format_CMYK8888:
        image.fill(0)  # painting on CMYK images is not supported; a plain fill is
    else:
        image.fill(QColor("white"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    buffer.close()
    return data.data()


def encrypted_pdf(pages: int = 1) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_bytes(pages))).pages:
        writer.add_page(page)
    writer.encrypt("rahasia")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
