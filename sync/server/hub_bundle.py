"""A hub's bundle at central: the whole office's upstream round by USB stick, for an office
whose hub never reaches central (docs/office-hub.md, "Hub bundles"; docs/sync-protocol.md).

``naskah-server bundle import`` hands a bundle whose header says ``"kind": "hub"`` here. It is
checked as a PC's bundle is (intact, for this server, made by a live device of the office it
names, signed with that device's key) and its device must be an allowed hub of that office, as
for the HTTP hub endpoints. Every device whose requests it relays must be a device of the
office (or one the bundle confirms as enrolled at the hub); a bundle naming another office's
device, or a device central does not know, is refused whole, before anything is applied.

It then takes what the hub's HTTP round would have sent, through the same functions as the
hub endpoints (``sync.server.hubs``): the blobs (stored as the hub's uploads), the enrolments
the hub made (``confirm_enrolment``), each relayed request (``relay``, under its device's own
device, request and mutation ids, so a second import applies nothing twice), number blocks
(``grant_blocks``, only on the first import of the bundle), then the hub's pull
(``handle_sync`` as the hub, page after page from the hub's cursor). The reply, sealed for the
hub and signed by the server, carries the office view, each relay outcome, the blocks, every
page and the blobs the pages' records name.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, StrictInt, ValidationError
from sqlalchemy import Engine, select

from sync.container import Container
from sync.protocol import (
    MAX_CURSOR,
    MAX_ID,
    MIN_CLIENT_PROTOCOL,
    PAGE_BYTES,
    PROTOCOL_VERSION,
    LeaseGrant,
    SyncRequest,
    SyncResponse,
)
from sync.server import db, hubs, pki
from sync.server.auth import Device
from sync.server.blobs import BlobStore
from sync.server.bundle import (
    MAX_PAGES,
    BundleRefused,
    ImportResult,
    blob_refs,
    bundle_device,
    check_signature,
    decode_blobs,
    store_blob,
    trust_and_directory,
    write_sealed_reply,
)
from sync.server.service import TooManyMutations, handle_sync
from sync.server.settings import Settings

HUB_KIND = "hub"
MAX_ENTRIES = 100_000
MAX_ENROLMENTS = 500
MAX_HELD = 2_000_000

_SHAPE = "Isi bundel server kantor tidak sesuai format Naskah; bundel ditolak."


class _HubHeader(BaseModel):
    protocol: StrictInt
    kind: Literal["hub"]
    device_id: str = Field(max_length=MAX_ID)
    office_id: str = Field(max_length=MAX_ID)
    office_code: str = Field(max_length=MAX_ID)
    server_id: str = Field(max_length=MAX_ID)
    cursor: int = Field(ge=0, le=MAX_CURSOR)
    request_seq: int = Field(ge=1, le=MAX_CURSOR)
    # Series (per year) whose unleased remainder at the hub is low: blocks are wanted.
    numbers: dict[str, list[str]] = Field(default_factory=dict, max_length=8)


class _Entry(BaseModel):
    seq: int  # the hub's relay queue entry
    body: dict[str, Any]  # the relay request the HTTP round would post


class _HubBody(BaseModel):
    relay: list[_Entry] = Field(default_factory=list, max_length=MAX_ENTRIES)
    enrolments: list[dict[str, Any]] = Field(default_factory=list, max_length=MAX_ENROLMENTS)
    blobs: dict[str, str] = Field(default_factory=dict)
    # The office's blobs the hub holds already: the reply leaves them out.
    held: list[str] = Field(default_factory=list, max_length=MAX_HELD)
    # Certificate requests, deliveries and timestamp queries the hub held for central
    # (``sync.hub.waiting``).
    waiting: list[hubs.HubWaiting] = Field(default_factory=list, max_length=hubs.MAX_WAITING)


def entry_digest(body: dict[str, Any]) -> str:
    """What names a relay queue entry beyond its number (which SQLite may give again once the
    entry is gone): its device, request number and mutation ids."""
    mutations = body.get("mutations")
    if not isinstance(mutations, list):
        mutations = []
    ids = [str(m.get("mutation_id")) for m in mutations if isinstance(m, dict)]
    text = "\n".join([str(body.get("device_id")), str(body.get("request_seq")), *ids])
    return hashlib.sha256(text.encode()).hexdigest()


def _hub(engine: Engine, header: _HubHeader) -> Device:
    hub = bundle_device(engine, header.device_id, header.office_id, header.office_code)
    try:
        hubs.check_hub(engine, hub)
    except hubs.NotAHub as exc:
        raise BundleRefused(
            f"Perangkat pembuat bundel ini bukan server kantor (hub) yang diizinkan untuk kantor "
            f"{header.office_code} (naskah-server hub allow); bundel ditolak."
        ) from exc
    return hub


def _check_devices(
    engine: Engine, hub: Device, code: str, entries: list[hubs.RelayRequest], enrolled: set[str]
) -> None:
    """Each relayed device is a device of the hub's office (or one this bundle confirms)."""
    d = db.devices.c
    names = sorted({e.device_id for e in entries})
    rows: dict[str, str] = {}
    with db.read_tx(engine) as conn:
        for start in range(0, len(names), 500):
            part = names[start : start + 500]
            for r in conn.execute(select(d.id, d.office_id).where(d.id.in_(part))):
                rows[r.id] = r.office_id
    for device_id in names:
        office = rows.get(device_id)
        if office is None and device_id not in enrolled:
            raise BundleRefused(
                f"Bundel ini memuat perubahan dari perangkat {device_id} yang tidak terdaftar "
                f"di server ini; bundel ditolak, tidak ada yang diterapkan."
            )
        if office is not None and office != hub.office_id:
            raise BundleRefused(
                f"Bundel ini memuat perubahan dari perangkat {device_id} yang bukan milik "
                f"kantor {code}; bundel ditolak, tidak ada yang diterapkan."
            )


