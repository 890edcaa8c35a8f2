"""HTTP to the sync server: one ``requests.Session`` with the protocol's rules built in.

- Only ``https://`` addresses, except plain ``http://`` to this machine (127.0.0.0/8, ::1,
  localhost). TLS certificates are always verified (a private CA bundle may be given).
- Timeouts are about progress, never about size: 10 s to connect, and while sending, for each
  16 KB piece of a request body (urllib3 applies the connect timeout while sending; bodies go
  as file objects, so in pieces, never as one ``sendall`` whose timeout would cover the whole
  upload); then a *stall* timeout for each socket read of the answer. The kernel send buffer is
  capped so that, once the last piece is handed over, little is left queued that could make
  the wait for the answer look like a stall on a slow link.
- Request bodies are gzip-compressed (``Content-Encoding: gzip``); answers are decompressed.
- Every request carries ``X-Naskah-Protocol``; every answer must carry the server's marker
  header, otherwise it came from something else (a captive portal) and is refused.
- Kept-alive connections: a server (uvicorn, as ``naskah-server serve`` runs it: after 5 s) or
  a proxy closes a connection left idle, and a request sent on it just as it closes fails
  before any answer. So a connection idle for more than ``IDLE_LIMIT`` seconds is not reused,
  and a request whose connection the other side closed before answering is sent once more on
  a new connection. Sending again is safe for every
  request: a sync's mutations are applied once by id and a repeated ``request_seq`` is answered
  as late (docs/sync-protocol.md); a blob upload resumes from the server's offset.

Errors are ``sync.client.errors`` classes with a message a person can act on.
"""

from __future__ import annotations

import errno
import gzip
import http.client
import io
import ipaddress
import json
import logging
import socket
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection
from urllib3.exceptions import (
    ConnectTimeoutError,
    InsecureRequestWarning,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
)
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from desktop.i18n import _
from desktop.store import clock
from sync.client.errors import (
    BadFingerprint,
    BadServerUrl,
    EnrolRefused,
    NoRootServed,
    NoServer,
    NotEnrolled,
    Offline,
    RequestTooLarge,
    ServerFailed,
    TlsFailed,
    UpgradeRequired,
)
from sync.protocol import (
    CLIENT_PROTOCOL_HEADER,
    MARKER_HEADER,
    PROTOCOL_VERSION,
    EnrollRequest,
    EnrollResponse,
    Hello,
    SyncRequest,
    SyncResponse,
)

API = "/api/v1"
CONNECT_TIMEOUT = 10.0
STALL_TIMEOUT = 60.0
# Bytes the kernel may queue unsent (Linux doubles it). Once the body is handed over, the wait
# for the answer includes draining this queue: ~4 s at 512 kbit/s, ~30 s at 64 kbit/s, well
# inside the stall timeout. It also caps throughput at about buffer / round trip (~850 KB/s at
# 300 ms on Linux), far above the rural links this is for.
SEND_BUFFER = 128 * 1024
SKEW_LIMIT = timedelta(minutes=5)
GZIP_LEVEL = 9  # of request bodies
# A pooled connection idle longer than this is closed rather than reused: below uvicorn's
# default keep-alive (5 s), so even a server or proxy with that default never closes it under us.
IDLE_LIMIT = 4.0

log = logging.getLogger("naskah.sync")

M = TypeVar("M", bound=BaseModel)


