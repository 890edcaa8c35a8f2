"""Many devices at once: every change gets a seq in commit order, so a client following the
cursor never skips one (the "safe watermark" problem), and offices do not block each other."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

WRITERS, REQUESTS, PER_REQUEST = 4, 6, 5


def test_cursor_reader_sees_every_concurrent_change(module_sync_server) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    other_office, _ = server.new_office()
    writers = [server.enrol(office, f"PC-{n}") for n in range(WRITERS)]
    outsider = server.enrol(other_office, "Lain")
    reader = server.enrol(office, "Pembaca")
    done = threading.Event()
    seen: dict[str, int] = {}
    problems: list[str] = []

    def follow() -> None:
        cursor = 0
        while True:
            finished = done.is_set()
            answer = reader.sync(cursor=cursor, lease_epoch=1)
            seqs = [c["seq"] for c in answer["changes"]]
            if seqs != sorted(seqs) or (seqs and seqs[0] <= cursor):
                problems.append(f"out of order after {cursor}: {seqs}")
            for change in answer["changes"]:
                seen[change["entity_id"]] = change["version"]
            cursor = answer["cursor"]
            if finished and not answer["more"]:
                return

    def write(pc) -> list[str]:
        session = requests.Session()
        session.headers.update(pc.session.headers)
        ids = []
        for _ in range(REQUESTS):
            batch = [
                pc.mutation("person", str(uuid.uuid4()), {"name": "x"}) for _ in range(PER_REQUEST)
            ]
            r = session.post(
                pc.url + "/api/v1/sync",
                json={"cursor": 0, "mutations": batch, "lease_epoch": 1},
                timeout=60,
            )
            assert r.status_code == 200, r.text
            assert {a["status"] for a in r.json()["acks"]} == {"applied"}
            ids += [m["entity_id"] for m in batch]
        return ids

    follower = threading.Thread(target=follow)
    follower.start()
    with ThreadPoolExecutor(WRITERS + 1) as pool:
        futures = [pool.submit(write, pc) for pc in [*writers, outsider]]
        written = [f.result() for f in futures]
    done.set()
    follower.join(60)
    assert not problems
    mine = {i for ids in written[:WRITERS] for i in ids}
    assert len(mine) == WRITERS * REQUESTS * PER_REQUEST
    assert set(seen) == mine  # nothing skipped, nothing from the other office
