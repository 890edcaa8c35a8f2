"""Translation marker for text the domain layer shows to people.

Domain services have no Qt, so they mark user-facing text with ``_()``. Bahasa Indonesia is the
source language and the default; an English catalogue can be installed later with
``install(mapping)`` without touching the call sites.
"""

from __future__ import annotations

_catalogue: dict[str, str] = {}


def _(text: str) -> str:
    return _catalogue.get(text, text)


def install(mapping: dict[str, str]) -> None:
    _catalogue.clear()
    _catalogue.update(mapping)
