"""Compare with how offices make a PDF today: the same letter from a .docx template, filled per
letter and converted by LibreOffice headless, against Naskah's render to PDF/A (and sign).

    .venv/bin/python -m bench.libreoffice_compare [--runs 21] [--warm 10] [--batch 20]

The letter is bench.signing_bench's benchmark letter, made through the real services on a fresh
store; its ``LetterDocument`` gives both sides their text. The template is built with
python-docx as an office would keep it: the kop surat (logo, office name, address, the double
rule) and the fixed wording are in the template, the per-letter fields are ``{{PLACEHOLDER}}``s
(mail merge). Per letter the template is filled and saved, then converted with
``soffice --headless --convert-to pdf`` in a fresh process with its own profile
(``-env:UserInstallation``): the first conversion with a new profile (cold), repeated ones
(warm), one call converting ``--batch`` files (LibreOffice's best case: one start-up for all),
and PDF/A-1 (``SelectPdfVersion`` 1; the notes say which level the file claims). Naskah's side:
``render_pdf`` in the running app, render + PAdES with the key unlocked, and a fresh Python
process that renders one letter (the like-for-like of one soffice process per file). Prints a
markdown table with the ratios and writes bench/out/libreoffice_results.json. Without soffice
it prints a skip line and exits 0.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import pickle
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from io import BytesIO
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import generate, signing_bench
from bench.run import Figure, table

ROOT = Path(__file__).resolve().parents[1]
RESULTS = generate.OUT_DIR / "libreoffice_results.json"
DEBIAN_PACKAGE = "libreoffice-writer-nogui"
RUNS = 21  # in-process Naskah figures and the template fill
WARM = 10  # fresh soffice processes with a warm profile
COLD = 3  # fresh soffice processes, each with a new profile
PDFA = 5  # fresh soffice processes exporting PDF/A-1
FRESH = 5  # fresh Python processes rendering one letter
BATCH = 20  # files in one soffice call
SOFFICE_TIMEOUT_S = 300.0
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"1"}}'
FONT = "Arial"  # what office templates name; LibreOffice uses metric-compatible Liberation Sans


def skip_line() -> str:
    return f"libreoffice: skipped: soffice not found (install the Debian package {DEBIAN_PACKAGE})"


# -- the template and the mail merge ---------------------------------------------------------------


def letter_fields(doc: Any) -> dict[str, Any]:
    """The per-letter fields of ``doc`` exactly as Naskah's renderer prints them."""
    from desktop.render.html import date_line

    sig = doc.signature
    places = list(dict.fromkeys(a.place for a in doc.addressees if a.place))
    if len(doc.addressees) != 1 or sig is None or sig.capacity:
        raise ValueError("the template has one addressee and a signer in their own name")
    return {
        "TANGGAL": date_line(doc).removeprefix(f"{doc.place}, "),
        "NOMOR": doc.number,
        "SIFAT": doc.sifat,
        "LAMPIRAN": doc.lampiran,
        "HAL": doc.hal,
        "TUJUAN": doc.addressees[0].name,
        "TEMPAT": places[0] if places else "",
        "ISI": signing_bench.body_paragraphs(doc.body_html),
        "JABATAN": sig.position,
        "CATATAN_TTD": sig.signed_note,
        "NAMA": sig.name,
        "PANGKAT": sig.pangkat,
        "NIP": sig.nip,
        "TEMBUSAN": [f"{i}. {t}" for i, t in enumerate(doc.tembusan, start=1)],
        "CATATAN_KAKI": doc.footer_note,
    }


