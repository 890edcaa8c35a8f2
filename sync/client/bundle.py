"""Bundles: sync by USB stick (docs/sync-protocol.md, "Bundles").

``export_bundle`` writes what the next online sync would send (the same ``build_batch``, as
several batches up to a cap), plus every blob the pending records refer to, plus the
deliveries to other offices the next online sync would send (``delivery.carried``: each with
its letter and signed PDF), into one file. The IT officer imports it on the server
(``naskah-server bundle import``), which runs the same ``handle_sync`` as the HTTP endpoint and
the same ``send`` as the delivery endpoint and writes a reply; ``import_reply`` applies that
reply through the same ``apply`` as online sync, one batch per transaction, then keeps each
delivery's outcome (``delivery.keep_outcomes``) and the directory of offices.

File format (both directions): gzip of one JSON document
``{"format", "header", "body", "sha256"}``; ``sha256`` is taken over the canonical JSON of
``{"format", "header", "body"}`` (sorted keys, no spaces, UTF-8). Blobs travel base64-encoded
under ``body.blobs`` and are checked against their names again when stored.

Importing a reply twice changes nothing: acks whose outbox rows are already gone are skipped,
changes older than the local version are skipped, leases are stored once, the cursor only grows.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from sqlmodel import Session, col, delete, select

from desktop.i18n import _
from desktop.store import clock, sync_models
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.models import Outbox
from desktop.store.sync_models import BlobWanted, SyncState
from sync import sealing
from sync.client import blobs, delivery, domain, engine
from sync.client.errors import NotEnrolled, SyncError
from sync.client.outbox import Batch, build_batch
from sync.container import (
    BUNDLE_FORMAT,
    REPLY_FORMAT,
    Container,
    ContainerRefused,
    read_container,
    write_container,
)
from sync.protocol import (
    BATCH_SIZE,
    PROTOCOL_VERSION,
    CertificateIssued,
    DeliveryOutcome,
    OfficeDirectory,
    SyncRequest,
    SyncResponse,
    TrustMaterial,
)

MAX_BATCHES = 50  # batches per bundle; the rest goes in the next bundle


class BundleRefused(SyncError):
    """A damaged, foreign or unknown file; the message says which."""

    retry = False


class _Exchange(BaseModel):
    request: SyncRequest
    response: SyncResponse
    covers: dict[str, list[int]] = Field(default_factory=dict)
    audit_upto: int = 0


class _Reply(BaseModel):
    """The shape of a reply's body (checked before anything is applied)."""

    exchanges: list[_Exchange] = Field(default_factory=list)
    blobs: dict[str, str] = Field(default_factory=dict)
    certificates: list[dict[str, Any]] = Field(default_factory=list)
    trust: dict[str, Any] | None = None
    deliveries: list[DeliveryOutcome] = Field(default_factory=list)
    offices: OfficeDirectory | None = None  # the server's directory (older servers: none)


def _read(path: Path, fmt: str) -> Container:
    try:
        return read_container(path, fmt)
    except ContainerRefused as exc:
        raise BundleRefused(exc.message) from exc


def encode_blobs(store_dir: Path, hashes: list[str]) -> dict[str, str]:
    local = BlobStore(store_dir)
    return {h: base64.b64encode(local.path(h).read_bytes()).decode() for h in hashes}


def decode_blob(sha256: str, text: str) -> bytes:
    try:
        data = base64.b64decode(text, validate=True)
    except binascii.Error:
        data = b""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise BundleRefused(_("Lampiran {h} di dalam berkas rusak.").format(h=sha256[:12]))
    return data


# --- export --------------------------------------------------------------------------------


@dataclass
class ExportReport:
    batches: int
    mutations: int
    blobs: int
    deliveries: int  # letters to other offices the server will send at import
    more_local: bool  # more than fits: export again after importing the reply
    sha256: str


