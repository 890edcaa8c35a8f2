"""Work that the first screen does not need waits until that screen has been painted.

A background thread started before the first paint competes with it for the interpreter (an
import or a query on another thread holds the GIL for milliseconds at a time), so start-up
work that can wait (the store's opening behind the log-in, the other queues' counts behind the
main window) is started from here instead.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from desktop.ui.qt import QEvent, QObject, QTimer, QWidget, isValid

# Weak: a watcher lives as long as its widget (its Qt parent), not because it is listed here.
_waiting: weakref.WeakSet[_FirstPaint] = weakref.WeakSet()


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._fn = fn
        widget.installEventFilter(self)
        _waiting.add(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._widget:
            self._widget.removeEventFilter(self)
            # The whole window paints in one pass: once control is back in the event loop,
            # its children (the list and its first page) have been painted too.
            QTimer.singleShot(0, self._widget, self._run)
        return False

    def _run(self) -> None:
        _waiting.discard(self)
        self.deleteLater()
        self._fn()

    def shown(self) -> bool:
        return isValid(self._widget) and self._widget.isVisible()


def after_first_paint(widget: QWidget, fn: Callable[[], object]) -> None:
    """Call ``fn`` on the GUI thread once ``widget`` has been painted for the first time (not
    at all if the widget is deleted first)."""
    _FirstPaint(widget, fn)


def pending() -> bool:
    """Is work waiting for a widget on screen to be painted? (A hidden widget's work is not
    counted: it waits for the widget to be shown.) For tests that wait until the app is idle."""
    return any(waiting.shown() for waiting in list(_waiting) if isValid(waiting))
