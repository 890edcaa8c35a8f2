"""The FastAPI app: the endpoints of docs/sync-protocol.md over the server store.

``create_app(settings)`` builds a self-contained app (its own engine and blob store); serve it
with uvicorn (``naskah-server serve``) or mount it in tests. OpenAPI: ``GET /openapi.json``.
"""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

from sync.protocol import (
    MIN_CLIENT_PROTOCOL,
    PROTOCOL_VERSION,
    TIMESTAMP_QUERY_TYPE,
    TIMESTAMP_REPLY_TYPE,
    CertificateIssued,
    CertificateRequest,
    EnrollRequest,
    EnrollResponse,
    Hello,
    SyncRequest,
    SyncResponse,
    TrustMaterial,
)
from sync.server import auth, db, pki, verify_page
from sync.server.blobs import BadChunk, BadOffset, BlobStore, HashMismatch, valid_hash
from sync.server.middleware import NaskahMiddleware
from sync.server.service import TooManyMutations, handle_sync
from sync.server.settings import Settings

API = "/api/v1"
MAX_TIMESTAMP_QUERY = 16 * 1024  # bytes; a TimeStampReq is about a hundred
PEM_TYPE = "application/x-pem-file"
log = logging.getLogger("naskah.server")


class HashList(BaseModel):
    hashes: list[str] = Field(max_length=10_000)


class Missing(BaseModel):
    missing: list[str]


class UploadState(BaseModel):
    offset: int  # bytes of the blob the server holds for this office
    complete: bool  # the whole blob arrived and its SHA-256 matched


def _error(status: int, detail: Any, **extra: Any) -> JSONResponse:
    return JSONResponse({"detail": detail, **extra}, status_code=status)


def _refused(exc: pki.PkiRefused) -> JSONResponse:
    headers = {"Retry-After": "60"} if exc.status == 503 else None
    return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=headers)


