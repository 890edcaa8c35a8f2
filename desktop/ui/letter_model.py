"""The letter list as a table model that pages through SQL, like Anki's browser.

The model knows only how many rows the current queue and filter have; rows are fetched a page at
a time through ``queries.page`` when the view asks for them, and a bounded number of pages is
cached. Sorting is done in SQL (``queries.SORTABLE``). A page past the middle of the list is
fetched in the reverse order from its end, so "jump to the last row" costs as little as the first
page instead of an OFFSET over the whole table.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from desktop.letters import queries
from desktop.letters.accounts import CurrentUser
from desktop.letters.queries import LetterRow, ListFilter, Queue
from desktop.letters.templates import letter_types
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.ui import ops
from desktop.ui.qt import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sync.protocol import SignatureKind

PAGE_SIZE = 100
MAX_CACHED_PAGES = 40
# Opening a view counts at most this many letters ("1.000+"): cheap whatever the archive's size.
# The exact number is asked for later, on a reading thread (``set_exact_count``).
COUNT_CAP = 1000
ROW_ROLE = int(Qt.ItemDataRole.UserRole.value)  # the whole LetterRow
ID_ROLE = ROW_ROLE + 1  # the letter's id

AnyIndex = QModelIndex | QPersistentModelIndex


_ELECTRONIC = frozenset({SignatureKind.INTERNAL.value, SignatureKind.BSRE.value})


def _tr(text: str) -> str:
    return QCoreApplication.translate("LetterListModel", text)


@dataclass(frozen=True)
class Column:
    key: str  # LetterRow attribute
    title: str
    sort_key: str | None  # key of queries.SORTABLE, None when SQL cannot sort by it
    width: int  # initial width in px; the clerk may resize (never ResizeToContents)


def columns() -> list[Column]:
    return [
        Column("number", _tr("Nomor"), "number", 180),
        Column("letter_date", _tr("Tanggal"), "letter_date", 85),
        Column("hal", _tr("Hal"), "hal", 300),  # takes the width left over
        Column("addressees_text", _tr("Tujuan"), None, 190),
        Column("letter_type", _tr("Jenis"), "letter_type", 120),
        Column("classification_code", _tr("Klasifikasi"), "classification_code", 85),
        Column("status", _tr("Status"), "status", 140),
        Column("updated_at", _tr("Diubah"), "updated_at", 115),
    ]


_LOCAL = datetime.now().astimezone().tzinfo
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ROW = ROW_ROLE
_ID = ID_ROLE
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# Formatted by hand: strftime and astimezone() without a zone are slow enough to show when a
# page of a hundred rows is formatted while the list paints.
def date_text(value: date | None) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def time_text(value: datetime) -> str:
    """Local "dd/mm/yyyy HH.MM" for a stored time."""
    if value.tzinfo is None:  # SQLite hands back naive UTC
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(_LOCAL)
    return f"{date_text(local.date())} {local.hour:02d}.{local.minute:02d}"


def read_view(
    store: Store, user: CurrentUser, queue: Queue, filt: ListFilter, sort: str, descending: bool
) -> tuple[int, list[LetterRow]]:
    """Count and first page of a view, for ``LetterListModel.set_view`` (runs on a reading
    thread: it touches no Qt state)."""
    count = queries.count(store, user, queue, filt)
    if not count:
        return 0, []
    rows = queries.page(
        store, user, queue, filt, sort=sort, descending=descending, offset=0, limit=PAGE_SIZE
    )
    return count, rows


class LetterListModel(QAbstractTableModel):
    """Rows of one queue under one filter, fetched from SQL a page at a time.

    Guarantees: ``rowCount`` is the SQL count of the current view, capped at ``COUNT_CAP + 1``
    until ``set_exact_count`` gives the whole number (``count_exact`` says which), and never
    requires loading the rows; at most ``MAX_CACHED_PAGES`` pages of ``PAGE_SIZE`` rows are
    held; ``sort`` reorders in SQL and keeps the count; ``refresh`` re-counts and drops every
    cached page.
    """

    view_changed = Signal()  # after any reset: new queue, filter, sort or refresh

    def __init__(self, store: Store, user: CurrentUser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.queue = Queue.DRAFTS
        self.filter = ListFilter()
        self.sort_key = "updated_at"
        self.descending = True
        self._columns = columns()
        self._count = 0
        self.count_exact = True  # False: ``_count`` is COUNT_CAP + 1, there are more letters
        # Each cached row with its column texts, formatted once when its page is fetched.
        self._pages: OrderedDict[int, list[tuple[LetterRow, tuple[str, ...]]]] = OrderedDict()
        self._keys = [c.key for c in self._columns]
        self._type_labels = {k: t.label for k, t in letter_types().items()}
        self.pages_fetched = 0  # how many page queries ran (for tests and benchmarks)
        self.count_queries = 0

    # -- the view of the data -------------------------------------------------------------

    def set_view(
        self,
        queue: Queue,
        filt: ListFilter,
        *,
        known_count: int | None = None,
        first_page: list[LetterRow] | None = None,
    ) -> None:
        """Show ``queue`` under ``filt``; ``known_count`` (exact) skips the count query when the
        caller already has it (the sidebar counts the unfiltered queues), ``first_page`` the
        first page query (a search read in the background, in the current sort order).

        Without ``known_count`` the letters are counted up to ``COUNT_CAP`` only; past it,
        ``count_exact`` is False until ``set_exact_count``."""
        self.beginResetModel()
        self.queue = queue
        self.filter = filt
        self._pages.clear()
        if known_count is None:
            self._count = self._query_count()
            self.count_exact = self._count <= COUNT_CAP
        else:
            self._count, self.count_exact = known_count, True
        if first_page is not None:
            self._pages[0] = [
                (r, tuple(self._display(r, k) for k in self._keys)) for r in first_page
            ]
        self.endResetModel()
        self.view_changed.emit()

    def set_exact_count(self, queue: Queue, filt: ListFilter, count: int) -> bool:
        """The whole count of the view (``queue``, ``filt``), read after a capped one: the rows
        past the cap are added (no reset: the selection and scroll position stay). Ignored,
        False, if the view has changed since or is already exact."""
        if self.count_exact or (queue, filt) != (self.queue, self.filter):
            return False
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:  # letters went meanwhile: the store's change signal follows
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self._pages.clear()
            self.endRemoveRows()
        self.count_exact = True
        self.view_changed.emit()
        return True

    def refresh(self) -> None:
        """Re-count and forget cached rows (after an action changed letters). A long list that
        had its exact count is counted exactly again: capped, it would lose the rows past the
        cap (and the place the clerk had scrolled to) until the next exact count."""
        if self.count_exact and self._count > COUNT_CAP:
            self.count_queries += 1
            exact = queries.count(self.store, self.user, self.queue, self.filter)
            self.set_view(self.queue, self.filter, known_count=exact)
        else:
            self.set_view(self.queue, self.filter)

    def column(self, index: int) -> Column:
        return self._columns[index]

    def columns_keys(self) -> list[str]:
        return list(self._keys)

    def column_of(self, sort_key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.sort_key == sort_key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.sort_key and descending == self.descending:
            return
        # A reset, not a layout change: the selection would otherwise stay on the same row
        # numbers, now other letters. The count is unchanged, so no count query runs.
        self.beginResetModel()
        self.sort_key = key
        self.descending = descending
        self._pages.clear()
        self.endResetModel()
        self.view_changed.emit()

    def _entry(self, row: int) -> tuple[LetterRow, tuple[str, ...]] | None:
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def row_at(self, row: int) -> LetterRow | None:
        entry = self._entry(row)
        return entry[0] if entry else None

    def letter_id(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.id if found else None

    def find_row(self, letter_id: str) -> int | None:
        """The row of ``letter_id`` among the pages already fetched, if any."""
        for number, rows in self._pages.items():
            for i, (r, _texts) in enumerate(rows):
                if r.id == letter_id:
                    return number * PAGE_SIZE + i
        return None

    # -- SQL ------------------------------------------------------------------------------

    def _query_count(self) -> int:
        self.count_queries += 1
        return queries.count(self.store, self.user, self.queue, self.filter, at_most=COUNT_CAP)

    def _page(self, number: int) -> list[tuple[LetterRow, tuple[str, ...]]]:
        cached = self._pages.get(number)
        if cached is not None:
            self._pages.move_to_end(number)
            return cached
        start = number * PAGE_SIZE
        end = min(start + PAGE_SIZE, self._count)
        self.pages_fetched += 1
        try:
            rows = self._fetch(start, end)
        except StoreError as exc:  # e.g. a damaged page: said once, not at every repaint
            self._pages[number] = []
            ops.show_error(None, exc)
            return []
        entries = [(r, tuple(self._display(r, key) for key in self._keys)) for r in rows]
        self._pages[number] = entries
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return entries

    def _fetch(self, start: int, end: int) -> list[LetterRow]:
        if self.count_exact and start > self._count // 2:
            # Near the end: read backwards from the last row (short OFFSET) and turn it round.
            rows = queries.page(
                self.store, self.user, self.queue, self.filter,
                sort=self.sort_key, descending=not self.descending,
                offset=self._count - end, limit=end - start,
            )  # fmt: skip
            rows.reverse()
            return rows
        return queries.page(
            self.store, self.user, self.queue, self.filter,
            sort=self.sort_key, descending=self.descending,
            offset=start, limit=PAGE_SIZE,
        )  # fmt: skip

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole and column.sort_key is None:
            return _tr("Kolom ini tidak dapat diurutkan")
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell on each paint: keep the common path short.
        if role != _DISPLAY and role not in (_TOOLTIP, _ROW, _ID):
            return None
        if not index.isValid():
            return None
        entry = self._entry(index.row())
        column = index.column()
        if entry is None or not 0 <= column < len(self._keys):
            return None
        if role == _DISPLAY:
            return entry[1][column]
        row = entry[0]
        if role == _ROW:
            return row
        if role == _ID:
            return row.id
        key = self._keys[column]
        if key in ("hal", "addressees_text"):
            return getattr(row, key) or None
        return entry[1][column] or None  # the whole text of a cell cut short

    def _display(self, row: LetterRow, key: str) -> str:
        if key == "letter_date":
            return date_text(row.letter_date)
        if key == "updated_at":
            return time_text(row.updated_at)
        if key == "letter_type":
            return self._type_labels.get(row.letter_type, row.letter_type)
        if key == "status":
            label = queries.status_label(row.status)
            if row.signature_kind in _ELECTRONIC:
                label = f"{label} (TTE)"
            if row.holder_name and row.status in queries.IN_PROCESS_STATUSES:
                label = f"{label}: {row.holder_name}"  # where it waits
            return label if row.sifat == "Biasa" else f"{label} · {row.sifat}"
        if key == "number":
            return row.number or _tr("(belum bernomor)")
        return str(getattr(row, key))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
