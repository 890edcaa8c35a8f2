"""Renderer tests run headless and share pytest-qt's application with the other test folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _gui_app(qapp: object) -> None:
    """Rendering needs a GUI application; pytest-qt's qapp is the one every test folder shares
    (a QGuiApplication made here first would break widget tests run later in the session)."""
