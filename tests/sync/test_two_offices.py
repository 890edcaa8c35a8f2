"""Two PCs of one office and one PC of another work offline, then sync in every order.

Story: Wamena's first PC set the office up and drafted a letter; a second PC joined. Kurulu's
PC is a copy of the same installation (same record ids!) enrolled into another office. Then
everyone works offline: new drafts on every PC, the two Wamena PCs edit different fields of the
shared letter and of the office profile, Kurulu edits its own copy of the letter. Whatever
order they come back online in, the Wamena PCs and the server end up with the same records,
and nothing crosses between the offices.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import select as select_rows

from desktop.letters import office
from desktop.store.models import Letter
from sync.server import db
from tests.sync.pcs import PC, clone_pc, draft, enrol, open_pc, save, set_up_office, snapshot

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)

ORDERS = list(itertools.permutations(["a1", "a2", "b"]))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PC, str]]:
    """A set-up office with one draft, made once and copied for every run."""
    pc = open_pc(tmp_path_factory.mktemp("template"), "template")
    set_up_office(pc)
    shared = draft(pc, "Undangan Rapat Koordinasi")
    yield pc, shared
    pc.close()


def _hal_body(pc: PC, letter_id: str) -> tuple[str, str]:
    with pc.store.read() as s:
        letter = s.exec(select_rows(Letter).where(Letter.id == letter_id)).one()
        return letter.hal, letter.body_text


def _letter_ids(pc: PC) -> set[str]:
    with pc.store.read() as s:
        return set(s.exec(select_rows(Letter.id)).all())


def _server_records(server, office_id: str) -> set[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    with db.read_tx(server.engine) as conn:
        rows = conn.execute(
            select(db.records.c.entity, db.records.c.entity_id, db.records.c.version).where(
                db.records.c.office_id == office_id, db.records.c.entity != "audit"
            )
        ).all()
    return {(r.entity, r.entity_id, r.version) for r in rows}


def _local_records(pc: PC) -> set[tuple[str, str, int]]:
    snap = snapshot(pc.store)
    out = set()
    with pc.store.engine.connect() as conn:
        for table in snap:
            for entity_id, version in conn.exec_driver_sql(f"SELECT id, version FROM {table}"):
                if table != "conflict" or version > 0:
                    out.add((table, entity_id, version))
    return out


@pytest.mark.parametrize("order", ORDERS, ids=["-".join(o) for o in ORDERS])
def test_offline_work_converges_in_any_order(
    module_sync_server, template: tuple[PC, str], tmp_path: Path, order: tuple[str, ...]
) -> None:
    server = module_sync_server
    base, shared = template
    code_a, office_a = server.new_office("Kecamatan Wamena")
    code_b, office_b = server.new_office("Kecamatan Kurulu")
    pcs = {"a1": clone_pc(base, tmp_path, "a1"), "a2": open_pc(tmp_path, "a2")}
    pcs["b"] = clone_pc(base, tmp_path, "b")
    for name, code in (("a1", code_a), ("a2", code_a), ("b", code_b)):
        enrol(pcs[name], server, code)
        assert pcs[name].sync().rejected == 0
    assert snapshot(pcs["a2"].store) == snapshot(pcs["a1"].store)

    # Offline work on every PC.
    new = {name: draft(pc, f"Surat baru dari {name}") for name, pc in pcs.items()}
    save(pcs["a1"], shared, hal="Undangan Rapat Koordinasi Dana Kampung")
    save(pcs["a2"], shared, body_html="<p>Rapat dimajukan ke pukul 08.00 WIT.</p>")
    save(pcs["b"], shared, hal="Undangan Kurulu")
    office.update_office(pcs["a1"].store, pcs["a1"].user("admin"), {"email": "wamena@kab.go.id"})
    office.update_office(pcs["a2"].store, pcs["a2"].user("admin"), {"phone": "(0969) 555"})

    for _round in range(2):
        for name in order:
            report = pcs[name].sync()
            assert report.rejected == 0 and report.conflicts == 0

    a1, a2, b = pcs["a1"], pcs["a2"], pcs["b"]
    assert snapshot(a1.store) == snapshot(a2.store)
    assert _local_records(a1) == _server_records(server, office_a)
    assert _local_records(b) == _server_records(server, office_b)
    assert _hal_body(a2, shared) == (
        "Undangan Rapat Koordinasi Dana Kampung",
        "Rapat dimajukan ke pukul 08.00 WIT.",
    )
    assert _hal_body(b, shared)[0] == "Undangan Kurulu"
    assert "08.00" not in _hal_body(b, shared)[1]
    profile = office.get_office(a2.store)
    assert (profile.email, profile.phone) == ("wamena@kab.go.id", "(0969) 555")
    assert office.get_office(b.store).phone != "(0969) 555"
    # No cross-office leak: each office holds exactly its own new drafts.
    assert {new["a1"], new["a2"]} <= _letter_ids(a1) and new["b"] not in _letter_ids(a1)
    assert new["b"] in _letter_ids(b) and not {new["a1"], new["a2"]} & _letter_ids(b)
    for pc in pcs.values():
        assert pc.sync().pending == 0
        pc.close()
