"""The FastAPI app: the endpoints of docs/sync-protocol.md over the server store.

``create_app(settings)`` builds a self-contained app (its own engine and blob store); serve it
with uvicorn (``naskah-server serve``) or mount it in tests. OpenAPI: ``GET /openapi.json``.

The OpenAPI document tells the truth: every status an operation can answer is declared with its
body (``Problem`` for every error), the limits and patterns the server checks are in the schema,
and request bodies are validated strictly (an integer field takes an integer, not ``false`` or
``"3"``). ``tests/sync/test_openapi_contract.py`` runs schemathesis against it.
"""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    Response,
    StreamingResponse,
)
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field, StrictInt
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.routing import Match

from sync import protocol
from sync.protocol import (
    CLIENT_PROTOCOL_HEADER,
    MARKER_HEADER,
    MAX_CURSOR,
    MAX_INT,
    MAX_TIMESTAMP_QUERY,
    MIN_CLIENT_PROTOCOL,
    PROTOCOL_VERSION,
    TIMESTAMP_QUERY_TYPE,
    TIMESTAMP_REPLY_TYPE,
    VERIFY_CODE_PATTERN,
    CertificateIssued,
    CertificateRequest,
    DeliveryAccepted,
    DeliveryRequest,
    EnrollRequest,
    EnrollResponse,
    Hello,
    OfficeDirectory,
    SyncResponse,
    TrustMaterial,
)
from sync.server import auth, blobs, db, delivery, hubs, pki, verify_page
from sync.server.blobs import BadChunk, BadOffset, BlobStore, HashMismatch
from sync.server.middleware import FORWARDED_FOR, NaskahMiddleware, client_address
from sync.server.service import TooManyMutations, handle_sync
from sync.server.settings import Settings, parse_networks

API = "/api/v1"
MAX_HASHES = 10_000  # hashes in one /blobs/missing question
PEM_TYPE = "application/x-pem-file"
SHA256_PATTERN = r"^[0-9a-f]{64}$"  # lowercase hex, as blobs are named
RANGE_PATTERN = r"^bytes=[0-9]{1,19}-([0-9]{1,19})?$"  # one range from byte n (to m)
log = logging.getLogger("naskah.server")

Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN)]

# -- request bodies: the protocol's models, integers strictly -------------------------------
# Same fields and names as sync.protocol, but an integer field takes only an integer, as the
# schema says (not ``false`` for 0, ``"3"`` or ``3.0`` for 3). Everything else is as there.
StrictCount = Annotated[StrictInt, Field(ge=0, le=MAX_INT)]


class Mutation(protocol.Mutation):
    base_version: StrictCount


class SyncRequest(protocol.SyncRequest):
    cursor: StrictInt = Field(ge=0, le=MAX_CURSOR)
    mutations: list[Mutation] = Field(default_factory=list)  # type: ignore[assignment]
    lease_epoch: StrictCount | None = None
    request_seq: StrictInt | None = Field(default=None, ge=1, le=MAX_CURSOR)
    page_bytes: StrictInt | None = Field(default=None, ge=1, le=MAX_INT)


class HashList(BaseModel):
    hashes: list[Sha256] = Field(max_length=MAX_HASHES)


# -- answers ----------------------------------------------------------------------------------


class Missing(BaseModel):
    missing: list[Sha256]
    # Where each missing blob's upload resumes, for those the office holds a part of (protocol
    # 1 clients ignore it and ask GET .../upload per blob; newer ones start there with a PUT).
    offsets: dict[str, int] = Field(default_factory=dict)


class UploadState(BaseModel):
    offset: int  # bytes of the blob the server holds for this office
    complete: bool  # the whole blob arrived and its SHA-256 matched


class Issue(BaseModel):
    """One way a request does not match the schema (the input itself is never echoed)."""

    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    """Every error answer: ``detail`` says why (in Bahasa Indonesia where a person reads it),
    or lists the issues of a request that does not match the schema (422)."""

    detail: str | list[Issue]


class OffsetProblem(Problem):
    """An upload refused at an offset: continue (409) or start again (422, offset 0) there."""

    offset: int


