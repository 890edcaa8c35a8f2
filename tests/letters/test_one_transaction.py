"""Every user action is one transaction: "Kirim" from the editor saves the edit and sends the
letter together, resolving a conflict writes the chosen values and closes the conflict
together, and a refused action keeps nothing (the editor still holds what was typed)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import event
from sqlmodel import col, select

from desktop.letters import conflicts, drafting, workflow
from desktop.letters.errors import ValidationError
from desktop.store.db import Store
from desktop.store.models import AuditEntry, Letter, Outbox
from desktop.store.sync_models import Conflict
from sync.protocol import LetterStatus
from tests.conftest import Office
from tests.letters.test_lifecycle import fill_invitation


@pytest.fixture
def commits(office_staff: Office) -> Iterator[list[int]]:
    """The transactions committed on the office's store (one entry each)."""
    seen: list[int] = []

    def count(_conn: object) -> None:
        seen.append(1)

    event.listen(office_staff.store.engine, "commit", count)
    yield seen
    event.remove(office_staff.store.engine, "commit", count)


def _letter(store: Store, letter_id: str) -> Letter:
    with store.read() as s:
        return s.exec(select(Letter).where(Letter.id == letter_id)).one()


def _rows(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return len(s.exec(select(Outbox)).all()), len(s.exec(select(AuditEntry)).all())


def test_kirim_saves_the_edit_and_sends_in_one_transaction(
    office_staff: Office, commits: list[int]
) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    before = _letter(o.store, letter.id).revision_no
    data = drafting.input_of(_letter(o.store, letter.id))
    data.hal = "Undangan Rapat Koordinasi Dana Kampung Tahap II"
    commits.clear()

    sent = workflow.save_and_send(o.store, o.drafter, letter.id, data, [o.kasi.id], o.camat.id)

    assert len(commits) == 1
    stored = _letter(o.store, letter.id)
    assert stored.hal == data.hal and sent.hal == data.hal
    assert stored.revision_no == before + 1
    assert stored.status == LetterStatus.IN_REVIEW.value
    assert stored.holder_id == o.kasi.id
    with o.store.read() as s:
        actions = s.exec(select(AuditEntry.action).order_by(col(AuditEntry.seq))).all()
    assert actions[-5:] == [
        "letter.revision",
        "letter.save",
        "review.step",
        "review.step",
        "letter.send",
    ]


def test_a_refused_kirim_keeps_nothing_and_the_edit_can_still_be_saved(
    office_staff: Office,
) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    kept = _letter(o.store, letter.id)
    rows = _rows(o.store)
    data = drafting.input_of(kept)
    data.hal = "Undangan Rapat Koordinasi (perubahan)"

    with pytest.raises(ValidationError) as refused:  # the camat does not give initials
        workflow.save_and_send(o.store, o.drafter, letter.id, data, [o.camat.id], o.camat.id)
    assert refused.value.fields and refused.value.message

    after = _letter(o.store, letter.id)
    assert (after.hal, after.revision_no, after.status) == (kept.hal, kept.revision_no, "draft")
    assert _rows(o.store) == rows
    assert drafting.save_draft(o.store, o.drafter, letter.id, data).hal == data.hal


def _conflict_on(store: Store, letter: Letter) -> Conflict:
    conflict = Conflict(
        entity="letter",
        entity_id=letter.id,
        fields=json.dumps(["hal"]),
        server_values=json.dumps({"hal": "Hal dari PC lain"}),
        client_values=json.dumps({"hal": letter.hal}),
        reason="diubah di dua PC",
    )
    with store.write() as s:
        s.add(conflict)
    return conflict


def test_resolving_a_conflict_is_one_transaction(office_staff: Office, commits: list[int]) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    conflict = _conflict_on(o.store, letter)
    commits.clear()

    conflicts.resolve(o.store, o.drafter, conflict.id, {"hal": "Hal dari PC lain"})

    assert len(commits) == 1
    assert _letter(o.store, letter.id).hal == "Hal dari PC lain"
    assert conflicts.open_conflicts(o.store) == []
    with o.store.read() as s:
        actions = s.exec(select(AuditEntry.action).order_by(col(AuditEntry.seq))).all()
    assert actions[-3:] == ["letter.revision", "letter.save", "conflict.resolve"]


def test_a_refused_resolution_keeps_the_conflict_open_and_writes_nothing(
    office_staff: Office,
) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    conflict = _conflict_on(o.store, letter)
    rows = _rows(o.store)

    with pytest.raises(ValidationError) as refused:  # a draft field and one nobody may set
        conflicts.resolve(o.store, o.drafter, conflict.id, {"hal": "Baru", "version": 7})
    assert "version" in refused.value.fields

    assert [c.id for c in conflicts.open_conflicts(o.store)] == [conflict.id]
    assert _letter(o.store, letter.id).hal == letter.hal
    assert _rows(o.store) == rows
