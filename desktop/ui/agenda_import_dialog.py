"""Importing an agenda book kept in Excel, incoming (buku agenda surat masuk) or outgoing
(surat keluar): pick the file, check which column is which (guessed from the header), look at
the first 50 rows as they will be read, import, and read the report of the rows left out and
why. "Batalkan Impor..." lists the imports of both kinds and takes one back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.i18n import _
from desktop.letters import agenda_import as ai
from desktop.letters import outgoing_import as oi
from desktop.letters.accounts import CurrentUser, Role
from desktop.store import clock
from desktop.store.db import Store
from desktop.ui import ops
from desktop.ui.forms import error_label
from desktop.ui.qt import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)

NO_COLUMN = -1


@dataclass(frozen=True)
class Book:
    """What differs between the incoming and the outgoing book: their fields, the columns of
    the preview, and the services that read, import and undo them."""

    fields: dict[str, str]
    required: tuple[str, ...]
    preview_fields: tuple[str, ...]
    preview: Callable[..., Any]
    import_book: Callable[..., ai.ImportReport]
    undo: Callable[[Store, CurrentUser, str], int]

    def label(self, name: str) -> str:
        return _(self.fields[name])

    def missing(self, mapping: dict[str, int]) -> list[str]:
        return [name for name in self.required if name not in mapping]


INCOMING = Book(
    ai.FIELDS, ai.REQUIRED,
    ("agenda_number", "received_date", "sender_name", "sender_number", "hal",
     "classification_code"),
    ai.preview, ai.import_book, ai.undo_import,
)  # fmt: skip
OUTGOING = Book(
    oi.FIELDS, oi.REQUIRED,
    ("number", "letter_date", "addressee", "hal", "classification_code", "letter_type"),
    oi.preview, oi.import_book, oi.undo_import,
)  # fmt: skip
# Kept for callers that name the incoming preview's columns.
PREVIEW_FIELDS = INCOMING.preview_fields


def _column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class AgendaImportDialog(QDialog):
    """Administrasi > "Impor Buku Agenda...": one agenda book in, as one undoable import
    (``outgoing``: a buku agenda surat keluar)."""

    def __init__(
        self, store: Store, user: CurrentUser, parent: QWidget | None = None,
        outgoing: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.store, self.user = store, user
        self.outgoing = outgoing
        self.book = book = OUTGOING if outgoing else INCOMING
        self.path: Path | None = None
        self.shown: ai.Preview | oi.Preview | None = None
        self.report: ai.ImportReport | None = None
        self.setWindowTitle(
            self.tr("Impor Buku Agenda Surat Keluar")
            if outgoing
            else self.tr("Impor Buku Agenda Surat Masuk")
        )
        self.file_label = QLabel(self.tr("Belum ada berkas dipilih (.xlsx, .xls, .csv)."))
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Pilih &Berkas..."))
        self.sheet = QComboBox()
        self.header_row = QSpinBox()
        self.header_row.setRange(1, ai.HEADER_SEARCH_ROWS)
        self.columns: dict[str, QComboBox] = {}
        mapping = QGridLayout()
        for i, name in enumerate(book.fields):
            combo = QComboBox()
            self.columns[name] = combo
            label = QLabel(book.label(name) + (" *" if name in book.required else ""))
            label.setBuddy(combo)
            mapping.addWidget(label, i // 2, (i % 2) * 2)
            mapping.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        mapping.setColumnStretch(1, 1)
        mapping.setColumnStretch(3, 1)
        self.model = QStandardItemModel(0, len(book.preview_fields) + 2, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Baris")] + [book.label(f) for f in book.preview_fields]
            + [self.tr("Masalah")]
        )  # fmt: skip
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((50, 80, 100, 170, 130, 200, 90)):
            self.table.setColumnWidth(column, width)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.errors = error_label()
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        self.report_text.hide()
        self.import_button = QPushButton(self.tr("&Impor"))
        self.import_button.setEnabled(False)
        self.undo_button = QPushButton(self.tr("Batalkan &Impor Ini"))
        self.undo_button.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        where = QHBoxLayout()
        sheet_label = QLabel(self.tr("&Lembar"))
        sheet_label.setBuddy(self.sheet)
        header_label = QLabel(self.tr("Judul kolom di &baris"))
        header_label.setBuddy(self.header_row)
        where.addWidget(sheet_label)
        where.addWidget(self.sheet, 1)
        where.addWidget(header_label)
        where.addWidget(self.header_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(where)
        layout.addLayout(mapping)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors)
        layout.addWidget(self.report_text, 1)
        layout.addLayout(buttons)
        self.resize(1000, 540)

        self.choose_button.clicked.connect(self.choose_file)
        self.sheet.activated.connect(lambda _i: self._load(sheet=self.sheet.currentText()))
        self.header_row.editingFinished.connect(self._header_moved)
        for combo in self.columns.values():
            combo.activated.connect(lambda _i: self._reread())
        self.import_button.clicked.connect(self.start_import)
        self.undo_button.clicked.connect(self.undo)

    # -- choosing and previewing ------------------------------------------------------------

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih buku agenda"), "",
            self.tr("Lembar kerja (*.xlsx *.xls *.csv);;Semua berkas (*)"),
        )  # fmt: skip
        if name:
            self.path = Path(name)
            self.file_label.setText(self.path.name)
            self.report_text.hide()
            self.undo_button.hide()
            self._load()

    def _load(
        self, sheet: str | None = None, header_row: int | None = None,
        mapping: dict[str, int] | None = None,
    ) -> None:  # fmt: skip
        if self.path is None:
            return
        store, path = self.store, self.path
        self.errors.hide()
        self.import_button.setEnabled(False)
        read = self.book.preview
        ops.ReadOp(self, lambda: read(store, path, sheet, header_row, mapping)).success(
            self._show
        ).message_in(self.errors).run()

    def _header_moved(self) -> None:
        if self.shown is not None and self.header_row.value() - 1 != self.shown.header_row:
            self._load(self.shown.sheet.name, self.header_row.value() - 1)

    def mapping(self) -> dict[str, int]:
        return {
            name: combo.currentData()
            for name, combo in self.columns.items()
            if combo.currentData() is not None and combo.currentData() != NO_COLUMN
        }

    def _reread(self) -> None:
        if self.shown is not None:
            self._load(self.shown.sheet.name, self.shown.header_row, self.mapping())

    def _show(self, shown: ai.Preview | oi.Preview) -> None:
        self.shown = shown
        self.sheet.clear()
        self.sheet.addItems(shown.sheet.names)
        self.sheet.setCurrentText(shown.sheet.name)
        self.sheet.setEnabled(len(shown.sheet.names) > 1)
        self.header_row.blockSignals(True)
        self.header_row.setValue(shown.header_row + 1)
        self.header_row.blockSignals(False)
        for name, combo in self.columns.items():
            combo.clear()
            combo.addItem(self.tr("(tidak ada)"), NO_COLUMN)
            for index, title in enumerate(shown.headers):
                combo.addItem(f"{_column_name(index)}: {title}", index)
            chosen = shown.mapping.get(name)
            combo.setCurrentIndex(0 if chosen is None else chosen + 1)
        self.model.removeRows(0, self.model.rowCount())
        problems = 0
        for row in shown.rows:
            cells: list[str] = [str(row.row)]
            if isinstance(row, ai.RowProblem):
                problems += 1
                cells += [""] * len(self.book.preview_fields) + [row.reason]
            else:
                for name in self.book.preview_fields:
                    value = getattr(row, name)
                    cells.append(
                        value.strftime("%d-%m-%Y") if hasattr(value, "strftime") else value
                    )
                cells.append("")
            self.model.appendRow([QStandardItem(text) for text in cells])
        missing = self.book.missing(shown.mapping)
        text = self.tr(
            "Pratinjau {n} baris pertama dari {total} baris lembar ini: {ok} terbaca, "
            "{bad} bermasalah (tidak akan diimpor)."
        ).format(n=len(shown.rows), total=shown.sheet.total_rows, ok=len(shown.rows) - problems,
                 bad=problems)  # fmt: skip
        if missing:
            text += " " + self.tr("Pilih kolom untuk: {f}.").format(
                f=", ".join(self.book.label(m) for m in missing)
            )
        self.summary.setText(text)
        self.import_button.setEnabled(not missing and len(shown.rows) > problems)

    # -- importing and undoing --------------------------------------------------------------

    def start_import(self) -> None:
        if self.path is None or self.shown is None:
            return
        store, user, path = self.store, self.user, self.path
        mapping, sheet, head = self.mapping(), self.shown.sheet.name, self.shown.header_row
        write = self.book.import_book
        ops.WriteOp(
            self,
            lambda: write(store, user, path, mapping, sheet=sheet, header_row=head),
        ).success(self._imported).message_in(self.errors).disable(
            self.import_button, self.choose_button
        ).progress(self.tr("Mengimpor buku agenda...")).run()

    def _imported(self, report: ai.ImportReport) -> None:
        self.report = report
        lines = [
            self.tr("{n} surat diimpor sebagai satu impor (dapat dibatalkan).").format(
                n=report.imported
            )
        ]
        if clock.today().year in report.years and self.outgoing:
            lines.append(
                self.tr(
                    "Catatan: buku ini memuat surat tahun ini. Nomor surat lama tetap seperti di "
                    "buku; nomor baru dari Naskah berjalan dari serinya sendiri dan tidak "
                    "memperhitungkan nomor di buku ini."
                )
            )
        elif clock.today().year in report.years:
            lines.append(
                self.tr(
                    "Catatan: buku ini memuat surat tahun ini. Nomor agenda lama tetap seperti di "
                    "buku; nomor agenda baru dari Naskah berjalan terus dari serinya sendiri."
                )
            )
        if report.problems:
            lines.append(self.tr("{n} baris tidak diimpor:").format(n=len(report.problems)))
            lines += [
                self.tr("Baris {n}: {reason}").format(n=p.row, reason=p.reason)
                for p in report.problems
            ]
        self.report_text.setPlainText("\n".join(lines))
        self.report_text.show()
        self.undo_button.show()
        self.import_button.setEnabled(False)
        self.summary.setText(lines[0])

    def undo(self) -> None:
        if self.report is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Batalkan impor"),
            self.tr("Hapus {n} surat dari impor ini dari register?").format(
                n=self.report.imported
            ),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, user, batch = self.store, self.user, self.report.batch_id
        undo = self.book.undo
        ops.WriteOp(self, lambda: undo(store, user, batch)).success(self._undone).message_in(
            self.errors
        ).disable(self.undo_button).run()

    def _undone(self, removed: int) -> None:
        self.undo_button.hide()
        self.report = None
        self.summary.setText(self.tr("Impor dibatalkan: {n} surat dihapus.").format(n=removed))


class ImportBatchesDialog(QDialog):
    """Administrasi > "Batalkan Impor Buku Agenda...": the imports still in the register."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Batalkan Impor Buku Agenda"))
        self.rows = QListWidget()
        self.errors = error_label()
        self.undo_button = QPushButton(self.tr("&Batalkan Impor"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Impor yang suratnya masih ada di register:")))
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        self.resize(560, 360)
        self.undo_button.clicked.connect(self.undo)
        self._load()

    def _load(self) -> None:
        self.rows.clear()
        found = sorted(
            ai.batches(self.store) + oi.batches(self.store),
            key=lambda b: b.imported_at, reverse=True,
        )  # fmt: skip
        for batch in found:
            years = (str(batch.first_year) if batch.first_year == batch.last_year
                     else f"{batch.first_year}-{batch.last_year}")  # fmt: skip
            text = (
                self.tr("{at}: {n} surat keluar, tahun {y}")
                if batch.kind == oi.KIND
                else self.tr("{at}: {n} surat, tahun {y}")
            )
            item = QListWidgetItem(
                text.format(
                    at=batch.imported_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                    n=batch.letters,
                    y=years,
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, (batch.kind, batch.id))
            self.rows.addItem(item)
        if self.rows.count():
            self.rows.setCurrentRow(0)
        self.undo_button.setEnabled(self.rows.count() > 0)

    def undo(self) -> None:
        item = self.rows.currentItem()
        if item is None:
            return
        kind, batch = item.data(Qt.ItemDataRole.UserRole)
        undo = OUTGOING.undo if kind == oi.KIND else INCOMING.undo
        store, user = self.store, self.user
        self.errors.hide()
        ops.WriteOp(self, lambda: undo(store, user, str(batch))).success(
            lambda _n: self._load()
        ).message_in(self.errors).disable(self.undo_button).run()


def _tr(text: str) -> str:
    return QCoreApplication.translate("agenda_import_dialog", text)


def add_menu_actions(
    parent: QWidget, store: Store, user: CurrentUser, admin: QMenu
) -> tuple[QAction, QAction, QAction]:
    """Administrasi > "Impor Buku Agenda..." (surat masuk), "Impor Buku Agenda Surat
    Keluar..." and "Batalkan Impor Buku Agenda..." (registrars and administrators)."""
    allowed = user.has(Role.REGISTRAR) or user.has(Role.ADMIN)
    start = admin.addAction(_tr("Impor Buku &Agenda..."))
    start.triggered.connect(lambda: AgendaImportDialog(store, user, parent).exec())
    outgoing = admin.addAction(_tr("Impor Buku Agenda Surat K&eluar..."))
    outgoing.triggered.connect(
        lambda: AgendaImportDialog(store, user, parent, outgoing=True).exec()
    )
    undo = admin.addAction(_tr("Batalkan Impor Buku Agenda..."))
    undo.triggered.connect(lambda: ImportBatchesDialog(store, user, parent).exec())
    for action in (start, outgoing, undo):
        action.setEnabled(allowed)
    return start, outgoing, undo