def check_server_url(url: str) -> str:
    """The server's base URL, normalised (no trailing slash); BadServerUrl if it is not allowed.

    Plain http is allowed only to this machine, where nothing travels over a network."""
    raw = url.strip()
    parts = urlsplit(raw)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        raise BadServerUrl(f"Alamat server tidak valid: {raw!r} (contoh: https://server.go.id)")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise BadServerUrl(f"Alamat server tidak boleh memuat nama pengguna atau parameter: {raw}")
    if parts.scheme == "http" and not _is_loopback(host):
        raise BadServerUrl(f"Alamat server harus memakai https:// (aman): {raw}")
    return raw.rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Adapter(HTTPAdapter):
    """Connections with a capped send buffer (see the module docstring) and TCP keep-alive."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["socket_options"] = [
            *HTTPConnection.default_socket_options,
            (socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER),
            (socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1),
        ]
        super().init_poolmanager(*args, **kwargs)


@dataclass(frozen=True)
class HelloResult:
    hello: Hello
    skew: timedelta  # server clock minus this PC's clock

    @property
    def skew_too_big(self) -> bool:
        return abs(self.skew) > SKEW_LIMIT


class Transport:
    """The server at ``base_url``; ``token`` authenticates a device (None before enrolment).

    Not thread-safe: one transport per sync thread. ``close()`` releases its connections."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        stall_timeout: float = STALL_TIMEOUT,
        ca_bundle: str | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = check_server_url(base_url)
        self.timeout = (connect_timeout, stall_timeout)
        self.session = session or requests.Session()
        self.session.trust_env = False  # no proxies or netrc from the environment
        self.session.verify = ca_bundle or True
        adapter = _Adapter()
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.session.headers.update(
            {CLIENT_PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "gzip"}
        )
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self.bytes_sent = 0
        self.bytes_received = 0
        self.requests = 0
        self.resent = 0  # requests sent again after the server closed their connection
        self.idle_limit = IDLE_LIMIT
        self._adapter = adapter
        self._last_used: float | None = None  # time.monotonic() of the last answer

    def close(self) -> None:
        self.session.close()

    def twin(self) -> Transport | None:
        """A second transport to the same server with the same token, for a second connection
        beside this one (blobs beside records); None when this one uses an instrumented
        session (a test counting or cutting requests keeps everything on it)."""
        if type(self.session) is not requests.Session:
            return None
        twin = Transport(self.base_url, connect_timeout=self.timeout[0],
                         stall_timeout=self.timeout[1])  # fmt: skip
        twin.session.verify = self.session.verify
        auth = self.session.headers.get("Authorization")
        if auth:
            twin.session.headers["Authorization"] = auth
        twin.idle_limit = self.idle_limit
        return twin

    # --- endpoints ------------------------------------------------------------------------

    def hello(self) -> HelloResult:
        """Is a real Naskah server there? Raises NoServer (captive portal, TLS, anything that
        is not the fixed hello), Offline, or UpgradeRequired. Sends nothing else."""
        before = clock.now()
        response = self._request("GET", f"{API}/hello")
        after = clock.now()
        hello = parse_answer(response, Hello)
        if hello.protocol < 1 or hello.min_client_protocol > PROTOCOL_VERSION:
            raise UpgradeRequired()
        return HelloResult(hello, skew_of(hello.server_time, before, after))

    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        """Exchange a one-time code for a device id and token. EnrolRefused on a bad code."""
        response = self._post(f"{API}/enroll", request)
        return parse_answer(response, EnrollResponse)

    def sync(self, request: SyncRequest) -> SyncResponse:
        """One batch: mutations up, acks + changes + leases down (see docs/sync-protocol.md).
        Fields that are None are left out (None is every such field's default): an audit
        entry of a short run carries ``hash`` / ``prev_hash`` only when they are given."""
        answer = self._post(f"{API}/sync", request, exclude_none=True)
        return parse_answer(answer, SyncResponse)

    # --- plumbing -------------------------------------------------------------------------

    def _post(
        self, path: str, message: BaseModel, *, exclude_none: bool = False
    ) -> requests.Response:
        raw = message.model_dump_json(exclude_none=exclude_none).encode()
        # Level 9: about 2 % fewer bytes than 6 for a sync request, for ~10 ms more CPU per MB
        # of JSON (bench/upload_bytes.py); on a slow link every byte is worth more than that.
        body = gzip.compress(raw, compresslevel=GZIP_LEVEL)
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        # A file object, not bytes: urllib3 then sends it in 16 KB pieces, each under the
        # stall timeout, and requests still sets Content-Length.
        return self._request("POST", path, data=io.BytesIO(body), headers=headers, sent=len(body))

    def request(
        self, method: str, path: str, *, allow: frozenset[int] = frozenset(), **kwargs: Any
    ) -> requests.Response:
        """A raw request with the transport's rules (for blobs). Statuses in ``allow`` come
        back as answers; other errors raise as in ``_check``. A file-like ``data`` is sent in
        pieces under the stall timeout."""
        data = kwargs.get("data")
        sent = len(data.getbuffer()) if isinstance(data, io.BytesIO) else 0
        return self._request(method, path, sent=sent, allow=allow, **kwargs)

    def _request(
        self,
        method: str,
        path: str,
        *,
        sent: int = 0,
        allow: frozenset[int] = frozenset(),
        **kwargs: Any,
    ) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        kwargs.setdefault("allow_redirects", False)
        if self._last_used is not None and time.monotonic() - self._last_used > self.idle_limit:
            self._adapter.poolmanager.clear()  # the server may be closing them right now
        data = kwargs.get("data")
        start = data.tell() if isinstance(data, io.IOBase) else None
        for attempt in (1, 2):
            try:
                response = self.session.request(method, self.base_url + path, **kwargs)
                break
            except requests.exceptions.SSLError as exc:
                raise TlsFailed(_short(exc)) from exc
            except requests.exceptions.Timeout as exc:
                raise Offline(plain_reason(exc), _short(exc)) from exc
            except requests.exceptions.ConnectionError as exc:
                if attempt == 2 or not closed_before_answer(exc):
                    raise Offline(plain_reason(exc), _short(exc)) from exc
                log.info("%s %s: connection closed by the server, sending again", method, path)
                self.resent += 1
                if isinstance(data, io.IOBase) and start is not None:
                    data.seek(start)
            except requests.exceptions.RequestException as exc:
                raise Offline(plain_reason(exc), _short(exc)) from exc
        self._last_used = time.monotonic()
        self.requests += 1
        self.bytes_sent += sent
        if not kwargs.get("stream"):
            self.bytes_received += len(response.content)
        self._check(response, allow)
        return response

    def _check(self, response: requests.Response, allow: frozenset[int] = frozenset()) -> None:
        if response.headers.get(MARKER_HEADER) is None:
            raise NoServer(f"HTTP {response.status_code} tanpa penanda server Naskah")
        status = response.status_code
        if status < 300 or status in allow:
            return
        if 300 <= status < 400:
            raise NoServer(f"dialihkan ke {response.headers.get('Location', '?')}")
        detail = detail_of(response)
        if status == 426:
            raise UpgradeRequired()
        if status == 401:
            raise NotEnrolled(detail)
        if status == 403:
            raise EnrolRefused(detail or "ditolak server")
        if status == 413:
            raise RequestTooLarge(f"Server menjawab HTTP {status}: {detail}")
        raise ServerFailed(f"Server menjawab HTTP {status}: {detail}")


