"""The letter editor: the fields of a draft, saved by itself as the clerk types.

Autosave runs ``DELAY_MS`` after the last keystroke and whenever focus leaves the editor, on the
writer thread; closing the window or quitting saves on the spot (``save_sync``), so an edit the
clerk made is never lost. A save that changes nothing is skipped here and by the service.
"""

from __future__ import annotations

from desktop.letters import accounts, body_images, drafting, workflow
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import CAPACITIES, SIFAT, URGENCY, AddresseeInput, DraftInput
from desktop.letters.templates import letter_types
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.errors import UserError
from desktop.store.models import Letter, Person
from desktop.ui import ops
from desktop.ui.classification_picker import ClassificationPicker
from desktop.ui.editor_fields import BodyEditor, RowListEditor
from desktop.ui.forms import FORM_STYLE, FieldErrors, error_label
from desktop.ui.qt import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.ui.review_dialogs import SendDialog

DELAY_MS = 1500


class LetterEditor(QWidget):
    """The form of one draft (or returned letter) of the logged-in drafter.

    Signals: ``content_changed`` on any edit; ``save_state`` with the text to show ("Menyimpan...",
    "Tersimpan 10.42"); ``sent`` with a message once the letter went to its first holder.
    """

    content_changed = Signal()
    save_state = Signal(str)
    sent = Signal(str)

    def __init__(
        self, store: Store, user: CurrentUser, letter: Letter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.letter = letter
        self.kind = letter_types(store.data_dir)[letter.letter_type]
        self.signers = accounts.people_with_role(store, Role.SIGNER)
        self.errors = FieldErrors()
        self.send_dialog: SendDialog | None = None
        self._finished = False  # sent: nothing more to save
        self._loading = False
        self._save_seq = 0
        self._saved_seq = 0
        self._in_flight = 0
        self.setStyleSheet(FORM_STYLE)
        self._build()
        self.load_input(drafting.input_of(letter))
        self._saved = self.current_input()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.content_changed.connect(self._edited)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _build(self) -> None:
        self.type_label = QLabel(f"<b>{self.kind.label}</b>")
        self.classification = ClassificationPicker(self.store)
        self.sifat = QComboBox()
        self.sifat.addItems(list(SIFAT))
        self.urgency = QComboBox()
        self.urgency.addItems(list(URGENCY))
        self.lampiran = QLineEdit()
        self.lampiran.setPlaceholderText(self.tr("- atau 1 (satu) berkas"))
        self.hal = QLineEdit()
        self.hal.setPlaceholderText(self.tr("Pokok surat, dengan Huruf Awal Kapital"))
        self.addressees = RowListEditor(
            [self.tr("Yth. (nama atau jabatan tujuan)"), self.tr("di (tempat)")],
            self.tr("Tambah tujuan"),
        )
        store, user = self.store, self.user
        self.body = BodyEditor(
            lambda data: body_images.keep_image(store, user, data),
            lambda url: body_images.image_bytes(store.blob_dir, url),
        )
        self.tembusan = RowListEditor([self.tr("Penerima tembusan")], self.tr("Tambah tembusan"))
        self.signer = QComboBox()
        self.signer.addItem(self.tr("— pilih penandatangan —"), None)
        for person in self.signers:
            self.signer.addItem(f"{person.name} — {person.jabatan}", person.id)
        self.capacity = QComboBox()
        for value in CAPACITIES:
            self.capacity.addItem(value or self.tr("(langsung)"), value)
        self.on_behalf = QLineEdit()
        self.on_behalf.setPlaceholderText(self.tr("Jabatan yang diwakili, mis. Camat Wamena"))
        self.on_behalf.setToolTip(
            self.tr(
                "a.n.: jabatan pimpinan yang diwakili. Plt./Plh.: jabatan yang dijabat, "
                "mis. Camat Wamena (kosong: jabatan penandatangan sendiri)."
            )
        )

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Jenis naskah"), self.type_label)
        form.addRow(
            self.tr("Klasifikasi"),
            self._field("classification_code", self.classification, self.classification.edit),
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sifat")))
        row.addWidget(self.sifat, 1)
        row.addWidget(QLabel(self.tr("Urgensi")))
        row.addWidget(self.urgency, 1)
        self.lampiran_label = QLabel(self.tr("Lampiran"))
        row.addWidget(self.lampiran_label)
        row.addWidget(self.lampiran, 1)
        form.addRow("", row)
        hal_box = self._field("hal", self.hal)
        form.addRow(self.tr("Hal"), hal_box)
        addressee_box = self._field("addressees", self.addressees)
        form.addRow(self.tr("Kepada"), addressee_box)
        form.addRow(self.tr("Isi surat"), self._field("body_html", self.body, self.body.text))
        form.addRow(self.tr("Tembusan"), self.tembusan)
        signer_row = QHBoxLayout()
        signer_row.addWidget(self.capacity)
        signer_row.addWidget(self._field("signer_id", self.signer), 1)
        form.addRow(self.tr("Penandatangan"), signer_row)
        form.addRow(
            self.tr("a.n. / Plt. / Plh."), self._field("signer_on_behalf_of", self.on_behalf)
        )
        # Ask only for what this letter type prints.
        form.setRowVisible(hal_box, self.kind.prints("hal"))
        form.setRowVisible(addressee_box, self.kind.prints("addressees"))
        form.setRowVisible(self.tembusan, self.kind.prints("tembusan"))
        for widget in (self.lampiran_label, self.lampiran):
            widget.setVisible(self.kind.prints("lampiran"))

        for signal in (
            self.classification.changed, self.sifat.currentIndexChanged,
            self.urgency.currentIndexChanged, self.lampiran.textChanged, self.hal.textChanged,
            self.addressees.changed, self.body.changed, self.tembusan.changed,
            self.signer.currentIndexChanged, self.capacity.currentIndexChanged,
            self.on_behalf.textChanged,
        ):  # fmt: skip
            signal.connect(self._field_changed)
        self.addressees.changed.connect(lambda: self.errors.clear("addressees"))
        self.body.changed.connect(lambda: self.errors.clear("body_html"))
        self.classification.changed.connect(lambda _c: self.errors.clear("classification_code"))
        self.capacity.currentIndexChanged.connect(self._capacity_changed)

    def _field(self, key: str, outer: QWidget, marked: QWidget | None = None) -> QWidget:
        """``outer`` with an error label under it; ``marked`` gets the red border."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(outer)
        label = error_label()
        label.setObjectName("error_" + key)
        layout.addWidget(label)
        self.errors.attach(key, marked or outer, label)
        return box

    # -- content ------------------------------------------------------------------------------

    def current_input(self) -> DraftInput:
        return DraftInput(
            letter_type=self.letter.letter_type,
            classification_code=self.classification.code(),
            sifat=self.sifat.currentText(),
            urgency=self.urgency.currentText(),
            lampiran=self.lampiran.text(),
            hal=self.hal.text(),
            addressees=[AddresseeInput(v[0], v[1]) for v in self.addressees.values()],
            body_html=self.body.html(),
            tembusan=[v[0] for v in self.tembusan.values()],
            signer_id=self.signer.currentData(),
            signer_capacity=self.capacity.currentData() or "",
            signer_on_behalf_of=self.on_behalf.text(),
        )

    def load_input(self, data: DraftInput) -> None:
        """Put ``data`` in the fields (a stored letter, or a revision being restored)."""
        self._loading = True
        try:
            self.classification.set_code(data.classification_code)
            self.sifat.setCurrentText(data.sifat)
            self.urgency.setCurrentText(data.urgency)
            self.lampiran.setText(data.lampiran)
            self.hal.setText(data.hal)
            self.addressees.set_values([(a.name, a.place) for a in data.addressees])
            self.body.set_html(data.body_html)
            self.tembusan.set_values([(t,) for t in data.tembusan])
            self.signer.setCurrentIndex(max(0, self.signer.findData(data.signer_id)))
            self.capacity.setCurrentIndex(max(0, self.capacity.findData(data.signer_capacity)))
            self.on_behalf.setText(data.signer_on_behalf_of)
        finally:
            self._loading = False
        self._capacity_changed()
        self.content_changed.emit()

    def signer_person(self) -> Person | None:
        person_id = self.signer.currentData()
        return next((p for p in self.signers if p.id == person_id), None)

    def focus_first_field(self) -> None:
        asks_hal = self.kind.prints("hal") and not self.hal.text()
        (self.hal if asks_hal else self.body.text).setFocus()

    def _field_changed(self, *_args: object) -> None:
        if not self._loading:
            self.content_changed.emit()

    def _capacity_changed(self, *_args: object) -> None:
        # a.n. names the head signed for; Plt./Plh. the position held ("Plt. Camat Wamena").
        self.on_behalf.setEnabled(bool(self.capacity.currentData()))

    # -- saving -------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return not self._finished and self.current_input() != self._saved

    def _edited(self) -> None:
        if self._finished or self._loading:
            return
        self._timer.start()
        if self._in_flight == 0:
            self.save_state.emit(self.tr("Belum tersimpan"))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        inside_before = old is not None and self.isAncestorOf(old)
        inside_now = new is not None and self.isAncestorOf(new)
        if inside_before and not inside_now and self.dirty:
            self.save_now()

    def save_now(self) -> None:
        """Queue a save of what the fields hold now (on the writer thread)."""
        self._timer.stop()
        if not self.dirty:
            return
        data = self.current_input()
        self._save_seq += 1
        seq = self._save_seq
        self._in_flight += 1
        self.save_state.emit(self.tr("Menyimpan..."))
        store, user, letter_id = self.store, self.user, self.letter.id
        ops.WriteOp(self, lambda: drafting.save_draft(store, user, letter_id, data)).success(
            lambda _letter: self._save_done(seq, data)
        ).failure(self._save_failed).quietly().run()

    def _save_done(self, seq: int, data: DraftInput) -> None:
        self._in_flight -= 1
        if seq > self._saved_seq:
            self._saved_seq = seq
            self._saved = data
        if self._in_flight == 0:
            if self.dirty:
                self.save_state.emit(self.tr("Belum tersimpan"))
            else:
                self.save_state.emit(self.tr("Tersimpan {t}").format(t=_now_text()))

    def _save_failed(self, _exc: BaseException) -> bool:
        self._in_flight -= 1
        self.save_state.emit(self.tr("Gagal menyimpan"))
        return False  # the runner shows the message (or the crash dialog)

    def save_sync(self) -> None:
        """Save now on this thread, after the queued saves (window closing, app quitting)."""
        self._timer.stop()
        ops.wait_writes()
        if not self.dirty:
            return
        data = self.current_input()
        try:
            drafting.save_draft(self.store, self.user, self.letter.id, data)
        except UserError as exc:
            ops.show_error(self, exc)
            return
        self._saved = data
        self._saved_seq = self._save_seq = self._save_seq + 1

    # -- sending ------------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        rest = self.errors.show(errors)
        if rest:
            QMessageBox.warning(self, self.tr("Naskah belum lengkap"), "\n".join(rest.values()))

    def send(self) -> None:
        """Check the draft, then ask for the reviewers and the signer."""
        problems = drafting.validate_for_sending(self.current_input(), self.store.data_dir)
        if problems:
            self.show_errors(problems)
            return
        self.errors.clear()
        dialog = SendDialog(self.store, self.signer.currentData(), self.user.id, self)
        dialog.accepted.connect(lambda: self._send_chosen(dialog))
        self.send_dialog = dialog
        dialog.open()

    def _send_chosen(self, dialog: SendDialog) -> None:
        signer_id = dialog.signer_id()
        reviewers = dialog.reviewer_ids()
        co_signers = dialog.co_signer_ids()
        if signer_id and signer_id != self.signer.currentData():
            self.signer.setCurrentIndex(max(0, self.signer.findData(signer_id)))
        self._timer.stop()
        data = self.current_input()
        store, user, letter_id = self.store, self.user, self.letter.id
        if reviewers:
            holder = dialog.chain.item(0).text()
        else:
            holder = dialog.co_chain.item(0).text() if co_signers else dialog.signer.currentText()

        def send() -> Letter:  # the edit is saved and sent in one transaction
            return workflow.save_and_send(
                store, user, letter_id, data, reviewers, signer_id or "", co_signers
            )

        def done(_letter: Letter) -> None:
            self._saved = data
            self._finished = True
            self.sent.emit(self.tr("Naskah dikirim kepada {who}.").format(who=holder))

        ops.WriteOp(self, send).success(done).form(self.errors).run()


def _now_text() -> str:
    return clock.now().astimezone().strftime("%H.%M")