class UploadInvalid(Problem):
    """422 of an upload: the request does not match the schema (``detail`` a list), or all the
    bytes arrived but do not hash to the blob's name (``offset`` 0: start again)."""

    offset: int | None = None


class UpgradeProblem(Problem):
    """426: the client's ``X-Naskah-Protocol`` is below ``min_client_protocol``."""

    min_client_protocol: int
    protocol: int


def _error(
    status: int, detail: Any, *, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    return JSONResponse({"detail": detail, **extra}, status_code=status, headers=headers)


# -- what each operation may answer (OpenAPI ``responses``) -----------------------------------

_WHY: dict[int, str] = {
    400: "The body is not valid gzip, JSON or as long as declared, or X-Naskah-Protocol is "
    "not an integer",
    401: "Missing or unknown device token, or the device was revoked",
    403: "Refused",
    404: "Not found",
    409: "Conflict",
    413: "The request body (after gunzip) is over the server's limit",
    415: "Unsupported Content-Type",
    416: "The Range asked for is not satisfiable",
    422: "The request does not match the schema (detail lists the issues)",
    426: "X-Naskah-Protocol is below min_client_protocol",
    429: "Too many failed attempts; try again later",
    500: "A bug (a fixed message, never a traceback)",
    503: "The database is busy or unreachable; nothing was committed, send it again",
}
_RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait",
        "required": True,
        "schema": {"type": "integer"},
    }
}
_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": "Bearer",
            "required": True,
            "schema": {"type": "string"},
        }
    },
    429: _RETRY_AFTER,
    503: _RETRY_AFTER,
}
_MODELS: dict[int, type[BaseModel]] = {426: UpgradeProblem}


def _responses(*codes: int, **why: str | tuple[str, type[BaseModel]]) -> dict[int | str, Any]:
    """OpenAPI ``responses`` for the error ``codes`` an operation answers (plus those every
    operation may: 400, 426, 500). ``why`` overrides a description (``_409="..."``) and
    optionally the body model."""
    answer: dict[int | str, Any] = {}
    for code in sorted({400, 426, 500, *codes}):
        text: str | tuple[str, type[BaseModel]] = why.get(f"_{code}", _WHY[code])
        model = _MODELS.get(code, Problem)
        if isinstance(text, tuple):
            text, model = text
        entry: dict[str, Any] = {"model": model, "description": text}
        if code in _HEADERS:
            entry["headers"] = _HEADERS[code]
        answer[code] = entry
    return answer


def _binary_body(media_type: str, description: str) -> dict[str, Any]:
    """``openapi_extra`` for an operation whose request body is raw bytes of ``media_type``."""
    return {
        "requestBody": {
            "required": True,
            "description": description,
            "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
        }
    }


_PROTOCOL_HEADER = {
    "name": CLIENT_PROTOCOL_HEADER,
    "in": "header",
    "required": False,
    "description": "The client's protocol version (every Naskah client sends it); below "
    "min_client_protocol: 426",
    "schema": {"type": "integer", "minimum": MIN_CLIENT_PROTOCOL},
}
_VERIFY_CODE = {
    "name": "code",
    "in": "path",
    "required": True,
    "description": "The letter's verification code (" + VERIFY_CODE_PATTERN + "), optionally "
    "followed by .json; also as a person types it from paper (any case, separators, 0/O, "
    "1/l/I, 8/B: sync.pki.codes). Anything else is an unknown code (404)",
    "schema": {"type": "string"},
}
_MARKER = {
    MARKER_HEADER: {
        "description": "Set on every answer of a real Naskah server: its protocol version",
        "required": True,
        "schema": {"type": "string"},
    }
}


def _refused(exc: pki.PkiRefused) -> JSONResponse:
    headers = {"Retry-After": "60"} if exc.status == 503 else None
    return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=headers)


async def _checkpoints(engine: Engine) -> None:
    """SQLite: truncate the WAL every ``db.CHECKPOINT_EVERY_S`` (see ``db.checkpoint``)."""
    while True:
        await asyncio.sleep(db.CHECKPOINT_EVERY_S)
        try:
            await run_in_threadpool(db.checkpoint, engine)
        except Exception:  # a checkpoint that fails now is tried again later
            log.warning("WAL checkpoint failed", exc_info=True)