MAX_ROOT_PEM = 16 * 1024  # bytes of the organisation's root as ``/pki/root.pem`` serves it


def fetch_root(base_url: str, fingerprint: str, *, connect_timeout: float = CONNECT_TIMEOUT) -> str:
    """The organisation's root (PEM) as the server at ``base_url`` serves it (``GET
    /pki/root.pem``), accepted only when its SHA-256 begins with ``fingerprint``.

    The one request made without verifying the server's TLS certificate: a new PC holds no root
    yet to check an office hub against (docs/office-hub.md, "Enrolment through the hub"). What
    comes back is trusted only through the fingerprint a person read from the hub's own screen
    (``hub enroll-code`` prints it beside the code), never on first use; nothing is sent but the
    GET (no token, no code). Raises BadFingerprint (malformed, or another root: an impostor), or
    the transport's errors (Offline, NoServer)."""
    from sync.pki.tls import fingerprint_matches, normal_fingerprint

    if normal_fingerprint(fingerprint) is None:
        raise BadFingerprint(typed=True)
    link = Transport(base_url, connect_timeout=connect_timeout)
    link.session.verify = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InsecureRequestWarning)
            response = link.request("GET", "/pki/root.pem", allow=frozenset({503}), stream=True)
        try:
            body = response.raw.read(MAX_ROOT_PEM + 1, decode_content=True)
        finally:
            response.close()
    finally:
        link.close()
    if response.status_code == 503:
        raise NoRootServed(detail_text(body))
    try:
        pem = body.decode("ascii")
    except UnicodeDecodeError:
        pem = ""
    if len(body) > MAX_ROOT_PEM or not fingerprint_matches(pem, fingerprint):
        raise BadFingerprint()
    return pem


