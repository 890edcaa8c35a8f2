"""What the hub answers its PCs with central's help (docs/office-hub.md, "Through the hub").

The central server's own routes for these need what only central has (other offices, the CA's
keys), so the hub serves them itself:

- ``GET /api/v1/offices``: the directory of offices mirrored from central (addressing a letter
  to another office works while central is unreachable);
- ``POST /api/v1/deliveries``: forwarded to central as the PC (``/api/v1/hub/deliveries``),
  after the hub relayed what it holds; central sends and settles the delivery;
- ``POST /api/v1/pki/certificates``: forwarded as the PC (``/api/v1/hub/certificates``);
- ``POST /api/v1/pki/timestamp``: forwarded to central's TSA (held for a hub bundle while
  central is unreachable, and answered from its reply);
- ``GET /api/v1/pki/trust``, ``/pki/root.pem``, ``/pki/crl.pem``: central's trust material as
  the hub last fetched it (served while central is unreachable).

Central's answer (its status and body) goes back to the PC unchanged; when central cannot be
reached the PC gets 503 with a message and asks again at its next sync, as with central down.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from sqlalchemy import Engine, select
from starlette.concurrency import run_in_threadpool

from sync.hub import tables, waiting
from sync.hub.upstream import CentralUnreachable, Upstream
from sync.protocol import (
    ID_PATTERN,
    MAX_TIMESTAMP_QUERY,
    QUERY_KEY_HEADER,
    TIMESTAMP_QUERY_TYPE,
    TIMESTAMP_REPLY_TYPE,
    CertificateRequest,
    DeliveryRequest,
    OfficeDirectory,
    OfficeEntry,
    TrustMaterial,
)
from sync.server import auth, db
from sync.server.app import PEM_TYPE

API = "/api/v1"
PATHS = frozenset(
    {
        f"{API}/offices",
        f"{API}/deliveries",
        f"{API}/pki/trust",
        f"{API}/pki/certificates",
        f"{API}/pki/timestamp",
        "/pki/root.pem",
        "/pki/crl.pem",
    }
)
UNREACHABLE = (
    "Server kantor belum dapat menghubungi server pusat; permintaan ini dicoba lagi pada "
    "sinkronisasi berikutnya."
)
NO_TRUST = "Server kantor belum menerima sertifikat organisasi dari server pusat."


def _unreachable() -> JSONResponse:
    return JSONResponse({"detail": UNREACHABLE}, status_code=503, headers={"Retry-After": "60"})


def _relayed(response: Any) -> Response:
    """Central's answer, as it came (JSON or DER), to the PC."""
    kind = response.headers.get("content-type", "application/json")
    headers = {k: v for k, v in response.headers.items() if k.lower() == "retry-after"}
    return Response(response.content, status_code=response.status_code, media_type=kind,
                    headers=headers)  # fmt: skip


def query_key(request: Request, query: bytes) -> str:
    """What a timestamp query is for, as the PC names it (``QUERY_KEY_HEADER``: a letter's
    id, so that a newer query for the letter replaces an older one); otherwise the query's
    own SHA-256."""
    named = request.headers.get(QUERY_KEY_HEADER, "")
    if re.fullmatch(ID_PATTERN, named):
        return named
    return hashlib.sha256(query).hexdigest()


def held_trust(engine: Engine) -> TrustMaterial | None:
    """Central's trust material as the hub last fetched it (None before the first)."""
    with db.read_tx(engine) as conn:
        held = tables.get(conn, "trust")
    return TrustMaterial.model_validate_json(held) if held else None