def export_bundle(
    store: Store, path: Path, *, max_batches: int = MAX_BATCHES, limit: int = BATCH_SIZE
) -> ExportReport:
    """Write the pending batches and their blobs to ``path``. Changes nothing in the store but
    the request numbers the bundle takes. DomainMissing (a bug) when the domain's handlers were
    not registered (``desktop.seam.install``)."""
    handlers = domain.handlers()
    state = engine.state_of(store)
    if state is None:
        raise NotEnrolled()
    restored = sync_models.leases_void(state)
    lease_epoch = 0 if restored else state.lease_epoch
    batches: list[Batch] = []
    # Later batches are built as if the earlier ones were acknowledged: their outbox rows are
    # deleted in a transaction that is always rolled back.
    with store.engine.connect() as conn:
        trans = conn.begin()
        try:
            session = Session(bind=conn)
            audit_cursor = state.audit_cursor
            while len(batches) < max_batches:
                state.audit_cursor = audit_cursor
                batch = build_batch(session, state, lease_epoch=lease_epoch, limit=limit)
                batches.append(batch)
                if not batch.more_local or not batch.request.mutations:
                    break
                seqs = [s for group in batch.covers.values() for s in group]
                if seqs:
                    session.exec(delete(Outbox).where(col(Outbox.seq).in_(seqs)))
                audit_cursor = max(audit_cursor, batch.audit_upto)
                session.flush()
            session.close()
        finally:
            trans.rollback()
    with store.write() as session:  # one number per batch, and one for the reply's pull
        first = sync_models.take_request_seqs(session, len(batches) + 1)
    for offset, b in enumerate(batches):
        b.request.request_seq = first + offset
    hashes = blobs.outbox_blobs(store)
    in_bundle = {(m.entity.value, m.entity_id) for b in batches for m in b.request.mutations}
    deliveries = delivery.carried(store, state.office_id, in_bundle)
    local = BlobStore(store.blob_dir)
    # Each delivery's signed PDF travels with it (the server keeps a blob it holds once).
    hashes += sorted({d.pdf_hash for d in deliveries if local.has(d.pdf_hash)} - set(hashes))
    with store.read() as session:
        csr_requests = [r.model_dump() for r in handlers.pending_certificate_requests(session)]
    header = {
        "protocol": PROTOCOL_VERSION,
        "device_id": state.device_id,
        "office_id": state.office_id,
        "office_code": state.office_code,
        "server_id": state.server_id,
        "created": clock.now().isoformat(),
        "cursor": state.cursor,
        "lease_epoch": lease_epoch,
        "request_seq": first + len(batches),
    }
    body = {
        "batches": [
            {
                "request": b.request.model_dump(mode="json"),
                "covers": b.covers,
                "audit_upto": b.audit_upto,
            }
            for b in batches
        ],
        "blobs": encode_blobs(store.blob_dir, hashes),
        # Signer enrolment by USB stick: the server answers with certificates in the reply.
        "csr_requests": csr_requests,
        # Letters to other offices: the server sends each as POST /api/v1/deliveries would.
        "deliveries": [d.model_dump(mode="json") for d in deliveries],
    }
    if not state.server_key:  # the server has not learnt this PC's key yet
        raise BundleRefused(
            _(
                "PC ini belum pernah bersinkron online sejak diperbarui, jadi server belum "
                "mengenal kunci tanda tangan bundelnya. Sinkronkan sekali secara online dulu."
            )
        )
    key = sealing.load_private(_bundle_key(state.device_id))
    digest = write_container(path, BUNDLE_FORMAT, header, body, sign=lambda d: sealing.sign(key, d))
    return ExportReport(
        batches=len(batches),
        mutations=sum(len(b.request.mutations) for b in batches),
        blobs=len(hashes),
        deliveries=len(deliveries),
        more_local=batches[-1].more_local,
        sha256=digest,
    )


# --- import of the server's reply ----------------------------------------------------------


@dataclass
class ImportReport:
    report: engine.SyncReport
    blobs: int  # blobs stored from the reply


