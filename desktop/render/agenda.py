"""Agenda books (buku agenda) written out: a landscape PDF in the office's kop, .xlsx and .csv.

``AgendaBook`` is plain data: the columns and an iterable of rows that the letters layer
streams from SQL. Each writer consumes the rows once, in order, and keeps only the row it is
drawing, so a year of 20,000 letters costs what one page costs (``bench/registers_bench.py``).

- PDF: drawn with QPainter on a QPdfWriter writing straight to the file (no QTextDocument: a
  table of 20,000 rows laid out as rich text takes minutes and holds every row). The kop and the
  title open the first page; the column header row is drawn again at the top of every page.
- .xlsx: XlsxWriter in constant-memory mode (rows go to the file as they come), column widths,
  the header row frozen and repeated when printed, an auto-filter, dates as real dates.
- .csv: UTF-8 with a byte-order mark and ``;`` between fields: see ``write_csv``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from desktop.render.document import PAPER_MM, Letterhead, PaperSize

Cell = str | int | date | None


class ColumnKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # in characters: the .xlsx width, and the share of the PDF's table width
    kind: ColumnKind = ColumnKind.TEXT


@dataclass
class AgendaBook:
    letterhead: Letterhead
    title: str  # "BUKU AGENDA SURAT MASUK"
    period: str  # "1 Januari 2026 s.d. 31 Desember 2026"
    sheet_name: str  # the .xlsx sheet (at most 31 characters)
    columns: tuple[Column, ...]
    rows: Iterable[Sequence[Cell]]  # consumed once
    page_label: str = "Halaman {page}"
    empty_text: str = "Tidak ada surat pada periode ini."


def date_text(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return date_text(value)
    return str(value)


# --- PDF ---------------------------------------------------------------------------------------

PDF_DPI = 300
MARGIN_MM = 12.0
TABLE_PT = 8.0  # the table's font size
PAD_MM = 0.9  # inside a cell
MEASURED_TEXTS = 2000  # texts whose height is remembered, per column


def _landscape_size(paper: PaperSize) -> tuple[float, float]:
    width, height = PAPER_MM[paper]
    return height, width


def write_pdf(book: AgendaBook, path: Path, paper: PaperSize = PaperSize.F4) -> tuple[int, int]:
    """Write ``book`` as a landscape PDF at ``path``; return (rows, pages).

    The rows are drawn as they come; a row taller than a page (a very long hal) is cut at the
    page's foot rather than lost. Needs a Qt GUI application (``fonts.ensure_gui_app``).
    """
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QFontMetricsF,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QPen,
    )

    from desktop.render.fonts import font_family

    family = font_family()
    writer = QPdfWriter(str(path))
    writer.setCreator("Naskah")
    writer.setTitle(f"{book.title} {book.period}")
    writer.setResolution(PDF_DPI)
    width_mm, height_mm = _landscape_size(paper)
    size = QPageSize(
        QSizeF(width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        paper.value,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    writer.setPageSize(size)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    px = PDF_DPI / 25.4  # device pixels per millimetre
    left, top = MARGIN_MM * px, MARGIN_MM * px
    usable_w = (width_mm - 2 * MARGIN_MM) * px
    bottom = (height_mm - MARGIN_MM) * px - 5 * px  # room for the page number
    pad = PAD_MM * px

    def font(points: float, bold: bool = False) -> QFont:
        f = QFont(family)
        f.setPointSizeF(points)
        f.setBold(bold)
        return f

    body, header_font = font(TABLE_PT), font(TABLE_PT, bold=True)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        body_m = QFontMetricsF(body, writer)
        line_h = body_m.height()
        total = sum(c.width for c in book.columns)
        widths = [usable_w * c.width / total for c in book.columns]
        xs = [left + sum(widths[:i]) for i in range(len(widths))]
        wrap = (
            int(Qt.TextFlag.TextWordWrap)
            | int(Qt.AlignmentFlag.AlignLeft)
            | int(Qt.AlignmentFlag.AlignTop)
        )
        single = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
        thin = QPen(QColor("black"))
        thin.setWidthF(0.15 * px)
        painter.setPen(thin)

        def kop() -> float:
            head = book.letterhead
            y = top
            lines = [
                (f"PEMERINTAH KABUPATEN {head.kabupaten.upper()}", font(11)),
                (f"KECAMATAN {head.kecamatan.upper()}", font(13, bold=True)),
                (head.address, font(8)),
            ]
            if head.logo_png:
                from PySide6.QtGui import QImage

                image = QImage.fromData(head.logo_png)
                if not image.isNull():
                    h = 20 * px
                    w = h * image.width() / max(1, image.height())
                    painter.drawImage(QRectF(left, y, w, h), image)
            for text, f in lines:
                if not text:
                    continue
                painter.setFont(f)
                h = QFontMetricsF(f, writer).height()
                painter.drawText(
                    QRectF(left, y, usable_w, h), int(Qt.AlignmentFlag.AlignHCenter), text
                )
                y += h
            y += 1.5 * px
            rule = QPen(QColor("black"))
            rule.setWidthF(0.6 * px)
            painter.setPen(rule)
            painter.drawLine(
                QRectF(left, y, usable_w, 0).topLeft(), QRectF(left, y, usable_w, 0).topRight()
            )
            painter.setPen(thin)
            y += 3 * px
            for text, f in ((book.title, font(12, bold=True)), (book.period, font(9))):
                painter.setFont(f)
                h = QFontMetricsF(f, writer).height()
                painter.drawText(
                    QRectF(left, y, usable_w, h), int(Qt.AlignmentFlag.AlignHCenter), text
                )
                y += h
            return y + 2 * px

        head_m = QFontMetricsF(header_font, writer)
        header_h = (
            max(
                head_m.boundingRect(QRectF(0, 0, w - 2 * pad, 1e6), wrap, c.title).height()
                for c, w in zip(book.columns, widths, strict=True)
            )
            + 2 * pad
        )

        def header_row(y: float) -> float:
            painter.setFont(header_font)
            painter.fillRect(QRectF(left, y, usable_w, header_h), QColor(225, 225, 225))
            for c, x, w in zip(book.columns, xs, widths, strict=True):
                painter.drawRect(QRectF(x, y, w, header_h))
                painter.drawText(
                    QRectF(x + pad, y + pad, w - 2 * pad, header_h - 2 * pad),
                    int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                    c.title,
                )
            painter.setFont(body)
            return y + header_h

        page = 1

        def footer() -> None:
            painter.setFont(font(7))
            label = book.page_label.format(page=page)
            painter.drawText(
                QRectF(left, bottom + 1 * px, usable_w, 4 * px),
                int(Qt.AlignmentFlag.AlignRight),
                f"{book.title} {book.period} — {label}",
            )
            painter.setFont(body)

        def column_rules(y0: float, y1: float) -> None:
            """The table's vertical rules, drawn once a page is full (not once per row)."""
            for x in [*xs, left + usable_w]:
                painter.drawLine(QPointF(x, y0), QPointF(x, y1))

        y = header_row(kop())
        rows = 0
        ascent = body_m.ascent()
        # Dates and numbers are sized to fit their column: only text cells are measured, and
        # a cell that fits on one line is drawn at a point, without Qt's rectangle layout.
        may_wrap = [c.kind is ColumnKind.TEXT for c in book.columns]
        inners = [w - 2 * pad for w in widths]
        # Texts this short fit whatever their letters: no need to measure them.
        safe = [int(inner // body_m.maxWidth()) for inner in inners]
        cells = list(zip(xs, inners, may_wrap, safe, strict=True))
        # A book repeats its senders, addressees and dispositions thousands of times: each text
        # is measured once per column (Qt's measuring was a fifth of the time). A column of
        # texts that never repeat (the hal) stops adding at MEASURED_TEXTS: memory stays flat.
        measured: list[dict[str, float]] = [{} for _ in cells]

        def height(text: str, column: int) -> float:
            _x, inner, wraps, fits = cells[column]
            if not wraps or len(text) <= fits:
                return line_h
            known = measured[column].get(text)
            if known is None:
                if "\n" in text or body_m.horizontalAdvance(text) > inner:
                    known = body_m.boundingRect(QRectF(0, 0, inner, 1e6), wrap, text).height()
                else:
                    known = line_h
                if len(measured[column]) < MEASURED_TEXTS:
                    measured[column][text] = known
            return known

        table_top = y
        for row in book.rows:
            texts = [cell_text(v) for v in row]
            heights = [height(text, i) for i, text in enumerate(texts)]
            row_h = max(heights) + 2 * pad
            if y + row_h > bottom and y > top + header_h + 1:
                column_rules(table_top, y)
                footer()
                writer.newPage()
                page += 1
                y = table_top = header_row(top)
            row_h = min(row_h, bottom - y)
            painter.drawLine(QPointF(left, y + row_h), QPointF(left + usable_w, y + row_h))
            for text, (x, inner, _wraps, _fits), h in zip(texts, cells, heights, strict=True):
                if not text:
                    continue
                if h <= line_h:
                    painter.drawText(QPointF(x + pad, y + pad + ascent), text)
                else:
                    painter.drawText(QRectF(x + pad, y + pad, inner, row_h - 2 * pad), wrap, text)
            y += row_h
            rows += 1
        column_rules(table_top, y)
        if rows == 0:
            painter.drawText(QRectF(left, y + pad, usable_w, line_h * 2), single, book.empty_text)
        footer()
    finally:
        painter.end()
    return rows, page


# --- .xlsx --------------------------------------------------------------------------------------

XLSX_DATE_FORMAT = "DD/MM/YYYY"


def write_xlsx(book: AgendaBook, path: Path) -> int:
    """Write ``book`` as an .xlsx workbook at ``path``; return the number of rows.

    One sheet: the header in row 1 (frozen, bold, repeated on every printed page, with an
    auto-filter), one row per letter, dates as Excel dates shown dd/mm/yyyy. Text is always text:
    a hal that begins with "=" is never taken for a formula.

    Written by XlsxWriter in constant-memory mode: each row goes to the file as it comes, and a
    cell costs about a third of what openpyxl's write-only mode costs (the year's book of 20,000
    letters took 4 s of CPU there, over its 3 s target; ``docs/benchmarks.md``).
    """
    import xlsxwriter

    wb = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False},
    )
    try:
        wb.set_properties({"title": f"{book.title} {book.period}", "author": "Naskah"})
        ws = wb.add_worksheet(book.sheet_name[:31])
        for i, c in enumerate(book.columns):
            ws.set_column(i, i, c.width)
        ws.freeze_panes(1, 0)
        ws.repeat_rows(0)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        header = wb.add_format(
            {"bold": True, "bg_color": "#E1E1E1", "align": "center", "valign": "vcenter",
             "text_wrap": True}
        )  # fmt: skip
        dated = wb.add_format({"num_format": XLSX_DATE_FORMAT})
        for i, c in enumerate(book.columns):
            ws.write_string(0, i, c.title, header)
        write_string, write_number = ws.write_string, ws.write_number
        write_datetime = ws.write_datetime
        rows = 0
        for rows, row in enumerate(book.rows, start=1):
            for i, value in enumerate(row):
                if value is None or value == "":
                    continue  # no cell at all: smaller and faster than an empty string
                if isinstance(value, str):
                    # Agenda numbers ("001") stay text: they are labels, not quantities.
                    write_string(rows, i, value)
                elif isinstance(value, date):
                    write_datetime(rows, i, value, dated)
                else:
                    write_number(rows, i, value)
        ws.autofilter(0, 0, rows, len(book.columns) - 1)
    finally:
        wb.close()
    return rows


# --- .csv ---------------------------------------------------------------------------------------

CSV_DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@")


def _csv_cell(value: Cell) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = cell_text(value)
    # A spreadsheet would run "=HYPERLINK(...)" typed as a hal: keep it text.
    if len(text) > 1 and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_csv(book: AgendaBook, path: Path) -> int:
    """Write ``book`` as .csv at ``path``; return the number of rows.

    UTF-8 with a byte-order mark, or Excel reads the file in the PC's ANSI code page and mangles
    every non-ASCII letter. ``;`` between fields, because Excel on an Indonesian Windows splits
    a double-clicked .csv on the locale's list separator, which is ``;`` (the comma is the
    decimal separator there): with commas, each row would land in one column. Dates are ISO
    8601 (2026-03-03), which Excel reads as a date in every locale.
    """
    rows = 0
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
        out.writerow([c.title for c in book.columns])
        for row in book.rows:
            out.writerow([_csv_cell(v) for v in row])
            rows += 1
    return rows
