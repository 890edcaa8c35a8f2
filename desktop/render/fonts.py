"""The shipped letter font (Liberation Sans, metric-compatible with Arial) and the Qt app it needs.

Letters must look the same on every PC, so the renderer never relies on an installed Arial: it
registers the TTF files shipped in ``resources/fonts`` with Qt once per process.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication

FONT_FILES: tuple[str, ...] = (
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
)

_lock = threading.Lock()
_family: str | None = None
_app: QCoreApplication | None = None  # keeps an app we created alive for the whole process


def resources_dir() -> Path:
    """Return the ``resources`` directory, inside a PyInstaller bundle or in the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def fonts_dir() -> Path:
    """Return the directory holding the shipped TTF files."""
    return resources_dir() / "fonts"


def missing_font_files() -> list[Path]:
    """The shipped letter fonts that are not where they should be (a broken installation)."""
    return [fonts_dir() / name for name in FONT_FILES if not (fonts_dir() / name).is_file()]


def ensure_gui_app() -> QGuiApplication:
    """Return the running QGuiApplication, creating one if no Qt application exists yet.

    Fonts and text layout need a GUI application. The desktop UI makes its own QApplication
    first; command-line tools and tests get a QGuiApplication from here. On a Linux box with no
    display the offscreen platform is used so rendering works headless.

    Raises RuntimeError if a plain QCoreApplication (without GUI support) is already running.
    """
    global _app
    app = QCoreApplication.instance()
    if app is None:
        if (
            sys.platform.startswith("linux")
            and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1] or ["naskah"])
        _app = app
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("a QCoreApplication without GUI support is running; cannot render")
    return app


def font_family() -> str:
    """Register the shipped fonts (once per process) and return their family name.

    Guarantees the returned family resolves to the shipped Liberation Sans files, whatever is
    installed on the PC. Creates a QGuiApplication if needed. Raises RuntimeError if the regular
    face cannot be loaded (a broken installation, better reported than silently substituted).
    """
    global _family
    with _lock:
        if _family is not None:
            return _family
        ensure_gui_app()
        family: str | None = None
        for name in FONT_FILES:
            path = fonts_dir() / name
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                if name.endswith("-Regular.ttf"):
                    raise RuntimeError(f"cannot load the letter font {path}")
                continue
            families = QFontDatabase.applicationFontFamilies(font_id)
            if family is None and families:
                family = families[0]
        if family is None:
            raise RuntimeError(f"no font family found in {fonts_dir()}")
        _family = family
        return _family
