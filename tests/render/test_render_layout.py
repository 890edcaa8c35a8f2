"""Layout rules that keep a letter valid across page breaks."""

from __future__ import annotations

import dataclasses

from render_samples import make_undangan

from desktop.render.layout import lay_out, layout_dpi

PARAGRAPH = (
    "<p>Sehubungan dengan pelaksanaan kegiatan pembangunan di wilayah kecamatan, dengan ini "
    "kami sampaikan.</p>"
)


def _pages_of(n_paragraphs: int) -> dict[str, int]:
    laid = lay_out(dataclasses.replace(make_undangan(), body_html=PARAGRAPH * n_paragraphs))
    layout = laid.body.documentLayout()
    found: dict[str, int] = {}
    block = laid.body.begin()
    while block.isValid():
        for key in ("a.n. Camat", "NIP. ", "Tembusan:", "Arsip"):
            if block.text().startswith(key):
                found[key] = int(layout.blockBoundingRect(block).top() // laid.content_height)
        block = block.next()
    return found


def test_signature_and_tembusan_are_never_split_across_pages() -> None:
    # Body lengths from one page to three: every page break position falls somewhere in them.
    for n in range(20, 62):
        pages = _pages_of(n)
        assert pages["a.n. Camat"] == pages["NIP. "], n
        assert pages["Tembusan:"] == pages["Arsip"], n


def test_layout_resolution_is_a_rich_text_pixel() -> None:
    assert 72 <= layout_dpi() <= 300
