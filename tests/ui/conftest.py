"""GUI test fixtures: the driver that uses the app as a person would (tests/ui/driver.py),
message boxes that record instead of blocking, and no work left running after a test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.ui import ops
from desktop.ui.qt import QApplication
from tests.ui.driver import Driver, MessageBoxes, record_message_boxes


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Every message box the app shows, recorded (ask for this in a test that expects some)."""
    return record_message_boxes(monkeypatch, expected=True)


@pytest.fixture
def driver(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Driver]:
    """The app's windows, driven as a person would; see tests/ui/driver.py."""
    if "messages" in request.fixturenames:
        boxes = request.getfixturevalue("messages")
    else:  # recorded all the same, so that one fails the test instead of blocking it
        boxes = record_message_boxes(monkeypatch, expected=False)
    drive = Driver(qtbot, monkeypatch, boxes)
    yield drive
    drive.finish()


@pytest.fixture(autouse=True)
def _operations_finish(qtbot: Any) -> Iterator[None]:
    """No service call or background read may still run (or deliver to a closed dialog) after
    a test."""
    yield
    ops.wait_idle()
    QApplication.processEvents()
