"""Incoming letters: registering one with a 10-page, 3 MB scan (from "Simpan" to the list showing
it), the viewer's first page of a 50-page scan, and the Surat Masuk list over 100,000 letters.

    .venv/bin/python -m bench.incoming_bench [--letters 100000]

Makes its own store (an office, a registrar, ``--letters`` incoming letters written in bulk with
their full-text index), so it needs nothing from ``bench.generate``. ``bench.run`` prints these
figures with the others (group ``incoming``).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

DEFAULT_LETTERS = 100_000
SENDERS = (
    "Dinas Pemberdayaan Masyarakat dan Kampung", "Bupati Jayawijaya", "Sekretariat Daerah",
    "Dinas Kependudukan dan Pencatatan Sipil", "Kepala Kampung Sinakma", "Puskesmas Wamena Kota",
    "Dinas Pendidikan", "Badan Pengelola Keuangan Daerah", "Polsek Wamena", "Koramil Wamena",
)  # fmt: skip
SUBJECTS = (
    "Undangan rapat koordinasi", "Permohonan data penduduk", "Laporan dana kampung",
    "Pemberitahuan jadwal vaksinasi", "Surat edaran libur nasional", "Permohonan rekomendasi",
    "Penyampaian hasil musyawarah", "Undangan sosialisasi", "Laporan kegiatan posyandu",
)  # fmt: skip
SIFAT = ("Biasa",) * 17 + ("Terbatas", "Rahasia", "Sangat Rahasia")


def noisy_pdf(path: Path, pages: int, side_px: int) -> int:
    """A scan-like PDF: each page one image of noise (which does not compress), so the file is
    about ``pages * side_px**2 * 3`` bytes. Returns its size."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter

    from desktop.render.fonts import ensure_gui_app

    ensure_gui_app()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        image = QImage(os.urandom(side_px * side_px * 3), side_px, side_px, side_px * 3,
                       QImage.Format.Format_RGB888)  # fmt: skip
        painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), image)
    painter.end()
    return path.stat().st_size


