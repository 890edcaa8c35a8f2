"""The central server's notion of "now": timezone-aware UTC, replaceable in tests and benchmarks.

Every timestamp the server stores or sends (leases' years, enrolment codes, certificates, RFC 3161
tokens, the hello's server_time) comes from here, and so does the default moment of the shared
PKI code (``sync.pki``) when its caller names none. The PC's clock is ``desktop.store.clock``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime


def _system() -> datetime:
    return datetime.now(UTC)


_now: Callable[[], datetime] = _system


def now() -> datetime:
    return _now()


def set_clock(fn: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests, benchmarks); ``None`` restores the system clock."""
    global _now
    _now = fn if fn is not None else _system


@contextmanager
def replaced(fn: Callable[[], datetime]) -> Iterator[None]:
    """Read ``fn`` as the clock inside the block, then the clock that was (tests that run a
    server command at another instant in their own process)."""
    global _now
    before = _now
    _now = fn
    try:
        yield
    finally:
        _now = before
