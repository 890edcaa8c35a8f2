"""The incoming-letter lists as a table model paged from SQL (as ``letter_model`` does for
outgoing letters): it holds the count and a bounded cache of pages, sorts in SQL, and marks
overdue dispositions in red."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from desktop.letters import disposition, incoming
from desktop.letters import incoming_queries as iq
from desktop.letters.accounts import CurrentUser
from desktop.letters.incoming_queries import IncomingFilter, IncomingQueue, IncomingRow
from desktop.store.db import Store
from desktop.ui.letter_model import date_text
from desktop.ui.qt import (
    QAbstractTableModel,
    QColor,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

PAGE_SIZE = 100
MAX_CACHED_PAGES = 40
AnyIndex = QModelIndex | QPersistentModelIndex
_OVERDUE = QColor("#b00020")


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncomingListModel", text)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    sort_key: str | None
    width: int


def columns(queue: IncomingQueue) -> list[Column]:
    cols = [
        Column("agenda", _tr("Agenda"), "agenda_number", 80),
        Column("received_date", _tr("Diterima"), "received_date", 85),
        Column("sender_name", _tr("Pengirim"), "sender_name", 200),
        Column("sender_number", _tr("Nomor Surat"), None, 170),
        Column("hal", _tr("Hal"), "hal", 260),
        Column("sifat", _tr("Sifat"), "sifat", 110),
    ]
    if queue is IncomingQueue.DISPOSITIONS:
        cols.append(Column("due_date", _tr("Batas Waktu"), "due_date", 120))
    else:
        cols.append(Column("state", _tr("Status"), None, 100))
    return cols


class IncomingListModel(QAbstractTableModel):
    view_changed = Signal()

    def __init__(self, store: Store, user: CurrentUser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.queue = IncomingQueue.ALL
        self.filter = IncomingFilter()
        self.sort_key = "received_date"
        self.descending = True
        self._columns = columns(self.queue)
        self._count = 0
        self._pages: OrderedDict[int, list[IncomingRow]] = OrderedDict()

    def set_view(self, queue: IncomingQueue, filt: IncomingFilter) -> None:
        self.beginResetModel()
        if queue is not self.queue:
            self.queue = queue
            self._columns = columns(queue)
            if self.sort_key == "due_date" and queue is not IncomingQueue.DISPOSITIONS:
                self.sort_key = "received_date"
        self.filter = filt
        self._pages.clear()
        self._count = iq.count(self.store, self.user, queue, filt)
        self.endResetModel()
        self.view_changed.emit()

    def refresh(self) -> None:
        self.set_view(self.queue, self.filter)

    def column(self, index: int) -> Column:
        return self._columns[index]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.key == key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column].sort_key
        if key is None:
            return
        self.beginResetModel()
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._pages.clear()
        self.endResetModel()
        self.view_changed.emit()

    def row_at(self, row: int) -> IncomingRow | None:
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        rows = self._pages.get(number)
        if rows is None:
            rows = iq.page(
                self.store, self.user, self.queue, self.filter, sort=self.sort_key,
                descending=self.descending, offset=number * PAGE_SIZE, limit=PAGE_SIZE,
            )  # fmt: skip
            self._pages[number] = rows
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        offset = row % PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, self._columns[index.column()].key)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return _OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue:
            return _tr("Disposisi ini melewati batas waktu")
        return None

    def _display(self, row: IncomingRow, key: str) -> str:
        if key == "agenda":
            return f"{row.agenda_number}/{row.agenda_year}"
        if key == "received_date":
            return date_text(row.received_date)
        if key == "due_date":
            text = date_text(row.due_date) or "-"
            return f"{text} ({_tr('terlambat')})" if row.overdue else text
        if key == "state":
            return incoming.STATE_LABELS.get(row.state, row.state)
        if key == "sifat":
            return row.sifat if row.urgency == "Biasa" else f"{row.sifat} · {row.urgency}"
        if key == "disposition_state":
            return disposition.STATE_LABELS.get(row.disposition_state or "", "")
        return str(getattr(row, key))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
