"""PCs talk to the hub over TLS with a certificate from the organisation's CA, checked against
the root each PC pinned: no trust on first use, and a hub with any other certificate is not
used (the PC syncs with central instead)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from sync.client.server_address import CENTRAL, HUB, set_hub_address
from tests.hub.conftest import CERTIFICATES_FROM, Central, Hub, hub_tls_certificate
from tests.hub.test_offline_office import office_of_three, via
from tests.impostor import self_signed
from tests.sync.pcs import draft


def test_pcs_use_the_hub_over_tls_only_with_the_organisations_certificate(
    tmp_path: Path, hubs: list[Hub]
) -> None:
    # OpenSSL judges certificates at the machine's real time: the CA and the hub's certificate
    # are valid from long before the suite's instant (tests/hub/conftest.py).
    central = Central(tmp_path, ca=True, ca_made=CERTIFICATES_FROM)
    central.init()
    central.start()
    try:
        pc1, pc2, _pc3 = office_of_three(central, tmp_path, "KEC-TLS")
        for pc in (pc1, pc2):
            pc.sync()  # the trust material (the root) comes with the syncs
        hub = Hub(tmp_path / "hub", central, "KEC-TLS")
        hub.root.mkdir()
        hubs.append(hub)
        hub.enrol()
        cert, key = hub_tls_certificate(central, hub.root)
        hub.tls = (cert, key)
        hub.verify = str(cert)  # the chain ends in the root: enough for the probe
        hub.start()
        assert hub.url.startswith("https://")
        for pc in (pc1, pc2):
            set_hub_address(pc.store, hub.url)
        letter = draft(pc1, "Surat lewat TLS")
        via(pc1, HUB)
        via(pc2, HUB)
        with pc2.store.engine.connect() as conn:
            assert (
                conn.execute(
                    text("SELECT count(*) FROM letter WHERE id = :i"), {"i": letter}
                ).scalar_one()
                == 1
            )

        # An impostor at the same address, with a certificate the organisation did not issue.
        hub.stop()
        hub.tls = self_signed(hub.root)
        hub.verify = str(hub.tls[0])
        hub.start()
        draft(pc1, "Surat saat ada server palsu")
        # The impostor answers hello as this office's server (it has the real hub's database),
        # so only the certificate check keeps the PC away from it.
        via(pc1, CENTRAL)
    finally:
        central.stop()
