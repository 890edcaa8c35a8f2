"""An imported outgoing agenda book through the real server: its letters reach the other PC as
signed letters under the book's numbers, claiming no number of any lease (the PCs go on
numbering from their leases); undoing the import on the other PC is accepted by the server
(an imported letter was never signed here) and removes them on the first. A letter signed in
Naskah still cannot be deleted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

from desktop.letters import journal
from desktop.letters import outgoing_import as oi
from desktop.store import clock
from desktop.store.models import IssuedNumber, Letter
from sync.protocol import Entity, Op
from tests.letters import importing
from tests.letters.importing import last_year
from tests.letters.outgoing_books import write_outgoing_xlsx
from tests.sync.pcs import PC, draft, office_with_registrar, sign

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


def live(pc: PC) -> list[Letter]:
    return importing.live(pc.store, Letter)


def test_an_imported_outgoing_book_syncs_and_its_undo_syncs_too(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2 = office_with_registrar(module_sync_server, tmp_path)
    book = write_outgoing_xlsx(tmp_path / "keluar.xlsx", last_year(), 40, broken_every=20)
    report = importing.import_guessed(pc1.store, pc1.user("rina"), book.path, outgoing=True)
    assert report.imported == 38

    first = pc1.sync()
    assert (first.rejected, first.conflicts) == (0, 0)
    pc2.sync()
    arrived = live(pc2)
    assert sorted(x.number for x in arrived) == sorted(book.numbers)
    assert {x.import_batch_id for x in arrived} == {report.batch_id}
    assert {x.status for x in arrived} == {"signed"} and {x.number_id for x in arrived} == {None}
    # A letter signed in Naskah afterwards takes its number from the PC's lease as before.
    signed_id = draft(pc2, "Undangan Musyawarah Kampung")
    sign(pc2, signed_id)
    assert pc2.sync().rejected == 0
    with pc2.store.read() as s:
        assert s.exec(select(func.count()).select_from(IssuedNumber)).one() == 1

    assert oi.undo_import(pc2.store, pc2.user("rina"), report.batch_id) == 38
    undone = pc2.sync()
    assert (undone.rejected, undone.conflicts) == (0, 0)
    pc1.sync()
    assert [x.id for x in live(pc1)] == [signed_id]


def test_a_letter_signed_in_naskah_cannot_be_passed_off_as_imported_to_delete_it(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, _pc2 = office_with_registrar(module_sync_server, tmp_path)
    letter_id = draft(pc1, "Undangan Rapat")
    sign(pc1, letter_id)
    assert pc1.sync().rejected == 0
    admin = pc1.user("admin")
    # A PC that marks the signed letter as imported, then deletes it (no service does either).
    with pc1.store.write() as s:
        letter = s.exec(select(Letter).where(Letter.id == letter_id)).one()
        letter.import_batch_id = "0190f0f0-0000-7000-8000-000000000001"
        journal.record(s, admin.id, "test.mark", Entity.LETTER, letter)
    assert pc1.sync().rejected == 1  # a signed letter's fields stay as signed
    with pc1.store.write() as s:
        letter = s.exec(select(Letter).where(Letter.id == letter_id)).one()
        letter.deleted_at = clock.now()
        journal.record(s, admin.id, "test.delete", Entity.LETTER, letter, op=Op.DELETE)
    assert pc1.sync().rejected == 1
