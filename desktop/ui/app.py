"""Start-up: the Qt application, the office store, first-run setup, log-in, the main window.

Each step is its own function so tests can drive the flow one dialog at a time; ``run`` chains
them and enters the event loop.

The path to the first window is kept short: when the data dir holds a set-up office (a look
with sqlite3 alone, ``files.office_names``), the log-in dialog comes up at once, with no
SQLAlchemy imported, while the store opens and the main window's modules load on the writer
thread; the clerk's log-in runs on the writer after them. Otherwise
(first run, a damaged or locked file) the store opens first, as the wizard or the message needs.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import i18n, paths
from desktop.store import files
from desktop.store.errors import StoreDamaged, StoreError, StoreLocked
from desktop.ui import crash, ops
from desktop.ui import i18n as ui_i18n
from desktop.ui.first_paint import after_first_paint
from desktop.ui.login import LoginDialog, StoreOpening
from desktop.ui.qt import (
    QApplication,
    QCoreApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.letters.accounts import CurrentUser
    from desktop.store.db import Store
    from desktop.ui.store_health import StoreGuard

APP_NAME = "Naskah"
ORGANISATION = "Naskah"


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def make_app(argv: list[str] | None = None, language: str = i18n.DEFAULT_LANGUAGE) -> QApplication:
    """The application object, named, speaking ``language`` (Qt's own words included)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    ui_i18n.use_language(language)
    return app


def open_store_interactive(data_dir: Path, parent: QWidget | None = None) -> Store | None:
    """Open the store, or explain to the clerk why not and return None.

    A second copy of Naskah on the same data dir gets a plain message (no traceback); a damaged
    file gets the offer to restore the newest good backup (the damaged file is kept aside).
    """
    from desktop.store import db

    try:
        return db.open_store(data_dir)
    except StoreLocked as exc:
        QMessageBox.critical(parent, _tr("Naskah sudah berjalan"), exc.message)
    except StoreDamaged as exc:
        return offer_restore(data_dir, exc, parent)
    except StoreError as exc:
        QMessageBox.critical(parent, _tr("Data tidak dapat dibuka"), exc.message)
    return None


def offer_restore(data_dir: Path, damaged: StoreDamaged, parent: QWidget | None) -> Store | None:
    """Offer the newest good backup in place of a damaged store; open it if the clerk agrees."""
    from desktop.store import db
    from desktop.ui.store_health import ways_out

    title = _tr("Berkas data rusak")
    backup = db.latest_backup(data_dir)
    if backup is None:
        QMessageBox.critical(parent, title, f"{damaged.message}\n\n{ways_out(data_dir, None)}")
        return None
    answer = QMessageBox.question(
        parent, title, f"{damaged.message}\n\n{ways_out(data_dir, backup)}\n\n" + _tr(
            "Pulihkan cadangan sekarang? Pilih Tidak untuk keluar."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )  # fmt: skip
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return restore(data_dir, backup, parent)


def restore(data_dir: Path, backup: Path, parent: QWidget | None) -> Store | None:
    """Put ``backup`` in place of the store (the old file kept aside) and open it."""
    from desktop.store import db

    try:
        _restore_locked(data_dir, backup)
        return db.open_store(data_dir)
    except StoreLocked as exc:
        QMessageBox.critical(parent, _tr("Naskah sudah berjalan"), exc.message)
    except (StoreError, OSError) as exc:
        detail = exc.message if isinstance(exc, StoreError) else str(exc)
        QMessageBox.critical(parent, _tr("Berkas data rusak"), _tr(
            "Cadangan tidak dapat dipulihkan: {detail}\n\nHubungi petugas TI kabupaten."
        ).format(detail=detail))  # fmt: skip
    return None


def _restore_locked(data_dir: Path, backup: Path) -> None:
    # Hold the store's lock so a second copy starting now cannot open a half-restored file.
    from filelock import FileLock, Timeout

    from desktop.store import db

    lock = FileLock(str(data_dir / files.LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise StoreLocked() from exc
    try:
        db.restore_backup(data_dir, backup)
    finally:
        lock.release()


def first_run(store: Store, parent: QWidget | None = None) -> bool:
    """Run the setup wizard if the office is not set up yet; False if the clerk cancelled."""
    from desktop.letters import office

    if office.is_set_up(store):
        return True
    from desktop.ui.wizard import SetupWizard  # only on the very first start

    return SetupWizard(store, parent).exec() == QDialog.DialogCode.Accepted


def login(store: Store, parent: QWidget | None = None) -> CurrentUser | None:
    """Ask for username and password; the user, or None if the clerk chose to quit."""
    dialog = LoginDialog(store, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.user
    return None


def show_main_window(store: Store, user: CurrentUser) -> QMainWindow:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.screen import show_main_window as place

    window = MainWindow(store, user)
    window.logged_out.connect(lambda: log_in_again(store))
    place(window, store.data_dir)
    return window


def use_office_templates(data_dir: Path, parent: QWidget | None = None) -> None:
    """Letters follow this office's own letter types; a bad file of them is reported (the
    shipped types apply until it is corrected)."""
    from desktop.letters import templates

    templates.use_office_folder(data_dir)
    problem = templates.office_problem(data_dir)
    if problem is not None:
        QMessageBox.warning(parent, _tr("Templat jenis naskah"), problem.message)


_windows: list[QMainWindow] = []  # the main window opened after a "Keluar akun", kept alive


def log_in_again(store: Store) -> QMainWindow | None:
    """After "Keluar akun": the log-in again, then the next person's main window; quitting
    the log-in (Keluar, Escape) quits the app."""
    user = login(store)
    app = QCoreApplication.instance()
    if user is None:
        if app is not None:
            app.quit()
        return None
    window = show_main_window(store, user)
    _windows[:] = [window]
    return window


@dataclass
class Started:
    """What start-up produced: the open store, who logged in, and the shown main window."""

    store: Store
    user: CurrentUser
    window: QMainWindow
    guard: StoreGuard | None = None


def preload_main_window() -> None:
    """Import what the main window needs while the clerk types. On the writer thread, after
    the store's opening: one thread imports SQLAlchemy at a time (two importing one package's
    circular modules at once could see them half made)."""

    def load() -> None:
        import desktop.ui.main_window  # noqa: F401

    ops.WriteOp(None, load).quietly().run()


def login_dialog_while_opening(
    data_dir: Path, names: tuple[str, str], parent: QWidget | None = None
) -> tuple[LoginDialog, StoreOpening]:
    """The log-in dialog for a set-up office, to show at once; once it has been painted, the
    store opens and the main window's modules load on the writer thread while the clerk
    types (started earlier, they would hold up the dialog's first paint)."""
    opening = StoreOpening(data_dir)
    dialog = LoginDialog(opening, parent, office_names=names)

    def behind() -> None:
        opening.start(dialog.opening_failed)
        preload_main_window()

    after_first_paint(dialog, behind)
    return dialog, opening


def login_while_opening(
    data_dir: Path, names: tuple[str, str], parent: QWidget | None = None
) -> tuple[Store, CurrentUser] | bool:
    """The log-in dialog at once while the store opens behind it: (store, user) after a
    log-in, False if the clerk quit, True if the store did not open (the caller opens it
    again, interactively, to say why)."""
    dialog, opening = login_dialog_while_opening(data_dir, names, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if accepted and dialog.user is not None and opening.store is not None:
        return opening.store, dialog.user
    ops.wait_writes()  # the opening may still run: let it finish, then let go of the store
    if opening.store is not None:
        opening.store.close()
    return dialog.store_failed


def started(store: Store, user: CurrentUser) -> Started:
    """The main window for ``user``, with the guard that checks the store daily."""
    from desktop.ui.store_health import StoreGuard

    window = show_main_window(store, user)
    return Started(store, user, window, StoreGuard(window, store.data_dir))


def launch(data_dir: Path, parent: QWidget | None = None) -> Started | int:
    """Everything before the event loop; an exit code if start-up stopped on the way.

    Exit codes: 1 when the store cannot be opened, 0 when the clerk cancelled setup or log-in.
    """
    use_office_templates(data_dir, parent)
    names = files.office_names(data_dir)
    if names is not None:
        logged_in = login_while_opening(data_dir, names, parent)
        if logged_in is False:
            return 0
        if isinstance(logged_in, tuple):
            opened, who = logged_in
            try:
                return started(opened, who)
            except BaseException:
                ops.wait_idle()
                opened.close()
                raise
    store = open_store_interactive(data_dir, parent)
    if store is None:
        return 1
    try:
        if not first_run(store, parent):
            store.close()
            return 0
        user = login(store, parent)
        if user is None:
            store.close()
            return 0
        return started(store, user)
    except BaseException:
        ops.wait_idle()
        store.close()
        raise


def run(data_dir: Path) -> int:
    """Start the desktop app on ``data_dir`` and return the process exit code."""
    app = make_app(language=i18n.read_language(data_dir))
    crash.install(paths.log_dir(data_dir))
    if not fonts_present():
        return 1
    while True:
        begun = launch(data_dir)
        if isinstance(begun, int):
            return begun
        try:
            code = app.exec()
        finally:
            sync = getattr(begun.window, "sync", None)
            if sync is not None:
                sync.stop()  # the background sync lets go of the store first
            ops.wait_idle()  # let a save that is under way land before the store closes
            ops.set_damage_handler(None)
            begun.store.close()
        if begun.guard is None or not begun.guard.restore_requested:
            return code
        from desktop.store import db

        backup = db.latest_backup(data_dir)
        if backup is None or restore_closed(data_dir, backup) is None:
            return 1
        # and open again, at the log-in, on the restored store


def restore_closed(data_dir: Path, backup: Path) -> Path | None:
    """Restore ``backup`` over the closed store; the backup, or None (the reason was shown)."""
    store = restore(data_dir, backup, None)
    if store is None:
        return None
    store.close()
    return backup


def fonts_present(parent: QWidget | None = None) -> bool:
    """The letter fonts must ship with the app: say which file is missing and how to fix it."""
    from desktop.render.fonts import missing_font_files

    missing = missing_font_files()
    if missing:
        QMessageBox.critical(parent, _tr("Berkas huruf surat tidak ada"), _tr(
            "Naskah tidak lengkap: berkas huruf surat tidak ditemukan ({files}). Surat tidak "
            "dapat dibuat tanpa huruf ini. Pasang ulang Naskah; data kantor tidak terpengaruh."
        ).format(files=", ".join(str(p) for p in missing)))  # fmt: skip
        return False
    return True
