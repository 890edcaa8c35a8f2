"""Number leases: disjoint blocks of sequence numbers per device, series and year.

Rules (docs/sync-protocol.md, "Number leases"):
- Blocks come from a per-(office, series, year) counter that only moves forward, so no two
  devices (and no two grants) ever share a number. Each answer that grants anything stamps its
  grants with the device's next epoch.
- ``lease_epoch`` in a request is the newest epoch whose grants the device holds. Grants with a
  higher epoch never reached it (a lost answer) or were lost with a store restored from a backup:
  they are voided (their numbers are never handed out again) after the request's mutations are
  applied, and fresh blocks are granted. A device that has voided its own leases (restored
  store) sends 0: all its leases are voided and it gets fresh ones. A request without it, or
  with an epoch the server never granted, voids nothing.
- An ``issued_number`` is accepted only inside a non-void lease of the sending device, and only
  once per office, series, year and seq.
- A request may ask to hold more unused numbers than usual (``lease_reserve``: a PC going
  offline for long); each series is topped up to that many, capped by the server's
  ``lease_reserve_max``. Asking again once it holds them grants nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from sync.protocol import MAX_INT, MAX_SERIES_WANTED, SERIES_PATTERN, LeaseGrant
from sync.server import db
from sync.server.auth import Device
from sync.server.settings import Settings

SeriesYear = tuple[str, int]


class Block(Protocol):
    """A lease as the protocol's models carry it (a grant, a relayed or claimed sub-lease, a
    lease mirrored from central)."""

    @property
    def series(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def epoch(self) -> int: ...


def record_lease(
    conn: Connection, office_id: str, device_id: str, lease: Block, now: datetime | None = None
) -> None:
    """Store ``lease`` as a live lease of ``device_id`` (granted, relayed from a hub, mirrored
    from central or claimed at a restored hub)."""
    conn.execute(
        db.leases.insert().values(
            office_id=office_id,
            device_id=device_id,
            series=lease.series,
            year=lease.year,
            start_seq=lease.start,
            end_seq=lease.end,
            epoch=lease.epoch,
            created_at=now or db.utcnow(),
        )
    )


def number_key(fields: dict[str, Any]) -> tuple[str, int, int] | None:
    """(series, year, seq) of an issued_number payload, or None if they are not well formed."""
    series, year, seq = fields.get("series"), fields.get("year"), fields.get("seq")
    if not isinstance(series, str) or not series or len(series) > 64:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (year, seq)):
        return None
    if not (1 <= int(year) <= 9999 and 1 <= int(seq) <= MAX_INT):  # type: ignore[arg-type]
        return None
    return series, int(year), int(seq)  # type: ignore[arg-type]


_SERIES = re.compile(SERIES_PATTERN)


def wanted_series(settings: Settings, requested: list[str], now: datetime) -> set[SeriesYear]:
    """The (series, year) pairs a sync request should hold leases for: the server's default
    series and the well-formed ones the device asked for (the first MAX_SERIES_WANTED distinct;
    others are ignored), for this year, and in December for next year as well (a PC offline
    over new year can still number in January)."""
    series = [settings.default_series]
    for name in requested[:MAX_SERIES_WANTED]:
        if isinstance(name, str) and _SERIES.fullmatch(name) and name not in series:
            series.append(name)
    years = [now.year, now.year + 1] if now.month == 12 else [now.year]
    return {(s, y) for s in series for y in years}


def for_request(settings: Settings, reserve: int | None) -> Settings:
    """``settings`` for granting the leases of one request that asked to hold ``reserve``
    unused numbers per series (None: the usual blocks), capped by ``lease_reserve_max``."""
    if not reserve:
        return settings
    return replace(settings, lease_reserve=max(0, min(reserve, settings.lease_reserve_max)))


def _taken(conn: Connection, office_id: str, key: tuple[str, int, int]) -> bool:
    series, year, seq = key
    n = db.issued_numbers.c
    return (
        conn.execute(
            select(n.entity_id).where(
                n.office_id == office_id, n.series == series, n.year == year, n.seq == seq
            )
        ).first()
        is not None
    )


def _leased(conn: Connection, whose: Any, key: tuple[str, int, int]) -> bool:
    """Is ``key`` inside a live lease matching ``whose`` (a device's, or an office's)?"""
    series, year, seq = key
    t = db.leases.c
    return (
        conn.execute(
            select(t.id).where(
                whose,
                t.series == series,
                t.year == year,
                t.start_seq <= seq,
                t.end_seq >= seq,
                t.voided_at.is_(None),
            )
        ).first()
        is not None
    )


def check_number(conn: Connection, device: Device, key: tuple[str, int, int]) -> str:
    """Why the device may not issue ``key`` now ("" if it may)."""
    series, year, seq = key
    if not _leased(conn, db.leases.c.device_id == device.id, key):
        return f"nomor {series}/{year}/{seq} di luar blok nomor (lease) perangkat ini"
    if _taken(conn, device.office_id, key):
        return f"nomor {series}/{year}/{seq} sudah terpakai"
    return ""


def issued_before_enrolment(conn: Connection, device: Device, fields: dict[str, Any]) -> bool:
    """Did the device issue this number before it was enrolled (a PC that worked standalone
    first)? Judged by the number's ``issued_at`` against the server's enrolment time."""
    try:
        issued = datetime.fromisoformat(str(fields.get("issued_at")))
    except ValueError:
        return False
    enrolled: datetime = conn.execute(
        select(db.devices.c.created_at).where(db.devices.c.id == device.id)
    ).scalar_one()
    if issued.tzinfo is None:
        issued = issued.replace(tzinfo=UTC)
    return issued < db.aware(enrolled)


def adoption_problem(conn: Connection, device: Device, key: tuple[str, int, int]) -> str:
    """Why a number issued before enrolment cannot become the office's ("" if it can): it is
    taken, or inside a block another PC holds. The message says what the office should do."""
    series, year, seq = key
    advice = "; batalkan nomor itu di PC ini dan tandatangani ulang suratnya dengan nomor baru"
    if _taken(conn, device.office_id, key):
        return f"nomor {series}/{year}/{seq} dari sebelum PC ini terdaftar sudah terpakai{advice}"
    if _leased(conn, db.leases.c.office_id == device.office_id, key):
        return (
            f"nomor {series}/{year}/{seq} dari sebelum PC ini terdaftar sudah dibagikan ke PC "
            f"lain{advice}"
        )
    return ""


def adopt_number(conn: Connection, device: Device, key: tuple[str, int, int]) -> None:
    """Make a pre-enrolment number the office's: later blocks start above it."""
    series, year, seq = key
    c = db.lease_counters
    where = (c.c.office_id == device.office_id, c.c.series == series, c.c.year == year)
    current = conn.execute(select(c.c.next_seq).where(*where)).scalar()
    if current is None:
        conn.execute(
            c.insert().values(
                office_id=device.office_id, series=series, year=year, next_seq=seq + 1
            )
        )
    elif current <= seq:
        conn.execute(c.update().where(*where).values(next_seq=seq + 1))


