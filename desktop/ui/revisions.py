"""The saved revisions of a draft: who saved what when, read-only, with "restore"."""

from __future__ import annotations

from html import escape

from desktop.letters import drafting
from desktop.letters.accounts import CurrentUser
from desktop.letters.drafting import DraftInput
from desktop.store.db import Store
from desktop.ui.letter_model import time_text
from desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSize,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.ui.screen import fit

CONTENT_ROLE = Qt.ItemDataRole.UserRole


def revision_html(data: DraftInput) -> str:
    """A readable summary of a revision's content (the body as it was, rich text)."""
    rows = [
        ("Klasifikasi", data.classification_code),
        ("Sifat", data.sifat),
        ("Lampiran", data.lampiran),
        ("Hal", data.hal),
        ("Kepada", "; ".join(f"{a.name} di {a.place}" if a.place else a.name
                              for a in data.addressees)),
        ("Tembusan", "; ".join(data.tembusan)),
    ]  # fmt: skip
    table = "".join(
        f"<tr><td><b>{escape(label)}</b></td><td>{escape(value or '-')}</td></tr>"
        for label, value in rows
    )
    from desktop.render.html import extract_body

    return f"<table cellspacing='4'>{table}</table><hr/>{extract_body(data.body_html)}"


class RevisionsDialog(QDialog):
    """Lists ``drafting.revisions`` newest first; ``restore`` carries the chosen content."""

    restore = Signal(object)

    def __init__(
        self, store: Store, user: CurrentUser, letter_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Riwayat revisi"))
        self.list = QListWidget()
        self.list.setMaximumWidth(300)
        self.content = QTextBrowser()
        self.restore_button = QPushButton(self.tr("Pulihkan isi revisi ini ke editor"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addWidget(self.content, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        for revision, author in reversed(drafting.revisions(store, user, letter_id)):
            when = time_text(revision.created_at)
            item = QListWidgetItem(
                self.tr("Revisi {n} · {who}\n{when}").format(
                    n=revision.revision_no, who=author, when=when
                )
            )
            item.setData(CONTENT_ROLE, drafting.revision_content(revision))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show)
        self.restore_button.clicked.connect(self._restore)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(self.list.count() > 0)
        fit(self, QSize(860, 560))  # or less, on a small screen

    def _show(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.content.setHtml(revision_html(item.data(CONTENT_ROLE)) if item else "")

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.restore.emit(item.data(CONTENT_ROLE))
            self.accept()
