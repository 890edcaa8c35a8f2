"""Buku Agenda: choose the register (surat masuk / keluar), a year or a date range, the format
(PDF to print, Excel, CSV) and the paper, then where to save it. The book is written on a
reading thread with a progress dialog; the dialog stays open for the next one."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

from desktop.letters import registers
from desktop.letters.accounts import CurrentUser
from desktop.letters.errors import ValidationError
from desktop.letters.registers import Exported, ExportFormat, Period, Register
from desktop.render.document import PaperSize
from desktop.store import clock
from desktop.store.db import Store
from desktop.ui import ops
from desktop.ui.qt import (
    QButtonGroup,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)

EXPORT_THREAD = "export"
FILTERS = {
    ExportFormat.PDF: "PDF (*.pdf)",
    ExportFormat.XLSX: "Excel (*.xlsx)",
    ExportFormat.CSV: "CSV (*.csv)",
}


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class RegistersDialog(QDialog):
    saved = Signal(str)  # a message for the status bar

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.exported: Exported | None = None
        self.setWindowTitle(self.tr("Buku Agenda"))
        today = clock.today()
        self.register = QComboBox()
        self.register.addItem(self.tr("Surat Masuk"), Register.INCOMING)
        self.register.addItem(self.tr("Surat Keluar"), Register.OUTGOING)
        self.by_year = QRadioButton(self.tr("&Tahun"))
        self.by_range = QRadioButton(self.tr("&Rentang tanggal"))
        self.by_year.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_year)
        group.addButton(self.by_range)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.date_from = _date_edit(today.replace(month=1, day=1))
        self.date_to = _date_edit(today)
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF untuk dicetak"), ExportFormat.PDF)
        self.format.addItem(self.tr("Excel (.xlsx)"), ExportFormat.XLSX)
        self.format.addItem(self.tr("CSV (.csv, pemisah titik koma)"), ExportFormat.CSV)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("F4 mendatar"), PaperSize.F4)
        self.paper.addItem(self.tr("A4 mendatar"), PaperSize.A4)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.hide()
        self.save_button = QPushButton(self.tr("&Simpan..."))
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Tutup"))
        buttons.rejected.connect(self.reject)

        year_row = QHBoxLayout()
        year_row.addWidget(self.by_year)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        range_row = QHBoxLayout()
        range_row.addWidget(self.by_range)
        range_row.addWidget(self.date_from)
        range_row.addWidget(QLabel(self.tr("s.d.")))
        range_row.addWidget(self.date_to)
        form = QFormLayout()
        form.addRow(self.tr("&Buku:"), self.register)
        form.addRow(self.tr("Periode:"), year_row)
        form.addRow("", range_row)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Kertas:"), self.paper)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

        self.by_year.toggled.connect(self._period_kind)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.save_button.clicked.connect(self.save)
        self._period_kind()
        self._format_changed()
        order = [
            self.register,
            self.by_year,
            self.year,
            self.by_range,
            self.date_from,
            self.date_to,
            self.format,
            self.paper,
            self.save_button,
            close,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _period_kind(self) -> None:
        yearly = self.by_year.isChecked()
        self.year.setEnabled(yearly)
        self.date_from.setEnabled(not yearly)
        self.date_to.setEnabled(not yearly)

    def _format_changed(self) -> None:
        self.paper.setEnabled(self.chosen_format() is ExportFormat.PDF)

    def chosen_format(self) -> ExportFormat:
        # Qt hands a StrEnum stored as item data back as a plain str.
        return ExportFormat(self.format.currentData())

    def period(self) -> Period:
        if self.by_year.isChecked():
            return Period.year(self.year.value())
        return Period(_date(self.date_from), _date(self.date_to))

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def save(self) -> None:
        """Check the period, ask where to save, then write the book in the background."""
        period = self.period()
        try:
            period.check()
        except ValidationError as exc:
            self._show_error(str(exc))
            return
        self._show_error("")
        self.note.hide()
        register = Register(self.register.currentData())
        fmt = self.chosen_format()
        paper = PaperSize(self.paper.currentData())
        name = registers.default_file_name(register, period, fmt)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan buku agenda"), name, FILTERS[fmt]
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt.value}":
            path = path.with_name(f"{path.name}.{fmt.value}")
        store, user = self.store, self.user
        # Its own thread: a year's book takes seconds, and the lists must not wait behind it.
        ops.ReadOp(
            self,
            lambda: registers.export_agenda(store, user, register, period, fmt, path, paper),
            kind=EXPORT_THREAD,
        ).success(self._done).message_in(self.error).disable(self.save_button).progress(
            self.tr("Menyusun buku agenda...")
        ).run()

    def _done(self, exported: Exported) -> None:
        self.exported = exported
        message = self.tr("Buku agenda disimpan: {n} surat, {path}").format(
            n=exported.rows, path=exported.path
        )
        self.error.hide()
        self.note.setText(message)
        self.note.show()
        self.saved.emit(message)
