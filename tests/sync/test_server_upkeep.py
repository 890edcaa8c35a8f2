"""A server that never pauses keeps its WAL small, and one stalled process cannot hang the rest.

Without a size limit the WAL stays as large as it ever grew (1.24 GB, six times the data, was
seen under a regency's load); the server sets ``journal_size_limit`` on every connection and
truncates the WAL on a timer (``db.checkpoint``).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from sync.server import admin, db
from tests.sync.conftest import SyncServer


@pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)
def test_a_checkpoint_truncates_the_wal(sync_server: SyncServer) -> None:
    wal = Path(sync_server.db_url.removeprefix("sqlite:///") + "-wal")
    office, _ = sync_server.new_office()
    device = sync_server.enrol(office)
    for _ in range(20):
        device.sync(mutations=[
            device.mutation("person", str(uuid.uuid4()), {
                "name": "Pegawai " + "x" * 500, "nip": "198001012005011001", "jabatan": "Staf",
                "pangkat": "", "username": uuid.uuid4().hex[:12], "roles": "drafter",
                "active": True, "deleted_at": None,
            })
            for _ in range(50)
        ])  # fmt: skip
    assert wal.stat().st_size > 0
    with sync_server.engine.connect() as conn:
        limit = conn.exec_driver_sql("PRAGMA journal_size_limit").scalar()
    assert limit == db.WAL_SIZE_LIMIT

    done = db.checkpoint(sync_server.engine)
    assert done is not None and done[0] == done[1]  # every page of the WAL copied back
    assert wal.stat().st_size == 0
    # Nothing was lost: the office's records are all there.
    assert len(admin.list_devices(sync_server.engine, office)) == 1
    with db.read_tx(sync_server.engine) as conn:
        rows = conn.execute(db.records.select().where(db.records.c.entity == "person")).all()
    assert len(rows) == 1000


@pytest.mark.parametrize("sync_engine_kind", ["postgresql"], indirect=True)
def test_a_request_behind_a_stalled_office_lock_is_answered_503(
    sync_server_factory: Callable[..., SyncServer],
) -> None:
    """A server process that stalls while it holds an office's lock (SIGSTOP, a hung disk)
    must not make every other request of the office wait without end: past ``lock_timeout``
    the waiter answers 503 with Retry-After, nothing applied, and the next try goes through."""
    server = sync_server_factory(lock_timeout_s=1.0)
    office, office_id = server.new_office()
    device = server.enrol(office)
    holding, release = threading.Event(), threading.Event()

    def stalled_process() -> None:
        with db.write_tx(server.engine) as conn:  # another connection, as another process
            db.lock_office(conn, office_id)
            holding.set()
            release.wait(120)

    holder = threading.Thread(target=stalled_process)
    holder.start()
    try:
        assert holding.wait(60)
        person = device.mutation("person", str(uuid.uuid4()), {
            "name": "Pegawai", "nip": "198001012005011001", "jabatan": "Staf", "pangkat": "",
            "username": "pegawai", "roles": "drafter", "active": True, "deleted_at": None,
        })  # fmt: skip
        r = device.post("/api/v1/sync", json={"cursor": 0, "mutations": [person]})
        assert r.status_code == 503 and int(r.headers["Retry-After"]) > 0, r.text
    finally:
        release.set()
        holder.join(60)
    answer = device.sync(mutations=[person])  # the same mutation, once the lock is free
    assert answer["acks"][0]["status"] == "applied"
