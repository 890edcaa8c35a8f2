"""One way to run work off the GUI thread, after Anki's ``CollectionOp`` and ``QueryOp``.

``WriteOp`` runs a user action (a service call, one transaction) on the one writer thread, so
writes land one at a time in the order they were asked for. ``ReadOp`` runs a query or a render
on a reading thread of its kind ("read", "search", "render": kinds never queue on each other or
on the writer); run in a ``Lane``, only the answer to the newest of a stream of reads is
delivered (the preview of what was typed last, the counts after the latest action).

Both own what a person sees while the work runs and when it ends:

- busy: the widgets and actions given to ``disable`` are disabled until the result lands; the
  wait cursor shows after ``BUSY_DELAY_MS`` (not for ``quietly`` work such as autosave); with
  ``progress(text)``, a small progress dialog says what is happening after
  ``PROGRESS_DELAY_MS`` (signing, a sync, training data);
- success: ``success(result)`` runs on the GUI thread, and only while the parent lives;
- errors, in this order: ``failure(exc)`` if given (it returns True when it handled the error);
  a ``ValidationError`` on the form given to ``form`` (messages for fields that are not on it
  go on as one message); any ``UserError`` as its message, in the label given to
  ``message_in`` or else a message box; anything else is a bug: logged, and the crash dialog.

What an action changed reaches the windows through the store's change signal
(``store_events``), never through a manual refresh after the op.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Mapping
from typing import Any, Generic, Self, TypeVar

from desktop.letters.errors import ValidationError
from desktop.store.errors import StoreDamaged, UserError
from desktop.ui.forms import FieldErrors
from desktop.ui.qt import (
    QAction,
    QApplication,
    QCoreApplication,
    QCursor,
    QLabel,
    QMessageBox,
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QWidget,
    Signal,
    Slot,
    isValid,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

WRITER = "write"
READER = "read"
BUSY_DELAY_MS = 300
PROGRESS_DELAY_MS = 600

_pools: dict[str, QThreadPool] = {}
_in_flight: set[_Relay] = set()
_cursor_users = 0

FormTarget = FieldErrors | Callable[[Mapping[str, str]], Mapping[str, str]]


def pool(name: str) -> QThreadPool:
    """The single-thread pool of one kind of work (``WRITER`` keeps writes in order)."""
    found = _pools.get(name)
    if found is None:
        found = QThreadPool()
        found.setMaxThreadCount(1)
        _pools[name] = found
    return found


def busy() -> bool:
    """Is an op queued, running, or waiting to deliver, or a store change still to be told?"""
    from desktop.ui import store_events

    return bool(_in_flight) or store_events.pending()


def wait_writes(timeout_ms: int = 30000) -> bool:
    """Block until the queued writes ran (a save on the spot waits for earlier saves)."""
    return pool(WRITER).waitForDone(timeout_ms)


def wait_idle(timeout_ms: int = 30000) -> bool:
    """Block until every queued op ran (shutdown and tests); results are not delivered."""
    return all(p.waitForDone(timeout_ms) for p in list(_pools.values()))


def user_message(exc: BaseException) -> str | None:
    """The message to show for an error a person can act on, or None for a bug."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.fields.values())
    if isinstance(exc, UserError):
        return exc.message
    return None


def _alive(obj: QObject | None) -> bool:
    return obj is not None and isValid(obj)


_damage_handler: list[Callable[[StoreDamaged], None]] = []


def set_damage_handler(handler: Callable[[StoreDamaged], None] | None) -> None:
    """Route a damaged store met during work to ``handler`` (the store guard's dialog)."""
    _damage_handler[:] = [handler] if handler is not None else []


