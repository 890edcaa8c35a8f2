"""The incoming side of the main window: the queues "Surat Masuk Baru", "Surat Masuk" and
"Disposisi" in the sidebar (with counts, and the overdue dispositions counted apart), their
lists paged from SQL, and an opened letter.

``IncomingDesk`` is all the main window knows of it: it adds its sidebar items, says which
items are its own, shows its page in the window's stack, and recounts in the background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.letters import disposition
from desktop.letters import incoming_queries as iq
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import SIFAT
from desktop.letters.incoming_queries import IncomingFilter, IncomingQueue, incoming_queue_label
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.incoming_models import IncomingLetter
from desktop.store.models import Letter
from desktop.ui import ops
from desktop.ui.incoming_model import IncomingListModel
from desktop.ui.letter_list import ROW_HEIGHT, SEARCH_DELAY_MS
from desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QObject,
    QPushButton,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from desktop.ui.incoming_dialogs import RegisterDialog
    from desktop.ui.incoming_view import IncomingView

INCOMING_ROLE = Qt.ItemDataRole.UserRole + 7  # the IncomingQueue of a sidebar item


def _date_edit(value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class IncomingTable(QTableView):
    """The list: fixed row heights, widths from the model, Enter opens the current row."""

    open_row = Signal(int)

    def __init__(self, model: IncomingListModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.hide()
        self.horizontalHeader().setHighlightSections(False)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.doubleClicked.connect(lambda index: self.open_row.emit(index.row()))
        self.activated.connect(lambda index: self.open_row.emit(index.row()))

    def set_widths(self, model: IncomingListModel) -> None:
        header = self.horizontalHeader()
        for i in range(model.columnCount()):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(i, model.column(i).width)
        header.setSectionResizeMode(model.column_of("hal"), QHeaderView.ResizeMode.Stretch)


class IncomingPage(QWidget):
    """The list of one incoming queue (and, in front of it, the letter opened from it)."""

    changed = Signal(str)  # after an action, with a message for the status bar
    reply_started = Signal(object)

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.view: IncomingView | None = None
        self.register_dialog: RegisterDialog | None = None
        self.model = IncomingListModel(store, user, self)
        self.heading = QLabel()
        self.register_button = QPushButton(self.tr("+ Catat Surat Masuk..."))
        self.register_button.setVisible(user.has(Role.REGISTRAR) or user.has(Role.ADMIN))
        self.blank_sheet_button = QPushButton(self.tr("Lembar Disposisi Kosong..."))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari agenda, pengirim, nomor atau hal..."))
        self.search.setClearButtonEnabled(True)
        self.sifat = QComboBox()
        self.sifat.addItem(self.tr("Semua sifat"), None)
        for value in SIFAT:
            self.sifat.addItem(value, value)
        self.classification = QLineEdit()
        self.classification.setPlaceholderText(self.tr("Klasifikasi"))
        self.classification.setToolTip(self.tr("Awal kode klasifikasi, misalnya 400 atau 474"))
        self.classification.setMaximumWidth(100)
        self.use_dates = QCheckBox(self.tr("Diterima"))
        today = clock.today()
        self.date_from = _date_edit(QDate(today.year, 1, 1))
        self.date_to = _date_edit(QDate(today.year, today.month, today.day))
        self.overdue_only = QCheckBox(self.tr("Hanya yang terlambat"))
        self.count_label = QLabel()
        self.table = IncomingTable(self.model)
        from desktop.ui.delivery_dialogs import DeliveryInbox

        self.deliveries = DeliveryInbox(store, user)  # letters other offices sent (registrars)
        self.deliveries.registered.connect(self._registered)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.blank_sheet_button)
        top.addWidget(self.register_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.sifat, 1)
        filters.addWidget(self.classification)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("s.d.")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.overdue_only)
        filters.addWidget(self.count_label)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 6, 6, 6)
        list_layout.addLayout(top)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.deliveries)
        list_layout.addWidget(self.table, 1)
        self.list_page = list_page
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.sifat.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.overdue_only.toggled.connect(lambda _on: self.apply_filter())
        self.classification.textChanged.connect(lambda _t: self._typing.start())
        self.use_dates.toggled.connect(self._dates_toggled)
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
            edit.dateChanged.connect(self._dates_changed)
        self.table.open_row.connect(self._open_row)
        self.register_button.clicked.connect(self.ask_register)
        self.blank_sheet_button.clicked.connect(self.save_blank_sheet)
        self.model.view_changed.connect(self._show_count)

    # -- the list -----------------------------------------------------------------------------

    def show_queue(self, queue: IncomingQueue) -> None:
        self.close_letter()
        self.heading.setText(f"<b>{incoming_queue_label(queue)}</b>")
        self.overdue_only.setVisible(queue is IncomingQueue.DISPOSITIONS)
        if queue is not IncomingQueue.DISPOSITIONS:
            self.overdue_only.setChecked(False)
        self.model.set_view(queue, self.current_filter())
        self.table.set_widths(self.model)
        self.deliveries.allowed = queue is IncomingQueue.NEW and (
            self.user.has(Role.REGISTRAR) or self.user.has(Role.ADMIN)
        )
        self.deliveries.setVisible(False)
        self.deliveries.reload()

    def _dates_changed(self, _date: object) -> None:
        if self.use_dates.isChecked():
            self.apply_filter()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filter()

    def current_filter(self) -> IncomingFilter:
        dates = self.use_dates.isChecked()
        return IncomingFilter(
            search=self.search.text().strip(),
            sifat=self.sifat.currentData(),
            classification=self.classification.text().strip() or None,
            date_from=self.date_from.date().toPython() if dates else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if dates else None,  # type: ignore[arg-type]
            overdue_only=self.overdue_only.isChecked(),
        )

    def apply_filter(self) -> None:
        self._typing.stop()
        self.model.set_view(self.model.queue, self.current_filter())

    def refresh(self) -> None:
        if self.view is None:
            self.model.refresh()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("{n} surat").format(n=f"{n:,}".replace(",", ".")))

    # -- one letter -----------------------------------------------------------------------------

    def _open_row(self, row: int) -> None:
        found = self.model.row_at(row)
        if found is not None:
            self.open_letter(found.id)

    def open_letter(self, incoming_id: str) -> None:
        from desktop.ui.incoming_view import IncomingView

        self.close_letter()
        view = IncomingView(self.store, self.user, incoming_id, self)
        view.closed.connect(self.back_to_list)
        view.changed.connect(self._letter_changed)
        view.reply_started.connect(self.reply_started)
        self.view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)

    def close_letter(self) -> None:
        if self.view is not None:
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        self.stack.setCurrentWidget(self.list_page)

    def back_to_list(self) -> None:
        self.close_letter()
        self.model.refresh()
        self.table.setFocus()

    def _letter_changed(self, message: str) -> None:
        self.changed.emit(message)

    # -- registering ----------------------------------------------------------------------------

    def ask_register(self) -> None:
        from desktop.ui.incoming_dialogs import RegisterDialog

        dialog = RegisterDialog(self.store, self.user, self)
        dialog.registered.connect(self._registered)
        self.register_dialog = dialog
        dialog.open()

    def _registered(self, letter: IncomingLetter) -> None:
        self.model.refresh()
        self.changed.emit(
            self.tr("Surat masuk dicatat dengan nomor agenda {a}/{y}.").format(
                a=letter.agenda_number, y=letter.agenda_year
            )
        )

    def save_blank_sheet(self) -> None:
        from desktop.render.disposition_sheet import sheet_pdf

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan lembar disposisi kosong"), "lembar-disposisi.pdf",
            self.tr("PDF (*.pdf)"),
        )  # fmt: skip
        if not path:
            return
        from pathlib import Path

        Path(path).write_bytes(sheet_pdf(disposition.sheet(self.store, self.user, None)))
        self.changed.emit(self.tr("Disimpan ke {p}").format(p=path))


class IncomingDesk(QObject):
    """The main window's incoming side: sidebar items, the page, counts read in the background.

    ``window`` must offer ``stack`` (QStackedWidget), ``statusBar()``, ``refresh()`` and
    ``open_editor(letter)``.
    """

    def __init__(self, window: QWidget, store: Store, user: CurrentUser, sidebar: QListWidget):
        super().__init__(window)
        self.window, self.store, self.user, self.sidebar = window, store, user, sidebar
        self.page: IncomingPage | None = None
        self.items: dict[IncomingQueue, QListWidgetItem] = {}
        self.counts: iq.Counts | None = None
        for queue in IncomingQueue:
            item = QListWidgetItem(incoming_queue_label(queue))
            item.setData(INCOMING_ROLE, queue.value)
            sidebar.addItem(item)
            self.items[queue] = item
        self._counts_lane = ops.Lane("read")
        # Back from a letter opened elsewhere (a reply's editor), the queue is still the
        # sidebar's current item: a click on it must show it again.
        sidebar.itemClicked.connect(self._clicked)

    def _clicked(self, item: QListWidgetItem) -> None:
        if self.owns(item) and self.window.stack.currentWidget() is not self.page:  # type: ignore[attr-defined]
            self.open_item(item)

    def add_admin_actions(self, menu: QMenu) -> None:
        """Administrasi > "Daftar Pengirim..." (registrars, administrators) and "Instruksi
        Disposisi..." (administrators)."""
        senders = menu.addAction(self.tr("Daftar Pengirim..."))
        senders.setEnabled(self.user.has(Role.REGISTRAR) or self.user.has(Role.ADMIN))
        senders.triggered.connect(self.open_senders)
        action = menu.addAction(self.tr("Instruksi Disposisi..."))
        action.setEnabled(self.user.has(Role.ADMIN))
        action.triggered.connect(self.open_instructions)
        self.senders_action, self.instructions_action = senders, action

    def open_senders(self) -> None:
        from desktop.ui.incoming_dialogs import SendersDialog

        SendersDialog(self.store, self.user, self.window).exec()

    def open_instructions(self) -> None:
        from desktop.ui.incoming_dialogs import InstructionsDialog

        InstructionsDialog(self.store, self.user, self.window).exec()

    def owns(self, item: QListWidgetItem | None) -> bool:
        return item is not None and item.data(INCOMING_ROLE) is not None

    def open_item(self, item: QListWidgetItem) -> None:
        self.open(IncomingQueue(item.data(INCOMING_ROLE)))

    def open(self, queue: IncomingQueue) -> IncomingPage:
        page = self._page()
        stack = self.window.stack  # type: ignore[attr-defined]
        if stack.currentWidget() is not page:
            self.window.show_list()  # type: ignore[attr-defined]  # closes an open letter
            stack.setCurrentWidget(page)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentItem(self.items[queue])
        self.sidebar.blockSignals(False)
        page.show_queue(queue)
        return page

    def _page(self) -> IncomingPage:
        if self.page is None:
            page = IncomingPage(self.store, self.user, self.window)
            page.changed.connect(self._changed)
            page.reply_started.connect(self._reply_started)
            self.window.stack.addWidget(page)  # type: ignore[attr-defined]
            self.page = page
        return self.page

    def _changed(self, message: str) -> None:
        self.window.refresh()  # type: ignore[attr-defined]  # recounts; sync hears of it
        if message:
            self.window.statusBar().showMessage(message, 8000)  # type: ignore[attr-defined]

    def _reply_started(self, letter: Letter) -> None:
        self.window.refresh()  # type: ignore[attr-defined]
        self.window.open_editor(letter)  # type: ignore[attr-defined]

    def refresh_counts(self) -> None:
        store, user = self.store, self.user
        ops.ReadOp(self.window, lambda: iq.counts(store, user)).success(self._counts_arrived).run(
            self._counts_lane
        )
        page = self.page
        if page is not None and self.window.stack.currentWidget() is page:  # type: ignore[attr-defined]
            page.refresh()

    def _counts_arrived(self, counts: iq.Counts) -> None:
        self.counts = counts
        for queue, item in self.items.items():
            n = counts.of(queue)
            text = incoming_queue_label(queue)
            if queue is IncomingQueue.DISPOSITIONS and counts.overdue:
                text += f"  ({n} · {counts.overdue} {self.tr('terlambat')})"
            elif n:
                text += f"  ({n})"
            item.setText(text)
            font = item.font()
            font.setBold(bool(n) and queue is not IncomingQueue.ALL)
            item.setFont(font)
            if queue is IncomingQueue.DISPOSITIONS:
                item.setData(
                    Qt.ItemDataRole.ForegroundRole,
                    QColor("#b00020") if counts.overdue else None,
                )
