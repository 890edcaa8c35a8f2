"""Devices and addresses: ``naskah-server device list`` / ``device revoke`` (a revoked PC is told
so on its next request), a PC moving to the server's new address (``sync.client.server_address``),
and ``naskah-server`` without the server extra saying what to install."""

from __future__ import annotations

import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.client import engine, server_address
from sync.client.errors import BadServerUrl, NotEnrolled, Offline, TlsFailed
from sync.client.transport import Transport
from sync.protocol import MARKER_HEADER, SyncRequest
from sync.server import admin
from sync.server.cli import INSTALL_SERVER_EXTRA, main
from tests.impostor import self_signed
from tests.sync.conftest import running_server
from tests.sync.pcs import PC, open_pc, set_up_office

ROOT = Path(__file__).resolve().parents[2]
SQLITE = pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)


# -- naskah-server device list / revoke ---------------------------------------------------------


def test_device_list_and_revoke(sync_server: Any, capsys: pytest.CaptureFixture[str]) -> None:
    url = sync_server.db_url
    office_a, _ = sync_server.new_office()
    office_b, _ = sync_server.new_office()
    lost = sync_server.enrol(office_a, "PC Sekretariat")
    kept = sync_server.enrol(office_a, "PC Umum")
    other = sync_server.enrol(office_b, "PC Camat")
    lost.sync()  # seen once

    assert main(["device", "list", "--db", url]) == 0
    listing = capsys.readouterr().out
    for device, office in ((lost, office_a), (kept, office_a), (other, office_b)):
        (line,) = [row for row in listing.splitlines() if row.startswith(device.device_id)]
        assert office in line and "active" in line
    assert "PC Sekretariat" in listing and "3 device(s)" in listing
    assert main(["device", "list", "--db", url, "--office", office_b]) == 0
    only_b = capsys.readouterr().out
    assert other.device_id in only_b and lost.device_id not in only_b
    assert main(["device", "list", "--db", url, "--office", "KEC-TIDAK-ADA"]) == 1
    assert "no office" in capsys.readouterr().err

    assert main(["device", "revoke", lost.device_id, "--db", url]) == 0
    out = capsys.readouterr().out
    assert f"device {lost.device_id} (PC Sekretariat, {office_a}) revoked" in out
    r = lost.post("/api/v1/sync", json={"cursor": 0, "mutations": []})
    assert r.status_code == 401 and r.headers["WWW-Authenticate"] == "Bearer"
    assert "sudah dicabut oleh pengelola server" in r.json()["detail"]
    assert kept.sync()["cursor"] >= 0 and other.sync()["cursor"] >= 0  # the others go on

    # The desktop client shows the server's reason with its own advice.
    link = Transport(sync_server.url, lost.token)
    try:
        with pytest.raises(NotEnrolled) as caught:
            link.sync(SyncRequest(cursor=0))
    finally:
        link.close()
    assert "sudah dicabut" in caught.value.message and "daftarkan ulang" in caught.value.message

    assert main(["device", "list", "--db", url, "--office", office_a]) == 0
    (line,) = [r for r in capsys.readouterr().out.splitlines() if r.startswith(lost.device_id)]
    assert "revoked" in line
    assert main(["device", "revoke", lost.device_id, "--db", url]) == 0
    assert "already revoked" in capsys.readouterr().out
    assert main(["device", "revoke", "tidak-ada", "--db", url]) == 1
    assert "no device" in capsys.readouterr().err


def test_an_unknown_token_is_told_apart_from_a_revoked_one(module_sync_server: Any) -> None:
    url = module_sync_server.url + "/api/v1/sync"
    body = {"cursor": 0, "mutations": []}
    none = requests.post(url, json=body, timeout=30)
    unknown = requests.post(url, json=body, headers={"Authorization": "Bearer x" * 3}, timeout=30)
    assert none.status_code == unknown.status_code == 401
    assert "tanpa token" in none.json()["detail"]
    assert "tidak dikenal" in unknown.json()["detail"]


# -- without the server extra ----------------------------------------------------------------