def show_error(parent: QWidget | None, exc: BaseException, trace: str = "") -> None:
    """A message box for an error a person can act on; the crash dialog for a bug."""
    if isinstance(exc, StoreDamaged) and _damage_handler:
        _damage_handler[0](exc)  # the store guard's dialog, with the ways out
        return
    parent = parent if _alive(parent) else None
    message = user_message(exc)
    if message is not None:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ops", "Tidak dapat dilanjutkan"), message
        )
        return
    trace = trace or "".join(traceback.format_exception(exc))
    log.error("operation failed:\n%s", trace)
    from desktop.ui.crash import show_crash

    show_crash(parent, exc, trace)


class _Relay(QObject):
    """Made on the GUI thread, so the worker's signals are queued to it there."""

    done = Signal(object)
    failed = Signal(object, str)

    def __init__(self, finish: Callable[[bool, object, str], None]) -> None:
        super().__init__()
        self._finish = finish
        self.done.connect(self._done)
        self.failed.connect(self._failed)

    @Slot(object)
    def _done(self, result: object) -> None:
        try:
            self._finish(True, result, "")
        finally:
            _in_flight.discard(self)

    @Slot(object, str)
    def _failed(self, exc: object, trace: str) -> None:
        try:
            self._finish(False, exc, trace)
        finally:
            _in_flight.discard(self)


class _Job(QRunnable):
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


class _Op(Generic[T]):
    _pool_name = WRITER
    _cursor = True

    def __init__(self, parent: QObject | None, op: Callable[[], T]) -> None:
        self._parent = parent
        self._op = op
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], bool] | None = None
        self._form: FormTarget | None = None
        self._message: QLabel | None = None
        self._disabled: list[QWidget | QAction] = []
        self._progress_text: str | None = None
        self._progress: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self._cursor_shown = False
        self._progress_due = False
        self._lane: Lane | None = None
        self._ticket = 0

    # -- building ---------------------------------------------------------------------------

    def success(self, fn: Callable[[T], Any]) -> Self:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], bool]) -> Self:
        """``fn(exc)`` sees an error first; it returns True when it dealt with it."""
        self._failure = fn
        return self

    def form(self, errors: FormTarget, message: QLabel | None = None) -> Self:
        """Show a ``ValidationError`` on ``errors`` (a ``FieldErrors``, or a function that
        shows them and returns the ones it could not place); the rest, and any other
        ``UserError``, in ``message`` if given."""
        self._form = errors
        if message is not None:
            self._message = message
        return self

    def message_in(self, label: QLabel) -> Self:
        """Errors a person can act on go in ``label`` (shown) instead of a message box."""
        self._message = label
        return self

    def disable(self, *widgets: QWidget | QAction) -> Self:
        self._disabled.extend(widgets)
        return self

    def progress(self, text: str) -> Self:
        """Long work: say ``text`` in a progress dialog if it takes more than a moment."""
        self._progress_text = text
        return self

    def quietly(self) -> Self:
        """No wait cursor (work the person did not wait for, such as autosave)."""
        self._cursor = False
        return self

    # -- running ----------------------------------------------------------------------------

    def _start(self) -> None:
        for widget in self._disabled:
            widget.setEnabled(False)
        if self._cursor or self._progress_text:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_busy)
            self._timer.start(BUSY_DELAY_MS)
        relay = _Relay(self._finish)
        _in_flight.add(relay)
        pool(self._pool_name).start(_Job(self._op, relay))

    def _show_busy(self) -> None:
        global _cursor_users
        if self._cursor and not self._cursor_shown:
            self._cursor_shown = True
            _cursor_users += 1
            if _cursor_users == 1:
                QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        if not self._progress_text or self._progress is not None or self._timer is None:
            return
        if not self._progress_due:  # the cursor came first; the dialog a little later
            self._progress_due = True
            self._timer.start(PROGRESS_DELAY_MS - BUSY_DELAY_MS)
            return
        self._progress = _progress_dialog(self._widget(), self._progress_text)

    def _end_busy(self) -> None:
        global _cursor_users
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._progress is not None:
            if _alive(self._progress):
                self._progress.close()
                self._progress.deleteLater()
            self._progress = None
        if self._cursor_shown:
            self._cursor_shown = False
            _cursor_users -= 1
            if _cursor_users == 0:
                QApplication.restoreOverrideCursor()
        for widget in self._disabled:
            if _alive(widget):
                widget.setEnabled(True)

    def _widget(self) -> QWidget | None:
        parent = self._parent
        return parent if isinstance(parent, QWidget) and _alive(parent) else None

    def _finish(self, ok: bool, result: object, trace: str) -> None:
        self._end_busy()
        if self._lane is not None and not self._lane.finished(self._ticket):
            return  # a newer read of the same lane was asked for: this answer is stale
        alive = self._parent is None or _alive(self._parent)
        if ok:
            if alive and self._success is not None:
                self._success(result)  # type: ignore[arg-type]
            return
        assert isinstance(result, BaseException)
        if not alive:
            show_error(None, result, trace)  # the window closed: still say what went wrong
            return
        self._route_error(result, trace)

    def _route_error(self, exc: BaseException, trace: str) -> None:
        if self._failure is not None and self._failure(exc):
            return
        message = user_message(exc)
        if isinstance(exc, ValidationError) and self._form is not None:
            rest: Mapping[str, str]
            if isinstance(self._form, FieldErrors):
                rest = self._form.show(exc.fields)
            else:
                rest = self._form(exc.fields)
            message = "\n".join(rest.values())
            if not message:
                if self._message is not None:
                    self._message.hide()
                return
        if message is not None and self._message is not None and _alive(self._message):
            self._message.setText(message)
            self._message.show()
            return
        show_error(self._widget(), exc, trace)


