"""Start-up work queued behind a window's first paint runs once, after that paint."""

from __future__ import annotations

from typing import Any

from desktop.ui import first_paint
from desktop.ui.qt import QLabel


def test_work_waits_for_the_first_paint_and_runs_once(qtbot: Any) -> None:
    label = QLabel("Naskah")
    qtbot.addWidget(label)
    ran: list[bool] = []
    first_paint.after_first_paint(label, lambda: ran.append(label.isVisible()))
    qtbot.wait(50)
    assert ran == [] and not first_paint.pending()  # not shown: nothing to wait for yet
    label.show()
    assert first_paint.pending()
    qtbot.waitUntil(lambda: ran == [True])
    assert not first_paint.pending()
    label.repaint()
    qtbot.wait(50)
    assert ran == [True]  # the later paints do not run it again


def test_work_of_a_widget_deleted_before_its_paint_never_runs(qtbot: Any) -> None:
    label = QLabel("Naskah")
    ran: list[bool] = []
    first_paint.after_first_paint(label, lambda: ran.append(True))
    label.deleteLater()
    qtbot.wait(50)
    assert ran == [] and not first_paint.pending()
