"""Berkas travel between the PCs of one office through the real server: a letter filed on one PC
is filed on the other (the berkas, its item, the incoming letter shown as archived), a letter
filed into that berkas on the second PC comes back, and the administrator's retention rule for a
code reaches every PC."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop.letters import filing, incoming, retention
from desktop.letters.filing import BerkasInput
from desktop.letters.incoming import IncomingInput
from desktop.store import clock
from desktop.store.incoming_models import IncomingLetter
from tests.letters.scan_files import write_pdf
from tests.sync.pcs import PC, office_with_registrar, snapshot

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)

FILING_TABLES = ("berkas", "berkas_item", "retention_rule", "incoming_letter")
CODE = "000.1.4"


def _register(pc: PC, tmp_path: Path, number: str) -> IncomingLetter:
    data = IncomingInput(
        sender_name="Distrik Wamena Kota", sender_number=number, received_date=clock.today(),
        hal=f"Peminjaman aula {number}", classification_code=CODE,
        scans=[write_pdf(tmp_path, f"{pc.name}-{number.replace('/', '-')}.pdf", 1, number)],
    )  # fmt: skip
    return incoming.register(pc.store, pc.user("rina"), data)


def test_a_berkas_filed_on_one_pc_is_filed_on_the_other_and_grows_there(
    module_sync_server: Any, tmp_path: Path
) -> None:
    pc1, pc2 = office_with_registrar(module_sync_server, tmp_path)

    first = _register(pc1, tmp_path, "A/1")
    item = filing.file_letter(
        pc1.store, pc1.user("rina"), "masuk", first.id,
        new_berkas=BerkasInput(CODE, clock.today().year, "Peminjaman aula kantor"),
    )  # fmt: skip
    assert pc1.sync().rejected == 0
    pc2.sync()

    # On the second PC the berkas is there with its letter, and the letter shows as archived.
    rina2 = pc2.user("rina")
    (row,) = filing.list_berkas(pc2.store)
    assert (row.berkas.id, row.berkas.title, row.items) == (
        item.berkas_id, "Peminjaman aula kantor", 1,
    )  # fmt: skip
    with pc2.store.read() as s:
        assert s.exec(select(IncomingLetter).where(IncomingLetter.id == first.id)).one().state == (
            "diarsipkan"
        )
    # The second PC files another letter into it and suggests it for its own letters.
    second = _register(pc2, tmp_path, "B/1")
    suggestion = filing.suggest(pc2.store, rina2, "masuk", second.id)
    assert [b.id for b in suggestion.candidates] == [item.berkas_id]
    filing.file_letter(pc2.store, rina2, "masuk", second.id, berkas_id=item.berkas_id)
    retention.set_rule(pc2.store, pc2.user("admin"), "400.10.2", active_years=2,
                       inactive_years=8, final_fate="permanen", note="Perbup 5/2025")  # fmt: skip
    assert pc2.sync().rejected == 0
    pc1.sync()

    assert [i.hal for i in filing.items(pc1.store, item.berkas_id)] == [
        "Peminjaman aula A/1", "Peminjaman aula B/1",
    ]  # fmt: skip
    rule = retention.rule_for(pc1.store, "400.10.2")
    assert rule is not None and (rule.active_years, rule.final_fate, rule.source) == (
        2, "permanen", "kantor",
    )  # fmt: skip
    assert snapshot(pc1.store, FILING_TABLES) == snapshot(pc2.store, FILING_TABLES)
