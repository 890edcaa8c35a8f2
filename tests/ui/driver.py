"""One way for GUI tests to use Naskah: as a person at the PC would.

``Driver`` (the ``driver`` fixture of tests/ui/conftest.py) logs a person in to the main window,
clicks queues, rows, buttons and menu items by what they say on screen, types into fields, picks
from lists, reads the status bar, the list and the letter on screen, and waits for what the app
does in the background. After qutebrowser's end-to-end tests, it is strict:

- a button or menu item is clicked only if it is on screen and enabled, and a text must name
  exactly one (while a modal dialog is open, only that dialog can be clicked);
- a modal dialog (``exec``), file or print dialog would block the test: the driver stands in
  for each, and one the test did not announce (``when_opened``, ``choose_file``,
  ``save_file_as``, ``print_to``) fails it, as does an announced dialog that never opened;
- every message box is recorded instead of blocking; one that a test not asking for the
  ``messages`` fixture did not expect fails it, with its text.

One driver is one PC's screen: one person logged in at a time (``log_in`` logs the previous
person out). For a second PC, make a second ``Driver``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import pytest
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.exceptions import TimeoutError as QtBotTimeout
from pytestqt.qtbot import QtBot

from desktop.letters.accounts import CurrentUser
from desktop.letters.queries import Queue, queue_label
from desktop.store.db import Store
from desktop.ui import first_paint, ops
from desktop.ui.main_window import QUEUE_ROLE, MainWindow
from desktop.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAction,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QModelIndex,
    QPlainTextEdit,
    QPoint,
    QPrinter,
    QPushButton,
    Qt,
    QTabWidget,
    QTextCursor,
    QTextEdit,
    QUrl,
    QWidget,
)
from desktop.ui.screen import show_main_window

if TYPE_CHECKING:
    from desktop.ui.editor_page import EditorPage
    from desktop.ui.letter_view import LetterView

# How long a step may take before the test says what it was waiting for. Generous on purpose:
# a shared CI box can be several times slower than a developer's machine; a real hang is still
# caught (and reported) well before the per-test timeout of pyproject.toml (120 s).
WAIT_MS = 30_000

D = TypeVar("D", bound=QDialog)
W = TypeVar("W", bound=QWidget)


def shown_text(text: str) -> str:
    """A button's or menu's text as it reads on screen: without the ``&`` of its shortcut."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).strip()


# -- message boxes ---------------------------------------------------------------------------


@dataclass
class MessageBoxes:
    """Every QMessageBox static call, recorded as (kind, title, text); ``answer`` for questions.

    ``expected`` is False when the test did not ask for them (the ``messages`` fixture): then
    any message shown fails the test.
    """

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    expected: bool = True
    # Per question, the button Enter would press (None: the one Qt picks, usually the first).
    defaults: list[QMessageBox.StandardButton | None] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [text for _kind, _title, text in self.shown]


def record_message_boxes(monkeypatch: pytest.MonkeyPatch, *, expected: bool) -> MessageBoxes:
    boxes = MessageBoxes(expected=expected)

    def recorder(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kw: Any) -> Any:
            boxes.shown.append((kind, title, text))
            if kind == "question":
                boxes.defaults.append(args[1] if len(args) > 1 else kw.get("defaultButton"))
                return boxes.answer
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return boxes


# -- modal dialogs -------------------------------------------------------------------------------


@dataclass
class _Expected(Generic[D]):
    cls: type[D]
    handle: Callable[[D], None]
    opened: list[D]


# -- the driver ------------------------------------------------------------------------------


