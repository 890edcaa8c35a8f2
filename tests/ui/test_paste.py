"""A clerk pastes from Word into a letter's body: the structure stays, the letter stays official.

The clipboard sample (tests/data/word-2016-clipboard.html) is HTML as Word 2016+ puts it on the
Windows clipboard: Calibri/Times New Roman/Bookman/Courier text, 14 pt red on yellow, list
paragraphs with typed markers, a "Table Grid" table and an image in Word's temporary folder.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtGui import QTextDocument, QTextTable

from desktop.letters import drafting
from desktop.render.fonts import font_family
from desktop.render.pdf import render_pdf
from desktop.store.blobs import BlobStore
from desktop.ui.editor_page import EditorPage
from desktop.ui.qt import QApplication, QColor, QImage, QMimeData, Qt, QTextCursor, QUrl
from tests.conftest import Office
from tests.ui.driver import Driver

WORD_HTML = (Path(__file__).resolve().parents[1] / "data" / "word-2016-clipboard.html").read_text(
    encoding="utf-8"
)
HAL = "Pendataan Nelayan"
# Where Word keeps the pasted picture while it holds the clipboard (and deletes it after).
WORD_IMAGE = "file:///C:/Users/KASUBA~1/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png"


def paste(driver: Driver, page: EditorPage, mime: QMimeData) -> None:
    """Put ``mime`` on the clipboard, empty the body (Ctrl+A, Backspace) and press Ctrl+V."""
    QApplication.clipboard().setMimeData(mime)
    body = page.editor.body.text
    driver.clear(body)
    driver.qtbot.keyClick(body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def word_clipboard(temp: Path | None) -> QMimeData:
    """Word's clipboard; with ``temp``, Word is still open and its picture in ``temp``."""
    html = WORD_HTML
    assert WORD_IMAGE in html
    if temp is not None:
        picture = temp / "msohtmlclip1" / "01" / "clip_image002.png"
        picture.parent.mkdir(parents=True)
        image = QImage(160, 80, QImage.Format.Format_ARGB32)
        image.fill(QColor(0, 90, 160, 128))  # half transparent, as logos often are
        assert image.save(str(picture), "PNG")
        html = html.replace(WORD_IMAGE, picture.as_uri())
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("Dalam rangka pelaksanaan pendataan nelayan tahun 2026 ...")
    return mime


def stored_body(office_staff: Office, page: EditorPage, driver: Driver) -> str:
    page.editor.save_now()
    driver.wait_idle()
    return drafting.get_letter(office_staff.store, office_staff.drafter, page.letter.id).body_html


def pasted_letter(
    driver: Driver, office_staff: Office, temp: Path | None
) -> tuple[EditorPage, str]:
    driver.log_in(office_staff.store, office_staff.drafter)
    page = driver.new_letter("Surat Dinas")
    driver.type_into(page.editor.hal, HAL)
    paste(driver, page, word_clipboard(temp))
    return page, stored_body(office_staff, page, driver)


