"""The sync endpoint: replays apply once, the change feed pages, gzip both ways, limits."""

from __future__ import annotations

import gzip
import json
import uuid

import pytest
import requests
from sqlalchemy import func, select

from sync.protocol import CLIENT_PROTOCOL_HEADER, MARKER_HEADER
from sync.server import db


def _count(server, table, **where: str) -> int:
    with db.read_tx(server.engine) as conn:
        query = select(func.count()).select_from(table)
        for column, value in where.items():
            query = query.where(table.c[column] == value)
        return int(conn.execute(query).scalar_one())


@pytest.mark.parametrize("deliveries", [1, 2, 5])
def test_replayed_batch_applies_once(module_sync_server, deliveries: int) -> None:
    server = module_sync_server
    office, office_id = server.new_office()
    pc = server.enrol(office)
    ids = [str(uuid.uuid4()) for _ in range(3)]
    batch = [pc.mutation("person", i, {"name": f"Orang {n}"}) for n, i in enumerate(ids)]
    batch.append(pc.mutation("person", ids[0], {"name": "Orang 0 diubah"}, base_version=1))
    answers = [pc.sync(mutations=batch) for _ in range(deliveries)]  # acks "lost" until the last
    assert all(a["acks"] == answers[0]["acks"] for a in answers)
    assert [a["status"] for a in answers[0]["acks"]] == ["applied"] * 4
    assert [a["version"] for a in answers[0]["acks"]] == [1, 1, 1, 2]
    assert _count(server, db.history, office_id=office_id) == 4
    assert _count(server, db.applied_mutations, office_id=office_id) == 4
    assert _count(server, db.change_log, office_id=office_id) == 3  # newest entry per record
    # No echo: the acks tell the device its records' versions; the cursor still moves past them.
    assert all(a["changes"] == [] for a in answers)
    assert pc.sync(cursor=answers[-1]["cursor"])["changes"] == []
    changes = pc.sync(cursor=0)["changes"]  # asked without those acks: the records come down
    assert sorted(c["entity_id"] for c in changes) == sorted(ids)
    assert {c["entity_id"]: c["fields"]["name"] for c in changes}[ids[0]] == "Orang 0 diubah"
    assert [c["seq"] for c in changes] == sorted(c["seq"] for c in changes)
    assert answers[-1]["cursor"] == changes[-1]["seq"]


def test_change_feed_pages_with_more_and_cursor(sync_server_factory) -> None:
    server = sync_server_factory(page_size=4)
    office, _ = server.new_office()
    writer, reader = server.enrol(office, "PC-1"), server.enrol(office, "PC-2")
    ids = [f"klasifikasi-{n:02d}" for n in range(10)]
    writer.sync(mutations=[writer.mutation("classification", i, {"title": i}) for i in ids])
    writer.sync(mutations=[writer.mutation("audit", "a1", {"action": "login"})])
    cursor, pages, seen = 0, 0, []
    while True:
        answer = reader.sync(cursor=cursor)
        pages += 1
        seen += [c["entity_id"] for c in answer["changes"]]
        assert len(answer["changes"]) <= 4
        assert answer["cursor"] >= cursor
        cursor = answer["cursor"]
        if not answer["more"]:
            break
    assert pages == 3 and seen == ids  # audit entries never go down
    again = reader.sync(cursor=cursor)
    assert again["changes"] == [] and again["more"] is False and again["cursor"] == cursor


def test_deletes_travel_as_tombstones(module_sync_server) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    pc.sync(mutations=[pc.mutation("person", "p1", {"name": "Ani"})])
    answer = pc.sync(
        mutations=[pc.mutation("person", "p1", {"name": "Ani"}, op="delete", base_version=1)]
    )
    assert answer["acks"][0]["status"] == "applied" and answer["acks"][0]["version"] == 2
    assert answer["changes"] == []  # acknowledged, not echoed
    assert [(c["op"], c["version"]) for c in pc.sync(cursor=0)["changes"]] == [("delete", 2)]
    again = pc.sync(
        mutations=[
            pc.mutation("person", "p1", op="delete", base_version=2),
            pc.mutation("person", "never-synced", op="delete"),
        ]
    )
    assert [(a["status"], a["version"]) for a in again["acks"]] == [("applied", 2), ("applied", 0)]


