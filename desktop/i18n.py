"""Translation marker for text the domain layer shows to people, and the chosen UI language.

Domain services have no Qt, so they mark user-facing text with ``_()``. Bahasa Indonesia is the
source language and the default. The UI installs a translate function (Qt's, reading the same
compiled catalogue as the widgets, context ``CONTEXT``) with ``install``; the command line and
the tests without a UI keep the Indonesian source text.

``N_()`` marks text that is translated later, where it is shown (labels kept in module-level
tables, which are built at import time, before any catalogue is installed).

What ends up inside a letter (the PDF, its signature's reason) is never passed through ``_()``:
letters stay in Bahasa Indonesia whatever the UI language.

The language is a preference of the PC's data folder (``tampilan.json``), so that a visiting
auditor can switch one PC to English without touching the office's synced settings.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

CONTEXT = "naskah"  # the Qt translation context of every domain string
DEFAULT_LANGUAGE = "id"
LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
PREFERENCES = "tampilan.json"

_translate: Callable[[str], str] | None = None


def _(text: str) -> str:
    return text if _translate is None else _translate(text)


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue without translating it now."""
    return text


def install(translate: Callable[[str], str] | None) -> None:
    """Translate domain text with ``translate`` from now on (None: the Indonesian source)."""
    global _translate
    _translate = translate


def read_language(data_dir: Path) -> str:
    """The UI language chosen for ``data_dir``; the default when none (or a bad file) is there."""
    try:
        chosen = json.loads((data_dir / PREFERENCES).read_text(encoding="utf-8")).get("language")
    except (OSError, ValueError, AttributeError):
        return DEFAULT_LANGUAGE
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def save_language(data_dir: Path, language: str) -> None:
    """Remember ``language`` for ``data_dir`` (raises OSError when the folder is not writable)."""
    if language not in LANGUAGES:
        raise ValueError(language)
    path = data_dir / PREFERENCES
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"language": language}), encoding="utf-8")
    tmp.replace(path)
