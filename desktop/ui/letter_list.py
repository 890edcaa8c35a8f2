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
    QResizeEvent,
    Qt,
    QTableView,
    QTimer,
    QWidget,
    Signal,
)
from desktop.ui.ui_state import remember_widths, widths

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

    def clear(self) -> None:
        """Every control back to "no filter", without announcing each step (the caller shows
        the list it wants)."""
        self._typing.stop()
        for widget in (self.search, self.status, self.letter_type, self.classification,
                       self.use_dates):  # fmt: skip
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.status.setCurrentIndex(0)
            self.letter_type.setCurrentIndex(0)
            self.classification.clear()
            self.use_dates.setChecked(False)
            self.date_from.setEnabled(False)
            self.date_to.setEnabled(False)
        finally:
            for widget in (self.search, self.status, self.letter_type, self.classification,
                           self.use_dates):  # fmt: skip
                widget.blockSignals(False)

    def is_empty(self) -> bool:
        return self.current() == ListFilter()


# Sample texts a column must show whole (its longest usual value), measured in the view's font.
_SAMPLES: dict[str, tuple[str, ...]] = {
    "number": ("(belum bernomor)", "000.1.2.3/123/Kec.SKM/2026"),
    "letter_date": ("00/00/0000",),
    "classification_code": ("000.10.12.4",),
    "status": ("Menunggu tanda tangan",),
    "updated_at": ("00/00/0000 00.00",),
}
HAL_MIN = 240  # "Hal" never shrinks below this: the list scrolls sideways instead
_PAD = 24  # cell margins and the sort arrow
COLUMN_GROUP = "daftar_surat/lebar_kolom"


def content_width(view: QTableView, model: LetterListModel, key: str, fallback: int) -> int:
    """A column's width for its usual content in the view's font (never measuring rows)."""
    metrics = view.fontMetrics()
    samples = _SAMPLES.get(key)
    if key == "letter_type":
        samples = tuple(kind.label for kind in letter_types().values())
    if not samples:
        return fallback
    title = model.headerData(model.columns_keys().index(key), Qt.Orientation.Horizontal)
    texts = (*samples, str(title))
    return min(max(metrics.horizontalAdvance(t) for t in texts) + _PAD, 2 * fallback)


class LetterTable(QTableView):
    """The list's table: gives "Hal" the width the other columns leave (at least HAL_MIN)
    whenever the list or a column is resized, and remembers the widths the clerk dragged the
    other columns to."""

    def __init__(self, model: LetterListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.letters = model
        self.hal = model.column_of("hal")
        self._fitting = False
        self._save = QTimer(self)
        self._save.setSingleShot(True)
        self._save.setInterval(400)
        self._save.timeout.connect(self.save_widths)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        header = self.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count()) if i != self.hal)
        self._fitting = True
        try:
            # The header spans the viewport; asking for the viewport itself here would make
            # PySide6 look up its type among every QWidget class (~0.1 s, at the first show).
            header.resizeSection(self.hal, max(HAL_MIN, header.width() - others))
        finally:
            self._fitting = False

    def column_resized(self, section: int, _old: int, _new: int) -> None:
        if self._fitting or section == self.hal:
            return
        self._save.start()
        self.fit()

    def save_widths(self) -> None:
        self._save.stop()
        header = self.horizontalHeader()
        keys = self.letters.columns_keys()
        remember_widths(
            self.letters.store,
            COLUMN_GROUP,
            {keys[i]: header.sectionSize(i) for i in range(header.count()) if i != self.hal},
        )


def letter_table(model: LetterListModel, parent: QWidget | None = None) -> LetterTable:
    """A table over ``model`` that never measures its rows: fixed row heights, each column as
    wide as its usual content (or as the clerk last dragged it on this PC), "Hal" taking the
    rest; one whole row selected at a time."""
    view = LetterTable(model, parent)
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
    remembered = widths(model.store, COLUMN_GROUP)
    for i in range(model.columnCount()):
        column = model.column(i)
        width = remembered.get(column.key) or content_width(view, model, column.key, column.width)
        view.setColumnWidth(i, width)
    header.sectionResized.connect(view.column_resized)
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
