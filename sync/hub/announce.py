"""The hub tells the office's LAN where it is: DNS-SD over multicast DNS (python-zeroconf), service
type ``_naskah-hub._tcp`` (``naskah-server hub serve --announce``; docs/office-hub.md).

The announcement only helps a PC *find* an address. It proves nothing: anyone on the LAN can
announce the same service. A PC trusts the hub only through its TLS certificate, issued by the
organisation's CA and checked against the root the PC pinned at enrolment, exactly as for an
address typed by hand (``sync.client.server_address.probe_hub``); the TXT record's ``server_id``
only lets a PC leave out hubs of other organisations from its list.

TXT record: ``scheme`` (https, or http on loopback), ``office`` (its code), ``office_name``,
``server_id`` (central's, which the hub answers ``hello`` with), ``protocol``.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass

from sqlalchemy import Engine, select
from zeroconf import InterfaceChoice, IPVersion, ServiceInfo, Zeroconf, get_all_addresses

from sync.hub import mirror
from sync.protocol import PROTOCOL_VERSION
from sync.server import db

log = logging.getLogger("naskah.hub")
SERVICE_TYPE = "_naskah-hub._tcp.local."
ANY = ("", "0.0.0.0")
NAME_BYTES = 63  # DNS-SD's limit on an instance name


@dataclass
class Announcement:
    zeroconf: Zeroconf
    info: ServiceInfo

    @property
    def name(self) -> str:
        return self.info.name

    def close(self) -> None:
        """Withdraw the announcement (goodbye packets) and stop answering."""
        try:
            self.zeroconf.unregister_service(self.info)
        finally:
            self.zeroconf.close()


def announce(engine: Engine, *, host: str, port: int, tls: bool) -> Announcement:
    """Announce the hub serving on ``host:port`` (its database ``engine`` says which office).

    A hub bound to every interface (``0.0.0.0``) announces each IPv4 address of the machine
    but loopback, on every interface; one bound to an address announces that one only, on its
    interface (so a hub on 127.0.0.1 is heard on this machine only)."""
    office, name, server_id = _identity(engine)
    if host in ANY:
        addresses = [a for a in get_all_addresses() if not a.startswith("127.")]
        interfaces: InterfaceChoice | list[str] = InterfaceChoice.All
    else:
        address = socket.gethostbyname(host)
        addresses, interfaces = [address], [address]
    instance = f"Naskah {office} {socket.gethostname()} {port}"
    instance = instance.encode()[:NAME_BYTES].decode(errors="ignore").strip()
    info = ServiceInfo(
        SERVICE_TYPE,
        f"{instance}.{SERVICE_TYPE}",
        addresses=[socket.inet_aton(a) for a in addresses],
        port=port,
        properties={
            "scheme": "https" if tls else "http",
            "office": office,
            "office_name": name,
            "server_id": server_id,
            "protocol": str(PROTOCOL_VERSION),
        },
        server=f"{socket.gethostname()}-naskah-hub.local.",
    )
    zc = Zeroconf(interfaces=interfaces, ip_version=IPVersion.V4Only)
    try:
        zc.register_service(info, allow_name_change=True)
    except Exception:
        zc.close()
        raise
    log.info("announced %s at %s port %d", info.name, ", ".join(addresses), port)
    return Announcement(zc, info)


def _identity(engine: Engine) -> tuple[str, str, str]:
    """The office's code and name and central's server id, as the hub mirrored them."""
    office_id = mirror.office_id(engine)
    with db.read_tx(engine) as conn:
        row = conn.execute(
            select(db.offices.c.code, db.offices.c.name).where(db.offices.c.id == office_id)
        ).first()
        server_id = conn.execute(select(db.server_identity.c.server_id)).scalar()
    return (str(row[0]) if row else "", str(row[1]) if row else "", str(server_id or ""))
