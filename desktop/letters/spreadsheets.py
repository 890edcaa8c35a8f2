"""Reading a spreadsheet as rows of cell values, and dates as Indonesians type them: what an
agenda book import (``agenda_import``) reads.

.xlsx through openpyxl in read-only (streaming) mode, with merged ranges read from the sheet's
own XML (read-only mode knows none): a merged range's value is put in every cell it covers.
.xls through xlrd 2 (which reads .xls only). .csv with the separator sniffed (``;`` or ``,``),
UTF-8 or Windows-1252. Anything else, or a damaged or password-protected workbook, raises
``UnreadableFile`` with what to do.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.i18n import _
from desktop.store import clock
from desktop.store.errors import UserError

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug)


class UnreadableFile(UserError):
    """The file is not a spreadsheet Naskah can read (nothing was imported)."""


# -- reading a sheet -------------------------------------------------------------------------


@dataclass
class Sheet:
    names: list[str]  # every sheet of the workbook ([""] for a .csv)
    name: str  # the sheet read
    rows: list[list[Any]]  # cell values; a merged range's value is in every cell it covers
    total_rows: int  # rows in the sheet (``rows`` may hold fewer when a limit was asked)


def read_sheet(path: Path, sheet: str | None = None, limit: int | None = None) -> Sheet:
    """Read one sheet (the first by default) of an .xlsx, .xls or .csv file.

    Raises UnreadableFile for anything else: not a spreadsheet, a damaged or encrypted
    workbook, an unknown sheet name."""
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        raise UnreadableFile(_("Berkas tidak dapat dibuka: {e}").format(e=exc.strerror)) from exc
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, sheet, limit)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE2 container: .xls, or an encrypted .xlsx
        return _read_xls(path, sheet, limit)
    if path.suffix.lower() in (".csv", ".txt"):
        return _read_csv(path, limit)
    raise UnreadableFile(_not_a_sheet(path))


def _not_a_sheet(path: Path) -> str:
    return _(
        "{f} bukan lembar kerja yang dapat dibaca. Simpan buku agenda sebagai .xlsx, .xls "
        "atau .csv lalu coba lagi."
    ).format(f=path.name)


def _pick(names: list[str], sheet: str | None) -> str:
    if sheet is None or sheet == "":
        return names[0]
    if sheet not in names:
        raise UnreadableFile(_("Lembar {s} tidak ada dalam berkas.").format(s=sheet))
    return sheet


def _read_xlsx(path: Path, sheet: str | None, limit: int | None) -> Sheet:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    damaged = _("{f} rusak atau bukan berkas Excel yang utuh ({e}).")
    try:
        # Read-only (streaming) is several times faster on a big book, but knows no merged
        # ranges: those come from the sheet's own XML (``_merged_ranges``).
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise UnreadableFile(damaged.format(f=path.name, e=exc)) from exc
    try:
        name = _pick(book.sheetnames, sheet)
        ws = book[name]
        try:
            rows = [list(r) for r in ws.iter_rows(max_row=limit, values_only=True)]
            merged = _merged_ranges(path, book.sheetnames.index(name))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError) as exc:
            raise UnreadableFile(damaged.format(f=path.name, e=exc)) from exc
        total = max(ws.max_row or 0, len(rows))
        width = max((len(r) for r in rows), default=0)
        for row in rows:
            row.extend([None] * (width - len(row)))
        for min_row, min_col, max_row, max_col in merged:
            if min_row > len(rows) or min_col > width:
                continue
            value = rows[min_row - 1][min_col - 1]
            for r in range(min_row, min(max_row, len(rows)) + 1):
                for c in range(min_col, min(max_col, width) + 1):
                    rows[r - 1][c - 1] = value
        return Sheet(list(book.sheetnames), name, rows, total)
    finally:
        book.close()


_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _merged_ranges(path: Path, index: int) -> list[tuple[int, int, int, int]]:
    """The merged ranges (min_row, min_col, max_row, max_col) of the ``index``-th sheet, read
    from its part in the package (workbook.xml names it through the workbook's relations)."""
    from xml.etree import ElementTree

    from openpyxl.utils.cell import range_boundaries

    with zipfile.ZipFile(path) as package:
        workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
        sheets = workbook.findall(f"{_NS_MAIN}sheets/{_NS_MAIN}sheet")
        rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
        if index >= len(sheets):  # another dialect of the format (strict OOXML): no merges known
            return []
        rel_id = sheets[index].get(f"{_NS_REL}id")
        targets = [r.get("Target", "") for r in rels if r.get("Id") == rel_id]
        if not targets:
            return []
        target = targets[0]
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        xml = package.read(part)
    found = []
    for ref in re.findall(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"", xml):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        found.append((min_row, min_col, max_row, max_col))
    return found


def _read_xls(path: Path, sheet: str | None, limit: int | None) -> Sheet:
    data = path.read_bytes()
    if "EncryptionInfo".encode("utf-16-le") in data:
        raise UnreadableFile(
            _(
                "{f} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File > Info > "
                "Protect Workbook), simpan, lalu impor lagi."
            ).format(f=path.name)
        )
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception as exc:  # xlrd raises its own and struct/index errors on damaged files
        raise UnreadableFile(
            _("{f} rusak atau bukan berkas Excel yang utuh ({e}).").format(f=path.name, e=exc)
        ) from exc
    names = book.sheet_names()
    name = _pick(names, sheet)
    ws = book.sheet_by_name(name)
    stop = ws.nrows if limit is None else min(ws.nrows, limit)
    rows: list[list[Any]] = []
    for r in range(stop):
        row: list[Any] = []
        for c in range(ws.ncols):
            cell = ws.cell(r, c)
            if cell.ctype == xlrd.XL_CELL_DATE:
                row.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
            elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                row.append(None)
            else:
                row.append(cell.value)
        rows.append(row)
    for rlo, rhi, clo, chi in ws.merged_cells:
        if rlo >= stop:
            continue
        value = rows[rlo][clo]
        for r in range(rlo, min(rhi, stop)):
            for c in range(clo, chi):
                rows[r][c] = value
    return Sheet(names, name, rows, ws.nrows)


def _read_csv(path: Path, limit: int | None) -> Sheet:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise UnreadableFile(_not_a_sheet(path))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";" if first.count(";") > first.count(",") else ","
    rows: list[list[Any]] = [
        [cell if cell.strip() else None for cell in row]
        for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]
    total = len(rows)
    return Sheet([""], "", rows if limit is None else rows[:limit], total)


# -- dates -----------------------------------------------------------------------------------


def parse_date(value: Any) -> date | None:
    """A date as a spreadsheet or a person gives it: a real date or datetime, an Excel serial
    (46084), "3 Maret 2026", "Selasa, 3 Mar 2026", "03/03/2026", "3-3-26", "3.3.2026",
    "2026-03-03"; day before month. None when it cannot be read (empty included)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _serial(float(value))
    text = " ".join(str(value).lower().replace(",", " ").split())
    if not text:
        return None
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return _serial(float(text))
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?", text):
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})", text):
        return _ymd(_year(m[3]), int(m[2]), int(m[1]))
    text = re.sub(r"^[a-z]+\s+(?=\d)", "", text)  # a weekday name before the date
    if m := re.fullmatch(r"(\d{1,2})\s*[\s\-/.]\s*([a-z]+)\.?\s*[\s\-/.]\s*(\d{2}|\d{4})", text):
        month = MONTHS.get(m[2])
        return _ymd(_year(m[3]), month, int(m[1])) if month else None
    return None


def _serial(serial: float) -> date | None:
    if not 1 <= serial < 2_958_466:  # Excel's own range (up to 9999-12-31)
        return None
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def _year(text: str) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year - 100 if year > clock.today().year + 1 else year


def _ymd(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if year >= 1900 else None
    except ValueError:
        return None
