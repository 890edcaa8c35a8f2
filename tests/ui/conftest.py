"""GUI test helpers: message boxes that record instead of blocking, clicks, idle operations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from desktop.ui import ops
from desktop.ui.qt import QAbstractButton, QApplication, QMessageBox, Qt


@dataclass
class MessageBoxes:
    """Every QMessageBox static call, recorded as (kind, title, text); ``answer`` for questions."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    @property
    def texts(self) -> list[str]:
        return [text for _kind, _title, text in self.shown]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def recorder(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kw: Any) -> Any:
            boxes.shown.append((kind, title, text))
            if kind == "question":
                return boxes.answer
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return boxes


@pytest.fixture(autouse=True)
def _operations_finish(qtbot: Any) -> Iterator[None]:
    """No service call may still run (or deliver to a closed dialog) after a test."""
    yield
    ops.wait_idle()
    QApplication.processEvents()


@pytest.fixture
def click(qtbot: Any) -> Any:
    """Click a button as a person would (and fail if it is disabled)."""

    def press(button: QAbstractButton) -> None:
        assert button.isEnabled(), f"{button.text()!r} is disabled"
        assert button.isVisible(), f"{button.text()!r} is not visible"
        pos = button.rect().center()
        if button.isCheckable():
            pos.setX(8)  # on the box or circle: a wide check box only reacts on its content
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=pos)

    return press
