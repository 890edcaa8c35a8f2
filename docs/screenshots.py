"""Draw the guides' pictures: the real app, offscreen, on sample data, in each UI language.

    .venv/bin/python docs/screenshots.py                    docs/img/id/*.png and docs/img/en/*.png
    .venv/bin/python docs/screenshots.py --out DIR --languages en

Every picture comes from the app's own windows (``QWidget.grab``) on a store set up and filled
through the real services, at a fixed instant (3 March 2026, 10:30 WIT), so the pictures change
only when the app does. ``docs/panduan-pengguna.md`` (Bahasa Indonesia) shows the ``id`` set and
``docs/admin-guide.md`` the ``en`` set; tests/ui/test_screenshots.py runs this script and checks
that every picture the guides (and the README) show is drawn, so none can go stale unnoticed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

INSTANT = datetime(2026, 3, 3, 1, 30, tzinfo=UTC)  # 10:30 in Wamena (WIT)
SIZE = (1280, 720)
SHOTS = (
    "wizard", "login", "main-window", "editor", "send", "letter-view", "office-settings",
    "people", "sync", "language",
)  # fmt: skip
PASSWORD = "latihan123"


def _settle(seconds: float = 0.4) -> None:
    """Let the app finish its background reads and paint (previews render off the GUI
    thread)."""
    from desktop.ui import ops
    from desktop.ui.qt import QApplication

    end = time.monotonic() + seconds
    while True:
        QApplication.processEvents()
        ops.wait_idle()
        QApplication.processEvents()
        if time.monotonic() >= end and not ops.busy():
            return
        time.sleep(0.02)


def _until(condition: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    from desktop.ui.qt import QApplication

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"screenshots: waited {timeout:.0f} s for {what}")
        QApplication.processEvents()
        time.sleep(0.02)


@contextmanager
def _no_modal() -> Iterator[None]:
    """Dialogs are shown, not run (``exec`` would wait for a person)."""
    from desktop.ui.qt import QDialog

    exec_ = QDialog.exec

    def show_instead(self: QDialog) -> int:
        self.show()
        return 0

    QDialog.exec = show_instead  # type: ignore[method-assign]
    try:
        yield
    finally:
        QDialog.exec = exec_  # type: ignore[method-assign]


class Camera:
    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.taken: list[Path] = []

    def shoot(self, name: str, widget: object, size: tuple[int, int] | None = None) -> None:
        from desktop.ui.qt import QWidget

        assert isinstance(widget, QWidget) and name in SHOTS, name
        if size is not None:
            widget.resize(*size)
        widget.show()
        _settle()
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise SystemExit(f"screenshots: cannot write {path}")
        self.taken.append(path)
        widget.close()


def _office(store: object) -> None:
    from desktop.letters import accounts, office, sample

    office_in = office.OfficeInput(
        kabupaten="Jayawijaya", kecamatan="Wamena", unit_code="Kec.WMN",
        address="Jl. Yos Sudarso No. 1, Wamena", phone="(0969) 31001",
        email="kecamatan.wamena@jayawijayakab.go.id", website="wamena.jayawijayakab.go.id",
    )  # fmt: skip
    admin_in = accounts.PersonInput(
        "Admin Kantor", "198503122010011002", "Penata (III/c)", "Pengelola Sistem", "admin",
        frozenset({accounts.Role.ADMIN}), PASSWORD,
    )  # fmt: skip
    _, admin = office.setup(store, office_in, admin_in)  # type: ignore[arg-type]
    user = accounts.CurrentUser(admin.id, admin.name, accounts.parse_roles(admin.roles))
    sample.fill(store, user)  # type: ignore[arg-type]


def _camat_id(store: object) -> str:
    from desktop.letters import accounts

    people = accounts.list_people(store)  # type: ignore[arg-type]
    return next(p.id for p in people if p.username == "agustinus")


def shoot_language(language: str, out: Path) -> list[Path]:
    """Every picture of ``SHOTS`` for ``language`` into ``out``."""
    from desktop.letters import accounts, queries
    from desktop.letters.queries import ListFilter, Queue
    from desktop.store import db
    from desktop.ui import i18n as ui_i18n
    from desktop.ui.login import LoginDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.people import PeopleDialog
    from desktop.ui.review_dialogs import SendDialog
    from desktop.ui.settings import LanguageDialog, OfficeSettingsDialog
    from desktop.ui.sync_settings import SyncSettingsDialog
    from desktop.ui.wizard import SetupWizard

    ui_i18n.use_language(language)
    camera = Camera(out)
    with tempfile.TemporaryDirectory(prefix="naskah-gambar-") as tmp, _no_modal():
        data_dir = Path(tmp) / "kantor"
        store = db.open_store(data_dir)
        try:
            camera.shoot("wizard", SetupWizard(store))
            _office(store)
            camera.shoot("login", LoginDialog(store))
            drafter = accounts.login(store, "yohanes", PASSWORD)
            admin = accounts.login(store, "admin", PASSWORD)
            window = MainWindow(store, drafter)
            window.resize(*SIZE)
            window.show()
            _until(lambda: bool(window.counts), "the queues to be counted")
            window.open_queue(Queue.OUTGOING)
            camera.shoot("main-window", window, SIZE)
            drafts = queries.page(store, drafter, Queue.DRAFTS, ListFilter(), limit=10)
            window.show()
            window.open_letter(drafts[0].id)
            _until(lambda: window.editor_page is not None, "the editor")
            camera.shoot("editor", window, SIZE)
            camera.shoot("send", SendDialog(store, _camat_id(store), drafter.id))
            signed = queries.page(store, drafter, Queue.OUTGOING, ListFilter(), limit=1)
            window.show()
            window.open_letter(signed[0].id)
            _until(lambda: window.letter_view is not None and window.letter_view.data is not None,
                   "the letter view")  # fmt: skip
            camera.shoot("letter-view", window, SIZE)
            window.close()
            camera.shoot("office-settings", OfficeSettingsDialog(store, admin))
            camera.shoot("people", PeopleDialog(store, admin))
            admin_window = MainWindow(store, admin)
            camera.shoot("sync", SyncSettingsDialog(store, admin_window.sync))
            admin_window.close()
            camera.shoot("language", LanguageDialog(data_dir))
            _settle()
        finally:
            store.close()
    ui_i18n.reset()
    return camera.taken


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    p.add_argument("--languages", default="id,en")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    os.environ["TZ"] = "Asia/Jayapura"  # the sample office is in Wamena (WIT)
    time.tzset()
    from desktop.store import clock
    from desktop.ui.qt import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setStyle("Fusion")  # the same look on every machine that draws them
    clock.set_clock(lambda: INSTANT)
    try:
        for language in args.languages.split(","):
            taken = shoot_language(language, args.out / language)
            print(f"{language}: {len(taken)} pictures in {args.out / language}")
    finally:
        clock.set_clock(None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
