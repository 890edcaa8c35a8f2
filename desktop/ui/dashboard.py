"""The dashboard (Dasbor): this month's letters in and out, the office's open and overdue
dispositions, and this year's letters by classification and by type, as bar charts.

``ReportsDesk`` is all the main window knows of it: it adds the "Laporan" menu (Dasbor, Buku
Agenda...), shows the page in the window's stack and takes the person back to the list. The
charts are drawn with QPainter: QtCharts is kept out of the Windows build (packaging/naskah.spec),
and two bar charts do not need it.
"""

from __future__ import annotations

from desktop.letters import registers
from desktop.letters.accounts import CurrentUser
from desktop.letters.registers import Bar, Dashboard
from desktop.render.dates import month_name_id
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.ui import ops, store_events
from desktop.ui.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenuBar,
    QObject,
    QPainter,
    QPaintEvent,
    QPushButton,
    QRectF,
    QShortcut,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)

BAR_COLOR = QColor("#2f6f9f")
OVERDUE_COLOR = QColor("#b00020")


class BarChart(QWidget):
    """Horizontal bars with their labels and counts; what it shows is also its accessible
    description (a screen reader, or a test, reads the figures)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: tuple[Bar, ...] = ()
        self.setMinimumSize(QSize(240, 150))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def set_bars(self, bars: tuple[Bar, ...]) -> None:
        self.bars = bars
        summary = "; ".join(f"{b.label}: {b.count}" for b in bars) or self.tr("Belum ada surat")
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        width, height = self.width(), self.height()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(0, 0, width, line), int(Qt.AlignmentFlag.AlignLeft), self.title)
        painter.setFont(self.font())
        if not self.bars:
            painter.setPen(QColor("#555"))
            painter.drawText(
                QRectF(0, line * 1.5, width, line),
                int(Qt.AlignmentFlag.AlignLeft),
                self.tr("Belum ada surat"),
            )
            painter.end()
            return
        top = line * 1.4
        row = min(line * 1.6, (height - top) / len(self.bars))
        widest = max(metrics.horizontalAdvance(b.label) for b in self.bars)
        label_w = min(width * 0.5, widest + 16.0)  # a label is cut only when space is short
        count_w = metrics.horizontalAdvance(str(max(b.count for b in self.bars))) + 8
        bar_w = max(10.0, width - label_w - count_w)
        biggest = max(1, max(b.count for b in self.bars))
        for i, bar in enumerate(self.bars):
            y = top + i * row
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_w) - 6)
            painter.setPen(QColor("black"))
            painter.drawText(
                QRectF(0, y, label_w - 8, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                label,
            )
            length = bar_w * bar.count / biggest
            painter.fillRect(QRectF(label_w, y + row * 0.15, length, row * 0.7), BAR_COLOR)
            painter.drawText(
                QRectF(label_w + length + 4, y, count_w, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                str(bar.count),
            )
        painter.end()


class Tile(QFrame):
    """One figure in large type over what it counts."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setObjectName(name)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def show_count(self, n: int, alarm: bool = False) -> None:
        self.value.setText(f"{n:,}".replace(",", "."))  # Indonesian thousands: 1.234
        self.value.setStyleSheet(f"color: {OVERDUE_COLOR.name()};" if alarm and n else "")


