"""Checking a signed PDF from the app: drop it anywhere on the main window, or Surat > "Periksa
keaslian PDF...". The result shows in a dialog: a green or red verdict, then the same lines
``naskah verify`` prints (selectable, with "Salin"), and "Buka surat" for our own letter. The
dialog also takes a verification code typed from a paper letter ("Periksa kode"), read as the
public verification page reads it (any case, 0/O, 1/l/I, 8/B), and checks that letter's PDF
as this PC holds it.

The file is read and verified on the writer thread (``ops``), since a confidential letter's
details shown to a participant are written to the audit log; the window never waits for it.
``PdfVerifier`` is everything the main window needs: it installs the drop handling as an event
filter, so the window itself only creates it and adds the menu action.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from desktop.letters.accounts import CurrentUser
from desktop.letters.errors import ServiceError
from desktop.store.db import Store
from desktop.store.errors import UserError
from desktop.ui import ops
from desktop.ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.letters.verification import PdfCheck

# A verdict stays readable for people who do not tell red from green: it is also in words.
_STYLES = {
    "busy": "color: #333; background: #eeeeee;",
    "valid": "color: #1b5e20; background: #e8f5e9; border: 1px solid #2e7d32;",
    "invalid": "color: #b71c1c; background: #ffebee; border: 1px solid #c62828;",
}


class _Mime(Protocol):
    def hasUrls(self) -> bool: ...
    def urls(self) -> list[QUrl]: ...


class _DragEvent(Protocol):
    def mimeData(self) -> _Mime: ...
    def acceptProposedAction(self) -> None: ...


def dropped_pdf(mime: _Mime | None) -> Path | None:
    """The one local .pdf file a drag carries; None for anything else (several files, a web
    address, text, another kind of file)."""
    if mime is None or not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".pdf" else None


def _read_and_check(store: Store, user: CurrentUser, path: Path) -> PdfCheck:
    from desktop.i18n import _
    from desktop.letters.verification import check_pdf

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError(
            _("Berkas tidak dapat dibaca: {f} ({e}).").format(f=path.name, e=exc.strerror or exc)
        ) from exc
    return check_pdf(store, data, user=user, name=path.name)


CodeChecker = Callable[[str], "PdfCheck"]


class VerifyDialog(QDialog):
    """The result of checking one PDF (shows "Memeriksa..." until ``show_check``); with
    ``check_code``, a field to check a letter by the verification code printed on it."""

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        on_open: Callable[[str], None] | None = None,
        check_code: CodeChecker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Periksa keaslian PDF"))
        self.resize(720, 460)
        self.check: PdfCheck | None = None
        self._on_open = on_open
        self.headline = QLabel(self.tr("Memeriksa {f}...").format(f=name))
        self.headline.setObjectName("verdict")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.headline.setFont(font)
        self._style("busy")
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Salin"))
        self.copy_button.setToolTip(self.tr("Salin hasil pemeriksaan ke papan klip"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        self.open_button = QPushButton(self.tr("Buka surat"))
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_letter)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        self._check_code = check_code
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("kode verifikasi pada surat, 20 huruf dan angka"))
        self.code_button = QPushButton(self.tr("Periksa kode"))
        if check_code is not None:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Kode verifikasi:")))
            row.addWidget(self.code, 1)
            row.addWidget(self.code_button)
            layout.addLayout(row)
            self.code.returnPressed.connect(self.check_typed_code)
            self.code_button.clicked.connect(self.check_typed_code)
        layout.addWidget(buttons)

    def _style(self, kind: str) -> None:
        self.headline.setProperty("verdict", kind)
        self.headline.setStyleSheet(f"QLabel#verdict {{ {_STYLES[kind]} padding: 8px; }}")

    def show_check(self, check: PdfCheck) -> None:
        from desktop.letters.verification import describe

        self.check = check
        lines = describe(check)
        self.headline.setText(lines[0])
        self.details.setPlainText("\n".join(lines[1:]))
        self._style("valid" if check.valid else "invalid")
        self.copy_button.setEnabled(True)
        record = check.record
        self.open_button.setVisible(
            self._on_open is not None and record is not None and record.visible
        )

    def check_typed_code(self) -> None:
        """Check the letter whose code is typed in the field (off the GUI thread)."""
        typed = self.code.text().strip()
        if not typed or self._check_code is None:
            return
        checker = self._check_code
        self.check = None
        self.headline.setText(self.tr("Memeriksa kode {c}...").format(c=typed))
        self.details.setPlainText("")
        self._style("busy")
        self.copy_button.setEnabled(False)
        self.open_button.hide()

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, UserError):
                self.show_failure(exc.message)
                return True
            return False

        ops.WriteOp(self, lambda: checker(typed)).success(self.show_check).failure(failed).run()

    def show_failure(self, message: str) -> None:
        self.headline.setText(message)
        self.details.setPlainText("")
        self._style("invalid")
        self.copy_button.setEnabled(True)

    @property
    def text(self) -> str:
        """Everything the dialog says, as the command line would print it."""
        body = self.details.toPlainText()
        return self.headline.text() + ("\n" + body if body else "")

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text)

    def _open_letter(self) -> None:
        if self._on_open is not None and self.check is not None and self.check.record:
            self._on_open(self.check.record.letter_id)
        self.accept()


class PdfVerifier(QObject):
    """Drop a PDF on ``window`` (or pick one) to check it; each check gets its own dialog."""

    def __init__(
        self,
        window: QWidget,
        store: Store,
        user: CurrentUser,
        on_open: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.target = window
        self.store = store
        self.user = user
        self.on_open = on_open
        self.dialog: VerifyDialog | None = None  # the latest one (tests read it)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.target and kind in (
            QEvent.Type.DragEnter,
            QEvent.Type.DragMove,
            QEvent.Type.Drop,
        ):
            drag = cast(_DragEvent, event)
            path = dropped_pdf(drag.mimeData())
            if path is None:
                event.ignore()
                return False
            drag.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                self.check_file(path)
            return True
        return super().eventFilter(watched, event)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.target,
            self.tr("Periksa keaslian PDF"),
            "",
            self.tr("Dokumen PDF (*.pdf)"),
        )
        if path:
            self.check_file(Path(path))

    def _code_checker(self) -> CodeChecker:
        store, user = self.store, self.user

        def check(typed: str) -> PdfCheck:
            from desktop.letters.verification import check_code

            return check_code(store, typed, user=user)

        return check

    def check_code(self, typed: str) -> VerifyDialog:
        """Open a dialog checking the letter whose verification code is ``typed``."""
        dialog = VerifyDialog(typed, self.target, self.on_open, self._code_checker())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_a: self._forget(dialog))
        dialog.code.setText(typed)
        dialog.show()
        dialog.check_typed_code()
        return dialog

    def check_file(self, path: Path) -> VerifyDialog:
        """Open the result dialog now and fill it when the check (off the GUI thread) lands."""
        dialog = VerifyDialog(path.name, self.target, self.on_open, self._code_checker())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_a: self._forget(dialog))
        store, user = self.store, self.user

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, UserError):
                dialog.show_failure(exc.message)
                return True
            return False

        ops.WriteOp(dialog, lambda: _read_and_check(store, user, path)).success(
            dialog.show_check
        ).failure(failed).run()
        dialog.show()
        return dialog

    def _forget(self, dialog: VerifyDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
