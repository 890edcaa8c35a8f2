"""The central server's side of office hubs (docs/office-hub.md).

A hub is a device of an office that the administrator allowed (``naskah-server hub allow``).
Only such a device may:
- read its office's devices (token hashes, revocations, lease epochs, request numbers) and their
  live number leases (``GET /api/v1/hub/office``), so that the hub accepts exactly the PCs
  central accepts;
- relay one request of another device of its office (``POST /api/v1/hub/relay``): central runs
  its own ``handle_sync`` as that device, with the device's own mutation ids and request number,
  so acks are stored under the device and a replay by either hop applies nothing twice;
- ask for number blocks it then sub-leases to the office's PCs (``POST /api/v1/hub/numbers``);
- confirm a PC it enrolled with a code of its own while central was unreachable
  (``POST /api/v1/hub/devices``): the device joins the office here with the same id and token;
- forward what only central can answer, on behalf of a device of its office: sending a
  delivery to another office (``POST /api/v1/hub/deliveries``) and a signer certificate
  (``POST /api/v1/hub/certificates``), each exactly as if the device had asked central itself
  (timestamps and trust material need no device: the hub asks with its own token).
Sub-leases travel with the relayed request and become leases of the PC here, inside the hub's
block and overlapping no other device's lease, so a number is never issued twice.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import replace
from datetime import datetime
from typing import Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import Engine, func, select

from sync.protocol import (
    MAX_CURSOR,
    MAX_MUTATIONS,
    MAX_TIMESTAMP_QUERY,
    SERIES_PATTERN,
    Ack,
    CertificateIssued,
    CertificateRequest,
    DeliveryAccepted,
    Id,
    LeaseClaim,
    LeaseGrant,
    Mutation,
    SyncRequest,
)
from sync.server import auth, db, delivery, leases, pki
from sync.server.service import handle_sync
from sync.server.settings import Settings

API = "/api/v1/hub"
MAX_SUBLEASES = 200
HUB_BLOCK_FACTOR = 4  # a hub's block holds this many PC blocks


class HubDevice(BaseModel):
    id: str
    name: str
    token_hash: str
    revoked: bool
    lease_epoch: int
    request_seq: int


class HubLease(BaseModel):
    device_id: str
    series: str
    year: int
    start: int
    end: int
    epoch: int


class OfficeCertificate(BaseModel):
    """A signer certificate central's CA issued to the office (the hub's verification page
    and its checks of signatures need them, as central's do)."""

    serial: str
    person_id: str
    device_id: str | None
    subject: str
    not_before: datetime
    not_after: datetime
    cert_pem: str
    issued_at: datetime
    revoked_at: datetime | None
    revocation_reason: str | None


class HubOffice(BaseModel):
    office_id: str
    office_code: str
    office_name: str
    server_id: str
    hub_device_id: str
    devices: list[HubDevice]
    leases: list[HubLease]
    certificates: list[OfficeCertificate] = Field(default_factory=list)


# A PC's sub-lease the hub relays with its request: bounded as a PC's claim of one is.
SubLease = LeaseClaim


class RelayRequest(BaseModel):
    device_id: Id
    request_seq: int | None = Field(default=None, ge=1, le=MAX_CURSOR)
    # One PC request as the hub took it: as many as a sync request may carry (central's own
    # ``max_mutations`` still applies, answered 413).
    mutations: list[Mutation] = Field(default_factory=list, max_length=MAX_MUTATIONS)
    subleases: list[SubLease] = Field(default_factory=list, max_length=MAX_SUBLEASES)
    # The device's bundle-signing public key, as the hub received it (central keeps the first).
    device_key: str | None = Field(default=None, max_length=1024)
    # Mutations of a request central found late (the device synced directly meanwhile): they
    # are applied as the hub's, so the device's newer direct edits count as another device's
    # in the merge: a field changed both ways becomes a conflict, never a silent revert.
    stale: bool = False


class RelayResponse(BaseModel):
    acks: list[Ack]
    late: bool
    request_seq: int
    subleases_refused: list[str] = Field(default_factory=list)


