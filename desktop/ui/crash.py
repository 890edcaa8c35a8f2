"""Bugs become a dialog with a copyable report and a log file, never a silent failure."""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from desktop.ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("naskah")
_fault_file = None


class CrashDialog(QDialog):
    def __init__(self, parent: QWidget | None, report: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Terjadi kesalahan program"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Naskah mengalami kesalahan yang tidak terduga. "
                    "Data yang sudah tersimpan aman.\n"
                    "Salin laporan di bawah ini dan kirimkan kepada petugas TI."
                )
            )
        )
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Salin laporan"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)


def report_text(exc: BaseException, trace: str) -> str:
    from desktop import __version__

    return (
        f"Naskah {__version__} / Python {platform.python_version()} / {platform.platform()}\n\n"
        f"{trace}"
    )


def show_crash(parent: QWidget | None, exc: BaseException, trace: str) -> None:
    text = report_text(exc, trace)
    log.error("unexpected error:\n%s", text)
    CrashDialog(parent, text).exec()


def install(log_dir: Path) -> None:
    """Log to a file in the data dir, dump native crashes there, and catch Python ones."""
    global _fault_file
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_dir / "naskah.log", encoding="utf-8")
        fault_file = (log_dir / "crash-native.log").open("a", encoding="utf-8")
    except OSError:
        # A read-only data folder: the app says so in a dialog; log to the user's log folder.
        from desktop.paths import log_dir as user_log_dir

        log_dir = user_log_dir()
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_dir / "naskah.log", encoding="utf-8")
        fault_file = (log_dir / "crash-native.log").open("a", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # no INFO chatter per migration
    _fault_file = fault_file
    faulthandler.enable(_fault_file)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        trace = "".join(traceback.format_exception(kind, exc, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        from desktop.store.errors import UserError
        from desktop.ui import ops

        if isinstance(exc, UserError):  # a damaged store met by a read: a dialog, not a crash
            log.warning("%s", exc.message)
            ops.show_error(QApplication.activeWindow(), exc)
            return
        show_crash(QApplication.activeWindow(), exc, trace)

    sys.excepthook = hook
