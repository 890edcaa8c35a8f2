"""The rich text the letter is laid out from: order, wording and escaping."""

import dataclasses

from render_samples import HAL, NIP, NUMBER, make_surat_tugas, make_undangan

from desktop.render.document import Addressee, Layout, SignatureBlock
from desktop.render.html import BLANK_DATE, Metrics, build_letter_html, date_line, extract_body

METRICS = Metrics(px_per_mm=96 / 25.4, logo_height_px=94, logo_width_px=76)


def _order(html: str, *needles: str) -> list[int]:
    positions = [html.find(n) for n in needles]
    assert all(p >= 0 for p in positions), dict(zip(needles, positions, strict=True))
    return positions


def test_correspondence_parts_come_in_order() -> None:
    html = build_letter_html(make_undangan(), METRICS)
    positions = _order(
        html,
        "PEMERINTAH KABUPATEN SUKAMAJU",
        "KECAMATAN SUKAMAJU",
        "Sukamaju, 3 Maret 2026",
        "Nomor</td>",
        NUMBER,
        "Lampiran",
        HAL,
        "Yth.",
        "Kepala Desa Tanjung Harapan",
        ">di<",
        "Dalam rangka",
        "a.n. Camat Sukamaju",
        "Sekretaris Kecamatan,",
        f"NIP. {NIP}",
        "Tembusan:",
        "Bupati Sukamaju (sebagai laporan)",
    )
    assert positions == sorted(positions)


def test_body_of_a_full_html_document_is_inserted_without_its_head() -> None:
    html = build_letter_html(make_undangan(), METRICS)
    assert "Sans Serif" not in html  # the editor's body font must not override the letter font
    assert html.count("<body") == 1
    assert "<ol" in html and "Data pendukung lainnya." in html


def test_extract_body() -> None:
    full = "<html><head><title>x</title></head><body a='1'>\n<p>hi</p></body></html>"
    assert extract_body(full) == "\n<p>hi</p>"
    assert extract_body("<p>fragment</p>") == "<p>fragment</p>"


def test_user_text_is_escaped_but_body_is_not() -> None:
    doc = dataclasses.replace(
        make_undangan(),
        hal="Rapat <b>penting</b> & mendesak",
        addressees=[Addressee("Kepala <Desa>", "Sukamaju")],
        body_html="<p><b>tebal</b></p>",
    )
    html = build_letter_html(doc, METRICS)
    assert "Rapat &lt;b&gt;penting&lt;/b&gt; &amp; mendesak" in html
    assert "Kepala &lt;Desa&gt;" in html
    assert "<p><b>tebal</b></p>" in html


def test_draft_has_blank_date_and_no_number() -> None:
    doc = dataclasses.replace(make_undangan(), letter_date=None, number="")
    assert date_line(doc) == f"Sukamaju, {BLANK_DATE}"
    html = build_letter_html(doc, METRICS)
    assert NUMBER not in html
    assert f"Sukamaju, {BLANK_DATE}" in html


def test_single_addressee_reads_yth_name_then_di_place() -> None:
    doc = dataclasses.replace(
        make_undangan(), addressees=[Addressee("Kepala Desa Sukamaju", "Sukamaju")]
    )
    html = build_letter_html(doc, METRICS)
    positions = _order(html, "Yth. Kepala Desa Sukamaju", ">di<", ">Sukamaju</p>")
    assert positions == sorted(positions)


def test_acting_official_prefix() -> None:
    for capacity in ("Plt.", "Plh."):
        sig = SignatureBlock(position="Camat Sukamaju", name="Budi", nip=NIP, capacity=capacity)
        html = build_letter_html(dataclasses.replace(make_undangan(), signature=sig), METRICS)
        assert f"{capacity} Camat Sukamaju," in html
        assert "a.n." not in html


def test_titled_layout_has_title_and_number_but_no_hal_block() -> None:
    doc = make_surat_tugas()
    assert doc.layout is Layout.TITLED
    html = build_letter_html(doc, METRICS)
    positions = _order(
        html, "SURAT TUGAS", "NOMOR: 800.1.11.1/021/Kec.SKM/2026", "Sukamaju, 5 Maret 2026"
    )
    assert positions == sorted(positions)
    assert "Lampiran" not in html and "Yth." not in html


def test_no_logo_means_no_image() -> None:
    no_logo = Metrics(px_per_mm=3.78, logo_height_px=0, logo_width_px=0)
    html = build_letter_html(make_undangan(), no_logo)
    assert "<img" not in html