def record_number(
    conn: Connection, device: Device, key: tuple[str, int, int], entity_id: str
) -> None:
    """Remember an accepted number (the unique constraint is the last line of defence)."""
    series, year, seq = key
    conn.execute(
        db.issued_numbers.insert().values(
            office_id=device.office_id,
            series=series,
            year=year,
            seq=seq,
            entity_id=entity_id,
            device_id=device.id,
        )
    )


def _unused(conn: Connection, device: Device, series: str, year: int) -> int:
    """Numbers left in the device's live blocks above the highest one it has issued in each."""
    blocks = conn.execute(
        select(db.leases.c.start_seq, db.leases.c.end_seq).where(
            db.leases.c.device_id == device.id,
            db.leases.c.series == series,
            db.leases.c.year == year,
            db.leases.c.voided_at.is_(None),
        )
    ).all()
    left = 0
    for start, end in ((int(b.start_seq), int(b.end_seq)) for b in blocks):
        used = conn.execute(
            select(func.max(db.issued_numbers.c.seq)).where(
                db.issued_numbers.c.office_id == device.office_id,
                db.issued_numbers.c.series == series,
                db.issued_numbers.c.year == year,
                db.issued_numbers.c.seq >= start,
                db.issued_numbers.c.seq <= end,
            )
        ).scalar()
        left += end - (used if used is not None else start - 1)
    return left


