"""An imported agenda book and a SRIKANDI reference travel through the real server: the imported
letters reach the other PC with their old agenda numbers and claim no number of any lease (the
PCs go on numbering from their leases as before); undoing the import on the other PC removes
them on the first; the reference written on a signed letter is accepted by the server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

from desktop.letters import agenda_import as ai
from desktop.letters import drafting, handoff, incoming
from desktop.letters.incoming import IncomingInput
from desktop.store import clock
from desktop.store.incoming_models import IncomingLetter
from desktop.store.models import IssuedNumber
from tests.letters import importing
from tests.letters.agenda_books import days_so_far, write_xlsx
from tests.letters.scan_files import write_pdf
from tests.sync.pcs import PC, draft, office_with_registrar, sign

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


def register_one(pc: PC, tmp_path: Path, number: str) -> IncomingLetter:
    data = IncomingInput(
        sender_name="Dinas Pemberdayaan Masyarakat dan Kampung", sender_number=number,
        received_date=clock.today(), hal=f"Surat {number}",
        scans=[write_pdf(tmp_path, f"{pc.name}-{number.replace('/', '-')}.pdf", 1, number)],
    )  # fmt: skip
    return incoming.register(pc.store, pc.user("rina"), data)


def live(pc: PC) -> list[IncomingLetter]:
    return importing.live(pc.store, IncomingLetter)


def test_an_imported_book_syncs_without_claiming_numbers_and_its_undo_syncs_too(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2 = office_with_registrar(module_sync_server, tmp_path)
    year = clock.today().year
    book = write_xlsx(tmp_path / "agenda.xlsx", year, 60, broken_every=20, days=days_so_far(year))
    report = importing.import_guessed(pc1.store, pc1.user("rina"), book.path)
    assert report.imported == 57

    first = pc1.sync()
    assert (first.rejected, first.conflicts) == (0, 0)
    pc2.sync()
    arrived = live(pc2)
    assert len(arrived) == 57 and {x.import_batch_id for x in arrived} == {report.batch_id}
    assert sorted(int(x.agenda_number) for x in arrived)[:3] == [1, 2, 3]
    # Both PCs go on numbering from their leases, untouched by the book's numbers.
    new1 = register_one(pc1, tmp_path, "400/9/2026")
    new2 = register_one(pc2, tmp_path, "400/10/2026")
    assert pc1.sync().rejected == 0 and pc2.sync().rejected == 0
    assert new1.number_id and new2.number_id and new1.agenda_number != new2.agenda_number
    with pc2.store.read() as s:
        assert s.exec(select(func.count()).select_from(IssuedNumber)).one() == 2

    assert ai.undo_import(pc2.store, pc2.user("rina"), report.batch_id) == 57
    assert pc2.sync().rejected == 0
    pc1.sync()
    assert {x.id for x in live(pc1)} == {new1.id, new2.id}


def test_a_srikandi_reference_on_a_signed_letter_is_accepted_by_the_server(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2 = office_with_registrar(module_sync_server, tmp_path)
    letter_id = draft(pc1, "Undangan Musyawarah Kampung")
    sign(pc1, letter_id)
    pc1.sync()

    handoff.record_reference(pc1.store, pc1.user("budi"), letter_id, "SRK-2026-000777")
    report = pc1.sync()

    assert (report.rejected, report.conflicts) == (0, 0)
    pc2.sync()
    assert drafting.get_letter(pc2.store, pc2.user("budi"), letter_id).srikandi_ref == (
        "SRK-2026-000777"
    )
