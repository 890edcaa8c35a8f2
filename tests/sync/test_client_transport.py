"""The transport against things that are not (quite) a Naskah server, and against slow links.

A small HTTP server on loopback plays each part: a captive portal's login page, a redirect, a
proxy's JSON, a server too new for this app, a clock two hours off, a body that trickles in
slowly (fine) or stops (a stall), and a server that reads an upload slowly.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from desktop.store import clock
from sync.client import transport
from sync.client.errors import BadServerUrl, NoServer, Offline, TlsFailed, UpgradeRequired
from sync.client.transport import Transport, check_server_url
from sync.protocol import MARKER_HEADER, Mutation, SyncRequest
from tests.clocks import TestClock

Handler = Callable[[BaseHTTPRequestHandler], None]
HELLO = {"service": "naskah-sync", "protocol": 1, "min_client_protocol": 1, "server_id": "s1"}


def _hello(**overrides: Any) -> dict[str, Any]:
    return {**HELLO, "server_time": clock.now().isoformat(), **overrides}


def send(
    h: BaseHTTPRequestHandler, status: int, body: bytes, *, marker: bool = True,
    ctype: str = "application/json", headers: dict[str, str] | None = None,
) -> None:  # fmt: skip
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    if marker:
        h.send_header(MARKER_HEADER, "1")
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.seen: list[dict[str, Any]] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    def server_bind(self) -> None:
        # A small receive buffer, so that a slowly reading handler really slows the upload.
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 32 * 1024)
        super().server_bind()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FakeServer

    def log_message(self, *args: Any) -> None:
        pass

    def _route(self) -> None:
        self.server.routes[self.path](self)

    do_GET = _route
    do_POST = _route


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    server = FakeServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "url",
    ["https://naskah.jayawijayakab.go.id", "https://10.1.2.3:8443/", "http://127.0.0.1:8080",
     "http://127.8.9.1", "http://localhost:1234", "http://[::1]:8000"],
)  # fmt: skip
def test_allowed_server_addresses(url: str) -> None:
    assert check_server_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    ["http://naskah.jayawijayakab.go.id", "http://10.1.2.3", "ftp://x.go.id", "naskah.go.id",
     "https://user:pw@x.go.id", "https://x.go.id/?token=1", ""],
)  # fmt: skip
def test_refused_server_addresses(url: str) -> None:
    with pytest.raises(BadServerUrl):
        check_server_url(url)


def test_real_hello_and_clock_skew(fake: FakeServer, test_clock: TestClock) -> None:
    test_clock.freeze(test_clock.now())  # the skew comes out exact, however long a request takes
    fake.routes["/api/v1/hello"] = lambda h: send(h, 200, json.dumps(_hello()).encode())
    result = Transport(fake.url).hello()
    assert result.hello.server_id == "s1" and not result.skew_too_big and not result.skew
    late = (clock.now() + timedelta(hours=2)).isoformat()
    fake.routes["/api/v1/hello"] = lambda h: send(
        h, 200, json.dumps(_hello(server_time=late)).encode()
    )
    result = Transport(fake.url).hello()
    assert result.skew_too_big and result.skew == timedelta(hours=2)


@pytest.mark.parametrize(
    "answer",
    [
        lambda h: send(h, 200, b"<html><body>Login Wi-Fi</body></html>", marker=False,
                       ctype="text/html"),
        lambda h: send(h, 302, b"", marker=False, headers={"Location": "http://login.wifi/"}),
        lambda h: send(h, 200, json.dumps(_hello()).encode(), marker=False),
        lambda h: send(h, 200, b'{"status": "ok"}'),
        lambda h: send(h, 200, b"<html>not json</html>", ctype="text/html"),
    ],
    ids=["portal-page", "redirect", "no-marker", "wrong-json", "html-with-marker"],
)  # fmt: skip
def test_anything_but_the_real_hello_means_no_server(fake: FakeServer, answer: Handler) -> None:
    fake.routes["/api/v1/hello"] = answer
    with pytest.raises(NoServer):
        Transport(fake.url).hello()


def test_too_old_client_is_told_to_upgrade(fake: FakeServer) -> None:
    fake.routes["/api/v1/hello"] = lambda h: send(
        h, 200, json.dumps(_hello(protocol=3, min_client_protocol=2)).encode()
    )
    with pytest.raises(UpgradeRequired):
        Transport(fake.url).hello()
    fake.routes["/api/v1/sync"] = lambda h: send(h, 426, b'{"detail": "perbarui"}')
    with pytest.raises(UpgradeRequired):
        Transport(fake.url, "t").sync(SyncRequest(cursor=0))


def test_tls_failure_and_no_listener(fake: FakeServer) -> None:
    port = fake.server_address[1]
    with pytest.raises(TlsFailed):  # https to a plain-http port: the handshake fails
        Transport(f"https://127.0.0.1:{port}").hello()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    with pytest.raises(Offline) as refused:
        Transport(f"http://127.0.0.1:{free}").hello()
    # A sentence a clerk understands; the library's text only in ``detail`` (for the log).
    assert refused.value.message == (
        "Luring: server tidak dapat dihubungi. Server menolak sambungan; mungkin server sedang "
        "mati atau alamatnya salah."
    )
    assert "Max retries" in refused.value.detail
    for leak in ("HTTPConnectionPool", "Max retries", "Errno", "urllib3", "127.0.0.1"):
        assert leak not in refused.value.message


def test_unknown_host_is_said_plainly() -> None:
    """The exception urllib3 and requests raise for a name that does not resolve, as they
    build it (no lookup is made: tests stay on loopback)."""
    from urllib3.exceptions import MaxRetryError, NameResolutionError

    resolve = socket.gaierror(-2, "Name or service not known")
    reason = NameResolutionError("server.naskah.invalid", None, resolve)  # type: ignore[arg-type]
    failure = MaxRetryError(None, "/api/v1/hello", reason)  # type: ignore[arg-type]
    error = requests.exceptions.ConnectionError(failure)
    assert transport.plain_reason(error) == (
        "Alamat server tidak ditemukan; periksa sambungan internet dan alamat server di Pengaturan."
    )


def _trickle(pieces: int, pause: float, hold: threading.Event | None = None) -> Handler:
    """A hello whose body arrives a little at a time (padded with spaces, still valid JSON);
    with ``hold``, it stops after four pieces and keeps the connection open until ``hold`` is
    set."""

    def answer(h: BaseHTTPRequestHandler) -> None:
        body = json.dumps(_hello()).encode().ljust(pieces * 1024)
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(body)))
        h.send_header(MARKER_HEADER, "1")
        h.end_headers()
        for i in range(pieces):
            if hold is not None and i == 4:
                hold.wait()
                h.close_connection = True
                return
            h.wfile.write(body[i * 1024 : (i + 1) * 1024])
            h.wfile.flush()
            time.sleep(pause)

    return answer


def test_slow_body_that_keeps_flowing_does_not_time_out(fake: FakeServer) -> None:
    fake.routes["/api/v1/hello"] = _trickle(pieces=12, pause=0.15)
    started = time.monotonic()
    Transport(fake.url, stall_timeout=0.5).hello()  # ~1.8 s in all, never 0.5 s without bytes
    assert time.monotonic() - started > 1.5  # it really trickled: 11 pauses of 0.15 s come first


def test_body_that_stops_is_a_stall(fake: FakeServer) -> None:
    # The server holds the connection open with the body unfinished until the client has given
    # up: only the stall timeout can end the call (without it, pytest-timeout fails the test).
    hold = threading.Event()
    fake.routes["/api/v1/hello"] = _trickle(pieces=12, pause=0.01, hold=hold)
    try:
        with pytest.raises(Offline) as stalled:
            Transport(fake.url, stall_timeout=0.5).hello()
    finally:
        hold.set()
    assert stalled.value.reason == (
        "Sambungan berhenti di tengah jalan (terlalu lambat atau terputus)."
    )


def test_slowly_read_upload_does_not_time_out_and_is_gzipped(
    fake: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This link reads ~0.8 MB/s; a send buffer scaled to it (as the real one is to rural links)
    # drains well inside the 0.5 s stall timeout, while the whole upload takes ~2 s.
    monkeypatch.setattr(transport, "SEND_BUFFER", 64 * 1024)

    def read_slowly(h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers["Content-Length"])
        raw = b""
        while len(raw) < length:
            raw += h.rfile.read(min(16 * 1024, length - len(raw)))
            time.sleep(0.02)
        fake.seen.append({"encoding": h.headers["Content-Encoding"], "bytes": length,
                          "request": json.loads(gzip.decompress(raw))})  # fmt: skip
        reply = {"acks": [], "changes": [], "cursor": 0, "more": False,
                 "server_time": clock.now().isoformat()}  # fmt: skip
        send(h, 200, json.dumps(reply).encode())

    fake.routes["/api/v1/sync"] = read_slowly
    noise = os.urandom(1_200_000).hex()  # incompressible enough: ~1.4 MB gzipped
    request = SyncRequest(cursor=0, mutations=[
        Mutation(mutation_id="m1", entity="letter", entity_id="l1", op="upsert", base_version=0,
                 fields={"body_html": noise})])  # fmt: skip
    link = Transport(fake.url, "t", connect_timeout=0.5, stall_timeout=0.5)
    started = time.monotonic()
    link.sync(request)
    assert time.monotonic() - started > 1.0  # the server took its time: its pauses alone are ~1.6 s
    (seen,) = fake.seen
    assert seen["encoding"] == "gzip" and seen["bytes"] < len(noise)
    assert seen["request"]["mutations"][0]["fields"]["body_html"] == noise
    assert link.bytes_sent == seen["bytes"] and link.requests == 1


def test_the_root_is_taken_only_when_it_matches_the_typed_fingerprint(
    fake: FakeServer, tmp_path: Path
) -> None:
    """``fetch_root``: how a new PC trusts an office hub before it holds the root (the one
    request made without verifying TLS, so what it takes is bounded and checked by the
    fingerprint a person typed)."""
    from sync.client.errors import BadFingerprint, NoRootServed
    from sync.pki.tls import root_fingerprint
    from tests.impostor import self_signed

    cert_path, _key = self_signed(tmp_path)
    pem = cert_path.read_text()
    fingerprint = root_fingerprint(pem)
    fake.routes["/pki/root.pem"] = lambda h: send(
        h, 200, pem.encode(), ctype="application/x-pem-file"
    )
    assert transport.fetch_root(fake.url, fingerprint) == pem
    assert transport.fetch_root(fake.url, fingerprint.replace("-", ":").lower()) == pem
    with pytest.raises(BadFingerprint, match="tidak cocok"):  # another root's
        transport.fetch_root(fake.url, "0" * 24)
    with pytest.raises(BadFingerprint, match="24 angka"):  # not a fingerprint: nothing sent
        fake.routes["/pki/root.pem"] = lambda h: pytest.fail("asked the server anyway")
        transport.fetch_root(fake.url, "3F2A-9C1B")
    # A body past 16 KiB that begins with the real root: refused, read no further.
    huge = pem.encode() + b"\n" + b"A" * (64 * 1024)
    fake.routes["/pki/root.pem"] = lambda h: send(h, 200, huge)
    with pytest.raises(BadFingerprint):
        transport.fetch_root(fake.url, fingerprint)
    # Not a certificate at all, or no Naskah server, or a hub with no root yet.
    fake.routes["/pki/root.pem"] = lambda h: send(h, 200, b"\xff\xfe garbage")
    with pytest.raises(BadFingerprint):
        transport.fetch_root(fake.url, fingerprint)
    fake.routes["/pki/root.pem"] = lambda h: send(h, 200, pem.encode(), marker=False)
    with pytest.raises(NoServer):
        transport.fetch_root(fake.url, fingerprint)
    fake.routes["/pki/root.pem"] = lambda h: send(h, 503, b'{"detail": "belum ada akar"}')
    with pytest.raises(NoRootServed, match="belum ada akar"):
        transport.fetch_root(fake.url, fingerprint)
