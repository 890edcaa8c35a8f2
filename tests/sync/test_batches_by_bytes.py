"""Batches by bytes (docs/sync-protocol.md, "Batches by bytes"): a client fills each request up
to the limits the server announces, pages come by size, and a server with protocol 1's limits
(200 mutations per request, as an older server) still gets everything, in more requests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sync.client import engine
from sync.protocol import BATCH_SIZE, MAX_MUTATIONS
from tests.sync.pcs import count, draft, office_with_pcs

pytestmark = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)


def _outbox(pc: Any) -> int:
    return count(pc.store, "SELECT count(*) FROM outbox")


def _letters(pc: Any, ids: list[str]) -> int:
    """How many of the letters ``ids`` the PC holds."""
    listed = ", ".join(f"'{i}'" for i in ids)
    return count(pc.store, f"SELECT count(*) FROM letter WHERE id IN ({listed})")


def test_one_request_carries_what_the_server_takes_and_the_other_pc_gets_it_in_one_page(
    sync_server_factory: Any, tmp_path: Path
) -> None:
    server = sync_server_factory()
    _, (pc1, pc2) = office_with_pcs(server, tmp_path, "pc1", "pc2")
    letters = [draft(pc1, f"Surat nomor {n}") for n in range(60)]  # ~300 mutations with audit
    assert _outbox(pc1) > BATCH_SIZE // 2
    up = engine.connect(pc1.store)
    report = engine.sync_once(pc1.store, transport=up)
    assert report.batches == 1 and up.requests == 1 and report.pending == 0
    assert report.pushed + report.audit > BATCH_SIZE  # more than a protocol-1 request holds
    down = engine.connect(pc2.store)
    report = engine.sync_once(pc2.store, transport=down)
    assert report.batches == 1 and down.requests == 1
    assert _letters(pc2, letters) == len(letters)


def test_a_server_with_protocol_1_limits_gets_everything_in_more_requests(
    sync_server_factory: Any, tmp_path: Path
) -> None:
    """The first request, filled to this version's limits, is refused with 413 (as an older
    server refuses more than 200 mutations); the client goes on with 200 per request."""
    server = sync_server_factory(max_mutations=BATCH_SIZE, page_size=BATCH_SIZE)
    _, (pc1, pc2) = office_with_pcs(server, tmp_path, "pc1", "pc2")
    letters = [draft(pc1, f"Surat nomor {n}") for n in range(90)]
    assert BATCH_SIZE < _outbox(pc1) + 90 < MAX_MUTATIONS  # letters, revisions, audit
    up = engine.connect(pc1.store)
    report = engine.sync_once(pc1.store, transport=up)
    assert report.pending == 0 and report.batches >= 2
    assert report.pushed + report.audit > BATCH_SIZE
    assert up.requests == report.batches + 1  # + the one refused with 413
    pc2.sync()
    assert _letters(pc2, letters) == len(letters)


def test_pages_by_bytes_end_where_the_size_is_reached_and_lose_nothing(
    sync_server_factory: Any, tmp_path: Path
) -> None:
    server = sync_server_factory(page_bytes=20_000)  # a few letters per page
    _, (pc1, pc2) = office_with_pcs(server, tmp_path, "pc1", "pc2")
    letters = [draft(pc1, f"Surat nomor {n}") for n in range(40)]
    pc1.sync()
    down = engine.connect(pc2.store)
    report = engine.sync_once(pc2.store, transport=down)
    assert report.batches >= 3 and down.requests == report.batches
    assert _letters(pc2, letters) == len(letters)
