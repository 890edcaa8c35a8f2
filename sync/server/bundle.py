"""Bundle import on the server: a PC's USB-stick bundle in, a reply file out
(docs/sync-protocol.md, "Bundles").

A bundle carries no token. The IT officer who runs ``naskah-server bundle import`` on the
server is trusted by possession of the file, but the device it names must exist, must not be
revoked, and must belong to the office the bundle names; the bundle must be intact (SHA-256)
and made for this server. Its batches then go through ``handle_sync`` exactly as online
requests would (cursor chained from answer to answer); then each delivery it carries goes
through ``delivery.send`` exactly as ``POST /api/v1/deliveries`` would (one refused is answered
with its reason, the rest go on); then as many pull-only pages as the server has. The reply
carries every answer, each delivery's outcome, the directory of offices, and the blobs the
changed records refer to.

The container format lives in ``sync/container.py``, shared with the client.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field, StrictInt, ValidationError
from sqlalchemy import Engine, select

from sync import sealing
from sync.container import (
    BUNDLE_FORMAT,
    REPLY_FORMAT,
    Container,
    ContainerRefused,
    read_container,
    write_container,
)
from sync.protocol import (
    MAX_BUNDLE_DELIVERIES,
    MAX_CURSOR,
    MAX_ID,
    MAX_INT,
    MIN_CLIENT_PROTOCOL,
    PROTOCOL_VERSION,
    BundleDelivery,
    CertificateRequest,
    DeliveryOutcome,
    Entity,
    SyncRequest,
    SyncResponse,
    body_image_refs,
)
from sync.server import db, delivery, keys, pki
from sync.server.auth import Device
from sync.server.blobs import BlobStore, valid_hash
from sync.server.service import handle_sync
from sync.server.settings import Settings

MAX_PAGES = 10_000
MAX_CSR_REQUESTS = 50
# Fields that name a blob by its SHA-256 (as sync/client/records.py BLOB_FIELDS).
BLOB_FIELDS: dict[str, tuple[str, ...]] = {
    Entity.OFFICE.value: ("logo_hash",),
    Entity.LETTER.value: ("pdf_hash", "scan_hash"),
    Entity.INCOMING_SCAN.value: ("sha256",),
    Entity.DELIVERY.value: ("pdf_hash",),
}


M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class BundleRefused(ValueError):
    """A damaged, foreign or unknown bundle; the message (Bahasa Indonesia) says which."""


class _Header(BaseModel):
    """What the server reads from a bundle's header (other keys are ignored)."""

    protocol: StrictInt
    device_id: str = Field(max_length=MAX_ID)
    office_id: str = Field(max_length=MAX_ID)
    office_code: str = Field(max_length=MAX_ID)
    server_id: str | None = Field(default=None, max_length=MAX_ID)
    cursor: int = Field(default=0, ge=0, le=MAX_CURSOR)
    lease_epoch: int = Field(default=0, ge=0, le=MAX_INT)
    request_seq: int | None = Field(default=None, ge=1, le=MAX_CURSOR)


class _Batch(BaseModel):
    request: SyncRequest
    covers: dict[str, list[int]] = Field(default_factory=dict)
    audit_upto: int = 0


class _Body(BaseModel):
    batches: list[_Batch] = Field(default_factory=list)
    blobs: dict[str, str] = Field(default_factory=dict)
    csr_requests: list[Any] = Field(default_factory=list)
    deliveries: list[Any] = Field(default_factory=list)


_SHAPE = "Isi bundel tidak sesuai format Naskah (dibuat oleh program lain?); bundel ditolak."


def read_bundle(path: Path, fmt: str) -> Container:
    try:
        return read_container(path, fmt)
    except ContainerRefused as exc:
        raise BundleRefused(exc.message) from exc


@dataclass
class ImportResult:
    device_id: str
    office_code: str
    batches: int
    mutations: int
    pages: int  # answers in the reply
    blobs_in: int
    blobs_out: int
    certificates: int = 0  # issued on the bundle's certificate requests
    refused: int = 0  # certificate requests refused (the reply says why)
    deferred: int = 0  # certificate requests left unanswered: the CA is not active
    delivered: int = 0  # deliveries the bundle carried that are sent (now or before)
    not_delivered: int = 0  # deliveries refused (the reply says why)


def check_signature(engine: Engine, device: Device, container: Container) -> None:
    """The bundle must be signed by the device it names, with the key it gave over sync."""
    with db.read_tx(engine) as conn:
        public = keys.device_key(conn, device.id)
    if public is None:
        raise BundleRefused(
            "Perangkat pembuat bundel ini belum pernah bersinkron online sejak diperbarui, "
            "jadi server belum mengenal kunci tanda tangannya; bundel ditolak. Sambungkan PC "
            "itu ke server sekali, lalu buat bundel baru."
        )
    try:
        sealing.verify(public, container.sha256, container.signature)
    except sealing.SealBroken as exc:
        raise BundleRefused(
            "Bundel ini tidak ditandatangani oleh perangkat yang namanya tertulis di dalamnya "
            "(dipalsukan atau diubah); bundel ditolak."
        ) from exc