def install(app: FastAPI, upstream: Upstream, device: Any) -> None:
    """Replace the central server's routes of ``PATHS`` in the hub's ``app`` with the hub's;
    ``device`` is the app's dependency that authenticates a PC."""
    app.router.routes = [
        r for r in app.router.routes if not (isinstance(r, APIRoute) and r.path in PATHS)
    ]
    engine: Engine = upstream.engine
    # Not an Annotated alias: with postponed annotations FastAPI could not resolve a local one.
    authenticated = Depends(device)

    @app.get(f"{API}/offices", response_model=OfficeDirectory)
    def offices(_dev: auth.Device = authenticated) -> Any:
        t = tables.directory.c
        with db.read_tx(engine) as conn:
            rows = conn.execute(select(t.id, t.code, t.name).order_by(t.name, t.code)).all()
        if not rows:
            return _unreachable()
        return OfficeDirectory(
            offices=[OfficeEntry(id=r.id, code=r.code, name=r.name) for r in rows]
        )

    def through_central(
        kind: str, dev: auth.Device, key: str, request: dict[str, Any], send: Any
    ) -> Response:
        """Central's answer to the PC's request: one a hub bundle's reply brought, else live;
        while central is unreachable the request is held for the next bundle (and the PC asks
        again at its next sync)."""
        answered = waiting.take_answer(engine, kind, dev.id, key, request)
        if answered is not None:
            status, text = answered
            return Response(text, status_code=status, media_type="application/json")
        try:
            response = send()
        except CentralUnreachable:
            waiting.hold(engine, kind, dev.id, key, request)
            return _unreachable()
        waiting.forget(engine, kind, dev.id, key)
        return _relayed(response)

    @app.post(f"{API}/deliveries")
    def deliveries(body: DeliveryRequest, dev: auth.Device = authenticated) -> Any:
        return through_central(
            waiting.DELIVERY, dev, body.delivery_id, body.model_dump(mode="json"),
            lambda: upstream.forward_delivery(dev.id, body.delivery_id),
        )  # fmt: skip

    @app.post(f"{API}/pki/certificates")
    def certificates(body: CertificateRequest, dev: auth.Device = authenticated) -> Any:
        request = body.model_dump(mode="json")
        return through_central(
            waiting.CERTIFICATE, dev, body.person_id, request,
            lambda: upstream.forward_certificate(dev.id, request),
        )  # fmt: skip

    @app.post(f"{API}/pki/timestamp")
    async def timestamp(request: Request, dev: auth.Device = authenticated) -> Any:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != TIMESTAMP_QUERY_TYPE:
            return JSONResponse(
                {"detail": f"Content-Type harus {TIMESTAMP_QUERY_TYPE}"}, status_code=415
            )
        query = await request.body()
        if len(query) > MAX_TIMESTAMP_QUERY:
            return JSONResponse({"detail": "permintaan cap waktu terlalu besar"}, status_code=413)
        return await run_in_threadpool(stamp, dev, query_key(request, query), query)

    def stamp(dev: auth.Device, key: str, query: bytes) -> Response:
        """Central's reply to a timestamp query: one a hub bundle's reply brought for this
        very query, else live; while central is unreachable the query is held for the next
        bundle (one per letter) and the PC gets 503 (it asks again with the same query)."""
        request = {"query": base64.b64encode(query).decode("ascii")}
        answered = waiting.take_answer(engine, waiting.TIMESTAMP, dev.id, key, request)
        if answered is not None:
            status, text = answered
            if status == 200:
                reply = base64.b64decode(json.loads(text)["reply"])
                return Response(reply, media_type=TIMESTAMP_REPLY_TYPE)
            return Response(text, status_code=status, media_type="application/json")
        try:
            response = upstream.forward_timestamp(query)
        except CentralUnreachable:
            waiting.hold(engine, waiting.TIMESTAMP, dev.id, key, request)
            return _unreachable()
        waiting.forget(engine, waiting.TIMESTAMP, dev.id, key)
        if response.status_code == 200:
            return Response(response.content, media_type=TIMESTAMP_REPLY_TYPE)
        return _relayed(response)

    @app.get(f"{API}/pki/trust", response_model=TrustMaterial)
    def trust(_dev: auth.Device = authenticated) -> Any:
        material = held_trust(engine)
        if material is None:
            return JSONResponse({"detail": NO_TRUST}, status_code=503)
        return material

    def pem(which: str) -> Response:
        material = held_trust(engine)
        if material is None:
            return JSONResponse({"detail": NO_TRUST}, status_code=503)
        text = material.root_pem if which == "root" else material.crl_pem
        return Response(text, media_type=PEM_TYPE, headers={"Cache-Control": "no-cache"})

    @app.get("/pki/root.pem")
    def root_pem() -> Response:
        return pem("root")

    @app.get("/pki/crl.pem")
    def crl_pem() -> Response:
        return pem("crl")
