"""The renderer reports each signer's signature space, where the visible stamp will go."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import pypdf

from desktop.render.document import LetterDocument, SignatureBlock
from desktop.render.pdf import render_signable_pdf
from tests.render.render_samples import make_undangan

NOTE = "Ditandatangani secara elektronik"


def _note_centres(pdf: bytes) -> list[tuple[int, float, float]]:
    """(page, x, y) of the start of every signature note in the PDF, read back by pypdf."""
    found: list[tuple[int, float, float]] = []
    for index, page in enumerate(pypdf.PdfReader(BytesIO(pdf)).pages):

        def visit(text: str, cm: list[float], tm: list[float], _fd: object, _s: float) -> None:
            if NOTE in " ".join(text.split()):
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append((index, x, y))  # noqa: B023 - used at once

        page.extract_text(visitor_text=visit)
    return found


def _signed(doc: LetterDocument, co: int) -> LetterDocument:
    assert doc.signature is not None
    main = replace(doc.signature, signed_note=NOTE)
    others = [
        SignatureBlock(position=f"Pihak {i + 1}", name=f"Penanda Tangan {i + 1}", signed_note=NOTE)
        for i in range(co)
    ]
    return replace(doc, signature=main, co_signatures=others)


def test_each_signature_space_holds_its_note() -> None:
    for co in (0, 1, 3):
        pdf, spaces = render_signable_pdf(_signed(make_undangan(), co))
        assert len(spaces) == co + 1
        notes = _note_centres(pdf)
        assert len(notes) == co + 1
        for space in spaces:
            inside = [
                n
                for n in notes
                if n[0] == space.page
                and space.x <= n[1] <= space.x + space.width
                and space.y <= n[2] <= space.y + space.height
            ]
            assert len(inside) == 1, (space, notes)
            assert 55 <= space.height <= 70  # 22 mm
            assert space.width >= 200  # half the text width: room for a 70 mm stamp
        # The main signer sits at the right of the first row, like a one-signer letter.
        assert spaces[-1].x > spaces[0].x or co == 0


def test_wet_signature_letter_has_no_spaces() -> None:
    pdf, spaces = render_signable_pdf(make_undangan())
    assert pdf.startswith(b"%PDF-") and spaces == []