_WITHOUT_EXTRA = """
import sys
for name in ("fastapi", "starlette", "uvicorn", "psycopg"):
    sys.modules[name] = None  # as if the server extra were not installed
from sync.server.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _without_extra(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITHOUT_EXTRA, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_without_the_server_extra_every_command_says_what_to_install(tmp_path: Path) -> None:
    db, blobs = str(tmp_path / "server.db"), str(tmp_path / "blobs")
    assert _without_extra("init", "--db", db, "--blobs", blobs, "--no-ca").returncode == 0
    for args in (
        ["serve", "--db", db, "--blobs", blobs],
        ["office", "add", "--db", "postgresql://u@127.0.0.1:1/x", "--code", "K", "--name", "N"],
    ):
        done = _without_extra(*args)
        assert done.returncode == 1, done.stderr
        assert INSTALL_SERVER_EXTRA in done.stderr and "Traceback" not in done.stderr
        assert f"'{args[0]}' needs the server's dependencies" in done.stderr
    assert INSTALL_SERVER_EXTRA == 'pip install "naskah[server]"'
    listing = _without_extra("device", "list", "--db", db)  # SQLite needs nothing more
    assert listing.returncode == 0 and "0 device(s)" in listing.stdout


# -- a PC moves to the server's new address --------------------------------------------------


@pytest.fixture
def pc(tmp_path: Path) -> Iterator[PC]:
    """A PC with its office set up (not enrolled yet)."""
    machine = open_pc(tmp_path, "pc1")
    set_up_office(machine)
    yield machine
    machine.close()


@SQLITE
def test_a_pc_moves_to_the_servers_new_address(sync_server: Any, pc: PC) -> None:
    office, _ = sync_server.new_office()
    engine.enroll(pc.store, sync_server.url, office, sync_server.enrol_code(office))
    engine.sync_once(pc.store)
    old_url = sync_server.url

    # The box gets a new address (here: another port on loopback, same database and blobs).
    sync_server.stop()
    sync_server.port = _free_port()
    sync_server.start()
    with pytest.raises(Offline):
        engine.sync_once(pc.store)

    state = server_address.change_server_address(pc.store, sync_server.url + "/")
    assert state.server_url == sync_server.url and state.server_url != old_url
    saved = engine.state_of(pc.store)
    assert saved is not None and saved.server_url == sync_server.url and saved.last_error == ""
    assert engine.sync_once(pc.store).pending == 0


@SQLITE
def test_a_new_address_must_be_the_same_server(sync_server: Any, pc: PC, tmp_path: Path) -> None:
    office, _ = sync_server.new_office()
    engine.enroll(pc.store, sync_server.url, office, sync_server.enrol_code(office))
    with (
        running_server("sqlite", tmp_path / "another") as another,
        pytest.raises(server_address.NotTheSameServer) as caught,
    ):
        server_address.change_server_address(pc.store, another.url)
    assert "bukan server tempat PC ini terdaftar" in caught.value.message
    for bad in ("http://192.0.2.10:8750", "ftp://server", "https://user:pw@server.go.id"):
        with pytest.raises(BadServerUrl):
            server_address.change_server_address(pc.store, bad)
    state = engine.state_of(pc.store)
    assert state is not None and state.server_url == sync_server.url  # unchanged

    # A revoked device learns it when it tries the new address.
    admin.revoke_device(sync_server.engine, state.device_id)
    by_name = sync_server.url.replace("127.0.0.1", "localhost")
    with pytest.raises(NotEnrolled) as revoked:
        server_address.change_server_address(pc.store, by_name)
    assert "dicabut" in revoked.value.message


class _Impostor(BaseHTTPRequestHandler):
    """Answers every request as the real server would, over TLS with a self-signed certificate."""

    hello: bytes = b""

    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header(MARKER_HEADER, "1")
        self.send_header("Content-Length", str(len(self.hello)))
        self.end_headers()
        self.wfile.write(self.hello)

    do_GET = do_POST = _answer

    def log_message(self, *_args: Any) -> None:
        pass


@SQLITE
def test_tls_stays_verified(sync_server: Any, pc: PC, tmp_path: Path) -> None:
    """A server that says all the right things over TLS with a certificate the PC cannot verify
    is refused: the address stays as it was."""
    office, _ = sync_server.new_office()
    engine.enroll(pc.store, sync_server.url, office, sync_server.enrol_code(office))
    _Impostor.hello = requests.get(sync_server.url + "/api/v1/hello", timeout=30).content
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed(tmp_path))
    impostor = ThreadingHTTPServer(("127.0.0.1", 0), _Impostor)
    impostor.socket = context.wrap_socket(impostor.socket, server_side=True)
    thread = threading.Thread(target=impostor.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(TlsFailed):
            server_address.change_server_address(
                pc.store, f"https://127.0.0.1:{impostor.server_address[1]}"
            )
    finally:
        impostor.shutdown()
        impostor.server_close()
    state = engine.state_of(pc.store)
    assert state is not None and state.server_url == sync_server.url


def test_not_enrolled(pc: PC) -> None:
    with pytest.raises(NotEnrolled):
        server_address.change_server_address(pc.store, "https://naskah.example.go.id")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
