"""Agenda books: a year of 20,000 incoming and 20,000 outgoing letters written out as PDF,
.xlsx and .csv, with the time each takes and the memory it needs.

    .venv/bin/python -m bench.registers_bench [--letters 20000]

Makes its own store (an office, a registrar and the camat, ``--letters`` incoming letters and as
many signed outgoing letters in one year, written in bulk), so it needs nothing from
``bench.generate``. ``bench.run`` prints these figures with the others (group ``registers``).

Memory is measured two ways: tracemalloc's peak of Python allocations during the export (a
second run, because tracing slows Python down), and the process's peak resident size so far
(which includes Qt, SQLite's cache and the bulk insert that built the store: an upper bound).
Wall time is the figure; CPU time is noted beside it, as the machine may be shared, with the
process's voluntary context switches (it waited: disk, locks) and involuntary ones (another
process took the core) during the export, which say where the rest of the wall time went.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.incoming_bench import SENDERS, SIFAT, SUBJECTS

DEFAULT_LETTERS = 20_000
YEAR = 2026
PDF_TARGET_S = 5.0
XLSX_TARGET_S = 3.0
PASSWORD = "bench-rahasia-123"
TYPES = ("surat_dinas", "surat_undangan", "nota_dinas", "surat_edaran", "surat_tugas")
CODES = ("000.1.5", "400.10.2.2", "100.3", "800.1.2", "500.6", "300.2")
ADDRESSEES = (
    "Kepala Kampung Sinakma",
    "Bupati Jayawijaya",
    "Kepala Dinas Pendidikan",
    "Para Kepala Kampung se-Distrik Wamena",
    "Kepala Puskesmas Wamena Kota",
)


def _rss_kb() -> int:
    """Peak resident size so far (kilobytes on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def build_store(root: Path, letters: int, log: Callable[[str], None]) -> tuple[Any, Any]:
    """An office and ``letters`` incoming plus ``letters`` signed outgoing letters in YEAR."""
    from sqlalchemy import text

    from desktop.letters import accounts, office
    from desktop.letters.accounts import PersonInput, Role
    from desktop.store.db import open_store
    from desktop.store.ids import uuid7

    store = open_store(root / "data")
    office.setup(
        store,
        office.OfficeInput(
            kabupaten="Jayawijaya",
            kecamatan="Wamena",
            unit_code="Kec.WMN",
            address="Jl. Yos Sudarso No. 1, Wamena",
        ),
        PersonInput(
            "Admin", "198503122010011002", "", "Admin", "admin", frozenset({Role.ADMIN}), PASSWORD
        ),
    )
    admin = accounts.login(store, "admin", PASSWORD)
    registrar = accounts.add_person(
        store,
        admin,
        PersonInput(
            "Rina Wenda",
            "199203032018012001",
            "",
            "Agendaris",
            "rina",
            frozenset({Role.REGISTRAR, Role.DRAFTER}),
            PASSWORD,
        ),
    )
    camat = accounts.add_person(
        store,
        admin,
        PersonInput(
            "Agustinus Mabel",
            "197008171994031006",
            "",
            "Camat Wamena",
            "camat",
            frozenset({Role.SIGNER}),
            PASSWORD,
        ),
    )
    log(f"registers: writing {letters} incoming and {letters} outgoing letters of {YEAR} ...")
    rng = random.Random(15)
    start = date(YEAR, 1, 2)
    now = datetime.now(UTC).isoformat(" ")
    incoming, outgoing = [], []
    for i in range(letters):
        day = start + timedelta(days=i * 362 // max(1, letters))
        incoming.append(
            {
                "id": uuid7(),
                "now": now,
                "agenda": f"{i + 1:03d}",
                "year": YEAR,
                "sender": rng.choice(SENDERS),
                "number": f"{rng.randint(1, 999)}/{i}/DPMK/{YEAR}",
                "sent": (day - timedelta(days=3)).isoformat(),
                "received": day.isoformat(),
                "hal": f"{rng.choice(SUBJECTS)} tahap {i % 7 + 1} tahun anggaran {YEAR}",
                "sifat": rng.choice(SIFAT),
                "code": rng.choice(CODES),
                "registrar": registrar.id,
                "to": camat.id,
            }
        )
        code = rng.choice(CODES)
        outgoing.append(
            {
                "id": uuid7(),
                "now": now,
                "type": rng.choice(TYPES),
                "code": code,
                "sifat": rng.choice(SIFAT),
                "hal": f"{rng.choice(SUBJECTS)} nomor {i}",
                "to": rng.choice(ADDRESSEES),
                "drafter": registrar.id,
                "signer": camat.id,
                "number": f"{code}/{i + 1}/Kec.WMN/{YEAR}",
                "day": day.isoformat(),
            }
        )
    with store.write() as session:
        session.execute(
            text(
                "INSERT INTO incoming_letter (id, version, created_at, updated_at, agenda_number,"
                " agenda_year, channel, sender_name, sender_number, sender_date, received_date,"
                " hal, sifat, urgency, classification_code, note, registered_by, addressed_to_id,"
                " state) VALUES (:id, 0, :now, :now, :agenda, :year, 'kertas', :sender, :number,"
                " :sent, :received, :hal, :sifat, 'Biasa', :code, '', :registrar, :to, 'baru')"
            ),
            incoming,
        )
        session.execute(
            text(
                "INSERT INTO letter (id, version, created_at, updated_at, letter_type, status,"
                " classification_code, sifat, urgency, lampiran, hal, addressees_json,"
                " addressees_text, tembusan_json, drafter_id, signer_id, signer_capacity,"
                " signer_on_behalf_of, number, letter_date, signed_at, signature_kind,"
                " verify_code, revision_no, return_note) VALUES (:id, 0, :now, :now, :type,"
                " 'signed', :code, :sifat, 'Biasa', '-', :hal, '[]', :to, '[]', :drafter,"
                " :signer, '', '', :number, :day, :now, 'basah', '', 1, '')"
            ),
            outgoing,
        )
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    return store, accounts.login(store, "rina", PASSWORD)


def figures(letters: int = DEFAULT_LETTERS, log: Callable[[str], None] = print) -> list[Any]:
    from bench.run import Figure
    from desktop.letters import registers
    from desktop.letters.registers import ExportFormat, Period, Register
    from desktop.render.fonts import ensure_gui_app

    ensure_gui_app()
    out: list[Figure] = []
    targets = {ExportFormat.PDF: PDF_TARGET_S, ExportFormat.XLSX: XLSX_TARGET_S}
    with tempfile.TemporaryDirectory(prefix="naskah-registers-bench-") as tmp:
        root = Path(tmp)
        store, clerk = build_store(root, letters, log)
        try:
            year = Period.year(YEAR)
            for register in Register:
                for fmt in ExportFormat:
                    path = root / registers.default_file_name(register, year, fmt)
                    r0 = resource.getrusage(resource.RUSAGE_SELF)
                    t0, c0 = time.perf_counter(), time.process_time()
                    done = registers.export_agenda(store, clerk, register, year, fmt, path)
                    seconds = time.perf_counter() - t0
                    cpu = time.process_time() - c0
                    r1 = resource.getrusage(resource.RUSAGE_SELF)
                    # Where the wall time beyond the CPU time went: waits of our own (disk,
                    # locks: voluntary switches) or other processes on the cores (involuntary).
                    waits = r1.ru_nvcsw - r0.ru_nvcsw
                    preempted = r1.ru_nivcsw - r0.ru_nivcsw
                    assert done.rows == letters, (done.rows, letters)
                    tracemalloc.start()
                    registers.export_agenda(store, clerk, register, year, fmt, path)
                    _, peak = tracemalloc.get_traced_memory()
                    tracemalloc.stop()
                    size = path.stat().st_size / 1e6
                    pages = f", {done.pages} pages" if done.pages else ""
                    note = (
                        f"{done.rows} rows{pages}, {size:.1f} MB file; cpu {cpu:.2f} s "
                        f"(waited {waits}x, preempted {preempted}x); "
                        f"Python peak {peak / 1e6:.1f} MB (tracemalloc); process peak RSS "
                        f"{_rss_kb() / 1024:.0f} MB"
                    )
                    target = targets.get(fmt)
                    name = f"registers: agenda book surat {register.value}, year -> {fmt.value}"
                    text = f"<= {target:g} s" if target is not None else "report"
                    out.append(
                        Figure(name, seconds, "s", "one run", target, text, 1, note, [seconds])
                    )
                    log(f"{name}: {seconds:.2f} s; {note}")
            t0 = time.perf_counter()
            registers.dashboard(store, date(YEAR, 12, 15))
            dash_ms = (time.perf_counter() - t0) * 1000
            out.append(
                Figure(
                    "registers: dashboard figures",
                    dash_ms,
                    "ms",
                    "one run",
                    None,
                    "report",
                    1,
                    f"{2 * letters} letters",
                )
            )
        finally:
            store.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.registers_bench", description=__doc__.split("\n")[0])
    p.add_argument("--letters", type=int, default=DEFAULT_LETTERS)
    args = p.parse_args(argv)
    from bench.run import table

    print(table(figures(args.letters)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
