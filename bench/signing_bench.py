"""Measure electronic signing: render + PAdES, the first signature of a session, verify, and the
whole "Tandatangani" step through the letters service.

    .venv/bin/python -m bench.signing_bench [--runs 41] [--first-runs 7]

Works on a fresh store set up like ``bench.generate``'s (Kecamatan Komodo, its staff, the logo),
or, from ``bench.run --only signing``, on that run's scratch copy of the 100k-letter store. The
letters are made through the real services (``new_draft``, ``save_draft``, ``workflow.send``)
and wait for the camat's signature; the PKI (root CA, signer certificate, TSA, an empty
revocation list) is made with ``sync.pki.ca``; the signer's PKCS#12 key file is written with
``keys.save_key_file`` (the app's KDF rounds). Prints a markdown table (median, p95 and CPU time
of each figure next to its target) and writes bench/out/signing_results.json. See
docs/benchmarks.md, "Signing".
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import os
import pickle
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from html import unescape
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import generate
from bench.run import Figure, p95, table

ROOT = Path(__file__).resolve().parents[1]
RESULTS = generate.OUT_DIR / "signing_results.json"
RUNS = 41  # in-process figures: median and p95 of this many calls after WARMUP
WARMUP = 2
FIRST_RUNS = 7  # fresh processes for the first signature of a session
UNLOCK_RUNS = 15  # the key unlock is deliberately slow (KDF): fewer runs
CHILD_TIMEOUT_S = 120.0
PASSPHRASE = "Komodo-Labuan-Bajo 2026"
ORG = "Pemerintah Kabupaten Manggarai Barat"
VERIFY_BASE_URL = "https://naskah.manggaraibaratkab.go.id/v/"
NOTE = "Ditandatangani secara elektronik"
FOOTER = (
    f"Dokumen ini ditandatangani secara elektronik dengan sertifikat internal {ORG} "
    "(bukan sertifikat BSrE)."
)
ESIGN_MODULE = "desktop.letters.esign"
ESIGN_MISSING = f"end-to-end: not measured ({ESIGN_MODULE} missing)"

TARGET_SIGN_MS = 150.0  # median, key unlocked, end to end
TARGET_FIRST_MS = 600.0  # first signature of a session, with the key unlock
TARGET_VERIFY_MS = 50.0  # median

# The benchmark letter: a one-page surat dinas of plain paragraphs (about 1,200 characters of
# body, like the render benchmark's), so the .docx of bench.libreoffice_compare can carry
# exactly the same text.
HAL = "Penyampaian Laporan Realisasi Dana Desa Tahap II"
LAMPIRAN = "1 (satu) berkas"
ADDRESSEE = (
    "Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Manggarai Barat",
    "Labuan Bajo",
)
TEMBUSAN = ["Bupati Manggarai Barat", "Arsip"]
CLASSIFICATION = "400.10"
PARAGRAPHS = [
    "Dengan hormat,",
    "Menindaklanjuti surat Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Manggarai "
    "Barat tentang pelaporan penggunaan dana desa, bersama ini kami sampaikan laporan realisasi "
    "penyaluran dan penggunaan Dana Desa Tahap II dari 17 desa di wilayah Kecamatan Komodo. "
    "Laporan telah diverifikasi oleh tim pendamping kecamatan bersama pendamping desa dan "
    "disusun berdasarkan dokumen pertanggungjawaban yang diserahkan oleh masing-masing "
    "pemerintah desa.",
    "Dari hasil verifikasi, sebanyak 15 desa telah menyampaikan laporan secara lengkap dan tepat "
    "waktu, sedangkan 2 desa masih melengkapi bukti pengeluaran kegiatan pembangunan jalan "
    "rabat beton dan penyediaan air bersih. Kami telah meminta kedua desa tersebut untuk "
    "melengkapi dokumen paling lambat 14 hari kerja sejak surat ini diterima.",
    "Rincian realisasi per desa, termasuk sisa anggaran dan kendala pelaksanaan di lapangan, "
    "kami lampirkan bersama surat ini. Apabila diperlukan penjelasan lebih lanjut, Bapak dapat "
    "menghubungi Kepala Seksi Pemberdayaan Masyarakat dan Desa pada Kantor Camat Komodo.",
    "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
]
BODY_HTML = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def body_paragraphs(body_html: str) -> list[str]:
    """The plain paragraphs of a body made of ``<p>`` elements only (the benchmark letter's)."""
    found = re.findall(r"<p>(.*?)</p>", body_html, flags=re.DOTALL)
    if "".join(f"<p>{p}</p>" for p in found) != body_html:
        raise ValueError("the body holds more than plain <p> paragraphs")
    return [unescape(p) for p in found]


# -- timing ----------------------------------------------------------------------------------------


def measure(
    fn: Callable[[], object], runs: int, *, warmup: int = WARMUP
) -> tuple[list[float], list[float]]:
    """Wall and process-CPU times in ms of ``runs`` calls after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def figure(
    name: str,
    wall: list[float],
    cpu: list[float] | None,
    target: float | None,
    note: str = "",
) -> Figure:
    """A median figure; its p95 and CPU median go into the notes."""
    text = f"median <= {target:g} ms" if target is not None else "report"
    parts = [f"p95 {p95(wall):.1f} ms"]
    if cpu:
        parts.append(f"cpu median {statistics.median(cpu):.1f} ms")
    if note:
        parts.append(note)
    return Figure(
        name, statistics.median(wall), "ms", "median", target, text, len(wall), "; ".join(parts),
        wall,
    )  # fmt: skip


# -- the workspace: store, people, PKI, letters ----------------------------------------------------


@dataclass
class Pki:
    root_key: Any
    root: Any
    tsa_key: Any
    tsa_cert: Any
    crl: Any


@dataclass
class Workspace:
    data_dir: Path
    tmp: Path
    pki: Pki
    key_file: Path
    signer: Any = None  # LoadedSigner
    store: Any = None  # Store while open
    drafter: Any = None  # CurrentUser
    camat: Any = None  # CurrentUser
    waiting: list[str] = field(default_factory=list)  # letters awaiting the camat's signature

    def open(self) -> None:
        from desktop.letters import accounts
        from desktop.store.db import open_store

        self.store = open_store(self.data_dir)
        self.drafter = accounts.login(self.store, generate.BENCH_USER, generate.PASSWORD)
        self.camat = accounts.login(self.store, generate.CAMAT, generate.PASSWORD)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


def make_pki(data_dir: Path, tmp: Path) -> tuple[Pki, Path, Any]:
    """Root CA, TSA and a signer certificate for the camat; the key file as enrolment writes it."""
    from desktop.letters import office
    from desktop.signing import keys
    from desktop.store.db import open_store
    from sync.pki import ca
    from sync.pki.identity import SignerIdentity, office_label

    root_key, root = ca.create_root_ca(ORG)
    tsa_key, tsa_cert = ca.create_tsa(root_key, root, ORG)
    crl = ca.build_crl(root_key, root, [], crl_number=1)
    store = open_store(data_dir)
    try:
        profile = office.get_office(store)
        camat = next(
            s for s in generate.STAFF if s.username == generate.CAMAT
        )  # the same person bench.generate made
        identity = SignerIdentity(
            camat.name, camat.nip, camat.jabatan, office_label(profile.kecamatan, profile.kabupaten)
        )
    finally:
        store.close()
    key = keys.generate_key()
    cert = ca.issue_signer_certificate(keys.build_csr(key, identity), root_key, root)
    key_file = tmp / "kunci-camat.p12"
    keys.save_key_file(key_file, key, cert, [root], PASSPHRASE)
    return (
        Pki(root_key, root, tsa_key, tsa_cert, crl),
        key_file,
        keys.LoadedSigner(key, cert, [root]),
    )


def new_letters(ws: Workspace, n: int) -> list[str]:
    """``n`` copies of the benchmark letter, drafted and sent straight to the camat's signature."""
    from desktop.letters import drafting, workflow
    from desktop.letters.drafting import AddresseeInput

    ids = []
    for _ in range(n):
        letter = drafting.new_draft(ws.store, ws.drafter, "surat_dinas")
        data = drafting.input_of(letter)
        data.classification_code = CLASSIFICATION
        data.hal = HAL
        data.lampiran = LAMPIRAN
        data.addressees = [AddresseeInput(*ADDRESSEE)]
        data.body_html = BODY_HTML
        data.tembusan = list(TEMBUSAN)
        data.signer_id = ws.camat.id
        drafting.save_draft(ws.store, ws.drafter, letter.id, data)
        workflow.send(ws.store, ws.drafter, letter.id, [], ws.camat.id)
        ids.append(letter.id)
    return ids


def workspace(tmp: Path, data_dir: Path | None = None) -> Workspace:
    """A store with the Komodo office (fresh under ``tmp`` unless ``data_dir`` is given: a store
    made by ``bench.generate``, which this writes to), the camat's PKI and key file."""
    if data_dir is None:
        data_dir = tmp / "store"
        generate._set_up_office(data_dir)
    pki, key_file, signer = make_pki(data_dir, tmp)
    return Workspace(data_dir, tmp, pki, key_file, signer)


def signed_document(ws: Workspace, letter_id: str) -> Any:
    """The LetterDocument of a waiting letter as the signing step renders it: the next number of
    its series, today's date, final (no KONSEP marker), the signature note and the footer."""
    from sqlmodel import select

    from desktop.letters.document import document_for
    from desktop.letters.numbering import format_number
    from desktop.store import clock
    from desktop.store.models import Letter, Office

    with ws.store.read() as session:
        letter = session.exec(select(Letter).where(Letter.id == letter_id)).one()
        profile = session.exec(select(Office)).one()
        doc = document_for(session, letter, ws.store.blob_dir)
    today = clock.today()
    number = format_number(
        profile.number_pattern, kode=letter.classification_code, seq=42,
        padding=profile.number_padding, unit=profile.unit_code, on=today,
    )  # fmt: skip
    assert doc.signature is not None
    return replace(
        doc,
        number=number,
        letter_date=today,
        draft_watermark=False,
        signature=replace(doc.signature, signed_note=NOTE),
        footer_note=FOOTER,
    )


def benchmark_document(tmp: Path) -> tuple[Any, Workspace]:
    """The benchmark letter's LetterDocument from a fresh store (for bench.libreoffice_compare);
    the caller closes the workspace."""
    ws = workspace(tmp)
    ws.open()
    letter_id = new_letters(ws, 1)[0]
    return signed_document(ws, letter_id), ws


# -- signing a document (parts a, b, c) ------------------------------------------------------------


def stamp_box(pdf: bytes, width_mm: float = 70, height_mm: float = 20) -> Any:
    """Where the stamp goes: centred on the signature note the renderer leaves in the signature
    space, found in the PDF's text (as the signing tests do: the renderer does not report it)."""
    from io import BytesIO

    import pypdf

    from desktop.signing.pades import MM, StampBox

    page = pypdf.PdfReader(BytesIO(pdf)).pages[0]
    found: list[tuple[float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _fd: object, size: float) -> None:
        if NOTE in " ".join(text.split()):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((x, y, size * abs(cm[3])))

    page.extract_text(visitor_text=visit)
    if not found:
        raise RuntimeError("signature note not found in the rendered letter")
    x, baseline, size = found[0]
    centre_x = x + len(NOTE) * size * 0.45 / 2  # the italic note's centre, roughly
    centre_y = baseline + size * 0.3
    width, height = width_mm * MM, height_mm * MM
    return StampBox(0, centre_x - width / 2, centre_y - height / 2, width, height)


def sign(pdf: bytes, signer: Any, doc: Any, box: Any, crls: list[Any], url: str) -> bytes:
    from desktop.render.dates import format_date_id
    from desktop.signing import pades

    assert doc.signature is not None
    return pades.sign_pdf(
        pdf, signer, reason="Persetujuan", location=doc.place, signer_name=doc.signature.name,
        position=doc.signature.position, date_text=format_date_id(doc.letter_date),
        verify_url=url, field_box=box, crls=crls,
    )  # fmt: skip


def render_and_sign(doc: Any, signer: Any, crls: list[Any], url: str) -> bytes:
    from desktop.render import render_pdf

    pdf = render_pdf(doc)
    return sign(pdf, signer, doc, stamp_box(pdf), crls, url)


def document_figures(ws: Workspace, doc: Any, runs: int) -> tuple[list[Figure], bytes, bytes]:
    """Render, stamp box, PAdES, render + sign, unlock, verify, document timestamp."""
    from desktop.render import render_pdf
    from desktop.signing import keys, pades, verify
    from sync.pki import tsa

    pki, signer, crls = ws.pki, ws.signer, [ws.pki.crl]
    url = VERIFY_BASE_URL + "KMD0-BENC-H042"
    pdf = render_pdf(doc)
    box = stamp_box(pdf)
    signed = sign(pdf, signer, doc, box, crls, url)
    report = verify.verify_pdf(signed, [pki.root], crls)
    if not report.valid:  # timing a verification that fails would measure the wrong path
        raise RuntimeError(f"the signed benchmark letter does not verify: {report.summary()}")
    timestamper = tsa.make_timestamper(pki.tsa_cert, pki.tsa_key, [pki.root])

    def unlock() -> Any:
        return keys.load_key_file(ws.key_file, PASSPHRASE)

    rounds = f"{keys.KDF_ROUNDS:,}"
    figures = [
        figure(
            "sign: render the letter to PDF/A (render_pdf)",
            *measure(lambda: render_pdf(doc), runs),
            None,
        ),
        figure(
            "sign: find the stamp box (signature note in the PDF text)",
            *measure(lambda: stamp_box(pdf), runs),
            None,
        ),
        figure(
            "sign: PAdES signature with QR stamp, key unlocked (sign_pdf)",
            *measure(lambda: sign(pdf, signer, doc, box, crls, url), runs),
            None,
        ),
        figure(
            "sign: render + stamp box + PAdES, key unlocked (no store, no number)",
            *measure(lambda: render_and_sign(doc, signer, crls, url), runs),
            TARGET_SIGN_MS,
            "the end-to-end target applied to the signing work alone",
        ),
        figure(
            f"sign: unlock the key file (PKCS#12, {rounds} KDF rounds)",
            *measure(unlock, UNLOCK_RUNS, warmup=1),
            None,
        ),
        figure(
            "sign: unlock + render + PAdES, in a process that has signed before",
            *measure(lambda: render_and_sign(doc, unlock(), crls, url), UNLOCK_RUNS, warmup=1),
            TARGET_FIRST_MS,
            "the first signature's work without first-call costs (see the fresh-process figure)",
        ),
        figure(
            "verify: signed letter (verify_pdf, trusted root + CRL)",
            *measure(lambda: verify.verify_pdf(signed, [pki.root], crls), runs),
            TARGET_VERIFY_MS,
            "reported valid",
        ),
        figure(
            "timestamp: add a document timestamp (local RFC 3161 signer)",
            *measure(lambda: pades.add_document_timestamp(signed, timestamper), runs),
            None,
            "what sync adds on reconnect, without the network",
        ),
    ]
    return figures, pdf, signed


# -- the first signature of a session, in fresh processes (part b) ---------------------------------


def first_signature_child(job_dir: Path) -> dict[str, Any]:
    """In a fresh process: what the app has before its first signature (Qt up, the letters
    layer imported), then time everything after the passphrase is typed: importing the signing
    code, unlocking the key file, rendering, finding the stamp box, signing."""
    from desktop.letters import document  # noqa: F401  (the app has the letters layer loaded)
    from desktop.render.fonts import ensure_gui_app

    ensure_gui_app()
    job = pickle.loads((job_dir / "job.pickle").read_bytes())
    marks: dict[str, float] = {}
    t0, c0 = time.perf_counter(), time.process_time()

    def mark(name: str) -> None:
        marks[name] = (time.perf_counter() - t0) * 1000

    from cryptography import x509

    from desktop.render import render_pdf
    from desktop.signing import keys, pades  # noqa: F401

    mark("imports")
    signer = keys.load_key_file(Path(job["key_file"]), job["passphrase"])
    mark("unlock")
    crls = [x509.load_pem_x509_crl(job["crl_pem"])]
    pdf = render_pdf(job["doc"])
    mark("render")
    box = stamp_box(pdf)
    mark("stamp_box")
    signed = sign(pdf, signer, job["doc"], box, crls, job["url"])
    mark("sign")
    total = (time.perf_counter() - t0) * 1000
    cpu = (time.process_time() - c0) * 1000
    return {"total_ms": total, "cpu_ms": cpu, "marks_ms": marks, "signed_bytes": len(signed)}


def run_child(job_dir: Path) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "bench.signing_bench", "--child", str(job_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S,
    )  # fmt: skip
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH "):
            return dict(json.loads(line[6:]))
    tail = "\n".join(proc.stderr.strip().splitlines()[-6:])
    raise RuntimeError(f"child exit {proc.returncode}: {tail}")


def first_signature_figure(ws: Workspace, doc: Any, runs: int) -> Figure:
    from sync.pki import ca

    job_dir = ws.tmp / "first-signature"
    job_dir.mkdir(exist_ok=True)
    job = {
        "doc": doc,
        "key_file": str(ws.key_file),
        "passphrase": PASSPHRASE,
        "crl_pem": ca.crl_to_pem(ws.pki.crl),
        "url": VERIFY_BASE_URL + "KMD0-BENC-H042",
    }
    (job_dir / "job.pickle").write_bytes(pickle.dumps(job))
    reports = [run_child(job_dir) for _ in range(runs)]
    wall = [float(r["total_ms"]) for r in reports]
    cpu = [float(r["cpu_ms"]) for r in reports]
    stages: list[str] = []
    previous = 0.0
    for name in reports[0]["marks_ms"]:
        at = statistics.median(float(r["marks_ms"][name]) for r in reports)
        stages.append(f"{name} {at - previous:.0f}")
        previous = at
    without_imports = statistics.median(
        float(r["total_ms"]) - float(r["marks_ms"]["imports"]) for r in reports
    )
    return figure(
        "sign: first signature of a session (fresh process: imports + unlock + render + PAdES)",
        wall,
        cpu,
        TARGET_FIRST_MS,
        f"median ms per stage: {', '.join(stages)}; without the imports {without_imports:.0f} ms",
    )


# -- end to end through the letters service (part d) -----------------------------------------------


def esign_available() -> bool:
    return importlib.util.find_spec(ESIGN_MODULE) is not None


def end_to_end_figures(ws: Workspace, runs: int, available: bool) -> list[Figure]:
    """``sign_electronically`` on letters awaiting the camat's signature, one letter per call."""
    name = "end to end: number + render + PAdES + store (esign.sign_electronically), key unlocked"
    text = f"median <= {TARGET_SIGN_MS:g} ms"
    if not available:
        return [Figure(name, None, "ms", "-", TARGET_SIGN_MS, text, 0, ESIGN_MISSING)]
    import importlib

    try:
        esign = importlib.import_module(ESIGN_MODULE)
        sign_electronically = esign.sign_electronically
        params = inspect.signature(sign_electronically).parameters
        extra = {"verify_base_url": VERIFY_BASE_URL} if "verify_base_url" in params else {}
        pending: Iterator[str] = iter(ws.waiting)

        def one() -> None:
            sign_electronically(ws.store, ws.camat, next(pending), ws.signer, **extra)

        wall, cpu = measure(one, runs)
    except Exception as exc:
        note = f"end-to-end: not measured ({type(exc).__name__}: {exc})"
        return [Figure(name, None, "ms", "-", TARGET_SIGN_MS, text, 0, note)]
    return [figure(name, wall, cpu, TARGET_SIGN_MS, "one new letter per call")]


# -- the report ------------------------------------------------------------------------------------


def environment() -> dict[str, Any]:
    from importlib.metadata import version

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "commit": commit,
        "cpus": os.cpu_count(),
        "load_avg_start": os.getloadavg(),
        "python": platform.python_version(),
        **{
            name: version(name)
            for name in ("PySide6_Essentials", "pyHanko", "cryptography", "pypdf")
        },
        "platform": platform.platform(),
    }


def figures(
    data_dir: Path | None = None,
    *,
    runs: int = RUNS,
    first_runs: int = FIRST_RUNS,
    log: Callable[[str], None] = print,
) -> tuple[list[Figure], dict[str, Any]]:
    """All signing figures, and facts for the report (sizes, the store used)."""
    # Before anything builds asn1crypto's ContentType name table (the key file does): importing
    # asn1crypto.tsp later leaves "tst_info" out of it and the local TSA cannot sign a token.
    import sync.pki.tsa  # noqa: F401
    from desktop.render.fonts import ensure_gui_app

    ensure_gui_app()
    available = esign_available()
    facts: dict[str, Any] = {"store": str(data_dir) if data_dir else "fresh", "esign": available}
    with tempfile.TemporaryDirectory(prefix="naskah-signbench-") as tmp_name:
        tmp = Path(tmp_name)
        log("signing: store, PKI and letters awaiting signature ...")
        ws = workspace(tmp, data_dir)
        ws.open()
        try:
            ids = new_letters(ws, 1 + (runs + WARMUP if available else 0))
            doc = signed_document(ws, ids[0])
            ws.waiting = ids[1:]
        finally:
            ws.close()  # the store's lock admits one process at a time
        log(f"signing: first signature in {first_runs} fresh processes ...")
        out = [first_signature_figure(ws, doc, first_runs)]
        ws.open()
        try:
            log(f"signing: render, sign, unlock, verify, timestamp ({runs} runs each) ...")
            more, pdf, signed = document_figures(ws, doc, runs)
            out = more[:5] + out + more[5:]
            log("signing: end to end through the letters service ...")
            out += end_to_end_figures(ws, runs, available)
        finally:
            ws.close()
    facts.update(letter_pdf_bytes=len(pdf), signed_pdf_bytes=len(signed))
    return out, facts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.signing_bench", description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=RUNS, help="calls per in-process figure")
    p.add_argument("--first-runs", type=int, default=FIRST_RUNS, help="fresh processes")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print("BENCH " + json.dumps(first_signature_child(args.child)), flush=True)
        return 0
    env = environment()
    print(f"load average {env['load_avg_start'][0]:.2f} on {env['cpus']} CPUs", flush=True)
    out, facts = figures(runs=args.runs, first_runs=args.first_runs)
    env["load_avg_end"] = os.getloadavg()
    print()
    print(table(out))
    print(
        f"\nletter PDF {facts['letter_pdf_bytes']:,} bytes, signed {facts['signed_pdf_bytes']:,} "
        f"bytes; load average at start {env['load_avg_start'][0]:.2f}, at end "
        f"{env['load_avg_end'][0]:.2f} ({env['cpus']} CPUs)"
    )
    if not facts["esign"]:
        print(ESIGN_MISSING)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "environment": env,
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
