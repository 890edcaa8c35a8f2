"""The printed disposition sheet (lembar disposisi): half folio, the kop, the letter's fields,
the positions and instructions as tick lists, the note, and the disposition tree written out.

``DispositionSheet`` is plain data (``desktop.letters.disposition.sheet`` fills it; a blank
sheet for a paper letter leaves the fields empty). ``sheet_pdf`` renders it to PDF bytes and
``print_sheet`` to a printer, through the same rich-text document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QTextDocument

from desktop.render.document import Letterhead
from desktop.render.fonts import font_family
from desktop.render.html_pdf import html_pdf

HALF_FOLIO_MM = (215.0, 165.0)  # an F4 sheet cut in two
MARGIN_MM = 10.0
TICK, EMPTY = "☑", "☐"


@dataclass
class DispositionSheet:
    letterhead: Letterhead
    sender: str = ""
    sender_number: str = ""
    sender_date: str = ""
    received_date: str = ""
    agenda_number: str = ""
    sifat: str = ""
    urgency: str = ""
    hal: str = ""
    positions: list[str] = field(default_factory=list)  # the tick list "Diteruskan kepada"
    positions_ticked: set[str] = field(default_factory=set)
    instructions: list[str] = field(default_factory=list)
    instructions_ticked: set[str] = field(default_factory=set)
    other_instruction: str = ""
    note: str = ""
    due_date: str = ""
    tree: list[str] = field(default_factory=list)  # "1. Camat -> Kepala Seksi: ..." lines
    signed_by: str = ""  # who wrote the first disposition, and when
    signed_on: str = ""


def page_size() -> QPageSize:
    width, height = HALF_FOLIO_MM
    return QPageSize(
        QSizeF(width, height), QPageSize.Unit.Millimeter, "Setengah F4",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )  # fmt: skip


def _e(text: str) -> str:
    return escape(text) if text else "&nbsp;"


def _ticks(items: list[str], ticked: set[str], columns: int = 2) -> str:
    cells = [f"{TICK if item in ticked else EMPTY} {_e(item)}" for item in items] or ["&nbsp;"]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    return "".join(
        "<tr>" + "".join(f'<td width="{100 // columns}%">{c}</td>' for c in row) + "</tr>"
        for row in rows
    )


def sheet_html(sheet: DispositionSheet) -> str:
    head = sheet.letterhead
    cell = 'style="border: 1px solid #000; padding: 3px;"'
    fields = [
        ("Surat dari", sheet.sender, "Diterima tanggal", sheet.received_date),
        ("Nomor surat", sheet.sender_number, "Nomor agenda", sheet.agenda_number),
        ("Tanggal surat", sheet.sender_date, "Sifat", " / ".join(
            t for t in (sheet.sifat, sheet.urgency) if t)),
    ]  # fmt: skip
    rows = "".join(
        f"<tr><td {cell} width='18%'>{a}</td><td {cell} width='32%'>{_e(b)}</td>"
        f"<td {cell} width='18%'>{c}</td><td {cell} width='32%'>{_e(d)}</td></tr>"
        for a, b, c, d in fields
    )
    rows += f"<tr><td {cell}>Hal</td><td {cell} colspan='3'>{_e(sheet.hal)}</td></tr>"
    tree = "".join(f"<p style='margin:0'>{escape(line)}</p>" for line in sheet.tree)
    kabupaten, kecamatan = _e(head.kabupaten.upper()), _e(head.kecamatan.upper())
    initials = f"Paraf: {_e(sheet.signed_by)} &nbsp; Tanggal: {_e(sheet.signed_on)}"
    return f"""
<html><body style="font-family:'{font_family()}'; font-size:8.5pt;">
<p align="center" style="margin:0; font-size:9.5pt;">PEMERINTAH KABUPATEN {kabupaten}</p>
<p align="center" style="margin:0; font-size:11pt;"><b>KECAMATAN {kecamatan}</b></p>
<p align="center" style="margin:0; font-size:7.5pt;">{_e(head.address)}</p>
<hr/>
<p align="center" style="margin:2px; font-size:11pt;"><b>LEMBAR DISPOSISI</b></p>
<table width="100%" cellspacing="0" cellpadding="2" style="border-collapse:collapse;">{rows}</table>
<table width="100%" cellspacing="0" cellpadding="2" style="margin-top:4px;">
<tr><td width="50%" valign="top"><b>Diteruskan kepada:</b>
<table width="100%">{_ticks(sheet.positions, sheet.positions_ticked, 1)}</table></td>
<td width="50%" valign="top"><b>Instruksi:</b>
<table width="100%">{_ticks(sheet.instructions, sheet.instructions_ticked, 1)}</table>
<p style="margin:0">Lainnya: {_e(sheet.other_instruction)}</p></td></tr></table>
<p style="margin:2px 0 0 0"><b>Catatan:</b> {_e(sheet.note)}</p>
<p style="margin:0"><b>Batas waktu:</b> {_e(sheet.due_date)}</p>
{"<p style='margin:4px 0 0 0'><b>Alur disposisi:</b></p>" + tree if tree else ""}
<p align="right" style="margin-top:6px">{initials}</p>
</body></html>"""


def _document(sheet: DispositionSheet, device: QPagedPaintDevice) -> QTextDocument:
    device.setPageSize(page_size())
    device.setPageMargins(QMarginsF(*(MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter)
    doc = QTextDocument()
    doc.setHtml(sheet_html(sheet))
    return doc


def sheet_pdf(sheet: DispositionSheet) -> bytes:
    """The sheet as PDF bytes (half folio; more pages when the tree is long)."""
    return html_pdf(sheet_html(sheet), "Lembar Disposisi", page_size(), (MARGIN_MM,) * 4)


def print_sheet(sheet: DispositionSheet, printer: QPagedPaintDevice) -> None:
    _document(sheet, printer).print_(printer)
