"""A fault-injecting TCP proxy on 127.0.0.1 for sync tests (threads, no dependencies).

Every accepted connection draws its fate from a seeded ``random.Random``:

- ``ok``: forwarded, with the link's latency and bandwidth;
- ``cut``: forwarded until a random number of bytes in one direction, then both sides are
  closed (mid-body: the request or the answer breaks off);
- ``portal``: never reaches the server; the request is answered with captive-portal HTML
  (``200 OK``, no Naskah marker header);
- ``stall``: forwarded until a random byte count, then nothing moves for ``stall_s`` seconds
  (the client's stall timer must notice), then closed.

Latency is added once per burst (a chunk that arrives after the pump was idle waits
``latency`` seconds before it is forwarded); bandwidth sleeps after each chunk so that each
direction carries at most ``bandwidth`` bytes per second. The proxy's sockets get small
kernel buffers (``SO_SNDBUF``/``SO_RCVBUF``, ``buffer`` bytes), so the kernel cannot swallow
megabytes at once on loopback and hide the throttling from the client.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

PORTAL_HTML = (
    b"<!doctype html><html><head><title>Login Wi-Fi</title></head>"
    b"<body><form action='/login'>Masukkan kode voucher</form></body></html>"
)
CHUNK = 4096


@dataclass
class Faults:
    """Probabilities per connection (the rest are ``ok``) and the link's shape."""

    cut: float = 0.0
    portal: float = 0.0
    stall: float = 0.0
    latency: float = 0.0  # seconds, one way, per burst
    bandwidth: int = 0  # bytes per second per direction (0: unlimited)
    stall_s: float = 1.5
    max_cut_bytes: int = 64 * 1024  # a cut or stall falls within this many bytes


@dataclass
class FaultProxy:
    target_port: int
    seed: int = 0
    faults: Faults = field(default_factory=Faults)
    buffer: int = 16 * 1024
    counts: Counter[str] = field(default_factory=Counter)
    bytes_up: int = 0
    bytes_down: int = 0
    # Like a load balancer that ignores client aborts (nginx's proxy_ignore_client_abort): when
    # the client gives up, the request still runs to its end on the server, answer discarded.
    finish_abandoned: bool = False
    # Called once (then cleared) right after the first chunk of the next ``POST /api/v1/sync``
    # is forwarded: e.g. to pause the server process while it holds that request.
    on_sync_request: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._small_buffers(self._listener)  # inherited by accepted sockets
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _small_buffers(self, sock: socket.socket) -> None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.buffer)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.buffer)

    def start(self) -> FaultProxy:
        self._thread = threading.Thread(target=self._serve, name="faultproxy", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            for sock in list(self._sockets):
                _close(sock)
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- connections --------------------------------------------------------------------

    def _fate(self) -> tuple[str, int, str]:
        """(kind, byte count, direction) for the next connection, from the seeded stream."""
        f = self.faults
        with self._lock:
            roll = self._rng.random()
            at = self._rng.randrange(1, max(2, f.max_cut_bytes))
            direction = self._rng.choice(["up", "down"])
        if roll < f.cut:
            kind = "cut"
        elif roll < f.cut + f.portal:
            kind = "portal"
        elif roll < f.cut + f.portal + f.stall:
            kind = "stall"
        else:
            kind = "ok"
        return kind, at, direction

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def _handle(self, client: socket.socket) -> None:
        self._track(client)
        self._small_buffers(client)
        kind, at, direction = self._fate()
        with self._lock:
            self.counts[kind] += 1
        if kind == "portal":
            self._portal(client)
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
        except OSError:
            _close(client)
            return
        upstream.settimeout(None)
        self._track(upstream)
        self._small_buffers(upstream)
        done = threading.Event()
        limit_up = at if kind != "ok" and direction == "up" else None
        limit_down = at if kind != "ok" and direction == "down" else None
        args_up = (client, upstream, limit_up, kind, done, True)
        args_down = (upstream, client, limit_down, kind, done, False)
        t = threading.Thread(target=self._pump, args=args_up, daemon=True)
        t.start()
        self._pump(*args_down)
        t.join()

    def _portal(self, client: socket.socket) -> None:
        try:
            client.settimeout(5)
            seen = b""
            while b"\r\n\r\n" not in seen and len(seen) < 65536:
                data = client.recv(CHUNK)
                if not data:
                    break
                seen += data
            if self.faults.latency:
                time.sleep(self.faults.latency * 2)
            client.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(PORTAL_HTML) + PORTAL_HTML
            )
        except OSError:
            pass
        finally:
            _close(client)

    def _pump(
        self,
        src: socket.socket,
        dst: socket.socket,
        limit: int | None,
        kind: str,
        done: threading.Event,
        up: bool,
    ) -> None:
        f = self.faults
        moved = 0
        last = 0.0
        try:
            while not done.is_set():
                try:
                    data = src.recv(CHUNK)
                except OSError:
                    break
                if not data:
                    if up and self.finish_abandoned:
                        _close(src)  # the client left; the server keeps its request
                        return
                    break
                now = time.monotonic()
                if f.latency and now - last > f.latency:
                    time.sleep(f.latency)  # a new burst pays the one-way delay
                if limit is not None and moved + len(data) >= limit:
                    data = data[: max(0, limit - moved)]
                    if data:
                        dst.sendall(data)
                        moved += len(data)
                    if kind == "stall":
                        self._count("stalled")
                        done.wait(f.stall_s)
                    else:
                        self._count("cut_done")
                    break
                try:
                    dst.sendall(data)
                except OSError:
                    if not up and self.finish_abandoned:
                        self._drain(src)
                    raise
                if up and data.startswith(b"POST /api/v1/sync"):  # a request begins
                    with self._lock:
                        hook, self.on_sync_request = self.on_sync_request, None
                    if hook is not None:
                        hook()
                moved += len(data)
                last = time.monotonic()
                with self._lock:
                    if up:
                        self.bytes_up += len(data)
                    else:
                        self.bytes_down += len(data)
                if f.bandwidth:
                    time.sleep(len(data) / f.bandwidth)
        except OSError:
            pass
        finally:
            done.set()
            _close(src)
            _close(dst)

    def _drain(self, upstream: socket.socket) -> None:
        """Read the abandoned answer to its end (or until the server is idle for 10 s)."""
        self._count("abandoned")
        upstream.settimeout(10)
        with contextlib.suppress(OSError):
            while upstream.recv(CHUNK):
                pass

    def _count(self, key: str) -> None:
        with self._lock:
            self.counts[key] += 1


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
