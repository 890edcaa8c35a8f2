"""Pruning ``applied_mutations`` (issue 13): the server forgets an ack once the device has
applied the answer that carried it, and a replay after pruning still applies nothing twice:
the same request again, a mutation whose answer was lost, a store restored from an old backup.
On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    inspect,
    select,
)
from sqlmodel import select as select_rows

from desktop.store.db import backup_file, restore_backup
from desktop.store.models import Letter
from desktop.store.sync_models import SyncState
from sync.server import db, hubs
from sync.server.pruning import BEHIND_REASON
from tests.sync.conftest import DeviceClient
from tests.sync.pcs import draft, office_with_pcs, open_pc, save
from tests.sync.test_late_requests import LETTER, edit

SQLITE = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)


def send(pc: DeviceClient, seq: int, mutations: list[dict[str, Any]], answered: int | None) -> Any:
    body: dict[str, Any] = {"cursor": 0, "mutations": mutations, "request_seq": seq}
    if answered is not None:
        body["answered_seq"] = answered
    r = pc.post("/api/v1/sync", json=body)
    assert r.status_code == 200, r.text
    return r.json()


def kept(server: Any, *mutations: dict[str, Any]) -> list[str]:
    """Which of ``mutations`` the server still holds an ack for."""
    t = db.applied_mutations
    ids = [m["mutation_id"] for m in mutations]
    with server.engine.connect() as conn:
        found = set(conn.execute(select(t.c.mutation_id).where(t.c.mutation_id.in_(ids))).scalars())
    return [i for i in ids if i in found]


def record(server: Any, letter_id: str) -> tuple[int, str, int]:
    """(version, hal, history rows) of a letter on the server."""
    r, h = db.records.c, db.history.c
    with server.engine.connect() as conn:
        version, fields = conn.execute(
            select(r.version, r.fields).where(r.entity_id == letter_id)
        ).one()
        history = conn.execute(
            select(func.count()).select_from(db.history).where(h.entity_id == letter_id)
        ).scalar_one()
    return int(version), str(fields["hal"]), int(history)


def test_confirmed_acks_are_forgotten_and_replays_apply_nothing_twice(
    sync_server_factory: Callable[..., Any],
) -> None:
    server = sync_server_factory()
    code, _ = server.new_office()
    pc = server.enrol(code)
    letter_id = str(uuid.uuid4())
    x = pc.mutation("letter", letter_id, {**LETTER, "hal": "Awal"})
    first = send(pc, 1, [x], answered=0)
    assert first["acks"][0]["status"] == "applied"
    assert kept(server, x) == [x["mutation_id"]]  # not yet confirmed
    send(pc, 2, [], answered=1)  # the device applied answer 1
    assert kept(server, x) == []
    before = record(server, letter_id)
    # The same request again (a second server process, a proxy's retry): late, nothing applied.
    again = send(pc, 1, [x], answered=0)
    assert again["late"] and again["acks"] == []
    assert record(server, letter_id) == before

    # A lost answer: the edit travels again in the next request and gets its stored ack; it is
    # forgotten only once the device confirms the answer that carried it to it.
    y = edit(letter_id, "Diubah", before[0])
    lost = send(pc, 3, [y], answered=1)
    retry = send(pc, 4, [y], answered=1)
    assert retry["acks"] == lost["acks"]
    send(pc, 5, [], answered=2)
    assert kept(server, y) == [y["mutation_id"]]
    send(pc, 6, [], answered=4)
    assert kept(server, y) == []
    after = record(server, letter_id)
    assert after[1] == "Diubah" and after[0] == before[0] + 1
    assert send(pc, 4, [y], answered=2)["late"]  # the retry again, late: nothing
    assert record(server, letter_id) == after

    # A store restored from an old backup sends both again, in a request that is not late:
    # it has not applied the answers whose acks are gone, so nothing of it is applied.
    z = edit(letter_id, "Baru", after[0])
    restored = send(pc, 7, [x, y, z], answered=1)
    assert not restored["late"]
    assert [a["status"] for a in restored["acks"]] == ["rejected"] * 3
    assert {a["reason"] for a in restored["acks"]} == {BEHIND_REASON}
    assert record(server, letter_id) == after
    # Once it has applied that answer, it works as before.
    z2 = edit(letter_id, "Baru", after[0])
    assert send(pc, 8, [z2], answered=7)["acks"][0]["status"] in ("applied", "merged")
    assert record(server, letter_id)[1] == "Baru"


def test_a_client_that_does_not_confirm_keeps_its_acks(
    sync_server_factory: Callable[..., Any],
) -> None:
    server = sync_server_factory()
    code, _ = server.new_office()
    pc = server.enrol(code)
    x = pc.mutation("letter", str(uuid.uuid4()), {**LETTER, "hal": "Awal"})
    send(pc, 1, [x], answered=None)
    send(pc, 2, [], answered=None)
    assert kept(server, x) == [x["mutation_id"]]
    send(pc, 3, [], answered=1)  # confirms an answer whose acks were never prunable
    assert kept(server, x) == [x["mutation_id"]]
    assert send(pc, 4, [x], answered=3)["acks"][0]["status"] == "applied"  # the stored ack


def test_an_office_with_a_hub_keeps_its_acks_for_late_relays(
    sync_server_factory: Callable[..., Any],
) -> None:
    # A hub may relay a PC's mutation after the PC sent it to central directly and confirmed
    # central's answer: central must still know the mutation then, so it forgets nothing.
    server = sync_server_factory()
    code, _ = server.new_office()
    pc = server.enrol(code)
    hub = server.enrol(code, name="Hub kantor")
    hubs.allow(server.engine, hub.device_id)
    x = pc.mutation("letter", str(uuid.uuid4()), {**LETTER, "hal": "Awal"})
    send(pc, 1, [x], answered=0)
    send(pc, 2, [], answered=1)
    assert kept(server, x) == [x["mutation_id"]]
    assert send(pc, 3, [x], answered=2)["acks"][0]["status"] == "applied"  # the stored ack


@SQLITE
def test_the_app_prunes_as_it_syncs_and_a_restored_store_applies_nothing_twice(
    sync_server_factory: Callable[..., Any], tmp_path: Path
) -> None:
    server = sync_server_factory()
    _office_id, (pc,) = office_with_pcs(server, tmp_path, "pc1")
    letter_id = draft(pc, "Surat Awal")
    backup = backup_file(pc.store.path, "uji")  # the draft still waits in the outbox
    pc.sync()
    save(pc, letter_id, hal="Surat Diubah")
    pc.sync()
    pc.sync()  # confirms the answer of the previous one
    t = db.applied_mutations
    with server.engine.connect() as conn:
        left = conn.execute(
            select(func.count()).select_from(t).where(t.c.delivered_seq.is_not(None))
        ).scalar_one()
    assert left == 0  # every ack the PC confirmed is gone
    version, hal, history = record(server, letter_id)
    assert hal == "Surat Diubah"

    pc.close()
    restore_backup(tmp_path / "pc1", backup)
    pc = open_pc(tmp_path, "pc1")
    report = pc.sync()
    # The draft's mutations went up before the backup's answers were pruned: refused, not
    # applied again; the server's letter is as it was, the PC takes it back from the server.
    assert report.rejected > 0
    assert record(server, letter_id) == (version, hal, history)
    with pc.store.read() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.answered_seq == state.request_seq
        letter = session.exec(select_rows(Letter).where(Letter.id == letter_id)).one()
    assert letter.hal == "Surat Diubah" and letter.version == version
    assert pc.sync().rejected == 0  # and it syncs as usual afterwards


def test_an_older_server_database_gains_the_column(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    old = MetaData()
    Table(  # applied_mutations as the previous version made it
        "applied_mutations", old,
        Column("mutation_id", String(64), primary_key=True),
        Column("device_id", String(36), nullable=False),
        Column("office_id", String(36), nullable=False),
        Column("ack", JSON, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )  # fmt: skip
    old.create_all(engine)
    db.create_tables(engine)
    db.create_tables(engine)  # twice: nothing to add the second time
    columns = {c["name"] for c in inspect(engine).get_columns("applied_mutations")}
    assert "delivered_seq" in columns
    indexes = {i["name"] for i in inspect(engine).get_indexes("applied_mutations")}
    assert "ix_applied_mutations_delivered" in indexes
    engine.dispose()