_REFUSALS = (ValidationError, hubs.UnknownDevice, TooManyMutations)


def _refusal(exc: Exception) -> str:
    """The entry's failure as the endpoint's answer would read: status and message."""
    if isinstance(exc, ValidationError):
        return f"422 {str(exc)[:300]}"
    return f"{403 if isinstance(exc, hubs.UnknownDevice) else 413} {exc}"


def _relay_one(
    engine: Engine, hub: Device, body: dict[str, Any], settings: Settings
) -> tuple[str, hubs.RelayResponse | None]:
    """One queue entry as ``POST /api/v1/hub/relay`` takes it (and the stale rest after a late
    answer, as the hub's round sends it): what the hub records as the entry's failure ("" when
    done) and the answer."""
    try:
        answer = hubs.relay(engine, hub, hubs.RelayRequest.model_validate(body), settings)
    except _REFUSALS as exc:
        return _refusal(exc), None
    rest = hubs.stale_rest(body, answer)
    if rest is not None:
        try:
            hubs.relay(engine, hub, hubs.RelayRequest.model_validate(rest), settings)
        except _REFUSALS as exc:
            return _refusal(exc), answer
    return "", answer


def import_hub_bundle(
    engine: Engine, settings: Settings, container: Container, reply: Path
) -> ImportResult:
    """Verify and apply a hub's bundle; write the reply to ``reply``. BundleRefused (nothing
    applied, no reply written) when it is damaged, foreign, or not an allowed hub's."""
    try:
        protocol = _HubHeader.model_validate({"protocol": 0, **container.header}).protocol
    except ValidationError as exc:
        raise BundleRefused(_SHAPE) from exc
    if not MIN_CLIENT_PROTOCOL <= protocol <= PROTOCOL_VERSION:
        raise BundleRefused(
            f"Bundel ini memakai protokol {protocol}; server ini menerima "
            f"{MIN_CLIENT_PROTOCOL}-{PROTOCOL_VERSION}. Perbarui programnya."
        )
    try:
        header = _HubHeader.model_validate(container.header)
        body = _HubBody.model_validate(container.body)
    except ValidationError as exc:
        raise BundleRefused(_SHAPE) from exc
    server_id = db.server_id(engine)
    if header.server_id != server_id:
        raise BundleRefused("Bundel ini dibuat untuk server lain; bundel ditolak.")
    hub = _hub(engine, header)
    check_signature(engine, hub, container)

    decoded = decode_blobs(body.blobs)
    enrolments: list[hubs.HubEnrolment] = []
    try:
        enrolments = [hubs.HubEnrolment.model_validate(e) for e in body.enrolments]
        numbers = [
            hubs.NumbersRequest(series=names, year=int(year))
            for year, names in sorted(header.numbers.items())
        ]
    except (ValidationError, ValueError) as exc:
        raise BundleRefused(_SHAPE) from exc
    parsed = []
    for entry in body.relay:
        try:
            parsed.append(hubs.RelayRequest.model_validate(entry.body))
        except ValidationError:
            continue  # answered 422 below, as the endpoint would
    _check_devices(engine, hub, header.office_code, parsed, {e.id for e in enrolments})

    # What the hub's HTTP round sends, in its order: blobs, enrolments, the relay queue.
    store = BlobStore(engine, settings.blob_dir)
    for sha256, data in decoded.items():
        store_blob(store, hub, sha256, data)
    confirmed: list[dict[str, str]] = []
    for enrolment in enrolments:
        try:
            hubs.confirm_enrolment(engine, hub, enrolment)
        except hubs.EnrolmentRefused as exc:
            confirmed.append({"id": enrolment.id, "error": str(exc)})
        else:
            confirmed.append({"id": enrolment.id, "error": ""})
    outcomes: list[dict[str, Any]] = []
    for entry in body.relay:
        failed, answer = _relay_one(engine, hub, entry.body, settings)
        outcomes.append(
            {
                "seq": entry.seq,
                "device_id": str(entry.body.get("device_id", ""))[:MAX_ID],
                "entry": entry_digest(entry.body),
                "failed": failed,
                "answer": answer.model_dump(mode="json") if answer else None,
            }
        )

    # Deliveries, once the letters and PDFs they name are here: sent as their PCs (exactly once
    # by delivery id), before the pull, which then brings the senders' "terkirim" back.
    ca = pki.PkiService(engine, settings.ca_passphrase, settings.public_url)
    answers = [
        said
        for item in body.waiting
        if item.kind == "delivery"
        and (said := hubs.answer_waiting(engine, hub, item, settings, ca)) is not None
    ]

    # The hub's pull, under the request number it took at export: a second import is late
    # (changes again, nothing granted), and so grants no number block again either.
    pages: list[SyncResponse] = []
    cursor = header.cursor
    while not pages or (pages[-1].more and len(pages) < MAX_PAGES):
        page = handle_sync(
            engine,
            hub,
            SyncRequest(cursor=cursor, request_seq=header.request_seq, page_bytes=PAGE_BYTES),
            settings,
        )
        pages.append(page)
        cursor = page.cursor
    blocks: list[LeaseGrant] = []
    if not pages[0].late:
        for wanted in numbers:
            blocks += hubs.grant_blocks(engine, hub, wanted, settings)
        # Certificates and document timestamps too (a second import issues none again; the
        # requests keep waiting at the hub only if this first reply never reaches it).
        answers += [
            said
            for item in body.waiting
            if item.kind in ("certificate", "timestamp")
            and (said := hubs.answer_waiting(engine, hub, item, settings, ca)) is not None
        ]
    view = hubs.office_view(engine, hub)
    held = set(body.held) | set(decoded)
    hashes = [h for h in blob_refs(store, hub.office_id, pages) if h not in held]

    reply_header = {
        "protocol": PROTOCOL_VERSION,
        "kind": HUB_KIND,
        "device_id": hub.id,
        "office_id": hub.office_id,
        "office_code": header.office_code,
        "server_id": server_id,
        "created": db.utcnow().isoformat(),
        "bundle_sha256": container.sha256,
        "cursor": header.cursor,
    }
    reply_body: dict[str, Any] = {
        "office": view.model_dump(mode="json"),
        "enrolments": confirmed,
        "relay": outcomes,
        "blocks": [b.model_dump(mode="json") for b in blocks],
        "pages": [p.model_dump(mode="json") for p in pages],
        "blobs_held": sorted(decoded),
        "blobs": {h: base64.b64encode(store.path(h).read_bytes()).decode() for h in hashes},
        "answers": [a.model_dump(mode="json") for a in answers],
        # For the PCs through the hub: the directory and the trust material (the newest CRL).
        **trust_and_directory(engine, ca),
    }
    write_sealed_reply(engine, reply, hub.id, reply_header, reply_body)
    return ImportResult(
        device_id=hub.id,
        office_code=header.office_code,
        batches=len(body.relay),
        mutations=sum(len(r.mutations) for r in parsed),
        pages=len(pages),
        blobs_in=len(decoded),
        blobs_out=len(hashes),
    )
