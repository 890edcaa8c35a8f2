"""Choosing a classification code: type a code or words of its title, pick from the list.

The suggestions come from ``classification.search``, best first (a code prefix; or clerks' words
from the alias list, then whole words of the title), so Down and Enter take the likeliest code.
Obsolete 2012 codes are not offered for outgoing letters; one typed by hand is flagged.
"""

from __future__ import annotations

from desktop.letters import classification
from desktop.store.db import Store
from desktop.ui.qt import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPushButton,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SUGGESTIONS = 40


class ClassificationPicker(QWidget):
    """A code field with suggestions as you type, a "Cari..." dialog, and the title shown under.

    ``changed`` carries the code whenever it changes (typed or picked).
    """

    changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            self.tr("Ketik kode atau kata, misalnya 000.1.5 atau undangan")
        )
        self.browse = QPushButton(self.tr("Cari..."))
        self.browse.setToolTip(self.tr("Cari kode klasifikasi menurut judulnya"))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("color: #444;")
        self._suggestions = QStandardItemModel(self)
        self.completer = QCompleter(self._suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(CODE_ROLE)
        self.completer.setMaxVisibleItems(12)
        self.edit.setCompleter(self.completer)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self._suggest)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.title)
        self.edit.textEdited.connect(lambda _t: self._typing.start())
        self.edit.textChanged.connect(self._code_changed)
        # The overload that carries the index (the text would be the whole "code  title").
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.browse.clicked.connect(self.open_search)
        self.dialog: ClassificationDialog | None = None

    def code(self) -> str:
        return self.edit.text().strip()

    def set_code(self, code: str) -> None:
        self.edit.setText(code)

    def _suggest(self) -> None:
        text = self.edit.text().strip()
        self._suggestions.clear()
        if not text:
            return
        for row in classification.search(self.store, text, limit=SUGGESTIONS):
            item = QStandardItem(f"{row.code}  {row.title}")
            item.setData(row.code, CODE_ROLE)
            self._suggestions.appendRow(item)
        if self._suggestions.rowCount() and self.edit.hasFocus():
            self.completer.complete()

    def _picked(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.edit.setText(code)

    def _code_changed(self, _text: str) -> None:
        code = self.code()
        found = classification.get(self.store, code) if code else None
        if not code:
            self.title.setText("")
        elif found is None:
            self.title.setText(self.tr("Kode belum dikenal: pilih dari daftar."))
        elif found.obsolete:
            self.title.setText(
                self.tr("{title} — kode lama (2012), tidak dipakai untuk surat keluar.").format(
                    title=found.title
                )
            )
        else:
            self.title.setText(found.title)
        self.changed.emit(code)

    def open_search(self) -> None:
        """The search dialog (shown without blocking; its choice lands in the field)."""
        self.dialog = ClassificationDialog(self.store, self.edit.text().strip(), self)
        self.dialog.accepted.connect(lambda: self._dialog_chose(self.dialog))
        self.dialog.open()

    def _dialog_chose(self, dialog: ClassificationDialog | None) -> None:
        if dialog is not None and dialog.chosen:
            self.edit.setText(dialog.chosen)
            self.edit.setFocus()


class ClassificationDialog(QDialog):
    """A search box over the code list: code and title on each line; double-click chooses."""

    def __init__(self, store: Store, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pilih kode klasifikasi"))
        self.store = store
        self.chosen = ""
        self.search = QLineEdit(text)
        self.search.setPlaceholderText(self.tr("Kode atau kata pada judul"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Pilih"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 480)
        self.refresh()

    def refresh(self) -> None:
        self.results.clear()
        text = self.search.text()
        for row in classification.search(self.store, text):
            item = QListWidgetItem(f"{row.code}    {row.title}")
            item.setData(CODE_ROLE, row.code)
            if not text.strip():
                # The whole list in code order: deeper codes indented, to read like a tree
                # (search results are ranked, best first, so they are not).
                item.setText("    " * (row.level - 1) + item.text())
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = item.data(CODE_ROLE)
        super().accept()
