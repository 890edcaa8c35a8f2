"""The editor beside its live preview, with the header actions (back, history, send)."""

from __future__ import annotations

from desktop.letters import office
from desktop.letters.accounts import CurrentUser
from desktop.letters.body_images import images_of
from desktop.letters.document import build_document, letterhead
from desktop.render.document import LetterDocument
from desktop.store.db import Store
from desktop.store.models import Letter
from desktop.ui import ops
from desktop.ui.editor import LetterEditor
from desktop.ui.preview import DELAY_MS, PreviewPane
from desktop.ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from sync.protocol import LetterStatus

RETURN_NOTE_STYLE = (
    "QLabel { background: #fff4c2; border: 1px solid #d9a400; border-radius: 4px; padding: 8px; }"
)


class EditorPage(QWidget):
    """A draft being written: fields on the left, the printed letter on the right.

    ``closed`` asks the window to go back to the list (the draft is saved first);
    ``sent`` carries a message once the letter went to review or signature.
    """

    closed = Signal()
    sent = Signal(str)

    def __init__(
        self, store: Store, user: CurrentUser, letter: Letter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.letter = letter
        self.editor = LetterEditor(store, user, letter)
        self.preview = PreviewPane()
        self._office = office.get_office(store)
        self._head = letterhead(self._office, store.blob_dir)
        self.revisions_dialog: QWidget | None = None

        self.back_button = QPushButton(self.tr("← Daftar surat"))
        self.title = QLabel()
        status = self.tr("Dikembalikan") if letter.status == LetterStatus.RETURNED else ""
        self.title.setText(f"<b>{self.editor.kind.label}</b>" + (f" — {status}" if status else ""))
        self.save_label = QLabel(self.tr("Tersimpan"))
        self.save_label.setObjectName("saveState")
        self.save_label.setStyleSheet("color: #555;")
        self.history_button = QPushButton(self.tr("Riwayat revisi"))
        self.send_button = QPushButton(self.tr("Kirim..."))
        self.send_button.setDefault(True)
        self.send_button.setToolTip(self.tr("Kirim untuk paraf dan tanda tangan"))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.save_label)
        header.addWidget(self.history_button)
        header.addWidget(self.send_button)

        self.return_note = QLabel()
        self.return_note.setWordWrap(True)
        self.return_note.setStyleSheet(RETURN_NOTE_STYLE)
        self.return_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = letter.return_note.strip()
        if letter.status == LetterStatus.RETURNED and note:
            self.return_note.setText(
                self.tr("Dikembalikan dengan catatan: {note}").format(note=note)
            )
        else:
            self.return_note.hide()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)
        # The form never scrolls sideways (a row's remove button out of sight): on a small
        # screen the preview gives way instead.
        scroll.setMinimumWidth(
            self.editor.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 640])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(self.return_note)
        layout.addWidget(splitter, 1)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.editor.content_changed.connect(self._preview_timer.start)
        self.editor.save_state.connect(self.save_label.setText)
        self.editor.sent.connect(self.sent)
        self.back_button.clicked.connect(self._back)
        self.history_button.clicked.connect(self.show_revisions)
        self.send_button.clicked.connect(self.editor.send)
        # The first preview once the pane has its real width.
        QTimer.singleShot(0, self.update_preview)

    def document(self) -> LetterDocument:
        """The letter as the fields say now, as it would print (with the draft marker)."""
        data = self.editor.current_input()
        images = images_of(self.store.blob_dir, data.body_html)
        return build_document(
            self._office,
            self._head,
            data,
            self.editor.signer_person(),
            data_dir=self.editor.store.data_dir,
            images=images,
        )

    def update_preview(self) -> None:
        self._preview_timer.stop()
        self.preview.show_document(self.document(), now=True)

    def show_revisions(self) -> None:
        self.editor.save_now()
        # Opened once the save above is stored, so the list includes it.
        ops.after_writes(self, self._open_revisions)

    def _open_revisions(self) -> None:
        from desktop.ui.revisions import RevisionsDialog

        dialog = RevisionsDialog(self.store, self.editor.user, self.letter.id, self)
        dialog.restore.connect(self.editor.load_input)
        self.revisions_dialog = dialog
        dialog.open()

    def _back(self) -> None:
        self.editor.save_now()
        self.closed.emit()

    def save_now(self) -> None:
        self.editor.save_now()

    def save_sync(self) -> None:
        self.editor.save_sync()
