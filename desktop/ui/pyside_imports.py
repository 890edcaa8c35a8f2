"""A cheaper form of PySide6's check on every module imported after it.

PySide6 hooks imports: for each module imported after PySide6 it asks whether that module uses
PySide6 (for its ``from __feature__ import ...`` switches) by reading the module's source with
``inspect.getsource``, which tokenizes it through ``linecache``. On the way to the first window
some five hundred modules (SQLAlchemy, SQLModel, pydantic, ours) are imported after Qt, and the
check cost about 50 ms of CPU there. The same question, answered by reading the file's bytes,
costs a fraction of that. Where the internals are not as expected (another PySide6 version, a
frozen build without source files) PySide6's own check runs unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_naskah_quick"


def quicken() -> bool:
    """Install the cheaper check; True if it is in place (idempotent)."""
    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        return False
    if getattr(original, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, _MARK, True)
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010
    return True
