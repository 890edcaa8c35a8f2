"""Find the office hub on the LAN: browse DNS-SD ``_naskah-hub._tcp`` over multicast DNS
(python-zeroconf); the hub announces itself with ``naskah-server hub serve --announce``.

What is found is only a list of addresses for the administrator to choose from. Nothing here
trusts anything: the address chosen is checked like one typed by hand (``server_address.
probe_hub``: ``hello`` as this PC's server, over TLS verified against the organisation's root
the PC pinned; no trust on first use), and every sync checks it again.

``NASKAH_MDNS_INTERFACES`` (comma-separated IPv4 addresses of this PC) limits the browsing to
those interfaces, e.g. on a PC with both the office LAN and a mobile hotspot. Network I/O:
call ``find_hubs`` off the GUI thread. No Qt here.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

from zeroconf import InterfaceChoice, IPVersion, ServiceBrowser, ServiceListener, Zeroconf

from sync.client.errors import BadServerUrl
from sync.client.server_address import check_hub_address

SERVICE_TYPE = "_naskah-hub._tcp.local."
INTERFACES_ENV = "NASKAH_MDNS_INTERFACES"
BROWSE_S = 2.0  # hubs answer a query within a few hundred ms on a LAN
RESOLVE_MS = 1500


@dataclass(frozen=True)
class FoundHub:
    url: str  # scheme://address:port, as it would be typed
    office_code: str
    office_name: str
    server_id: str  # central's, as the hub claims it (claimed, not proved)
    name: str  # the DNS-SD instance name


class _Names(ServiceListener):
    def __init__(self) -> None:
        self.names: set[str] = set()
        self._lock = threading.Lock()

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        with self._lock:
            self.names.add(name)

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.add_service(zc, type_, name)

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        with self._lock:
            self.names.discard(name)

    def snapshot(self) -> list[str]:
        with self._lock:
            return sorted(self.names)


def interfaces() -> InterfaceChoice | list[str]:
    chosen = [a.strip() for a in os.environ.get(INTERFACES_ENV, "").split(",") if a.strip()]
    return chosen or InterfaceChoice.All


def find_hubs(server_id: str = "", *, browse_s: float = BROWSE_S) -> list[FoundHub]:
    """The hubs announcing themselves on the LAN within ``browse_s`` seconds, one entry per
    address, sorted; with ``server_id``, only those claiming that central server (this PC's).
    An announcement whose address would not be accepted (plain http beyond loopback) is left
    out."""
    zc = Zeroconf(interfaces=interfaces(), ip_version=IPVersion.V4Only)
    try:
        listener = _Names()
        browser = ServiceBrowser(zc, SERVICE_TYPE, listener)
        time.sleep(browse_s)
        browser.cancel()
        found: set[FoundHub] = set()
        for name in listener.snapshot():
            info = zc.get_service_info(SERVICE_TYPE, name, timeout=RESOLVE_MS)
            if info is None or info.port is None:
                continue
            txt = {
                k.decode(errors="replace"): (v or b"").decode(errors="replace")
                for k, v in info.properties.items()
            }
            if server_id and txt.get("server_id") != server_id:
                continue
            scheme = "http" if txt.get("scheme") == "http" else "https"
            for address in info.parsed_addresses(IPVersion.V4Only):
                try:
                    url = check_hub_address(f"{scheme}://{address}:{info.port}")
                except BadServerUrl:
                    continue
                found.add(FoundHub(url, txt.get("office", ""), txt.get("office_name", ""),
                                   txt.get("server_id", ""), name))  # fmt: skip
        return sorted(found, key=lambda hub: (hub.office_code, hub.url))
    finally:
        zc.close()
