"""The protocol's record schema matches the PC's tables, and refuses what no table can hold."""

from __future__ import annotations

import pytest
from sqlmodel import SQLModel

from desktop.letters import journal
from desktop.store.entities import MODELS, companion_names, local_only
from desktop.store.models import AuditEntry
from sync.protocol import Entity
from sync.schema import FIELDS, MAX_INT, record_problem

TABLES: dict[Entity, type[SQLModel]] = {**MODELS, Entity.AUDIT: AuditEntry}


@pytest.mark.parametrize("entity", list(Entity))
def test_every_synced_field_of_the_pc_is_declared(entity: Entity) -> None:
    model = TABLES[entity]
    sent = (set(model.model_fields) - local_only(model)) | set(companion_names(model))
    wire = {"id", "version"}  # every mutation may name its id and its server version
    assert set(FIELDS[entity]) - wire == sent - wire


def test_a_real_letter_payload_fits(office_staff) -> None:  # type: ignore[no-untyped-def]
    from desktop.letters import drafting

    letter = drafting.new_draft(office_staff.store, office_staff.drafter, "surat_dinas")
    assert record_problem(Entity.LETTER, journal.payload(letter)) == ""


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"status": ["signed"]}, "kolom status: harus teks"),
        ({"status": "ditandatangani"}, "kolom status: nilai tidak dikenal"),
        ({"hal": "\udfff"}, "kolom hal: bukan teks Unicode yang sah"),
        ({"hal": "a\x00b"}, "kolom hal: berisi karakter NUL"),
        ({"hal": "x" * 2_001}, "kolom hal: lebih dari 2000 karakter"),
        ({"revision_no": MAX_INT + 1}, "kolom revision_no: bilangan di luar batas"),
        ({"revision_no": 2**63}, "kolom revision_no: bilangan di luar batas"),
        ({"revision_no": True}, "kolom revision_no: harus bilangan bulat"),
        ({"signed_at": "kemarin"}, "kolom signed_at: bukan waktu ISO 8601"),
        ({"drafter_id": "x" * 65}, "kolom drafter_id: id harus 1-64 karakter ASCII tanpa spasi"),
        ({"drafter_id": "a\x00"}, "kolom drafter_id: id harus 1-64 karakter ASCII tanpa spasi"),
        ({"nested": {"a": 1}}, "kolom 'nested' tidak dikenal untuk letter"),
    ],
)
def test_what_no_table_can_hold_is_refused(fields: dict[str, object], problem: str) -> None:
    assert record_problem(Entity.LETTER, fields) == problem


def test_numbers_must_be_finite() -> None:
    for bad in (float("nan"), float("inf"), 1e400):
        assert (
            record_problem(Entity.OFFICE, {"font_pt": bad}) == "kolom font_pt: bilangan tidak sah"
        )


def test_json_fields_are_bounded_in_depth() -> None:
    deep: object = "x"
    for _ in range(600):
        deep = [deep]
    assert "bersarang" in record_problem(Entity.CONFLICT, {"server_values": deep})
    assert record_problem(Entity.CONFLICT, {"fields": ["hal"], "server_values": {"hal": "a"}}) == ""
