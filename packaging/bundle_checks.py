"""Checks run inside the frozen app by ``build.py``'s smoke test, through ``naskah-probe``.

    naskah-probe packaging/bundle_checks.py FIXTURES SIGNED.pdf OUT

What no command of ``naskah-cli`` reaches, with the bundle's own modules, DLLs and data:
  - Excel agenda books (issue 15): an .xlsx through openpyxl (read-only mode, merged ranges read
    from the sheet's XML), an old .xls through xlrd, a password-protected .xlsx refused with
    what to do; the agenda book written as .xlsx (XlsxWriter) and read back;
  - the SRIKANDI hand-off .docx written with python-docx (its default template is a data file
    of the package) and read back;
  - QtPdf (the scan viewer, issue 14): a signed letter opened and its first page drawn offscreen;
  - pyHanko's deferred HTTP imports (sync.pki.deferred_http) in a build that has no source: the
    hook is installed and steps aside, pyHanko's modules load as they are (signing and
    verifying themselves are the smoke test's ``setup --sample-data``, ``verify`` and
    ``--self-test`` steps).
FIXTURES is packaging/smoke/ (agenda books made once with tests/letters/agenda_books.py, the
locked one with msoffcrypto-tool: both writers are test-only, not in the Windows build's
Python). One line per check, then ``BUNDLE CHECKS: PASS`` (exit 0) or ``FAIL`` (exit 1).
Run from source (not frozen), the first check fails: this file is for the bundle.
"""

import os
import sys
import traceback
from datetime import date, datetime
from pathlib import Path

FIXTURES = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "smoke"
SIGNED_PDF = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("missing.pdf")
OUT = Path(sys.argv[3]) if len(sys.argv) > 3 else Path.cwd()
HEADER = ["No. Agenda", "Tgl. Terima", "Asal Surat", "Nomor Surat", "Tanggal Surat", "Perihal",
          "Kode Klasifikasi", "Sifat", "Keterangan"]  # fmt: skip


class CheckFailed(Exception):
    pass


def expect(condition: object, what: str) -> None:
    if not condition:
        raise CheckFailed(what)


def frozen_module(name: str) -> str:
    """The module's file, which must be inside the bundle (not a source tree or a venv)."""
    module = sys.modules[name]
    where = os.path.abspath(getattr(module, "__file__", "") or "")
    bundle = os.path.abspath(getattr(sys, "_MEIPASS", "/nonexistent"))
    expect(where.startswith(bundle + os.sep), f"{name} loaded from {where}, not the bundle")
    return where


def check_frozen() -> str:
    expect(getattr(sys, "frozen", False), "not a frozen program")
    import desktop  # noqa: F401  (the app's own package, from the bundle)

    frozen_module("desktop")
    return f"frozen, modules from {sys._MEIPASS}"  # type: ignore[attr-defined]


def check_xlsx() -> str:
    from desktop.letters.agenda_import import find_header_row, guess_mapping
    from desktop.letters.spreadsheets import parse_date, read_sheet

    sheet = read_sheet(FIXTURES / "agenda.xlsx")
    frozen_module("openpyxl")
    expect(sheet.names == ["Agenda Masuk"], f"sheets {sheet.names}")
    expect(sheet.total_rows == 33, f"{sheet.total_rows} rows, expected 33")
    header = find_header_row(sheet.rows)
    expect(sheet.rows[header] == HEADER, f"header row {header}: {sheet.rows[header]}")
    mapping = guess_mapping(sheet.rows[header])
    expect({"sender_name", "hal"} <= set(mapping), f"columns guessed: {sorted(mapping)}")
    # The title is merged over the header's width, the first received date down three rows.
    expect(sheet.rows[0][8] == sheet.rows[0][0], "the merged title is not in every cell")
    received = [row[1] for row in sheet.rows[3:6]]
    expect(received == [datetime(2025, 1, 2)] * 3, f"merged received dates: {received}")
    expect(parse_date(sheet.rows[-1][4]) == date(2025, 10, 17), f"date {sheet.rows[-1][4]!r}")
    return f"agenda.xlsx: {sheet.total_rows} rows, header row {header + 1}, merged ranges filled"


