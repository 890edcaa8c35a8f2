"""Lost answers: the server commits, the PC never hears back, and sends the batch again.

Every mutation must be applied exactly once on the server, and every PC of the office must end
with the same records, however often each batch is delivered and whatever the clerk does while
the answers are lost.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from desktop.letters import office
from sync.client import engine
from sync.client.errors import Offline
from sync.client.transport import Transport
from sync.server import db
from tests.sync.pcs import PC, count, draft, office_with_pcs, save, snapshot

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


def _offline_work(pc: PC, rng: random.Random, letters: int, field: str = "phone") -> list[str]:
    ids = [draft(pc, f"Undangan {i}") for i in range(letters)]
    for letter_id in rng.sample(ids, k=letters // 2):
        save(pc, letter_id, hal=f"Undangan (revisi {rng.randint(1, 99)})")
    office.update_office(pc.store, pc.user("admin"), {field: f"(0969) {rng.randint(1, 999)}"})
    return ids


def _applied_twice(server: Any, office_id: str) -> int:
    """History rows that share a mutation (a conflict record shares its mutation's id)."""
    h = db.history
    with db.read_tx(server.engine) as conn:
        groups = (
            select(h.c.mutation_id, h.c.entity)
            .where(h.c.office_id == office_id, h.c.mutation_id.is_not(None))
            .group_by(h.c.mutation_id, h.c.entity)
            .having(func.count() > 1)
        )
        return len(conn.execute(groups).all())


@pytest.mark.parametrize("seed", [1, *(pytest.param(s, marks=pytest.mark.slow) for s in (2, 3, 4))])
def test_batches_delivered_one_to_five_times(
    module_sync_server: Any, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    server = module_sync_server
    _, (pc1, pc2) = office_with_pcs(server, tmp_path, "pc1", "pc2")
    office_id = engine.state_of(pc1.store).office_id  # type: ignore[union-attr]
    _offline_work(pc1, rng, 12)
    _offline_work(pc2, rng, 4, field="website")

    link = engine.connect(pc1.store)
    state = engine.state_of(pc1.store)
    assert state is not None
    deliveries = interruptions = 0
    while True:
        for _ in range(rng.randint(1, 5)):  # every answer but the last is lost
            batch, response = engine.push_pull(pc1.store, link, state, limit=8)
            deliveries += 1
            if interruptions < 4 and rng.random() < 0.3:  # the clerk works on meanwhile
                interruptions += 1
                _offline_work(pc1, rng, 1)
        state, _ = engine.apply(pc1.store, batch, response)
        if not (response.more or batch.more_local):
            break
    link.close()
    assert deliveries > 10

    for pc in (pc2, pc1, pc2):
        assert pc.sync().rejected == 0
    assert snapshot(pc1.store) == snapshot(pc2.store)
    assert count(pc1.store, "SELECT count(*) FROM outbox") == 0
    assert count(pc1.store, "SELECT count(*) FROM conflict") == 0  # PC2 edited another field
    assert _applied_twice(server, office_id) == 0


class LossySession(requests.Session):
    """Delivers every request, then loses the answer to some sync requests (seeded)."""

    def __init__(self, rng: random.Random, rate: float) -> None:
        super().__init__()
        self.rng, self.rate, self.lost = rng, rate, 0

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        response = super().send(request, **kwargs)
        if (request.url or "").endswith("/api/v1/sync") and self.rng.random() < self.rate:
            self.lost += 1
            raise requests.ConnectionError("answer lost on the way back")
        return response


def test_sync_retried_after_lost_answers_converges(module_sync_server: Any, tmp_path: Path) -> None:
    rng = random.Random(7)
    server = module_sync_server
    _, (pc1, pc2) = office_with_pcs(server, tmp_path, "pc1", "pc2")
    office_id = engine.state_of(pc1.store).office_id  # type: ignore[union-attr]
    _offline_work(pc1, rng, 10)
    state = engine.state_of(pc1.store)
    assert state is not None
    token = engine.sync_models.token(state.device_id)
    lossy = LossySession(rng, 0.5)
    link = Transport(state.server_url, token, session=lossy)
    failures = 0
    while True:
        try:
            engine.sync_once(pc1.store, transport=link, batch_size=4)
            break
        except Offline as exc:
            failures += 1
            assert engine.state_of(pc1.store).last_error == exc.message  # type: ignore[union-attr]
    assert failures == lossy.lost > 0
    assert engine.state_of(pc1.store).last_error == ""  # type: ignore[union-attr]
    pc2.sync()
    assert snapshot(pc1.store) == snapshot(pc2.store)
    assert _applied_twice(server, office_id) == 0
