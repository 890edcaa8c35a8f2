"""A brand-new PC enrols through the office hub over TLS while central is down
(docs/office-hub.md, "Enrolment through the hub"): it holds no root yet, so it trusts the hub
only through the root fingerprint printed beside the hub's code; the hub's answer names central,
so the PC roams to central by itself once it leaves the office."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from cryptography import x509
from sqlalchemy import text

from desktop.store import sync_models
from sync.client import engine, server_address
from sync.client.errors import BadFingerprint, TlsFailed
from sync.client.server_address import CENTRAL, HUB
from sync.pki.tls import root_fingerprint
from tests.hub.conftest import CERTIFICATES_FROM, Central, Hub, hub_tls_certificate
from tests.hub.test_offline_office import office_of_three, via
from tests.impostor import self_signed
from tests.sync.pcs import PC, draft, open_pc


def tls_hub(central: Central, root: Path, office: str, hubs: list[Hub]) -> Hub:
    """A hub serving https with a certificate from the organisation's CA, holding central's
    trust material (its first upstream round fetched it)."""
    hub = Hub(root / "hub", central, office)
    hub.root.mkdir()
    hubs.append(hub)
    hub.enrol()
    cert, key = hub_tls_certificate(central, hub.root)
    hub.tls = (cert, key)
    hub.verify = str(cert)  # the chain ends in the root: enough for the readiness probe
    hub.start()
    while not hub.query("SELECT count(*) FROM hub_state WHERE key = 'trust'")[0][0]:
        assert hub.proc is not None and hub.proc.poll() is None, "the hub exited"
        time.sleep(0.1)  # pytest-timeout ends this if the trust never comes
    return hub


def pinned_root(pc: PC) -> str:
    with pc.store.read() as session:
        trust = session.get(sync_models.TrustMaterial, 1)
        return trust.root_pem if trust is not None else ""


def test_a_new_pc_enrols_through_a_tls_hub_with_the_root_fingerprint_and_roams_to_central(
    tmp_path: Path, hubs: list[Hub]
) -> None:
    central = Central(tmp_path, ca=True, ca_made=CERTIFICATES_FROM)  # see CERTIFICATES_FROM
    central.init()
    central.start()
    try:
        pc1, _pc2, _pc3 = office_of_three(central, tmp_path, "KEC-FPR")
        pc1.sync()  # the trust material (the root) comes with the syncs
        office_root = pinned_root(pc1)
        assert office_root
        hub = tls_hub(central, tmp_path, "KEC-FPR", hubs)
        server_address.set_hub_address(pc1.store, hub.url)
        letter = draft(pc1, "Surat sebelum PC baru datang")
        via(pc1, HUB)
        central.stop()  # no internet for the rest of the enrolment

        code, fingerprint = hub.enrol_code()
        assert fingerprint == root_fingerprint(office_root)
        new = open_pc(tmp_path, "pc-baru")

        # Without the fingerprint the hub's certificate cannot be checked: refused, nothing kept.
        with pytest.raises(TlsFailed):
            server_address.enroll(new.store, hub.url, "KEC-FPR", code, "PC baru")
        # A fingerprint that is not one, or another root's: nothing is sent to the hub.
        with pytest.raises(BadFingerprint, match="24 angka"):
            server_address.enroll(new.store, hub.url, "KEC-FPR", code, root_fingerprint="12-XY")
        other_root = self_signed(tmp_path)[0].read_text()
        with pytest.raises(BadFingerprint, match="tidak cocok"):
            server_address.enroll(new.store, hub.url, "KEC-FPR", code,
                                  root_fingerprint=root_fingerprint(other_root))  # fmt: skip
        assert engine.state_of(new.store) is None
        assert pinned_root(new) == ""

        # Typed as printed (spaces instead of dashes, lower case): enrolled through the hub.
        typed = fingerprint.replace("-", " ").lower()
        state = server_address.enroll(new.store, hub.url, "KEC-FPR", code, "PC baru",
                                      root_fingerprint=typed)  # fmt: skip
        assert state.server_url == central.url  # named by the hub: the PC can roam
        assert server_address.hub_address(new.store) == hub.url
        assert x509.load_pem_x509_certificate(pinned_root(new).encode()) == (
            x509.load_pem_x509_certificate(office_root.encode())
        )
        via(new, HUB)  # verified against the pinned root; the office's records come down
        with new.store.engine.connect() as conn:
            assert conn.execute(
                text("SELECT count(*) FROM letter WHERE id = :i"), {"i": letter}
            ).scalar_one() == 1  # fmt: skip
        mine = draft(new, "Surat dari PC baru")
        via(new, HUB)

        # An impostor at the hub's address serving the real root (it copied the hub's
        # database) but without a certificate from the organisation: enrolment stops at TLS.
        hub.stop()
        hub.tls = self_signed(hub.root)
        hub.verify = str(hub.tls[0])
        hub.start()
        code2, _ = hub.enrol_code()
        other = open_pc(tmp_path, "pc-lain")
        with pytest.raises(TlsFailed):
            server_address.enroll(other.store, hub.url, "KEC-FPR", code2,
                                  root_fingerprint=fingerprint)  # fmt: skip
        assert engine.state_of(other.store) is None

        # Central comes back; the hub is gone: the new PC syncs with central by itself, with
        # the token the hub gave it (the real hub confirmed the device upstream first).
        hub.stop()
        hub.tls = (hub.root / "hub.pem", hub.root / "hub.key")
        hub.verify = str(hub.tls[0])
        central.start()
        hub.start()
        hub.wait_caught_up(state.office_id)
        hub.stop()
        draft(new, "Surat dari desa")
        via(new, CENTRAL)
        assert central.query(
            "SELECT count(*) FROM records WHERE entity = 'letter' AND entity_id = :i", i=mine
        )[0][0] == 1  # fmt: skip
    finally:
        central.stop()