def bundle_device(engine: Engine, device_id: str, office_id: str, office_code: str) -> Device:
    """The live device that made a bundle, of the office (id and code) it names;
    BundleRefused otherwise."""
    with db.read_tx(engine) as conn:
        row = conn.execute(
            select(
                db.devices.c.id, db.devices.c.office_id, db.devices.c.name, db.devices.c.revoked_at
            ).where(db.devices.c.id == device_id)
        ).first()
        office = conn.execute(
            select(db.offices.c.id, db.offices.c.code).where(db.offices.c.id == office_id)
        ).first()
    if office is None or office.code != office_code:
        raise BundleRefused(
            f"Bundel ini untuk kantor {office_code} yang tidak dikenal server ini; bundel ditolak."
        )
    if row is None:
        raise BundleRefused(
            "Perangkat pembuat bundel ini tidak terdaftar di server ini; bundel ditolak."
        )
    if row.office_id != office.id:
        raise BundleRefused(
            f"Perangkat pembuat bundel ini bukan milik kantor {office.code}; bundel ditolak."
        )
    if row.revoked_at is not None:
        raise BundleRefused("Perangkat pembuat bundel ini sudah dicabut; bundel ditolak.")
    return Device(row.id, row.office_id, row.name)


def decode_blobs(carried: dict[str, str]) -> dict[str, bytes]:
    """The files a bundle carries (hash -> base64), decoded; BundleRefused if any is not what
    its hash says."""
    decoded: dict[str, bytes] = {}
    for sha256, text in carried.items():
        try:
            data = base64.b64decode(text, validate=True)
        except binascii.Error:
            data = b""
        if not valid_hash(sha256) or hashlib.sha256(data).hexdigest() != sha256:
            raise BundleRefused(f"Lampiran {sha256[:12]} di dalam bundel rusak; bundel ditolak.")
        decoded[sha256] = data
    return decoded


def store_blob(store: BlobStore, device: Device, sha256: str, data: bytes) -> None:
    held, complete = store.offset(device.office_id, sha256)
    if complete:
        return
    if held > len(data):
        held = 0
    rest = data[held:]
    store.append(device, sha256, held, rest, hashlib.sha256(rest).hexdigest(), total=len(data))


def blob_refs(office_blobs: BlobStore, office_id: str, responses: list[SyncResponse]) -> list[str]:
    found: set[str] = set()
    for response in responses:
        records = [(c.entity.value, c.fields) for c in response.changes]
        records += [(a.entity.value, a.record) for a in response.acks if a.record]
        for entity, fields in records:
            for name in BLOB_FIELDS.get(entity, ()):
                value = fields.get(name)
                if isinstance(value, str) and valid_hash(value):
                    found.add(value)
            found |= body_image_refs(entity, fields)
    return sorted(h for h in found if office_blobs.visible(office_id, h))


def write_sealed_reply(
    engine: Engine, reply: Path, device_id: str, header: dict[str, Any], body: dict[str, Any]
) -> None:
    """Write a bundle's reply: ``body`` sealed for the device that made the bundle (only it can
    open it), the whole signed with the server's key (it proves where the reply comes from)."""
    with db.write_tx(engine) as conn:
        signing_key, _public = keys.server_key(conn)
        device_pem = keys.device_key(conn, device_id)
    assert device_pem is not None  # checked with the bundle's signature
    write_container(
        reply,
        REPLY_FORMAT,
        header,
        {"sealed": sealing.seal(device_pem, body)},
        sign=lambda digest: sealing.sign(signing_key, digest),
    )


def _items(
    body: dict[str, Any],
    key: str,
    model: type[M],
    limit: int,
    too_many: str,
    malformed: Callable[[dict[str, Any]], T],
) -> list[M | T]:
    """The bundle's list ``key``: each item as ``model`` or, when malformed, what the reply
    carries for it (``malformed(item)``); the whole bundle is refused (``too_many``) when the
    list is not one or is longer than ``limit``."""
    raw = body.get(key) or []
    if not isinstance(raw, list) or len(raw) > limit:
        raise BundleRefused(too_many)
    out: list[M | T] = []
    for item in raw:
        try:
            out.append(model.model_validate(item))
        except ValidationError:
            out.append(malformed(item if isinstance(item, dict) else {}))
    return out