def import_reply(store: Store, path: Path) -> ImportReport:
    """Apply a reply file made by the server for this PC: blobs first, then each answer in its
    own transaction, exactly as online sync applies them. DomainMissing (a bug) before anything
    is read when the domain's handlers were not registered (``desktop.seam.install``)."""
    domain.handlers()
    container = _read(path, REPLY_FORMAT)
    header = container.header
    state = engine.state_of(store)
    if state is None:
        raise NotEnrolled()
    if header.get("office_id") != state.office_id:
        raise BundleRefused(
            _("Balasan ini untuk kantor lain ({code}), bukan kantor PC ini ({mine}).").format(
                code=header.get("office_code", "?"), mine=state.office_code
            )
        )
    if header.get("device_id") != state.device_id:
        raise BundleRefused(_("Balasan ini dibuat untuk PC lain, bukan PC ini."))
    if state.server_id and header.get("server_id") not in ("", None, state.server_id):
        raise BundleRefused(_("Balasan ini dari server lain, bukan server tempat PC terdaftar."))
    raw_body = _opened(state, container)
    try:
        reply = _Reply.model_validate(raw_body)
    except ValidationError as exc:
        raise BundleRefused(_("Isi balasan tidak sesuai format Naskah; berkas ditolak.")) from exc
    local = BlobStore(store.blob_dir)
    stored: list[str] = []
    for sha256, text in reply.blobs.items():
        data = decode_blob(sha256, text)
        if not local.has(sha256):
            local.put(data)
        stored.append(sha256)
    report = engine.SyncReport()
    for exchange in reply.exchanges:
        request, response = exchange.request, exchange.response
        covers = dict(exchange.covers)
        with store.read() as session:
            present = set(session.exec(select(Outbox.seq)).all())
        # Acks already applied (a reply imported twice) are left out: their rows are gone.
        covers = {k: v for k, v in covers.items() if present.intersection(v)}
        batch = Batch(
            request=request,
            covers=covers,
            sent={m.mutation_id: m for m in request.mutations if m.mutation_id in covers},
            audit_upto=exchange.audit_upto,
        )
        _state, applied = engine.apply(store, batch, response)
        report.add(applied)
    if stored:
        with store.write() as session:
            session.exec(delete(BlobWanted).where(col(BlobWanted.sha256).in_(stored)))
    _import_signing(store, {"trust": reply.trust, "certificates": reply.certificates})
    # After the answers: a sent delivery's record (terkirim) came in them.
    report.delivery = delivery.keep_outcomes(store, reply.deliveries)
    if reply.offices is not None:
        report.delivery.offices = delivery.keep_directory(store, reply.offices)
    report.pending = engine.pending_count(store)
    return ImportReport(report=report, blobs=len(stored))


def _bundle_key(device_id: str) -> str:
    """This PC's bundle key; refused until the server knows it (learnt over an online sync)."""
    pem = sync_models.bundle_key(device_id)
    if pem is None:
        raise BundleRefused(
            _(
                "PC ini belum punya kunci bundel yang dikenal server. Sinkronkan sekali secara "
                "online, lalu buat bundel lagi."
            )
        )
    return pem


def _opened(state: SyncState, container: Container) -> dict[str, Any]:
    """The reply's body, once its signature is the server's and it opens with this PC's key."""
    if not state.server_key:
        raise BundleRefused(
            _(
                "PC ini belum mengenal kunci server untuk memeriksa balasan. Sinkronkan sekali "
                "secara online, lalu impor balasannya lagi."
            )
        )
    forged = _("Balasan ini tidak ditandatangani server tempat PC ini terdaftar; berkas ditolak.")
    try:
        sealing.verify(state.server_key, container.sha256, container.signature)
    except sealing.SealBroken as exc:
        raise BundleRefused(forged) from exc
    try:
        key = sealing.load_private(_bundle_key(state.device_id))
        return sealing.unseal(key, container.body.get("sealed"))
    except sealing.SealBroken as exc:
        raise BundleRefused(_("Balasan ini dibuat untuk PC lain, bukan PC ini.")) from exc


def _import_signing(store: Store, body: dict[str, Any]) -> None:
    """The reply's trust material and the certificates (or refusals) for this PC's requests."""
    handlers = domain.handlers()
    with store.write() as session:
        if body.get("trust"):
            handlers.save_trust(session, TrustMaterial.model_validate(body["trust"]))
        requests = handlers.pending_certificate_requests(session)
        pending = {r.person_id: r.csr_pem for r in requests}
        for item in body.get("certificates", []):
            if "error" in item:
                person_id = str(item.get("person_id", ""))
                if person_id in pending:
                    handlers.record_certificate_refusal(
                        session, person_id, pending[person_id], str(item["error"])
                    )
            else:
                handlers.install_certificate(session, CertificateIssued.model_validate(item))
