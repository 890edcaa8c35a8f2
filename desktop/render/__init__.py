"""Letter rendering: LetterDocument -> PDF/A-1b, preview images, or a printer (QtGui only).

The Qt-backed functions are imported lazily so that ``desktop.render.document`` and
``desktop.render.dates`` stay importable by pure-Python layers without loading Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.render.paint import page_count, print_document, render_pages
    from desktop.render.pdf import render_pdf

__all__ = ["page_count", "print_document", "render_pages", "render_pdf"]


def __getattr__(name: str) -> Any:
    if name in ("page_count", "print_document", "render_pages"):
        from desktop.render import paint

        return getattr(paint, name)
    if name == "render_pdf":
        from desktop.render import pdf

        return pdf.render_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
