"""Child process for the cold-start and memory figures; ``bench.run`` starts it, not a person.

    python -m bench.coldstart main DATA_DIR USERNAME PASSWORD   the app's path to a painted list
    python -m bench.coldstart login DATA_DIR                    the app's path to the log-in screen
    python -m bench.coldstart enter DATA_DIR USERNAME PASSWORD  the log-in screen, then Enter
    python -m bench.coldstart bare                              a bare Qt window, for comparison

Times are taken from the first line of this module (``T0``). A ``PAINTED`` line is printed as soon
as the watched widget (the letter table, with rows) has painted, so the parent can take its own
wall time from the spawn; the full report follows as one ``BENCH {json}`` line after the window
has settled for a second (background reads landed), with the resident memory then.

``main`` follows the app's own start-up (``desktop.ui.app``): the QApplication, opening the
store, the first-run check, log-in (``accounts.login`` instead of the dialog), then ``MainWindow``
on Surat Keluar. ``login`` follows ``app.launch`` for a set-up office up to the painted log-in
dialog (the store opening and the main window's modules loading behind it, on the writer).
``enter`` goes on from there as a clerk does: once the dialog is up and the work behind it done
(a clerk takes longer than that to type a password), it fills the fields and logs in, as Enter
does, and the app's own ``started`` shows the main window, put on Surat Keluar as ``main`` does;
``after_enter_s`` is the time from that Enter to the list painted with its first page.
"""

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

SETTLE_MS = 1000  # after the first paint, let background reads land before reading RSS


def proc_status() -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of this process in kB, from /proc (Linux)."""
    found: dict[str, int] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    found[key] = int(value.split()[0])
    except OSError:
        pass
    return found


class Recorder:
    """Marks of the start-up path, and the report once the watched widget has painted."""

    def __init__(self) -> None:
        self.marks: dict[str, float] = {}
        self.report: dict[str, Any] = {}

    def mark(self, name: str) -> None:
        self.marks[name] = time.perf_counter() - T0

    def painted(self) -> None:
        self.mark("first_paint")
        print("PAINTED", flush=True)
        times = os.times()
        self.report = {
            "first_paint_s": self.marks["first_paint"],
            "cpu_s": times.user + times.system,  # all threads, including interpreter start-up
            "marks": self.marks,
        }
        self.report.update({f"{k}_paint_kb": v for k, v in proc_status().items()})

    def finish(self, extra: dict[str, Any]) -> None:
        self.report.update({f"{k}_settled_kb": v for k, v in proc_status().items()})
        self.report.update(extra)
        print("BENCH " + json.dumps(self.report), flush=True)


def watch_first_paint(widget: Any, ready: Any, on_painted: Any) -> Any:
    """Call ``on_painted`` once control returns to the event loop after ``widget`` painted
    while ``ready()`` is true."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Filter(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint and ready():
                self.done = True
                QTimer.singleShot(0, on_painted)  # runs after this paint has completed
            return False

    flt = Filter(widget)
    widget.installEventFilter(flt)
    return flt


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    rec = Recorder()
    app = QApplication(sys.argv[:1])
    rec.mark("app")
    window = QWidget()
    window.resize(1280, 720)

    def painted() -> None:
        rec.painted()
        QTimer.singleShot(SETTLE_MS, lambda: (rec.finish({}), app.quit()))

    watch_first_paint(window, lambda: True, painted)
    window.show()
    rec.mark("shown")
    return app.exec()


def main_window(data_dir: Path, username: str, password: str) -> int:
    from desktop.ui.app import make_app

    rec = Recorder()
    rec.mark("imports")
    app = make_app(sys.argv[:1])
    rec.mark("app")
    from desktop.letters import accounts, office
    from desktop.store.db import open_store

    store = open_store(data_dir)
    rec.mark("store_open")
    if not office.is_set_up(store):
        raise SystemExit("benchmark store is not set up")
    user = accounts.login(store, username, password)
    rec.mark("login")
    from desktop.letters.queries import Queue
    from desktop.ui import ops
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, user)
    rec.mark("window_built")
    window.open_queue(Queue.OUTGOING)
    rec.mark("queue_opened")
    table = window.table
    model = table.model()
    extra: dict[str, Any] = {}

    def painted() -> None:
        rec.painted()
        extra.update(
            rows=model.rowCount(),
            queue=str(getattr(window.model, "queue", "")),
            pages_fetched=getattr(window.model, "pages_fetched", None),
            count_queries=getattr(window.model, "count_queries", None),
        )
        QTimer.singleShot(SETTLE_MS, settled)

    def settled() -> None:
        rec.finish(extra)
        app.quit()

    from PySide6.QtCore import QTimer

    # The window paints its children (the list, with its first page) in the same pass as
    # itself. (Not the table's viewport: asking PySide6 for it costs a type lookup of its own.)
    watch_first_paint(window, lambda: model.rowCount() > 0, painted)
    window.show()
    rec.mark("shown")
    try:
        return app.exec()
    finally:
        ops.wait_idle()
        store.close()