def create_app(settings: Settings) -> FastAPI:
    """A FastAPI app serving ``settings.db_url`` (initialised with ``admin.init_server``)."""
    engine = db.make_engine(
        settings.db_url,
        lock_timeout_s=settings.lock_timeout_s,
        idle_transaction_timeout_s=settings.idle_transaction_timeout_s,
    )
    store = BlobStore(engine, settings.blob_dir)
    enrol_limits = auth.EnrolLimits(
        settings.enrol_attempts,
        settings.enrol_office_attempts,
        settings.enrol_code_attempts,
        settings.enrol_window_s,
    )
    verify_limiter = auth.AttemptLimiter(settings.verify_misses, settings.verify_window_s)
    proxies = parse_networks(settings.trusted_proxies)
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
        upkeep = (
            asyncio.create_task(_checkpoints(engine)) if engine.dialect.name == "sqlite" else None
        )
        yield
        if upkeep is not None:
            upkeep.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await upkeep
        engine.dispose()

    app = FastAPI(
        title="Naskah sync server",
        version=str(PROTOCOL_VERSION),
        lifespan=lifespan,
        description="The sync protocol of docs/sync-protocol.md. Every answer carries "
        f"{MARKER_HEADER}; every error body is JSON with a `detail` (Problem).",
    )
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
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = exc.headers
        if exc.status_code == 405:  # Starlette names only the first route's methods
            headers = {**(headers or {}), "Allow": ", ".join(_methods_of(request))}
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)

    def _methods_of(request: Request) -> list[str]:
        """Every method the document declares at the request's path (a concrete path such as
        /blobs/missing shadows a template such as /blobs/{sha256}, as in OpenAPI)."""
        matching = [
            route
            for route in app.router.routes
            if isinstance(route, APIRoute)
            and route.include_in_schema
            and route.matches(request.scope)[0] != Match.NONE
        ]
        concrete = [route for route in matching if "{" not in route.path]
        return sorted({m for route in concrete or matching for m in route.methods or ()})

    bearer = HTTPBearer(auto_error=False, description="The device token from enrolment")

    def device(request: Request, _scheme: Annotated[Any, Depends(bearer)]) -> auth.Device:
        try:
            return auth.authenticate(engine, request.headers.get("authorization"))
        except auth.Unauthorised as exc:
            raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from exc

    Dev = Annotated[auth.Device, Depends(device)]

    def client(request: Request) -> str:
        peer = request.client.host if request.client else None
        return client_address(peer, request.headers.getlist(FORWARDED_FOR), proxies)

    @app.get(f"{API}/hello", response_model=Hello, responses=_responses())
    def hello() -> Hello:
        return Hello(
            service="naskah-sync",
            protocol=PROTOCOL_VERSION,
            min_client_protocol=MIN_CLIENT_PROTOCOL,
            server_id=state["server_id"],
            server_time=db.utcnow(),
            limits=settings.limits(),
        )

    @app.post(
        f"{API}/enroll",
        response_model=EnrollResponse,
        responses=_responses(
            403,
            413,
            422,
            429,
            503,
            _403="A wrong, used or expired code, or a code of another office (detail says which)",
            _429="Failed attempts past a limit (per address, office code or code); a valid "
            "unused code is still accepted",
        ),
    )
    def enroll(body: EnrollRequest, request: Request) -> Any:
        address = client(request)
        try:
            answer = auth.enrol(engine, body)
        except auth.EnrolRefused as exc:
            over = enrol_limits.exceeded(address, body)
            enrol_limits.failed(address, body)
            if over:
                return _error(
                    429,
                    "Kode pendaftaran tidak diterima, dan terlalu banyak percobaan yang gagal; "
                    "periksa kode kantor dan kode pendaftaran, lalu coba lagi nanti. Kode yang "
                    "benar dan belum dipakai tetap diterima.",
                    headers={"Retry-After": str(int(settings.enrol_window_s))},
                )
            return _error(403, str(exc))
        if settings.central_url:
            answer.central_url = settings.central_url
        return answer

    @app.post(
        f"{API}/sync",
        response_model=SyncResponse,
        responses=_responses(
            401,
            413,
            422,
            503,
            _413="The body is over the server's limit, or it carries more mutations than the "
            "server's limits.max_mutations",
        ),
    )
    def sync(body: SyncRequest, dev: Dev) -> Any:
        ca.maybe_refresh()  # the answer then names the fresh CRL's number
        try:
            return handle_sync(engine, dev, body, settings)
        except TooManyMutations as exc:
            return _error(413, str(exc))

    hubs.install(app, engine, settings)  # office hubs (docs/office-hub.md)

    @app.get(f"{API}/offices", response_model=OfficeDirectory, responses=_responses(401, 503))
    def offices(_dev: Dev) -> Any:
        """The offices on this server: where a letter can be delivered."""
        return delivery.directory(engine)

    @app.post(
        f"{API}/deliveries",
        response_model=DeliveryAccepted,
        responses=_responses(
            401,
            404,
            409,
            413,
            422,
            503,
            _404="The delivery record or its letter is not on the server yet: sync first",
            _409="Already sent (to that office), or the delivery id is taken",
            _413="The body is over the server's limit, or the letter's PDF is over the "
            "delivery limit",
            _422="The request does not match the schema, or the letter may not be delivered "
            "(not signed electronically, PDF or signature records missing or not matching, "
            "unknown recipient office); detail says why",
        ),
    )
    def deliveries(body: DeliveryRequest, dev: Dev) -> Any:
        try:
            return delivery.send(
                engine, settings.blob_dir, dev, body.delivery_id, settings.max_delivery_pdf
            )
        except delivery.DeliveryRefused as exc:
            return _error(exc.status, exc.message)

    @app.post(
        f"{API}/blobs/missing", response_model=Missing, responses=_responses(401, 413, 422, 503)
    )
    def blobs_missing(body: HashList, dev: Dev) -> Any:
        missing = store.missing(dev.office_id, body.hashes)
        offsets = {h: store.offset(dev.office_id, h)[0] for h in missing}
        return Missing(missing=missing, offsets={h: n for h, n in offsets.items() if n})

    @app.get(f"{API}/blobs/missing", include_in_schema=False)
    def blobs_missing_is_a_post() -> JSONResponse:
        # Without this, GET /blobs/missing would be a download of the blob named "missing"
        # (422); it is the path of the POST above, asked with the wrong method.
        return _error(405, "Method Not Allowed", headers={"Allow": "POST"})

    BlobHash = Annotated[str, Path(pattern=SHA256_PATTERN, description="lowercase hex SHA-256")]

    @app.get(
        f"{API}/blobs/{{sha256}}/upload",
        response_model=UploadState,
        responses=_responses(401, 422, 503),
    )
    def upload_offset(sha256: BlobHash, dev: Dev) -> UploadState:
        offset, complete = store.offset(dev.office_id, sha256)
        return UploadState(offset=offset, complete=complete)

    @app.put(
        f"{API}/blobs/{{sha256}}/upload",
        response_model=UploadState,
        responses=_responses(
            401,
            409,
            413,
            422,
            503,
            _400="An empty chunk, one whose bytes do not match X-Chunk-Sha256 or run past "
            "X-Blob-Size; or a body that is not valid gzip",
            _409=("The chunk is not at the current end: continue at offset", OffsetProblem),
            _413="The chunk is over the chunk limit, or the body over the server's limit",
            _422=(
                "The request does not match the schema (detail lists the issues), or all the "
                "bytes arrived but do not hash to the name: the partial upload was discarded, "
                "start again at offset 0",
                UploadInvalid,
            ),
        ),
        openapi_extra=_binary_body("application/octet-stream", "One chunk of the blob"),
    )
    async def upload_chunk(
        sha256: BlobHash,
        request: Request,
        dev: Dev,
        offset: Annotated[int, Query(ge=0, le=MAX_CURSOR)],
        x_chunk_sha256: Annotated[str, Header(pattern=SHA256_PATTERN)],
        x_blob_size: Annotated[int | None, Header(ge=1, le=MAX_CURSOR)] = None,
    ) -> Any:
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

    @app.post(
        f"{API}/blobs/chunks",
        response_model=blobs.ChunkResults,
        responses=_responses(
            401,
            413,
            422,
            503,
            _400="The body is not a manifest line and the chunks it names, or not valid gzip",
            _413="The chunks are over the chunk limit, or the body over the server's limit",
        ),
        openapi_extra=_binary_body(
            "application/octet-stream",
            'Chunks of several blobs: a JSON line {"chunks": [{sha256, offset, length, '
            "chunk_sha256, size}]}, then each chunk's bytes in that order",
        ),
    )
    async def upload_chunks(request: Request, dev: Dev) -> Any:
        body = await request.body()
        try:
            parts = blobs.split_chunks(body)
        except BadChunk as exc:
            return _error(400, str(exc))
        if sum(len(chunk) for _, chunk in parts) > settings.max_chunk:
            return _error(413, f"chunks are at most {settings.max_chunk} bytes per request")
        return await run_in_threadpool(blobs.store_chunks, store, dev, parts)

    @app.get(f"{API}/blobs/chunks", include_in_schema=False)
    @app.get(f"{API}/blobs/fetch", include_in_schema=False)
    def blobs_batch_is_a_post() -> JSONResponse:
        # As for /blobs/missing: these are POSTs, not downloads of blobs so named.
        return _error(405, "Method Not Allowed", headers={"Allow": "POST"})

    @app.post(
        f"{API}/blobs/fetch",
        response_class=StreamingResponse,
        responses={
            200: {
                "description": "Per blob a JSON line {sha256, offset, size, length} and length "
                "bytes (the rest of the blob from offset), or {sha256, missing: true}",
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            },
            **_responses(401, 413, 422, 503),
        },
    )
    def fetch_blobs(body: blobs.FetchRequest, dev: Dev) -> Any:
        plan = blobs.fetch_plan(store, dev.office_id, body)  # the database, before the stream
        return StreamingResponse(
            blobs.fetch_frames(store, plan), media_type="application/octet-stream"
        )

    @app.get(
        f"{API}/blobs/{{sha256}}",
        response_class=FileResponse,
        responses={
            200: {
                "description": "The blob",
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            },
            206: {
                "description": "The rest of the blob from the Range asked (bytes=n-)",
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            },
            **_responses(
                401,
                404,
                416,
                422,
                503,
                _404="The office does not hold this blob",
                _400="A Range that ends before it starts, or X-Naskah-Protocol not an integer",
                _416="The Range starts past the blob's end (Content-Range: bytes */size)",
            ),
        },
    )
    def download(
        sha256: BlobHash,
        dev: Dev,
        range_: Annotated[
            str | None,
            Header(
                alias="Range",
                pattern=RANGE_PATTERN,
                description="Resume from byte n: bytes=n- (or bytes=n-m)",
            ),
        ] = None,
    ) -> Any:
        if not store.visible(dev.office_id, sha256):
            return _error(404, "blob not found")
        path = store.path(sha256)
        if range_ is not None:  # checked here, so that a bad range gets a JSON answer too
            start, _, end = range_.removeprefix("bytes=").partition("-")
            size = path.stat().st_size
            if int(start) >= size:
                return _error(
                    416, "range starts past the end", headers={"Content-Range": f"bytes */{size}"}
                )
            if end and int(end) < int(start):
                return _error(400, "range ends before it starts")
        return FileResponse(path, media_type="application/octet-stream")

    # -- signing (docs/sync-protocol.md, "Signing") --------------------------------------------

    _no_ca = (
        "The server has no CA, or (certificates, timestamps) runs without its passphrase, or "
        "the database is busy; detail says which"
    )

    @app.get(
        f"{API}/pki/trust",
        response_model=TrustMaterial,
        responses=_responses(401, 503, _503=_no_ca),
    )
    def trust(request: Request, _dev: Dev) -> Any:
        try:
            material = ca.material()
        except pki.PkiRefused as exc:
            return _refused(exc)
        return material.trust(ca.public_url(str(request.base_url)))

    @app.post(
        f"{API}/pki/certificates",
        response_model=CertificateIssued,
        responses=_responses(
            401,
            403,
            404,
            413,
            422,
            503,
            _403="The person is not an active signer of the device's office",
            _404="The person, or the office record, is not on the server yet: sync first",
            _422="The request does not match the schema, the person's or office's data is "
            "incomplete, or the CA refuses the CSR (detail says why)",
            _503=_no_ca,
        ),
    )
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
        responses={
            200: {
                "description": "A DER TimeStampResp (RFC 3161): a token, or a rejection",
                "content": {
                    TIMESTAMP_REPLY_TYPE: {"schema": {"type": "string", "format": "binary"}}
                },
            },
            **_responses(
                401,
                413,
                415,
                503,
                _413="The timestamp request is over 16 KiB, or the body over the limit",
                _415=f"Content-Type is not {TIMESTAMP_QUERY_TYPE}",
                _503=_no_ca,
            ),
        },
        openapi_extra=_binary_body(TIMESTAMP_QUERY_TYPE, "A DER TimeStampReq (RFC 3161)"),
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

    _pem_responses = {
        200: {"description": "PEM", "content": {PEM_TYPE: {"schema": {"type": "string"}}}},
        **_responses(503, _503=_no_ca),
    }

    @app.get("/pki/root.pem", response_class=Response, responses=_pem_responses)
    def root_pem() -> Response:
        return _pem("root")

    @app.get("/pki/crl.pem", response_class=Response, responses=_pem_responses)
    def crl_pem() -> Response:
        return _pem("crl")

    def _page(description: str) -> dict[str, Any]:
        return {
            "description": description,
            "content": {
                "text/html": {"schema": {"type": "string"}},
                "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}},
            },
        }

    @app.get(
        "/v/{code}",
        response_class=Response,  # HTML or JSON; the errors of every operation are JSON
        responses={
            200: {
                "description": "The verdict on the letter: HTML, or JSON for `<code>.json` or "
                "`Accept: application/json` (docs/sync-protocol.md, the verification page)",
                "content": {
                    "text/html": {"schema": {"type": "string"}},
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": [
                                "code",
                                "valid",
                                "status",
                                "status_text",
                                "details_public",
                            ],
                        }
                    },
                },
            },
            **_responses(503),
            404: _page("No letter has this code (or it is not a code)"),
            429: {
                **_page("Too many unknown codes from this address; a known code is still answered"),
                "headers": _RETRY_AFTER,
            },
        },
        # Read from the path, not validated by FastAPI: anything that is not a known code is
        # answered 404 (a page a person reads), never 422.
        openapi_extra={"parameters": [_VERIFY_CODE]},
    )
    def verify(request: Request) -> Response:
        code = str(request.path_params["code"])
        as_json = code.endswith(".json")
        if as_json:
            code = code.removesuffix(".json")
        else:
            accept = request.headers.get("accept", "").lower()
            as_json = "application/json" in accept and "text/html" not in accept
        headers = verify_page.SECURITY_HEADERS
        # A known code is always answered; only unknown ones count against the address.
        found = verify_page.lookup(engine, settings.blob_dir, code)
        if found is not None:
            if as_json:
                return JSONResponse(verify_page.as_json(found, clock), headers=headers)
            return HTMLResponse(verify_page.render_html(found, clock), headers=headers)
        address = client(request)
        if verify_limiter.blocked(address):
            limited = {**headers, "Retry-After": str(int(settings.verify_window_s))}
            detail = "Terlalu banyak permintaan; coba lagi nanti."
            if as_json:
                return JSONResponse({"detail": detail}, status_code=429, headers=limited)
            return HTMLResponse(verify_page.render_message(detail), 429, headers=limited)
        if verify_limiter.failed(address):
            log.warning(
                "verification page: %d unknown codes from address %s within %d s; further "
                "unknown codes are answered 429",
                verify_limiter.limit, address, int(settings.verify_window_s),
            )  # fmt: skip
        if as_json:
            return JSONResponse(
                {"detail": verify_page.UNKNOWN_CODE}, status_code=404, headers=headers
            )
        return HTMLResponse(verify_page.render_unknown(), 404, headers=headers)

    def openapi() -> dict[str, Any]:
        """FastAPI's document, plus what every operation shares: the optional protocol header
        and the marker header on every answer."""
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            for operations in document["paths"].values():
                for operation in operations.values():
                    operation.setdefault("parameters", []).append(_PROTOCOL_HEADER)
                    for answer in operation["responses"].values():
                        answer.setdefault("headers", {}).update(_MARKER)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
