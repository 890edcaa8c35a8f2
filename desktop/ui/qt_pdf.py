"""The door to Qt's PDF module (PySide6-Addons), for the scan viewer only.

Kept apart from ``qt.py`` so that the main window starts without loading QtPdf: it is imported
when a scan is first shown.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTransform
from PySide6.QtPdf import QPdfDocument

__all__ = [
    "QBuffer", "QByteArray", "QIODevice", "QMarginsF", "QPageLayout", "QPageSize", "QPainter",
    "QPdfDocument", "QPdfWriter", "QRectF", "QSizeF", "QTransform",
]  # fmt: skip
