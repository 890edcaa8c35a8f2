"""PC requests only central can answer, held at the hub while central is unreachable, so that a
hub bundle carries them (docs/office-hub.md, "Hub bundles"): a signer's certificate request, a
delivery to another office, and a document timestamp query (one per letter; the PC makes the
same query again until it has its reply, ``sync.pki.tsa.http_timestamper``).

The hub forwards each live when it can (``sync.hub.forward``). When central cannot be reached,
the PC gets 503 and asks again at its next sync, as before; the hub also keeps the request here.
The next hub bundle carries what waits; central answers each as its hub endpoint would, and the
reply's answers are kept here until the PC asks again with the same request and takes its
answer (once: a PC that lost it asks again, and a delivery is sent at most once by its id). A
delivery central sent needs no answer kept: the sender's record, "terkirim", comes with the
reply's pages.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import Engine, and_, delete, func, select

from sync.hub import tables
from sync.server import db
from sync.server.hubs import MAX_WAITING, HubAnswer, request_digest

log = logging.getLogger("naskah.hub")

CERTIFICATE = "certificate"
DELIVERY = "delivery"
TIMESTAMP = "timestamp"
# Requests (waiting or answered) the hub keeps for one PC. An office's PC has a handful of
# signers and sends a few letters a day to other offices; a device that asks for more while
# central is unreachable is not held beyond this (it gets 503 as before and asks again later),
# so no device can fill the hub's disk or crowd out the others' requests in a bundle.
MAX_HELD_PER_DEVICE = 200


def _row(kind: str, device_id: str, key: str) -> Any:
    c = tables.waiting.c
    return and_(c.kind == kind, c.device_id == device_id, c.key == key)


def hold(engine: Engine, kind: str, device_id: str, key: str, request: dict[str, Any]) -> bool:
    """Keep ``request`` for the next bundle (replacing whatever the PC asked before under the
    same key); False, keeping nothing new, when the PC already has ``MAX_HELD_PER_DEVICE``."""
    c = tables.waiting.c
    with db.write_tx(engine) as conn:
        conn.execute(delete(tables.waiting).where(_row(kind, device_id, key)))
        count = conn.execute(
            select(func.count()).select_from(tables.waiting).where(c.device_id == device_id)
        ).scalar_one()
        if count >= MAX_HELD_PER_DEVICE:
            log.warning(
                "device %s already has %d requests held for central: %s %s not held",
                device_id, count, kind, key,
            )  # fmt: skip
            return False
        conn.execute(
            tables.waiting.insert().values(
                kind=kind, device_id=device_id, key=key,
                request=json.dumps(request, sort_keys=True), status=0, answer="",
            )
        )  # fmt: skip
    return True


def forget(engine: Engine, kind: str, device_id: str, key: str) -> None:
    """Central answered the request live: nothing to carry or keep."""
    with db.write_tx(engine) as conn:
        conn.execute(delete(tables.waiting).where(_row(kind, device_id, key)))


def take_answer(
    engine: Engine, kind: str, device_id: str, key: str, request: dict[str, Any]
) -> tuple[int, str] | None:
    """Central's answer (status, JSON) to this very request, removed as it is handed over; None
    when there is none (still waiting, or the PC now asks something else)."""
    c = tables.waiting.c
    with db.write_tx(engine) as conn:
        row = conn.execute(
            select(c.request, c.status, c.answer).where(_row(kind, device_id, key))
        ).first()
        if (
            row is None
            or not row.status
            or request_digest(json.loads(row.request)) != request_digest(request)
        ):
            return None
        conn.execute(delete(tables.waiting).where(_row(kind, device_id, key)))
    return int(row.status), str(row.answer)


def carried(engine: Engine) -> list[dict[str, Any]]:
    """The requests waiting for central (certificates first), at most ``MAX_WAITING``; the
    rest go with a later bundle."""
    c = tables.waiting.c
    with db.read_tx(engine) as conn:
        rows = conn.execute(
            select(c.kind, c.device_id, c.key, c.request)
            .where(c.status == 0)
            .order_by(c.kind, c.device_id, c.key)
            .limit(MAX_WAITING)
        ).all()
    return [
        {"kind": r.kind, "device_id": r.device_id, "key": r.key, "request": json.loads(r.request)}
        for r in rows
    ]


def keep_answers(engine: Engine, answers: list[HubAnswer]) -> int:
    """Keep each answer for the PC, if its request still waits unchanged; the number kept (a
    delivery sent needs none: its record says so)."""
    c = tables.waiting.c
    kept = 0
    with db.write_tx(engine) as conn:
        for answer in answers:
            where = _row(answer.kind, answer.device_id, answer.key)
            row = conn.execute(select(c.request, c.status).where(where)).first()
            if (
                row is None
                or row.status
                or request_digest(json.loads(row.request)) != answer.digest
            ):
                continue  # answered live meanwhile, or asked anew: the newer request stands
            if answer.kind == DELIVERY and answer.status == 200:
                # Sent: the sender's record, now "terkirim", reaches the PC with the reply's
                # pages, and the PC asks no more (a PC that asks anyway gets it live, or by
                # the next bundle: a delivery is sent once by its id).
                conn.execute(delete(tables.waiting).where(where))
                continue
            conn.execute(
                tables.waiting.update()
                .where(where)
                .values(status=answer.status, answer=json.dumps(answer.body))
            )
            kept += 1
    return kept