def create_app(settings: Settings) -> FastAPI:
    """A FastAPI app serving ``settings.db_url`` (initialised with ``admin.init_server``)."""
    engine = db.make_engine(settings.db_url)
    store = BlobStore(engine, settings.blob_dir)
    limiter = auth.AttemptLimiter(settings.enrol_attempts, settings.enrol_window_s)
    verify_limiter = auth.AttemptLimiter(settings.verify_misses, settings.verify_window_s)
    ca = pki.PkiService(engine, settings.ca_passphrase, settings.public_url)
    clock = verify_page.Clock(settings.time_zone)
    state: dict[str, str] = {}

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        state["server_id"] = await run_in_threadpool(db.server_id, engine)
        settings.blob_dir.mkdir(parents=True, exist_ok=True)
        if await run_in_threadpool(ca.available):
            await run_in_threadpool(ca.maybe_refresh)
            log.info("CA unlocked: signer certificates and timestamps are served")
        yield
        engine.dispose()

    app = FastAPI(title="Naskah sync server", version=str(PROTOCOL_VERSION), lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    app.state.blobs = store
    app.state.pki = ca
    app.add_middleware(
        GZipMiddleware,
        minimum_size=512,
        compresslevel=6,
        exclude_content_types=(
            *DEFAULT_EXCLUDED_CONTENT_TYPES,
            "application/octet-stream",
            "multipart/byteranges",
            TIMESTAMP_REPLY_TYPE,
        ),
    )
    app.add_middleware(NaskahMiddleware, max_body=settings.max_body)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": e.get("loc"), "msg": e.get("msg"), "type": e.get("type")}
            for e in exc.errors()[:20]
        ]  # never echo the input back
        return _error(422, errors)

    @app.exception_handler(OperationalError)
    async def _busy(_request: Request, exc: OperationalError) -> JSONResponse:
        # The database is unreachable or stayed locked: nothing was committed, try again.
        log.warning("database unavailable: %s", type(exc.orig).__name__)
        return JSONResponse(
            {"detail": "database busy or unreachable; try again"},
            status_code=503,
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )

    def device(authorization: Annotated[str | None, Header()] = None) -> auth.Device:
        found = auth.authenticate(engine, authorization)
        if found is None:
            raise HTTPException(
                401,
                "token perangkat tidak sah atau dicabut",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return found

    Dev = Annotated[auth.Device, Depends(device)]

    @app.get(f"{API}/hello", response_model=Hello)
    def hello() -> Hello:
        return Hello(
            service="naskah-sync",
            protocol=PROTOCOL_VERSION,
            min_client_protocol=MIN_CLIENT_PROTOCOL,
            server_id=state["server_id"],
            server_time=db.utcnow(),
        )

    @app.post(f"{API}/enroll", response_model=EnrollResponse)
    def enroll(body: EnrollRequest, request: Request) -> Any:
        client = request.client.host if request.client else "?"
        if limiter.blocked(client):
            return _error(429, "Terlalu banyak percobaan pendaftaran; coba lagi nanti.")
        try:
            return auth.enrol(engine, body)
        except auth.EnrolRefused as exc:
            limiter.failed(client)
            return _error(403, str(exc))

    @app.post(f"{API}/sync", response_model=SyncResponse)
    def sync(body: SyncRequest, dev: Dev) -> Any:
        ca.maybe_refresh()  # the answer then names the fresh CRL's number
        try:
            return handle_sync(engine, dev, body, settings)
        except TooManyMutations as exc:
            return _error(413, str(exc))

    @app.post(f"{API}/blobs/missing", response_model=Missing)
    def blobs_missing(body: HashList, dev: Dev) -> Any:
        bad = [h for h in body.hashes if not valid_hash(h)]
        if bad:
            return _error(422, "not a lowercase hex SHA-256", hashes=bad[:10])
        return Missing(missing=store.missing(dev.office_id, body.hashes))

    def checked(sha256: str) -> str:
        if not valid_hash(sha256):
            raise HTTPException(422, "not a lowercase hex SHA-256")
        return sha256

    @app.get(f"{API}/blobs/{{sha256}}/upload", response_model=UploadState)
    def upload_offset(sha256: str, dev: Dev) -> UploadState:
        offset, complete = store.offset(dev.office_id, checked(sha256))
        return UploadState(offset=offset, complete=complete)

    @app.put(f"{API}/blobs/{{sha256}}/upload", response_model=UploadState)
    async def upload_chunk(
        sha256: str,
        request: Request,
        dev: Dev,
        offset: Annotated[int, Query(ge=0)],
        x_chunk_sha256: Annotated[str, Header()],
        x_blob_size: Annotated[int | None, Header(ge=1)] = None,
    ) -> Any:
        checked(sha256)
        chunk = await request.body()
        if not chunk:
            return _error(400, "empty chunk")
        if len(chunk) > settings.max_chunk:
            return _error(413, f"chunks are at most {settings.max_chunk} bytes")
        try:
            new, complete = await run_in_threadpool(
                store.append, dev, sha256, offset, chunk, x_chunk_sha256, x_blob_size
            )
        except BadChunk as exc:
            return _error(400, str(exc))
        except HashMismatch as exc:
            return _error(422, str(exc), offset=0)
        except BadOffset as exc:
            return _error(409, str(exc), offset=exc.offset)
        return UploadState(offset=new, complete=complete)

    @app.get(f"{API}/blobs/{{sha256}}", response_class=FileResponse)
    def download(sha256: str, dev: Dev) -> Any:
        if not store.visible(dev.office_id, checked(sha256)):
            return _error(404, "blob not found")
        return FileResponse(store.path(sha256), media_type="application/octet-stream")

    # -- signing (docs/sync-protocol.md, "Signing") --------------------------------------------

    @app.get(f"{API}/pki/trust", response_model=TrustMaterial)
    def trust(request: Request, _dev: Dev) -> Any:
        try:
            material = ca.material()
        except pki.PkiRefused as exc:
            return _refused(exc)
        return material.trust(ca.public_url(str(request.base_url)))

    @app.post(f"{API}/pki/certificates", response_model=CertificateIssued)
    def certificates(body: CertificateRequest, dev: Dev) -> Any:
        try:
            return pki.issue_certificate(
                engine,
                ca.keys(),
                dev,
                body,
                days=settings.cert_days,
                crl_url=ca.crl_url(),
            )
        except pki.PkiRefused as exc:
            return _refused(exc)

    @app.post(
        f"{API}/pki/timestamp",
        response_class=Response,
        responses={200: {"content": {TIMESTAMP_REPLY_TYPE: {}}}},
    )
    async def timestamp(request: Request, _dev: Dev) -> Response:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != TIMESTAMP_QUERY_TYPE:
            return _error(415, f"Content-Type harus {TIMESTAMP_QUERY_TYPE}")
        query = await request.body()
        if len(query) > MAX_TIMESTAMP_QUERY:
            return _error(413, "permintaan cap waktu terlalu besar")
        try:
            keys = await run_in_threadpool(ca.keys)
        except pki.PkiRefused as exc:
            return _refused(exc)
        reply = await run_in_threadpool(keys.timestamper.respond, query)
        return Response(reply, media_type=TIMESTAMP_REPLY_TYPE)

    def _pem(which: str) -> Response:
        try:
            material = ca.material()
        except pki.PkiRefused as exc:
            return _refused(exc)
        text = material.root_pem if which == "root" else material.crl_pem
        return Response(
            text,
            media_type=PEM_TYPE,
            headers={
                "Content-Disposition": f'inline; filename="naskah-{which}.pem"',
                "Cache-Control": "no-cache",
                "X-Content-Type-Options": "nosniff",
            },
        )

    @app.get("/pki/root.pem", response_class=Response)
    def root_pem() -> Response:
        return _pem("root")

    @app.get("/pki/crl.pem", response_class=Response)
    def crl_pem() -> Response:
        return _pem("crl")

    @app.get("/v/{code}", include_in_schema=False)
    def verify(code: str, request: Request) -> Response:
        as_json = code.endswith(".json")
        if as_json:
            code = code.removesuffix(".json")
        else:
            accept = request.headers.get("accept", "").lower()
            as_json = "application/json" in accept and "text/html" not in accept
        client = request.client.host if request.client else "?"
        headers = verify_page.SECURITY_HEADERS
        if verify_limiter.blocked(client):
            detail = "Terlalu banyak permintaan; coba lagi nanti."
            if as_json:
                return JSONResponse({"detail": detail}, status_code=429, headers=headers)
            return HTMLResponse(verify_page.render_message(detail), 429, headers=headers)
        found = verify_page.lookup(engine, settings.blob_dir, code)
        if found is None:
            verify_limiter.failed(client)
            if as_json:
                return JSONResponse(
                    {"detail": verify_page.UNKNOWN_CODE}, status_code=404, headers=headers
                )
            return HTMLResponse(verify_page.render_unknown(), 404, headers=headers)
        if as_json:
            return JSONResponse(verify_page.as_json(found, clock), headers=headers)
        return HTMLResponse(verify_page.render_html(found, clock), headers=headers)

    return app