def detail_text(body: bytes) -> str:
    """The ``detail`` of a JSON error body, or "" (bounded: for a message)."""
    try:
        detail = json.loads(body).get("detail", "")
    except (ValueError, AttributeError):
        return ""
    return str(detail)[:300]


def skew_of(server_time: datetime, before: datetime, after: datetime) -> timedelta:
    """The server's clock minus this PC's, from a ``server_time`` answered between ``before``
    and ``after`` (this PC's clock)."""
    if server_time.tzinfo is None:
        server_time = server_time.replace(tzinfo=UTC)
    return server_time - (before + (after - before) / 2)


def parse_answer(response: requests.Response, model: type[M]) -> M:
    """A server's answer as ``model``; NoServer when it is not the protocol's JSON."""
    try:
        return model.model_validate_json(response.content)
    except (ValidationError, ValueError) as exc:
        raise NoServer("jawaban bukan JSON protokol Naskah") from exc


def detail_of(response: requests.Response) -> str:
    """The server's ``detail`` message of an error answer (or the start of its body)."""
    try:
        data = response.json()
    except ValueError:
        return response.text[:200]
    detail = data.get("detail") if isinstance(data, dict) else None
    return detail if isinstance(detail, str) else json.dumps(detail)[:200]


def closed_before_answer(exc: requests.exceptions.ConnectionError) -> bool:
    """Did the other side close an established connection before answering (a kept-alive
    connection closing as the request went out), as opposed to no connection at all?"""
    cause = exc.args[0] if exc.args else None
    if isinstance(cause, NewConnectionError) or not isinstance(cause, ProtocolError):
        return False
    inner = cause.args[1] if len(cause.args) > 1 else None
    return isinstance(
        inner,
        http.client.RemoteDisconnected
        | ConnectionResetError
        | BrokenPipeError
        | ConnectionAbortedError,
    )


def plain_reason(exc: BaseException) -> str:
    """Why a request failed, in a sentence a clerk understands (the library's text, such as
    "HTTPConnectionPool(host=...): Max retries exceeded...", goes to the log only)."""
    seen: list[BaseException] = []
    todo: list[object] = [exc]
    while todo and len(seen) < 12:  # the cause chain and urllib3's nested reasons
        item = todo.pop()
        if not isinstance(item, BaseException) or item in seen:
            continue
        seen.append(item)
        todo.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])
    if any(isinstance(e, socket.gaierror | NameResolutionError) for e in seen):
        return _(
            "Alamat server tidak ditemukan; periksa sambungan internet dan alamat server "
            "di Pengaturan."
        )
    if any(isinstance(e, ConnectionRefusedError) for e in seen):
        return _("Server menolak sambungan; mungkin server sedang mati atau alamatnya salah.")
    if any(isinstance(e, OSError) and e.errno in _NO_ROUTE for e in seen):
        return _("Tidak ada jaringan ke server; periksa kabel, Wi-Fi atau modem.")
    # (urllib3's NewConnectionError is a ConnectTimeoutError too: the causes above come first.)
    if any(isinstance(e, requests.exceptions.ConnectTimeout | ConnectTimeoutError) for e in seen):
        return _("Server tidak menjawab; sambungan internet mungkin terputus atau sangat lambat.")
    if any(isinstance(e, requests.exceptions.Timeout | TimeoutError | Urllib3Timeout)
           for e in seen):  # fmt: skip
        return _("Sambungan berhenti di tengah jalan (terlalu lambat atau terputus).")
    if any(isinstance(e, http.client.RemoteDisconnected | ConnectionResetError
                      | BrokenPipeError | ConnectionAbortedError) for e in seen):  # fmt: skip
        return _("Sambungan terputus di tengah jalan; coba lagi nanti.")
    return _("Sambungan ke server gagal; coba lagi nanti.")


_NO_ROUTE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN}


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "..."