def test_gzip_request_and_response(module_sync_server) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    body = {
        "cursor": 0,
        "lease_epoch": 0,
        "mutations": [
            pc.mutation("person", f"p{n}", {"name": "Nama yang cukup panjang " * 4})
            for n in range(20)
        ],
    }
    raw = json.dumps(body).encode()
    packed = gzip.compress(raw)
    r = pc.post(
        "/api/v1/sync",
        data=packed,
        headers={
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
            "Accept-Encoding": "gzip",
        },
        stream=True,
    )
    assert r.status_code == 200
    assert r.headers["Content-Encoding"] == "gzip"
    assert int(r.headers["Content-Length"]) < len(raw)
    answer = json.loads(gzip.decompress(r.raw.read()))
    assert len(answer["acks"]) == 20 and answer["changes"] == []  # no echo

    bad = pc.post(
        "/api/v1/sync",
        data=packed[:-10],
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert bad.status_code == 400 and bad.headers[MARKER_HEADER] == "1"
    bomb = gzip.compress(b" " * (server.settings.max_body + 1))
    r = pc.post(
        "/api/v1/sync",
        data=bomb,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert r.status_code == 413


def test_garbage_gets_json_4xx_never_500(module_sync_server) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    pc = server.enrol(office)
    headers = {"Content-Type": "application/json"}
    cases = [
        b"{not json",
        b"[]",
        b'{"cursor": "x"}',
        b'{"cursor": 0, "mutations": [{}]}',
        b"\xff\xfe\x00garbage",
        json.dumps(
            {
                "cursor": 0,
                "mutations": [
                    {
                        "mutation_id": "m",
                        "entity": "planet",
                        "entity_id": "x",
                        "op": "upsert",
                        "base_version": 0,
                        "fields": {},
                    }
                ],
            }
        ).encode(),
    ]
    for body in cases:
        r = pc.post("/api/v1/sync", data=body, headers=headers)
        assert r.status_code in (400, 422), (body, r.status_code)
        assert r.headers["Content-Type"].startswith("application/json")
        assert r.headers[MARKER_HEADER] == "1"
    r = requests.post(server.url + "/api/v1/enroll", data=b"\x00\x01", headers=headers, timeout=10)
    assert r.status_code == 422 and r.headers[MARKER_HEADER] == "1"
    r = pc.get("/api/v1/nowhere")
    assert r.status_code == 404 and r.json() and r.headers[MARKER_HEADER] == "1"
    r = pc.get("/api/v1/hello", headers={CLIENT_PROTOCOL_HEADER: "one"})
    assert r.status_code == 400
    too_many = {
        "cursor": 0,
        "mutations": [
            pc.mutation("person", f"p{n}") for n in range(server.settings.max_mutations + 1)
        ],
    }
    assert pc.post("/api/v1/sync", json=too_many).status_code in (413, 422)
    huge = b"x" * (server.settings.max_body + 1)
    assert pc.post("/api/v1/sync", data=huge, headers=headers).status_code == 413
    assert pc.get("/openapi.json").json()["paths"]["/api/v1/sync"]


def test_a_bug_is_a_json_500_without_traceback_or_token(
    module_sync_server, monkeypatch, caplog, log_errors
) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    pc = server.enrol(office)

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("sync.server.app.handle_sync", broken)
    with caplog.at_level("DEBUG"):
        r = pc.post("/api/v1/sync", json={"cursor": 0, "mutations": []})
    assert r.status_code == 500 and r.json() == {"detail": "internal server error"}
    assert r.headers[MARKER_HEADER] == "1"
    assert "boom" in caplog.text and "Traceback" not in r.text
    assert pc.token not in caplog.text
    assert log_errors.messages == ["unhandled error on POST /api/v1/sync"]