def _csr_requests(body: dict[str, Any]) -> list[CertificateRequest | dict[str, str]]:
    """The bundle's ``csr_requests``: each a ``CertificateRequest`` or, when malformed, the
    error entry the reply will carry for it."""
    return _items(
        body, "csr_requests", CertificateRequest, MAX_CSR_REQUESTS,
        f"Permintaan sertifikat dalam bundel ini rusak atau lebih dari {MAX_CSR_REQUESTS}; "
        "bundel ditolak.",
        lambda item: {
            "person_id": str(item.get("person_id") or ""),
            "error": "Permintaan sertifikat tidak sesuai format.",
        },
    )  # fmt: skip


def _deliveries(body: dict[str, Any]) -> list[BundleDelivery | DeliveryOutcome]:
    """The bundle's ``deliveries``: each a ``BundleDelivery`` or, when malformed, the refusal
    the reply will carry for it."""

    def malformed(item: dict[str, Any]) -> DeliveryOutcome:
        named = item.get("delivery_id")
        return DeliveryOutcome(
            delivery_id=named[:64] if isinstance(named, str) else "",
            problem="Data kiriman dalam bundel tidak sesuai format; kiriman ditolak.",
        )

    return _items(
        body, "deliveries", BundleDelivery, MAX_BUNDLE_DELIVERIES,
        f"Daftar kiriman surat dalam bundel ini rusak atau lebih dari {MAX_BUNDLE_DELIVERIES}; "
        "bundel ditolak.",
        malformed,
    )  # fmt: skip


def _deliver(
    engine: Engine,
    settings: Settings,
    device: Device,
    items: list[BundleDelivery | DeliveryOutcome],
) -> list[DeliveryOutcome]:
    """Send each carried delivery as ``POST /api/v1/deliveries`` would for this device (the
    same ``delivery.send``: same checks, same limits, idempotent by delivery id); one refused
    does not stop the others."""
    outcomes: list[DeliveryOutcome] = []
    for item in items:
        if isinstance(item, DeliveryOutcome):
            outcomes.append(item)
            continue
        if item.sender_office_id != device.office_id:
            outcomes.append(
                DeliveryOutcome(
                    delivery_id=item.delivery_id,
                    problem="Kiriman ini atas nama kantor lain, bukan kantor perangkat pembuat "
                    "bundel; kiriman ditolak.",
                )
            )
            continue
        try:
            accepted = delivery.send(
                engine, settings.blob_dir, device, item.delivery_id,
                settings.max_delivery_pdf, pdf_hash=item.pdf_hash,
            )  # fmt: skip
        except delivery.DeliveryRefused as exc:
            outcomes.append(DeliveryOutcome(delivery_id=item.delivery_id, problem=exc.message))
        else:
            outcomes.append(DeliveryOutcome(delivery_id=item.delivery_id, accepted=accepted))
    return outcomes


def _issue(
    engine: Engine,
    settings: Settings,
    ca: pki.PkiService,
    device: Device,
    requests: list[CertificateRequest | dict[str, str]],
) -> list[dict[str, Any]]:
    """Issue certificates for the bundle's requests with the endpoint's checks: one answer per
    request, in order, except those the CA cannot serve now (left unanswered)."""
    answers: list[dict[str, Any]] = []
    for request in requests:
        if isinstance(request, dict):
            answers.append(request)
            continue
        try:
            issued = pki.issue_certificate(
                engine,
                ca.keys(),
                device,
                request,
                days=settings.cert_days,
                crl_url=ca.crl_url(),
            )
        except pki.PkiRefused as exc:
            if exc.status == 503:
                # The CA is not active (no CA, or no passphrase at this import): no answer, so
                # the request stays pending on the PC, as after a 503 online.
                continue
            answers.append({"person_id": request.person_id, "error": exc.message})
        else:
            answers.append(issued.model_dump(mode="json"))
    return answers


def trust_and_directory(engine: Engine, ca: pki.PkiService) -> dict[str, Any]:
    """What every bundle reply carries, as an online sync keeps it: the directory of offices
    (where letters can go) and, when this server has a CA, its trust material (the root, the
    TSA certificate and the newest revocation list)."""
    ca.maybe_refresh()
    with db.read_tx(engine) as conn:
        material = pki.public_material(conn)
    extra: dict[str, Any] = {"offices": delivery.directory(engine).model_dump(mode="json")}
    if material is not None:
        extra["trust"] = material.trust(ca.configured_url()).model_dump(mode="json")
    return extra