def up_to_the_log_in(data_dir: Path) -> tuple[Recorder, Any, Any, Any]:
    """``app.launch``'s way for a set-up office, up to the log-in dialog built (not shown): the
    recorder, the application, the dialog and the store's opening behind it."""
    from desktop.ui.app import make_app

    rec = Recorder()
    rec.mark("imports")
    app = make_app(sys.argv[:1])
    rec.mark("app")
    from desktop.store import files
    from desktop.ui.app import login_dialog_while_opening

    names = files.office_names(data_dir)
    if names is None:
        raise SystemExit("benchmark store is not set up")
    rec.mark("office_read")
    dialog, opening = login_dialog_while_opening(data_dir, names)
    rec.mark("dialog_built")
    return rec, app, dialog, opening


def login_screen(data_dir: Path) -> int:
    from desktop.ui import ops

    rec, app, dialog, opening = up_to_the_log_in(data_dir)
    extra: dict[str, Any] = {}

    from PySide6.QtCore import QTimer

    def painted() -> None:
        rec.painted()
        QTimer.singleShot(SETTLE_MS, settled)

    def settled() -> None:
        ops.wait_writes()
        extra["store_opened_s"] = round(time.perf_counter() - T0, 3)
        rec.finish(extra)
        app.quit()

    watch_first_paint(dialog, lambda: True, painted)
    dialog.show()
    rec.mark("shown")
    try:
        return app.exec()
    finally:
        ops.wait_idle()
        if opening.store is not None:
            opening.store.close()


def after_enter(data_dir: Path, username: str, password: str) -> int:
    rec, app, dialog, opening = up_to_the_log_in(data_dir)
    from PySide6.QtCore import QTimer

    from desktop.ui import app as app_module
    from desktop.ui import ops

    extra: dict[str, Any] = {}
    held: list[Any] = []  # the started app (its window), kept alive

    def dialog_painted() -> None:
        rec.mark("dialog_painted")
        # The app starts its work behind the dialog from its own first-paint call, queued after
        # this one: let it start, then wait for it as a clerk's typing would.
        QTimer.singleShot(0, type_password)

    def type_password() -> None:
        ops.wait_writes()  # the store opened and the main window's modules loaded, behind it
        rec.mark("behind_done")
        dialog.username.setText(username)
        dialog.password.setText(password)
        rec.mark("enter")
        dialog.login()  # what Enter in the password field does

    def logged_in() -> None:
        rec.mark("logged_in")
        from desktop.letters.queries import Queue  # loaded behind the dialog by then

        assert opening.store is not None and dialog.user is not None
        begun = app_module.started(opening.store, dialog.user)
        held.append(begun)
        window = begun.window
        window.open_queue(Queue.OUTGOING)
        rec.mark("window_shown")
        model = window.table.model()

        def painted() -> None:
            rec.painted()
            extra["after_enter_s"] = rec.marks["first_paint"] - rec.marks["enter"]
            extra["rows"] = model.rowCount()
            QTimer.singleShot(SETTLE_MS, lambda: (rec.finish(extra), app.quit()))

        watch_first_paint(window, lambda: model.rowCount() > 0, painted)

    dialog.accepted.connect(logged_in)
    watch_first_paint(dialog, lambda: True, dialog_painted)
    dialog.show()
    try:
        return app.exec()
    finally:
        for begun in held:  # as ``app.run`` ends
            if begun.guard is not None:
                begun.guard.stop()
            sync = getattr(begun.window, "sync", None)
            if sync is not None:
                sync.stop()
        ops.wait_idle()
        if opening.store is not None:
            opening.store.close()


def run(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if argv[:1] == ["bare"]:
        return bare()
    if len(argv) == 2 and argv[0] == "login":
        return login_screen(Path(argv[1]))
    if len(argv) == 4 and argv[0] == "main":
        return main_window(Path(argv[1]), argv[2], argv[3])
    if len(argv) == 4 and argv[0] == "enter":
        return after_enter(Path(argv[1]), argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
