"""Reads and renders off the GUI thread, with only the newest result of each kind delivered.

``ops.run_op`` is for writes (one writer, errors shown to the clerk). This is for work whose
result may be stale by the time it lands: the preview of a letter that was typed on, the queue
counts after the next action. Each ``Channel`` numbers its requests and drops every answer but
the latest, and never calls back into a widget that has been destroyed meanwhile.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from desktop.ui.qt import QObject, QRunnable, QThreadPool, QWidget, Signal, Slot

log = logging.getLogger(__name__)

_pools: dict[str, QThreadPool] = {}
_in_flight: set[_Relay] = set()


def pool(name: str) -> QThreadPool:
    """One single-thread pool per kind of work ("read", "render"), so they never queue on
    each other or on the writer."""
    found = _pools.get(name)
    if found is None:
        found = QThreadPool()
        found.setMaxThreadCount(1)
        _pools[name] = found
    return found


def busy() -> bool:
    """Is a background job queued, running, or waiting to deliver its result?"""
    return bool(_in_flight)


def wait_all(timeout_ms: int = 30000) -> bool:
    """Block until every background job finished (shutdown and tests)."""
    return all(p.waitForDone(timeout_ms) for p in _pools.values())


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` that does nothing once ``owner`` is destroyed (for ``ops.run_op`` callbacks that
    may land after the widget closed)."""
    state = {"alive": True}
    owner.destroyed.connect(lambda *_a: state.update(alive=False))

    def call(*args: Any) -> Any:
        return fn(*args) if state["alive"] else None

    return call


def errors_while_alive(
    owner: QObject, fn: Callable[[BaseException], bool] | None = None
) -> Callable[[BaseException], bool]:
    """An ``on_error`` for ``ops.run_op``: ``fn`` while ``owner`` lives; after it is gone, the
    message is still shown, with no parent window."""
    state = {"alive": True}
    owner.destroyed.connect(lambda *_a: state.update(alive=False))

    def handle(exc: BaseException) -> bool:
        if state["alive"]:
            return fn(exc) if fn is not None else False
        from desktop.ui.ops import show_error

        show_error(None, exc)
        return True

    return handle


def run_for(
    owner: QObject,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], bool] | None = None,
) -> None:
    """``ops.run_op`` for a widget that may close before the result lands."""
    from desktop.ui import ops

    parent = owner if isinstance(owner, QWidget) else None
    ops.run_op(
        parent,
        fn,
        while_alive(owner, on_success) if on_success is not None else None,
        errors_while_alive(owner, on_error),
    )


class _Relay(QObject):
    """Made on the GUI thread, so the worker's signals are queued to it there."""

    done = Signal(int, object)
    failed = Signal(int, object, str)

    def __init__(self, channel: Channel) -> None:
        super().__init__()
        self.channel = channel
        self.done.connect(self._done)
        self.failed.connect(self._failed)

    @Slot(int, object)
    def _done(self, ticket: int, result: object) -> None:
        _in_flight.discard(self)
        self.channel._deliver(ticket, result)

    @Slot(int, object, str)
    def _failed(self, ticket: int, exc: BaseException, trace: str) -> None:
        _in_flight.discard(self)
        self.channel._fail(ticket, exc, trace)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, ticket: int) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.ticket = ticket

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # reported on the GUI thread, never swallowed
            self.relay.failed.emit(self.ticket, exc, traceback.format_exc())
        else:
            self.relay.done.emit(self.ticket, result)


class Channel:
    """A stream of requests of one kind for one owner; only the newest answer is delivered.

    At most one request of a channel runs at a time: one made while another runs waits, and a
    newer one replaces it (so a slow query or render never piles up behind itself). ``owner``
    is a QObject (usually the widget that shows the result): once it is destroyed, answers are
    dropped instead of calling into a dead widget.
    """

    def __init__(
        self,
        owner: QObject,
        pool_name: str,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None] | None = None,
    ) -> None:
        self._pool_name = pool_name
        self._on_result = on_result
        self._on_error = on_error
        self._ticket = 0
        self._alive = True
        self._running = False
        self._waiting: Callable[[], Any] | None = None
        owner.destroyed.connect(self._owner_gone)

    @property
    def busy(self) -> bool:
        """True while a request runs or waits."""
        return self._running or self._waiting is not None

    def _owner_gone(self) -> None:
        self._alive = False
        self._waiting = None

    def submit(self, fn: Callable[[], Any]) -> None:
        self._ticket += 1
        if self._running:
            self._waiting = fn
        else:
            self._start(fn)

    def _start(self, fn: Callable[[], Any]) -> None:
        self._running = True
        relay = _Relay(self)
        _in_flight.add(relay)
        pool(self._pool_name).start(_Job(fn, relay, self._ticket))

    def cancel(self) -> None:
        """Forget the requests made so far (their answers will be dropped)."""
        self._ticket += 1
        self._waiting = None

    def _finished(self, ticket: int) -> bool:
        """Start the waiting request, if any; True if the finished answer is the one to show."""
        self._running = False
        if self._waiting is not None and self._alive:
            fn, self._waiting = self._waiting, None
            self._start(fn)
        return ticket == self._ticket and self._alive

    def _deliver(self, ticket: int, result: object) -> None:
        if self._finished(ticket):
            self._on_result(result)

    def _fail(self, ticket: int, exc: BaseException, trace: str) -> None:
        if not self._finished(ticket):
            return
        if self._on_error is not None:
            self._on_error(exc, trace)
        else:
            log.error("background job failed:\n%s", trace)
