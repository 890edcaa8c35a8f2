"""Enrolling a PC whose OS keyring cannot keep the device's token.

A Linux box with no keyring daemon, or a locked-down Windows profile, has no usable keyring.
Enrolment checks the keyring before the server spends the one-time code, and if the keyring
breaks after the server answered, the same code enrols the same device again until that device
has synced once. Either way the clerk reads what to do, in Indonesian, and no traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
import requests
from keyring.backends import fail
from keyring.errors import PasswordSetError
from sqlalchemy import select

from desktop.__main__ import main
from desktop.store import sync_models
from sync import sealing
from sync.client import engine
from sync.client.errors import NoKeyring
from sync.server import admin, db
from tests.memory_keyring import MemoryKeyring
from tests.sync.pcs import open_pc, set_up_office

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


class KeepsNoTokens(MemoryKeyring):
    """Passes the throwaway check, then refuses to store the token (a keyring that locks, or
    runs out of room, between the check and the answer)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        if username != "keyring-check":
            raise PasswordSetError("the collection is locked")
        super().set_password(service, username, password)


def _devices(server: Any, office: str) -> list[str]:
    return [d.id for d in admin.list_devices(server.engine, office)]


def _pc(tmp_path: Path, name: str) -> Any:
    pc = open_pc(tmp_path, name)
    set_up_office(pc)
    return pc


def test_no_keyring_refuses_before_the_code_is_spent(
    module_sync_server: Any, tmp_path: Path, capsys: Any
) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    code = server.enrol_code(office)
    _pc(tmp_path, "pc").close()
    data = ["--data-dir", str(tmp_path / "pc")]
    args = ["enroll", *data, "--server", server.url, "--office", office, "--code", code]

    keyring.set_keyring(fail.Keyring())
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("Penyimpanan rahasia sistem (keyring) tidak dapat dipakai")
    assert "Kode pendaftaran belum dipakai." in err and "Traceback" not in err
    assert _devices(server, office) == []  # the server never saw the code

    keyring.set_keyring(MemoryKeyring())  # the IT officer fixed the keyring
    assert main(args) == 0
    assert "PC ini terdaftar" in capsys.readouterr().out
    assert main(["sync", *data]) == 0


def test_a_token_the_keyring_would_not_keep_can_be_fetched_again_with_the_same_code(
    module_sync_server: Any, tmp_path: Path
) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    code = server.enrol_code(office)
    pc = _pc(tmp_path, "pc")

    keyring.set_keyring(KeepsNoTokens())
    with pytest.raises(NoKeyring) as refused:
        engine.enroll(pc.store, server.url, office, code)
    assert "daftarkan lagi dengan kode yang sama" in refused.value.message
    assert engine.state_of(pc.store) is None  # not half-enrolled
    [first] = _devices(server, office)

    keyring.set_keyring(MemoryKeyring())
    state = engine.enroll(pc.store, server.url, office, code)
    assert state.device_id == first  # the same device, with a new token
    assert sync_models.token(state.device_id)
    pc.sync()
    pc.close()

    # Once the device has synced, the code is spent for good.
    other = _pc(tmp_path, "other")
    with pytest.raises(Exception, match="sudah dipakai"):
        engine.enroll(other.store, server.url, office, code)
    other.close()
    assert _devices(server, office) == [first]


def _server_key(server: Any, device_id: str) -> str | None:
    with server.engine.connect() as conn:
        return conn.execute(
            select(db.device_keys.c.public_key).where(db.device_keys.c.device_id == device_id)
        ).scalar_one_or_none()


def test_the_bundle_key_travels_with_the_enrolment_and_a_retry_replaces_it(
    module_sync_server: Any, tmp_path: Path
) -> None:
    """The server holds the device's bundle key from the enrolment answer on, before any sync
    (a PC that then only ever syncs by USB stick is checked against it); a retry with the same
    unused code brings the PC's new key pair, and the server keeps that one."""
    server = module_sync_server
    office, _ = server.new_office()
    code = server.enrol_code(office)
    pc = _pc(tmp_path, "pc")

    keyring.set_keyring(KeepsNoTokens())  # the first answer is lost with the keyring
    with pytest.raises(NoKeyring):
        engine.enroll(pc.store, server.url, office, code)
    [device] = _devices(server, office)
    lost = _server_key(server, device)
    assert lost is not None and "BEGIN PUBLIC KEY" in lost

    keyring.set_keyring(MemoryKeyring())
    state = engine.enroll(pc.store, server.url, office, code)
    held = sync_models.bundle_key(state.device_id)
    assert held is not None
    public = sealing.public_pem(sealing.load_private(held))
    assert _server_key(server, device) == public != lost  # before any sync
    pc.sync()  # the first sync sends the same key: nothing changes
    assert _server_key(server, device) == public
    pc.close()


def test_an_enrolment_with_a_key_that_is_no_key_is_refused_and_spends_no_code(
    module_sync_server: Any,
) -> None:
    server = module_sync_server
    office, _ = server.new_office()
    code = server.enrol_code(office)
    body = {"office_code": office, "enrol_code": code, "device_name": "PC", "device_key": "x" * 90}
    r = requests.post(f"{server.url}/api/v1/enroll", json=body, timeout=30)
    assert r.status_code == 422 and "device_key" in r.text
    assert _devices(server, office) == []