def test_word_paste_keeps_the_structure_and_drops_the_formatting(
    driver: Driver, office_staff: Office, tmp_path: Path
) -> None:
    page, html = pasted_letter(driver, office_staff, tmp_path)

    # The picture is copied into the office's files; the body names the copy, not Word's.
    assert "file:" not in html and "msohtmlclip" not in html
    digests = re.findall(r'<img src="naskah-gambar:([0-9a-f]{64})"', html)
    assert len(digests) == 1
    picture = tmp_path / "msohtmlclip1" / "01" / "clip_image002.png"
    assert BlobStore(office_staff.store.blob_dir).get(digests[0]) == picture.read_bytes()
    picture.unlink()  # Word closes and empties its folder: the letter still shows the picture
    document = page.editor.body.text.document()
    shown = document.resource(QTextDocument.ResourceType.ImageResource.value,
                              QUrl("naskah-gambar:" + digests[0]))  # fmt: skip
    assert isinstance(shown, QImage) and shown.width() == 160

    # What the regulations fix is gone...
    for gone in ("Times New Roman", "Bookman", "Courier", "Calibri", "Symbol", "background",
                 "font-size:14", "line-height", "MsoNormal", "mso-", "#ff0000"):  # fmt: skip
        assert gone not in html, gone
    assert not re.search(r"[\s;\"]color\s*:", html)  # border-color is the grid's
    # ...the typed list markers too: the lists are real lists.
    text = page.editor.body.plain_text()
    assert "·" not in text and "1.\xa0" not in text and "a.\xa0" not in text
    document = QTextDocument()
    document.setHtml(html)
    lists = _lists(document)
    assert [(style, items) for style, items in lists] == [
        ("decimal", ["Pendataan dilaksanakan oleh petugas kecamatan;",
                     "Hasil pendataan dilaporkan paling lambat 31 Desember 2026."]),
        ("lower-alpha", ["di kampung pesisir;"]),
        ("disc", ["Formulir pendataan", "Daftar hadir petugas"]),
    ]  # fmt: skip
    nested = _block_with(document, "di kampung pesisir;")
    assert (
        nested.textList().format().indent()
        > _block_with(document, "Hasil pendataan").textList().format().indent()
    )

    # ...bold, italic, underline and alignment stay.
    assert _format_of(document, "pendataan nelayan").fontWeight() >= 700
    assert _format_of(document, "sebagai berikut").fontItalic()
    assert _format_of(document, "31 Desember 2026").fontUnderline()
    assert _block_with(document, "JADWAL PENDATAAN").blockFormat().alignment() & (
        Qt.AlignmentFlag.AlignHCenter
    )
    assert _block_with(document, "Dalam rangka").blockFormat().alignment() & (
        Qt.AlignmentFlag.AlignJustify
    )
    # The table keeps its grid.
    table = _first_table(document)
    assert (table.rows(), table.columns()) == (2, 2)
    assert table.format().border() >= 1
    assert table.format().borderStyle() == table.format().BorderStyle.BorderStyle_Solid


