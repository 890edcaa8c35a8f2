"""On paper (issue 12 item 4), read back from the PDF: page numbers from page 2, the signature
never alone on a page, list numbers that never touch their text, long signer names whole."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pdf_reading import Run, page_texts, run_starting, runs
from pypdf import PdfReader
from render_samples import make_undangan

from desktop.render import page_count, render_pdf
from desktop.render.document import Addressee, LetterDocument, SignatureBlock
from desktop.render.pdf import render_signable_pdf

MM = 72 / 25.4
TOP_MARGIN_MM = 20.0
PARAGRAPH = (
    "<p>Sehubungan dengan pelaksanaan kegiatan pembangunan di wilayah kecamatan, dengan ini "
    "kami sampaikan hal-hal yang perlu mendapat perhatian Saudara.</p>"
)
CLOSING = "<p>Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>"
SIGNER = "Andi Baso Mappaturung"  # the sample's signer
LONG_NAME = "Dr. Yohanes Kristianus Wenda Kogoya Tabuni, S.H., M.Kn., M.Si."
# Liberation Sans (Arial's metrics): digits 556/1000 em, the full stop 278/1000 em.
TWO_DIGITS_AND_DOT_EM = 2 * 0.556 + 0.278


def _letter(paragraphs: int, **changes: object) -> LetterDocument:
    body = PARAGRAPH * paragraphs + CLOSING
    return dataclasses.replace(make_undangan(), body_html=body, tembusan=[], **changes)


def _signature_page(pages: list[str]) -> int:
    return next(i for i, page in enumerate(pages) if SIGNER in page)


def _all_runs(pdf: bytes) -> list[Run]:
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return [run for page in range(pages) for run in runs(pdf, page)]


def test_pages_are_numbered_from_the_second_on_top_centre() -> None:
    pdf = render_pdf(_letter(40))
    pages = page_texts(pdf)
    assert len(pages) >= 3
    assert "- 1 -" not in pages[0]
    for index in range(1, len(pages)):
        number = run_starting(runs(pdf, index), f"- {index + 1} -")
        assert number.y < TOP_MARGIN_MM * MM  # in the top margin, above the text
        width_pt = 215 * MM
        assert number.x == pytest.approx(width_pt / 2, abs=15 * MM)  # about the centre


def _first_length_with(pages: int) -> int:
    """The fewest paragraphs for which the letter takes ``pages`` pages."""
    paragraphs = 1
    while page_count(_letter(paragraphs)) < pages:
        paragraphs += 1
    return paragraphs


def _last_page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(reader.pages[-1].extract_text().split())


@pytest.mark.parametrize("pages", [2, 8])
def test_the_signature_never_opens_a_page_alone(pages: int) -> None:
    """Body lengths around the one that adds the letter's last page (some end right at a page
    break): the page with the signature also has the closing paragraph above it."""
    first = _first_length_with(pages)
    for paragraphs in range(first - 6, first + 2):
        last = _last_page_text(render_pdf(_letter(paragraphs)))
        assert SIGNER in last, paragraphs
        assert "Demikian disampaikan" in last, paragraphs
        assert last.index("Demikian disampaikan") < last.index("a.n. Camat Sukamaju"), paragraphs


def test_a_letter_ending_in_a_table_keeps_the_table_with_the_signature() -> None:
    """A pasted letter whose body ends in a table (a surat pengantar's list): the table goes
    with the signature rather than leaving the signature alone."""
    table = (
        '<table border="1" cellspacing="0" cellpadding="4"><tr><th>No.</th><th>Naskah</th></tr>'
        "<tr><td>1.</td><td>Laporan Realisasi Dana Desa</td></tr></table>"
    )
    for paragraphs in range(8, 15):
        doc = dataclasses.replace(
            make_undangan(), body_html=PARAGRAPH * paragraphs + table, tembusan=[]
        )
        pages = page_texts(render_pdf(doc))
        at = _signature_page(pages)
        assert "Laporan Realisasi Dana Desa" in pages[at], paragraphs


def _gap_after_number(pdf: bytes, number: str, name: str, font_pt: float) -> float:
    placed = runs(pdf)
    name_run = run_starting(placed, name)
    number_run = next(
        r for r in placed if r.text == number and r.y == pytest.approx(name_run.y, abs=0.5)
    )
    return name_run.x - number_run.x - TWO_DIGITS_AND_DOT_EM * font_pt


def test_list_numbers_from_ten_on_do_not_touch_the_name() -> None:
    doc = dataclasses.replace(
        make_undangan(),
        addressees=[Addressee(f"Kepala Kampung {i}", "Wamena") for i in range(1, 13)],
        tembusan=[f"Kepala Distrik {i}" for i in range(1, 12)],
        body_html="<p>Dengan hormat.</p>",
    )
    pdf = render_pdf(doc)
    assert _gap_after_number(pdf, "10.", "Kepala Kampung 10", doc.font_pt) >= 1.5 * MM
    assert _gap_after_number(pdf, "11.", "Kepala Distrik 11", doc.font_pt) >= 1.5 * MM


def _signed_by(name: str, **changes: object) -> LetterDocument:
    signer = dataclasses.replace(make_undangan().signature or SignatureBlock("", ""), name=name)
    return dataclasses.replace(make_undangan(), signature=signer, **changes)


def test_a_long_name_with_titles_stays_on_one_line() -> None:
    pdf = render_pdf(_signed_by(LONG_NAME))
    name = run_starting(runs(pdf), "Dr. Yohanes")
    assert name.text == LONG_NAME  # one piece of text on one line, under one underline


def _co_signer(name: str) -> SignatureBlock:
    return SignatureBlock(position="Kepala Seksi Pemerintahan", name=name, nip="199001012015031001")


def test_long_names_of_two_signers_side_by_side_stay_whole() -> None:
    """The main signer's column grows past half the page; the co-signer's keeps enough."""
    main = "Dr. Yohanes Kristianus Wenda Kogoya, S.H., M.Kn."
    co = _co_signer("Markus Kogoya, S.Sos.")
    placed = _all_runs(render_pdf(_signed_by(main, co_signatures=[co])))
    assert run_starting(placed, "Dr. Yohanes").text == main
    assert run_starting(placed, "Markus Kogoya").text == co.name


def test_two_names_too_long_to_share_a_line_break_before_their_titles() -> None:
    co = _co_signer("Markus Kristianus Kogoya Wenda, S.Sos., M.A.P.")
    placed = _all_runs(render_pdf(_signed_by(LONG_NAME, co_signatures=[co])))
    titles = [r.text for r in placed if "S.H.," in r.text or "S.Sos.," in r.text]
    assert len(titles) == 2
    assert all(t.endswith(("S.H., M.Kn., M.Si.", "S.Sos., M.A.P.")) for t in titles), titles


def test_a_name_too_long_for_the_page_breaks_before_its_titles_only() -> None:
    longest = (
        "Prof. Dr. Ir. Yohanes Kristianus Wenda Kogoya Tabuni Mabel Lokobal Wetipo Asso, "
        "S.H., M.Kn., M.Si., M.A.P."
    )
    pdf = render_pdf(_signed_by(longest))
    placed = runs(pdf)
    titles = next(r for r in placed if "S.H.," in r.text)
    assert titles.text.endswith("S.H., M.Kn., M.Si., M.A.P.")  # the titles on one line


def test_the_signature_space_lies_in_the_grown_column() -> None:
    """A visible electronic stamp goes over the signature space: with a long name the column
    is wider than half the page and the space follows it."""
    signer = dataclasses.replace(
        make_undangan().signature or SignatureBlock("", ""),
        name=LONG_NAME,
        signed_note="Ditandatangani secara elektronik",
    )
    pdf, spaces = render_signable_pdf(dataclasses.replace(make_undangan(), signature=signer))
    name = run_starting(runs(pdf), "Dr. Yohanes")
    (space,) = spaces
    assert space.x <= name.x + 1
    left_margin, content = 30 * MM, (215 - 30 - 20) * MM
    assert space.x < left_margin + content / 2  # grown leftwards past the middle
    assert space.x + space.width == pytest.approx(left_margin + content, abs=1)