def import_bundle(engine: Engine, settings: Settings, path: Path, reply: Path) -> ImportResult:
    """Verify and apply the bundle at ``path``; write the reply to ``reply``. BundleRefused
    (nothing applied, no reply written) when the bundle is damaged or foreign."""
    container = read_bundle(path, BUNDLE_FORMAT)
    if container.header.get("kind") == "hub":  # a hub's bundle for its whole office
        from sync.server.hub_bundle import import_hub_bundle

        return import_hub_bundle(engine, settings, container, reply)
    raw_header, raw_body, digest = container.header, container.body, container.sha256
    try:
        protocol = _Header.model_validate({"protocol": 0, **raw_header}).protocol
    except ValidationError as exc:
        raise BundleRefused(_SHAPE) from exc
    if not MIN_CLIENT_PROTOCOL <= protocol <= PROTOCOL_VERSION:
        raise BundleRefused(
            f"Bundel ini memakai protokol {protocol}; server ini menerima "
            f"{MIN_CLIENT_PROTOCOL}-{PROTOCOL_VERSION}. Perbarui aplikasinya."
        )
    try:
        header, body = _Header.model_validate(raw_header), _Body.model_validate(raw_body)
    except ValidationError as exc:
        raise BundleRefused(_SHAPE) from exc
    server_id = db.server_id(engine)
    if header.server_id not in ("", None, server_id):
        raise BundleRefused("Bundel ini dibuat untuk server lain; bundel ditolak.")
    device = bundle_device(engine, header.device_id, header.office_id, header.office_code)
    check_signature(engine, device, container)
    store = BlobStore(engine, settings.blob_dir)
    decoded = decode_blobs(body.blobs)
    batches = [b.model_dump() for b in body.batches]
    requests = [b.request for b in body.batches]
    csr_requests = _csr_requests(raw_body)
    carried = _deliveries(raw_body)
    for sha256, data in decoded.items():
        store_blob(store, device, sha256, data)

    exchanges: list[dict[str, Any]] = []
    responses: list[SyncResponse] = []
    cursor = requests[0].cursor if requests else header.cursor
    lease_epoch = header.lease_epoch

    def run(request: SyncRequest, batch: dict[str, Any]) -> SyncResponse:
        nonlocal cursor, lease_epoch
        response = handle_sync(engine, device, request, settings)
        cursor = response.cursor
        lease_epoch = max([lease_epoch, *(g.epoch for g in response.leases)])
        responses.append(response)
        exchanges.append(
            {
                "request": request.model_dump(mode="json"),
                "covers": batch.get("covers", {}),
                "audit_upto": batch.get("audit_upto", 0),
                "response": response.model_dump(mode="json"),
            }
        )
        return response

    response: SyncResponse | None = None
    for request, batch in zip(requests, batches, strict=True):
        response = run(
            request.model_copy(update={"cursor": cursor, "lease_epoch": lease_epoch}), batch
        )
    # The deliveries after the batches (their records and PDFs came in them), before the pull
    # (which then brings the sender's records marked terkirim, as after an online sync).
    outcomes = _deliver(engine, settings, device, carried)
    if any(o.accepted for o in outcomes):
        response = None  # at least one pull, whatever the last batch's answer said
    # The pull after the batches carries the bundle's own request number: imported a second
    # time, it is late like its batches, and voids no lease the first import granted.
    pull_seq = header.request_seq
    # The device's users (access by sifat) as its batches named them.
    users = next((r.users for r in reversed(requests) if r.users is not None), None)
    pages = 0
    while (response is None or response.more) and pages < MAX_PAGES:
        pages += 1
        response = run(
            SyncRequest(cursor=cursor, lease_epoch=lease_epoch, request_seq=pull_seq, users=users),
            {},
        )
    hashes = blob_refs(store, device.office_id, responses)
    # After the batches: the person records a request names may have come in this bundle.
    ca = pki.PkiService(engine, settings.ca_passphrase, settings.public_url)
    certificates = _issue(engine, settings, ca, device, csr_requests)
    reply_header = {
        "protocol": PROTOCOL_VERSION,
        "device_id": device.id,
        "office_id": device.office_id,
        "office_code": header.office_code,
        "server_id": server_id,
        "created": db.utcnow().isoformat(),
        "bundle_sha256": digest,
        "cursor": cursor,
    }
    reply_body: dict[str, Any] = {
        "exchanges": exchanges,
        "blobs": {h: base64.b64encode(store.path(h).read_bytes()).decode() for h in hashes},
        "certificates": certificates,
        "deliveries": [o.model_dump(mode="json") for o in outcomes],
        **trust_and_directory(engine, ca),
    }
    write_sealed_reply(engine, reply, device.id, reply_header, reply_body)
    return ImportResult(
        device_id=device.id,
        office_code=header.office_code,
        batches=len(requests),
        mutations=sum(len(r.mutations) for r in requests),
        pages=len(exchanges),
        blobs_in=len(decoded),
        blobs_out=len(hashes),
        certificates=sum(1 for c in certificates if "error" not in c),
        refused=sum(1 for c in certificates if "error" in c),
        deferred=len(csr_requests) - len(certificates),
        delivered=sum(1 for o in outcomes if o.accepted),
        not_delivered=sum(1 for o in outcomes if not o.accepted),
    )
