"""Preview images: what the clerk sees while drafting must be the page that will be printed."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QColor, QImage
from render_samples import make_undangan

from desktop.render import page_count, render_pages
from desktop.render.document import PaperSize
from desktop.render.paint import WATERMARK_COLOR


def _is_white(image: QImage, x: int, y: int) -> bool:
    return image.pixelColor(x, y) == QColor("white")


def _count(image: QImage, predicate: object, box: tuple[int, int, int, int], step: int = 2) -> int:
    x0, y0, x1, y1 = box
    return sum(
        1
        for y in range(y0, y1, step)
        for x in range(x0, x1, step)
        if predicate(image.pixelColor(x, y))  # type: ignore[operator]
    )


@pytest.mark.parametrize(("paper", "ratio"), [(PaperSize.F4, 215 / 330), (PaperSize.A4, 210 / 297)])
def test_pages_have_the_paper_aspect_ratio(paper: PaperSize, ratio: float) -> None:
    images = render_pages(make_undangan(paper), dpi=72)
    assert len(images) == 1
    image = images[0]
    assert image.width() / image.height() == pytest.approx(ratio, abs=0.003)
    assert image.height() == round((330 if paper is PaperSize.F4 else 297) / 25.4 * 72)
    assert round(image.dotsPerMeterX() * 0.0254) == 72


def test_page_is_white_with_black_text() -> None:
    image = render_pages(make_undangan(), dpi=60)[0]
    w, h = image.width(), image.height()
    for x, y in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1), (w // 2, h - 2)):
        assert _is_white(image, x, y)
    dark = _count(image, lambda c: c.lightness() < 100, (0, 0, w, h))
    assert dark > 500


def test_logo_is_drawn_at_the_top_left_inside_the_margins() -> None:
    dpi = 50
    image = render_pages(make_undangan(), dpi=dpi)[0]
    mm = dpi / 25.4
    logo_box = (int(30 * mm), int(20 * mm), int(60 * mm), int(47 * mm))

    def green(c: QColor) -> bool:
        return c.green() > c.red() + 40 and c.green() > c.blue() + 40

    assert _count(image, green, logo_box) > 20
    without = render_pages(make_undangan(logo=b"garbage"), dpi=dpi)[0]
    assert _count(without, green, logo_box) == 0


def test_draft_watermark_is_light_grey() -> None:
    doc = make_undangan()
    draft = dataclasses.replace(doc, draft_watermark=True)

    def grey(c: QColor) -> bool:
        return c == WATERMARK_COLOR

    plain_image = render_pages(doc, dpi=30)[0]
    draft_image = render_pages(draft, dpi=30)[0]
    box = (0, 0, plain_image.width(), plain_image.height())
    # Antialiased text has a few pixels of that grey too; the mark has thousands.
    assert _count(draft_image, grey, box, step=1) > 10 * _count(plain_image, grey, box, step=1)


def test_preview_and_pdf_agree_on_page_count() -> None:
    body = "<p>Baris isi surat yang cukup panjang untuk memenuhi halaman demi halaman.</p>" * 120
    doc = dataclasses.replace(make_undangan(), body_html=body)
    assert len(render_pages(doc, dpi=20)) == page_count(doc) >= 2


def test_non_positive_dpi_is_rejected() -> None:
    with pytest.raises(ValueError):
        render_pages(make_undangan(), dpi=0)
