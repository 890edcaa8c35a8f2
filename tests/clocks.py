"""The suite's clock: every test runs at a fixed instant, never at today's date.

Both clocks the product reads (``desktop.store.clock`` on the PCs, ``sync.server.clock`` on the
server) are set to one ``TestClock`` for the whole session and reset to its start instant before
each test. The clock then runs at real speed from there (ids stay time-ordered, timeouts still
expire), so a test's dates are those of the start instant whatever day the suite runs on.

The start instant comes from ``NASKAH_TEST_CLOCK``: ``december`` (the default: a PC holds leases
of two years), ``january`` (the series have restarted), or an ISO 8601 instant with its offset.
CI runs the default suite once with each (.ci/run). The suite's local time zone is Papua's
(WIT, UTC+9), where the date turns nine hours before UTC's.

A test moves the clock with ``test_clock.at(instant)`` (runs from there) or
``test_clock.freeze(instant)`` (stands still until moved again).
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta, timezone

WIT = timezone(timedelta(hours=9), "WIT")
INSTANTS = {
    # A Tuesday in mid-December and one in mid-January, in office hours.
    "december": datetime(2026, 12, 15, 9, 30, tzinfo=WIT),
    "january": datetime(2027, 1, 12, 9, 30, tzinfo=WIT),
}
ENV = "NASKAH_TEST_CLOCK"


def start_instant() -> datetime:
    value = os.environ.get(ENV, "december").strip()
    if value in INSTANTS:
        return INSTANTS[value]
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise SystemExit(
            f"{ENV}={value!r}: use one of {', '.join(INSTANTS)} or an ISO 8601 instant"
        ) from None
    if instant.tzinfo is None:
        raise SystemExit(f"{ENV}={value!r}: give the instant's UTC offset, e.g. +09:00")
    return instant


class TestClock:
    """A clock that starts at a given instant and runs at real speed, or stands still."""

    __test__ = False  # not a test class for pytest

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.at(start)

    def at(self, instant: datetime) -> None:
        """From now on the clock reads ``instant`` plus the real time elapsed since this call."""
        self._base = instant
        self._since: float | None = time.monotonic()

    def freeze(self, instant: datetime) -> None:
        """The clock reads ``instant`` until it is moved again."""
        self._base = instant
        self._since = None

    def advance(self, delta: timedelta) -> None:
        """Jump forward (or back) by ``delta``, keeping whether the clock runs or stands."""
        running = self._since is not None
        base = self.now() + delta
        if running:
            self.at(base)
        else:
            self.freeze(base)

    def reset(self) -> None:
        self.at(self.start)

    def now(self) -> datetime:
        if self._since is None:
            return self._base
        return self._base + timedelta(seconds=time.monotonic() - self._since)

    def utcnow(self) -> datetime:
        """What the product's clocks read: timezone-aware UTC."""
        return self.now().astimezone(UTC)