class DashboardPage(QWidget):
    """The office's figures, read in the background each time the page is shown."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.figures: Dashboard | None = None
        self._lane = ops.Lane("read")
        self.heading = QLabel(self.tr("Dasbor"))
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.agenda_button = QPushButton(self.tr("Buku A&genda..."))
        self.agenda_button.setToolTip(self.tr("Cetak atau ekspor buku agenda surat masuk/keluar"))
        self.refresh_button = QPushButton(self.tr("&Muat ulang"))
        self.back_button = QPushButton(self.tr("← Daftar surat"))
        self.incoming = Tile(self.tr("Surat masuk bulan ini"), "incomingMonth")
        self.outgoing = Tile(self.tr("Surat keluar bulan ini"), "outgoingMonth")
        self.open = Tile(self.tr("Disposisi belum selesai"), "openDispositions")
        self.overdue = Tile(self.tr("Disposisi terlambat"), "overdueDispositions")
        self.by_classification = BarChart(self.tr("Menurut klasifikasi"))
        self.by_type = BarChart(self.tr("Surat keluar menurut jenis naskah"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.agenda_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.back_button)
        tiles = QGridLayout()
        for i, tile in enumerate((self.incoming, self.outgoing, self.open, self.overdue)):
            tiles.addWidget(tile, 0, i)
        charts = QHBoxLayout()
        charts.addWidget(self.by_classification, 1)
        charts.addWidget(self.by_type, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(charts, 1)
        self.refresh_button.clicked.connect(self.refresh)
        store_events.of(store).changed.connect(self._store_changed)
        QWidget.setTabOrder(self.agenda_button, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.back_button)

    def refresh(self) -> None:
        store = self.store
        ops.ReadOp(self, lambda: registers.dashboard(store)).success(self._show).run(self._lane)

    def _store_changed(self, changes: Changes) -> None:
        """Letters signed, registered or disposed here or by sync: the figures on screen follow."""
        if self.isVisible() and changes.touches("letter", "incoming_letter", "disposition"):
            self.refresh()

    def _show(self, figures: Dashboard) -> None:
        self.figures = figures
        month = f"{month_name_id(figures.today.month)} {figures.today.year}"
        self.heading.setText(self.tr("Dasbor — {month}").format(month=month))
        self.incoming.show_count(figures.incoming_month)
        self.outgoing.show_count(figures.outgoing_month)
        self.open.show_count(figures.open_dispositions)
        self.overdue.show_count(figures.overdue_dispositions, alarm=True)
        year = figures.today.year
        self.by_classification.title = self.tr(
            "Surat masuk dan keluar {year} menurut klasifikasi"
        ).format(year=year)
        self.by_type.title = self.tr("Surat keluar {year} menurut jenis naskah").format(year=year)
        self.by_classification.set_bars(figures.by_classification)
        self.by_type.set_bars(figures.by_type)


class ReportsDesk(QObject):
    """The main window's "Laporan" menu and the dashboard page.

    ``window`` must offer ``stack`` (QStackedWidget), ``show_list()`` and ``statusBar()``.
    """

    def __init__(
        self, window: QWidget, store: Store, user: CurrentUser, sidebar: QListWidget
    ) -> None:
        super().__init__(window)
        self.window, self.store, self.user = window, store, user
        self.page: DashboardPage | None = None
        # Back from the dashboard, a click on the queue still current in the sidebar shows it.
        sidebar.itemClicked.connect(self._sidebar_clicked)

    def add_menu(self, bar: QMenuBar) -> None:
        """ "Laporan" > "Dasbor" (Ctrl+Shift+D) and "Buku Agenda..." (Ctrl+Shift+A)."""
        menu = bar.addMenu(self.tr("&Laporan"))
        self.dashboard_action = menu.addAction(self.tr("&Dasbor"))
        self.dashboard_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.agenda_action = menu.addAction(self.tr("Buku &Agenda..."))
        self.agenda_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.agenda_action.triggered.connect(self.open_agenda_dialog)
        self.menu = menu

    def open_dashboard(self) -> DashboardPage:
        page = self._page()
        stack = self.window.stack  # type: ignore[attr-defined]
        if stack.currentWidget() is not page:
            self.window.show_list()  # type: ignore[attr-defined]  # closes an open letter
            stack.setCurrentWidget(page)
        page.refresh()
        page.agenda_button.setFocus()
        return page

    def open_agenda_dialog(self) -> None:
        from desktop.ui.registers_dialog import RegistersDialog

        dialog = RegistersDialog(self.store, self.user, self.window)
        dialog.saved.connect(self._saved)
        dialog.exec()

    def _saved(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)  # type: ignore[attr-defined]

    def _page(self) -> DashboardPage:
        if self.page is None:
            page = DashboardPage(self.store, self.user, self.window)
            page.agenda_button.clicked.connect(self.open_agenda_dialog)
            page.back_button.clicked.connect(self._back)
            QShortcut(QKeySequence(Qt.Key.Key_Escape), page, self._back)
            self.window.stack.addWidget(page)  # type: ignore[attr-defined]
            self.page = page
        return self.page

    def _back(self) -> None:
        self.window.show_list()  # type: ignore[attr-defined]

    def _sidebar_clicked(self, item: QListWidgetItem) -> None:
        if self.page is None or self.window.stack.currentWidget() is not self.page:  # type: ignore[attr-defined]
            return
        from desktop.ui.main_window import QUEUE_ROLE

        if item.data(QUEUE_ROLE) is not None:  # an outgoing queue (incoming ones open their own)
            self._back()
