"""Audit entries go up in short form (docs/sync-protocol.md, "Audit entries in short form"):
the hashes and mutation ids the server can derive stay off the wire, and the server still
holds exactly the chain the PC holds, a broken one included. A server that does not take the
short form (an older one) still gets every entry; hand-written runs it cannot use are refused
with a clear 422 and change nothing."""

from __future__ import annotations

import gzip
import io
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select
from sqlmodel import col
from sqlmodel import select as select_rows

from desktop.letters import audit
from desktop.store.models import AuditEntry
from sync.chain import GENESIS, audit_mutation_id, entry_hash, lengthen, shorten, wire_hash
from sync.client import engine
from sync.client.outbox import audit_fields
from sync.client.transport import Transport
from sync.server import db
from tests.sync.pcs import PC, draft, office_with_pcs

# Most of these are about the wire, not the database: SQLite only.
SQLITE = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)

SYNC = "/api/v1/sync"


class RecordingSession(requests.Session):
    """Keeps the JSON of every sync request this PC sends (its gzip body, decoded)."""

    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[dict[str, Any]] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        if (request.path_url or "").split("?")[0] == SYNC:
            body = request.body
            raw = body.getvalue() if isinstance(body, io.BytesIO) else body
            assert isinstance(raw, bytes)
            self.bodies.append(json.loads(gzip.decompress(raw)))
        return super().send(request, **kwargs)


def recorded_sync(pc: PC) -> tuple[RecordingSession, engine.SyncReport]:
    state = engine.state_of(pc.store)
    assert state is not None
    session = RecordingSession()
    link = Transport(state.server_url, engine.sync_models.token(state.device_id), session=session)
    try:
        return session, engine.sync_once(pc.store, transport=link)
    finally:
        link.close()


def pc_entries(pc: PC) -> dict[str, dict[str, Any]]:
    """The PC's audit entries as the full form sends them, by id."""
    with pc.store.read() as s:
        rows = s.exec(select_rows(AuditEntry).order_by(col(AuditEntry.seq))).all()
        return {e.id: audit_fields(e) for e in rows}


def server_entries(server: Any, office_id: str) -> dict[str, dict[str, Any]]:
    with db.read_tx(server.engine) as conn:
        rows = conn.execute(
            select(db.records.c.entity_id, db.records.c.fields).where(
                db.records.c.office_id == office_id, db.records.c.entity == "audit"
            )
        ).all()
    return {r.entity_id: dict(r.fields) for r in rows}


def first_break(entries: dict[str, dict[str, Any]], order: list[str]) -> int | None:
    """Where the chain of ``entries`` (in ``order``) first breaks, checked as a server can:
    each entry's hash recomputed from its fields, each link against the entry before."""
    before = GENESIS
    for n, entry_id in enumerate(order):
        fields = entries[entry_id]
        if fields["prev_hash"] != before or wire_hash(fields) != fields["hash"]:
            return n
        before = fields["hash"]
    return None


def office_of(pc: PC) -> tuple[str, str]:
    state = engine.state_of(pc.store)
    assert state is not None
    return state.office_id, state.device_id


def test_entries_go_as_a_short_run_and_the_server_holds_the_pcs_chain(  # SQLite and PostgreSQL
    sync_server_factory: Any, tmp_path: Path
) -> None:
    server = sync_server_factory()
    _, (pc,) = office_with_pcs(server, tmp_path, "pc1")
    for n in range(12):
        draft(pc, f"Undangan rapat {n}")
    office_id, device_id = office_of(pc)
    session, report = recorded_sync(pc)
    assert report.pending == 0

    runs = [b["audit"] for b in session.bodies if b.get("audit")]
    sent = [e for run in runs for e in run["entries"]]
    assert len(sent) == report.audit > 12
    assert all("hash" not in e and "prev_hash" not in e for e in sent)  # all derivable
    assert not [m for b in session.bodies for m in b["mutations"] if m["entity"] == "audit"]

    mine, kept = pc_entries(pc), server_entries(server, office_id)
    assert kept == mine  # every field, hashes included, as the PC holds them
    assert first_break(kept, list(mine)) is None
    with db.read_tx(server.engine) as conn:
        ids = set(
            conn.execute(
                select(db.history.c.mutation_id).where(
                    db.history.c.office_id == office_id, db.history.c.entity == "audit"
                )
            ).scalars()
        )
    assert ids == {audit_mutation_id(device_id, entry_id) for entry_id in mine}