class NumbersRequest(BaseModel):
    series: list[str] = Field(max_length=32)
    year: int = Field(ge=1, le=9999)


class NumbersResponse(BaseModel):
    leases: list[LeaseGrant]


class HubDelivery(BaseModel):
    """A PC's ``POST /deliveries`` at the hub, forwarded: sent as that device."""

    device_id: Id
    delivery_id: Id


class HubCertificate(BaseModel):
    """A PC's ``POST /pki/certificates`` at the hub, forwarded: issued as to that device."""

    device_id: Id
    request: CertificateRequest


MAX_WAITING = 1_000  # held requests one hub bundle carries (the rest go with a later one)


class HubWaiting(BaseModel):
    """A PC's certificate request, delivery or timestamp query the hub held while central was
    unreachable, carried by a hub bundle (``key``: the request's person id, the delivery id,
    or what the query timestamps: a letter's id). A timestamp query's request is
    ``{"query": base64 of the DER TimeStampReq}``."""

    kind: Literal["certificate", "delivery", "timestamp"]
    device_id: Id
    key: Id
    request: dict[str, Any]


class HubAnswer(BaseModel):
    """Central's answer to one ``HubWaiting``, as a hub bundle's reply carries it (a timestamp
    query's: ``{"reply": base64 of the DER TimeStampResp}``)."""

    kind: Literal["certificate", "delivery", "timestamp"]
    device_id: Id
    key: Id
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")  # ``request_digest`` of the request answered
    status: int = Field(ge=200, le=599)
    body: dict[str, Any]


