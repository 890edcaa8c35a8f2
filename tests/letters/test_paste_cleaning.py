"""The paste cleaner on its own (no Qt): what each source's HTML becomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.letters.paste import IMAGE_PLACEHOLDER, clean_html, plain_text

WORD = (Path(__file__).resolve().parents[1] / "data" / "word-2016-clipboard.html").read_text(
    encoding="utf-8"
)


def test_word_lists_become_nested_real_lists_without_their_typed_markers() -> None:
    html = clean_html(WORD).html
    assert (
        '<ol type="1"><li>Pendataan dilaksanakan oleh petugas kecamatan;'
        '<ol type="a"><li>di kampung pesisir;</li></ol></li>'
        "<li>Hasil pendataan dilaporkan paling lambat <u>31 Desember 2026</u>.</li></ol>"
    ) in html
    assert '<ul type="disc"><li>Formulir pendataan</li><li>Daftar hadir petugas</li></ul>' in html
    assert "·" not in html and "1.\xa0" not in html and "supportLists" not in html


def test_word_formatting_that_the_regulations_fix_is_dropped() -> None:
    html = clean_html(WORD).html
    for gone in ("font", "Times", "Bookman", "Courier", "Symbol", "color:red", "yellow",
                 "14.0pt", "line-height", "Mso", "mso-", "<span", "class=", "<o:p"):  # fmt: skip
        assert gone not in html, gone
    assert "<p>Mohon diperhatikan dengan sungguh-sungguh.</p>" in html
    assert '<p align="center"><b>JADWAL PENDATAAN</b></p>' in html


def test_a_word_table_gets_a_grid_and_its_pictures_are_listed() -> None:
    cleaned = clean_html(WORD)
    assert '<table border="1" cellspacing="0"' in cleaned.html
    assert cleaned.html.count("<td") == 4 and 'width="50%"' in cleaned.html
    [image] = cleaned.images
    assert image.source.startswith("file:///C:/Users/") and image.source.endswith(".png")
    assert (image.width_px, image.height_px) == (160, 80)
    assert cleaned.with_images([None]).count("<img") == 0
    kept = cleaned.with_images(["naskah-gambar:" + "a" * 64])
    assert f'<img src="naskah-gambar:{"a" * 64}" width="160" height="80" />' in kept
    assert IMAGE_PLACEHOLDER.format(0) not in kept


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        # Google Docs wraps everything in a bold that is not bold, and marks bold by weight.
        ('<b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr">'
         '<span style="font-size:11pt;font-family:Arial;font-weight:700;">Penting</span>'
         '<span style="font-family:Arial;"> sekali</span></p></b>',
         "<p><b>Penting</b> sekali</p>"),
        # A browser copies part of a table as rows.
        ("<tr><td>A</td><td>B</td></tr>",
         '<table border="1" cellspacing="0" cellpadding="4" width="100%" style="border-collapse:'
         'collapse; border-style:solid; border-color:#000000;"><tr><td><p style="margin-top:0px;'
         ' margin-bottom:0px;">A</p></td><td><p style="margin-top:0px; margin-bottom:0px;">B</p>'
         "</td></tr></table>"),
        ("<h1 style='color:blue'>Judul</h1><font face=Courier size=7>isi</font>",
         "<p><b>Judul</b></p><p>isi</p>"),
        ("<ul><li>satu<ul><li>dua</li></ul></li></ul><ol type=i><li>tiga</li></ol>",
         '<ul><li>satu<ul><li>dua</li></ul></li></ul><ol type="i"><li>tiga</li></ol>'),
        ("<script>alert(1)</script><style>p{color:red}</style><p onclick=x()>aman</p>",
         "<p>aman</p>"),
        ("<p>a &lt;b&gt; &amp; c</p>", "<p>a &lt;b&gt; &amp; c</p>"),
        ("<p>teks<br>baris<span style='display:none'>tersembunyi</span></p>",
         "<p>teks<br />baris</p>"),
    ],
)  # fmt: skip
def test_other_sources(pasted: str, expected: str) -> None:
    assert clean_html(pasted).html == expected


@pytest.mark.parametrize(
    "broken",
    ["", "<", "<p", "<table><tr><td>", "<![if !supportLists]>1.", "</li></ol>teks", "<img>"],
)
def test_broken_html_never_raises(broken: str) -> None:
    clean_html(broken)


def test_plain_text_keeps_every_line_break_as_a_paragraph_break() -> None:
    assert plain_text("a\r\nb\rc\vd\fe\u2029f  \n\ng\x07") == "a\nb\nc\nd\ne\nf\n\ng"
