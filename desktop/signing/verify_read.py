"""Opening a PDF with pyHanko's reader, for signing and for verification alike.

Kept apart from ``pades`` (the signing side: stamp, fonts, XMP, dates) so that verifying a file
(``naskah verify``) loads only the reader and the validation modules.
"""

from __future__ import annotations

from io import BytesIO

from pyhanko.pdf_utils.reader import PdfFileReader

from desktop.signing.errors import DamagedPdf, EncryptedPdf, NotAPdf, SigningError


def open_pdf(pdf: bytes, *, strict: bool = False) -> PdfFileReader:
    """A pyHanko reader for ``pdf``; raises ``NotAPdf``, ``DamagedPdf`` or ``EncryptedPdf``.
    ``strict`` (for verification) also refuses syntax pyHanko would otherwise repair, such as
    duplicate dictionary keys or hybrid cross-reference files."""
    if not pdf.lstrip(b"\0\t\n\f\r ")[:5] == b"%PDF-":
        raise NotAPdf()
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=strict)
        encrypted = reader.encrypted
        if not encrypted:
            reader.root  # noqa: B018 - parse the catalog now
    except SigningError:
        raise
    except Exception as exc:  # pyHanko raises PdfReadError, ValueError, KeyError, ...
        raise DamagedPdf(type(exc).__name__) from exc
    if encrypted:
        raise EncryptedPdf()
    return reader
