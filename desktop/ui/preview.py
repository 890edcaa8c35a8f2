"""The letter as it will print, page by page, fitted to the width of the pane.

Rendering runs on its own background thread: ``render_pages`` builds a fresh QTextDocument and
paints on QImages, both usable off the GUI thread, so typing never waits for a preview. Requests
are debounced (``DELAY_MS``) and only the newest result is shown. The fonts and the layout
resolution are set up once on the GUI thread first, as Qt's font database expects.
"""

from __future__ import annotations

import time

from desktop.render.document import PAPER_MM, LetterDocument
from desktop.render.fonts import font_family
from desktop.render.paint import layout_dpi, render_pages
from desktop.ui import ops
from desktop.ui.qt import (
    QFrame,
    QImage,
    QLabel,
    QPixmap,
    QResizeEvent,
    QScrollArea,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

DELAY_MS = 300
PAGE_GAP = 12
MARGIN = 12
_MM_PER_INCH = 25.4


def _render_timed(doc: LetterDocument, dpi: float) -> tuple[list[QImage], float]:
    started = time.perf_counter()
    images = render_pages(doc, dpi)
    return images, (time.perf_counter() - started) * 1000


class PreviewPane(QScrollArea):
    """Shows a LetterDocument as page images; ``show_document`` may be called on every key.

    ``rendered`` is emitted on the GUI thread after new pages are on screen;
    ``last_render_ms`` is how long the last render took on the background thread.
    """

    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font_family()
        layout_dpi()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(280)
        self._pages = QWidget()
        self._pages.setObjectName("previewPages")
        self._pages.setStyleSheet("#previewPages { background: #8a8f96; }")
        self._layout = QVBoxLayout(self._pages)
        self._layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._layout.setSpacing(PAGE_GAP)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._status = QLabel(self.tr("Menyiapkan pratinjau..."))
        self._status.setStyleSheet("color: white;")
        self._layout.addWidget(self._status)
        self.setWidget(self._pages)
        self._labels: list[QLabel] = []
        self.images: list[QImage] = []
        self.last_render_ms = 0.0
        self._doc: LetterDocument | None = None
        self._width = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._render)
        self._lane = ops.Lane("render")

    @property
    def page_count(self) -> int:
        return len(self.images)

    @property
    def pending(self) -> bool:
        """True while a render is waiting for the debounce or running."""
        return self._timer.isActive() or self._lane.busy

    def show_document(self, doc: LetterDocument, *, now: bool = False) -> None:
        """Show ``doc`` after the typing pause (or at once with ``now``)."""
        self._doc = doc
        if now:
            self._timer.stop()
            self._render()
        else:
            self._timer.start()

    def _target_width(self) -> int:
        return max(200, self.viewport().width() - 2 * MARGIN)

    def _render(self) -> None:
        doc = self._doc
        if doc is None:
            return
        self._width = self._target_width()
        paper_inches = PAPER_MM[doc.paper][0] / _MM_PER_INCH
        dpi = self._width * self.devicePixelRatioF() / paper_inches
        ops.ReadOp(self, lambda: _render_timed(doc, dpi)).success(self._rendered).failure(
            self._failed
        ).run(self._lane)

    def _rendered(self, result: tuple[list[QImage], float]) -> None:
        images, took_ms = result
        self.images = images
        self.last_render_ms = took_ms
        self._status.hide()
        while len(self._labels) < len(images):
            label = QLabel()
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("background: white; border: 1px solid #555;")
            self._labels.append(label)
            self._layout.addWidget(label)
        for label, image in zip(self._labels, images, strict=False):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label.setPixmap(pixmap)
            label.show()
        for label in self._labels[len(images) :]:
            label.hide()
        self.rendered.emit()

    def _failed(self, _exc: BaseException) -> bool:
        self._status.setText(self.tr("Pratinjau tidak dapat dibuat."))
        self._status.show()
        return False  # the runner says why (or opens the crash dialog)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._doc is not None and abs(self._target_width() - self._width) > 8:
            self._timer.start()
