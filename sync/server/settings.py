"""Server settings: where the data lives and the limits it enforces."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from sync.protocol import BATCH_SIZE, MAX_DELIVERY_PDF, MAX_MUTATIONS, MAX_PAGE, PAGE_BYTES, Limits

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: tuple[str, ...] | list[str]) -> tuple[Network, ...]:
    """Addresses or CIDR networks (``127.0.0.1``, ``10.0.0.0/8``, ``::1``), comma-separated or
    one per value. ValueError names the first one that is not an address or network."""
    networks: list[Network] = []
    for value in values:
        for part in value.split(","):
            text = part.strip()
            if not text:
                continue
            try:
                networks.append(ipaddress.ip_network(text, strict=False))
            except ValueError as exc:
                raise ValueError(f"not an IP address or network: {text!r}") from exc
    return tuple(networks)


@dataclass(frozen=True)
class Settings:
    db_url: str  # sqlite:///path, a bare file path, or postgresql://...
    blob_dir: Path
    page_size: int = BATCH_SIZE  # changes per sync answer to a request without page_bytes
    max_page: int = MAX_PAGE  # changes per sync answer to a request with page_bytes
    page_bytes: int = PAGE_BYTES  # the most JSON bytes of changes a page holds, whatever asked
    max_mutations: int = MAX_MUTATIONS  # mutations per sync request
    # Take audit entries in short form (``SyncRequest.audit``) and say so in ``limits``. Off,
    # the server answers as one of an earlier version: it does not announce it and ignores the
    # field (the client then sends its entries as mutations); tests use that.
    audit_run: bool = True
    lease_block: int = 50  # numbers per lease grant
    lease_low_water: int = 10  # grant a new block when fewer unused numbers remain
    # The most unused numbers per series a device may ask to hold (``SyncRequest.lease_reserve``,
    # a PC going offline for long); a larger request is capped to it, 0 refuses every request.
    lease_reserve_max: int = 500
    # This request's reserve, already capped: set per request by ``leases.for_request``.
    lease_reserve: int = 0
    default_series: str = "keluar"
    max_body: int = 16 * 1024 * 1024  # bytes of a request body (after gunzip)
    max_chunk: int = 8 * 1024 * 1024  # bytes of one blob upload chunk
    max_delivery_pdf: int = MAX_DELIVERY_PDF  # bytes of a letter delivered to another office
    # Failed enrolments counted within ``enrol_window_s`` seconds per client address, per office
    # code named and per code presented; past any of them a further failure is answered 429
    # without its reason. A valid unused code is never refused (docs/sync-protocol.md, "enrol").
    enrol_attempts: int = 20  # per client address
    enrol_office_attempts: int = 50  # per office code named
    enrol_code_attempts: int = 10  # per enrolment code presented
    enrol_window_s: float = 300.0
    # Proxies whose X-Forwarded-For is believed (addresses or networks, e.g. "127.0.0.1" for a
    # TLS proxy on the same box). Empty: the connection's own address is the client's, and
    # X-Forwarded-For is ignored.
    trusted_proxies: tuple[str, ...] = ()
    # Signing (docs/sync-protocol.md, "Signing"). Without the passphrase the server still
    # syncs and publishes its trust material, but issues no certificates and no timestamps.
    ca_passphrase: str | None = field(default=None, repr=False, compare=False)
    public_url: str = ""  # base of verification addresses; "" = the stored one or the request's
    # An office hub only: the central server it syncs with, named in its enrolment answers (a PC
    # enrolled through the hub then roams to central by itself). "" at central.
    central_url: str = ""
    cert_days: int = 365  # validity of a signer certificate
    time_zone: str = "Asia/Jakarta"  # how the verification page shows times (WIB)
    # Unknown verification codes per client address within the window; past it a further
    # unknown code is answered 429. A known code is always answered.
    verify_misses: int = 120
    verify_window_s: float = 300.0
    # PostgreSQL: a request that waits longer than this for an office's lock (held by a stalled
    # or paused server process) is answered 503 with Retry-After instead of waiting forever;
    # a transaction left idle this long (its process paused or hung) is ended by the database,
    # releasing its locks. SQLite waits up to its busy timeout (30 s) and answers 503 as well.
    lock_timeout_s: float = 15.0
    idle_transaction_timeout_s: float = 60.0

    def limits(self) -> Limits:
        """What this server announces (``Hello.limits``, ``SyncResponse.limits``)."""
        return Limits(
            max_mutations=self.max_mutations,
            max_body=self.max_body,
            max_page=self.max_page,
            max_chunk=self.max_chunk,
            audit_run=self.audit_run,
        )
