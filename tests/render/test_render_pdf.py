"""The PDF a letter becomes: read back with pypdf, as an archive or a recipient would."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter
from render_samples import HAL, NIP, NUMBER, make_surat_tugas, make_undangan

from desktop.render import page_count, print_document, render_pdf
from desktop.render.document import LetterDocument, PaperSize

MM = 72 / 25.4


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # Qt places words one by one; pypdf joins them with tabs or newlines.
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def undangan_pdf() -> bytes:
    return render_pdf(make_undangan())


def test_correspondence_letter_text(undangan_pdf: bytes) -> None:
    text = _text(undangan_pdf)
    for expected in (
        "PEMERINTAH KABUPATEN SUKAMAJU",
        "KECAMATAN SUKAMAJU",
        "Sukamaju, 3 Maret 2026",
        NUMBER,
        HAL,
        "1 (satu) berkas",
        "Yth.",
        "Kepala Desa Tanjung Harapan",
        "Tempat",
        "Aula Kantor Camat Sukamaju",  # the body's table
        "Data pendukung lainnya.",  # the body's numbered list
        "a.n. Camat Sukamaju",
        "Andi Baso Mappaturung",
        f"NIP. {NIP}",
        "Tembusan:",
        "Bupati Sukamaju (sebagai laporan)",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    ("paper", "width_pt", "height_pt"),
    [(PaperSize.F4, 609.45, 935.43), (PaperSize.A4, 595.28, 841.89)],
)
def test_media_box_is_the_exact_paper(paper: PaperSize, width_pt: float, height_pt: float) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(make_undangan(paper))))
    for page in reader.pages:
        box = page.mediabox
        assert float(box.left) == 0 and float(box.bottom) == 0
        assert float(box.width) == pytest.approx(width_pt, abs=0.1)
        assert float(box.height) == pytest.approx(height_pt, abs=0.1)


def _font_descriptor(font: DictionaryObject) -> DictionaryObject:
    if font["/Subtype"] == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"].get_object()


def test_every_font_is_embedded(undangan_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(undangan_pdf))
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = _font_descriptor(font.get_object())
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys())
            seen += 1
    assert seen >= 2  # regular and bold at least


def test_pdfa_1b_identification_and_metadata(undangan_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(undangan_pdf))
    catalog = reader.trailer["/Root"]
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    # Qt writes the identification in attribute form: pdfaid:part="1" pdfaid:conformance="B".
    assert re.search(r"pdfaid:part(=\"1\"|>1</pdfaid:part>)", xmp)
    assert re.search(r"pdfaid:conformance(=\"B\"|>B</pdfaid:conformance>)", xmp)
    assert "/OutputIntents" in catalog  # PDF/A needs the sRGB output intent
    info = reader.metadata
    assert info is not None
    assert info.get("/Creator") == "Naskah"
    assert NUMBER in str(info.get("/Title"))


def test_titled_letter() -> None:
    text = _text(render_pdf(make_surat_tugas()))
    assert "SURAT TUGAS" in text
    assert "NOMOR: 800.1.11.1/021/Kec.SKM/2026" in text
    assert "Sukamaju, 5 Maret 2026" in text
    assert "Dokumen ini ditandatangani secara elektronik." in text  # the footer note
    assert "Lampiran" not in text


def _long_letter() -> LetterDocument:
    paragraph = (
        "<p>Sehubungan dengan pelaksanaan kegiatan pembangunan di wilayah kecamatan, dengan ini "
        "kami sampaikan hal-hal yang perlu mendapat perhatian Saudara sebagai berikut.</p>"
    )
    return dataclasses.replace(make_undangan(), body_html=paragraph * 40)


def test_long_body_runs_over_several_pages() -> None:
    doc = _long_letter()
    pdf = render_pdf(doc)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    assert len(reader.pages) == page_count(doc)
    # The signature and tembusan end up on the last page, the kop only on the first.
    assert "Tembusan:" in reader.pages[-1].extract_text()
    assert "KECAMATAN" not in reader.pages[-1].extract_text()
    for page in reader.pages:
        assert float(page.mediabox.height) == pytest.approx(330 * MM, abs=0.1)


def test_short_letter_is_one_page() -> None:
    assert page_count(make_undangan()) == 1


@pytest.mark.parametrize("logo", [b"not an image at all", b"\x89PNG\r\n\x1a\n broken", b""])
def test_bad_logo_renders_without_it(logo: bytes) -> None:
    doc = make_undangan(logo=logo)
    assert doc.letterhead.logo_png == logo
    text = _text(render_pdf(doc))
    assert "KECAMATAN SUKAMAJU" in text


def test_draft_renders_blank_date_and_watermark() -> None:
    doc = dataclasses.replace(make_undangan(), letter_date=None, number="", draft_watermark=True)
    text = _text(render_pdf(doc))
    assert "Sukamaju, ..........." in text
    assert "KONSEP" in text
    assert NUMBER not in text


def test_print_document_on_a_pdf_writer_matches_render_pdf() -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    doc = _long_letter()
    print_document(doc, writer)
    buffer.close()
    reader = PdfReader(io.BytesIO(bytes(buffer.data().data())))
    assert len(reader.pages) == page_count(doc)
    assert "Tembusan:" in reader.pages[-1].extract_text()


def test_unicode_and_markup_in_user_text_survive() -> None:
    doc = dataclasses.replace(make_undangan(), hal="Rapat <Evaluasi> & Pembinaan – Tahap II")
    assert "Rapat <Evaluasi> & Pembinaan – Tahap II" in _text(render_pdf(doc))


def test_command_line_use_creates_its_own_gui_application(tmp_path: Path) -> None:
    """A CLI (no Qt application yet) can render: the renderer makes the QGuiApplication."""
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from render_samples import make_undangan\n"
        "from desktop.render import render_pdf\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None\n"
        "sys.stdout.buffer.write(render_pdf(make_undangan())[:8])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout.startswith(b"%PDF-1.4")


def test_print_document_on_a_qprinter(tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "cetak.pdf"
    printer.setOutputFileName(str(target))
    doc = _long_letter()
    print_document(doc, printer)
    reader = PdfReader(str(target))
    assert len(reader.pages) == page_count(doc)
    assert NUMBER in reader.pages[0].extract_text()
    # Qt's own PDF output rounds the page to whole points; the size is still F4, not Folio.
    assert float(reader.pages[0].mediabox.width) == pytest.approx(215 * MM, abs=1)
    assert float(reader.pages[0].mediabox.height) == pytest.approx(330 * MM, abs=1)


def test_rendering_off_the_gui_thread() -> None:
    """Long work runs in worker threads; the renderer must work there too."""
    results: list[bytes] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(render_pdf(make_surat_tugas()))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=work) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert not errors
    assert len(results) == 2
    assert all("SURAT TUGAS" in _text(pdf) for pdf in results)
