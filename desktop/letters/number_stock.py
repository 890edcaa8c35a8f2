"""Numbers left on an enrolled PC: how many of the server's leased numbers remain in each series
a person numbers in, and the administrator's request for more before a long time offline.

A standalone PC counts locally and never runs out; an enrolled PC issues only from the blocks
the server leased it (``sync_models.NumberLease``), so a signer or registrar away from any link
for long can run out. The status bar shows what is left (``stock``) and warns below ``FEW``;
an administrator can ask the server for up to ``MAX_LEASE_RESERVE`` unused numbers per series
(``request_reserve``), granted at the next sync within the server's own limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from desktop.i18n import _
from desktop.letters.accounts import CurrentUser, Role, require
from desktop.letters.errors import ServiceError, ValidationError
from desktop.letters.numbering import INCOMING, OUTGOING, series_for, series_wanted
from desktop.letters.templates import letter_types
from desktop.store import clock, sync_models
from desktop.store.db import Store
from desktop.store.models import Office
from desktop.store.sync_models import NumberLease, SyncState
from sync.protocol import MAX_LEASE_RESERVE

FEW = 10  # fewer numbers left than this in a series: the status bar warns


@dataclass(frozen=True)
class SeriesLeft:
    series: str
    year: int
    left: int  # numbers this PC may still issue from its leases
    held: bool  # the PC has held a block of this series and year (False: none came yet)

    @property
    def few(self) -> bool:
        return self.left < FEW


@dataclass(frozen=True)
class Stock:
    """What an enrolled PC has left, for the series a person numbers in (None from ``stock``
    on a standalone PC, or for a person who numbers nothing)."""

    series: tuple[SeriesLeft, ...]
    void: bool  # the store was restored from a backup: nothing usable until the next sync
    reserve: int  # unused numbers per series asked for and not yet granted (0: none)

    @property
    def lowest(self) -> SeriesLeft:
        return min(self.series, key=lambda s: (s.left, s.series))


def series_of(session: Session, user: CurrentUser | None) -> list[str]:
    """The series ``user`` issues numbers from: outgoing letters for a signer (one per letter
    type where the office numbers per type), agenda numbers for a registrar or administrator;
    for no user, every series the PC asks leases for."""
    if user is None:
        return series_wanted(session)
    found: list[str] = []
    office = session.exec(select(Office)).first()
    if user.has(Role.SIGNER):
        if office is not None and office.series_per_type:
            found += sorted({series_for(office, key) for key in letter_types()})
        else:
            found.append(OUTGOING)
    if user.has(Role.REGISTRAR) or user.has(Role.ADMIN):
        found.append(INCOMING)
    return found


def left_in(session: Session, state: SyncState, series: str, year: int) -> SeriesLeft:
    """Numbers left in this PC's leases of ``series``/``year`` (what ``take_leased_number``
    would still hand out: above the highest number the keyring says this device issued)."""
    floor = sync_models.issued_high_water(state.device_id, series, year)
    leases = session.exec(
        select(NumberLease).where(NumberLease.series == series, NumberLease.year == year)
    ).all()
    left = sum(max(0, lease.end - max(lease.next, floor + 1) + 1) for lease in leases)
    if sync_models.leases_void(state):
        left = 0
    return SeriesLeft(series=series, year=year, left=left, held=bool(leases))


def stock(store: Store, user: CurrentUser | None, on: date | None = None) -> Stock | None:
    """Numbers left for ``user`` in ``on``'s year (default today), one entry per series they
    number in (every series the PC leases for no user); None on a standalone PC or for a
    person who numbers nothing. Read only."""
    year = (on or clock.today()).year
    with store.read() as session:
        state = sync_models.enrolment(session)
        if state is None:
            return None
        names = series_of(session, user)
        if not names:
            return None
        return Stock(
            series=tuple(left_in(session, state, name, year) for name in names),
            void=sync_models.leases_void(state),
            reserve=state.lease_reserve,
        )


class NotEnrolled(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "PC ini belum terdaftar di server: nomor diberikan oleh PC ini sendiri dan "
                "tidak akan habis."
            )
        )


def request_reserve(store: Store, user: CurrentUser, count: int) -> int:
    """Ask the server, at the next sync, to top each series this PC leases up to ``count``
    unused numbers (an administrator, before the PC goes offline for long); 0 withdraws a
    request not yet granted. The server grants at most its own limit. Returns ``count``.

    One write of the PC's sync state (not synced, no audit entry: nothing official changes
    until numbers are issued). ValidationError for a count out of range, NotEnrolled on a
    standalone PC, PermissionDenied for anyone but an administrator."""
    require(user, Role.ADMIN)
    if not 0 <= count <= MAX_LEASE_RESERVE:
        raise ValidationError(
            {"count": _("Jumlah nomor harus antara 0 dan {n}.").format(n=MAX_LEASE_RESERVE)}
        )
    with store.write() as session:
        state = sync_models.enrolment(session)
        if state is None:
            raise NotEnrolled()
        state.lease_reserve = count
        session.add(state)
    return count
