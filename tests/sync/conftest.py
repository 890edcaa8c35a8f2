"""Fixtures: the real sync server (uvicorn in a thread on 127.0.0.1) on SQLite and PostgreSQL.

- ``sync_server``: a fresh server (own database and blob dir) per test.
- ``module_sync_server``: one server per test module (make a fresh office per test with
  ``new_office()`` to keep tests independent; offices never see each other's data).
- ``sync_server_factory(**settings_overrides)``: fresh servers with other settings (e.g.
  ``page_size=5``), stopped at the end of the test.

Each is parametrised over the engines: ``sqlite`` always, ``postgresql`` when
``NASKAH_TEST_PG_URL`` names a PostgreSQL server (``eval "$(.ci/postgres.sh)"``); every server
gets its own database there, dropped afterwards. To run a test on SQLite only:
``@pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)``.

The ``SyncServer`` object: ``.url``, ``.db_url``, ``.blob_dir``, ``.kind``, ``.engine`` (for
inspecting the database), ``.add_office(code, name) -> office_id``,
``.enrol_code(office_code, hours=24) -> str``, ``.new_office() -> (code, office_id)``,
``.enrol(office_code, name) -> DeviceClient``, ``.stop()``, ``.start()`` (same port, same data),
``.restart()``.

Servers with the organisation's CA (docs/sync-protocol.md, "Signing"): ``pki_server`` (per test)
and ``module_pki_server`` (per module), or ``sync_server_factory(ca=True)``. Their CA is made by
``sync.server.pki.create_ca`` for ``TEST_CA_ORGANISATION`` with ``TEST_CA_PASSPHRASE`` (also on
``.ca_passphrase``); ``.ca_keys()`` unlocks it, ``.revoke(serial, reason)`` revokes a
certificate as ``naskah-server cert revoke`` does. A server with the CA but started without the
passphrase: ``sync_server_factory(ca=True, ca_passphrase=None)``.

A signer the server knows: a device of the office syncs its office record and the person, e.g.
``pc.put_office("Wamena", "Jayawijaya")`` then ``pc.add_person(name, nip, jabatan)`` (roles
"signer" by default); both go through the real ``/api/v1/sync``. ``pc.push(entity, id, fields)``
syncs any one record and returns its ack; ``pc.upload_blob(data)`` uploads a blob whole.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn
from sqlalchemy import Engine, make_url

from sync import sealing
from sync.container import BUNDLE_FORMAT, REPLY_FORMAT, read_container, write_container
from sync.protocol import CLIENT_PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.server import admin, db, pki
from sync.server.app import create_app
from sync.server.settings import Settings

PG_ENV = "NASKAH_TEST_PG_URL"
TEST_CA_ORGANISATION = "Pemerintah Kabupaten Uji"
TEST_CA_PASSPHRASE = "kata-sandi-ca-untuk-uji"
ENGINE_KINDS = ["sqlite", "postgresql"]
_office_numbers = itertools.count(1)


@dataclass
class DeviceClient:
    """An enrolled device speaking HTTP to the server (requests, keep-alive)."""

    url: str
    device_id: str
    office_id: str
    office_code: str
    token: str
    session: requests.Session = field(default_factory=requests.Session)
    office_record_id: str | None = None  # the office record ``put_office`` made
    office_record_version: int = 0
    bundle_key: Any = None  # this device's bundle key, once ``register_bundle_key`` made it
    server_key: str = ""  # the server's public key, learnt with it
    office_key: bytes = b""  # the office's verification-code key, learnt with it

    def __post_init__(self) -> None:
        self.session.headers.update(
            {"Authorization": f"Bearer {self.token}", CLIENT_PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        )

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.url + path, timeout=30, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.post(self.url + path, timeout=30, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.put(self.url + path, timeout=30, **kwargs)

    @staticmethod
    def mutation(
        entity: str,
        entity_id: str,
        fields: dict[str, Any] | None = None,
        *,
        base_version: int = 0,
        op: str = "upsert",
        mutation_id: str | None = None,
    ) -> dict[str, Any]:
        """A mutation as the wire carries it (a fresh mutation_id unless given)."""
        return {
            "mutation_id": mutation_id or str(uuid.uuid4()),
            "entity": entity,
            "entity_id": entity_id,
            "op": op,
            "base_version": base_version,
            "fields": {"id": entity_id, **(fields or {})},
        }

    def sync(
        self, cursor: int = 0, mutations: list[dict[str, Any]] | None = None, lease_epoch: int = 0
    ) -> dict[str, Any]:
        """POST /api/v1/sync and return the answer's JSON (asserting 200)."""
        r = self.post(
            "/api/v1/sync",
            json={"cursor": cursor, "mutations": mutations or [], "lease_epoch": lease_epoch},
        )
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    def push(
        self,
        entity: str,
        entity_id: str,
        fields: dict[str, Any] | None = None,
        *,
        base_version: int = 0,
        op: str = "upsert",
    ) -> dict[str, Any]:
        """Sync one mutation and return its ack."""
        answer = self.sync(
            mutations=[self.mutation(entity, entity_id, fields, base_version=base_version, op=op)]
        )
        ack: dict[str, Any] = answer["acks"][0]
        return ack

    def register_bundle_key(self) -> None:
        """Make this device's bundle key pair and tell the server over sync (as the app does
        in its first sync); ``write_bundle`` and ``read_reply`` then sign and open."""
        if self.bundle_key is None:
            self.bundle_key = sealing.new_private_key()
            r = self.post(
                "/api/v1/sync",
                json={
                    "cursor": 0,
                    "mutations": [],
                    "device_key": sealing.public_pem(self.bundle_key),
                },
            )
            assert r.status_code == 200, r.text
            self.server_key = r.json()["server_key"]
            self.office_key = bytes.fromhex(r.json()["office_key"])

    def write_bundle(self, path: Path, header: dict[str, Any], body: dict[str, Any]) -> None:
        """A bundle file signed with this device's key."""
        self.register_bundle_key()
        key = self.bundle_key
        write_container(path, BUNDLE_FORMAT, header, body, sign=lambda d: sealing.sign(key, d))

    def read_reply(self, path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
        """(header, body) of a reply made for this device, its server signature checked."""
        found = read_container(path, REPLY_FORMAT)
        sealing.verify(self.server_key, found.sha256, found.signature)
        return found.header, sealing.unseal(self.bundle_key, found.body["sealed"])

    def put_office(self, kecamatan: str = "Wamena", kabupaten: str = "Jayawijaya") -> str:
        """Sync this office's ``office`` record (made on the first call, edited afterwards)."""
        fields = {
            "kecamatan": kecamatan,
            "kabupaten": kabupaten,
            "place_name": kecamatan,
            "unit_code": "Kec.UJI",
            "address": "Jl. Uji No. 1",
        }
        record_id = self.office_record_id or str(uuid.uuid4())
        ack = self.push("office", record_id, fields, base_version=self.office_record_version)
        assert ack["status"] in {"applied", "merged"}, ack
        self.office_record_id, self.office_record_version = record_id, ack["version"]
        return record_id

    def add_person(
        self,
        name: str,
        nip: str,
        jabatan: str,
        *,
        roles: str = "signer",
        active: bool = True,
        person_id: str | None = None,
    ) -> str:
        """Sync a person of this office (a signer by default); returns its id."""
        person_id = person_id or str(uuid.uuid4())
        ack = self.push(
            "person",
            person_id,
            {
                "name": name,
                "nip": nip,
                "jabatan": jabatan,
                "pangkat": "",
                "username": f"u{uuid.uuid4().hex[:10]}",
                "roles": roles,
                "active": active,
                "deleted_at": None,
            },
        )
        assert ack["status"] == "applied", ack
        return person_id

    def upload_blob(self, data: bytes) -> str:
        """Upload ``data`` whole as one chunk; returns its SHA-256."""
        sha = hashlib.sha256(data).hexdigest()
        r = self.put(
            f"/api/v1/blobs/{sha}/upload",
            params={"offset": 0},
            data=data,
            headers={"X-Chunk-Sha256": sha, "Content-Type": "application/octet-stream"},
        )
        assert r.status_code == 200 and r.json()["complete"], r.text
        return sha


@dataclass
class SyncServer:
    kind: str
    db_url: str
    blob_dir: Path
    settings: Settings
    port: int
    engine: Engine
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None
    ca_passphrase: str | None = None  # the CA's passphrase when the server has a CA

    def ca_keys(self) -> pki.CaKeys:
        """The server's CA keys, unlocked (the server must have a CA)."""
        assert self.ca_passphrase, "this server has no CA"
        return pki.load_keys(self.engine, self.ca_passphrase)

    def revoke(self, serial: str, reason: str = "unspecified") -> int:
        """Revoke a certificate as ``naskah-server cert revoke`` does; the new CRL number."""
        return pki.revoke(self.engine, self.ca_keys(), serial, reason)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def add_office(self, code: str, name: str) -> str:
        return admin.add_office(self.engine, code, name)

    def enrol_code(self, office_code: str, hours: float = 24) -> str:
        return admin.make_enrol_code(self.engine, office_code, hours)

    def new_office(self, name: str = "Kecamatan Uji") -> tuple[str, str]:
        """A new office with a unique code: (code, office_id)."""
        code = f"KEC-{next(_office_numbers):04d}-{uuid.uuid4().hex[:6].upper()}"
        return code, self.add_office(code, name)

    def enrol(self, office_code: str, name: str = "PC") -> DeviceClient:
        """Enrol a device over HTTP with a fresh one-time code."""
        r = requests.post(
            f"{self.url}/api/v1/enroll",
            timeout=30,
            json={
                "office_code": office_code,
                "enrol_code": self.enrol_code(office_code),
                "device_name": name,
            },
        )
        assert r.status_code == 200, r.text
        body = r.json()
        return DeviceClient(
            self.url, body["device_id"], body["office_id"], body["office_code"], body["token"]
        )

    def start(self) -> None:
        """Serve (again) on the same port and data."""
        if self.running:
            return
        config = uvicorn.Config(
            create_app(self.settings),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=2,
            proxy_headers=False,  # as `naskah-server serve`: only --trusted-proxy is believed
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name=f"sync-server-{self.port}", daemon=True)
        thread.start()
        while not server.started:  # a server that never starts is a hang: pytest-timeout
            if not thread.is_alive():
                raise RuntimeError(f"sync server did not start on port {self.port}")
            time.sleep(0.01)
        self._server, self._thread = server, thread

    def stop(self) -> None:
        """Stop serving (connections are refused until ``start``)."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(10)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(10)
        self._server = self._thread = None

    def restart(self) -> None:
        self.stop()
        self.start()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _database(kind: str, directory: Path) -> Iterator[str]:
    """A fresh database URL of ``kind``; a PostgreSQL database is dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / 'server.db'}"
        return
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f'{PG_ENV} is not set (run: eval "$(.ci/postgres.sh)")')
    import psycopg

    name = f"naskah_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def running_server(
    kind: str, directory: Path, *, ca: bool = False, **overrides: Any
) -> Iterator[SyncServer]:
    """An initialised server of ``kind`` with data in ``directory``, serving until exit. With
    ``ca`` it has the organisation's CA and is given its passphrase (override ``ca_passphrase``
    to start it without)."""
    directory.mkdir(parents=True, exist_ok=True)
    with _database(kind, directory) as db_url:
        blob_dir = directory / "blobs"
        admin.init_server(db_url, blob_dir)
        engine = db.make_engine(db_url)
        passphrase = None
        if ca:
            pki.create_ca(engine, TEST_CA_ORGANISATION, TEST_CA_PASSPHRASE)
            passphrase = TEST_CA_PASSPHRASE
        base = Settings(db_url=db_url, blob_dir=blob_dir, ca_passphrase=passphrase)
        settings = replace(base, **overrides)
        server = SyncServer(kind, db_url, blob_dir, settings, _free_port(), engine)
        server.ca_passphrase = passphrase
        try:
            server.start()
            yield server
        finally:
            server.stop()
            engine.dispose()


