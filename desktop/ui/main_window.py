"""The main window: the person's queues, the letter list, and the letter being worked on.

Start-up does as little as it can before the first paint: one count for the first queue, and the
first page of rows when the table paints. The counts of the other queues come from a background
read just after. The editor, the letter view and the renderer are imported only when a letter
is opened.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from desktop.letters import accounts, drafting, queries
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.conflicts import open_conflicts
from desktop.letters.queries import SEARCH_LIMIT, LetterRow, ListFilter, Queue, queue_label
from desktop.letters.templates import letter_types
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.errors import StoreBusy
from desktop.store.models import Letter
from desktop.ui import ops, signing_dialogs, store_events
from desktop.ui.dashboard import ReportsDesk
from desktop.ui.first_paint import after_first_paint
from desktop.ui.incoming_page import IncomingDesk
from desktop.ui.letter_list import FilterBar, letter_table
from desktop.ui.letter_model import COUNT_CAP, LetterListModel, read_view
from desktop.ui.numbers_left import NumbersLeftLabel
from desktop.ui.numbers_left import add_menu_action as add_reserve_action
from desktop.ui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QCoreApplication,
    QEvent,
    QFont,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QModelIndex,
    QObject,
    QPoint,
    QPushButton,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.ui.screen import MAIN_WINDOW_SIZE, fit, remember_main_window
from desktop.ui.sync_status import SyncBridge, SyncStatusLabel
from desktop.ui.verify_dialog import PdfVerifier

if TYPE_CHECKING:
    from desktop.ui.editor_page import EditorPage
    from desktop.ui.letter_view import LetterView

QUEUE_ROLE = Qt.ItemDataRole.UserRole
# A list past COUNT_CAP letters shows "1.000+" at once; its exact count is read once the clerk
# has stopped changing the filter for this long.
EXACT_COUNT_DELAY_MS = 400
# Queues that need no action from the person: their counts are shown, not in bold.
_QUIET = frozenset({Queue.OUTGOING, Queue.IN_PROCESS, Queue.ALL})


class MainWindow(QMainWindow):
    """One person's desk: queues with counts, a list paged from SQL, and an open letter."""

    logged_out = Signal()  # "Keluar akun": the window closed for someone else to log in

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self._searched_from: Queue | None = None  # the queue a search took the list away from
        self.setWindowTitle(self.tr("Naskah — {name}").format(name=user.name))
        fit(self, MAIN_WINDOW_SIZE)
        self.counts: dict[Queue, int] = {}
        self._counts_fresh = False
        self._queue_chosen = False  # the clerk picked a queue: stop choosing one for them
        self._counts = ops.Lane("read")
        # Searches read on their own thread, so typing never waits for a slow match.
        self._search = ops.Lane("search")
        self._conflicts = ops.Lane("read")
        self._exact = ops.Lane("read")
        self._exact_timer = QTimer(self)
        self._exact_timer.setSingleShot(True)
        self._exact_timer.setInterval(EXACT_COUNT_DELAY_MS)
        self._exact_timer.timeout.connect(self._count_exactly)
        self._list_stale = False  # the store changed while the list was not on screen
        self.searching = False
        self._wanted: tuple[Queue, ListFilter] = (Queue.DRAFTS, ListFilter())
        self.editor_page: EditorPage | None = None
        self.letter_view: LetterView | None = None

        self.model = LetterListModel(store, user, self)
        self.filters = FilterBar()
        self.table = letter_table(self.model)
        self.sidebar = self._make_sidebar()
        self.incoming = IncomingDesk(self, store, user, self.sidebar)  # incoming letters' queues
        self.reports = ReportsDesk(self, store, user, self.sidebar)  # Laporan: dashboard, agenda
        self.new_button = self._make_new_button()
        self.list_page = self._make_list_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.setCentralWidget(self.stack)
        self.sync = SyncBridge(store, self)
        self.verifier = PdfVerifier(self, store, user, self.open_letter)  # drop a PDF to check it
        self._make_menus()
        self._make_page_actions()
        self.person_label = QLabel()
        self.count_label = QLabel()
        self.sync_label = SyncStatusLabel(self.sync)
        self.statusBar().addWidget(self.person_label, 1)
        self.numbers_left = NumbersLeftLabel(store, user)  # numbers left from the leases
        self.statusBar().addPermanentWidget(self.numbers_left)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.events = store_events.of(store)
        self.events.changed.connect(self._store_changed)

        self.filters.changed.connect(self._filter_changed)
        self.table.activated.connect(self._row_activated)
        self.model.view_changed.connect(self._show_list_count)
        self.sidebar.currentItemChanged.connect(self._queue_item_changed)
        self.filters.search.installEventFilter(self)
        self.clear_filter_button.clicked.connect(self.clear_filters)

        first = self._first_queue()
        self.model.set_view(first, ListFilter())
        self._wanted = (first, ListFilter())
        self._select_queue(first)
        self._show_person()
        after_first_paint(self, self._after_first_paint)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_open_work)
            app.aboutToQuit.connect(self.sync.stop)

    def _after_first_paint(self) -> None:
        """What the first screen does not need: the other queues' counts, the sync client
        (loaded on a reading thread, then started if enrolled), the conflicts count."""
        self.refresh_counts()
        self.sync.prepare()
        self.numbers_left.refresh()
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
        menu = QMenu(button)
        self.new_actions: dict[str, QAction] = {}
        for key, kind in letter_types().items():
            action = menu.addAction(kind.label)
            action.triggered.connect(lambda _checked=False, k=key: self.new_letter(k))
            self.new_actions[key] = action
        button.setMenu(menu)
        self.new_hint = QLabel()
        self.new_hint.setWordWrap(True)
        self.new_hint.setStyleSheet("color: #555;")
        self._show_new_button(button)
        return button

    def _show_new_button(self, button: QPushButton) -> None:
        """Drafters start letters; an administrator without the role is told how to get it."""
        drafter = self.user.has(Role.DRAFTER)
        admin = self.user.has(Role.ADMIN)
        button.setVisible(drafter or admin)
        button.setEnabled(drafter)
        if drafter:
            button.setToolTip(self.tr("Mulai naskah baru dari templat jenis naskah (Ctrl+N)"))
            self.new_hint.hide()
            return
        hint = self.tr(
            "Anda belum berperan Pengonsep. Tambahkan peran itu untuk diri Anda di "
            "Administrasi > Pegawai; peran baru langsung berlaku."
        )
        button.setToolTip(hint)
        self.new_hint.setText(hint)
        self.new_hint.setVisible(admin)

    def _make_list_page(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        self.new_button.setMinimumHeight(34)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.new_hint)
        left_layout.addWidget(self.sidebar, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.filters)
        filter_row = QHBoxLayout()
        self.filter_note = QLabel()
        self.filter_note.setObjectName("filterNote")
        self.filter_note.setStyleSheet("color: #7a4a00;")
        self.clear_filter_button = QPushButton(self.tr("&Hapus penyaring"))
        self.clear_filter_button.setToolTip(self.tr("Tampilkan lagi semua surat antrean ini"))
        filter_row.addWidget(self.filter_note, 1)
        filter_row.addWidget(self.clear_filter_button)
        self.filter_note.hide()
        self.clear_filter_button.hide()
        right_layout.addLayout(filter_row)
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
        # Tab goes left to right, top to bottom: the queues, the filter bar, the list.
        bar = self.filters
        chain = [self.new_button, self.sidebar, bar.search, bar.status, bar.letter_type,
                 bar.classification, bar.use_dates, bar.date_from, bar.date_to,
                 self.clear_filter_button, self.table]  # fmt: skip
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        return page

    def _make_menus(self) -> None:
        letters = self.menuBar().addMenu(self.tr("&Surat"))
        new_menu = letters.addMenu(self.tr("Konsep &Baru"))
        new_menu.setEnabled(self.user.has(Role.DRAFTER))
        for key, kind in letter_types().items():
            action = new_menu.addAction(kind.label)
            action.triggered.connect(lambda _checked=False, k=key: self.new_letter(k))
        refresh = letters.addAction(self.tr("&Muat ulang daftar"))
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        self.conflicts_action = letters.addAction(self.tr("Konflik"))
        self.conflicts_action.triggered.connect(self.open_conflicts)
        find = letters.addAction(self.tr("&Cari surat"))
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self._focus_search)
        self.verify_action = letters.addAction(self.tr("&Periksa keaslian PDF..."))
        self.verify_action.triggered.connect(self.verifier.choose_file)
        self.letters_menu = letters
        letters.addSeparator()
        log_out = letters.addAction(self.tr("Keluar &akun"))
        log_out.setToolTip(self.tr("Tutup jendela ini agar pegawai lain dapat masuk"))
        log_out.triggered.connect(self.log_out)
        quit_action = letters.addAction(self.tr("&Keluar"))
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        self._make_archive_menu()
        self.reports.add_menu(self.menuBar())
        admin = self.menuBar().addMenu(self.tr("&Administrasi"))
        self.people_action = admin.addAction(self.tr("&Pegawai..."))
        self.people_action.triggered.connect(self.open_people)
        self.settings_action = admin.addAction(self.tr("Pengaturan &Kantor..."))
        self.settings_action.triggered.connect(self.open_settings)
        self.sync_action = admin.addAction(self.tr("&Sinkronisasi..."))
        self.sync_action.triggered.connect(self.open_sync_settings)
        self.incoming.add_admin_actions(admin)
        self.reserve_action = add_reserve_action(self, self.store, self.user, admin)
        from desktop.ui import agenda_import_dialog, handoff_dialog

        self.agenda_import_actions = agenda_import_dialog.add_menu_actions(
            self, self.store, self.user, admin
        )
        self.srikandi_import_action = handoff_dialog.add_menu_action(
            self, self.store, self.user, admin
        )
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

    def _make_archive_menu(self) -> None:
        """Arsip: filing letters into berkas, the berkas, retention and its schedule."""
        archive = self.menuBar().addMenu(self.tr("A&rsip"))
        archivist = self.user.has(Role.REGISTRAR) or self.user.has(Role.ADMIN)
        self.file_letter_action = archive.addAction(self.tr("&Berkaskan surat..."))
        self.file_letter_action.triggered.connect(self.open_filing)
        self.file_letter_action.setEnabled(archivist)
        archive.addAction(self.tr("&Daftar berkas...")).triggered.connect(self.open_berkas)
        archive.addAction(self.tr("&Retensi...")).triggered.connect(self.open_retention)
        archive.addAction(self.tr("&Jadwal retensi...")).triggered.connect(self.open_schedule)

    def open_filing(self) -> None:
        from desktop.ui.filing import FileLetterDialog

        FileLetterDialog(self.store, self.user, self).exec()

    def open_berkas(self) -> None:
        from desktop.ui.filing import BerkasDialog

        BerkasDialog(self.store, self.user, self).exec()

    def open_retention(self) -> None:
        from desktop.ui.retention import RetentionDialog

        RetentionDialog(self.store, self.user, self.open_editor, self).exec()

    def open_schedule(self) -> None:
        from desktop.ui.retention import ScheduleDialog

        ScheduleDialog(self.store, self.user, self).exec()

    def _make_page_actions(self) -> None:
        """The keyboard's way to the open letter: Ctrl+N, Ctrl+S, Ctrl+Enter, Ctrl+P, Escape and
        Ctrl+W. Each works only where it means something (a disabled action takes no key)."""
        self.new_action = QAction(self.tr("Konsep baru..."), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self.choose_new_letter)
        self.save_action = QAction(self.tr("&Simpan konsep"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.triggered.connect(self._save_page)
        self.send_action = QAction(self.tr("Kirim untuk pa&raf..."), self)
        self.send_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.send_action.triggered.connect(self._send_page)
        self.print_action = QAction(self.tr("Ce&tak surat..."), self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self._print_page)
        self.close_action = QAction(self.tr("T&utup surat"), self)
        keys = [QKeySequence("Ctrl+W"), QKeySequence(Qt.Key.Key_Escape)]
        keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
                 if k not in keys]  # fmt: skip
        self.close_action.setShortcuts(keys)
        self.close_action.triggered.connect(self._close_page)
        self.addAction(self.new_action)  # no menu item: "Konsep Baru" is the menu
        self._menu_page_actions()

    def _menu_page_actions(self) -> None:
        separator = [a for a in self.letters_menu.actions() if a.isSeparator()][-1]
        for action in (self.save_action, self.send_action, self.print_action, self.close_action):
            self.letters_menu.insertAction(separator, action)
        self._page_changed()

    def _page_changed(self) -> None:
        editing = self.editor_page is not None
        self.new_action.setEnabled(self.user.has(Role.DRAFTER))
        self.save_action.setEnabled(editing)
        self.send_action.setEnabled(editing)
        self.print_action.setEnabled(self.letter_view is not None)
        self.close_action.setEnabled(editing or self.letter_view is not None)

    def choose_new_letter(self) -> None:
        """Ctrl+N: back to the list, and the letter types open under "+ Konsep Baru" to pick
        from with the arrow keys and Enter."""
        if not self.user.has(Role.DRAFTER):
            return
        self.show_list()
        menu = self.new_button.menu()
        menu.popup(self.new_button.mapToGlobal(QPoint(0, self.new_button.height())))
        menu.setActiveAction(menu.actions()[0])

    def _save_page(self) -> None:
        if self.editor_page is not None:
            self.editor_page.save_now()

    def _send_page(self) -> None:
        if self.editor_page is not None:
            self.editor_page.editor.send()

    def _print_page(self) -> None:
        if self.letter_view is not None:
            self.letter_view.print_letter()

    def _close_page(self) -> None:
        if self.editor_page is not None or self.letter_view is not None:
            self._page_closed()

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
        if item is not None and self.incoming.owns(item):
            self._queue_chosen = True
            self.incoming.open_item(item)
        elif item is not None:
            self._queue_chosen = True
            queue = Queue(item.data(QUEUE_ROLE))
            # Another queue is another question: a filter left on would hide its letters.
            self._searched_from = None
            if queue is not Queue.ALL:
                self.filters.clear()
            self.open_queue(queue)

    def open_queue(self, queue: Queue) -> None:
        """Show ``queue`` under the current filter (and select it in the sidebar)."""
        self._queue_chosen = True
        self._select_queue(queue)
        self._apply(queue, self.filters.current())
        self.show_list()

    def _filter_changed(self, filt: ListFilter) -> None:
        """A search looks in every letter the person may see ("Semua surat"); emptying the
        search box goes back to the queue the search started from."""
        self._queue_chosen = True
        queue = self.model.queue
        if filt.search and queue is not Queue.ALL:
            self._searched_from = queue
            queue = Queue.ALL
            self._select_queue(queue)
        elif not filt.search and self._searched_from is not None:
            queue, self._searched_from = self._searched_from, None
            self._select_queue(queue)
        self._apply(queue, filt)

    def clear_filters(self) -> None:
        """ "Hapus penyaring": the whole queue again."""
        self.filters.clear()
        self._filter_changed(self.filters.current())

    def _apply(self, queue: Queue, filt: ListFilter) -> None:
        self._wanted = (queue, filt)
        if filt.search:
            self._read_in_background(queue, filt)
            return
        self._search.cancel()
        self.searching = False
        known = self.counts.get(queue) if self._counts_fresh and filt == ListFilter() else None
        if known is not None and known > COUNT_CAP:
            known = None  # the sidebar's "1.000+": the list counts (capped) and asks later
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
        ops.ReadOp(
            self, lambda: queries.queue_counts(store, user, outgoing_at_most=COUNT_CAP)
        ).success(self._counts_arrived).run(self._counts)
        self.incoming.refresh_counts()

    def _count_exactly(self) -> None:
        """The whole count of the list on screen, on a reading thread (it showed "1.000+")."""
        if self.model.count_exact:
            return
        store, user = self.store, self.user
        queue, filt = self.model.queue, self.model.filter
        ops.ReadOp(self, lambda: (queue, filt, queries.count(store, user, queue, filt))).success(
            lambda found: self.model.set_exact_count(*found)
        ).failure(lambda exc: isinstance(exc, StoreBusy)).run(self._exact)  # busy: "1.000+"

    def _counts_arrived(self, counts: dict[Queue, int]) -> None:
        self.counts = counts
        self._counts_fresh = True
        queue = self.model.queue
        if self.model.filter == ListFilter() and counts.get(queue, COUNT_CAP + 1) <= COUNT_CAP:
            self.model.set_exact_count(queue, ListFilter(), counts[queue])
        for i in range(self.sidebar.count()):
            item = self.sidebar.item(i)
            if item.data(QUEUE_ROLE) is None:
                continue  # an incoming queue: IncomingDesk counts those
            queue = Queue(item.data(QUEUE_ROLE))
            n = counts.get(queue, 0)
            shown = f"{COUNT_CAP:,}+".replace(",", ".") if n > COUNT_CAP else str(n)
            item.setText(f"{queue_label(queue)}  ({shown})" if n else queue_label(queue))
            font = item.font()
            font.setBold(bool(n) and queue not in _QUIET)
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
        self._show_filter_note()
        n = self.model.rowCount()
        shown = f"{n:,}".replace(",", ".")
        self._exact.cancel()  # a count read for the previous view would be stale
        if not self.model.count_exact:
            self._exact_timer.start()  # restarted by each new view: counted once typing stops
            self.count_label.setText(
                self.tr("{n}+ surat").format(n=f"{COUNT_CAP:,}".replace(",", "."))
            )
        elif self.model.filter.search and n >= SEARCH_LIMIT:
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

    def _show_filter_note(self) -> None:
        filt = self.model.filter
        on = filt != ListFilter()
        self.filter_note.setVisible(on)
        self.clear_filter_button.setVisible(on)
        if not on:
            return
        if filt.search:
            text = self.tr("Hasil pencarian “{q}” di semua surat yang dapat Anda lihat.").format(
                q=filt.search
            )
            if filt != ListFilter(search=filt.search):
                text += " " + self.tr("Penyaring lain juga aktif.")
        else:
            text = self.tr("Penyaring aktif: hanya surat yang cocok yang ditampilkan.")
        self.filter_note.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search box goes on to the results, as in a browser's address bar.
        if (
            watched is self.filters.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
            and self.model.rowCount()
        ):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

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
        self._page_changed()

    def open_view(self, letter: Letter) -> None:
        from desktop.ui.letter_view import LetterView

        self._close_pages()
        view = LetterView(self.store, self.user, letter, self)
        view.closed.connect(self._page_closed)
        view.changed.connect(self._letter_changed)
        self.letter_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.setFocus()
        self._page_changed()

    def show_list(self) -> None:
        if self.stack.currentWidget() is not self.list_page:
            self._close_pages()
            self.stack.setCurrentWidget(self.list_page)
            self.table.setFocus()
            self._page_changed()
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
        self.apply_roles()

    def apply_roles(self) -> None:
        """Roles given to or taken from the logged-in person apply at once: the menus, "+ Konsep
        Baru" and the keys are rebuilt for the roles the store now holds."""
        try:
            user = accounts.refreshed(self.store, self.user)
        except Exception:  # a busy store: the roles apply at the next log-in
            return
        if user.roles == self.user.roles:
            return
        self.user = user
        self.model.user = user
        old_menus = [a.menu() for a in self.menuBar().actions() if a.menu() is not None]
        self.menuBar().clear()
        for menu in old_menus:
            menu.deleteLater()
        self._make_menus()
        self._menu_page_actions()
        self._show_new_button(self.new_button)
        self._show_conflict_count()

    def log_out(self) -> None:
        """ "Keluar akun": the open draft is saved, the window closes and the log-in shows
        (the app does not quit although its last window closed)."""
        app = QApplication.instance()
        keep = isinstance(app, QApplication) and app.quitOnLastWindowClosed()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)
        try:
            closed = self.close()
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(keep)
        if closed:
            self.logged_out.emit()

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
