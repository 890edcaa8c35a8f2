"""Field widgets of the letter editor: lists of rows (addressees, tembusan) and the rich-text
body with its small toolbar."""

from __future__ import annotations

from collections.abc import Callable

from desktop.letters import body_images, paste
from desktop.render.fonts import font_family
from desktop.store.errors import UserError
from desktop.ui.qt import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QFont,
    QFrame,
    QHBoxLayout,
    QImage,
    QIODevice,
    QLineEdit,
    QMessageBox,
    QMimeData,
    QPushButton,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from sync.protocol import BODY_IMAGE_SCHEME


class RowListEditor(QFrame):
    """Rows of one or two line edits, each with a remove button, and an "add" button.

    Used for addressees (name + "di" place) and tembusan (one line each). ``changed`` fires on
    every edit, add and removal.
    """

    changed = Signal()

    def __init__(
        self, placeholders: list[str], add_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._placeholders = placeholders
        self.rows: list[list[QLineEdit]] = []
        self._row_widgets: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(3)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self._add_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        self._layout.addLayout(bar)

    def _add_clicked(self) -> None:
        edits = self.add_row()
        edits[0].setFocus()

    def add_row(self, values: tuple[str, ...] = ()) -> list[QLineEdit]:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        edits: list[QLineEdit] = []
        for i, placeholder in enumerate(self._placeholders):
            edit = QLineEdit(values[i] if i < len(values) else "")
            edit.setPlaceholderText(placeholder)
            edit.textChanged.connect(lambda _t: self.changed.emit())
            layout.addWidget(edit, 3 if i == 0 else 2)
            edits.append(edit)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Hapus baris ini"))
        remove.clicked.connect(lambda _c=False, w=row: self.remove_row(self._row_widgets.index(w)))
        layout.addWidget(remove)
        self.rows.append(edits)
        self._row_widgets.append(row)
        self._layout.insertWidget(self._layout.count() - 1, row)
        self.changed.emit()
        return edits

    def remove_row(self, index: int) -> None:
        row = self._row_widgets.pop(index)
        self.rows.pop(index)
        self._layout.removeWidget(row)
        row.deleteLater()
        self.changed.emit()

    def values(self) -> list[tuple[str, ...]]:
        return [tuple(edit.text() for edit in edits) for edits in self.rows]

    def set_values(self, values: list[tuple[str, ...]]) -> None:
        self.blockSignals(True)
        while self.rows:
            self.remove_row(0)
        for value in values:
            self.add_row(value)
        self.blockSignals(False)


class PasteTextEdit(QTextEdit):
    """A rich-text edit that pastes (and takes drops) through ``desktop.letters.paste``: the
    structure of what was copied stays, the font, size, colour and spacing become the letter's.

    Images are copied into the office's files through ``keep_image`` (bytes -> the URL the body
    names them by) and shown from there through ``image_data`` (that URL -> bytes); one that
    cannot be kept is left out, and the clerk is told why. Without ``keep_image`` every image
    is left out.
    """

    def __init__(
        self,
        keep_image: Callable[[bytes], str] | None = None,
        image_data: Callable[[str], bytes | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.keep_image = keep_image
        self.image_data = image_data

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        refused: list[str] = []
        if source.hasHtml():
            cleaned = paste.clean_html(source.html())
            urls = [
                # A picture copied from a letter is the office's already: it stays as it is.
                image.source if body_images.digest_of(image.source)
                else self._keep(_reader(image.source), refused)
                for image in cleaned.images
            ]  # fmt: skip
            html = cleaned.with_images(urls)
            if html.strip():
                self.textCursor().insertHtml(html)
        elif source.hasText():
            self.textCursor().insertText(paste.plain_text(source.text()))
        elif source.hasImage():
            url = self._keep(lambda: _png_bytes(source.imageData()), refused)
            if url:
                self.textCursor().insertHtml(f'<img src="{url}" />')
        self.ensureCursorVisible()
        if refused:
            QMessageBox.information(
                self,
                self.tr("Gambar tidak ditempel"),
                self.tr("Gambar berikut tidak ikut ditempel:") + "\n\n" + "\n".join(refused),
            )

    def _keep(self, read: Callable[[], bytes], refused: list[str]) -> str | None:
        if self.keep_image is None:
            refused.append(self.tr("Gambar tidak dapat disisipkan di sini."))
            return None
        try:
            return self.keep_image(read())
        except UserError as exc:
            refused.append(exc.message)
            return None

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        url = QUrl(name)
        if self.image_data is not None and url.scheme() == BODY_IMAGE_SCHEME:
            data = self.image_data(url.toString())
            image = QImage.fromData(QByteArray(data)) if data else QImage()
            if not image.isNull():
                return image
        return super().loadResource(kind, name)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PasteTextEdit", text)


def _reader(source: str) -> Callable[[], bytes]:
    return lambda: body_images.read_source(source)


def _png_bytes(image: object) -> bytes:
    """A clipboard image (a QImage) as PNG bytes."""
    if not isinstance(image, QImage) or image.isNull():
        raise body_images.ImageRefused(_tr("Gambar di papan klip tidak dapat dibaca."))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
    buffer.close()
    return bytes(data.data())


class BodyEditor(QWidget):
    """The letter body: a rich-text edit with bold, italic, underline, lists and a table."""

    changed = Signal()

    def __init__(
        self,
        keep_image: Callable[[bytes], str] | None = None,
        image_data: Callable[[str], bytes | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.text = PasteTextEdit(keep_image, image_data)
        self.text.setAcceptRichText(True)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(220)
        # The letter's own font, so lines wrap in the editor about as they will on paper.
        self.text.document().setDefaultFont(QFont(font_family(), 12))
        self.bold = self._button("B", self.tr("Tebal (Ctrl+B)"), "Ctrl+B", self._toggle_bold)
        self.italic = self._button("I", self.tr("Miring (Ctrl+I)"), "Ctrl+I", self._toggle_italic)
        self.underline = self._button(
            "U", self.tr("Garis bawah (Ctrl+U)"), "Ctrl+U", self._toggle_underline
        )
        for button, attr in ((self.bold, "setBold"), (self.italic, "setItalic")):
            font = QFont(button.font())
            getattr(font, attr)(True)
            button.setFont(font)
        font = QFont(self.underline.font())
        font.setUnderline(True)
        self.underline.setFont(font)
        for button in (self.bold, self.italic, self.underline):
            button.setCheckable(True)
        self.numbered = self._button("1.", self.tr("Daftar bernomor"), "", self._numbered_list)
        self.bullets = self._button("•", self.tr("Daftar berbutir"), "", self._bullet_list)
        self.table = self._button(
            self.tr("Tabel"), self.tr("Sisipkan tabel sederhana (2 kolom)"), "", self.insert_table
        )
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        for button in (
            self.bold, self.italic, self.underline, self.numbered, self.bullets, self.table,
        ):  # fmt: skip
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        self.text.textChanged.connect(self.changed)
        self.text.currentCharFormatChanged.connect(self._format_changed)

    def _button(self, text: str, tip: str, shortcut: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setMinimumWidth(30)
        if shortcut:
            button.setShortcut(shortcut)
        button.clicked.connect(slot)
        return button

    def html(self) -> str:
        return self.text.toHtml()

    def set_html(self, html: str) -> None:
        self.text.blockSignals(True)
        self.text.setHtml(html)
        self.text.blockSignals(False)

    def plain_text(self) -> str:
        return self.text.toPlainText()

    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.text.mergeCurrentCharFormat(fmt)
        self.text.setFocus()

    def _toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.bold.isChecked() else QFont.Weight.Normal)
        self._merge(fmt)

    def _toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.italic.isChecked())
        self._merge(fmt)

    def _toggle_underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(self.underline.isChecked())
        self._merge(fmt)

    def _format_changed(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic.setChecked(fmt.fontItalic())
        self.underline.setChecked(fmt.fontUnderline())

    def _list(self, style: QTextListFormat.Style) -> None:
        cursor = self.text.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            # A second click takes the paragraph out of the list again.
            current.remove(cursor.block())
            block_format = cursor.blockFormat()
            block_format.setIndent(0)
            cursor.setBlockFormat(block_format)
        else:
            list_format = QTextListFormat()
            list_format.setStyle(style)
            cursor.createList(list_format)
        self.text.setFocus()

    def _numbered_list(self) -> None:
        self._list(QTextListFormat.Style.ListDecimal)

    def _bullet_list(self) -> None:
        self._list(QTextListFormat.Style.ListDisc)

    def insert_table(self) -> None:
        fmt = QTextTableFormat()
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setBorder(1)
        fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        self.text.textCursor().insertTable(2, 2, fmt)
        self.text.setFocus()
