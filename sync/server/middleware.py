"""The ASGI layer every request passes: marker header, protocol check, body limits, gzip bodies,
and a JSON 500 (never a traceback) for bugs; and ``client_address``, who sent a request.

Tokens never reach a log line: errors are logged with the method and path only.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import (
    CLIENT_PROTOCOL_HEADER,
    MARKER_HEADER,
    MIN_CLIENT_PROTOCOL,
    PROTOCOL_VERSION,
)

log = logging.getLogger("naskah.server")

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDED_FOR = "x-forwarded-for"
UNKNOWN_CLIENT = "?"


def _address(text: str) -> IpAddress | None:
    """An address as a proxy writes it: bare, ``a.b.c.d:port`` or ``[v6]:port``; None if not."""
    text = text.strip()
    if text.startswith("["):
        text = text[1 : text.find("]")] if "]" in text else ""
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        found = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(found, ipaddress.IPv6Address) and found.ipv4_mapped is not None:
        return found.ipv4_mapped
    return found


def client_address(
    peer: str | None, forwarded_for: Iterable[str], trusted: Sequence[Network]
) -> str:
    """The address a request came from, as the key of the per-address limits.

    ``peer`` is the connection's address. Only when it is one of the ``trusted`` proxies is
    ``X-Forwarded-For`` read (every value, in order): from its right end, the first address that
    is not a trusted proxy is the client (a client can put anything at the left end, but not
    past the proxy that appends the address it saw). Without trusted proxies the header is
    ignored, so that nobody picks their own key by sending it."""
    own = _address(peer or "")
    if own is None:
        return peer or UNKNOWN_CLIENT
    if not trusted or not any(own in net for net in trusted):
        return str(own)
    hops = [hop for value in forwarded_for for hop in value.split(",") if hop.strip()]
    client = own
    for hop in reversed(hops):
        found = _address(hop)
        if found is None:  # garbage the proxy passed on: the last address we could trust
            break
        client = found
        if not any(found in net for net in trusted):
            break
    return str(client)


_MARKER = (MARKER_HEADER.lower().encode(), str(PROTOCOL_VERSION).encode())
_INTEGER = re.compile(rb"[+-]?[0-9]+")  # ASCII digits only (int() would take "1_0" or "١")


class BodyTooLarge(Exception):
    pass


class ClientGone(Exception):
    """The client disconnected before its body arrived: nothing to answer, nothing to do."""


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a gzip body, refusing more than ``limit`` bytes of output (no zip bombs)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise BodyTooLarge
    if not inflater.eof:
        raise zlib.error("truncated gzip body")
    return out


class NaskahMiddleware:
    """Outermost layer of the app (inside Starlette's own error middleware)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_marked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [h for h in message.get("headers", []) if h[0] != _MARKER[0]]
                message = {**message, "headers": [*headers, _MARKER]}
            await send(message)

        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        problem = self._check_protocol(headers)
        if problem:
            await _json(send_marked, *problem)
            return
        if scope["method"] in {"POST", "PUT", "PATCH"}:
            try:
                body = await self._read_body(receive, headers)
            except ClientGone:
                return
            except BodyTooLarge:
                await _json(send_marked, 413, {"detail": "request body too large"})
                return
            except (zlib.error, ValueError):
                await _json(
                    send_marked, 400, {"detail": "request body is not valid (gzip or length)"}
                )
                return
            if headers.get(b"content-encoding", b"").strip().lower() == b"gzip":
                scope = dict(scope)
                scope["headers"] = [
                    (k, v)
                    for k, v in scope["headers"]
                    if k.lower() not in {b"content-encoding", b"content-length"}
                ] + [(b"content-length", str(len(body)).encode())]
            receive = _replay(body, receive)
        try:
            await self.app(scope, receive, send_marked)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await _json(send_marked, 500, {"detail": "internal server error"})

    def _check_protocol(self, headers: dict[bytes, bytes]) -> tuple[int, dict[str, Any]] | None:
        raw = headers.get(CLIENT_PROTOCOL_HEADER.lower().encode())
        if raw is None:
            return None
        try:
            if not _INTEGER.fullmatch(raw.strip()):
                raise ValueError(raw)
            version = int(raw)
        except ValueError:
            return 400, {"detail": f"{CLIENT_PROTOCOL_HEADER} must be an integer"}
        if version < MIN_CLIENT_PROTOCOL:
            return 426, {
                "detail": "Versi Naskah di komputer ini terlalu lama; perbarui aplikasinya.",
                "min_client_protocol": MIN_CLIENT_PROTOCOL,
                "protocol": PROTOCOL_VERSION,
            }
        return None

    async def _read_body(self, receive: Receive, headers: dict[bytes, bytes]) -> bytes:
        declared = headers.get(b"content-length")
        if declared is not None and int(declared) > self.max_body:
            raise BodyTooLarge
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if headers.get(b"content-encoding", b"").strip().lower() == b"gzip":
            body = gunzip(body, self.max_body)
        return body


def _replay(body: bytes, original: Receive) -> Receive:
    """Hand the (already read) body to the app, then pass through to the real channel, which
    tells the app when the client goes away."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive


async def _json(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