class WriteOp(_Op[T]):
    """A user action on the writer thread: ``WriteOp(parent, fn).success(...).run()``."""

    def run(self) -> None:
        self._start()


class ReadOp(_Op[T]):
    """A read or a render on a reading thread; no wait cursor unless ``progress`` is given.

    ``run(lane)`` delivers only the answer to the newest read of that lane.
    """

    _cursor = False

    def __init__(self, parent: QObject | None, op: Callable[[], T], kind: str = READER) -> None:
        super().__init__(parent, op)
        self._pool_name = kind

    def run(self, lane: Lane | None = None) -> None:
        if lane is None:
            self._start()
            return
        self._lane = lane
        self._pool_name = lane.kind
        lane.submit(self)


class Lane:
    """A stream of reads of one kind for one owner: one runs at a time, a newer request takes
    the place of the one waiting, and only the answer to the newest is delivered (so a slow
    query or render never piles up behind itself, and a stale answer never shows)."""

    def __init__(self, kind: str = READER) -> None:
        self.kind = kind
        self._ticket = 0
        self._running = False
        self._waiting: ReadOp[Any] | None = None

    @property
    def busy(self) -> bool:
        """True while a request runs or waits."""
        return self._running or self._waiting is not None

    def submit(self, op: ReadOp[Any]) -> None:
        self._ticket += 1
        op._ticket = self._ticket
        if self._running:
            self._waiting = op
        else:
            self._running = True
            op._start()

    def cancel(self) -> None:
        """Forget the requests made so far (their answers will be dropped)."""
        self._ticket += 1
        self._waiting = None

    def finished(self, ticket: int) -> bool:
        """Start the waiting request, if any; True if the finished one is the newest."""
        self._running = False
        if self._waiting is not None:
            op, self._waiting = self._waiting, None
            self._running = True
            op._start()
        return ticket == self._ticket


def after_writes(owner: QObject, fn: Callable[[], Any]) -> None:
    """Call ``fn`` on the GUI thread once the writes queued so far have landed."""
    WriteOp(owner, lambda: None).quietly().success(lambda _r: fn()).run()


def _progress_dialog(parent: QWidget | None, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setWindowTitle("Naskah")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    return dialog
