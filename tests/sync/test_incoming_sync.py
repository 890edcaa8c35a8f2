"""Incoming letters and dispositions travel between the PCs of one office through the real
server: the letter, its sender and scans (the blob too), the dispositions and their notes; agenda
numbers from leases never collide; two PCs changing one disposition offline end in a visible
conflict, never a silent loss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from desktop.letters import disposition, incoming
from desktop.letters import incoming_queries as iq
from desktop.letters.disposition import DispositionInput
from desktop.letters.incoming import IncomingInput
from desktop.letters.incoming_queries import IncomingQueue
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.incoming_models import Disposition, IncomingLetter, IncomingScan
from desktop.store.sync_models import Conflict
from tests.letters.scan_files import write_pdf
from tests.sync.pcs import PC, office_with_registrar, snapshot

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)

INCOMING_TABLES = (
    "sender", "incoming_letter", "incoming_scan", "letter_link", "disposition",
    "disposition_note", "issued_number",
)  # fmt: skip


def _register(pc: PC, tmp_path: Path, number: str, name: str = "a.pdf") -> IncomingLetter:
    today = clock.today()
    data = IncomingInput(
        sender_name="Dinas Pemberdayaan Masyarakat dan Kampung", sender_number=number,
        received_date=today, hal=f"Surat {number}", addressed_to_id=pc.user("camat").id,
        scans=[write_pdf(tmp_path, f"{pc.name}-{name}", 2, number)],
    )  # fmt: skip
    return incoming.register(pc.store, pc.user("rina"), data)


def _tables(pc: PC) -> dict[str, list[tuple[Any, ...]]]:
    return snapshot(pc.store, INCOMING_TABLES)


def test_a_registered_and_disposed_letter_reaches_the_other_pc_with_its_scan(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2 = office_with_registrar(module_sync_server, tmp_path)
    letter = _register(pc1, tmp_path, "400/1/2026")
    (to_sari,) = disposition.dispose(
        pc1.store, pc1.user("camat"), letter.id,
        DispositionInput([pc1.user("sari").id], ["Proses lebih lanjut"], due_date=clock.today()),
    )  # fmt: skip
    assert pc1.sync().rejected == 0
    pc2.sync()

    # On the second PC the kasi finds it in her Disposisi queue, scan and all.
    sari = pc2.user("sari")
    (row,) = iq.page(pc2.store, sari, IncomingQueue.DISPOSITIONS)
    assert (row.id, row.disposition_id) == (letter.id, to_sari.id)
    (scan,) = incoming.scans_of(pc2.store, sari, letter.id)
    assert BlobStore(pc2.store.blob_dir).has(scan.sha256)
    assert incoming.scan_bytes(pc2.store, sari, scan) == BlobStore(pc1.store.blob_dir).get(
        scan.sha256
    )
    assert (
        iq.count(pc2.store, sari, IncomingQueue.ALL, iq.IncomingFilter(search="pemberdayaan")) == 1
    )

    disposition.add_note(pc2.store, sari, to_sari.id, "Sedang dikerjakan.")
    disposition.complete(pc2.store, sari, to_sari.id, "Selesai dikoordinasikan.")
    assert pc2.sync().rejected == 0
    pc1.sync()
    assert disposition.get(pc1.store, pc1.user("camat"), to_sari.id).state == "selesai"
    (node,) = disposition.tree(pc1.store, pc1.user("camat"), letter.id)
    assert [n.text for n, _who in node.notes] == ["Sedang dikerjakan."]
    assert _tables(pc1) == _tables(pc2)


def test_agenda_numbers_registered_offline_on_two_pcs_never_collide(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2 = office_with_registrar(module_sync_server, tmp_path)
    pc2.user("rina")
    first = [_register(pc1, tmp_path, f"A/{i}", f"{i}.pdf") for i in range(3)]
    second = [_register(pc2, tmp_path, f"B/{i}", f"{i}.pdf") for i in range(3)]
    for pc in (pc1, pc2, pc1):
        assert pc.sync().rejected == 0
    numbers = [x.agenda_number for x in first + second]
    assert len(set(numbers)) == 6, numbers
    with pc1.store.read() as s:
        assert len(s.exec(select(IncomingLetter)).all()) == 6
        assert len(s.exec(select(IncomingScan)).all()) == 6


def test_one_disposition_changed_on_two_pcs_offline_is_a_visible_conflict(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2 = office_with_registrar(module_sync_server, tmp_path)
    letter = _register(pc1, tmp_path, "400/9/2026")
    (row,) = disposition.dispose(
        pc1.store, pc1.user("camat"), letter.id,
        DispositionInput([pc1.user("sari").id], ["Untuk diketahui"]),
    )  # fmt: skip
    pc1.sync()
    pc2.sync()
    # Offline: the camat withdraws it on PC 1 while the kasi reads and finishes it on PC 2.
    disposition.cancel(pc1.store, pc1.user("camat"), row.id)
    disposition.complete(pc2.store, pc2.user("sari"), row.id, "Sudah diketahui.")
    pc1.sync()
    report = pc2.sync()
    assert report.conflicts == 1
    pc1.sync()
    for pc in (pc1, pc2):
        with pc.store.read() as s:
            conflicts = s.exec(
                select(Conflict).where(Conflict.entity == "disposition", col(Conflict.version) > 0)
            ).all()
            assert len(conflicts) == 1 and "state" in conflicts[0].fields
            kept = s.get(Disposition, row.id)
            assert kept is not None and kept.state == "dibatalkan"  # the server's, until resolved
    assert "selesai" in conflicts[0].client_values and "dibatalkan" in conflicts[0].server_values