def _border_bottom(paragraph: Any) -> None:
    """The kop's double rule (thick over thin) as the paragraph's bottom border."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("val", "thickThinSmallGap"),
        ("sz", "24"),
        ("space", "1"),
        ("color", "000000"),
    ):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _para(
    container: Any, *runs: tuple[str, dict[str, Any]], align: str = "left", **fmt: Any
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = container.add_paragraph()
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    p.paragraph_format.space_before = Pt(fmt.get("before", 0))
    p.paragraph_format.space_after = Pt(fmt.get("after", 0))
    if "indent_mm" in fmt:
        from docx.shared import Mm

        p.paragraph_format.left_indent = Mm(fmt["indent_mm"])
    for text, style in runs:
        run = p.add_run(text)
        run.bold = style.get("bold")
        run.italic = style.get("italic")
        run.underline = style.get("underline")
        if "pt" in style:
            run.font.size = Pt(style["pt"])
    return p


def _cell(table: Any, row: int, col: int) -> Any:
    """A cell emptied of the paragraph python-docx puts in every new cell."""
    cell = table.cell(row, col)
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


def build_template(doc: Any, path: Path) -> None:
    """The office's .docx template for its letters: kop and fixed wording, ``{{...}}`` fields."""
    import docx
    from docx.shared import Mm, Pt

    head = doc.letterhead
    pt = doc.font_pt
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(pt)
    style.paragraph_format.space_after = Pt(0)
    section = d.sections[0]
    width_mm, height_mm = {"F4": (215, 330), "A4": (210, 297)}[str(doc.paper.value)]
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    top, left, right, bottom = doc.margins_mm
    section.top_margin, section.left_margin = Mm(top), Mm(left)
    section.right_margin, section.bottom_margin = Mm(right), Mm(bottom)
    body_width = width_mm - left - right

    # Kop surat: logo at the left, the office centred, the double rule under it.
    kop = d.add_table(rows=1, cols=2)
    kop.autofit = False
    kop.columns[0].width = kop.rows[0].cells[0].width = Mm(33)
    kop.columns[1].width = kop.rows[0].cells[1].width = Mm(body_width - 33)
    if head.logo_png:
        logo = _cell(kop, 0, 0).add_paragraph()
        logo.add_run().add_picture(BytesIO(head.logo_png), height=Mm(25))
    office = _cell(kop, 0, 1)
    _para(
        office,
        (f"PEMERINTAH KABUPATEN {head.kabupaten.upper()}", {"pt": pt * 1.25}),
        align="center",
    )
    _para(
        office,
        (f"KECAMATAN {head.kecamatan.upper()}", {"pt": pt * 1.5, "bold": True}),
        align="center",
    )
    _para(office, (head.address, {"pt": pt * 0.85}), align="center")
    contacts = [
        f"{label} {value}"
        for label, value in (
            ("Telepon", head.phone),
            ("Pos-el", head.email),
            ("Laman", head.website),
        )
        if value
    ]
    if contacts:
        _para(office, (", ".join(contacts), {"pt": pt * 0.85}), align="center")
    _border_bottom(_para(d, ("", {"pt": 2})))

    _para(d, (f"{doc.place}, ", {}), ("{{TANGGAL}}", {}), align="right", before=12)
    info = d.add_table(rows=4, cols=3)
    for i, label in enumerate(("Nomor", "Sifat", "Lampiran", "Hal")):
        key = label.upper()
        for col, (text, width) in enumerate(((label, 25), (":", 4), ("{{" + key + "}}", 110))):
            info.columns[col].width = info.rows[i].cells[col].width = Mm(width)
            _para(_cell(info, i, col), (text, {}))
    _para(d, ("Yth. ", {}), ("{{TUJUAN}}", {}), before=17)
    _para(d, ("di", {}))
    _para(d, ("{{TEMPAT}}", {}), indent_mm=10)
    _para(d, ("{{ISI}}", {}), before=17, after=6)

    sign = d.add_table(rows=1, cols=2)
    _cell(sign, 0, 0).add_paragraph()
    block = _cell(sign, 0, 1)
    _para(block, ("{{JABATAN}}", {}), (",", {}), align="center", before=23)
    _para(
        block,
        ("{{CATATAN_TTD}}", {"italic": True, "pt": pt * 0.75}),
        align="center",
        before=24,
        after=24,
    )
    _para(block, ("{{NAMA}}", {"bold": True, "underline": True}), align="center")
    _para(block, ("{{PANGKAT}}", {}), align="center")
    _para(block, ("NIP. ", {}), ("{{NIP}}", {}), align="center")

    _para(d, ("Tembusan:", {}), before=23)
    _para(d, ("{{TEMBUSAN}}", {}))
    footer = section.footer.paragraphs[0]
    footer.add_run("{{CATATAN_KAKI}}").font.size = Pt(pt * 0.7)
    d.save(str(path))


def _paragraphs(d: Any) -> list[Any]:
    found = list(d.paragraphs)
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                found += cell.paragraphs
    for section in d.sections:
        found += section.footer.paragraphs
    return found