def build_store(root: Path, letters: int, log: Callable[[str], None]) -> tuple[Any, Any]:
    """An office with a registrar, and ``letters`` incoming letters written in bulk."""
    from sqlalchemy import text

    from desktop.letters import accounts, office
    from desktop.letters.accounts import PersonInput, Role
    from desktop.store.db import open_store
    from desktop.store.ids import uuid7

    store = open_store(root / "data")
    password = "bench-rahasia-123"
    office.setup(
        store,
        office.OfficeInput(kabupaten="Jayawijaya", kecamatan="Wamena", unit_code="Kec.WMN",
                           address="Jl. Yos Sudarso No. 1"),
        PersonInput("Admin", "198503122010011002", "", "Admin", "admin", frozenset({Role.ADMIN}),
                    password),
    )  # fmt: skip
    admin = accounts.login(store, "admin", password)
    accounts.add_person(store, admin, PersonInput(
        "Rina Wenda", "199203032018012001", "", "Agendaris", "rina",
        frozenset({Role.REGISTRAR}), password,
    ))  # fmt: skip
    camat = accounts.add_person(store, admin, PersonInput(
        "Agustinus Mabel", "197008171994031006", "", "Camat", "camat",
        frozenset({Role.SIGNER}), password,
    ))  # fmt: skip
    registrar = accounts.login(store, "rina", password)
    log(f"incoming: writing {letters} letters ...")
    rng = random.Random(14)
    start = date(2016, 1, 1)
    now = datetime.now(UTC).isoformat(" ")
    rows = []
    for i in range(letters):
        received = start + timedelta(days=i * 3650 // max(1, letters))
        rows.append({
            "id": uuid7(), "now": now, "agenda": f"{i % 9999 + 1:04d}", "year": received.year,
            "sender": rng.choice(SENDERS), "number": f"{rng.randint(1, 999)}/{i}/{received.year}",
            "received": received.isoformat(), "hal": f"{rng.choice(SUBJECTS)} {i}",
            "sifat": rng.choice(SIFAT), "registrar": registrar.id,
            "to": camat.id, "state": "didisposisi" if i < letters - 50 else "baru",
        })  # fmt: skip
    with store.write() as session:
        session.execute(
            text(
                "INSERT INTO incoming_letter (id, version, created_at, updated_at, agenda_number,"
                " agenda_year, channel, sender_name, sender_number, received_date, hal, sifat,"
                " urgency, classification_code, note, registered_by, addressed_to_id, state)"
                " VALUES (:id, 0, :now, :now, :agenda, :year, 'kertas', :sender, :number,"
                " :received, :hal, :sifat, 'Biasa', '000.1.5', '', :registrar, :to, :state)"
            ),
            rows,
        )
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    return store, accounts.login(store, "camat", password)


def figures(letters: int = DEFAULT_LETTERS, log: Callable[[str], None] = print) -> list[Any]:
    from bench.run import Figure, ms_figure
    from desktop.letters import accounts, incoming
    from desktop.letters import incoming_queries as iq
    from desktop.letters.incoming import IncomingInput
    from desktop.letters.incoming_queries import IncomingFilter, IncomingQueue

    out: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="naskah-incoming-bench-") as tmp:
        root = Path(tmp)
        store, camat = build_store(root, letters, log)
        registrar = accounts.login(store, "rina", "bench-rahasia-123")
        try:
            scans = []
            for n in range(8):
                path = root / f"scan-{n}.pdf"
                size = noisy_pdf(path, 10, 380)
                scans.append(path)
            log(f"incoming: scans of 10 pages, {size / 1e6:.1f} MB each")
            made = iter(scans)

            def register_and_list() -> None:
                path = next(made)
                data = IncomingInput(
                    sender_name=SENDERS[0], sender_number=path.name, received_date=date.today(),
                    hal="Undangan rapat evaluasi", scans=[path],
                )  # fmt: skip
                letter = incoming.register(store, registrar, data)
                shown = iq.page(store, registrar, IncomingQueue.NEW)
                assert any(r.id == letter.id for r in shown)
                iq.count(store, registrar, IncomingQueue.NEW)

            out.append(ms_figure(
                "incoming: register 10-page 3 MB scan -> list shows it", register_and_list, 300,
                runs=5, note=f"{size / 1e6:.1f} MB, hash + copy + agenda number + list",
            ))  # fmt: skip

            from desktop.ui.qt import QSize
            from desktop.ui.scan_viewer import SCREEN_DPI, ScanPages, ScanSource

            fifty = root / "fifty.pdf"
            noisy_pdf(fifty, 50, 200)

            def first_page() -> None:
                # What ScanViewer.show_sources does before the first paint: open the file,
                # index its pages, render page 1 at the width of the viewer.
                pages = ScanPages()
                pages.load([ScanSource(fifty, "application/pdf")])
                assert len(pages.index) == 50
                points = pages.point_size(0)
                scale = 540 / (points.width() * SCREEN_DPI / 72) * SCREEN_DPI / 72
                pixels = QSize(round(points.width() * scale), round(points.height() * scale))
                assert not pages.render(0, pixels).isNull()
                pages.close()

            out.append(ms_figure("incoming: 50-page scan, first page rendered", first_page, 300,
                                 runs=10, note="QtPdf open + page 1 at 540 px wide"))  # fmt: skip

            out.append(ms_figure(
                "incoming: Surat Masuk count + first page",
                lambda: (iq.count(store, camat, IncomingQueue.ALL),
                         iq.page(store, camat, IncomingQueue.ALL)),
                50, note=f"{letters} letters",
            ))  # fmt: skip
            for key in ("agenda_number", "sender_name", "hal", "sifat"):
                out.append(ms_figure(
                    f"incoming: sort by {key} (first page)",
                    lambda key=key: iq.page(store, camat, IncomingQueue.ALL, sort=key), 50,
                ))  # fmt: skip
            filt = IncomingFilter(sifat="Terbatas")
            out.append(ms_figure(
                "incoming: filter sifat count + first page",
                lambda: (iq.count(store, camat, IncomingQueue.ALL, filt),
                         iq.page(store, camat, IncomingQueue.ALL, filt)), 50,
            ))  # fmt: skip
            for word in ("undangan", "sinakma"):
                search = IncomingFilter(search=word)
                out.append(ms_figure(
                    f"incoming: search '{word}' count + first page",
                    lambda s=search: (iq.count(store, camat, IncomingQueue.ALL, s),
                                      iq.page(store, camat, IncomingQueue.ALL, s)), 30,
                ))  # fmt: skip
            out.append(ms_figure(
                "incoming: sidebar counts", lambda: iq.counts(store, camat), None,
                note="off the GUI thread",
            ))  # fmt: skip
        finally:
            store.close()
    return out


def main(argv: list[str] | None = None) -> int:
    from bench.run import table

    p = argparse.ArgumentParser(prog="bench.incoming_bench", description=__doc__.split("\n")[0])
    p.add_argument("--letters", type=int, default=DEFAULT_LETTERS)
    args = p.parse_args(argv)
    print(table(figures(args.letters)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
