"""Dialogs of the review chain: send for review, return with a note, void a number.

They only collect a choice; the caller runs the service. Each is shown with ``open()`` (modal to
its window, not blocking the caller), and reports through ``accepted``.
"""

from __future__ import annotations

from desktop.letters.accounts import Role, people_with_role
from desktop.store.db import Store
from desktop.store.models import Person
from desktop.ui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)

PERSON_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("review_dialogs", text)


def accept_on_ctrl_enter(dialog: QDialog, button: QPushButton) -> None:
    """Ctrl+Enter presses ``button`` (when enabled) from anywhere in the dialog, also from a
    text box where Enter starts a new line; the editor sends with the same keys."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.activated.connect(lambda: button.click() if button.isEnabled() else None)


def person_text(person: Person) -> str:
    return f"{person.name} — {person.jabatan}" if person.jabatan else person.name


class SendDialog(QDialog):
    """Choose the reviewers (in the order they initial) and the signer, then "Kirim"."""

    def __init__(
        self, store: Store, signer_id: str | None, drafter_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kirim untuk paraf dan tanda tangan"))
        reviewers = [p for p in people_with_role(store, Role.REVIEWER) if p.id != drafter_id]
        signers = people_with_role(store, Role.SIGNER)
        self.available = QComboBox()
        for person in reviewers:
            self.available.addItem(person_text(person), person.id)
        self.add_button = QPushButton(self.tr("Tambahkan"))
        self.chain = QListWidget()
        self.chain.setMinimumHeight(110)
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.up_button = QPushButton(self.tr("Naik"))
        self.down_button = QPushButton(self.tr("Turun"))
        self.signer = QComboBox()
        for person in signers:
            self.signer.addItem(person_text(person), person.id)
        if signer_id:
            self.signer.setCurrentIndex(max(0, self.signer.findData(signer_id)))
        # Further signers (a berita acara's parties) sign in order before the signer.
        self.co_available = QComboBox()
        for person in signers:
            self.co_available.addItem(person_text(person), person.id)
        self.co_add_button = QPushButton(self.tr("Tambahkan"))
        self.co_chain = QListWidget()
        self.co_chain.setMaximumHeight(70)
        self.co_remove_button = QPushButton(self.tr("Hapus"))
        co_grid = QGridLayout()
        co_grid.addWidget(self.co_available, 0, 0)
        co_grid.addWidget(self.co_add_button, 0, 1)
        co_grid.addWidget(self.co_chain, 1, 0)
        co_grid.addWidget(self.co_remove_button, 1, 1)
        grid = QGridLayout()
        grid.addWidget(self.available, 0, 0)
        grid.addWidget(self.add_button, 0, 1)
        grid.addWidget(self.chain, 1, 0, 3, 1)
        grid.addWidget(self.up_button, 1, 1)
        grid.addWidget(self.down_button, 2, 1)
        grid.addWidget(self.remove_button, 3, 1)
        intro = QLabel(self.tr(
            "Pemaraf memeriksa dan memaraf berurutan dari atas ke bawah, lalu naskah sampai "
            "kepada penandatangan. Tanpa pemaraf, naskah langsung ke penandatangan."
        ))  # fmt: skip
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Penandatangan"), self.signer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("&Kirim"))
        self.send_button.setToolTip(self.tr("Kirim (Ctrl+Enter)"))
        accept_on_ctrl_enter(self, self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Urutan pemaraf")))
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Penanda tangan lain, menandatangani lebih dulu (boleh kosong)"))
        )
        layout.addLayout(co_grid)
        layout.addWidget(self.buttons)
        self.co_add_button.clicked.connect(self.add_co_signer)
        self.co_remove_button.clicked.connect(
            lambda: self.co_chain.takeItem(self.co_chain.currentRow())
        )
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.send_button.setEnabled(self.signer.count() > 0)
        self.resize(520, 460)

    def add_current(self) -> None:
        person_id = self.available.currentData()
        if person_id is None or person_id in self.reviewer_ids():
            return
        item = QListWidgetItem(self.available.currentText())
        item.setData(PERSON_ROLE, person_id)
        self.chain.addItem(item)
        self.chain.setCurrentItem(item)

    def add_reviewer(self, person_id: str) -> None:
        self.available.setCurrentIndex(self.available.findData(person_id))
        self.add_current()

    def remove_selected(self) -> None:
        row = self.chain.currentRow()
        if row >= 0:
            self.chain.takeItem(row)

    def _move(self, step: int) -> None:
        row = self.chain.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.chain.count():
            return
        item = self.chain.takeItem(row)
        self.chain.insertItem(target, item)
        self.chain.setCurrentRow(target)

    def add_co_signer(self) -> None:
        person_id = self.co_available.currentData()
        if person_id is None or person_id in self.co_signer_ids():
            return
        item = QListWidgetItem(self.co_available.currentText())
        item.setData(PERSON_ROLE, person_id)
        self.co_chain.addItem(item)

    def co_signer_ids(self) -> list[str]:
        return [self.co_chain.item(i).data(PERSON_ROLE) for i in range(self.co_chain.count())]

    def reviewer_ids(self) -> list[str]:
        return [self.chain.item(i).data(PERSON_ROLE) for i in range(self.chain.count())]

    def signer_id(self) -> str | None:
        return self.signer.currentData()


class NoteDialog(QDialog):
    """A required note: the reason for returning a letter, or for voiding a number."""

    def __init__(self, title: str, prompt: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        self.ok_button.setToolTip(_tr("{action} (Ctrl+Enter)").format(action=action))
        self.ok_button.setEnabled(False)
        accept_on_ctrl_enter(self, self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.note.toPlainText().strip()))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(460, 260)

    def text(self) -> str:
        return self.note.toPlainText().strip()


def return_dialog(parent: QWidget | None = None) -> NoteDialog:
    dialog = NoteDialog(
        _tr("Kembalikan ke pengonsep"),
        _tr("Tulis apa yang perlu diperbaiki. Catatan ini tampil di atas naskah "
                   "ketika pengonsep membukanya."),
        _tr("Kembalikan"),
        parent,
    )  # fmt: skip
    return dialog


def void_dialog(number: str, parent: QWidget | None = None) -> NoteDialog:
    return NoteDialog(
        _tr("Batalkan nomor"),
        _tr("Nomor {n} akan dibatalkan dan tidak akan dipakai lagi; naskahnya menjadi "
                   "batal. Tulis alasan pembatalan (tercatat di register).").format(n=number),
        _tr("Batalkan nomor"),
        parent,
    )  # fmt: skip
