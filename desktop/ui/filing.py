"""Arsip > Berkaskan surat and Arsip > Daftar berkas: filing a done letter into a berkas, and the
office's berkas with their contents and printed index (daftar isi berkas).

"Berkaskan surat" lists the done letters not yet filed (signed outgoing letters, registered
incoming letters); choosing one suggests the berkas of its code and year, or a new berkas with the
classification's title, which the person may rename. The work runs through ``ops`` and the
lists follow the store's change signal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.letters import filing
from desktop.letters.accounts import CurrentUser
from desktop.letters.filing import BerkasInput, BerkasRow, Suggestion, UnfiledLetter
from desktop.render.dates import format_date_id
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.errors import UserError
from desktop.store.filing_models import BerkasItem
from desktop.ui import ops, store_events
from desktop.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStandardItem,
    QStandardItemModel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

FILING_TABLES = frozenset({"berkas", "berkas_item", "letter", "incoming_letter"})
NEW = "__new__"  # the berkas choice "+ Berkas baru"


def fill_berkas(combo: QComboBox, suggestion: Suggestion) -> None:
    """The berkas ``suggestion`` offers for its letter, then "+ Berkas baru" (data ``NEW``);
    the first one chosen."""
    combo.blockSignals(True)
    combo.clear()
    for b in suggestion.candidates:
        state = "" if b.state == "aktif" else f" [{filing.state_label(b.state)}]"
        combo.addItem(f"{b.title} ({b.classification_code}, {b.year}){state}", b.id)
    combo.addItem(QCoreApplication.translate("FileLetterDialog", "+ Berkas baru"), NEW)
    combo.setCurrentIndex(0)
    combo.blockSignals(False)


def filing_call(
    store: Store, user: CurrentUser, suggestion: Suggestion, chosen: object, new_title: str
) -> Callable[[], BerkasItem]:
    """What filing the suggested letter into the chosen berkas (or a new one titled
    ``new_title``) does, to run off the GUI thread."""
    s = suggestion
    if chosen == NEW:
        data = BerkasInput(s.classification_code, s.year, new_title)
        return lambda: filing.file_letter(store, user, s.kind, s.letter_id, new_berkas=data)
    return lambda: filing.file_letter(store, user, s.kind, s.letter_id, berkas_id=str(chosen))


def file_buttons(
    dialog: QDialog, file_it: Callable[[], None], *, stays_open: bool
) -> tuple[QLabel, QPushButton, QDialogButtonBox]:
    """How a "Berkaskan" form ends: the line that says why filing failed (hidden until then),
    the default button "Berkaskan" that calls ``file_it``, and its button box, beside "Tutup"
    when the dialog ``stays_open`` for the next letter, else beside "Batal"."""
    message = QLabel()
    message.setWordWrap(True)
    message.setStyleSheet("color: #b00020;")
    message.hide()
    button = QPushButton(QCoreApplication.translate("FileLetterDialog", "Berkas&kan"))
    button.setDefault(True)
    button.clicked.connect(file_it)
    if stays_open:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    else:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.rejected.connect(dialog.reject)
    return message, button, buttons


def table(headers: list[str]) -> QTableView:
    """A read-only, whole-row-selecting table with these column headers."""
    widget = QTableView()
    model = QStandardItemModel(0, len(headers), widget)
    model.setHorizontalHeaderLabels(headers)
    widget.setModel(model)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setStretchLastSection(True)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    widget.setTabKeyNavigation(False)
    return widget


def fill(widget: QTableView, rows: list[list[str]]) -> None:
    model = widget.model()
    assert isinstance(model, QStandardItemModel)
    model.removeRows(0, model.rowCount())
    for values in rows:
        items = [QStandardItem(v) for v in values]
        for item in items:
            item.setEditable(False)
        model.appendRow(items)
    widget.resizeColumnsToContents()
    for c in range(model.columnCount() - 1):
        widget.setColumnWidth(c, min(widget.columnWidth(c), 260))


def on_selection(widget: QTableView, slot: Callable[[], None]) -> None:
    widget.selectionModel().selectionChanged.connect(lambda *_args: slot())


class FileLetterDialog(QDialog):
    """Berkaskan surat: the letters waiting to be filed, and where to file the chosen one.
    ``preselect`` ("masuk"/"keluar", letter id) chooses that letter first (a view's
    "Berkaskan..." button)."""

    def __init__(
        self,
        store: Store,
        user: CurrentUser,
        parent: QWidget | None = None,
        preselect: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.preselect = preselect
        self.setWindowTitle(self.tr("Berkaskan Surat"))
        self.letters: list[UnfiledLetter] = []
        self.suggestion: Suggestion | None = None
        self.lane = ops.Lane()

        self.table = table(
            [self.tr("Jenis"), self.tr("Tanggal"), self.tr("Nomor"), self.tr("Hal"),
             self.tr("Kode")]
        )  # fmt: skip
        on_selection(self.table, self._letter_chosen)
        self.empty = QLabel(self.tr("Tidak ada surat yang menunggu diberkaskan."))
        self.empty.hide()

        self.letter_label = QLabel()
        self.letter_label.setWordWrap(True)
        self.berkas = QComboBox()
        self.berkas.currentIndexChanged.connect(self._berkas_chosen)
        self.new_title = QLineEdit()
        self.new_title.setMaxLength(filing.MAX_TITLE)
        self.new_title_label = QLabel(self.tr("Judul berkas baru"))
        form = QFormLayout()
        form.addRow(self.tr("Surat"), self.letter_label)
        form.addRow(self.tr("&Berkas"), self.berkas)
        form.addRow(self.new_title_label, self.new_title)
        self.message, self.file_button, buttons = file_buttons(
            self, self.file_chosen, stays_open=True
        )

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Surat selesai yang belum diberkaskan:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self._show_form(False)
        store_events.of(store).changed.connect(self._store_changed)
        self.reload()

    def _store_changed(self, changes: Changes) -> None:
        if changes.tables & FILING_TABLES:
            self.reload()

    def reload(self) -> None:
        store, user = self.store, self.user
        ops.ReadOp(self, lambda: filing.unfiled_letters(store, user)).success(self._shown).run(
            self.lane
        )

    def _shown(self, letters: list[UnfiledLetter]) -> None:
        chosen = self._chosen_letter()
        self.letters = letters
        kinds = {"masuk": self.tr("Masuk"), "keluar": self.tr("Keluar")}
        fill(
            self.table,
            [
                [kinds[x.kind], format_date_id(x.letter_date), x.number, x.hal,
                 x.classification_code]
                for x in letters
            ],
        )  # fmt: skip
        self.empty.setVisible(not letters)
        keep = [i for i, x in enumerate(letters) if chosen and x.letter_id == chosen.letter_id]
        if not keep and self.preselect is not None:
            keep = [i for i, x in enumerate(letters) if (x.kind, x.letter_id) == self.preselect]
            self.preselect = None
        if keep:
            self.table.selectRow(keep[0])
        elif letters:
            self.table.selectRow(0)
        else:
            self._show_form(False)

    def _chosen_letter(self) -> UnfiledLetter | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.letters):
            return None
        return self.letters[rows[0].row()]

    def _show_form(self, shown: bool) -> None:
        for widget in (self.berkas, self.new_title, self.file_button):
            widget.setEnabled(shown)
        if not shown:
            self.letter_label.setText("")
            self.berkas.clear()

    def _letter_chosen(self) -> None:
        letter = self._chosen_letter()
        self.message.hide()
        if letter is None:
            self._show_form(False)
            return
        store, user = self.store, self.user
        ops.ReadOp(
            self, lambda: filing.suggest(store, user, letter.kind, letter.letter_id)
        ).success(self._suggested).message_in(self.message).run()

    def _suggested(self, suggestion: Suggestion) -> None:
        self.suggestion = suggestion
        self.letter_label.setText(
            f"{suggestion.label}  ({suggestion.classification_code or '-'}, {suggestion.year})"
        )
        fill_berkas(self.berkas, suggestion)
        self.new_title.setText(suggestion.new_title)
        self._show_form(True)
        self._berkas_chosen()

    def _berkas_chosen(self) -> None:
        new = self.berkas.currentData() == NEW
        self.new_title.setVisible(new)
        self.new_title_label.setVisible(new)

    def file_chosen(self) -> None:
        letter, suggestion = self._chosen_letter(), self.suggestion
        if letter is None or suggestion is None or suggestion.letter_id != letter.letter_id:
            return
        chosen, title = self.berkas.currentData(), self.new_title.text()
        fn = filing_call(self.store, self.user, suggestion, chosen, title)
        ops.WriteOp(self, fn).success(self._filed).message_in(self.message).disable(
            self.file_button
        ).run()

    def _filed(self, item: BerkasItem) -> None:
        self.message.hide()
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(self.tr("Surat diberkaskan."), 8000)


class BerkasDialog(QDialog):
    """Daftar berkas: the office's berkas by year, what each holds, and its printed index."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Daftar Berkas"))
        self.rows: list[BerkasRow] = []
        self.lane = ops.Lane()
        self.items_lane = ops.Lane()

        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("Semua tahun"))
        self.year.setValue(0)
        self.year.valueChanged.connect(self.reload)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Kode klasifikasi, mis. 000.1"))
        self.code.textChanged.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Tahun")))
        top.itemAt(0).widget().setBuddy(self.year)  # type: ignore[union-attr]
        top.addWidget(self.year)
        code_label = QLabel(self.tr("&Kode"))
        code_label.setBuddy(self.code)
        top.addWidget(code_label)
        top.addWidget(self.code, 1)

        self.table = table(
            [self.tr("Tahun"), self.tr("Kode"), self.tr("Judul berkas"), self.tr("Isi"),
             self.tr("Status")]
        )  # fmt: skip
        on_selection(self.table, self._berkas_chosen)
        self.items = table(
            [self.tr("Tanggal"), self.tr("Nomor"), self.tr("Hal"), self.tr("Dari/Kepada")]
        )
        self.print_button = QPushButton(self.tr("Simpan &daftar isi (PDF)..."))
        self.print_button.clicked.connect(self.save_index)
        self.print_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("Isi berkas:")))
        layout.addWidget(self.items, 2)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 540)
        store_events.of(store).changed.connect(self._store_changed)
        self.reload()

    def _store_changed(self, changes: Changes) -> None:
        if changes.tables & FILING_TABLES:
            self.reload()

    def reload(self) -> None:
        store = self.store
        year = self.year.value() or None
        code = self.code.text().strip()
        ops.ReadOp(self, lambda: filing.list_berkas(store, year=year, code=code)).success(
            self._shown
        ).run(self.lane)

    def _shown(self, rows: list[BerkasRow]) -> None:
        chosen = self.chosen()
        self.rows = rows
        fill(
            self.table,
            [
                [str(r.berkas.year), r.berkas.classification_code, r.berkas.title,
                 self.tr("{n} surat").format(n=r.items), filing.state_label(r.berkas.state)]
                for r in rows
            ],
        )  # fmt: skip
        keep = [i for i, r in enumerate(rows) if chosen and r.berkas.id == chosen.berkas.id]
        if keep:
            self.table.selectRow(keep[0])
        elif rows:
            self.table.selectRow(0)
        else:
            fill(self.items, [])
            self.print_button.setEnabled(False)

    def chosen(self) -> BerkasRow | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _berkas_chosen(self) -> None:
        row = self.chosen()
        self.print_button.setEnabled(row is not None)
        if row is None:
            return
        store, berkas_id = self.store, row.berkas.id
        ops.ReadOp(self, lambda: filing.items(store, berkas_id)).success(self._items_shown).run(
            self.items_lane
        )

    def _items_shown(self, entries: list[BerkasItem]) -> None:
        fill(
            self.items,
            [[format_date_id(i.letter_date), i.letter_number, i.hal, i.correspondent]
             for i in entries],
        )  # fmt: skip

    def save_index(self) -> None:
        row = self.chosen()
        if row is None:
            return
        name = f"daftar-isi-berkas-{row.berkas.classification_code}-{row.berkas.year}.pdf"
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Simpan daftar isi berkas"), name, self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        # Rendered here, as the other printed sheets are (a text document belongs to this thread).
        try:
            data = filing.index_pdf(self.store, row.berkas.id)
            Path(path).write_bytes(data)
        except OSError as exc:
            self.message.setText(
                self.tr("Daftar isi tidak dapat disimpan: {error}").format(error=exc.strerror)
            )
            self.message.show()
            return
        except UserError as exc:  # the berkas was removed meanwhile
            self.message.setText(str(exc))
            self.message.show()
            return
        self._saved(Path(path))

    def _saved(self, path: Path) -> None:
        self.message.setText(self.tr("Daftar isi berkas disimpan: {path}").format(path=path))
        self.message.show()
