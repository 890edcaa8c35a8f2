"""Running service calls off the GUI thread, one writer at a time, errors to friendly messages.

``run_op`` hands a service call to a single worker thread (so writes are serialised, as in
Anki's task manager) and delivers the result, or the error, back on the GUI thread. Errors a
person can act on (``desktop.store.errors.UserError``: store, domain, signing, sync) become a
message box in Bahasa Indonesia; anything else is a bug and goes to the crash dialog.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from desktop.letters.errors import ValidationError
from desktop.store.errors import StoreDamaged, UserError
from desktop.ui.qt import (
    QCoreApplication,
    QMessageBox,
    QObject,
    QRunnable,
    QThreadPool,
    QWidget,
    Signal,
    Slot,
)

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_pending: set[_Relay] = set()


def writer_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Relay(QObject):
    """Lives on the GUI thread; the worker's signals reach its slots there (queued)."""

    done = Signal(object)
    failed = Signal(object, str)

    def __init__(
        self, on_done: Callable[[object], None], on_failed: Callable[[BaseException, str], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_failed = on_failed
        self.done.connect(self._deliver)
        self.failed.connect(self._fail)

    @Slot(object)
    def _deliver(self, result: object) -> None:
        self._on_done(result)

    @Slot(object, str)
    def _fail(self, exc: BaseException, trace: str) -> None:
        self._on_failed(exc, trace)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.done.emit(result)


def user_message(exc: BaseException) -> str | None:
    """The message to show for an error a person can act on, or None for a bug."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.fields.values())
    if isinstance(exc, UserError):
        return exc.message
    return None


_damage_handler: list[Callable[[StoreDamaged], None]] = []


def set_damage_handler(handler: Callable[[StoreDamaged], None] | None) -> None:
    """Route a damaged store met during work to ``handler`` (the store guard's dialog)."""
    _damage_handler[:] = [handler] if handler is not None else []


def show_error(parent: QWidget | None, exc: BaseException, trace: str = "") -> None:
    if isinstance(exc, StoreDamaged) and _damage_handler:
        _damage_handler[0](exc)
        return
    message = user_message(exc)
    if message is not None:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ops", "Tidak dapat dilanjutkan"), message
        )
        return
    from desktop.ui.crash import show_crash

    show_crash(parent, exc, trace or "".join(traceback.format_exception(exc)))


def run_op(
    parent: QWidget | None,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], bool] | None = None,
) -> None:
    """Run ``fn`` on the writer thread; call ``on_success(result)`` on the GUI thread.

    ``on_error`` may handle an error itself (return True); otherwise it is shown with
    ``show_error``.
    """

    def finished(result: object) -> None:
        _pending.discard(relay)
        if on_success is not None:
            on_success(result)

    def failed(exc: BaseException, trace: str) -> None:
        _pending.discard(relay)
        if on_error is not None and on_error(exc):
            return
        if user_message(exc) is None:
            log.error("operation failed:\n%s", trace)
        show_error(parent, exc, trace)

    relay = _Relay(finished, failed)
    _pending.add(relay)
    writer_pool().start(_Task(fn, relay))


def busy() -> bool:
    """Is an operation queued, running, or waiting to deliver its result to the GUI thread?"""
    return bool(_pending)


def wait_idle(timeout_ms: int = 30000) -> bool:
    """Block until queued operations ran (for shutdown and tests)."""
    return writer_pool().waitForDone(timeout_ms)
