"""Sample letters as a kecamatan office would write them, for the renderer tests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QBuffer, QIODevice, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPolygonF

from desktop.render.document import (
    Addressee,
    Layout,
    LetterDocument,
    Letterhead,
    PaperSize,
    SignatureBlock,
)

NIP = "198003152005011002"
NUMBER = "400.10.2.2/017/Kec.SKM/2026"
HAL = "Undangan Rapat Koordinasi Musrenbang"

# What QTextEdit.toHtml() produces: a whole document whose <head> style and <body> font must not
# leak into the letter.
UNDANGAN_BODY = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n'
    '<html><head><meta name="qrichtext" content="1" /><style type="text/css">\n'
    "p, li { white-space: pre-wrap; }\n"
    "</style></head><body style=\" font-family:'Sans Serif'; font-size:9pt;\">\n"
    '<p style="margin-top:0px; margin-bottom:6px; text-indent:40px;">Dalam rangka penyusunan '
    "Rencana Kerja Pemerintah Daerah Tahun 2027, dengan hormat kami mengundang Saudara untuk "
    "hadir pada:</p>\n"
    '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;">\n'
    "<tr><td>Hari/tanggal</td><td>Kamis, 12 Maret 2026</td></tr>\n"
    "<tr><td>Waktu</td><td>09.00 WITA s.d. selesai</td></tr>\n"
    "<tr><td>Tempat</td><td>Aula Kantor Camat Sukamaju</td></tr>\n"
    "</table>\n"
    '<p style="margin-top:6px; margin-bottom:0px;">Para undangan diminta membawa:</p>\n'
    '<ol style="margin-top:0px; margin-bottom:0px;">\n'
    "<li>Daftar usulan kegiatan desa;</li>\n"
    "<li>Berita acara musyawarah desa;</li>\n"
    "<li>Data pendukung lainnya.</li></ol>\n"
    '<p style="margin-top:6px; margin-bottom:0px; text-indent:40px;">Demikian undangan ini '
    "disampaikan, atas perhatian dan kehadirannya diucapkan terima kasih.</p>\n"
    "</body></html>"
)


def make_logo_png() -> bytes:
    """A stand-in regional emblem: a green shield with a yellow star, with transparency."""
    image = QImage(240, 300, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QBrush(QColor(20, 110, 50)))
    painter.setPen(QColor(10, 60, 20))
    shield = QPolygonF(
        [QPointF(10, 10), QPointF(230, 10), QPointF(230, 180), QPointF(120, 290), QPointF(10, 180)]
    )
    painter.drawPolygon(shield)
    painter.setBrush(QBrush(QColor(240, 200, 30)))
    star = QPolygonF(
        [
            QPointF(120, 40),
            QPointF(140, 100),
            QPointF(200, 100),
            QPointF(150, 135),
            QPointF(170, 195),
            QPointF(120, 160),
            QPointF(70, 195),
            QPointF(90, 135),
            QPointF(40, 100),
            QPointF(100, 100),
        ]
    )
    painter.drawPolygon(star)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def make_letterhead(logo: bytes | None = None) -> Letterhead:
    return Letterhead(
        kabupaten="Sukamaju",
        kecamatan="Sukamaju",
        address="Jalan Poros Trans Sulawesi Nomor 12, Sukamaju, Kode Pos 91352",
        phone="(0473) 21045",
        email="kec.sukamaju@sukamajukab.go.id",
        website="kecsukamaju.sukamajukab.go.id",
        logo_png=logo,
    )


def make_undangan(paper: PaperSize = PaperSize.F4, logo: bytes | None = None) -> LetterDocument:
    return LetterDocument(
        letterhead=make_letterhead(logo if logo is not None else make_logo_png()),
        layout=Layout.CORRESPONDENCE,
        title="Surat Undangan",
        place="Sukamaju",
        letter_date=date(2026, 3, 3),
        number=NUMBER,
        sifat="Biasa",
        lampiran="1 (satu) berkas",
        hal=HAL,
        addressees=[
            Addressee("Kepala Desa Sukamaju", "Sukamaju"),
            Addressee("Kepala Desa Tanjung Harapan", "Tanjung Harapan"),
        ],
        body_html=UNDANGAN_BODY,
        signature=SignatureBlock(
            position="Sekretaris Kecamatan",
            name="Andi Baso Mappaturung, S.STP., M.Si.",
            pangkat="Pembina (IV/a)",
            nip=NIP,
            capacity="a.n.",
            on_behalf_of="Camat Sukamaju",
        ),
        tembusan=["Bupati Sukamaju (sebagai laporan)", "Arsip"],
        paper=paper,
    )


def make_surat_tugas() -> LetterDocument:
    return LetterDocument(
        letterhead=make_letterhead(make_logo_png()),
        layout=Layout.TITLED,
        title="Surat Tugas",
        place="Sukamaju",
        letter_date=date(2026, 3, 5),
        number="800.1.11.1/021/Kec.SKM/2026",
        body_html=(
            "<p>Yang bertanda tangan di bawah ini Camat Sukamaju menugaskan:</p>"
            "<table cellpadding='2'><tr><td>Nama</td><td>:</td><td>Siti Rahmawati, S.Sos.</td></tr>"
            "<tr><td>NIP</td><td>:</td><td>199001012015032001</td></tr></table>"
            "<p>untuk menghadiri Rapat Koordinasi di Kantor Bupati Sukamaju.</p>"
        ),
        signature=SignatureBlock(
            position="Camat Sukamaju",
            name="Drs. La Ode Hamzah",
            pangkat="Pembina Tingkat I (IV/b)",
            nip="197205101998031004",
        ),
        footer_note="Dokumen ini ditandatangani secara elektronik.",
    )