def test_the_pasted_letter_prints_in_the_office_font_with_the_table_grid(
    driver: Driver, office_staff: Office, tmp_path: Path
) -> None:
    page, html = pasted_letter(driver, office_staff, tmp_path)
    pdf = render_pdf(page.document())
    assert b"file:" not in pdf and b"msohtmlclip" not in pdf
    pictures = _pdf_images(pdf)
    assert len(pictures) == 2  # the kop's logo and the pasted picture
    assert not [p for p in pictures if "/SMask" in p]  # on white: PDF/A-1 has no transparency
    fonts = _pdf_fonts(pdf)
    family = font_family().replace(" ", "")
    assert fonts and all(family in name for name in fonts), fonts
    if shutil.which("pdffonts"):  # poppler's view of the same file, where it is installed
        target = tmp_path / "tempel.pdf"
        target.write_bytes(pdf)
        listed = subprocess.run(
            ["pdffonts", str(target)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listed and all(
            line.split()[0].split("+")[-1].startswith(family) for line in listed
        ), listed
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Kampung Sinakma" in text and "JADWAL PENDATAAN" in text
    # The grid: the same letter with the table's border taken away draws fewer lines.
    without = page.document()
    no_grid = html.replace('border="1"', 'border="0"')
    no_grid = re.sub(r"border-style:\s*solid", "border-style:none", no_grid)
    assert no_grid != html
    plain = render_pdf(_with_body(without, no_grid))
    assert _drawn_rects(pdf) >= _drawn_rects(plain) + 4  # at least the 2x2 grid's cells


def test_copying_within_the_letter_keeps_the_structure(
    driver: Driver, office_staff: Office, tmp_path: Path
) -> None:
    page, html = pasted_letter(driver, office_staff, tmp_path)
    before = QTextDocument()
    before.setHtml(html)
    body = page.editor.body.text
    driver.press(body, Qt.Key.Key_End)
    driver.qtbot.keyClick(body, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    driver.qtbot.keyClick(body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    driver.qtbot.keyClick(body, Qt.Key.Key_Delete)
    assert page.editor.body.plain_text() == ""
    driver.qtbot.keyClick(body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    after = QTextDocument()
    after.setHtml(stored_body(office_staff, page, driver))
    assert _lists(after) == _lists(before)
    assert (_first_table(after).rows(), _first_table(after).columns()) == (2, 2)
    assert _first_table(after).format().border() >= 1
    assert after.toPlainText().strip() == before.toPlainText().strip()
    assert "naskah-gambar:" in after.toHtml()  # the picture is the office's copy still


def test_plain_text_paste_keeps_its_paragraphs(driver: Driver, office_staff: Office) -> None:
    driver.log_in(office_staff.store, office_staff.drafter)
    page = driver.new_letter("Surat Dinas")
    mime = QMimeData()
    mime.setText("Paragraf pertama.\r\nParagraf kedua.\r\n\r\nParagraf ketiga.\vBaris baru.")
    paste(driver, page, mime)
    html = stored_body(office_staff, page, driver)
    document = QTextDocument()
    document.setHtml(html)
    blocks = [b.text() for b in _blocks(document)]
    assert blocks == ["Paragraf pertama.", "Paragraf kedua.", "", "Paragraf ketiga.", "Baris baru."]


def test_a_picture_that_word_already_deleted_is_refused_with_a_message(
    driver: Driver, office_staff: Office, messages: Any
) -> None:
    page, html = pasted_letter(driver, office_staff, None)
    assert len(messages.shown) == 1
    assert "clip_image002.png tidak ada lagi" in messages.texts[0]
    assert "<img" not in html and "file:" not in html
    assert "Demikian disampaikan" in page.editor.body.plain_text()  # the rest is pasted


def test_a_picture_alone_on_the_clipboard_is_kept(driver: Driver, office_staff: Office) -> None:
    driver.log_in(office_staff.store, office_staff.drafter)
    page = driver.new_letter("Surat Dinas")
    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    mime = QMimeData()
    mime.setImageData(image)
    paste(driver, page, mime)
    html = stored_body(office_staff, page, driver)
    digests = re.findall(r'<img src="naskah-gambar:([0-9a-f]{64})"', html)
    assert len(digests) == 1
    kept = QImage.fromData(BlobStore(office_staff.store.blob_dir).get(digests[0]))
    assert (kept.width(), kept.height()) == (20, 10)


def test_what_is_not_an_image_is_refused(
    driver: Driver, office_staff: Office, messages: Any
) -> None:
    driver.log_in(office_staff.store, office_staff.drafter)
    page = driver.new_letter("Surat Dinas")
    mime = QMimeData()
    mime.setHtml(
        '<p>Lihat <img src="data:image/png;base64,bm90IGFuIGltYWdl"> dan '
        '<img src="https://contoh.go.id/peta.png"> di sini.</p>'
    )
    paste(driver, page, mime)
    assert len(messages.shown) == 1
    text = messages.texts[0]
    assert "PNG, JPEG, GIF atau BMP" in text and "tanpa internet" in text
    assert page.editor.body.plain_text().split() == ["Lihat", "dan", "di", "sini."]


# -- reading documents back ------------------------------------------------------------------


def _blocks(document: QTextDocument) -> list[Any]:
    out, block = [], document.begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def _block_with(document: QTextDocument, text: str) -> Any:
    found = [b for b in _blocks(document) if text in b.text()]
    assert found, f"no paragraph with {text!r}"
    return found[0]


def _format_of(document: QTextDocument, text: str) -> Any:
    cursor = document.find(text)
    assert not cursor.isNull(), text
    probe = QTextCursor(document)
    probe.setPosition(cursor.selectionStart() + 1)
    return probe.charFormat()


_STYLES = {1: "disc", 2: "circle", 3: "square", 4: "decimal", 5: "lower-alpha", 6: "upper-alpha",
           7: "lower-roman", 8: "upper-roman"}  # fmt: skip


def _lists(document: QTextDocument) -> list[tuple[str, list[str]]]:
    seen: list[Any] = []
    for block in _blocks(document):
        if block.textList() is not None and block.textList() not in seen:
            seen.append(block.textList())
    out = []
    for text_list in seen:
        style = _STYLES[abs(text_list.format().style().value)]
        out.append((style, [text_list.item(i).text() for i in range(text_list.count())]))
    return out


def _first_table(document: QTextDocument) -> QTextTable:
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            return frame
    raise AssertionError("no table in the pasted body")


def _pdf_fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object()["/BaseFont"]).lstrip("/"))
    return names


def _pdf_images(pdf: bytes) -> list[Any]:
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        objects = page.get("/Resources", {}).get_object().get("/XObject", {}).get_object()
        found += [
            o.get_object() for o in objects.values() if o.get_object()["/Subtype"] == "/Image"
        ]
    return found


def _drawn_rects(pdf: bytes) -> int:
    data = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages)
    return len(re.findall(rb"\bre\b", data))


def _with_body(document: Any, body_html: str) -> Any:
    from dataclasses import replace

    return replace(document, body_html=body_html)
