"""Agenda books as offices keep them in Excel: a title block above the header, the usual column
names, dates typed every way Indonesians type them, days merged down the "Tanggal Terima"
column, and (on request) broken rows of each kind the import must refuse with a reason.

Used by the import tests and by ``bench.agenda_import_bench``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HEADER = ["No. Agenda", "Tgl. Terima", "Asal Surat", "Nomor Surat", "Tanggal Surat", "Perihal",
          "Kode Klasifikasi", "Sifat", "Keterangan"]  # fmt: skip
SENDERS = ("Dinas Pemberdayaan Masyarakat dan Kampung", "Bupati Jayawijaya",
           "Sekretariat Daerah", "Puskesmas Wamena Kota", "Kepala Kampung Sinakma")  # fmt: skip
SUBJECTS = ("Undangan rapat koordinasi", "Permohonan data penduduk", "Laporan dana kampung",
            "Pemberitahuan jadwal vaksinasi", "Penyampaian hasil musyawarah")  # fmt: skip
CODES = ("000.1.5", "400.10.2.2", "100.2.3", "")
BROKEN_KINDS = ("tanggal", "kode", "pengirim")  # bad date, unknown code, empty sender
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")  # fmt: skip


@dataclass
class Book:
    path: Path
    rows: int  # data rows
    broken: dict[int, str] = field(default_factory=dict)  # sheet row number -> kind
    first_data_row: int = 4  # 1-based: two title rows, a blank row, the header on row 3

    @property
    def good(self) -> int:
        return self.rows - len(self.broken)


def typed(day: date, style: int) -> Any:
    """``day`` as a clerk typed it into the cell (or as Excel stored it)."""
    if style == 0:
        return datetime(day.year, day.month, day.day)  # a real date cell
    if style == 1:
        return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    if style == 2:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if style == 3:
        return f"{day.day}-{day.month}-{day.year % 100:02d}"
    return (day - date(1899, 12, 30)).days  # an Excel serial kept as a number


def agenda_rows(
    year: int, rows: int, broken_every: int = 0, days: int = 360
) -> tuple[list[list[Any]], dict[int, str]]:
    """Data rows of a book for ``year``; every ``broken_every``-th row is broken, cycling
    through the kinds. Keys of the returned dict are 0-based data row indexes."""
    out: list[list[Any]] = []
    broken: dict[int, str] = {}
    start = date(year, 1, 2)
    for i in range(rows):
        received = start + timedelta(days=i * days // max(rows, 1))
        sent = received - timedelta(days=2)
        row: list[Any] = [
            i + 1, typed(received, i % 5), SENDERS[i % len(SENDERS)],
            f"{400 + i % 50}/{i + 1}/{year}", typed(sent, (i + 2) % 5),
            f"{SUBJECTS[i % len(SUBJECTS)]} ({i + 1})", CODES[i % len(CODES)],
            "Segera" if i % 17 == 0 else "Biasa", "",
        ]  # fmt: skip
        if broken_every and i % broken_every == broken_every - 1:
            kind = BROKEN_KINDS[(i // broken_every) % len(BROKEN_KINDS)]
            broken[i] = kind
            if kind == "tanggal":
                row[1] = "31 Februari " + str(year)
            elif kind == "kode":
                row[6] = "999.99.9"
            else:
                row[2] = None
        out.append(row)
    return out, broken


def days_so_far(year: int) -> int:
    """The span a book of this year can cover without a date in the future."""
    from desktop.store import clock

    return max(0, (clock.today() - date(year, 1, 2)).days)


def write_xlsx(
    path: Path, year: int, rows: int, broken_every: int = 0, merge: bool = True, days: int = 360
) -> Book:
    """The book as an .xlsx. With ``merge``, the received date of every 25th row is merged down
    over the next two rows (three letters that came on one day, written once), and the header
    cell "Asal Surat" spans two columns' worth of title above it."""
    import openpyxl

    data, broken = agenda_rows(year, rows, broken_every, days)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Agenda Masuk"
    ws.append([f"BUKU AGENDA SURAT MASUK TAHUN {year}"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([])
    ws.append(HEADER)
    first = 4
    for row in data:
        ws.append(row)
    if merge:
        for i in range(0, rows - 2, 25):
            if any(j in broken for j in (i, i + 1, i + 2)):
                continue
            for j in (i + 1, i + 2):
                ws.cell(first + j, 2).value = None
                data[j][1] = data[i][1]
            ws.merge_cells(start_row=first + i, start_column=2, end_row=first + i + 2, end_column=2)
    book.save(path)
    return Book(path, rows, {first + i: kind for i, kind in broken.items()}, first)


def write_csv(path: Path, year: int, rows: int, delimiter: str = ";") -> Book:
    import csv

    data, _broken = agenda_rows(year, rows)
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(HEADER)
        for row in data:
            cells = [c.strftime("%d/%m/%Y") if isinstance(c, datetime) else c for c in row]
            writer.writerow(["" if c is None else c for c in cells])
    return Book(path, rows, {}, 2)


def write_xls(path: Path, year: int, rows: int) -> Book:
    """The book as an old Excel 97-2003 .xls (xlwt writes it; test-only), with the received
    date of the first three letters written once in a merged cell and real date cells."""
    import xlwt

    data, _ = agenda_rows(year, rows)
    book = xlwt.Workbook()
    ws = book.add_sheet("Agenda")
    dated = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for c, title in enumerate(HEADER):
        ws.write(0, c, title)
    for r, row in enumerate(data, start=1):
        for c, value in enumerate(row):
            if r in (2, 3) and c == 1:
                continue  # under the merged cell
            if r == 1 and c == 1:
                ws.write_merge(1, 3, 1, 1, datetime(year, 1, 2), dated)
            elif isinstance(value, datetime):
                ws.write(r, c, value, dated)
            elif value is not None:
                ws.write(r, c, value)
    book.save(str(path))
    return Book(path, rows, {}, 2)
