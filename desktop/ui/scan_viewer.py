"""A multi-page viewer for the scans of an incoming letter: PDFs (Qt's PDF module) and images,
all their pages in one run, with page, zoom and rotate, from the mouse or the keyboard.

Only the page on screen is rendered, so a 50-page scan shows its first page as fast as a
one-page one. For a letter above Biasa the page carries a watermark with the viewer's name and
the time (``watermark``), as the saved and printed copies do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

from desktop.ui.qt import (
    QAction,
    QCloseEvent,
    QColor,
    QEvent,
    QFont,
    QHBoxLayout,
    QImage,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QObject,
    QPagedPaintDevice,
    QPixmap,
    QPushButton,
    QResizeEvent,
    QScrollArea,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
)

ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0)
SCREEN_DPI = 96.0


@dataclass(frozen=True)
class ScanSource:
    """One file to show: where it is, what it is, and what to call it."""

    path: Path
    media_type: str  # application/pdf, image/png, image/jpeg
    label: str = ""


class ScanPages:
    """Every page of every source in order, rendered on demand."""

    def __init__(self) -> None:
        self.sources: list[ScanSource] = []
        self._docs: dict[int, object] = {}  # source index -> QPdfDocument
        self.index: list[tuple[int, int]] = []  # (source, page within it)
        self.problems: list[str] = []

    def load(self, sources: list[ScanSource]) -> None:
        from desktop.ui.qt_pdf import QPdfDocument

        self.sources = list(sources)
        self._docs.clear()
        self.index.clear()
        self.problems.clear()
        for i, source in enumerate(self.sources):
            if source.media_type == "application/pdf":
                doc = QPdfDocument()
                error = doc.load(str(source.path))
                if error != QPdfDocument.Error.None_ or doc.pageCount() < 1:
                    self.problems.append(source.label or source.path.name)
                    continue
                self._docs[i] = doc
                self.index += [(i, p) for p in range(doc.pageCount())]
            else:
                self.index.append((i, 0))

    def point_size(self, at: int) -> QSize:
        source, page = self.index[at]
        doc = self._docs.get(source)
        if doc is not None:
            size = doc.pagePointSize(page)  # type: ignore[attr-defined]
            return QSize(max(1, round(size.width())), max(1, round(size.height())))
        image = QImage(str(self.sources[source].path))
        # Scans are about 150-300 dpi: show an image at its size as if it were 150 dpi.
        return QSize(max(1, image.width() * 72 // 150), max(1, image.height() * 72 // 150))

    def render(self, at: int, pixels: QSize) -> QImage:
        source, page = self.index[at]
        doc = self._docs.get(source)
        if doc is not None:
            image: QImage = doc.render(page, pixels)  # type: ignore[attr-defined]
            if image.isNull():
                image = QImage(pixels, QImage.Format.Format_RGB32)
                image.fill(QColor("white"))
            return image
        found = QImage(str(self.sources[source].path))
        return found.scaled(
            pixels, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    def close(self) -> None:
        for doc in self._docs.values():
            doc.close()  # type: ignore[attr-defined]
        self._docs.clear()


class ScanViewer(QWidget):
    """Shows the pages of a letter's scans. Keys: Page Down / Page Up (next, previous page),
    Ctrl++ / Ctrl+- (zoom), Ctrl+0 (fit width), Ctrl+R (rotate the page a quarter turn)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages = ScanPages()
        self.current = 0
        self.zoom = 1.0
        self.fit_width = True
        self.rotation: dict[int, int] = {}  # page -> degrees (0, 90, 180, 270)
        self.watermark = ""
        self.renders = 0  # pages rendered (tests and benchmarks)

        self.prev_button = QPushButton(self.tr("◀"))
        self.prev_button.setToolTip(self.tr("Halaman sebelumnya (Page Up)"))
        self.next_button = QPushButton(self.tr("▶"))
        self.next_button.setToolTip(self.tr("Halaman berikutnya (Page Down)"))
        self.page_label = QLabel()
        self.zoom_out_button = QPushButton(self.tr("−"))
        self.zoom_out_button.setToolTip(self.tr("Perkecil (Ctrl+-)"))
        self.zoom_in_button = QPushButton(self.tr("+"))
        self.zoom_in_button.setToolTip(self.tr("Perbesar (Ctrl++)"))
        self.fit_button = QPushButton(self.tr("Lebar"))
        self.fit_button.setToolTip(self.tr("Sesuaikan dengan lebar (Ctrl+0)"))
        self.rotate_button = QPushButton(self.tr("Putar"))
        self.rotate_button.setToolTip(self.tr("Putar halaman 90° (Ctrl+R)"))
        self.zoom_label = QLabel()
        for button in (self.prev_button, self.next_button, self.zoom_out_button,
                       self.zoom_in_button):  # fmt: skip
            button.setMaximumWidth(36)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                       self.fit_button, self.rotate_button):  # fmt: skip
            bar.addWidget(widget)

        self.page = QLabel()
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.setStyleSheet("background: #777;")
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.page)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.empty = QLabel(self.tr("Belum ada pindaian."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.empty, 1)

        self.prev_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit)
        self.rotate_button.clicked.connect(self.rotate)
        for keys, slot in (
            ([QKeySequence(Qt.Key.Key_PageDown)], self.next_page),
            ([QKeySequence(Qt.Key.Key_PageUp)], self.previous_page),
            ([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")], self.zoom_in),
            ([QKeySequence("Ctrl+-")], self.zoom_out),
            ([QKeySequence("Ctrl+0")], self.fit),
            ([QKeySequence("Ctrl+R")], self.rotate),
        ):
            action = QAction(self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        # The keys also work when they reach the page area as plain key presses (a window
        # without shortcut focus, e.g. under a test or a screen reader).
        self.scroller.installEventFilter(self)
        self._keys = {
            (Qt.Key.Key_PageDown, False): self.next_page,
            (Qt.Key.Key_PageUp, False): self.previous_page,
            (Qt.Key.Key_Plus, True): self.zoom_in,
            (Qt.Key.Key_Equal, True): self.zoom_in,
            (Qt.Key.Key_Minus, True): self.zoom_out,
            (Qt.Key.Key_0, True): self.fit,
            (Qt.Key.Key_R, True): self.rotate,
        }
        self.show_sources([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroller and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event)
            ctrl = bool(key.modifiers() & Qt.KeyboardModifier.ControlModifier)
            slot = self._keys.get((Qt.Key(key.key()), ctrl))
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)

    # -- what to show -------------------------------------------------------------------------

    def show_sources(self, sources: list[ScanSource]) -> list[str]:
        """Show these files from their first page; returns the names of files that would not
        open (the registration checks them again and says why)."""
        self._pages.close()
        self._pages.load(sources)
        self.current = 0
        self.rotation.clear()
        has_pages = bool(self._pages.index)
        self.scroller.setVisible(has_pages)
        self.empty.setVisible(not has_pages)
        self._render()
        return list(self._pages.problems)

    @property
    def page_count(self) -> int:
        return len(self._pages.index)

    def source_of_current(self) -> ScanSource | None:
        if not self._pages.index:
            return None
        return self._pages.sources[self._pages.index[self.current][0]]

    # -- moving -------------------------------------------------------------------------------

    def go_to(self, page: int) -> None:
        if self._pages.index:
            self.current = max(0, min(page, self.page_count - 1))
            self._render()

    def next_page(self) -> None:
        self.go_to(self.current + 1)

    def previous_page(self) -> None:
        self.go_to(self.current - 1)

    def zoom_in(self) -> None:
        self._set_zoom(next((z for z in ZOOMS if z > self.zoom + 1e-6), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self._set_zoom(next((z for z in reversed(ZOOMS) if z < self.zoom - 1e-6), ZOOMS[0]))

    def _set_zoom(self, zoom: float) -> None:
        self.fit_width = False
        self.zoom = zoom
        self._render()

    def fit(self) -> None:
        self.fit_width = True
        self._render()

    def rotate(self) -> None:
        if self._pages.index:
            self.rotation[self.current] = (self.rotation.get(self.current, 0) + 90) % 360
            self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_width:
            self._render()

    # -- painting -----------------------------------------------------------------------------

    def _render(self) -> None:
        count = self.page_count
        self.prev_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < count - 1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button,
                       self.rotate_button):  # fmt: skip
            button.setEnabled(count > 0)
        if not count:
            self.page_label.setText("")
            self.zoom_label.setText("")
            self.page.clear()
            return
        self.page_label.setText(self.tr("Halaman {n} dari {m}").format(n=self.current + 1, m=count))
        points = self._pages.point_size(self.current)
        turned = self.rotation.get(self.current, 0) in (90, 270)
        width_pt = points.height() if turned else points.width()
        if self.fit_width:
            room = max(100, self.scroller.viewport().width() - 24)
            self.zoom = max(ZOOMS[0], min(ZOOMS[-1], room / (width_pt * SCREEN_DPI / 72)))
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")
        scale = self.zoom * SCREEN_DPI / 72 * self.devicePixelRatioF()
        pixels = QSize(
            max(1, round(points.width() * scale)), max(1, round(points.height() * scale))
        )
        image = self._pages.render(self.current, pixels)
        self.renders += 1
        degrees = self.rotation.get(self.current, 0)
        if degrees:
            from desktop.ui.qt_pdf import QTransform

            image = image.transformed(QTransform().rotate(degrees))
        if self.watermark:
            image = watermarked(image, self.watermark)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.page.setPixmap(pixmap)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._pages.close()
        super().closeEvent(event)


def watermarked(image: QImage, text: str) -> QImage:
    """``image`` with ``text`` written large and faint across it, three times, diagonally."""
    from desktop.ui.qt_pdf import QPainter

    out = image.convertToFormat(QImage.Format.Format_ARGB32)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("Liberation Sans")
    font.setPixelSize(max(12, out.width() // 28))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(200, 0, 0, 90))
    for fraction in (0.25, 0.5, 0.75):
        painter.save()
        painter.translate(out.width() / 2, out.height() * fraction)
        painter.rotate(-30)
        painter.drawText(-out.width() // 2, 0, out.width(), font.pixelSize() * 2,
                         int(Qt.AlignmentFlag.AlignCenter), text)  # fmt: skip
        painter.restore()
    painter.end()
    return out


def paint_pages(sources: list[ScanSource], watermark: str, device: QPagedPaintDevice) -> int:
    """Paint every page of ``sources`` on ``device`` (a printer), one page each, scaled to fit,
    with ``watermark`` across each when given; returns the pages painted."""
    from desktop.ui.qt_pdf import QPainter, QRectF

    pages = ScanPages()
    pages.load(sources)
    painter = QPainter(device)
    try:
        for at in range(len(pages.index)):
            if at:
                device.newPage()
            size = pages.point_size(at)
            image = pages.render(at, QSize(size.width() * 150 // 72, size.height() * 150 // 72))
            if watermark:
                image = watermarked(image, watermark)
            room = painter.viewport()
            scale = min(room.width() / image.width(), room.height() / image.height())
            painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
        return len(pages.index)
    finally:
        painter.end()
        pages.close()


def pages_pdf(sources: list[ScanSource], watermark: str) -> bytes:
    """Every page of ``sources`` as one PDF of page images (150 dpi), with ``watermark``
    written across each page when given: the copy of a confidential letter that leaves the app
    names who took it and when."""
    from desktop.ui.qt_pdf import (
        QBuffer,
        QIODevice,
        QMarginsF,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QRectF,
    )  # fmt: skip

    pages = ScanPages()
    pages.load(sources)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("Naskah")
    writer.setResolution(150)
    painter: QPainter | None = None
    try:
        for at in range(len(pages.index)):
            size = pages.point_size(at)
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(size, name="", matchPolicy=QPageSize.SizeMatchPolicy.ExactMatch),
                    QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                )
            )  # fmt: skip
            if painter is None:
                painter = QPainter(writer)
            else:
                writer.newPage()
            image = pages.render(at, QSize(size.width() * 150 // 72, size.height() * 150 // 72))
            if watermark:
                image = watermarked(image, watermark)
            painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), image)
    finally:
        if painter is not None:
            painter.end()
        pages.close()
        buffer.close()
    return bytes(buffer.data().data())
