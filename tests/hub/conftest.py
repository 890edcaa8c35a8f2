"""Real processes for the office hub tests (docs/office-hub.md): the central server and the hub
are each a ``naskah-server`` process on 127.0.0.1 with its own SQLite file; the PCs are real
stores in this process, acting through the domain services and syncing with the real client.

- ``Central``: ``init``, ``office add``, ``enroll-code`` and ``hub allow`` through the CLI on its
  database (``cli``: the console script's ``main``, in this process); ``start()``/``stop()``
  (SIGTERM)/``kill()`` on the same port and data.
- ``Hub``: enrolled with central through ``naskah-server hub enroll``, allowed, and run with
  ``naskah-server hub serve`` (``start``/``kill`` on the same port and data).
- ``hub_tls_certificate``: a hub's TLS certificate from central's CA (``naskah-server hub cert``).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from sync import clock as server_clock
from tests.clocks import TestClock

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


CA_PASSPHRASE = "kata-sandi-ca-kantor-uji"
# OpenSSL (the PCs' TLS, the readiness probe) judges a certificate at the machine's real time, not
# at the suite's instant. A CA made with ``Central(ca_made=CERTIFICATES_FROM)`` and the hub
# certificates of ``hub_tls_certificate`` are issued as if long ago and last as long as the root
# (20 years), so they are valid at both of the suite's instants and on any day the suite runs
# until the end of 2043, and no test reads the real time to make them.
CERTIFICATES_FROM = datetime(2024, 1, 1, tzinfo=UTC)


def server_command(*args: str, at: datetime | None = None) -> list[str]:
    """``naskah-server ARGS`` as a child process on the suite's clock (tests/hub/clocked.py), or
    with its clock starting at ``at``."""
    instant = at or server_clock.now()
    return [sys.executable, "-m", "tests.hub.clocked", instant.isoformat(), *args]


def cli(*args: str, env: dict[str, str] | None = None, at: datetime | None = None) -> str:
    """``naskah-server ARGS`` (or ``naskah-hub ARGS``); its output. A server command runs in
    this process, through the same ``main`` as the console script, on the suite's clock or one
    starting at ``at``, with ``env`` added to the environment for its duration: a child process
    per command cost each hub test seconds of interpreter start-up. The hub's own program
    (``naskah-hub``), which takes over logging and the standard streams, runs as a child."""
    if args[:1] == ("naskah-hub",):
        done = subprocess.run(
            server_command(*args, at=at),
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()
    from sync.server.cli import main

    out, err = io.StringIO(), io.StringIO()
    at_instant = server_clock.replaced(TestClock(at).utcnow) if at else contextlib.nullcontext()
    with (
        added_env(env or {}),
        at_instant,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main(list(args))
    assert status == 0, err.getvalue()
    return out.getvalue().strip()


@contextlib.contextmanager
def added_env(env: dict[str, str]) -> Iterator[None]:
    """``env`` in ``os.environ`` inside the block, the environment as it was after."""
    before = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def wait_up(url: str, proc: subprocess.Popen[bytes], verify: str | bool = True) -> None:
    while True:  # pytest-timeout ends this if it never comes up
        assert proc.poll() is None, f"{proc.args!r} exited with {proc.returncode}"
        try:
            requests.get(f"{url}/api/v1/hello", timeout=30, verify=verify)
            return
        except requests.ConnectionError:
            time.sleep(0.1)


@dataclass
class Central:
    root: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    lease_block: int = 50
    ca: bool = False  # the organisation's CA (passphrase CA_PASSPHRASE)
    ca_made: datetime | None = None  # when that CA was made (None: at the suite's clock)

    @property
    def db(self) -> str:
        return str(self.root / "central.db")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def init(self) -> None:
        if self.ca:
            blobs = str(self.root / "central-blobs")
            env = {"NASKAH_CA_PASSPHRASE": CA_PASSPHRASE}
            cli(
                "init", "--db", self.db, "--blobs", blobs, "--org", "Kabupaten Uji",
                env=env, at=self.ca_made,
            )  # fmt: skip
        else:
            cli("init", "--db", self.db, "--blobs", str(self.root / "central-blobs"), "--no-ca")

    def start(self) -> None:
        self.proc = subprocess.Popen(
            server_command("serve", "--db", self.db,
             "--blobs", str(self.root / "central-blobs"), "--port", str(self.port),
             "--lease-block", str(self.lease_block)),
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **self.ca_env()},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_up(self.url, self.proc)

    def ca_env(self) -> dict[str, str]:
        """With a CA, central serves certificates and timestamps (its passphrase given)."""
        return {"NASKAH_CA_PASSPHRASE": CA_PASSPHRASE} if self.ca else {}

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(60)

    def add_office(self, code: str) -> str:
        return cli("office", "add", "--db", self.db, "--code", code, "--name", f"Kecamatan {code}")

    def enrol_code(self, office_code: str) -> str:
        return cli("enroll-code", "--db", self.db, "--office", office_code)

    def query(self, sql: str, **params: Any) -> list[Any]:
        engine = create_engine(f"sqlite:///{self.db}")
        try:
            with engine.connect() as conn:
                return list(conn.execute(text(sql), params).all())
        finally:
            engine.dispose()


def hub_tls_certificate(central: Central, directory: Path) -> tuple[Path, Path]:
    """A TLS certificate for a hub at 127.0.0.1 from central's CA, issued by ``naskah-server hub
    cert`` at ``CERTIFICATES_FROM`` for as long as the root lasts (central made with
    ``ca_made=CERTIFICATES_FROM``); returns the chain and key files written in ``directory``."""
    cert, key = directory / "hub.pem", directory / "hub.key"
    cli("hub", "cert", "--db", central.db, "--host", "127.0.0.1",
        "--cert-out", str(cert), "--key-out", str(key), "--days", str(20 * 366),
        env={"NASKAH_CA_PASSPHRASE": CA_PASSPHRASE}, at=CERTIFICATES_FROM)  # fmt: skip
    return cert, key


@dataclass
class Hub:
    root: Path
    central: Central
    office_code: str
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    device_id: str = ""
    log: Path | None = None
    tls: tuple[Path, Path] | None = None  # certificate chain and key files: serve https
    verify: str | bool = True  # what the readiness probe trusts
    lease_block: int | None = None  # numbers per PC sub-lease (None: the hub's default)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def db(self) -> str:
        return str(self.root / "hub.db")

    def enrol(self) -> None:
        self.device_id = cli(
            "hub", "enroll", "--central", self.central.url, "--office", self.office_code,
            "--code", self.central.enrol_code(self.office_code),
            "--token-file", str(self.root / "hub-token"),
        )  # fmt: skip
        cli("hub", "allow", self.device_id, "--db", self.central.db)

    def enrol_code(self) -> tuple[str, str]:
        """A one-time code of the hub's own (``hub enroll-code``) and the root fingerprint it
        prints beside it ("" when the hub holds no root yet)."""
        code, note = cli("hub", "enroll-code", "--db", self.db).splitlines()
        prefix = "root fingerprint: "
        return code, note.removeprefix(prefix) if note.startswith(prefix) else ""

    def start(self, interval: float = 0.5) -> None:
        self.log = self.root / "hub.log"
        out = self.log.open("ab")
        self.proc = subprocess.Popen(
            server_command("hub", "serve",
             "--central", self.central.url, "--token-file", str(self.root / "hub-token"),
             "--db", self.db, "--blobs", str(self.root / "hub-blobs"),
             "--port", str(self.port), "--interval", str(interval), *self.tls_args(),
             *(["--lease-block", str(self.lease_block)] if self.lease_block else [])),
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=out, stderr=out,
        )  # fmt: skip
        out.close()
        wait_up(self.url, self.proc, self.verify)

    def tls_args(self) -> list[str]:
        return ["--certfile", str(self.tls[0]), "--keyfile", str(self.tls[1])] if self.tls else []

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(60)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(60)

    def query(self, sql: str, **params: Any) -> list[Any]:
        engine = create_engine(f"sqlite:///{self.db}")
        try:
            with engine.connect() as conn:
                return list(conn.execute(text(sql), params).all())
        finally:
            engine.dispose()

    def versions(self) -> list[Any]:
        return self.query(
            "SELECT entity, entity_id, version FROM records WHERE entity != 'audit' ORDER BY 1, 2"
        )

    def wait_caught_up(self, office_id: str) -> None:
        """Until the hub relayed everything and holds central's records at central's versions."""
        while True:
            assert self.proc is not None and self.proc.poll() is None, "the hub exited"
            theirs = self.central.query(
                "SELECT entity, entity_id, version FROM records WHERE office_id = :o"
                " AND entity != 'audit' ORDER BY 1, 2",
                o=office_id,
            )
            if not self.queue_length() and self.versions() == theirs:
                return
            time.sleep(0.1)

    def queue_length(self) -> int:
        return int(self.query("SELECT count(*) FROM hub_relay WHERE failed = ''")[0][0])

    def wait_drained(self) -> None:
        """Until the hub has relayed everything (pytest-timeout ends a hang)."""
        while self.queue_length():
            assert self.proc is not None and self.proc.poll() is None, "the hub exited"
            time.sleep(0.1)


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Central]:
    server = Central(tmp_path)
    server.init()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def ca_central(tmp_path: Path) -> Iterator[Central]:
    """Central with the organisation's CA (certificates, timestamps, trust material)."""
    server = Central(tmp_path, ca=True)
    server.init()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def hubs(tmp_path: Path) -> Iterator[list[Hub]]:
    made: list[Hub] = []
    yield made
    for hub in made:
        hub.stop()