def request_digest(request: dict[str, Any]) -> str:
    """What names a held request's content (a new certificate request replaces an older one)."""
    text = json.dumps(request, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def answer_waiting(
    engine: Engine, hub: auth.Device, item: HubWaiting, settings: Settings, ca: Any
) -> HubAnswer | None:
    """Answer a held request as the hub endpoints would (None: the CA cannot issue now, so it
    keeps waiting, as after a 503 online)."""
    try:
        if item.kind == "timestamp":
            status, body = stamp_for(engine, hub, item, ca)
        elif item.kind == "delivery":
            sent = HubDelivery.model_validate({**item.request, "device_id": item.device_id})
            status, body = (
                (422, {"detail": "delivery_id differs from the key"})
                if sent.delivery_id != item.key
                else send_for(engine, hub, sent, settings)
            )
        else:
            asked = HubCertificate.model_validate(
                {"device_id": item.device_id, "request": item.request}
            )
            status, body = (
                (422, {"detail": "person_id differs from the key"})
                if asked.request.person_id != item.key
                else certify_for(engine, hub, asked, settings, ca)
            )
    except ValidationError as exc:
        status, body = 422, {"detail": str(exc)[:300]}
    if status == 503:
        return None
    return HubAnswer(
        kind=item.kind, device_id=item.device_id, key=item.key,
        digest=request_digest(item.request), status=status, body=body,
    )  # fmt: skip


class HubEnrolment(BaseModel):
    """A PC the hub enrolled with one of its own codes (docs/office-hub.md, "Enrolment through
    the hub"), confirmed here once it has synced with the hub: the same device id and token."""

    id: Id
    name: str = Field(max_length=120)
    token_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    device_key: str | None = Field(default=None, max_length=1024)


class EnrolmentRefused(Exception):
    """The device cannot be confirmed (HTTP 409): its id or token is another device's."""


class NotAHub(Exception):
    """The device is not a hub of its office (HTTP 403)."""


class UnknownDevice(Exception):
    """The relayed device is not a live device of the hub's office (HTTP 403)."""


def allow(engine: Engine, device_id: str) -> str:
    """Make ``device_id`` a hub of its office; return the office id. ValueError if unknown or
    revoked."""
    d = db.devices.c
    with db.write_tx(engine) as conn:
        row = conn.execute(select(d.office_id, d.revoked_at).where(d.id == device_id)).first()
        if row is None or row.revoked_at is not None:
            raise ValueError(f"no live device {device_id}")
        t = db.hub_devices
        if conn.execute(select(t.c.device_id).where(t.c.device_id == device_id)).first() is None:
            conn.execute(
                t.insert().values(
                    device_id=device_id, office_id=row.office_id, created_at=db.utcnow()
                )
            )
    return str(row.office_id)


def check_hub(engine: Engine, device: auth.Device) -> None:
    t = db.hub_devices
    with db.read_tx(engine) as conn:
        row = conn.execute(select(t.c.office_id).where(t.c.device_id == device.id)).first()
    if row is None or row.office_id != device.office_id:
        raise NotAHub("Perangkat ini bukan server kantor (hub) yang diizinkan.")


def office_view(engine: Engine, hub: auth.Device) -> HubOffice:
    """What a hub mirrors: its office, central's id, the office's devices and live leases,
    and the signer certificates issued to the office."""
    d, r, le = db.devices.c, db.device_requests.c, db.leases.c
    with db.read_tx(engine) as conn:
        office = conn.execute(
            select(db.offices.c.code, db.offices.c.name).where(db.offices.c.id == hub.office_id)
        ).one()
        server: str = conn.execute(select(db.server_identity.c.server_id)).scalar_one()
        devices = [
            HubDevice(
                id=row.id,
                name=row.name,
                token_hash=row.token_hash,
                revoked=row.revoked_at is not None,
                lease_epoch=row.lease_epoch,
                # The hub's own moves with every round it pulls: not something it mirrors, and
                # left out so that the view (and its ETag) stays the same while nothing changes.
                request_seq=0 if row.id == hub.id else int(row.last_seq or 0),
            )
            for row in conn.execute(
                select(d.id, d.name, d.token_hash, d.revoked_at, d.lease_epoch, r.last_seq)
                .select_from(db.devices.outerjoin(db.device_requests, r.device_id == d.id))
                .where(d.office_id == hub.office_id)
                .order_by(d.id)
            )
        ]
        leases = [
            HubLease(
                device_id=row.device_id,
                series=row.series,
                year=row.year,
                start=row.start_seq,
                end=row.end_seq,
                epoch=row.epoch,
            )
            for row in conn.execute(
                select(le.device_id, le.series, le.year, le.start_seq, le.end_seq, le.epoch)
                .where(le.office_id == hub.office_id, le.voided_at.is_(None))
                .order_by(le.id)
            )
        ]
        c = db.certificates.c
        certificates = [
            OfficeCertificate(
                serial=row.serial,
                person_id=row.person_id,
                device_id=row.device_id,
                subject=row.subject,
                not_before=db.aware(row.not_before),
                not_after=db.aware(row.not_after),
                cert_pem=row.cert_pem,
                issued_at=db.aware(row.issued_at),
                revoked_at=db.aware(row.revoked_at) if row.revoked_at else None,
                revocation_reason=row.revocation_reason,
            )
            for row in conn.execute(
                select(db.certificates).where(c.office_id == hub.office_id).order_by(c.serial)
            )
        ]
    return HubOffice(
        office_id=hub.office_id,
        office_code=office.code,
        office_name=office.name,
        server_id=server,
        hub_device_id=hub.id,
        devices=devices,
        leases=leases,
        certificates=certificates,
    )


def send_for(
    engine: Engine, hub: auth.Device, body: HubDelivery, settings: Settings
) -> tuple[int, dict[str, Any]]:
    """A PC's delivery through its hub (online, or carried by a hub bundle): sent as that PC.
    The HTTP status and JSON body of the answer."""
    try:
        origin = origin_device(engine, hub, body.device_id)
        accepted = delivery.send(
            engine, settings.blob_dir, origin, body.delivery_id, settings.max_delivery_pdf
        )
    except UnknownDevice as exc:
        return 403, {"detail": str(exc)}
    except delivery.DeliveryRefused as exc:
        return exc.status, {"detail": exc.message}
    return 200, accepted.model_dump(mode="json")


def certify_for(
    engine: Engine, hub: auth.Device, body: HubCertificate, settings: Settings, ca: Any
) -> tuple[int, dict[str, Any]]:
    """A PC's certificate request through its hub (online, or carried by a hub bundle): issued
    as to that PC by ``ca`` (a ``pki.PkiService``). The HTTP status and JSON body of the answer
    (503: the CA cannot issue now)."""
    try:
        origin = origin_device(engine, hub, body.device_id)
        issued = pki.issue_certificate(
            engine, ca.keys(), origin, body.request, days=settings.cert_days,
            crl_url=ca.crl_url(),
        )  # fmt: skip
    except UnknownDevice as exc:
        return 403, {"detail": str(exc)}
    except pki.PkiRefused as exc:
        return exc.status, {"detail": exc.message}
    return 200, issued.model_dump(mode="json")


def stamp_for(
    engine: Engine, hub: auth.Device, item: HubWaiting, ca: Any
) -> tuple[int, dict[str, Any]]:
    """A PC's RFC 3161 query held by its hub, answered by central's TSA as ``POST
    /pki/timestamp`` answers it (a malformed query gets the TSA's rejection, as online). The
    HTTP status and JSON body (503: the CA cannot answer now)."""
    query = item.request.get("query")
    try:
        origin_device(engine, hub, item.device_id)
        if not isinstance(query, str) or len(query) > 2 * MAX_TIMESTAMP_QUERY:
            raise ValueError("no query")
        der = base64.b64decode(query, validate=True)
        if len(der) > MAX_TIMESTAMP_QUERY:
            raise ValueError("query too large")
        reply = ca.keys().timestamper.respond(der)
    except UnknownDevice as exc:
        return 403, {"detail": str(exc)}
    except (ValueError, binascii.Error):
        return 422, {"detail": "permintaan cap waktu tidak sah"}
    except pki.PkiRefused as exc:
        return exc.status, {"detail": exc.message}
    return 200, {"reply": base64.b64encode(reply).decode("ascii")}


def origin_device(engine: Engine, hub: auth.Device, device_id: str) -> auth.Device:
    d = db.devices.c
    with db.read_tx(engine) as conn:
        row = conn.execute(
            select(d.id, d.office_id, d.name, d.revoked_at).where(d.id == device_id)
        ).first()
    if row is None or row.office_id != hub.office_id or row.revoked_at is not None:
        raise UnknownDevice("Perangkat asal tidak dikenal di kantor ini, atau sudah dicabut.")
    return auth.Device(row.id, row.office_id, row.name)


def confirm_enrolment(engine: Engine, hub: auth.Device, body: HubEnrolment) -> None:
    """Record a device the hub enrolled as a device of the hub's office (idempotent: the same
    device with the same token again changes nothing). ``EnrolmentRefused`` if the id is
    another office's device or already holds another token, or the token is another's."""
    d = db.devices.c
    with db.write_tx(engine) as conn:
        row = conn.execute(select(d.office_id, d.token_hash).where(d.id == body.id)).first()
        if row is not None:
            if row.office_id != hub.office_id or row.token_hash != body.token_hash:
                raise EnrolmentRefused("Perangkat ini sudah terdaftar dengan data lain.")
            return
        if conn.execute(select(d.id).where(d.token_hash == body.token_hash)).first():
            raise EnrolmentRefused("Token perangkat ini sudah dipakai perangkat lain.")
        now = db.utcnow()
        conn.execute(
            db.devices.insert().values(
                id=body.id, office_id=hub.office_id, name=body.name or "PC",
                token_hash=body.token_hash, created_at=now, lease_epoch=0,
            )
        )  # fmt: skip
        if body.device_key:
            conn.execute(
                db.device_keys.insert().values(
                    device_id=body.id, public_key=body.device_key, created_at=now
                )
            )


def register_subleases(
    engine: Engine, hub: auth.Device, origin: auth.Device, subleases: list[SubLease]
) -> list[str]:
    """Record each sub-lease as a lease of ``origin`` if it lies in a live lease of the hub and
    overlaps no other device's live lease (an identical one already recorded is skipped).
    Returns the refusals (one line each); nothing refused is recorded."""
    refused: list[str] = []
    le = db.leases.c
    now = db.utcnow()
    with db.write_tx(engine) as conn:
        db.lock_office(conn, hub.office_id)
        top = 0
        for s in subleases:
            label = f"{s.series}/{s.year}/{s.start}-{s.end}"
            if s.end < s.start:
                refused.append(f"{label}: blok terbalik")
                continue
            same = (le.series == s.series, le.year == s.year, le.voided_at.is_(None))
            if conn.execute(
                select(le.id).where(
                    le.device_id == origin.id, le.start_seq == s.start, le.end_seq == s.end, *same
                )
            ).first():
                top = max(top, s.epoch)
                continue
            inside = conn.execute(
                select(le.id).where(
                    le.device_id == hub.id, le.start_seq <= s.start, le.end_seq >= s.end, *same
                )
            ).first()
            if inside is None:
                refused.append(f"{label}: di luar blok nomor server kantor")
                continue
            clash = conn.execute(
                select(le.id).where(
                    le.office_id == hub.office_id,
                    le.device_id != hub.id,
                    le.start_seq <= s.end,
                    le.end_seq >= s.start,
                    *same,
                )
            ).first()
            if clash is not None:
                refused.append(f"{label}: bertumpuk dengan blok perangkat lain")
                continue
            leases.record_lease(conn, hub.office_id, origin.id, s, now)
            top = max(top, s.epoch)
        if top:
            conn.execute(
                db.devices.update()
                .where(db.devices.c.id == origin.id, db.devices.c.lease_epoch < top)
                .values(lease_epoch=top)
            )
    return refused


def relay(
    engine: Engine, hub: auth.Device, body: RelayRequest, settings: Settings
) -> RelayResponse:
    """Apply one relayed request as its origin device (no changes back, no lease granted)."""
    origin = origin_device(engine, hub, body.device_id)
    refused = register_subleases(engine, hub, origin, body.subleases)
    answer = handle_sync(
        engine,
        hub if body.stale else origin,
        SyncRequest(
            cursor=MAX_CURSOR,
            mutations=body.mutations,
            lease_epoch=None,  # voids nothing
            request_seq=None if body.stale else body.request_seq,
            device_key=None if body.stale else body.device_key,
        ),
        replace(settings, lease_low_water=0),  # grants nothing: the PC would never see it
    )
    return RelayResponse(
        acks=answer.acks,
        late=answer.late,
        request_seq=answer.request_seq or 0,
        subleases_refused=refused,
    )


def stale_rest(body: dict[str, Any], answer: RelayResponse) -> dict[str, Any] | None:
    """The relay request to send after a late answer: the PC synced with central directly
    meanwhile, with a newer request, so the mutations central does not hold yet go again as
    stale (not lost; merged under the hub's name against the PC's newer edits). None when
    there is nothing to send again."""
    if not answer.late:
        return None
    acked = {a.mutation_id for a in answer.acks}
    rest = [m for m in body["mutations"] if m["mutation_id"] not in acked]
    if not rest:
        return None
    return {**body, "request_seq": None, "mutations": rest, "stale": True}


def grant_blocks(
    engine: Engine, hub: auth.Device, body: NumbersRequest, settings: Settings
) -> list[LeaseGrant]:
    """One fresh block per series asked for, to the hub (which sub-leases it to PCs)."""
    import re

    pattern = re.compile(SERIES_PATTERN)
    names = sorted({s for s in body.series if pattern.fullmatch(s)})
    size = settings.lease_block * HUB_BLOCK_FACTOR
    now = db.utcnow()
    grants: list[LeaseGrant] = []
    with db.write_tx(engine) as conn:
        db.lock_office(conn, hub.office_id)
        d = db.devices.c
        epoch = int(conn.execute(select(d.lease_epoch).where(d.id == hub.id)).scalar_one()) + 1
        c = db.lease_counters
        for series in names:
            key = (c.c.office_id == hub.office_id, c.c.series == series, c.c.year == body.year)
            start = conn.execute(select(c.c.next_seq).where(*key)).scalar()
            if start is None:
                n = db.issued_numbers.c
                issued = conn.execute(
                    select(func.max(n.seq)).where(
                        n.office_id == hub.office_id, n.series == series, n.year == body.year
                    )
                ).scalar()
                start = (issued or 0) + 1
                conn.execute(
                    c.insert().values(
                        office_id=hub.office_id, series=series, year=body.year, next_seq=start
                    )
                )
            conn.execute(c.update().where(*key).values(next_seq=start + size))
            grant = LeaseGrant(
                series=series, year=body.year, start=start, end=start + size - 1, epoch=epoch
            )
            leases.record_lease(conn, hub.office_id, hub.id, grant, now)
            grants.append(grant)
        conn.execute(db.devices.update().where(d.id == hub.id).values(lease_epoch=epoch))
    return grants


def install(app: FastAPI, engine: Engine, settings: Settings) -> None:
    """Add the hub endpoints to the central server's app."""

    def hub_device(request: Request) -> auth.Device:
        try:
            device = auth.authenticate(engine, request.headers.get("authorization"))
        except auth.Unauthorised as exc:
            raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from exc
        try:
            check_hub(engine, device)
        except NotAHub as exc:
            raise HTTPException(403, str(exc)) from exc
        return device

    @app.get(f"{API}/office", response_model=HubOffice, include_in_schema=False)
    def hub_office(
        request: Request,
        hub: auth.Device = Depends(hub_device),  # noqa: B008
    ) -> Response:
        # Asked every round (seconds apart) over the office's slow link: unchanged, it is a
        # 304 of a few bytes instead of every device, lease and certificate again.
        body = office_view(engine, hub).model_dump_json()
        etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        return Response(body, media_type="application/json", headers={"ETag": etag})

    @app.post(f"{API}/relay", response_model=RelayResponse, include_in_schema=False)
    def hub_relay(
        body: RelayRequest,
        hub: auth.Device = Depends(hub_device),  # noqa: B008
    ) -> object:
        try:
            return relay(engine, hub, body, settings)
        except UnknownDevice as exc:
            return JSONResponse({"detail": str(exc)}, status_code=403)

    @app.post(f"{API}/deliveries", response_model=DeliveryAccepted, include_in_schema=False)
    def hub_delivery(
        body: HubDelivery,
        hub: auth.Device = Depends(hub_device),  # noqa: B008
    ) -> object:
        status, answer = send_for(engine, hub, body, settings)
        return answer if status == 200 else JSONResponse(answer, status_code=status)

    @app.post(f"{API}/certificates", response_model=CertificateIssued, include_in_schema=False)
    def hub_certificate(
        body: HubCertificate,
        request: Request,
        hub: auth.Device = Depends(hub_device),  # noqa: B008
    ) -> object:
        status, answer = certify_for(engine, hub, body, settings, request.app.state.pki)
        if status == 200:
            return answer
        headers = {"Retry-After": "60"} if status == 503 else None
        return JSONResponse(answer, status_code=status, headers=headers)

    @app.post(f"{API}/devices", include_in_schema=False)
    def hub_enrolment(
        body: HubEnrolment,
        hub: auth.Device = Depends(hub_device),  # noqa: B008
    ) -> object:
        try:
            confirm_enrolment(engine, hub, body)
        except EnrolmentRefused as exc:
            return JSONResponse({"detail": str(exc)}, status_code=409)
        return {"device_id": body.id}

    @app.post(f"{API}/numbers", response_model=NumbersResponse, include_in_schema=False)
    def hub_numbers(
        body: NumbersRequest,
        hub: auth.Device = Depends(hub_device),  # noqa: B008
    ) -> NumbersResponse:
        return NumbersResponse(leases=grant_blocks(engine, hub, body, settings))