def fill(template: Path, fields: dict[str, Any], out: Path) -> None:
    """Mail merge: each ``{{KEY}}`` run gets its text; a list field becomes one paragraph per
    item (the body, the tembusan)."""
    import docx
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    d = docx.Document(str(template))
    for p in _paragraphs(d):
        for run in p.runs:
            match = re.fullmatch(r"\{\{([A-Z_]+)\}\}", run.text)
            if not match:
                continue
            value = fields[match.group(1)]
            if isinstance(value, str):
                run.text = value
                continue
            for i, item in reversed(list(enumerate(value))):  # after the placeholder, last first
                clone = copy.deepcopy(p._p)
                p._p.addnext(clone)
                for t in clone.findall(".//{*}t"):
                    t.text = item
                if i:  # the template's space before goes above the first item only
                    Paragraph(clone, p._parent).paragraph_format.space_before = Pt(0)
            p._p.getparent().remove(p._p)
            break
    d.save(str(out))


# -- comparing the text ----------------------------------------------------------------------------


def words(pdf: bytes) -> Counter[str]:
    import pypdf

    text = " ".join(page.extract_text() or "" for page in pypdf.PdfReader(BytesIO(pdf)).pages)
    return Counter(re.findall(r"[\w./()-]+", text.replace("\u00a0", " ")))


def text_difference(ours: bytes, theirs: bytes) -> str:
    a, b = words(ours), words(theirs)
    only_ours, only_theirs = a - b, b - a
    if not only_ours and not only_theirs:
        return f"same {sum(a.values())} words"
    return (
        f"{sum(a.values())} vs {sum(b.values())} words; only in Naskah's: "
        f"{' '.join(sorted(only_ours))[:120]!r}; only in LibreOffice's: "
        f"{' '.join(sorted(only_theirs))[:120]!r}"
    )


def pdfa_claim(pdf: bytes) -> str:
    """What the XMP metadata claims, e.g. "PDF/A-1b", or "not PDF/A" (a claim, not a validation)."""
    import pypdf

    root = pypdf.PdfReader(BytesIO(pdf)).trailer["/Root"]
    meta = root.get("/Metadata")
    if meta is None:
        return "not PDF/A (no XMP metadata)"
    xmp = meta.get_object().get_data().decode("utf-8", "replace")
    part = re.search(r"pdfaid:part(?:>|=\")\s*(\d)", xmp)
    level = re.search(r"pdfaid:conformance(?:>|=\")\s*([A-Za-z])", xmp)
    if not part:
        return "not PDF/A"
    return f"PDF/A-{part.group(1)}{level.group(1).lower() if level else ''}"


def page_count(pdf: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(BytesIO(pdf)).pages)


# -- running soffice -------------------------------------------------------------------------------


