"""Hand-off to SRIKANDI from the screen: "Serahkan ke SRIKANDI..." on an outgoing letter
(export PDF + JSON + .docx, then record the reference SRIKANDI gave it), and "Impor dari
SRIKANDI..." on the incoming side (a downloaded PDF and its fields JSON become an incoming
letter)."""

from __future__ import annotations

from pathlib import Path

from desktop.letters import handoff
from desktop.letters.accounts import CurrentUser, Role
from desktop.store.db import Store
from desktop.store.incoming_models import IncomingLetter
from desktop.store.models import Letter
from desktop.ui import ops
from desktop.ui.forms import error_label
from desktop.ui.qt import (
    QAction,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class HandoffDialog(QDialog):
    """One letter to SRIKANDI: its files out, SRIKANDI's reference in."""

    def __init__(
        self, store: Store, user: CurrentUser, letter: Letter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.user, self.letter = store, user, letter
        self.setWindowTitle(self.tr("Serahkan ke SRIKANDI"))
        about = QLabel(
            self.tr(
                "Simpan PDF surat beserta isiannya (JSON) dan berkas .docx berformat templat "
                "SRIKANDI, lalu unggah ke SRIKANDI. Surat yang belum bernomor membawa isian "
                "${nomor_naskah}, ${tanggal_naskah} dan ${ttd_pengirim} untuk diisi SRIKANDI."
            )
        )
        about.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Simpan Berkas..."))
        self.written = QLabel()
        self.written.setWordWrap(True)
        self.reference = QLineEdit(letter.srikandi_ref)
        self.reference.setPlaceholderText(self.tr("Nomor/ID naskah dari SRIKANDI"))
        self.reference.setMaxLength(handoff.MAX_REF)
        self.save_button = QPushButton(self.tr("Simpan &Referensi"))
        self.save_button.setEnabled(
            user.has(Role.REGISTRAR) or user.has(Role.ADMIN) or letter.drafter_id == user.id
        )
        self.errors = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form = QFormLayout()
        for caption, text in ((self.tr("Surat"), letter.number or self.tr("(belum bernomor)")),
                              (self.tr("Hal"), letter.hal)):  # fmt: skip
            value = QLabel(text)
            value.setWordWrap(True)  # a long Hal wraps instead of widening the dialog
            form.addRow(caption, value)
        reference_row = QHBoxLayout()
        reference_row.addWidget(self.reference, 1)
        reference_row.addWidget(self.save_button)
        label = QLabel(self.tr("R&eferensi SRIKANDI"))
        label.setBuddy(self.reference)
        form.addRow(label, reference_row)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.export_button)
        layout.addWidget(self.written)
        layout.addWidget(self.errors)
        layout.addWidget(close)
        self.resize(620, 320)
        self.export_button.clicked.connect(self.export)
        self.save_button.clicked.connect(self.save_reference)

    def export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan berkas untuk SRIKANDI"), handoff.suggested_name(self.letter),
            self.tr("PDF (*.pdf)"),
        )  # fmt: skip
        if not name:
            return
        store, user, letter_id, path = self.store, self.user, self.letter.id, Path(name)
        self.errors.hide()
        ops.ReadOp(
            self, lambda: handoff.export_letter(store, user, letter_id, path), kind="render"
        ).success(self._exported).message_in(self.errors).disable(self.export_button).run()

    def _exported(self, files: handoff.HandoffFiles) -> None:
        self.written.setText(
            self.tr("Tersimpan: {pdf}, {json}, {docx} di {folder}").format(
                pdf=files.pdf.name,
                json=files.metadata.name,
                docx=files.docx.name,
                folder=files.pdf.parent,
            )
        )

    def save_reference(self) -> None:
        store, user, letter_id = self.store, self.user, self.letter.id
        text = self.reference.text()
        self.errors.hide()
        ops.WriteOp(self, lambda: handoff.record_reference(store, user, letter_id, text)).success(
            self._saved
        ).message_in(self.errors).disable(self.save_button).run()

    def _saved(self, letter: Letter) -> None:
        self.letter = letter
        self.written.setText(
            self.tr("Referensi SRIKANDI disimpan: {r}").format(r=letter.srikandi_ref or "-")
        )


class SrikandiImportDialog(QDialog):
    """A letter downloaded from SRIKANDI (PDF and fields JSON) registered as incoming."""

    def __init__(self, store: Store, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.pdf: Path | None = None
        self.fields: Path | None = None
        self.registered: IncomingLetter | None = None
        self.setWindowTitle(self.tr("Impor dari SRIKANDI"))
        self.pdf_label = QLabel(self.tr("(belum dipilih)"))
        self.fields_label = QLabel(self.tr("(belum dipilih)"))
        self.pdf_button = QPushButton(self.tr("Pilih &PDF..."))
        self.fields_button = QPushButton(self.tr("Pilih &Isian JSON..."))
        self.save_button = QPushButton(self.tr("&Catat sebagai Surat Masuk"))
        self.save_button.setEnabled(False)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.errors = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form = QFormLayout()
        pdf_row, fields_row = QHBoxLayout(), QHBoxLayout()
        pdf_row.addWidget(self.pdf_button)
        pdf_row.addWidget(self.pdf_label, 1)
        fields_row.addWidget(self.fields_button)
        fields_row.addWidget(self.fields_label, 1)
        form.addRow(self.tr("Naskah"), pdf_row)
        form.addRow(self.tr("Isian"), fields_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.errors)
        layout.addWidget(close)
        self.resize(620, 260)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.fields_button.clicked.connect(self.choose_fields)
        self.save_button.clicked.connect(self.save)

    def _choose(self, title: str, pattern: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(self, title, "", pattern)
        return Path(name) if name else None

    def choose_pdf(self) -> None:
        if chosen := self._choose(self.tr("Naskah dari SRIKANDI"), self.tr("PDF (*.pdf)")):
            self.pdf = chosen
            self.pdf_label.setText(chosen.name)
        self._ready()

    def choose_fields(self) -> None:
        if chosen := self._choose(self.tr("Isian naskah dari SRIKANDI"), self.tr("JSON (*.json)")):
            self.fields = chosen
            self.fields_label.setText(chosen.name)
        self._ready()

    def _ready(self) -> None:
        self.save_button.setEnabled(self.pdf is not None and self.fields is not None)

    def save(self) -> None:
        if self.pdf is None or self.fields is None:
            return
        store, user, pdf, fields = self.store, self.user, self.pdf, self.fields
        self.errors.hide()
        ops.WriteOp(self, lambda: handoff.import_from_srikandi(store, user, pdf, fields)).success(
            self._registered
        ).message_in(self.errors).disable(self.save_button).run()

    def _registered(self, letter: IncomingLetter) -> None:
        self.registered = letter
        self.save_button.setEnabled(False)
        self.result_label.setText(
            self.tr("Dicatat sebagai surat masuk agenda {a}/{y} dari {s}.").format(
                a=letter.agenda_number, y=letter.agenda_year, s=letter.sender_name
            )
        )


def _tr(text: str) -> str:
    return QCoreApplication.translate("handoff_dialog", text)


def add_menu_action(parent: QWidget, store: Store, user: CurrentUser, menu: QMenu) -> QAction:
    """ "Impor dari SRIKANDI..." (registrars and administrators)."""
    action = menu.addAction(_tr("Impor dari &SRIKANDI..."))
    action.setEnabled(user.has(Role.REGISTRAR) or user.has(Role.ADMIN))
    action.triggered.connect(lambda: SrikandiImportDialog(store, user, parent).exec())
    return action
