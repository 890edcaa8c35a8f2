"""Limits on failed enrolments and unknown verification codes never lock out a good code.

Failed enrolments count per client address, per office code named and per code presented;
past a limit a failure is answered 429 (no reason, ``Retry-After``), but a valid unused code is
always accepted. The client address is the connection's, or, only from a configured trusted
proxy, the last address its X-Forwarded-For names that is not itself a trusted proxy. The
verification page answers every known code, and counts unknown ones per address.

All requests come from 127.0.0.1, as behind the TLS proxy the README advises; the clients
behind it are told apart by X-Forwarded-For when the server trusts that proxy. The servers here
run uvicorn as ``naskah-server serve`` does, without uvicorn's own proxy headers (which would
believe X-Forwarded-For from loopback before the app sees the request).
"""

from __future__ import annotations

import base64
import functools
import ipaddress
import logging
import os
import socket
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn

from sync.protocol import MARKER_HEADER
from sync.server.cli import main
from sync.server.middleware import client_address
from sync.server.settings import Settings
from tests.sync.conftest import DeviceClient

WRONG = "SALAH-SALAH-SALAH"


@pytest.fixture(autouse=True)
def _serve_like_naskah_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uvicorn, "Config", functools.partial(uvicorn.Config, proxy_headers=False))


def enrol(
    server: Any, office: str, code: str, forwarded_for: str | None = None
) -> requests.Response:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return requests.post(
        server.url + "/api/v1/enroll",
        json={"office_code": office, "enrol_code": code, "device_name": "PC"},
        headers=headers,
        timeout=30,
    )


def refused(r: requests.Response) -> bool:
    return r.status_code == 403 and r.headers[MARKER_HEADER] == "1"


def limited(r: requests.Response) -> bool:
    return (
        r.status_code == 429
        and int(r.headers["Retry-After"]) > 0
        and "Kode yang benar" in r.json()["detail"]
    )


# -- enrolment -------------------------------------------------------------------------------