def soffice(
    exe: str, profile: Path, files: list[Path], outdir: Path, convert_to: str = "pdf"
) -> tuple[float, float]:
    """One soffice process converting ``files``: wall and CPU (user + system of the process tree)
    in ms. Raises when a PDF is missing."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(
        [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", convert_to, "--outdir", str(outdir), *map(str, files)],
        capture_output=True, text=True, timeout=SOFFICE_TIMEOUT_S,
    )  # fmt: skip
    wall = (time.perf_counter() - t) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    missing = [f.name for f in files if not (outdir / f"{f.stem}.pdf").exists()]
    if proc.returncode != 0 or missing:
        raise RuntimeError(
            f"soffice exit {proc.returncode}, missing {missing}: {proc.stderr[-300:]}"
        )
    return wall, cpu


# A new process that renders one letter to a PDF file and exits, like one soffice run; nothing
# but the renderer is imported.
FRESH_RENDER = """
import pickle, sys
from pathlib import Path
from desktop.render import render_pdf
from desktop.render.fonts import ensure_gui_app
ensure_gui_app()
job = Path(sys.argv[1])
job.with_suffix(".pdf").write_bytes(render_pdf(pickle.loads(job.read_bytes())))
"""


def fresh_render(job: Path) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", FRESH_RENDER, str(job)],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S,
    )  # fmt: skip
    wall = (time.perf_counter() - t) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000


def repeat(fn: Callable[[], tuple[float, float]], n: int) -> tuple[list[float], list[float]]:
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(n):
        w, c = fn()
        wall.append(w)
        cpu.append(c)
    return wall, cpu


# -- the comparison --------------------------------------------------------------------------------


def ms(name: str, wall: list[float], cpu: list[float], note: str = "") -> Figure:
    return signing_bench.figure(name, wall, cpu, None, note)


def ratio(
    name: str, theirs: Figure, ours: Figure, cpu: tuple[float, float], note: str = ""
) -> Figure:
    """``theirs`` / ``ours`` by median wall time; the same by median CPU time in the notes (what
    a machine without other work would show more closely)."""
    assert theirs.measured is not None and ours.measured is not None
    notes = "; ".join(n for n in (f"by CPU time {cpu[0] / cpu[1]:.1f}x", note) if n)
    return Figure(name, theirs.measured / ours.measured, "x", "ratio", None, "report", note=notes)


def figures(
    *, runs: int = RUNS, warm: int = WARM, batch: int = BATCH, log: Callable[[str], None] = print
) -> tuple[list[Figure], dict[str, Any]]:
    """The comparison's figures, and facts (sizes, PDF/A claims, the text check)."""
    import sync.pki.tsa  # noqa: F401  (see signing_bench.figures)
    from desktop.render import render_pdf
    from desktop.render.fonts import ensure_gui_app

    exe = shutil.which("soffice")
    if exe is None:
        log(skip_line())
        return [], {"skipped": skip_line()}
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
    ensure_gui_app()
    with tempfile.TemporaryDirectory(prefix="naskah-lobench-") as tmp_name:
        tmp = Path(tmp_name)
        log("libreoffice: the benchmark letter, its template and the mail merge ...")
        letter_to_sign, ws = signing_bench.benchmark_document(tmp)
        signer = ws.signer
        ws.close()
        doc = letter_to_sign.doc
        fields = letter_fields(doc)
        template = tmp / "template-surat-dinas.docx"
        build_template(doc, template)
        merged = tmp / "merged"
        merged.mkdir()
        counter = iter(range(10**6))

        def merge() -> None:
            fill(template, fields, merged / f"surat-{next(counter):03d}.docx")

        fill_wall, fill_cpu = signing_bench.measure(merge, runs)
        letter = merged / "surat-000.docx"

        log(f"libreoffice: {COLD} cold conversions (new profile each) ...")
        cold_out = tmp / "cold"
        cold_out.mkdir()
        cold = repeat(
            lambda: soffice(exe, tmp / f"profile-cold-{time.monotonic_ns()}", [letter], cold_out),
            COLD,
        )
        profile = tmp / "profile"
        soffice(exe, profile, [letter], cold_out)  # this profile's first start, not timed
        log(f"libreoffice: {warm} warm conversions, {PDFA} PDF/A-1, one batch of {batch} ...")
        warm_out, pdfa_out, batch_out = tmp / "warm", tmp / "pdfa", tmp / "batch"
        for folder in (warm_out, pdfa_out, batch_out):
            folder.mkdir()
        warm_times = repeat(lambda: soffice(exe, profile, [letter], warm_out), warm)
        pdfa_times = repeat(lambda: soffice(exe, profile, [letter], pdfa_out, PDFA_FILTER), PDFA)
        batch_files = sorted(merged.glob("surat-*.docx"))[:batch]
        while len(batch_files) < batch:
            merge()
            batch_files = sorted(merged.glob("surat-*.docx"))[:batch]
        batch_wall, batch_cpu = soffice(exe, profile, batch_files, batch_out)
        lo_pdf = (warm_out / "surat-000.pdf").read_bytes()
        lo_pdfa = (pdfa_out / "surat-000.pdf").read_bytes()

        log(f"libreoffice: Naskah render ({runs} runs), render + sign, {FRESH} fresh processes ...")
        ours = render_pdf(doc)
        render_times = signing_bench.measure(lambda: render_pdf(doc), runs)
        sign_times = signing_bench.measure(
            lambda: signing_bench.render_and_sign(letter_to_sign, signer), runs
        )
        signed = signing_bench.render_and_sign(letter_to_sign, signer)
        job = tmp / "fresh.pickle"
        job.write_bytes(pickle.dumps(doc))
        fresh_times = repeat(lambda: fresh_render(job), FRESH)

    lo_note = f"{pdfa_claim(lo_pdf)}, {len(lo_pdf):,} bytes, {page_count(lo_pdf)} page(s)"
    pdfa_note = f"{pdfa_claim(lo_pdfa)}, {len(lo_pdfa):,} bytes"
    our_note = f"{pdfa_claim(ours)}, {len(ours):,} bytes, {page_count(ours)} page(s)"
    rows = {
        "fill": ms(
            "libreoffice: fill the .docx template (python-docx mail merge, save)",
            fill_wall,
            fill_cpu,
        ),
        "cold": ms(
            f"libreoffice: .docx -> PDF, first soffice run with a new profile ({COLD} profiles)",
            *cold,
            "cpu of the process tree",
        ),
        "warm": ms(
            "libreoffice: .docx -> PDF, one fresh soffice process per letter (warm profile)",
            *warm_times,
            lo_note,
        ),
        "pdfa": ms(
            "libreoffice: .docx -> PDF/A-1 (SelectPdfVersion 1), a fresh soffice per letter",
            *pdfa_times,
            pdfa_note,
        ),
        "batch": ms(
            f"libreoffice: .docx -> PDF, {batch} letters in one soffice call, per letter",
            [batch_wall / batch],
            [batch_cpu / batch],
            f"whole call {batch_wall / 1000:.1f} s",
        ),
        "render": ms(
            "naskah: render to PDF/A in the running app (render_pdf)", *render_times, our_note
        ),
        "sign": ms(
            "naskah: render + PAdES with the QR stamp, key unlocked",
            *sign_times,
            f"{len(signed):,} bytes",
        ),
        "fresh": ms(
            "naskah: render one letter in a fresh Python process (start to exit)", *fresh_times
        ),
    }
    cpu = {
        "warm": warm_times[1], "pdfa": pdfa_times[1], "batch": [batch_cpu / batch],
        "render": render_times[1], "sign": sign_times[1], "fresh": fresh_times[1], "cold": cold[1],
    }  # fmt: skip

    def versus(name: str, theirs: str, ours: str, note: str = "") -> Figure:
        pair = (statistics.median(cpu[theirs]), statistics.median(cpu[ours]))
        return ratio(name, rows[theirs], rows[ours], pair, note)

    out = [
        *rows.values(),
        versus("ratio: LibreOffice per-letter process / Naskah render", "warm", "render"),
        versus(
            "ratio: LibreOffice PDF/A-1 per letter / Naskah render (both PDF/A)", "pdfa", "render"
        ),
        versus(
            "ratio: LibreOffice batch, per letter / Naskah render",
            "batch",
            "render",
            "LibreOffice's best case",
        ),
        versus("ratio: LibreOffice per-letter process / Naskah render + sign", "warm", "sign"),
        versus(
            "ratio: LibreOffice per-letter process / Naskah fresh process",
            "warm",
            "fresh",
            "one process per letter on both sides",
        ),
        versus("ratio: LibreOffice cold / Naskah fresh process", "cold", "fresh"),
    ]
    facts = {
        "soffice": version,
        "text": text_difference(ours, lo_pdf),
        "naskah_pdf": {"bytes": len(ours), "pdfa": pdfa_claim(ours), "pages": page_count(ours)},
        "naskah_signed_bytes": len(signed),
        "libreoffice_pdf": {
            "bytes": len(lo_pdf),
            "pdfa": pdfa_claim(lo_pdf),
            "pages": page_count(lo_pdf),
        },
        "libreoffice_pdfa": {"bytes": len(lo_pdfa), "pdfa": pdfa_claim(lo_pdfa)},
        "cold_samples_ms": cold[0],
    }
    return out, facts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="bench.libreoffice_compare", description=__doc__.split("\n")[0]
    )
    p.add_argument("--runs", type=int, default=RUNS, help="in-process calls per figure")
    p.add_argument("--warm", type=int, default=WARM, help="fresh soffice processes, warm profile")
    p.add_argument("--batch", type=int, default=BATCH, help="letters in the one-call batch")
    args = p.parse_args(argv)
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    out, facts = figures(runs=args.runs, warm=args.warm, batch=args.batch)
    if not out:
        return 0
    end = os.getloadavg()
    print()
    print(table(out))
    print(f"\n{facts['soffice']}; text check: {facts['text']}")
    print(f"load average at start {load[0]:.2f}, at end {end[0]:.2f} ({os.cpu_count()} CPUs)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "environment": {
                    "load_avg_start": load,
                    "load_avg_end": end,
                    "cpus": os.cpu_count(),
                },
                "facts": facts,
                "figures": [asdict(f) | {"verdict": f.verdict} for f in out],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"results written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
