"""Windows that fit the screen they open on.

Most kecamatan PCs are 1366x768 laptops at Windows' default 125%: 1093x574 logical px above the
taskbar. A window is never larger than that (less its frame), a dialog's buttons stay on screen,
long content scrolls inside the window instead of growing it, and the main window opens to fit
(maximised on a small screen) and then remembers its size and place per PC.
"""

from __future__ import annotations

from pathlib import Path

from desktop.ui.qt import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QRect,
    QResizeEvent,
    QScrollArea,
    QSettings,
    QSize,
    Qt,
    QWidget,
)

# A window's frame and title bar at 125% on Windows, for a window not shown yet (after it is
# shown, its real frame is used).
FRAME_ALLOWANCE = QSize(16, 40)
# The main window's size on a screen with room for it; on a smaller one it opens maximised.
MAIN_WINDOW_SIZE = QSize(1280, 720)
SETTINGS_FILE = "window.ini"  # per data dir: each office profile on each PC has its own
GEOMETRY_KEY = "main_window/geometry"


def available(widget: QWidget) -> QRect:
    """The screen area a window of ``widget`` may use (without the taskbar)."""
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry()


def _frame(window: QWidget) -> QSize:
    if window.isVisible():
        extra = window.frameGeometry().size() - window.geometry().size()
        if extra.width() > 0 or extra.height() > 0:
            return extra
    return FRAME_ALLOWANCE


def room(window: QWidget) -> QSize:
    """The largest size ``window`` may take on its screen, its frame included."""
    return available(window).size() - _frame(window)


def fit(window: QWidget, wanted: QSize) -> None:
    """Give a top-level window the size it wants, or as much as its screen has room for."""
    window.resize(wanted.boundedTo(room(window)))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that follows its width: long content scrolls
    instead of making the window taller than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area


class ElidedLabel(QLabel):
    """One line of text cut with "…" to the width it gets (the whole text as its tooltip), so a
    250-character Hal never makes a window wider than the screen."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._full) + 4
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        if shown != self.text():
            super().setText(shown)


def _settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def show_main_window(window: QMainWindow, data_dir: Path) -> None:
    """Show the main window where it was last closed on this PC, else fitted to the screen
    (maximised when the screen has less room than ``MAIN_WINDOW_SIZE``)."""
    saved = _settings(data_dir).value(GEOMETRY_KEY)
    # restoreGeometry moves and shrinks a saved geometry onto the screens there are now.
    if saved is not None and window.restoreGeometry(saved):
        window.show()
        return
    space = room(window)
    if space.width() < MAIN_WINDOW_SIZE.width() or space.height() < MAIN_WINDOW_SIZE.height():
        window.resize(MAIN_WINDOW_SIZE.boundedTo(space))
        window.showMaximized()
        return
    window.resize(MAIN_WINDOW_SIZE)
    screen = available(window)
    frame = window.frameGeometry()
    frame.moveCenter(screen.center())
    window.move(frame.topLeft())
    window.show()


def remember_main_window(window: QMainWindow, data_dir: Path) -> None:
    """Keep the main window's size, place and maximised state for the next start."""
    settings = _settings(data_dir)
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.sync()
