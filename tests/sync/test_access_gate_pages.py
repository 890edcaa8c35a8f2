"""The access gate judges a page the same whether a record's letter is on the page or not: the
letters read ahead together (``Gate.prefetch``) give the verdicts reading each one would."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from sync.protocol import Entity
from sync.server import access, db

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite", "postgresql"], indirect=True)

ME, OTHER, REVIEWER = (str(uuid.UUID(int=n)) for n in (1, 2, 3))


def _write(conn: Any, office_id: str, seq: int, entity: Entity, fields: dict[str, Any]) -> None:
    conn.execute(db.records.insert().values(
        office_id=office_id, entity=entity.value, entity_id=fields["id"], version=1,
        deleted=False, fields=fields, updated_at=datetime(2026, 12, 1, tzinfo=UTC),
    ))  # fmt: skip
    conn.execute(db.change_log.insert().values(
        office_id=office_id, seq=seq, entity=entity.value, entity_id=fields["id"], version=1,
    ))  # fmt: skip


def test_children_of_letters_off_the_page_are_judged_as_their_letters(
    sync_server_factory: Any,
) -> None:
    server = sync_server_factory()
    code, office_id = server.new_office()
    pc = server.enrol(code)
    letters = {  # hal -> (sifat, drafter, reviewer indexed on it)
        "biasa": ("Biasa", OTHER, None),
        "mine": ("Rahasia", ME, None),
        "reviewed by me": ("Sangat Rahasia", OTHER, ME),
        "not mine": ("Rahasia", OTHER, REVIEWER),
        "no sifat": (None, OTHER, None),
    }
    ids = {hal: str(uuid.uuid4()) for hal in letters}
    with db.write_tx(server.engine) as conn:
        seq = 0
        for hal, (sifat, drafter, reviewer) in letters.items():
            seq += 1
            fields = {"id": ids[hal], "hal": hal, "drafter_id": drafter, "signer_id": OTHER}
            if sifat is not None:
                fields["sifat"] = sifat
            _write(conn, office_id, seq, Entity.LETTER, fields)
            if reviewer:
                conn.execute(db.access_readers.insert().values(
                    office_id=office_id, root_entity="letter", root_id=ids[hal],
                    person_id=reviewer,
                ))  # fmt: skip
        for hal in letters:  # after every letter: a page from here holds none of them
            seq += 1
            _write(conn, office_id, seq, Entity.LETTER_REVISION,
                   {"id": str(uuid.uuid4()), "letter_id": ids[hal], "hal": hal})  # fmt: skip
    from sync.server import records

    expected = {"biasa", "mine", "reviewed by me", "no sifat"}
    with db.write_tx(server.engine) as conn:
        children, _more, _cursor = records.changes_after(conn, office_id, len(letters), 100)
        page = access.Gate(conn, office_id, pc.device_id, [ME]).filter(children)
        assert {c.fields["hal"] for c in page} == expected
        # The whole log in one page: the letters carry their own fields.
        everything, _more, _cursor = records.changes_after(conn, office_id, 0, 100)
        page = access.Gate(conn, office_id, pc.device_id, [ME]).filter(everything)
        assert {c.fields["hal"] for c in page if c.entity == Entity.LETTER} == expected
        assert {c.fields["hal"] for c in page if c.entity != Entity.LETTER} == expected
        # Held back: remembered, and offered again once the device names a person on it.
        gate = access.Gate(conn, office_id, pc.device_id, [ME, REVIEWER])
        again = gate.reoffer()
        assert {c.fields["hal"] for c in again} == {"not mine"}
        assert [c.entity for c in again] == [Entity.LETTER, Entity.LETTER_REVISION]
        t = db.withheld
        assert conn.execute(select(t.c.entity_id).where(t.c.device_id == pc.device_id)).all() == []