def check_xls() -> str:
    from desktop.letters.spreadsheets import read_sheet

    sheet = read_sheet(FIXTURES / "agenda.xls")
    frozen_module("xlrd")
    expect(sheet.names == ["Agenda"], f"sheets {sheet.names}")
    expect(sheet.rows[0] == HEADER, f"header {sheet.rows[0]}")
    expect(len(sheet.rows) == 13, f"{len(sheet.rows)} rows, expected 13")
    received = [row[1] for row in sheet.rows[1:4]]
    expect(received == [datetime(2025, 1, 2)] * 3, f"merged received dates: {received}")
    return f"agenda.xls: {len(sheet.rows)} rows, date cells and a merged range read"


def check_locked_xlsx() -> str:
    from desktop.letters.spreadsheets import UnreadableFile, read_sheet

    try:
        read_sheet(FIXTURES / "terkunci.xlsx")
    except UnreadableFile as exc:
        message = str(exc)
        expect("dilindungi kata sandi" in message, f"message: {message}")
        return f"refused: {message[:60]}..."
    raise CheckFailed("a password-protected workbook was read")


def check_agenda_export() -> str:
    from desktop.letters.spreadsheets import read_sheet
    from desktop.render.agenda import AgendaBook, Column, ColumnKind, write_xlsx
    from desktop.render.document import Letterhead

    rows = [[1, date(2026, 3, 2), "Bupati Jayawijaya", "=SUM(A1)"],
            [2, date(2026, 3, 3), "Sekretariat Daerah", "Laporan dana kampung"]]  # fmt: skip
    book = AgendaBook(
        letterhead=Letterhead(kabupaten="Jayawijaya", kecamatan="Wamena", address="Jl. Trikora"),
        title="BUKU AGENDA SURAT MASUK", period="Maret 2026", sheet_name="Surat Masuk",
        columns=(Column("No.", 5, ColumnKind.NUMBER), Column("Tanggal", 12, ColumnKind.DATE),
                 Column("Asal Surat", 30), Column("Perihal", 40)),
        rows=iter(rows),
    )  # fmt: skip
    path = OUT / "agenda-keluar.xlsx"
    written = write_xlsx(book, path)
    back = read_sheet(path)
    expect(written == 2 and back.names == ["Surat Masuk"], f"{written} rows, {back.names}")
    expect(back.rows[1][1] == datetime(2026, 3, 2), f"date cell {back.rows[1][1]!r}")
    expect(back.rows[1][3] == "=SUM(A1)", f"text taken for a formula: {back.rows[1][3]!r}")
    return f"{path.name}: {written} rows written and read back, dates as dates"


def check_docx() -> str:
    import docx

    from desktop.letters.handoff import write_docx
    from desktop.store.models import Letter

    letter = Letter(
        hal="Undangan rapat koordinasi",
        addressees_json='[{"name": "Kepala Kampung Sinakma", "place": "Wamena"}]',
        tembusan_json='["Bupati Jayawijaya"]',
    )
    letter.set_body("<p>Dengan hormat,</p><p>Kami mengundang Saudara.</p>",
                    "Dengan hormat,\n\nKami mengundang Saudara.")  # fmt: skip
    fields = {
        "nomor_naskah": "", "tanggal_naskah": "", "hal": letter.hal, "sifat_naskah": "Biasa",
        "tingkat_urgensi": "Biasa", "lampiran": "-", "kode_klasifikasi": "000.1.5",
        "tujuan": "Kepala Kampung Sinakma di Wamena", "tembusan": "Bupati Jayawijaya",
        "jabatan_pengirim": "Kepala Distrik Wamena", "nama_pengirim": "Yohanes Wetipo",
        "nip_pengirim": "197001011990031001", "pangkat_pengirim": "", "ttd_pengirim": "",
        "instansi": "Kecamatan Wamena, Kabupaten Jayawijaya", "tempat": "Wamena",
    }  # fmt: skip
    path = OUT / "serah-srikandi.docx"
    write_docx(path, letter, fields)
    frozen_module("docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    for part in ("KABUPATEN JAYAWIJAYA", "Kami mengundang Saudara.", "Kepala Kampung Sinakma",
                 "1. Bupati Jayawijaya", "NIP 197001011990031001"):  # fmt: skip
        expect(part in text, f"{part!r} not in the .docx")
    return f"{path.name}: {path.stat().st_size} bytes written and read back"