# Where a grant's numbers come from: (conn, office_id, series, year, size) -> (first, last), or
# None when there are none to give. Central reserves them from the office's counter; an office
# hub sub-leases them out of the blocks central granted it (sync.hub.service).
BlockSource = Callable[[Connection, str, str, int, int], "tuple[int, int] | None"]


def office_block(
    conn: Connection, office_id: str, series: str, year: int, size: int
) -> tuple[int, int]:
    """``size`` numbers reserved from the office's counter: (first, last)."""
    start = _take_block(conn, office_id, series, year, size)
    return start, start + size - 1


def _take_block(conn: Connection, office_id: str, series: str, year: int, size: int) -> int:
    """Reserve ``size`` numbers from the office's counter; return the first."""
    c = db.lease_counters
    key = (c.c.office_id == office_id, c.c.series == series, c.c.year == year)
    start = conn.execute(select(c.c.next_seq).where(*key)).scalar()
    if start is None:
        issued = conn.execute(
            select(func.max(db.issued_numbers.c.seq)).where(
                db.issued_numbers.c.office_id == office_id,
                db.issued_numbers.c.series == series,
                db.issued_numbers.c.year == year,
            )
        ).scalar()
        start = (issued or 0) + 1
        conn.execute(
            c.insert().values(office_id=office_id, series=series, year=year, next_seq=start + size)
        )
    else:
        conn.execute(c.update().where(*key).values(next_seq=start + size))
    return int(start)


def top_up(
    conn: Connection,
    device: Device,
    settings: Settings,
    held_epoch: int | None,
    wanted: set[SeriesYear],
    source: BlockSource = office_block,
) -> list[LeaseGrant]:
    """Void grants the device does not hold, then grant a block from ``source`` for every
    series and year in ``wanted`` (plus those of its live leases in or after the earliest wanted
    year) that runs low: below ``lease_low_water`` unused numbers (a block of ``lease_block``),
    or below the request's ``lease_reserve`` (a block that makes up the difference); a series
    ``source`` has no numbers for gets none (the device keeps its remainder). Caller holds the
    office lock. Returns the new grants (all with one new epoch)."""
    now = db.utcnow()
    newest = int(
        conn.execute(
            select(db.devices.c.lease_epoch).where(db.devices.c.id == device.id)
        ).scalar_one()
    )
    # A device cannot hold grants the server never made: a higher claim (or none at all)
    # voids nothing and moves no counter.
    held_epoch = newest if held_epoch is None else min(held_epoch, newest)
    conn.execute(
        db.leases.update()
        .where(
            db.leases.c.device_id == device.id,
            db.leases.c.epoch > held_epoch,
            db.leases.c.voided_at.is_(None),
        )
        .values(voided_at=now)
    )
    min_year = min((y for _, y in wanted), default=0)
    live = conn.execute(
        select(db.leases.c.series, db.leases.c.year)
        .distinct()
        .where(
            db.leases.c.device_id == device.id,
            db.leases.c.voided_at.is_(None),
            db.leases.c.year >= min_year,
        )
    ).all()
    wanted = wanted | {(str(row.series), int(row.year)) for row in live}
    epoch = newest + 1
    grants: list[LeaseGrant] = []
    for series, year in sorted(wanted):
        unused = _unused(conn, device, series, year)
        if unused >= max(settings.lease_low_water, settings.lease_reserve):
            continue
        size = max(settings.lease_block, settings.lease_reserve - unused)
        block = source(conn, device.office_id, series, year, size)
        if block is None:
            continue
        start, end = block
        grant = LeaseGrant(series=series, year=year, start=start, end=end, epoch=epoch)
        record_lease(conn, device.office_id, device.id, grant, now)
        grants.append(grant)
    if grants:
        conn.execute(
            db.devices.update().where(db.devices.c.id == device.id).values(lease_epoch=epoch)
        )
    return grants
