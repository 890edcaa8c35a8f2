"""The delivery side of a sync (docs/sync-protocol.md, "Delivery between offices").

- ``refresh_directory``: keep the server's list of offices on this PC, so that a letter can be
  addressed to another office offline (fetched again when a sync answer counts another number
  of offices, or after a day).
- ``send_ready``: ask the server to send each delivery of this office that waits for a letter
  now signed electronically (``POST /api/v1/deliveries``). The server's refusal of one (the
  letter not on the server yet, its PDF missing...) is kept on the delivery as ``problem`` and
  it is asked again at the next sync; a sent delivery comes back as the server's record in the
  next pull.

Failures here never fail the record sync: they are reported and retried next time.

An office on USB bundles sends the same deliveries in its bundle (``carried``: each with the
letter and PDF it means) and keeps the server's answers from the reply (``keep_outcomes``), as
``send_ready`` keeps the HTTP answers; the reply also carries the directory (``keep_directory``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func
from sqlmodel import col, select

from desktop.i18n import _
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.delivery_models import Delivery, OfficeDirectoryEntry
from desktop.store.errors import UserError
from desktop.store.models import Letter
from sync.client.transport import Transport, detail_of, parse_answer
from sync.protocol import (
    MAX_BUNDLE_DELIVERIES,
    BundleDelivery,
    DeliveryAccepted,
    DeliveryOutcome,
    DeliveryRequest,
    DeliveryState,
    LetterStatus,
    OfficeDirectory,
    SignatureKind,
)

API = "/api/v1"
DIRECTORY_MAX_AGE = timedelta(days=1)
_ELECTRONIC = (SignatureKind.INTERNAL.value, SignatureKind.BSRE.value)
_REFUSALS = frozenset({404, 409, 413, 422})

log = logging.getLogger("naskah.sync")


@dataclass
class DeliveryReport:
    offices: int = 0  # offices in the directory fetched now (0: the cache was fresh)
    sent: int = 0  # deliveries the server accepted in this sync
    refused: int = 0  # deliveries the server refused (kept with the reason, asked again)
    error: str = ""


def refresh_directory(store: Store, link: Transport) -> int:
    """Replace the cached directory of offices with the server's; returns its size."""
    answer = parse_answer(link.request("GET", f"{API}/offices"), OfficeDirectory)
    return keep_directory(store, answer)


def keep_directory(store: Store, answer: OfficeDirectory) -> int:
    """Replace the cached directory of offices with ``answer``; returns its size."""
    now = clock.now()
    with store.write() as session:
        held = {row.id: row for row in session.exec(select(OfficeDirectoryEntry)).all()}
        for entry in answer.offices:
            row = held.pop(entry.id, None) or OfficeDirectoryEntry(id=entry.id)
            row.code, row.name, row.fetched_at = entry.code, entry.name, now
            session.add(row)
        for gone in held.values():
            session.delete(gone)
    return len(answer.offices)


def _waiting(store: Store, office_id: str) -> list[tuple[Delivery, Letter]]:
    """Deliveries of this office waiting for a letter signed electronically, oldest first."""
    with store.read() as session:
        rows = session.exec(
            select(Delivery, Letter)
            .join(Letter, col(Letter.id) == col(Delivery.letter_id))
            .where(
                Delivery.state == DeliveryState.WAITING.value,
                Delivery.sender_office_id == office_id,
                col(Delivery.deleted_at).is_(None),
                Letter.status == LetterStatus.SIGNED.value,
                col(Letter.signature_kind).in_(_ELECTRONIC),
            )
            .order_by(col(Delivery.created_at))
        ).all()
        return [(d, letter) for d, letter in rows]


def ready(store: Store, office_id: str) -> list[str]:
    """Deliveries of this office waiting for a letter that is signed electronically and on the
    server (synced), oldest first."""
    return [
        d.id for d, letter in _waiting(store, office_id) if d.version > 0 and letter.version > 0
    ]


def carried(store: Store, office_id: str, in_bundle: set[tuple[str, str]]) -> list[BundleDelivery]:
    """What a bundle carries: the deliveries ``send_ready`` would send once the bundle's own
    records (``in_bundle``: entity and id of each mutation) are on the server, each with the
    letter and signed PDF it means; oldest first, at most ``MAX_BUNDLE_DELIVERIES``."""
    out: list[BundleDelivery] = []
    for d, letter in _waiting(store, office_id):
        on_server = (d.version > 0 or ("delivery", d.id) in in_bundle) and (
            letter.version > 0 or ("letter", letter.id) in in_bundle
        )
        if on_server and letter.pdf_hash and len(out) < MAX_BUNDLE_DELIVERIES:
            out.append(
                BundleDelivery(
                    delivery_id=d.id,
                    sender_office_id=office_id,
                    letter_id=letter.id,
                    pdf_hash=letter.pdf_hash,
                )
            )
    return out


def keep_outcomes(store: Store, outcomes: list[DeliveryOutcome]) -> DeliveryReport:
    """The server's answers to a bundle's deliveries, kept as ``send_ready`` keeps the HTTP
    ones: a refusal's reason on the delivery (shown with the letter, asked again with the next
    bundle), cleared once it is sent. Answers about no delivery of this PC are ignored."""
    report = DeliveryReport()
    with store.write() as session:
        for outcome in outcomes:
            row = session.get(Delivery, outcome.delivery_id)
            if row is None:
                continue
            problem = "" if outcome.accepted else (outcome.problem or _("ditolak server"))
            if outcome.accepted:
                report.sent += 1
            else:
                report.refused += 1
            if row.problem != problem[:500]:
                row.problem = problem[:500]
                session.add(row)
    return report


def directory_stale(store: Store, office_count: int) -> bool:
    """Should the directory be fetched: the server has another number of offices than the
    cache holds, or the cache is older than a day (an office renamed)."""
    with store.read() as session:
        held = session.exec(select(func.count()).select_from(OfficeDirectoryEntry)).one()
        oldest = session.exec(select(func.min(OfficeDirectoryEntry.fetched_at))).one()
    if not held or (office_count and held != office_count):
        return True
    return oldest is None or clock.now() - _aware(oldest) > DIRECTORY_MAX_AGE


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def send_ready(
    store: Store, link: Transport, office_id: str, office_count: int = 0
) -> DeliveryReport:
    """Ask the server to send every ready delivery (see the module docs), after refreshing the
    directory of offices when it is stale (an idle sync costs no request here)."""
    report = DeliveryReport()
    try:
        if directory_stale(store, office_count):
            report.offices = refresh_directory(store, link)
        for delivery_id in ready(store, office_id):
            body = DeliveryRequest(delivery_id=delivery_id)
            response = link.request(
                "POST", f"{API}/deliveries", json=body.model_dump(), allow=_REFUSALS
            )
            problem = ""
            if response.status_code in _REFUSALS:
                problem = detail_of(response) or f"HTTP {response.status_code}"
                report.refused += 1
            else:
                parse_answer(response, DeliveryAccepted)
                report.sent += 1
            with store.write() as session:
                row = session.get(Delivery, delivery_id)
                if row is not None and row.problem != problem:
                    row.problem = problem[:500]
                    session.add(row)
    except UserError as exc:  # offline, a server error: the record sync stands
        log.info("deliveries: %s", exc.message)
        report.error = exc.message
    return report
