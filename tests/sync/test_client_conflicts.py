"""Two PCs of one office change the same records while offline.

Different fields merge silently; the same field changed on both PCs, or an edit against a
delete, becomes one conflict record that both PCs show; an edit of a letter that was signed
meanwhile is kept as a new draft instead of being lost.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import col, select

from desktop.letters import conflicts, drafting
from desktop.store.models import Letter
from desktop.store.sync_models import Conflict
from sync.client import engine
from sync.protocol import LetterStatus
from sync.server import db
from tests.sync.pcs import PC, count, draft, office_with_pcs, save, sign, snapshot

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


def _letter(pc: PC, letter_id: str) -> Letter:
    with pc.store.read() as s:
        return s.exec(select(Letter).where(Letter.id == letter_id)).one()


def _conflicts(pc: PC) -> list[Conflict]:
    with pc.store.read() as s:
        return list(s.exec(select(Conflict).where(col(Conflict.version) > 0)).all())


def _shared_draft(server: Any, tmp_path: Path) -> tuple[PC, PC, str]:
    _, (pc1, pc2) = office_with_pcs(server, tmp_path, "pc1", "pc2")
    letter_id = draft(pc1, "Undangan Rapat")
    pc1.sync()
    pc2.sync()
    return pc1, pc2, letter_id


def test_different_fields_are_merged(module_sync_server: Any, tmp_path: Path) -> None:
    pc1, pc2, letter_id = _shared_draft(module_sync_server, tmp_path)
    save(pc1, letter_id, hal="Undangan Rapat Dana Kampung")
    save(pc2, letter_id, lampiran="1 (satu) berkas")
    for pc in (pc1, pc2, pc1):
        report = pc.sync()
        assert report.conflicts == report.rejected == 0
    letter = _letter(pc2, letter_id)
    assert (letter.hal, letter.lampiran) == ("Undangan Rapat Dana Kampung", "1 (satu) berkas")
    assert snapshot(pc1.store) == snapshot(pc2.store)
    assert _conflicts(pc1) == []
    fts = "SELECT count(*) FROM letter_fts WHERE letter_fts MATCH 'dana'"
    assert count(pc2.store, fts) == 1  # the full-text index follows synced edits


def test_a_deleted_draft_is_a_tombstone_everywhere(module_sync_server: Any, tmp_path: Path) -> None:
    pc1, pc2, letter_id = _shared_draft(module_sync_server, tmp_path)
    drafting.delete_draft(pc1.store, pc1.user("budi"), letter_id)
    pc1.sync()
    assert pc2.sync().pulled >= 1
    assert _letter(pc2, letter_id).deleted_at is not None
    assert snapshot(pc1.store) == snapshot(pc2.store)


def test_edit_made_while_the_answer_travels_is_kept(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2, letter_id = _shared_draft(module_sync_server, tmp_path)
    save(pc2, letter_id, lampiran="1 (satu) berkas")
    pc2.sync()
    save(pc1, letter_id, hal="Undangan Rapat Pagi")
    link = engine.connect(pc1.store)
    state = engine.state_of(pc1.store)
    assert state is not None
    batch, response = engine.push_pull(pc1.store, link, state)  # merged with PC2's lampiran
    save(pc1, letter_id, hal="Undangan Rapat Siang")  # typed before the answer lands
    engine.apply(pc1.store, batch, response)
    letter = _letter(pc1, letter_id)
    assert (letter.hal, letter.lampiran) == ("Undangan Rapat Siang", "-")  # not overwritten
    for pc in (pc1, pc2):
        pc.sync()
    for pc in (pc1, pc2):
        letter = _letter(pc, letter_id)
        assert (letter.hal, letter.lampiran) == ("Undangan Rapat Siang", "1 (satu) berkas")
    assert snapshot(pc1.store) == snapshot(pc2.store)
    # Only the per-PC revision counter may disagree (PC1 saved twice, PC2 once); see below.
    assert all(json.loads(c.fields) == ["revision_no"] for c in _conflicts(pc1))


def test_saving_twice_while_another_pc_edits_makes_no_conflict(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2, letter_id = _shared_draft(module_sync_server, tmp_path)
    save(pc2, letter_id, lampiran="1 (satu) berkas")
    save(pc1, letter_id, hal="Undangan Rapat Pagi")
    save(pc1, letter_id, hal="Undangan Rapat Siang")
    pc2.sync()
    assert pc1.sync().conflicts == 0


def test_same_field_makes_one_conflict_on_both_pcs(module_sync_server: Any, tmp_path: Path) -> None:
    pc1, pc2, letter_id = _shared_draft(module_sync_server, tmp_path)
    save(pc1, letter_id, hal="Undangan Musyawarah")
    save(pc2, letter_id, hal="Undangan Rapat Koordinasi")
    pc1.sync()
    assert pc2.sync().conflicts == 1
    pc1.sync()
    for pc in (pc1, pc2):
        (conflict,) = _conflicts(pc)
        assert (conflict.entity, conflict.entity_id) == ("letter", letter_id)
        assert json.loads(conflict.fields) == ["hal"]
        assert json.loads(conflict.server_values) == {"hal": "Undangan Musyawarah"}
        assert json.loads(conflict.client_values) == {"hal": "Undangan Rapat Koordinasi"}
        assert conflict.resolved_at is None
        assert _letter(pc, letter_id).hal == "Undangan Musyawarah"  # the server's value stays
    assert snapshot(pc1.store) == snapshot(pc2.store)

    # Budi keeps PC2's wording: an ordinary edit, then the conflict is marked resolved.
    (conflict,) = conflicts.open_conflicts(pc2.store)
    save(pc2, letter_id, hal="Undangan Rapat Koordinasi")
    conflicts.mark_resolved(pc2.store, pc2.user("budi"), conflict.id)
    pc2.sync()
    pc1.sync()
    assert conflicts.open_conflicts(pc1.store) == []
    assert _letter(pc1, letter_id).hal == "Undangan Rapat Koordinasi"
    assert snapshot(pc1.store) == snapshot(pc2.store)
    with db.read_tx(module_sync_server.engine) as conn:  # still JSON values on the server
        stored = conn.execute(
            sa.select(db.records.c.fields).where(db.records.c.entity_id == conflict.id)
        ).scalar_one()
    assert stored["fields"] == ["hal"] and stored["resolved_by"] == pc2.user("budi").id


def test_edit_against_delete_is_a_conflict(module_sync_server: Any, tmp_path: Path) -> None:
    pc1, pc2, letter_id = _shared_draft(module_sync_server, tmp_path)
    drafting.delete_draft(pc1.store, pc1.user("budi"), letter_id)
    save(pc2, letter_id, hal="Masih diperlukan")
    pc1.sync()
    assert pc2.sync().conflicts == 1
    pc1.sync()
    for pc in (pc1, pc2):
        (conflict,) = _conflicts(pc)
        assert json.loads(conflict.fields) == ["deleted"]
        assert json.loads(conflict.client_values)["hal"] == "Masih diperlukan"
        assert _letter(pc, letter_id).deleted_at is not None
    assert snapshot(pc1.store) == snapshot(pc2.store)


def test_delete_against_edit_keeps_the_letter(module_sync_server: Any, tmp_path: Path) -> None:
    pc1, pc2, letter_id = _shared_draft(module_sync_server, tmp_path)
    save(pc2, letter_id, hal="Masih diperlukan")
    drafting.delete_draft(pc1.store, pc1.user("budi"), letter_id)
    pc2.sync()
    assert pc1.sync().conflicts == 1
    pc2.sync()
    for pc in (pc1, pc2):
        (conflict,) = _conflicts(pc)
        assert json.loads(conflict.fields) == ["deleted"]
        letter = _letter(pc, letter_id)
        assert (letter.deleted_at, letter.hal) == (None, "Masih diperlukan")
    assert snapshot(pc1.store) == snapshot(pc2.store)


def test_edit_of_a_signed_letter_is_kept_as_a_new_draft(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2, letter_id = _shared_draft(module_sync_server, tmp_path)
    number = sign(pc1, letter_id)  # the camat signs on PC1 ...
    save(pc2, letter_id, hal="Undangan Rapat (jam diganti)")  # ... while Budi edits on PC2
    assert pc1.sync().rejected == 0
    report = pc2.sync()
    assert (report.rejected, report.copies) == (1, 1)
    pc1.sync()
    for pc in (pc1, pc2):
        original = _letter(pc, letter_id)
        assert (original.status, original.number, original.hal) == (
            LetterStatus.SIGNED.value,
            number,
            "Undangan Rapat",
        )
        with pc.store.read() as s:
            (copy,) = s.exec(
                select(Letter).where(Letter.id != letter_id, Letter.hal.startswith("Undangan"))  # type: ignore[attr-defined]
            ).all()
        assert copy.hal == "Undangan Rapat (jam diganti)"
        assert (copy.status, copy.number, copy.number_id) == ("draft", "", None)
        assert copy.drafter_id == copy.holder_id == original.drafter_id
        assert number in copy.return_note and "Salinan" in copy.return_note
    assert snapshot(pc1.store) == snapshot(pc2.store)