class Driver:
    """Drives the app's windows for one test; see the module docstring for its rules."""

    def __init__(self, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: MessageBoxes):
        self.qtbot = qtbot
        self.monkeypatch = monkeypatch
        self.messages = messages
        self._window: MainWindow | None = None
        self._expected: list[_Expected[Any]] = []
        self._failures: list[BaseException] = []
        self._stand_in_for_modal_dialogs()

    def _stand_in_for_modal_dialogs(self) -> None:
        """A modal dialog would block the test: every ``exec``, file and print dialog is taken
        over, and one the test did not announce fails it (after the click that opened it)."""

        def exec_(dialog: QDialog) -> int:
            return self._exec(dialog)

        def unexpected(what: str, answer: Any) -> Any:
            def opened(*_args: Any, **_kw: Any) -> Any:
                self._failures.append(AssertionError(f"{what} opened that the test did not expect"))
                return answer

            return opened

        self.monkeypatch.setattr(QDialog, "exec", exec_)
        for name, answer in (("getOpenFileName", ("", "")), ("getSaveFileName", ("", ""))):
            fail = unexpected(f"a file dialog ({name})", answer)
            self.monkeypatch.setattr(QFileDialog, name, staticmethod(fail))
        self._print_dialog(None)

    # -- the main window ----------------------------------------------------------------------

    def log_in(self, store: Store, user: CurrentUser) -> MainWindow:
        """Open the main window as ``user`` (logging out whoever is in) and wait until it is
        ready: the person's queues counted, the busiest one shown, the sync status read."""
        if self._window is not None:
            self.log_out()
        return self.attach(MainWindow(store, user))

    def attach(self, window: MainWindow) -> MainWindow:
        """Take over a main window the app opened itself (at start-up), as ``log_in`` does."""
        self.qtbot.addWidget(window)
        if not window.isVisible():  # placed as the app places it: the suite's screen is a
            show_main_window(window, window.store.data_dir)  # 1366x768 laptop at 125%
        self.wait_until(lambda: bool(window.counts), f"{window.user.name}'s queues to be counted")
        self.wait_idle()  # and the sync client loaded behind the first paint (status bar)
        self._window = window
        return window

    def log_out(self) -> None:
        """Close the main window (it saves the open draft on the spot, as on quitting), and
        any dialog it still had open."""
        window = self.window
        self._window = None
        window.close()
        _close_dialogs(lambda dialog: _inside(dialog, window))

    @property
    def window(self) -> MainWindow:
        assert self._window is not None, "nobody is logged in: driver.log_in(...) first"
        return self._window

    # -- moving around ------------------------------------------------------------------------

    def open_queue(self, queue: Queue | str) -> None:
        """Click ``queue`` (a Queue, or its label: "Dikembalikan") in the sidebar."""
        window = self.window
        wanted = queue if isinstance(queue, Queue) else self._queue_named(queue)
        label = queue_label(wanted)
        sidebar = window.sidebar
        assert sidebar.isVisible(), f"the sidebar is not on screen to click {label!r}"
        items = [sidebar.item(i) for i in range(sidebar.count())]
        (item,) = [it for it in items if it.data(QUEUE_ROLE) == wanted]
        sidebar.scrollToItem(item)
        rect = sidebar.visualItemRect(item)
        self.qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.model.queue is wanted, (
            f"clicking {label!r} left the list on {queue_label(window.model.queue)!r}"
        )

    def open_incoming(self, label: str) -> Any:
        """Click an incoming queue in the sidebar ("Surat Masuk Baru", "Surat Masuk",
        "Disposisi") and return the incoming page once it shows that list."""
        from desktop.letters.incoming_queries import INCOMING_QUEUE_LABELS
        from desktop.ui.incoming_page import INCOMING_ROLE

        window = self.window
        wanted = [q for q, text in INCOMING_QUEUE_LABELS.items() if text == label]
        assert wanted, f"no incoming queue {label!r}"
        sidebar = window.sidebar
        items = [sidebar.item(i) for i in range(sidebar.count())]
        (item,) = [it for it in items if it.data(INCOMING_ROLE) == wanted[0].value]
        sidebar.scrollToItem(item)
        rect = sidebar.visualItemRect(item)
        self.qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        page = window.incoming.page
        assert page is not None and window.stack.currentWidget() is page, f"{label!r} not shown"
        assert page.model.queue is wanted[0]
        return page

    @staticmethod
    def _queue_named(label: str) -> Queue:
        for queue in Queue:
            if queue_label(queue) == label:
                return queue
        shown = [queue_label(q) for q in Queue]
        raise AssertionError(f"no queue {label!r}; the sidebar has {shown}")

    def select_row(self, row: int | str, table: QAbstractItemView | None = None) -> None:
        """Click a row once: of the letter list (by index, or by its Hal), or of ``table``."""
        if table is None:
            table = self.window.table
            index = self._row_index(row)
        else:
            assert isinstance(row, int), "rows of other tables are given by index"
            index = table.model().index(row, 0)
            assert index.isValid(), f"no row {row} in the table"
        self._on_screen(table, "the table")
        table.scrollTo(index)
        pos = table.visualRect(index).center()
        self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)

    def open_letter(self, row: int | str = 0) -> EditorPage | LetterView:
        """Double-click a row of the list (by index, or by its Hal) and wait until the letter is
        open: in the editor (the person's own draft) or in the letter view, read in full."""
        window = self.window
        index = self._row_index(row)
        table = window.table
        self._on_screen(table, "the list")
        table.scrollTo(index)
        pos = table.visualRect(index).center()
        self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        self.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        self.wait_until(
            lambda: window.editor_page is not None or window.letter_view is not None,
            f"row {row!r} to open",
        )
        if window.editor_page is not None:
            return window.editor_page
        return self.letter_view()

    def new_letter(self, label: str) -> EditorPage:
        """ "+ Konsep Baru", then the letter type (``label`` as in the menu: "Surat Undangan")."""
        self.click("+ Konsep Baru", label)
        return self.editor_page()

    def editor_page(self) -> EditorPage:
        """The editor, once it is on screen."""
        window = self.window
        self.wait_until(lambda: window.editor_page is not None, "the editor to open")
        assert window.editor_page is not None
        return window.editor_page

    def letter_view(self) -> LetterView:
        """The letter view, once it is on screen with the letter read in full."""
        window = self.window

        def loaded() -> bool:
            view = window.letter_view
            return view is not None and view.data is not None

        self.wait_until(loaded, "the letter view to show the letter")
        assert window.letter_view is not None
        return window.letter_view

    def back_to_list(self) -> None:
        """ "← Daftar surat": the open letter closes and the list shows again."""
        window = self.window
        self.click("← Daftar surat")
        self.wait_until(lambda: window.stack.currentWidget() is window.list_page, "the list")

    # -- acting -------------------------------------------------------------------------------

    def click(self, *path: str | QAbstractButton, within: QWidget | None = None) -> None:
        """Click a button, or choose a menu item, by what it says on screen.

        ``click("Paraf")`` clicks the one button (or menu item) that reads "Paraf";
        ``click("Surat", "Periksa keaslian PDF...")`` chooses from the menu bar, and
        ``click("+ Konsep Baru", "Surat Dinas")`` from a button's menu. A button object may be
        given instead of a text. ``within`` narrows the search to a dialog or page; while a
        modal dialog is open, only it can be clicked.
        """
        assert path, "click what?"
        first = path[0]
        if isinstance(first, QAbstractButton):
            assert len(path) == 1, "a button object is clicked on its own"
            self._press(first)
        elif len(path) == 1:
            self._click_text(first, within)
        else:
            assert all(isinstance(p, str) for p in path)
            self._choose(list(path), within)  # type: ignore[arg-type]
        self._raise_failures()

    def _press(self, button: QAbstractButton) -> None:
        name = shown_text(button.text()) or button.objectName() or type(button).__name__
        self._on_screen(button, f"button {name!r}")
        assert button.isEnabled(), f"button {name!r} is disabled"
        modal = QApplication.activeModalWidget()
        if modal is not None:
            assert modal is button.window() or modal.isAncestorOf(button), (
                f"button {name!r} is behind the modal dialog {modal.windowTitle()!r}"
            )
        pos = button.rect().center()
        if button.isCheckable() and not isinstance(button, QPushButton):
            pos.setX(8)  # on the box or circle: a wide check box only reacts on its content
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=pos)

    def _on_screen(self, widget: QWidget, what: str) -> None:
        """A widget just added shows once the app has run (as a person waits a blink for it)."""
        if not widget.isVisible():
            try:
                self.qtbot.waitUntil(widget.isVisible, timeout=1000)
            except QtBotTimeout:
                raise AssertionError(f"{what} is not on screen") from None

    def _scope(self, within: QWidget | None) -> QWidget:
        if within is not None:
            return within
        modal = QApplication.activeModalWidget()
        if modal is not None:
            return modal
        if self._window is not None:
            return self._window
        # Nobody logged in: a test of one dialog, the one window on screen.
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert len(shown) == 1, f"nobody logged in, and {len(shown)} windows on screen: within="
        return shown[0]

    def _click_text(self, text: str, within: QWidget | None) -> None:
        scope = self._scope(within)
        buttons = [b for b in scope.findChildren(QAbstractButton) if shown_text(b.text()) == text]
        on_screen = [b for b in buttons if b.isVisible()]
        items = [] if within is not None or scope is not self._window else self._menu_items(text)
        found = len(on_screen) + len(items)
        if found == 0:
            if buttons:
                raise AssertionError(f"button {text!r} is not on screen")
            seen = sorted({shown_text(b.text()) for b in scope.findChildren(QAbstractButton)
                           if b.isVisible() and b.text()})  # fmt: skip
            raise AssertionError(f"no button or menu item {text!r}; on screen: {seen}")
        if found > 1:
            where = [" > ".join(p) for p, _a in items] + ["button"] * len(on_screen)
            raise AssertionError(f"{text!r} is ambiguous ({where}): name its menu, or within=")
        if on_screen:
            self._press(on_screen[0])
        else:
            self._choose(list(items[0][0]), within)

    def _menu_items(self, text: str) -> list[tuple[tuple[str, ...], QAction]]:
        """Every menu item reading ``text`` in the window's menu bar and its buttons' menus,
        with the path a person takes to it."""
        found: list[tuple[tuple[str, ...], QAction]] = []

        def walk(menu: QMenu, path: tuple[str, ...]) -> None:
            for action in menu.actions():
                name = shown_text(action.text())
                submenu = _submenu(action)
                if submenu is not None:
                    walk(submenu, (*path, name))
                elif name == text:
                    found.append(((*path, name), action))

        window = self.window
        for action in window.menuBar().actions():
            submenu = _submenu(action)
            if submenu is not None:
                walk(submenu, (shown_text(action.text()),))
        for button in window.findChildren(QPushButton):
            if button.menu() is not None and button.isVisible():
                walk(button.menu(), (shown_text(button.text()),))
        return found

    def _choose(self, path: list[str], within: QWidget | None) -> None:
        modal = QApplication.activeModalWidget()
        assert modal is None, f"the modal dialog {modal.windowTitle()!r} is open: no menus now"
        window = self.window
        head, *rest = path
        bar = [a for a in window.menuBar().actions() if shown_text(a.text()) == head]
        if bar:
            (top,) = bar
            assert top.isVisible() and top.isEnabled(), f"menu {head!r} is disabled"
            found = _submenu(top)
            assert found is not None, f"{head!r} is no menu"
            menu = found
        else:
            scope = within or window
            buttons = [b for b in scope.findChildren(QPushButton)
                       if shown_text(b.text()) == head and b.menu() is not None]  # fmt: skip
            assert buttons, f"no menu {head!r} in the menu bar, nor a button {head!r} with one"
            (button,) = buttons
            assert button.isVisible(), f"button {head!r} is not on screen"
            assert button.isEnabled(), f"button {head!r} is disabled"
            menu = button.menu()
        walked = [head]
        for name in rest:
            walked.append(name)
            matches = [a for a in menu.actions() if shown_text(a.text()) == name]
            assert matches, (
                f"no {' > '.join(walked)!r}; the menu has "
                f"{[shown_text(a.text()) for a in menu.actions() if not a.isSeparator()]}"
            )
            (action,) = matches
            assert action.isVisible(), f"{' > '.join(walked)!r} is hidden"
            assert action.isEnabled(), f"{' > '.join(walked)!r} is disabled"
            submenu = _submenu(action)
            if submenu is not None:
                menu = submenu
                continue
            assert name == path[-1], f"{' > '.join(walked)!r} is an item, not a menu"
            action.trigger()
            return
        raise AssertionError(f"{' > '.join(path)!r} is a menu, not an item")

    def menu_item(self, *path: str) -> QAction:
        """The menu item at ``path`` ("Administrasi", "Pegawai..."), to read (enabled? text?)."""
        window = self.window
        actions = window.menuBar().actions()
        action: QAction | None = None
        for depth, name in enumerate(path):
            matches = [a for a in actions if shown_text(a.text()) == name]
            assert len(matches) == 1, f"no single {' > '.join(path[: depth + 1])!r}"
            action = matches[0]
            submenu = _submenu(action)
            actions = submenu.actions() if submenu is not None else []
        assert action is not None
        return action

    def type_into(self, field: QWidget, text: str, *, replace: bool = False) -> None:
        """Click into ``field`` (after what it holds) and type ``text`` key by key;
        ``replace`` first selects everything in it and deletes it, as Ctrl+A, Backspace."""
        name = field.objectName() or type(field).__name__
        self._on_screen(field, f"field {name}")
        assert field.isEnabled(), f"field {name} is disabled"
        field.setFocus()
        if isinstance(field, QLineEdit):
            assert not field.isReadOnly(), f"field {name} is read-only"
            if replace:
                field.selectAll()
            else:
                field.setCursorPosition(len(field.text()))
        elif isinstance(field, QTextEdit | QPlainTextEdit):
            if replace:
                field.selectAll()
            else:
                field.moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(field, QAbstractSpinBox):
            if replace:
                field.selectAll()
        else:
            assert not replace, f"cannot select everything in a {type(field).__name__}"
        if replace:
            self.qtbot.keyClick(field, Qt.Key.Key_Backspace)
        self.qtbot.keyClicks(field, text)

    def clear(self, field: QWidget) -> None:
        """Empty ``field`` as a person would: select everything, Backspace."""
        self.type_into(field, "", replace=True)

    def pick(self, combo: QComboBox, text: str) -> None:
        """Choose the item of ``combo`` that reads ``text`` (or the only one containing it)."""
        texts = [combo.itemText(i) for i in range(combo.count())]
        self._on_screen(combo, f"the list to pick {text!r} from")
        assert combo.isEnabled(), f"the list to pick {text!r} from is disabled"
        matches = [i for i, t in enumerate(texts) if t == text]
        if not matches:
            matches = [i for i, t in enumerate(texts) if text in t]
        assert len(matches) == 1, f"{text!r} names {len(matches)} items of {texts}"
        combo.setCurrentIndex(matches[0])

    def open_tab(self, tabs: QTabWidget, title: str) -> None:
        """Click the tab reading ``title``."""
        bar = tabs.tabBar()
        titles = [shown_text(bar.tabText(i)) for i in range(bar.count())]
        assert title in titles, f"no tab {title!r}; the tabs are {titles}"
        at = titles.index(title)
        assert bar.isTabEnabled(at), f"tab {title!r} is disabled"
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(at).center())
        assert tabs.currentIndex() == at

    def press(self, widget: QWidget, key: Qt.Key) -> None:
        """Press ``key`` on ``widget`` (e.g. Enter on the list)."""
        self._on_screen(widget, type(widget).__name__)
        widget.setFocus()
        self.qtbot.keyClick(widget, key)

    def click_header(self, column: str) -> None:
        """Click the list's column header ``column`` ("Hal"), as to sort by it."""
        table = self.window.table
        header = table.horizontalHeader()
        section = self._column(column)
        at = QPoint(header.sectionViewportPosition(section) + 20, header.height() // 2)
        self.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)

    def show(self, widget: W) -> W:
        """Put a dialog or widget made by the test on screen (tests of one dialog)."""
        self.qtbot.addWidget(widget, before_close_func=_put_away)
        widget.show()
        return widget

    # -- dialogs ------------------------------------------------------------------------------

    def dialog(self, cls: type[D], timeout: int = WAIT_MS) -> D:
        """The one dialog of ``cls`` on screen (waiting for it to open): the ones opened with
        ``open()`` or ``show()``, e.g. after "Kirim..."."""

        def shown() -> list[D]:
            return [
                w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()
            ]

        self.wait_until(lambda: bool(shown()), f"a {cls.__name__} to open", timeout)
        found = shown()
        assert len(found) == 1, f"{len(found)} {cls.__name__} dialogs are open"
        return found[0]

    def when_opened(self, cls: type[D], handle: Callable[[D], None]) -> list[D]:
        """Each time the app runs a ``cls`` modally (``exec``), ``handle`` works in it as a
        person would; once it returns (and the work it started is done), a dialog still open is
        closed with "Batal". Returns the dialogs opened, to check afterwards. The first
        announcement that fits a dialog handles it.

        ``exec`` would block the test; the driver stands in for it and shows the dialog modal.
        """
        opened: list[D] = []
        self._expected.append(_Expected(cls, handle, opened))
        return opened

    def _exec(self, dialog: QDialog) -> int:
        expected = [e for e in self._expected if isinstance(dialog, e.cls)]
        if not expected:
            self._failures.append(AssertionError(
                f"a modal {type(dialog).__name__} {dialog.windowTitle()!r} opened that the test "
                "did not expect (driver.when_opened)"
            ))  # fmt: skip
            return QDialog.DialogCode.Rejected.value
        handler = expected[0]
        handler.opened.append(dialog)
        if dialog.parent() is None:
            self.qtbot.addWidget(dialog)
        was_modal = dialog.testAttribute(Qt.WidgetAttribute.WA_ShowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_ShowModal, True)
        dialog.setResult(QDialog.DialogCode.Rejected.value)
        dialog.show()
        try:
            handler.handle(dialog)
            self.wait_idle()
        except BaseException as exc:  # raised again once the click that opened it returns
            self._failures.append(exc)
        finally:
            if dialog.isVisible():
                dialog.reject()  # the person closes it
            dialog.setAttribute(Qt.WidgetAttribute.WA_ShowModal, was_modal)
        return dialog.result()

    def choose_file(self, path: Path) -> None:
        """From now on, the "open file" dialog picks ``path``."""
        self.monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
        )

    def save_file_as(self, path: Path) -> None:
        """From now on, the "save file" dialog saves to ``path``."""
        self.monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
        )

    def print_to(self, path: Path) -> None:
        """From now on, the print dialog prints to the PDF file ``path`` and says OK."""
        self._print_dialog(path)

    def _print_dialog(self, path: Path | None) -> None:
        from desktop.ui import letter_view

        failures = self._failures

        class PrintDialog:
            def __init__(self, printer: QPrinter, _parent: QWidget) -> None:
                if path is None:
                    failures.append(AssertionError("a print dialog opened unexpectedly"))
                    return
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(str(path))

            def exec(self) -> QDialog.DialogCode:
                if path is None:
                    return QDialog.DialogCode.Rejected
                return QDialog.DialogCode.Accepted

        self.monkeypatch.setattr(letter_view, "QPrintDialog", PrintDialog)
        from desktop.ui import incoming_view

        self.monkeypatch.setattr(incoming_view, "QPrintDialog", PrintDialog)

    # -- dragging files -----------------------------------------------------------------------

    def drag(self, mime: Any, on: QWidget | None = None) -> bool:
        """Drag ``mime`` (``dragged_files``) over the main window (or the dialog ``on``); True
        if it would take it."""
        from PySide6.QtGui import QDragEnterEvent

        event = QDragEnterEvent(
            QPoint(400, 300), Qt.DropAction.CopyAction, mime,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(on or self.window, event)
        return event.isAccepted()

    def drop(self, mime: Any, on: QWidget | None = None) -> bool:
        """Drop ``mime`` on the main window (or on the dialog ``on``); True if it took it."""
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QDropEvent

        event = QDropEvent(
            QPointF(400, 300), Qt.DropAction.CopyAction, mime,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(on or self.window, event)
        return event.isAccepted()

    # -- reading ------------------------------------------------------------------------------

    def status_message(self) -> str:
        """The message the status bar shows now ("Naskah dikirim kepada ...")."""
        return self.window.statusBar().currentMessage()

    def sidebar(self) -> list[str]:
        """The queues as the sidebar lists them, with their counts: "Konsep  (2)"."""
        sidebar = self.window.sidebar
        return [sidebar.item(i).text() for i in range(sidebar.count())]

    def row_count(self) -> int:
        return self.window.model.rowCount()

    def cell(self, row: int, column: str) -> str:
        """The text of the list at ``row`` under the header ``column`` ("Nomor", "Hal")."""
        model = self.window.model
        return str(model.index(row, self._column(column)).data() or "")

    def row(self, row: int) -> list[str]:
        """Every cell of the list's ``row``, left to right."""
        model = self.window.model
        return [str(model.index(row, c).data() or "") for c in range(model.columnCount())]

    def rows(self, column: str = "Hal") -> list[str]:
        """The column ``column`` of every row of the list (reads every page: small lists)."""
        return [self.cell(r, column) for r in range(self.row_count())]

    def _column(self, title: str) -> int:
        model = self.window.model
        titles = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert title in titles, f"no column {title!r}; the list has {titles}"
        return titles.index(title)

    def _row_index(self, row: int | str) -> QModelIndex:
        model = self.window.model
        column = self._column("Hal")
        if isinstance(row, int):
            assert 0 <= row < model.rowCount(), f"no row {row}: the list has {model.rowCount()}"
            return model.index(row, column)
        found = [r for r in range(model.rowCount()) if model.index(r, column).data() == row]
        assert len(found) == 1, f"{len(found)} rows have Hal {row!r}"
        return model.index(found[0], column)

    def field(self, caption: str) -> str:
        """What the open letter view shows beside ``caption`` ("Nomor", "Status", "Di tangan")."""
        window = self.window
        view = window.letter_view
        assert view is not None and view.data is not None, "no letter is shown"
        captions = []
        for row in range(view.details.rowCount()):
            label = view.details.itemAtPosition(row, 0)
            value = view.details.itemAtPosition(row, 1)
            if label is None or value is None:
                continue
            name = _plain(label.widget().text())  # type: ignore[union-attr]
            captions.append(name)
            if name == caption:
                widget = value.widget()
                assert isinstance(widget, QLabel)
                return widget.text()
        raise AssertionError(f"the letter view has no {caption!r}; it shows {captions}")

    def history(self) -> list[str]:
        """The open letter's history, one line per event, oldest first."""
        view = self.letter_view()
        return [view.history.item(i).text() for i in range(view.history.count())]

    # -- waiting ------------------------------------------------------------------------------

    def wait_until(
        self, condition: Callable[[], Any], what: str = "", timeout: int = WAIT_MS
    ) -> None:
        """Let the app run until ``condition()`` holds; fail after ``timeout`` ms saying ``what``
        was waited for."""
        try:
            self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)
        except QtBotTimeout:
            raise AssertionError(f"waited {timeout} ms for {what or 'a condition'}") from None
        self._raise_failures()

    def wait_idle(self, timeout: int = 30_000) -> None:
        """Until no operation is queued, running, or has a result still to deliver, every
        store change has reached its listeners (``ops.busy``), and no work waits for a window
        on screen to be painted (``first_paint.pending``: the store opening behind the log-in
        dialog, the counts behind the main window)."""
        # The relays are held until their result is delivered on the GUI thread.
        self.wait_until(
            lambda: not ops.busy() and not first_paint.pending(),
            "the background work to finish",
            timeout,
        )

    # -- the end of a test --------------------------------------------------------------------

    def _raise_failures(self) -> None:
        if self._failures:
            first = self._failures[0]
            self._failures.clear()
            raise first

    def finish(self) -> None:
        """After the test: what went wrong out of its sight fails it (once: what was reported
        is forgotten); the screen is cleared of dialogs (qtbot closes the windows)."""
        self.wait_idle()
        self._raise_failures()
        _close_dialogs(lambda _dialog: True)
        never = [e.cls.__name__ for e in self._expected if not e.opened]
        self._expected = [e for e in self._expected if e.opened]
        if never:
            pytest.fail(f"the test expected dialogs that never opened: {never}")
        if self.messages.shown and not self.messages.expected:
            lines = [f"{kind} {title!r}: {text}" for kind, title, text in self.messages.shown]
            self.messages.shown.clear()
            pytest.fail("message boxes the test did not expect:\n" + "\n".join(lines))


def _submenu(action: QAction) -> QMenu | None:
    menu = action.menu()
    return menu if isinstance(menu, QMenu) else None


def _inside(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def _put_away(widget: QWidget) -> None:
    """At the test's end, a dialog is hidden before qtbot closes it: closing a visible dialog is
    a person's "Batal", which may rightly ask before discarding what was typed."""
    if isinstance(widget, QDialog) and widget.isVisible():
        widget.done(QDialog.DialogCode.Rejected.value)


def _close_dialogs(which: Callable[[QDialog], bool]) -> None:
    # The test's end clears the screen: done(), not close(), which a person's "Batal" would
    # be (a dialog may rightly ask before discarding what was typed).
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and which(widget):
            widget.done(QDialog.DialogCode.Rejected.value)


def dragged_files(*paths: Path | str) -> Any:
    """What a drag of files carries: local paths, or URLs given as text."""
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setUrls([QUrl(p) if isinstance(p, str) else QUrl.fromLocalFile(str(p)) for p in paths])
    return mime