def test_a_valid_code_gets_in_after_its_address_passed_the_limit(
    sync_server_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """One bad actor behind the shared proxy address does not lock the regency out."""
    server = sync_server_factory(enrol_attempts=3)
    office, _ = server.new_office()
    other, _ = server.new_office()
    with caplog.at_level(logging.WARNING, logger="naskah.server"):
        assert all(refused(enrol(server, office, WRONG)) for _ in range(3))
    assert "3 failed attempts from address 127.0.0.1" in caplog.text
    assert limited(enrol(server, office, WRONG))
    assert limited(enrol(server, other, "AAAAA-BBBBB-CCCCC"))  # the same address
    for name in (office, other):
        assert enrol(server, name, server.enrol_code(name)).status_code == 200


def test_the_limit_is_a_window(sync_server_factory: Any, test_clock: Any) -> None:
    server = sync_server_factory(enrol_attempts=2, enrol_window_s=300)
    office, _ = server.new_office()
    assert refused(enrol(server, office, WRONG)) and refused(enrol(server, office, WRONG))
    assert limited(enrol(server, office, WRONG))
    test_clock.advance(timedelta(seconds=301))
    r = enrol(server, office, WRONG)
    assert refused(r) and "salah" in r.json()["detail"]  # the reason again


def test_per_office_limit_counts_every_address(sync_server_factory: Any) -> None:
    server = sync_server_factory(
        enrol_attempts=100, enrol_office_attempts=4, trusted_proxies=("127.0.0.1",)
    )
    target, _ = server.new_office()
    bystander, _ = server.new_office()
    for n in range(4):  # four addresses, one failure each: no address near its own limit
        assert refused(enrol(server, target, WRONG, f"203.0.113.{n}"))
    assert limited(enrol(server, target, WRONG, "198.51.100.1"))  # a fresh address
    assert refused(enrol(server, bystander, WRONG, "198.51.100.2"))
    good = enrol(server, target, server.enrol_code(target), "198.51.100.3")
    assert good.status_code == 200 and good.json()["office_code"] == target


def test_per_code_limit_counts_every_address_and_office(sync_server_factory: Any) -> None:
    server = sync_server_factory(
        enrol_attempts=100, enrol_code_attempts=3, trusted_proxies=("127.0.0.1",)
    )
    offices = [server.new_office()[0] for _ in range(4)]
    leaked = server.enrol_code(offices[0])
    first = enrol(server, offices[0], leaked, "192.0.2.1")
    assert first.status_code == 200
    body = first.json()
    pc = DeviceClient(server.url, body["device_id"], body["office_id"], offices[0], body["token"])
    pc.sync()  # the PC confirms: from now on the code is spent
    # The used code, tried again from three addresses, against three offices.
    for n, office in enumerate(offices[1:]):
        r = enrol(server, office, leaked.lower(), f"203.0.113.{n}")
        assert refused(r), r.text
    assert limited(enrol(server, offices[0], leaked, "198.51.100.9"))
    r = enrol(server, offices[1], "ZZZZZ-ZZZZZ-ZZZZZ", "198.51.100.9")
    assert refused(r)  # another code from the same address: its own reason
    assert enrol(server, offices[1], server.enrol_code(offices[1]), "198.51.100.9").ok


def test_forwarded_for_is_ignored_without_a_trusted_proxy(sync_server_factory: Any) -> None:
    server = sync_server_factory(enrol_attempts=3)
    office, _ = server.new_office()
    for n in range(3):
        assert refused(enrol(server, office, WRONG, f"203.0.113.{n}"))
    # A new X-Forwarded-For each time does not buy a new key: the connection's address counts.
    assert limited(enrol(server, office, WRONG, "203.0.113.200"))


def test_a_trusted_proxy_tells_its_clients_apart(sync_server_factory: Any) -> None:
    server = sync_server_factory(enrol_attempts=3, trusted_proxies=("127.0.0.0/8", "10.9.9.9"))
    office, _ = server.new_office()
    attacker = "203.0.113.66"
    for n in range(3):  # whatever the attacker writes on the left, the proxy appends the truth
        assert refused(enrol(server, office, WRONG, f"192.0.2.{n}, {attacker}"))
    assert limited(enrol(server, office, WRONG, attacker))
    assert limited(enrol(server, office, WRONG, f"{attacker}, 10.9.9.9"))  # a second proxy
    clerk = "198.51.100.7"
    typo = enrol(server, office, "ABCDE-FGHJK-MNPQR", clerk)
    assert refused(typo) and "salah" in typo.json()["detail"]  # the clerk's own reason
    assert enrol(server, office, server.enrol_code(office), clerk).status_code == 200


def test_client_address() -> None:
    trusted = [ipaddress.ip_network("127.0.0.1"), ipaddress.ip_network("10.0.0.0/8")]
    assert client_address("127.0.0.1", [], trusted) == "127.0.0.1"
    assert client_address("127.0.0.1", ["203.0.113.5"], []) == "127.0.0.1"  # none trusted
    assert client_address("192.0.2.1", ["203.0.113.5"], trusted) == "192.0.2.1"  # untrusted peer
    assert client_address("127.0.0.1", ["1.1.1.1, 203.0.113.5"], trusted) == "203.0.113.5"
    assert client_address("127.0.0.1", ["1.1.1.1", "203.0.113.5, 10.1.2.3"], trusted) == (
        "203.0.113.5"
    )
    assert client_address("127.0.0.1", ["203.0.113.5:4711"], trusted) == "203.0.113.5"
    assert client_address("127.0.0.1", ["[2001:db8::1]:443"], trusted) == "2001:db8::1"
    assert client_address("::ffff:127.0.0.1", ["2001:db8::2"], trusted) == "2001:db8::2"
    assert client_address("127.0.0.1", ["nonsense"], trusted) == "127.0.0.1"
    assert client_address("127.0.0.1", ["10.0.0.1"], trusted) == "10.0.0.1"  # only proxies
    assert client_address(None, ["203.0.113.5"], trusted) == "?"


# -- the verification page ---------------------------------------------------------------------


def _verify_code() -> str:
    return base64.b32encode(os.urandom(13)).decode().lower()[:20]


def _signed_letter(server: Any) -> str:
    """A signed letter the server knows, synced as a PC sends it; its verification code."""
    office, _ = server.new_office()
    pc = server.enrol(office)
    code = _verify_code()
    ack = pc.push(
        "letter",
        str(uuid.uuid4()),
        {
            "status": "signed",
            "sifat": "Rahasia",
            "hal": "Undangan",
            "number": "005/1/Kec.UJI/2026",
            "letter_date": "2026-03-03",
            "signature_kind": "basah",
            "signed_at": "2026-03-03T01:30:00+00:00",
            "verify_code": code,
        },
    )
    assert ack["status"] == "applied", ack
    return code


def ask(server: Any, code: str, forwarded_for: str | None = None) -> requests.Response:
    headers = {"Accept": "application/json"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    return requests.get(f"{server.url}/v/{code}", headers=headers, timeout=30)


def test_a_known_code_is_answered_after_many_unknown_ones(sync_server_factory: Any) -> None:
    server = sync_server_factory(verify_misses=3)
    known = _signed_letter(server)
    for _ in range(3):
        assert ask(server, _verify_code()).status_code == 404
    r = ask(server, _verify_code())
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    page = requests.get(f"{server.url}/v/{_verify_code()}", timeout=30)
    assert page.status_code == 429 and "Terlalu banyak" in page.text  # the HTML page too
    answer = ask(server, known)
    # Answered, not refused (it is BELUM DAPAT DIPASTIKAN: no PDF or signature record sent).
    assert answer.status_code == 200 and answer.json()["code"] == known
    assert requests.get(f"{server.url}/v/{known}", timeout=30).status_code == 200


def test_verification_misses_count_per_forwarded_client(sync_server_factory: Any) -> None:
    server = sync_server_factory(verify_misses=2, trusted_proxies=("127.0.0.1",))
    for _ in range(2):
        assert ask(server, _verify_code(), "203.0.113.66").status_code == 404
    assert ask(server, _verify_code(), "203.0.113.66").status_code == 429
    assert ask(server, _verify_code(), "198.51.100.7").status_code == 404  # someone else


# -- naskah-server serve --trusted-proxy -------------------------------------------------------


def test_serve_believes_forwarded_for_only_from_its_trusted_proxy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, blobs = str(tmp_path / "server.db"), str(tmp_path / "blobs")
    assert main(["init", "--db", db, "--blobs", blobs, "--no-ca"]) == 0
    assert main(["office", "add", "--db", db, "--code", "KEC-WMN", "--name", "Wamena"]) == 0
    assert main(["serve", "--db", db, "--blobs", blobs, "--trusted-proxy", "bukan-alamat"]) == 1
    assert "--trusted-proxy: not an IP address or network: 'bukan-alamat'" in (
        capsys.readouterr().err
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "serve", "--db", db, "--blobs", blobs,
         "--port", str(port), "--trusted-proxy", "10.0.0.0/8,127.0.0.1"],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/api/v1/enroll"

    def attempt(forwarded_for: str, code: str = WRONG) -> requests.Response:
        body = {"office_code": "KEC-WMN", "enrol_code": code, "device_name": "PC"}
        headers = {"X-Forwarded-For": forwarded_for}
        return requests.post(url, json=body, headers=headers, timeout=60)

    try:
        while True:  # until it listens (one that never does: pytest-timeout)
            try:
                requests.get(f"http://127.0.0.1:{port}/api/v1/hello", timeout=60)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, "the server exited"
                time.sleep(0.1)
        for n in range(Settings.enrol_attempts):  # a new guess each time (per-code limit)
            assert refused(attempt("203.0.113.66", f"SALAH-{n:05d}"))
        assert limited(attempt("203.0.113.66, 10.1.1.1"))
        assert refused(attempt("198.51.100.7"))  # another client behind the same proxy
        assert main(["enroll-code", "--db", db, "--office", "KEC-WMN"]) == 0
        code = capsys.readouterr().out.strip()
        assert attempt("203.0.113.66", code).status_code == 200  # even from the attacker's
    finally:
        proc.terminate()
        output = proc.communicate(timeout=60)[0]
    assert "X-Forwarded-For is believed from 10.0.0.0/8, 127.0.0.1 only" in output