def check_qtpdf() -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication

    from desktop.ui.qt_pdf import QPdfDocument

    frozen_module("PySide6.QtPdf")
    from desktop.resources import resource_path

    # As --self-test does: offscreen Qt on Windows reads fonts from a folder, by default one
    # Qt does not ship.
    os.environ.setdefault("QT_QPA_FONTDIR", str(resource_path("fonts")))
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    expect(app.platformName() == "offscreen", f"platform {app.platformName()}")
    document = QPdfDocument()
    error = document.load(str(SIGNED_PDF))
    expect(error == QPdfDocument.Error.None_, f"load {SIGNED_PDF.name}: {error}")
    expect(document.pageCount() >= 1, f"{document.pageCount()} pages")
    page = document.pagePointSize(0)
    image = document.render(0, QSize(int(page.width()), int(page.height())))
    expect(not image.isNull(), "page 1 rendered to nothing")
    inked = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )
    expect(inked > 100, f"page 1 looks blank ({inked} dark samples)")
    pages = document.pageCount()
    document.close()
    return (f"{SIGNED_PDF.name}: {pages} page(s); page 1 {image.width()}x{image.height()} px "
            f"drawn, {inked} dark samples")  # fmt: skip


def check_deferred_http() -> str:
    import sync.pki  # noqa: F401  (installs the hook, as desktop.signing does)
    from sync.pki.deferred_http import DeferringFinder, EditedSourceLoader

    expect(any(isinstance(f, DeferringFinder) for f in sys.meta_path), "hook not installed")
    import pyhanko.sign
    import pyhanko.sign.timestamps as timestamps

    loader = getattr(timestamps.__spec__, "loader", None)
    expect(not isinstance(loader, EditedSourceLoader), "an edited pyHanko module in a bundle")
    # No source to edit, so the modules are pyHanko's own: the eager imports happened.
    expect("HTTPTimeStamper" in vars(timestamps), "pyhanko.sign.timestamps lacks its client")
    expect("PdfSigner" in vars(pyhanko.sign), "pyhanko.sign lacks its signers")
    expect("aiohttp" in sys.modules, "aiohttp not loaded by pyHanko")
    frozen_module("aiohttp")
    return (f"hook installed, inert (loader {type(loader).__name__}); pyHanko's own modules, "
            "aiohttp loaded from the bundle")  # fmt: skip


CHECKS = [
    ("frozen", check_frozen),
    ("xlsx (openpyxl)", check_xlsx),
    ("xls (xlrd)", check_xls),
    ("password-protected xlsx", check_locked_xlsx),
    ("agenda book export (XlsxWriter)", check_agenda_export),
    ("docx (python-docx)", check_docx),
    ("QtPdf offscreen", check_qtpdf),
    ("pyHanko deferred imports", check_deferred_http),
]


def main() -> int:
    failed = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as exc:  # every check runs; each failure is reported with its cause
            failed += 1
            print(f"[FAIL] {name}: {exc}")
            if not isinstance(exc, CheckFailed):
                print("    " + traceback.format_exc().replace("\n", "\n    "))
        else:
            print(f"[ok] {name}: {detail}")
    print("BUNDLE CHECKS: " + ("PASS" if not failed else f"FAIL ({failed} failed)"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
