"""PySide6's per-import check, made cheaper, still gives the answers PySide6's own check gives."""

from __future__ import annotations

import inspect
import sys
from types import ModuleType

import sqlalchemy.sql.compiler

import desktop.store.db
import desktop.ui.qt
from desktop.ui import pyside_imports
from desktop.ui.qt import QWidget  # PySide6 itself loaded, its import hook in place


def pysides_answer(module: ModuleType) -> bool:
    """What PySide6's own check answers: "PySide6" in the module's source."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError):
        return False


def test_the_quicker_check_answers_as_pysides_own() -> None:
    assert QWidget is not None
    feature = sys.modules["shibokensupport.feature"]
    assert pyside_imports.quicken()
    quick = feature._mod_uses_pyside
    assert pyside_imports.quicken()  # a second call keeps it, and does not wrap it again
    assert feature._mod_uses_pyside is quick
    modules = [desktop.ui.qt, desktop.store.db, sqlalchemy.sql.compiler, sys, inspect]
    answers = [quick(m) for m in modules]
    assert answers == [pysides_answer(m) for m in modules]
    assert answers[:2] == [True, False]
