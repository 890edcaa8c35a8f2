"""A device's requests take effect in the order the device made them, whatever order they reach
the server in: a request that arrives after a newer one from the same device (a paused server
process, a queue behind the office lock, two processes behind a load balancer) applies nothing
new and voids no lease. On SQLite and on PostgreSQL, in one process and across processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from sync.server import db
from tests.sync.conftest import DeviceClient

ROOT = Path(__file__).resolve().parents[2]
LETTER = {
    "letter_type": "surat_dinas",
    "status": "draft",
    "drafter_id": str(uuid.uuid4()),
    "created_at": "2026-12-15T00:30:00+00:00",
    "updated_at": "2026-12-15T00:30:00+00:00",
}


def request(pc: DeviceClient, seq: int, mutations: list[dict[str, Any]], **extra: Any) -> Any:
    body = {"cursor": 0, "mutations": mutations, "request_seq": seq, "lease_epoch": 1, **extra}
    r = pc.post("/api/v1/sync", json=body)
    assert r.status_code == 200, r.text
    return r.json()


def hal_on_server(server: Any, letter_id: str) -> str:
    with server.engine.connect() as conn:
        fields = conn.execute(
            select(db.records.c.fields).where(db.records.c.entity_id == letter_id)
        ).scalar_one()
    return str(fields["hal"])


def edit(letter_id: str, hal: str, base_version: int) -> dict[str, Any]:
    return DeviceClient.mutation("letter", letter_id, {"hal": hal}, base_version=base_version)


def test_an_edit_that_arrives_after_a_newer_one_from_the_same_device_is_not_applied(
    module_sync_server: Any,
) -> None:
    code, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(code)
    letter_id = str(uuid.uuid4())
    first = request(pc, 1, [pc.mutation("letter", letter_id, {**LETTER, "hal": "Awal"})])
    version = first["acks"][0]["version"]
    # The device sent A (an edit), gave up waiting, and sent B: A's edit coalesced with a newer
    # one under a new mutation id, on the same base. B arrives first.
    a, b = edit(letter_id, "Teks lama", version), edit(letter_id, "Teks terbaru", version)
    answer_b = request(pc, 3, [b])
    assert answer_b["acks"][0]["status"] in ("applied", "merged") and not answer_b["late"]
    answer_a = request(pc, 2, [a, b])
    assert answer_a["late"] and answer_a["request_seq"] == 3
    # Only what was applied before is acknowledged (B, replayed); A is not applied, ever.
    assert [ack["mutation_id"] for ack in answer_a["acks"]] == [b["mutation_id"]]
    assert hal_on_server(module_sync_server, letter_id) == "Teks terbaru"
    assert request(pc, 2, [a])["acks"] == []  # the same late request again: still nothing
    assert hal_on_server(module_sync_server, letter_id) == "Teks terbaru"


def test_a_late_request_voids_no_lease_the_newer_one_was_granted(module_sync_server: Any) -> None:
    code, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(code)
    old = [g for g in request(pc, 1, [], lease_epoch=0)["leases"] if g["series"] == "keluar"]
    assert old and old[0]["epoch"] == 1
    # B: the device lost the answer with epoch 1's grants, says it holds epoch 0... and gets a
    # fresh block (epoch 2). A, older and still claiming epoch 0, then arrives.
    fresh = [g for g in request(pc, 3, [], lease_epoch=0)["leases"] if g["series"] == "keluar"]
    assert fresh and fresh[0]["epoch"] == 2
    late = request(pc, 2, [], lease_epoch=0)
    assert late["late"] and late["leases"] == []
    number = {"series": "keluar", "year": fresh[0]["year"], "seq": fresh[0]["start"],
              "text": "x", "issued_by": str(uuid.uuid4()),
              "issued_at": "2026-12-15T01:00:00+00:00"}  # fmt: skip
    ack = request(pc, 4, [pc.mutation("issued_number", str(uuid.uuid4()), number)])["acks"][0]
    assert ack["status"] == "applied", ack  # the block the server handed out still holds


def test_requests_without_a_number_keep_the_old_behaviour(module_sync_server: Any) -> None:
    code, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(code)
    letter_id = str(uuid.uuid4())
    ack = pc.push("letter", letter_id, {**LETTER, "hal": "Awal"})
    assert ack["status"] == "applied"  # an older client (no request_seq) still syncs


# --- two server processes on one database, one of them paused ------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def second_processes(sync_server: Any) -> Iterator[list[tuple[str, subprocess.Popen[bytes]]]]:
    """Two more `naskah-server serve` processes on the test server's database and blobs."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs, urls = [], []
    for _ in range(2):
        port = _free_port()
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "sync.server.cli",
                    "serve",
                    "--db",
                    sync_server.db_url,
                    "--blobs",
                    str(sync_server.blob_dir),
                    "--port",
                    str(port),
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for proc, url in zip(procs, urls, strict=True):
            while True:  # pytest-timeout ends this if the process never comes up
                assert proc.poll() is None, "naskah-server serve exited"
                try:
                    requests.get(url + "/api/v1/hello", timeout=60)
                    break
                except requests.ConnectionError:  # not listening yet
                    time.sleep(0.1)
        yield list(zip(urls, procs, strict=True))
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGCONT)
            proc.terminate()
            proc.wait(30)


def test_a_request_held_by_a_paused_process_loses_to_the_newer_one(
    sync_server: Any, second_processes: list[tuple[str, subprocess.Popen[bytes]]]
) -> None:
    code, _ = sync_server.new_office()
    pc = sync_server.enrol(code)
    letter_id = str(uuid.uuid4())
    first = request(pc, 1, [pc.mutation("letter", letter_id, {**LETTER, "hal": "Awal"})])
    version = first["acks"][0]["version"]
    a, b = edit(letter_id, "Teks lama", version), edit(letter_id, "Teks terbaru", version)
    (paused_url, paused), (other_url, _) = second_processes
    paused.send_signal(signal.SIGSTOP)
    answers: dict[str, Any] = {}

    def send_a() -> None:
        answers["a"] = requests.post(
            paused_url + "/api/v1/sync",
            json={"cursor": 0, "mutations": [a], "request_seq": 2, "lease_epoch": 1},
            headers=dict(pc.session.headers),
            timeout=120,
        )

    sender = threading.Thread(target=send_a)
    sender.start()
    time.sleep(0.5)  # A is on its way, held by the paused process
    r = requests.post(
        other_url + "/api/v1/sync",
        json={"cursor": 0, "mutations": [b], "request_seq": 3, "lease_epoch": 1},
        headers=dict(pc.session.headers),
        timeout=60,
    )
    assert r.status_code == 200 and r.json()["acks"][0]["status"] in ("applied", "merged"), r.text
    paused.send_signal(signal.SIGCONT)
    sender.join()
    late = answers["a"]
    assert late.status_code == 200, late.text
    assert late.json()["late"] and late.json()["acks"] == []
    assert hal_on_server(sync_server, letter_id) == "Teks terbaru"
