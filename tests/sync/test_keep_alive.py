"""A kept-alive connection that the server closes just as the next request goes out.

uvicorn closes a connection idle for 5 s; a client that reuses its pooled connection at that
moment sends its request into a socket the server is closing and gets no answer. Before the fix
a pause of 4.7-5.0 s between two requests failed the whole sync as "Luring".

The race is made deterministic by a proxy in front of the real server: on each connection it
forwards one request and its answer, then closes the connection as soon as the client sends
anything more, exactly what the server does when its keep-alive timer fires as the request
arrives.
"""

from __future__ import annotations

import select
import socket
import threading
from collections.abc import Iterator
from contextlib import suppress

import pytest

from sync.client.errors import Offline
from sync.client.transport import Transport
from sync.protocol import SyncRequest
from tests.sync.conftest import SyncServer


class ClosingProxy:
    """Forwards to ``target_port``; closes a connection when a second request starts on it."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)  # close() does not wake a blocked accept(): poll the stop
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        self.closed_on_reuse = 0
        self.close_every_request = False  # also close a new connection at its first request
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="closing-proxy", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._stop.set()
        self.listener.close()
        self._thread.join(timeout=10)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            self.connections += 1
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        answered = False
        try:
            while not self._stop.is_set():
                ready, _, _ = select.select([client, upstream], [], [], 0.2)
                if client in ready:
                    data = client.recv(65536)
                    if not data:
                        return
                    if answered or self.close_every_request:
                        # The next request on a kept-alive connection: close it.
                        self.closed_on_reuse += 1
                        return
                    upstream.sendall(data)
                if upstream in ready:
                    data = upstream.recv(65536)
                    if not data:
                        return
                    answered = True
                    client.sendall(data)
        finally:
            for sock in (client, upstream):
                with suppress(OSError):
                    sock.close()


@pytest.fixture
def proxy(sync_server: SyncServer) -> Iterator[ClosingProxy]:
    p = ClosingProxy(sync_server.port)
    yield p
    p.stop()


def test_a_request_on_a_connection_closed_as_it_goes_out_is_sent_again(
    sync_server: SyncServer, proxy: ClosingProxy
) -> None:
    office, _ = sync_server.new_office()
    device = sync_server.enrol(office)
    link = Transport(proxy.url, device.token)
    try:
        link.hello()
        # Each later request goes out on the kept-alive connection, which closes under it.
        link.hello()
        first = link.sync(SyncRequest(cursor=0, request_seq=1))
        again = link.sync(SyncRequest(cursor=first.cursor, request_seq=2))
    finally:
        link.close()
    assert again.cursor >= first.cursor
    assert proxy.closed_on_reuse == 3 and link.resent == 3
    assert proxy.connections == 4 and link.requests == 4


def test_a_link_that_keeps_closing_is_offline_after_one_more_try(
    sync_server: SyncServer, proxy: ClosingProxy
) -> None:
    """Sent again once, not forever: a link that closes every connection is offline."""
    link = Transport(proxy.url)
    try:
        link.hello()
        proxy.close_every_request = True
        with pytest.raises(Offline):
            link.hello()
    finally:
        link.close()
    assert link.resent == 1 and proxy.closed_on_reuse == 2


def test_an_idle_connection_is_not_reused(sync_server: SyncServer, proxy: ClosingProxy) -> None:
    """Past the idle limit the pooled connection is dropped before the request: nothing to
    send again."""
    link = Transport(proxy.url)
    link.idle_limit = 0.0
    try:
        link.hello()
        link.hello()
        link.hello()
    finally:
        link.close()
    assert link.resent == 0 and proxy.closed_on_reuse == 0
    assert proxy.connections == 3
