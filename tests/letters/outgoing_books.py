"""Outgoing agenda books (buku agenda surat keluar) as offices keep them in Excel: a title block,
the usual columns, dates typed every way, a day merged over the letters sent on it, and (on
request) broken rows of each kind the import must refuse with a reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.letters.agenda_books import typed

HEADER = ["No.", "Tanggal Surat", "Nomor Surat", "Kepada", "Perihal", "Kode Klasifikasi",
          "Jenis Naskah", "Keterangan"]  # fmt: skip
TO = ("Bupati Jayawijaya", "Kepala Kampung Sinakma", "Kepala Puskesmas Wamena Kota",
      "Kepala Dinas Kependudukan")  # fmt: skip
SUBJECTS = ("Undangan musyawarah kampung", "Laporan bulanan", "Permohonan data",
            "Penyampaian jadwal")  # fmt: skip
CODES = ("000.1.4", "400.10.2.2", "")
TYPES = ("Surat Dinas", "Surat Undangan", "", "surat_dinas")
BROKEN_KINDS = ("tanggal", "kode", "kepada", "ganda")  # bad date, unknown code, no addressee,
# a number written twice in the book


@dataclass
class OutgoingBook:
    path: Path
    rows: int
    broken: dict[int, str] = field(default_factory=dict)  # sheet row number -> kind
    numbers: list[str] = field(default_factory=list)  # of the good rows, in order

    @property
    def good(self) -> int:
        return self.rows - len(self.broken)


def number_of(i: int, year: int) -> str:
    return f"{CODES[i % 3] or '000'}/{i + 1:03d}/Kec.WMN/{year}"


def write_outgoing_xlsx(
    path: Path, year: int, rows: int, broken_every: int = 0, days: int = 300
) -> OutgoingBook:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Agenda Keluar"
    ws.append([f"BUKU AGENDA SURAT KELUAR TAHUN {year}"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([])
    ws.append(HEADER)
    first = 4
    broken: dict[int, str] = {}
    numbers: list[str] = []
    start = date(year, 1, 2)
    data: list[list[Any]] = []
    for i in range(rows):
        day = start + timedelta(days=i * days // max(rows, 1))
        row: list[Any] = [
            i + 1, typed(day, i % 5), number_of(i, year), TO[i % len(TO)],
            f"{SUBJECTS[i % len(SUBJECTS)]} ({i + 1})", CODES[i % len(CODES)],
            TYPES[i % len(TYPES)], "dikirim lewat pos" if i % 7 == 0 else "",
        ]  # fmt: skip
        if broken_every and i % broken_every == broken_every - 1:
            kind = BROKEN_KINDS[(i // broken_every) % len(BROKEN_KINDS)]
            broken[first + i] = kind
            if kind == "tanggal":
                row[1] = f"31 Februari {year}"
            elif kind == "kode":
                row[5] = "999.99.9"
            elif kind == "kepada":
                row[3] = None
            else:
                row[2] = number_of(0, year)  # the first row's number again
        else:
            numbers.append(row[2])
        data.append(row)
    for row in data:
        ws.append(row)
    # The first two letters went out on one day, written once in a merged cell.
    ws.cell(first + 1, 2).value = None
    ws.merge_cells(start_row=first, start_column=2, end_row=first + 1, end_column=2)
    wb.save(path)
    return OutgoingBook(path, rows, broken, numbers)
