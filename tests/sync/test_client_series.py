"""An office numbering per letter type: every PC is leased every type's series before its first
letter of that type is signed (``SyncRequest.series_wanted``), so signing works offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop.letters.numbering import series_wanted
from desktop.letters.templates import letter_types
from desktop.store.models import Office
from desktop.store.sync_models import NumberLease
from tests.sync.pcs import draft, enrol, open_pc, set_up_office, sign

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


def test_per_type_series_are_leased_before_the_first_letter(
    module_sync_server: Any, tmp_path: Path
) -> None:
    code, _ = module_sync_server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    with pc.store.read() as session:
        assert series_wanted(session) == ["keluar"]
    with pc.store.write() as session:
        session.exec(select(Office)).one().series_per_type = True
    with pc.store.read() as session:
        wanted = series_wanted(session)
    assert wanted == ["keluar", *(f"keluar/{key}" for key in sorted(letter_types()))]
    enrol(pc, module_sync_server, code)
    pc.sync()
    with pc.store.read() as session:
        leased = {lease.series for lease in session.exec(select(NumberLease)).all()}
    assert set(wanted) <= leased
    # Offline now: the first "surat_undangan" of this office still gets its number.
    number = sign(pc, draft(pc, "Undangan rapat"))
    assert number
    assert pc.sync().rejected == 0