@pytest.fixture(params=ENGINE_KINDS)
def sync_engine_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module", params=ENGINE_KINDS)
def module_sync_engine_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def sync_server(sync_engine_kind: str, tmp_path: Path) -> Iterator[SyncServer]:
    """A fresh server for this test."""
    with running_server(sync_engine_kind, tmp_path / "server") as server:
        yield server


@pytest.fixture(scope="module")
def module_sync_server(
    module_sync_engine_kind: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SyncServer]:
    """One server for the whole module (isolate tests by giving each its own office)."""
    directory = tmp_path_factory.mktemp(f"server-{module_sync_engine_kind}")
    with running_server(module_sync_engine_kind, directory) as server:
        yield server


@pytest.fixture
def pki_server(sync_engine_kind: str, tmp_path: Path) -> Iterator[SyncServer]:
    """A fresh server with the organisation's CA (unlocked) for this test."""
    with running_server(sync_engine_kind, tmp_path / "server", ca=True) as server:
        yield server


@pytest.fixture(scope="module")
def module_pki_server(
    module_sync_engine_kind: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SyncServer]:
    """One server with the organisation's CA for the whole module (a fresh office per test)."""
    directory = tmp_path_factory.mktemp(f"pki-server-{module_sync_engine_kind}")
    with running_server(module_sync_engine_kind, directory, ca=True) as server:
        yield server


@pytest.fixture
def sync_server_factory(
    sync_engine_kind: str, tmp_path: Path
) -> Iterator[Callable[..., SyncServer]]:
    """Make servers with settings overrides: ``sync_server_factory(page_size=5)``; with
    ``ca=True`` the server has the organisation's CA."""
    with ExitStack() as stack:
        numbers = itertools.count(1)

        def make(**overrides: Any) -> SyncServer:
            directory = tmp_path / f"server-{next(numbers)}"
            return stack.enter_context(running_server(sync_engine_kind, directory, **overrides))

        yield make
