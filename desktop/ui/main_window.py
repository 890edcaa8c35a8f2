"""The main window: the person's queues, the letter list, and the letter being worked on.

Start-up does as little as it can before the first paint: one count for the first queue, and the
first page of rows when the table paints. The counts of the other queues come from a background
read just after. The editor, the letter view and the renderer are imported only when a letter
is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.letters import drafting, queries
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.conflicts import open_conflicts
from desktop.letters.queries import SEARCH_LIMIT, LetterRow, ListFilter, Queue, queue_label
from desktop.letters.templates import letter_types
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.errors import StoreBusy
from desktop.store.models import Letter
from desktop.ui import ops, signing_dialogs, store_events
from desktop.ui.letter_list import FilterBar, letter_table
from desktop.ui.letter_model import LetterListModel, read_view
from desktop.ui.qt import (
    QAction,
    QCloseEvent,
    QCoreApplication,
    QFont,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QModelIndex,
    QPushButton,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.screen import MAIN_WINDOW_SIZE, fit, remember_main_window
from desktop.ui.sync_status import SyncBridge, SyncStatusLabel
from desktop.ui.verify_dialog import PdfVerifier

if TYPE_CHECKING:
    from desktop.ui.editor_page import EditorPage
    from desktop.ui.letter_view import LetterView

QUEUE_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    """One person's desk: queues with counts, a list paged from SQL, and an open letter."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.setWindowTitle(self.tr("Naskah — {name}").format(name=user.name))
        fit(self, MAIN_WINDOW_SIZE)
        self.counts: dict[Queue, int] = {}
        self._counts_fresh = False
        self._queue_chosen = False  # the clerk picked a queue: stop choosing one for them
        self._counts = ops.Lane("read")
        # Searches read on their own thread, so typing never waits for a slow match.
        self._search = ops.Lane("search")
        self._conflicts = ops.Lane("read")
        self._list_stale = False  # the store changed while the list was not on screen
        self.searching = False
        self._wanted: tuple[Queue, ListFilter] = (Queue.DRAFTS, ListFilter())
        self.editor_page: EditorPage | None = None
        self.letter_view: LetterView | None = None

        self.model = LetterListModel(store, user, self)
        self.filters = FilterBar()
        self.table = letter_table(self.model)
        self.sidebar = self._make_sidebar()
        self.new_button = self._make_new_button()
        self.list_page = self._make_list_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.setCentralWidget(self.stack)
        self.sync = SyncBridge(store, self)
        self.verifier = PdfVerifier(self, store, user, self.open_letter)  # drop a PDF to check it
        self._make_menus()
        self.person_label = QLabel()
        self.count_label = QLabel()
        self.sync_label = SyncStatusLabel(self.sync)
        self.statusBar().addWidget(self.person_label, 1)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.events = store_events.of(store)
        self.events.changed.connect(self._store_changed)

        self.filters.changed.connect(self._filter_changed)
        self.table.activated.connect(self._row_activated)
        self.model.view_changed.connect(self._show_list_count)
        self.sidebar.currentItemChanged.connect(self._queue_item_changed)

        first = self._first_queue()
        self.model.set_view(first, ListFilter())
        self._wanted = (first, ListFilter())
        self._select_queue(first)
        self._show_person()
        QTimer.singleShot(0, self._after_first_paint)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_open_work)
            app.aboutToQuit.connect(self.sync.stop)

    def _after_first_paint(self) -> None:
        """What the first screen does not need: the other queues' counts, the sync client
        (loaded on a reading thread, then started if enrolled), the conflicts count."""
        self.refresh_counts()
        self.sync.prepare()
        self._show_conflict_count()

    # -- building ---------------------------------------------------------------------------

    def _make_sidebar(self) -> QListWidget:
        sidebar = QListWidget()
        sidebar.setObjectName("queues")
        sidebar.setUniformItemSizes(True)
        sidebar.setMinimumWidth(190)
        sidebar.setStyleSheet("QListWidget#queues::item { padding: 6px 6px; }")
        sidebar.setMaximumWidth(260)
        font = QFont(sidebar.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        sidebar.setFont(font)
        for queue in Queue:
            item = QListWidgetItem(queue_label(queue))
            item.setData(QUEUE_ROLE, queue)
            sidebar.addItem(item)
        return sidebar

    def _make_new_button(self) -> QPushButton:
        button = QPushButton(self.tr("+ Konsep Baru"))
        button.setToolTip(self.tr("Mulai naskah baru dari templat jenis naskah"))
        menu = QMenu(button)
        self.new_actions: dict[str, QAction] = {}
        for key, kind in letter_types().items():
            action = menu.addAction(kind.label)
            action.triggered.connect(lambda _checked=False, k=key: self.new_letter(k))
            self.new_actions[key] = action
        button.setMenu(menu)
        button.setVisible(self.user.has(Role.DRAFTER))
        return button

    def _make_list_page(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        self.new_button.setMinimumHeight(34)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.sidebar, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.filters)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color: #555; padding: 6px;")
        self.empty_label.hide()
        right_layout.addWidget(self.empty_label)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1080])
        splitter.setChildrenCollapsible(False)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        return page

    def _make_menus(self) -> None:
        letters = self.menuBar().addMenu(self.tr("&Surat"))
        new_menu = letters.addMenu(self.tr("Konsep Baru"))
        new_menu.setEnabled(self.user.has(Role.DRAFTER))
        for key, kind in letter_types().items():
            action = new_menu.addAction(kind.label)
            action.triggered.connect(lambda _checked=False, k=key: self.new_letter(k))
        refresh = letters.addAction(self.tr("Muat ulang daftar"))
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        self.conflicts_action = letters.addAction(self.tr("Konflik"))
        self.conflicts_action.triggered.connect(self.open_conflicts)
        find = letters.addAction(self.tr("Cari surat"))
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self._focus_search)
        self.verify_action = letters.addAction(self.tr("Periksa keaslian PDF..."))
        self.verify_action.triggered.connect(self.verifier.choose_file)
        letters.addSeparator()
        quit_action = letters.addAction(self.tr("Keluar"))
        quit_action.triggered.connect(self.close)
        admin = self.menuBar().addMenu(self.tr("&Administrasi"))
        self.people_action = admin.addAction(self.tr("Pegawai..."))
        self.people_action.triggered.connect(self.open_people)
        self.settings_action = admin.addAction(self.tr("Pengaturan Kantor..."))
        self.settings_action.triggered.connect(self.open_settings)
        self.sync_action = admin.addAction(self.tr("Sinkronisasi..."))
        self.sync_action.triggered.connect(self.open_sync_settings)
        # Named in both languages, so that a visitor who reads only one of them finds it.
        self.language_action = admin.addAction(self.tr("Bahasa / Language..."))
        self.language_action.triggered.connect(self.open_language)
        is_admin = self.user.has(Role.ADMIN)
        self.people_action.setEnabled(is_admin)
        self.settings_action.setEnabled(is_admin)
        self.sync_action.setEnabled(is_admin)
        self.certificate_action, self.bsre_action = signing_dialogs.add_menu_actions(
            self, self.store, self.user, letters, admin
        )
        signing_dialogs.warm_up_later(self.user)

    def _first_queue(self) -> Queue:
        """Where this person's work usually is: signers sign, reviewers initial."""
        if self.user.has(Role.SIGNER):
            return Queue.TO_SIGN
        if self.user.has(Role.REVIEWER):
            return Queue.TO_INITIAL
        if self.user.has(Role.DRAFTER):
            return Queue.DRAFTS
        return Queue.OUTGOING

    # -- queues, filters and counts -----------------------------------------------------------

    def _select_queue(self, queue: Queue) -> None:
        for i in range(self.sidebar.count()):
            item = self.sidebar.item(i)
            if item.data(QUEUE_ROLE) == queue:
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentItem(item)
                self.sidebar.blockSignals(False)
                return

    def _queue_item_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self._queue_chosen = True
            self.open_queue(Queue(item.data(QUEUE_ROLE)))

    def open_queue(self, queue: Queue) -> None:
        """Show ``queue`` under the current filter (and select it in the sidebar)."""
        self._queue_chosen = True
        self._select_queue(queue)
        self._apply(queue, self.filters.current())
        self.show_list()

    def _filter_changed(self, filt: ListFilter) -> None:
        self._queue_chosen = True
        self._apply(self.model.queue, filt)

    def _apply(self, queue: Queue, filt: ListFilter) -> None:
        self._wanted = (queue, filt)
        if filt.search:
            self._read_in_background(queue, filt)
            return
        self._search.cancel()
        self.searching = False
        known = self.counts.get(queue) if self._counts_fresh and filt == ListFilter() else None
        self.model.set_view(queue, filt, known_count=known)
        if self.model.rowCount():
            self.table.scrollToTop()

    def _read_in_background(self, queue: Queue, filt: ListFilter) -> None:
        """A full-text search can match most of the archive: count and read its first page on
        the search thread, and show them when they come (the newest search wins)."""
        store, user = self.store, self.user
        sort, descending = self.model.sort_key, self.model.descending
        self.searching = True
        self.count_label.setText(self.tr("Mencari..."))
        ops.ReadOp(
            self, lambda: (queue, filt, sort, descending,
                           read_view(store, user, queue, filt, sort, descending))
        ).success(self._search_arrived).run(self._search)  # fmt: skip

    def _search_arrived(
        self, result: tuple[Queue, ListFilter, str, bool, tuple[int, list[LetterRow]]]
    ) -> None:
        queue, filt, sort, descending, (count, rows) = result
        self.searching = False
        if (queue, filt) != self._wanted:
            return  # the clerk moved on meanwhile
        same_order = (sort, descending) == (self.model.sort_key, self.model.descending)
        self.model.set_view(queue, filt, known_count=count, first_page=rows if same_order else None)
        if count:
            self.table.scrollToTop()

    def refresh(self) -> None:
        """Recount the list on screen now, and the queues in the background (the clerk's F5;
        the store's change signal does the same after every write, ``_store_changed``)."""
        self._reload()

    def _store_changed(self, changes: Changes) -> None:
        if changes.touches("letter", "review_step"):
            if self.stack.currentWidget() is self.list_page:
                self._reload()
            else:  # an editor's autosave: recount the queues, the list when it shows again
                self._list_stale = True
                self.refresh_counts()
        if changes.touches("conflict"):
            self._show_conflict_count()

    def _reload(self) -> None:
        self._list_stale = False
        self._counts_fresh = False
        if self.model.filter.search:
            self._read_in_background(self.model.queue, self.model.filter)
        else:
            self.model.refresh()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        store, user = self.store, self.user
        self._counts_fresh = False
        ops.ReadOp(self, lambda: queries.queue_counts(store, user)).success(
            self._counts_arrived
        ).run(self._counts)

    def _counts_arrived(self, counts: dict[Queue, int]) -> None:
        self.counts = counts
        self._counts_fresh = True
        for i in range(self.sidebar.count()):
            item = self.sidebar.item(i)
            queue = Queue(item.data(QUEUE_ROLE))
            n = counts.get(queue, 0)
            item.setText(f"{queue_label(queue)}  ({n})" if n else queue_label(queue))
            font = item.font()
            font.setBold(bool(n) and queue is not Queue.OUTGOING)
            item.setFont(font)
        self._show_person()
        if not self._queue_chosen:
            self._open_busiest_first(counts)
            self._queue_chosen = True

    def _open_busiest_first(self, counts: dict[Queue, int]) -> None:
        """At start, if the role's queue is empty, show the first one that has letters."""
        current = self.model.queue
        if counts.get(current) or self.model.filter != ListFilter():
            return
        order = [Queue.TO_SIGN, Queue.TO_INITIAL, Queue.RETURNED, Queue.DRAFTS, Queue.OUTGOING]
        for queue in order:
            if counts.get(queue):
                self.open_queue(queue)
                return

    def _show_person(self) -> None:
        parts = [
            f"{queue_label(q)} {self.counts[q]}"
            for q in (Queue.DRAFTS, Queue.TO_INITIAL, Queue.TO_SIGN, Queue.RETURNED)
            if self.counts.get(q)
        ]
        text = self.user.name
        if parts:
            text += "  ·  " + "  ·  ".join(parts)
        self.person_label.setText(text)

    def _show_list_count(self) -> None:
        n = self.model.rowCount()
        shown = f"{n:,}".replace(",", ".")
        if self.model.filter.search and n >= SEARCH_LIMIT:
            # A search shows its newest matches only; say so, so the clerk narrows it.
            self.count_label.setText(
                self.tr("{n} surat terbaru yang cocok (persempit pencarian)").format(n=shown)
            )
        else:
            self.count_label.setText(self.tr("{n} surat").format(n=shown))
        if n:
            self.empty_label.hide()
            return
        if self.model.filter != ListFilter():
            self.empty_label.setText(self.tr("Tidak ada surat yang cocok dengan penyaring."))
        else:
            self.empty_label.setText(
                self.tr("Tidak ada surat di {queue}.").format(queue=queue_label(self.model.queue))
            )
        self.empty_label.show()

    def _focus_search(self) -> None:
        self.show_list()
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # -- opening letters ------------------------------------------------------------------------

    def _row_activated(self, index: QModelIndex) -> None:
        letter_id = self.model.letter_id(index.row())
        if letter_id:
            self.open_letter(letter_id)

    def open_letter(self, letter_id: str) -> None:
        """The editor for the person's own draft or returned letter; the read-only view else."""
        store, user = self.store, self.user
        ops.WriteOp(self, lambda: drafting.get_letter(store, user, letter_id)).success(
            self.show_letter
        ).run()  # a confidential letter's reading is audited: a write

    def show_letter(self, letter: Letter) -> None:
        if letter.status in drafting.EDITABLE and letter.drafter_id == self.user.id:
            self.open_editor(letter)
        else:
            self.open_view(letter)

    def new_letter(self, type_key: str) -> None:
        store, user = self.store, self.user
        ops.WriteOp(self, lambda: drafting.new_draft(store, user, type_key)).success(
            self.open_editor
        ).disable(self.new_button).run()

    def open_editor(self, letter: Letter) -> None:
        from desktop.ui.editor_page import EditorPage

        self._close_pages()
        page = EditorPage(self.store, self.user, letter, self)
        page.closed.connect(self._page_closed)
        page.sent.connect(self._letter_sent)
        self.editor_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.editor.focus_first_field()

    def open_view(self, letter: Letter) -> None:
        from desktop.ui.letter_view import LetterView

        self._close_pages()
        view = LetterView(self.store, self.user, letter, self)
        view.closed.connect(self._page_closed)
        view.changed.connect(self._letter_changed)
        self.letter_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)

    def show_list(self) -> None:
        if self.stack.currentWidget() is not self.list_page:
            self._close_pages()
            self.stack.setCurrentWidget(self.list_page)
        if self._list_stale:
            self._reload()

    def _close_pages(self) -> None:
        if self.editor_page is not None:
            self.editor_page.save_now()
            self.stack.removeWidget(self.editor_page)
            self.editor_page.deleteLater()
            self.editor_page = None
        if self.letter_view is not None:
            self.stack.removeWidget(self.letter_view)
            self.letter_view.deleteLater()
            self.letter_view = None

    def _page_closed(self) -> None:
        self.show_list()  # the editor's last save, once it lands, updates the list itself

    def _letter_sent(self, message: str) -> None:
        self.show_list()
        self.statusBar().showMessage(message, 8000)

    def _letter_changed(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message, 8000)

    # -- administration ---------------------------------------------------------------------------

    def open_people(self) -> None:
        from desktop.ui.people import PeopleDialog

        PeopleDialog(self.store, self.user, self).exec()

    def open_sync_settings(self) -> None:
        from desktop.ui.sync_settings import SyncSettingsDialog

        SyncSettingsDialog(self.store, self.sync, self).exec()

    def open_conflicts(self) -> None:
        from desktop.ui.conflicts import ConflictsDialog

        ConflictsDialog(self.store, self.user, self).exec()

    def _show_conflict_count(self) -> None:
        store = self.store
        ops.ReadOp(self, lambda: len(open_conflicts(store))).success(
            self._conflict_count_arrived
        ).failure(lambda exc: isinstance(exc, StoreBusy)).run(self._conflicts)  # busy: keep it

    def _conflict_count_arrived(self, n: int) -> None:
        self.conflicts_action.setText(self.tr("Konflik ({n})").format(n=n))
        self.conflicts_action.setEnabled(n > 0)

    def open_settings(self) -> None:
        from desktop.ui.settings import OfficeSettingsDialog

        OfficeSettingsDialog(self.store, self.user, self).exec()

    def open_language(self) -> None:
        from desktop.ui.settings import LanguageDialog

        LanguageDialog(self.store.data_dir, self).exec()

    # -- closing ----------------------------------------------------------------------------------

    def save_open_work(self) -> None:
        """Write the open draft now, on this thread (window closing, app quitting)."""
        if self.editor_page is not None:
            self.editor_page.save_sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_main_window(self, self.store.data_dir)
        self.save_open_work()
        self.sync.stop()
        super().closeEvent(event)
