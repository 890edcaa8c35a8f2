"""A store that notices damage: the day's checked backup, and the dialog when damage is found.

``StoreGuard`` writes the day's backup off the GUI thread a little after the main window opens
and, while the app stays open, once an hour checks whether a new day needs one. Every backup is
checked with SQLite's ``quick_check`` on the copy (``db.backup_file``), so a damaged store is
found before its damage reaches the backups, and the rotation never drops the last good one.
Damage found then, or met by any read or write during work, shows ``offer_restart`` at once:
the clerk closes Naskah, which restores the newest good backup (the damaged file is kept aside)
and opens again at the log-in; changes since that backup come back from the server on the next
sync when this PC is enrolled.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from desktop.store import db
from desktop.store.errors import StoreDamaged, StoreError
from desktop.ui import ops
from desktop.ui.qt import (
    QCoreApplication,
    QEvent,
    QMainWindow,
    QMessageBox,
    QObject,
    QTimer,
    QWidget,
)

log = logging.getLogger(__name__)

BACKUP = "backup"  # its own reading thread: a long copy never holds up the letter list
FIRST_CHECK_MS = 20_000  # after the window is up and the clerk's first look at the queues
CHECK_EVERY_MS = 60 * 60 * 1000


def _tr(text: str) -> str:
    return QCoreApplication.translate("store_health", text)


def when_text(path: Path) -> str:
    """ "3 Maret 2026 pukul 10.04": when a backup was written."""
    from desktop.render.dates import format_date_id

    stamp = datetime.fromtimestamp(path.stat().st_mtime)
    return _tr("{date} pukul {time}").format(
        date=format_date_id(stamp.date()), time=stamp.strftime("%H.%M")
    )


def ways_out(data_dir: Path, backup: Path | None) -> str:
    """What the clerk can do about a damaged store, as the dialogs say it."""
    if backup is None:
        return _tr(
            "Tidak ada salinan cadangan yang dapat dipulihkan. Jangan hapus folder data "
            "({folder}); hubungi petugas TI kabupaten agar berkas ini diperiksa."
        ).format(folder=data_dir)
    text = _tr(
        "Ada cadangan yang baik dari {when}. Naskah dapat memulihkannya sekarang. Berkas yang "
        'rusak tidak dihapus: berkas itu disimpan di folder data dengan akhiran ".rusak" untuk '
        "diperiksa petugas TI. Perubahan sesudah {when} tidak ada di cadangan ini."
    ).format(when=when_text(backup))
    if db.enrolled(backup):
        text += " " + _tr(
            "PC ini terdaftar ke server: sinkronisasi berikutnya mengambil ulang dari server "
            "semua yang sudah dikirim kantor sejak cadangan itu."
        )
    return text


class StoreGuard(QObject):
    """Checked daily backups while ``window`` is open; damage -> ``offer_restart`` at once.

    ``restore_requested`` is set when the clerk chose to close Naskah and restore: the app then
    restores the newest good backup once the store is closed (``app.run``).
    """

    def __init__(self, window: QMainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window, self.data_dir = window, data_dir
        self.restore_requested = False
        self._asked = False
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check)
        ops.set_damage_handler(self.damaged)
        self.active = True
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def stop(self) -> None:
        """No more checks (the window closed); damage is no longer routed here."""
        self.active = False
        self.timer.stop()
        ops.set_damage_handler(None)

    def check(self) -> None:
        """Write (and check) today's backup in the background if it is due."""
        self._asked = False  # a clerk who declined is asked again at the next check
        if self.active and not self.running and not self.restore_requested:
            data_dir = self.data_dir
            self.running = True
            op = ops.ReadOp(self.window, lambda: db.daily_backup(data_dir), BACKUP)
            op.success(self._written).failure(self._failed).run()

    def _written(self, backup: object) -> None:
        self.running = False
        if backup is not None:
            log.info("daily backup written and checked: %s", backup)

    def _failed(self, exc: BaseException) -> bool:
        self.running = False
        if isinstance(exc, StoreDamaged):
            self.damaged(exc)
            return True
        if isinstance(exc, StoreError):  # a full disk, a folder turned read-only
            QMessageBox.warning(self.window, _tr("Cadangan harian tidak dapat dibuat"),
                                exc.message)  # fmt: skip
            return True
        return False  # a bug: logged, and the crash dialog

    def damaged(self, exc: StoreDamaged) -> None:
        """Say at once that the store is damaged, and offer to close and restore."""
        if self._asked:
            return
        self._asked = True
        if offer_restart(self.window, self.data_dir, exc):
            self.restore_requested = True
            self.stop()
            self.window.close()
        # Declined: not asked again at every read that meets the damage (a list repaints many
        # times), but at the next hourly check.


def offer_restart(parent: QWidget | None, data_dir: Path, exc: StoreDamaged) -> bool:
    """The damage dialog shown during work: True when the clerk chose to close and restore."""
    title = _tr("Berkas data rusak")
    backup = db.latest_backup(data_dir)
    found = _tr(
        "Naskah menemukan kerusakan pada berkas data kantor: {problem}\n\n"
        "Jangan lanjutkan bekerja dengan berkas ini."
    ).format(problem=exc.message)
    if backup is None:
        QMessageBox.critical(parent, title, found + "\n\n" + ways_out(data_dir, None))
        return False
    answer = QMessageBox.question(
        parent, title, found + "\n\n" + ways_out(data_dir, backup) + "\n\n" + _tr(
            "Tutup Naskah dan pulihkan cadangan sekarang? Naskah terbuka lagi sesudahnya."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes
