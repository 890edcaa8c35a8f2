"""A hub started with ``--announce`` is found on the LAN by DNS-SD (``_naskah-hub._tcp``); being
found proves nothing, the TLS certificate does (docs/office-hub.md). Multicast DNS on
127.0.0.1 only: the hub binds loopback and the PCs browse loopback (NASKAH_MDNS_INTERFACES)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.client import discover, engine
from sync.client.errors import TlsFailed
from sync.client.server_address import (
    CENTRAL,
    HUB,
    probe_hub,
    set_hub_address,
    sync_by_best_path,
)
from tests.hub.conftest import CERTIFICATES_FROM, Central, Hub, hub_tls_certificate
from tests.hub.test_hub_app import office_of_two
from tests.impostor import self_signed

CODE = "KEC-MDNS"


class AnnouncedHub(Hub):
    """A hub served with ``--announce``."""

    def tls_args(self) -> list[str]:
        return [*super().tls_args(), "--announce"]


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(discover.INTERFACES_ENV, "127.0.0.1")


def ours(found: list[discover.FoundHub]) -> list[discover.FoundHub]:
    """Leave out what other runs on this machine may announce at the same time."""
    return [hub for hub in found if hub.office_code == CODE]


def find_ours(server_id: str) -> discover.FoundHub:
    """Search until our hub is heard (a loaded machine can answer after one browse window; a
    person would search again); pytest-timeout ends a hub that is never heard."""
    while True:
        found = ours(discover.find_hubs(server_id))
        if found:
            (hub,) = found
            return hub


def test_an_announced_hub_is_found_for_this_pcs_server_and_gone_when_it_stops(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, _pc2 = office_of_two(central, tmp_path, CODE)
    state = engine.state_of(pc1.store)
    assert state is not None and state.server_id
    assert ours(discover.find_hubs(state.server_id)) == []  # nothing announced yet

    hub = AnnouncedHub(tmp_path / "hub", central, CODE)
    hub.root.mkdir()
    hubs.append(hub)
    hub.enrol()
    hub.start()
    found = find_ours(state.server_id)
    assert found.url == hub.url  # plain http: the hub listens on loopback only
    assert found.office_name == f"Kecamatan {CODE}" and found.server_id == state.server_id
    probe_hub(pc1.store, found.url)  # it answers as this PC's server

    # A PC of another organisation (another central server) does not list it.
    assert ours(discover.find_hubs("server-lain")) == []

    hub.stop()  # SIGTERM: the hub withdraws its announcement
    assert ours(discover.find_hubs(state.server_id)) == []


def test_being_found_is_not_being_trusted(tmp_path: Path, hubs: list[Hub]) -> None:
    # OpenSSL judges certificates at the machine's real time: the CA and the hub's certificate
    # are valid from long before the suite's instant (tests/hub/conftest.py).
    central = Central(tmp_path, ca=True, ca_made=CERTIFICATES_FROM)
    central.init()
    central.start()
    try:
        pc1, _pc2 = office_of_two(central, tmp_path, CODE)
        pc1.sync()  # the organisation's root comes with the syncs
        state = engine.state_of(pc1.store)
        assert state is not None

        # An impostor on the LAN announces itself as this office's hub (it even has a copy of
        # the hub's database), with a certificate the organisation did not issue.
        hub = AnnouncedHub(tmp_path / "hub", central, CODE)
        hub.root.mkdir()
        hubs.append(hub)
        hub.enrol()
        hub.tls = self_signed(hub.root)
        hub.verify = str(hub.tls[0])
        hub.start()
        found = find_ours(state.server_id)
        assert found.url == hub.url and found.url.startswith("https://")
        with pytest.raises(TlsFailed):
            probe_hub(pc1.store, found.url)
        set_hub_address(pc1.store, found.url)  # even when an administrator keeps it
        assert sync_by_best_path(pc1.store)[0] == CENTRAL

        # The real hub, with its certificate from the organisation's CA, at the same address.
        hub.stop()
        cert, key = hub_tls_certificate(central, hub.root)
        hub.tls, hub.verify = (cert, key), str(cert)
        hub.start()
        found = find_ours(state.server_id)
        probe_hub(pc1.store, found.url)
        assert sync_by_best_path(pc1.store)[0] == HUB
    finally:
        central.stop()
