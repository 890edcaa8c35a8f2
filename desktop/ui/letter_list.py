"""The filter bar above the letter list, and the table view set up for very long lists."""

from __future__ import annotations

from desktop.letters import queries
from desktop.letters.queries import ListFilter
from desktop.letters.templates import letter_types
from desktop.store import clock
from desktop.ui.letter_model import LetterListModel
from desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    Qt,
    QTableView,
    QTimer,
    QWidget,
    Signal,
)

SEARCH_DELAY_MS = 250
ROW_HEIGHT = 26


class FilterBar(QWidget):
    """Search box, status, type, classification prefix and an optional date range.

    ``changed`` carries the new ListFilter: at once for the choosers, after a short pause for
    typed text so each keystroke does not run a query.
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari nomor, hal, tujuan atau isi surat..."))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.status = QComboBox()
        self.status.addItem(self.tr("Semua status"), None)
        for key in queries.STATUS_LABELS:
            self.status.addItem(queries.status_label(key), key)
        self.letter_type = QComboBox()
        self.letter_type.addItem(self.tr("Semua jenis"), None)
        for key, kind in letter_types().items():
            self.letter_type.addItem(kind.label, key)
        self.classification = QLineEdit()
        self.classification.setPlaceholderText(self.tr("Klasifikasi"))
        self.classification.setToolTip(self.tr("Awal kode klasifikasi, misalnya 400 atau 000.1"))
        self.classification.setMaximumWidth(110)
        for combo in (self.status, self.letter_type):  # long labels must not widen the window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.use_dates = QCheckBox(self.tr("Tanggal"))
        today = clock.today()
        self.date_from = self._date_edit(QDate(today.year, 1, 1))
        self.date_to = self._date_edit(QDate(today.year, today.month, today.day))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.letter_type, 1)
        layout.addWidget(self.classification)
        layout.addWidget(self.use_dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel(self.tr("s.d.")))
        layout.addWidget(self.date_to)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.classification.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self._emit_now)
        self.status.currentIndexChanged.connect(lambda _i: self._emit_now())
        self.letter_type.currentIndexChanged.connect(lambda _i: self._emit_now())
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self._dates_changed())
        self.date_to.dateChanged.connect(lambda _d: self._dates_changed())
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._emit_now()

    def _dates_changed(self) -> None:
        if self.use_dates.isChecked():
            self._emit_now()

    def _emit_now(self) -> None:
        self._typing.stop()
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.current())

    def current(self) -> ListFilter:
        dates = self.use_dates.isChecked()
        return ListFilter(
            status=self.status.currentData(),
            letter_type=self.letter_type.currentData(),
            classification=self.classification.text().strip() or None,
            date_from=self.date_from.date().toPython() if dates else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if dates else None,  # type: ignore[arg-type]
            search=self.search.text().strip(),
        )

    def is_empty(self) -> bool:
        return self.current() == ListFilter()


def letter_table(model: LetterListModel, parent: QWidget | None = None) -> QTableView:
    """A table over ``model`` that never measures its contents: fixed row heights, column widths
    from the model (the clerk may drag them), one whole row selected at a time."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)
    rows.hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    for i in range(model.columnCount()):
        view.setColumnWidth(i, model.column(i).width)
    # "Hal" takes what the window leaves over; Stretch divides the width, it never measures text.
    header.setSectionResizeMode(model.column_of("hal"), QHeaderView.ResizeMode.Stretch)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(model.column_of(model.sort_key), Qt.SortOrder.DescendingOrder)
    view.setSortingEnabled(True)

    def keep_indicator_honest(section: int, _order: Qt.SortOrder) -> None:
        # A column SQL cannot sort by leaves the order as it was; so must the arrow.
        if model.column(section).sort_key is None:
            order = (
                Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(True)
            header.setSortIndicator(model.column_of(model.sort_key), order)
            header.blockSignals(False)

    header.sortIndicatorChanged.connect(keep_indicator_honest)
    return view