@SQLITE
def test_the_same_run_sent_again_applies_nothing_twice(
    sync_server_factory: Any, tmp_path: Path
) -> None:
    server = sync_server_factory()
    _, (pc,) = office_with_pcs(server, tmp_path, "pc1")
    draft(pc, "Undangan rapat")
    office_id, _ = office_of(pc)
    recorded_sync(pc)
    with pc.store.write() as s:  # the answer "lost": the PC sends its entries once more
        state = engine.sync_models.enrolment(s)
        assert state is not None
        state.audit_cursor = 0
    session, report = recorded_sync(pc)
    assert report.audit == len(pc_entries(pc)) and session.bodies[0]["audit"]
    with db.read_tx(server.engine) as conn:
        versions = conn.execute(
            select(func.count())
            .select_from(db.history)
            .where(db.history.c.office_id == office_id, db.history.c.entity == "audit")
        ).scalar_one()
    assert versions == len(pc_entries(pc))  # one version each, ever
    assert server_entries(server, office_id) == pc_entries(pc)


@SQLITE
def test_a_broken_local_chain_reaches_the_server_as_broken(
    sync_server_factory: Any, tmp_path: Path
) -> None:
    """An entry changed after it was made, and one removed: the run carries the values that
    cannot be derived, so the server's copy breaks exactly where the PC's does."""
    server = sync_server_factory()
    _, (pc,) = office_with_pcs(server, tmp_path, "pc1")
    for n in range(4):
        draft(pc, f"Undangan rapat {n}")
    office_id, _ = office_of(pc)
    with pc.store.read() as s:
        state = engine.state_of(pc.store)
        assert state is not None
        waiting = s.exec(
            select_rows(AuditEntry.seq).where(col(AuditEntry.seq) > state.audit_cursor)
        ).all()
    changed, removed = waiting[2], waiting[5]
    with pc.store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE audit_entry SET detail_json = '{\"diubah\": true}' WHERE seq = ?", (changed,)
        )
        conn.exec_driver_sql("DELETE FROM audit_entry WHERE seq = ?", (removed,))
    local = audit.verify(pc.store)
    assert not local.ok

    session, _ = recorded_sync(pc)
    sent = [e for b in session.bodies if b.get("audit") for e in b["audit"]["entries"]]
    assert [("hash" in e, "prev_hash" in e) for e in sent].count((True, False)) == 1
    assert [("hash" in e, "prev_hash" in e) for e in sent].count((False, True)) == 1
    mine, kept = pc_entries(pc), server_entries(server, office_id)
    assert kept == mine
    order = list(mine)
    with pc.store.read() as s:
        seqs = s.exec(select_rows(AuditEntry.seq).order_by(col(AuditEntry.seq))).all()
    assert seqs[first_break(kept, order) or 0] == local.broken_at


@SQLITE
def test_an_older_server_gets_every_entry_again_as_mutations(
    sync_server_factory: Any, tmp_path: Path
) -> None:
    """A server that does not take the short form (as an older one) ignores the run and
    announces no ``audit_run``: the PC sends the same entries again as mutations, in the same
    sync, and goes on with mutations."""
    server = sync_server_factory(audit_run=False)
    _, (pc,) = office_with_pcs(server, tmp_path, "pc1")
    for n in range(3):
        draft(pc, f"Undangan rapat {n}")
    office_id, _ = office_of(pc)
    session, report = recorded_sync(pc)
    assert report.pending == 0
    kinds = [(bool(b.get("audit")), any(m["entity"] == "audit" for m in b["mutations"]))
             for b in session.bodies]  # fmt: skip
    assert kinds[0] == (True, False)  # assumed this version's server: ignored there
    assert (False, True) in kinds[1:]  # ... and sent again as mutations
    assert server_entries(server, office_id) == pc_entries(pc)


