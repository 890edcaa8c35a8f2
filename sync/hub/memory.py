"""Keep the hub's resident memory near what it needs while idle (issue 16: <= 150 MB).

A big sync (thousands of mutations in one request, pages of thousands of changes) makes many
megabytes of short-lived objects. CPython frees them, but glibc's allocator keeps the freed
pages mapped, spread over one arena per thread that ever allocated (uvicorn's worker threads),
so an idle hub stayed at 170-180 MB after 1,000 letters against 95 MB before. ``limit_arenas``
(at start, before threads exist) keeps the arenas few; ``trim`` (after each upstream round)
hands free pages back to the system. Both do nothing where the C library is not glibc
(Windows, macOS, musl)."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import sys
from typing import Any

log = logging.getLogger("naskah.hub")
M_ARENA_MAX = -8  # glibc's mallopt parameter
ARENAS = 2


def _libc() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018  (glibc only: AttributeError elsewhere)
        libc.mallopt  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


_LIBC = _libc()


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Let glibc keep at most ``arenas`` malloc arenas; True if it took the setting."""
    return bool(_LIBC is not None and _LIBC.mallopt(M_ARENA_MAX, arenas) == 1)


def trim(*, collect: bool = False) -> bool:
    """Return free heap pages to the system (after a full garbage collection with
    ``collect``); True if any were."""
    if collect:
        gc.collect()
    return bool(_LIBC is not None and _LIBC.malloc_trim(0) == 1)
