"""What the window remembers between sessions on this PC (column widths), in the data dir.

An INI file beside the store rather than the per-user registry: it follows the office's data
(a copied data dir keeps its layout) and tests, which each use their own data dir, never share it.
"""

from __future__ import annotations

from desktop.store.db import Store
from desktop.ui.qt import QSettings

FILE_NAME = "tampilan.ini"


def settings(store: Store) -> QSettings:
    return QSettings(str(store.data_dir / FILE_NAME), QSettings.Format.IniFormat)


def widths(store: Store, group: str) -> dict[str, int]:
    """Remembered widths by column key; a damaged entry is ignored."""
    found: dict[str, int] = {}
    state = settings(store)
    state.beginGroup(group)
    for key in state.childKeys():
        try:
            value = int(str(state.value(key)))
        except ValueError:
            continue
        if 20 <= value <= 2000:
            found[key] = value
    state.endGroup()
    return found


def remember_widths(store: Store, group: str, values: dict[str, int]) -> None:
    state = settings(store)
    state.beginGroup(group)
    for key, value in values.items():
        state.setValue(key, value)
    state.endGroup()
    state.sync()