@SQLITE
def test_an_older_client_sends_mutations_and_the_server_keeps_the_same(
    sync_server_factory: Any, tmp_path: Path
) -> None:
    server = sync_server_factory()
    _, (pc,) = office_with_pcs(server, tmp_path, "pc1")
    draft(pc, "Undangan rapat")
    office_id, _ = office_of(pc)
    state = engine.state_of(pc.store)
    assert state is not None
    link = engine.connect(pc.store)
    batch, response = engine.push_pull(pc.store, link, state, limit=500, audit_run=False)
    link.close()
    assert batch.request.audit is None
    with pc.store.read() as s:
        waiting = s.exec(
            select_rows(AuditEntry.id).where(col(AuditEntry.seq) > state.audit_cursor)
        ).all()
    assert [m.entity_id for m in batch.request.mutations if m.entity == "audit"] == waiting
    engine.apply(pc.store, batch, response)
    assert server_entries(server, office_id) == pc_entries(pc)


# --- hand-written runs -------------------------------------------------------------------------


def entry(n: int, **changes: Any) -> dict[str, Any]:
    return {
        "id": f"entry-{n}",
        "at": datetime(2026, 12, 15, 0, 30, n, tzinfo=UTC).isoformat(),
        "actor_id": None,
        "action": "login",
        "entity": "person",
        "entity_id": "p1",
        "detail_json": "{}",
        **changes,
    }


def test_runs_the_server_cannot_use_are_refused_and_change_nothing(  # SQLite and PostgreSQL
    sync_server_factory: Any,
) -> None:
    server = sync_server_factory(max_mutations=5)
    code, _ = server.new_office()
    pc = server.enrol(code, "PC-jahat")
    cases = {
        "no hash, a time that is no time": [entry(0, at="kemarin sore")],
        "a time that is a number": [entry(0, at=1765758600)],
        "an id no column takes": [entry(0, id="a b")],
        "no entries": [],
    }
    for name, entries in cases.items():
        body = {"cursor": 0, "mutations": [], "audit": {"prev_hash": GENESIS, "entries": entries}}
        r = pc.post(SYNC, json=body)
        assert r.status_code == 422, (name, r.text)
        assert "kemarin sore" not in r.text  # the input is never echoed
    body = {"cursor": 0, "audit": {"prev_hash": GENESIS, "entries": [entry(n) for n in range(6)]}}
    r = pc.post(SYNC, json=body)
    assert r.status_code == 413 and "at most 5" in r.json()["detail"]
    assert server_entries(server, pc.office_id) == {}

    # What it can use it takes, as the full form would: an entry twice is applied once.
    body = {"cursor": 0, "audit": {"prev_hash": GENESIS, "entries": [entry(1), entry(1)]}}
    r = pc.post(SYNC, json=body)
    assert r.status_code == 200, r.text
    acks = r.json()["acks"]
    assert [a["status"] for a in acks] == ["applied", "applied"]
    assert len(server_entries(server, pc.office_id)) == 1


# --- the short form itself ---------------------------------------------------------------------


def chain(n: int) -> list[dict[str, Any]]:
    out, before = [], GENESIS
    for k in range(n):
        fields = {**entry(k), "prev_hash": before}
        fields["hash"] = wire_hash(fields)
        before = fields["hash"]
        out.append(fields)
    return out


def test_short_form_round_trip_keeps_every_value() -> None:
    entries = chain(6)
    prev, items = shorten(entries)
    assert prev == GENESIS and all(set(i) == set(entry(0)) for i in items)
    assert lengthen(prev, items) == entries
    entries[2]["detail_json"] = '{"diubah": true}'  # damaged: its hash no longer matches
    del entries[4]  # removed: the next one no longer links
    prev, items = shorten(entries)
    assert ["hash" in i for i in items] == [False, False, True, False, False]
    assert ["prev_hash" in i for i in items] == [False, False, False, False, True]
    assert lengthen(prev, items) == entries
    with pytest.raises(ValueError, match="audit entry 0"):
        lengthen(GENESIS, [entry(0, at="kemarin")])


def test_the_pc_hashes_its_entries_as_the_server_recomputes_them() -> None:
    entry_id = str(uuid.uuid4())
    when = datetime(2026, 12, 15, 0, 30, tzinfo=UTC)
    fields = {**entry(0, id=entry_id, at=when.isoformat().replace("+00:00", "Z")),
              "prev_hash": GENESIS}  # fmt: skip
    assert wire_hash(fields) == entry_hash(
        GENESIS, entry_id, when, None, "login", "person", "p1", "{}"
    )
