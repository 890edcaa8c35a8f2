"""Server settings: where the data lives and the limits it enforces."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sync.protocol import BATCH_SIZE


@dataclass(frozen=True)
class Settings:
    db_url: str  # sqlite:///path, a bare file path, or postgresql://...
    blob_dir: Path
    page_size: int = BATCH_SIZE  # changes per sync answer
    max_mutations: int = BATCH_SIZE  # mutations per sync request
    lease_block: int = 50  # numbers per lease grant
    lease_low_water: int = 10  # grant a new block when fewer unused numbers remain
    default_series: str = "keluar"
    max_body: int = 16 * 1024 * 1024  # bytes of a request body (after gunzip)
    max_chunk: int = 8 * 1024 * 1024  # bytes of one blob upload chunk
    enrol_attempts: int = 20  # failed enrolments per client address ...
    enrol_window_s: float = 300.0  # ... within this many seconds before 429
    # Signing (docs/sync-protocol.md, "Signing"). Without the passphrase the server still
    # syncs and publishes its trust material, but issues no certificates and no timestamps.
    ca_passphrase: str | None = field(default=None, repr=False, compare=False)
    public_url: str = ""  # base of verification addresses; "" = the stored one or the request's
    cert_days: int = 365  # validity of a signer certificate
    time_zone: str = "Asia/Jakarta"  # how the verification page shows times (WIB)
    verify_misses: int = 120  # unknown verification codes per client address ...
    verify_window_s: float = 300.0  # ... within this many seconds before 429
