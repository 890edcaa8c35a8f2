"""hello, the marker header, the protocol check, and errors that stay JSON."""

from __future__ import annotations

import requests

from desktop.store import clock
from sync.protocol import CLIENT_PROTOCOL_HEADER, MARKER_HEADER, Hello


def test_hello_fixed_body_and_marker(module_sync_server) -> None:
    r = requests.get(module_sync_server.url + "/api/v1/hello", timeout=10)
    assert r.status_code == 200
    assert r.headers[MARKER_HEADER] == "1"
    hello = Hello.model_validate(r.json())
    assert hello.service == "naskah-sync" and hello.protocol == 1
    assert hello.min_client_protocol == 1
    assert abs((hello.server_time - clock.now()).total_seconds()) < 60
    again = requests.get(module_sync_server.url + "/api/v1/hello", timeout=10).json()
    assert again["server_id"] == hello.server_id


def test_old_protocol_gets_426_with_marker(module_sync_server) -> None:
    for path in ("/api/v1/hello", "/api/v1/sync"):
        r = requests.get(
            module_sync_server.url + path, timeout=10, headers={CLIENT_PROTOCOL_HEADER: "0"}
        )
        assert r.status_code == 426
        assert r.headers[MARKER_HEADER] == "1"
        assert r.json()["min_client_protocol"] == 1
