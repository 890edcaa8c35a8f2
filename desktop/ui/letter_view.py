"""A letter read-only: its pages, its details and history, and what this person may do next.

The buttons shown depend on the letter's state and on who is looking (the services check again
and refuse what a person may not do; their refusal is shown as a message).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.letters import (
    accounts,
    classification,
    drafting,
    numbering,
    queries,
    workflow,
)
from desktop.letters import history as letter_history
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.document import signer_summary
from desktop.letters.history import HistoryEvent
from desktop.letters.templates import letter_types
from desktop.render.dates import format_date_id
from desktop.render.document import LetterDocument
from desktop.store.blobs import BlobStore
from desktop.store.changes import Changes
from desktop.store.db import Store
from desktop.store.models import Letter
from desktop.ui import bsre_dialogs, ops, store_events
from desktop.ui.letter_model import time_text
from desktop.ui.preview import PreviewPane
from desktop.ui.qt import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.ui.review_dialogs import NoteDialog, return_dialog, void_dialog
from desktop.ui.screen import ElidedLabel, scrolling
from desktop.ui.signing_dialogs import EnrolDialog, SignDialog
from sync.protocol import LetterStatus, SignatureKind


@dataclass
class Loaded:
    """Everything the view shows, read together on the writer thread."""

    letter: Letter
    history: list[HistoryEvent]
    document: LetterDocument
    names: dict[str, str]
    classification_title: str
    signature: str  # the signature badge and, for several signers, who signed
    bsre_ready: bool  # TTE BSrE is set up on this PC (read off the GUI thread)
    thread: str = "-"  # the letters linked to this one (an incoming letter it answers, ...)
    sent: str = "-"  # the offices it is delivered to through the server, with their state
    berkas: str = ""  # the berkas it is filed in ("" while not filed)


def load(store: Store, user: CurrentUser, letter_id: str) -> Loaded:
    letter = drafting.get_letter(store, user, letter_id)
    history = letter_history.history(store, user, letter_id)
    from desktop.letters import signed_letters  # certificates: loaded with the first letter

    with store.read() as session:
        document = signed_letters.document_as_signed(session, letter, store.blob_dir)
        signatures = signed_letters.signatures_of(session, letter.id)
    names = {p.id: p.name for p in accounts.list_people(store)}
    found = classification.get(store, letter.classification_code)
    lines = [signed_letters.badge(letter)] if letter.signature_kind else []
    if len(signatures) > 1 or (signatures and not letter.signature_kind):
        lines += [f"{s.position}. {s.signer_name} ({time_text(s.signed_at)})" for s in signatures]
    signature = "\n".join(lines) or "-"
    bsre_ready = bsre_dialogs.configured(store) is not None
    title = found.title if found else ""
    from desktop.letters import incoming

    linked = incoming.thread(store, user, incoming.OUTGOING, letter_id)
    thread = "\n".join(
        f"{incoming.RELATION_LABELS.get(t.relation, t.relation)}: {t.label}" for t in linked
    )
    from desktop.ui.delivery_dialogs import sent_text

    sent = sent_text(store, user, letter_id)
    from desktop.letters import filing

    filed = filing.filed_in(store, filing.OUTGOING, letter_id)
    return Loaded(
        letter, history, document, names, title, signature, bsre_ready, thread or "-", sent,
        filing.berkas_label(filed) if filed is not None else "",
    )  # fmt: skip


class LetterView(QWidget):
    """``closed`` asks to go back to the list; ``changed`` (with a message) after an action.

    What it shows follows the store: any change to this letter (an action here, another
    window's, or one a sync brought down) reloads it.
    """

    closed = Signal()
    changed = Signal(str)
    loaded = Signal()

    def __init__(
        self, store: Store, user: CurrentUser, letter: Letter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.letter = letter
        self.data: Loaded | None = None
        self.dialog: NoteDialog | None = None
        self.preview = PreviewPane()
        self.back_button = QPushButton(self.tr("← Daftar surat"))
        self.back_button.setToolTip(self.tr("Kembali ke daftar (Esc)"))
        self.title = ElidedLabel()
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)

        # A grid, not a QFormLayout: in a scroll area QFormLayout shares the height of wrapped
        # values out wrongly and cut the last line of thirty addressees.
        self.details = QGridLayout()
        self.details.setColumnStretch(1, 1)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("number", self.tr("Nomor")), ("date", self.tr("Tanggal")),
            ("status", self.tr("Status")), ("holder", self.tr("Di tangan")),
            ("classification", self.tr("Klasifikasi")), ("sifat", self.tr("Sifat")),
            ("hal", self.tr("Hal")), ("addressees", self.tr("Kepada")),
            ("signer", self.tr("Penandatangan")), ("signature", self.tr("Tanda tangan")),
            ("scan", self.tr("Pindaian")), ("thread", self.tr("Surat terkait")),
            ("srikandi", self.tr("SRIKANDI")),
            ("sent", self.tr("Kirim ke kantor")), ("berkas", self.tr("Berkas")),
        ):  # fmt: skip
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            row = self.details.rowCount()
            self.details.addWidget(QLabel(f"<b>{label}</b>"), row, 0, Qt.AlignmentFlag.AlignTop)
            self.details.addWidget(value, row, 1)
        self.details.setRowStretch(self.details.rowCount(), 1)  # short details stay at the top
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(60)

        self.initial_button = QPushButton(self.tr("&Paraf"))
        self.return_button = QPushButton(self.tr("&Kembalikan..."))
        self.esign_button = QPushButton(self.tr("Tandatangani &Elektronik..."))
        self.bsre_button = QPushButton(self.tr("TTE &BSrE..."))
        self.sign_button = QPushButton(self.tr("Tandatangani Ba&sah..."))
        self.print_button = QPushButton(self.tr("&Cetak..."))
        self.print_button.setToolTip(self.tr("Cetak naskah (Ctrl+P)"))
        self.pdf_button = QPushButton(self.tr("Simpan P&DF..."))
        self.scan_button = QPushButton(self.tr("&Lampirkan Pindaian..."))
        self.void_button = QPushButton(self.tr("Batalkan &Nomor..."))
        self.handoff_button = QPushButton(self.tr("Serahkan ke SRIKANDI..."))
        self.deliver_button = QPushButton(self.tr("Kirim ke Kantor &Lain..."))
        self.deliver_button.setToolTip(
            self.tr("Kirim surat bertanda tangan elektronik ke kantor lain lewat server pusat")
        )
        self.file_button = QPushButton(self.tr("&Berkaskan..."))
        self.file_button.setToolTip(self.tr("Berkaskan surat yang sudah selesai (Alt+B)"))
        actions = QVBoxLayout()
        for button in self.action_buttons()[:-2]:
            actions.addWidget(button)
        # Filing and the hand-off share a row: the details keep their height on a small screen.
        archive_row = QHBoxLayout()
        archive_row.addWidget(self.handoff_button)
        archive_row.addWidget(self.file_button)
        actions.addLayout(archive_row)
        self.initial_button.clicked.connect(self.give_initials)
        self.return_button.clicked.connect(self.ask_return)
        self.esign_button.clicked.connect(self.sign_electronically)
        self.bsre_button.clicked.connect(self.sign_with_bsre)
        self.sign_button.clicked.connect(self.sign)
        self.print_button.clicked.connect(self.print_letter)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.scan_button.clicked.connect(self.attach_scan)
        self.void_button.clicked.connect(self.ask_void)
        self.handoff_button.clicked.connect(self.hand_off)
        self.deliver_button.clicked.connect(self.ask_deliver)
        self.file_button.clicked.connect(self.ask_file)
        self.back_button.clicked.connect(self.closed)

        # A long Hal or thirty addressees scroll inside the details; the actions stay in view.
        details = QWidget()
        details.setLayout(self.details)
        self.details.setContentsMargins(0, 0, 0, 0)
        self.details_area = scrolling(details)
        self.details_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.details_area, 3)
        side_layout.addLayout(actions)
        side_layout.addWidget(QLabel(f"<b>{self.tr('Riwayat')}</b>"))
        side_layout.addWidget(self.history, 2)
        splitter = QSplitter()
        splitter.addWidget(self.preview)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 500])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self._show_actions(letter)
        store_events.of(store).changed.connect(self._store_changed)
        self.reload()

    def action_buttons(self) -> list[QPushButton]:
        return [
            self.initial_button, self.return_button, self.esign_button, self.bsre_button,
            self.sign_button, self.print_button,
            self.pdf_button, self.scan_button, self.void_button, self.deliver_button,
            self.handoff_button, self.file_button,
        ]  # fmt: skip

    # -- showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        store, user, letter_id = self.store, self.user, self.letter.id
        # On the writer: reading a confidential letter writes its audit entry.
        ops.WriteOp(self, lambda: load(store, user, letter_id)).success(self._show).quietly().run()

    def _store_changed(self, changes: Changes) -> None:
        if changes.may_touch("letter", self.letter.id) or changes.touches("berkas", "berkas_item"):
            self.reload()

    def _done(self, message: str) -> Callable[[object], None]:
        """What an action does when it succeeded: say so (the store's signal reloads)."""
        return lambda _result: self.changed.emit(message)

    def _act(self, fn: Callable[[], object], message: str) -> None:
        ops.WriteOp(self, fn).success(self._done(message)).disable(*self.action_buttons()).run()

    def _show(self, data: Loaded) -> None:
        self.data = data
        letter = self.letter = data.letter
        kind = letter_types().get(letter.letter_type)
        status = queries.status_label(letter.status)
        self.title.set_full_text(f"{kind.label if kind else letter.letter_type} — {letter.hal}")
        addressees = drafting.addressees_of(letter)
        signer = data.names.get(letter.signer_id or "", "")
        if signer:
            signer = signer_summary(signer, letter.signer_capacity, letter.signer_on_behalf_of)
        values = {
            "number": (letter.number or self.tr("(belum bernomor)"))
            + (" " + self.tr("(dari buku agenda yang diimpor)") if letter.import_batch_id else ""),
            "date": format_date_id(letter.letter_date) if letter.letter_date else "-",
            "status": status,
            "holder": data.names.get(letter.holder_id or "", "-"),
            "classification": f"{letter.classification_code} {data.classification_title}",
            "sifat": self.tr("{sifat} · Urgensi: {urgency}").format(
                sifat=letter.sifat, urgency=letter.urgency
            ),
            "hal": letter.hal,
            "addressees": "\n".join(
                f"{a.name} di {a.place}" if a.place else a.name for a in addressees
            ),
            "signer": signer or "-",
            "signature": data.signature,
            "scan": self._scan_text(letter),
            "thread": data.thread,
            "srikandi": letter.srikandi_ref or "-",
            "sent": data.sent,
            "berkas": data.berkas or self.tr("Belum diberkaskan"),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.history.clear()
        for event in data.history:
            text = f"{time_text(event.at)} · {event.who}: {event.what}"
            if event.note:
                text += f"\n“{event.note}”"
            self.history.addItem(text)
        self._show_actions(letter)
        self.preview.show_document(data.document, now=True)
        self.loaded.emit()

    def _show_actions(self, letter: Letter) -> None:
        me = self.user
        holding = letter.holder_id == me.id
        signed = letter.status == LetterStatus.SIGNED
        self.initial_button.setVisible(
            holding and letter.status == LetterStatus.IN_REVIEW and me.has(Role.REVIEWER)
        )
        self.return_button.setVisible(
            holding
            and letter.status in (LetterStatus.IN_REVIEW, LetterStatus.AWAITING_SIGNATURE)
            and not letter.number  # partly signed electronically: no going back
        )
        to_sign = holding and letter.status == LetterStatus.AWAITING_SIGNATURE
        bsre_queued = letter.signature_kind == SignatureKind.BSRE.value
        self.esign_button.setVisible(to_sign and me.has(Role.SIGNER) and not bsre_queued)
        self.bsre_button.setVisible(
            to_sign and me.has(Role.SIGNER) and self.data is not None and self.data.bsre_ready
        )
        # Once a co-signer signed electronically, the others sign electronically too.
        self.sign_button.setVisible(to_sign and me.has(Role.SIGNER) and not letter.number)
        self.scan_button.setVisible(
            signed
            and (me.id in (letter.signer_id, letter.drafter_id)
                 or me.has(Role.REGISTRAR) or me.has(Role.ADMIN))
        )  # fmt: skip
        self.void_button.setVisible(
            signed and bool(letter.number_id)
            and (me.has(Role.ADMIN) or letter.signer_id == me.id)
        )  # fmt: skip
        self.deliver_button.setVisible(
            letter.status != LetterStatus.VOIDED
            and (me.id in (letter.signer_id, letter.drafter_id)
                 or me.has(Role.REGISTRAR) or me.has(Role.ADMIN))
        )  # fmt: skip

        # Shown to the archivist until the letter is filed; a letter not yet signed is refused
        # with the filing service's reason when asked.
        self.file_button.setVisible(
            letter.status != LetterStatus.VOIDED
            and (me.has(Role.REGISTRAR) or me.has(Role.ADMIN))
            and not (self.data is not None and self.data.berkas)
        )

    def ask_file(self) -> None:
        """ "Berkaskan...": into a berkas of the letter's code and year."""
        from desktop.letters.filing import OUTGOING
        from desktop.ui.file_letter_dialog import start_filing

        message = self.tr("Surat diberkaskan dalam berkas {b}.")
        start_filing(
            self, self.store, self.user, OUTGOING, self.letter.id,
            lambda label: self.changed.emit(message.format(b=label)),
        )  # fmt: skip

    def ask_deliver(self) -> None:
        from desktop.ui.delivery_dialogs import AddressOfficesDialog

        dialog = AddressOfficesDialog(self.store, self.user, self.letter.id, self)
        dialog.addressed.connect(self.changed)
        dialog.addressed.connect(lambda _m: self.reload())
        self.delivery_dialog = dialog
        dialog.open()

    # -- review actions -----------------------------------------------------------------------

    def give_initials(self) -> None:
        store, user, letter_id = self.store, self.user, self.letter.id
        self._act(
            lambda: workflow.initial(store, user, letter_id), self.tr("Naskah telah diparaf.")
        )

    def ask_return(self) -> None:
        dialog = return_dialog(self)
        dialog.accepted.connect(lambda: self._return(dialog.text()))
        self.dialog = dialog
        dialog.open()

    def _return(self, note: str) -> None:
        store, user, letter_id = self.store, self.user, self.letter.id
        self._act(
            lambda: workflow.return_to_drafter(store, user, letter_id, note),
            self.tr("Naskah dikembalikan kepada pengonsep."),
        )

    def sign(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Tandatangani basah"),
            self.tr(
                "Dengan menandatangani, nomor surat diterbitkan sekarang dan naskah menjadi "
                "final: isinya tidak dapat diubah lagi. Sesudah itu cetak naskah, tanda tangani "
                "dan cap, lalu lampirkan pindaiannya.\n\nTandatangani naskah ini sekarang?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,  # irreversible: Enter must not sign
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, user, letter_id = self.store, self.user, self.letter.id
        ops.WriteOp(self, lambda: workflow.sign_by_hand(store, user, letter_id)).success(
            self._signed
        ).progress(self.tr("Menandatangani dan membuat PDF...")).disable(
            *self.action_buttons()
        ).run()

    def sign_electronically(self) -> None:
        dialog = SignDialog(self.store, self.user, self.letter, self)
        dialog.signed.connect(self._signed_electronically)
        dialog.enrol_requested.connect(self.enrol)
        self.sign_dialog = dialog
        dialog.open()

    def sign_with_bsre(self) -> None:
        dialog = bsre_dialogs.BsreSignDialog(self.store, self.user, self.letter, self)
        dialog.done_with.connect(lambda _letter, message: self.changed.emit(message))
        self.bsre_dialog = dialog
        dialog.open()

    def enrol(self) -> None:
        dialog = EnrolDialog(self.store, self.user, self)
        self.enrol_dialog = dialog
        dialog.open()

    def _signed_electronically(self, letter: Letter) -> None:
        if letter.status == LetterStatus.SIGNED:
            message = self.tr("Naskah ditandatangani secara elektronik dengan nomor {n}.")
        else:
            message = self.tr(
                "Tanda tangan Anda dibubuhkan (nomor {n}); naskah diteruskan ke penanda "
                "tangan berikutnya."
            )
        self.changed.emit(message.format(n=letter.number))

    def _signed(self, letter: Letter) -> None:
        message = self.tr("Naskah ditandatangani dengan nomor {n}.").format(n=letter.number)
        self.changed.emit(message)
        answer = QMessageBox.question(
            self,
            self.tr("Cetak naskah"),
            message + "\n\n" + self.tr("Cetak sekarang untuk ditandatangani dan dicap?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.letter = letter
            self.print_letter()

    def hand_off(self) -> None:
        """ "Serahkan ke SRIKANDI...": its files out, SRIKANDI's reference in."""
        from desktop.ui.handoff_dialog import HandoffDialog

        HandoffDialog(self.store, self.user, self.letter, self).exec()

    def ask_void(self) -> None:
        dialog = void_dialog(self.letter.number, self)
        dialog.accepted.connect(lambda: self._void(dialog.text()))
        self.dialog = dialog
        dialog.open()

    def _void(self, reason: str) -> None:
        store, user, number_id = self.store, self.user, self.letter.number_id or ""
        self._act(lambda: numbering.void(store, user, number_id, reason),
                  self.tr("Nomor dibatalkan."))  # fmt: skip

    # -- files --------------------------------------------------------------------------------

    def _document(self) -> LetterDocument:
        with self.store.read() as session:
            from desktop.letters import signed_letters

            return signed_letters.document_as_signed(session, self.letter, self.store.blob_dir)

    def print_letter(self) -> None:
        from desktop.render.paint import print_document

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.letter.number or self.letter.hal or "naskah")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_document(self._document(), printer)
        except RuntimeError as exc:
            QMessageBox.warning(self, self.tr("Tidak dapat mencetak"), str(exc))

    def _file_stem(self) -> str:
        text = self.letter.number or self.letter.hal or "naskah"
        return "".join(c if c.isalnum() or c in ".-_ " else "-" for c in text).strip() or "naskah"

    def _missing(self, digest: str | None) -> bool:
        """A synced record names this file but it has not come down to this PC yet."""
        return bool(digest) and not BlobStore(self.store.blob_dir).has(str(digest))

    def _scan_text(self, letter: Letter) -> str:
        if not letter.scan_hash:
            return self.tr("Belum ada")
        if self._missing(letter.scan_hash):
            return self.tr("Lampiran menyusul (belum diunduh dari server)")
        return self.tr("Terlampir")

    def save_pdf(self) -> None:
        if self._missing(self.letter.pdf_hash):
            QMessageBox.information(self, self.tr("Lampiran menyusul"), self.tr(
                "PDF naskah ini belum diunduh dari server; lampiran menyusul pada "
                "sinkronisasi berikutnya. Coba lagi nanti."
            ))  # fmt: skip
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan PDF"), f"{self._file_stem()}.pdf", self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        if self.letter.pdf_hash:
            data = BlobStore(self.store.blob_dir).get(self.letter.pdf_hash)
        else:
            from desktop.render.pdf import render_pdf

            data = render_pdf(self._document())
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("PDF tidak tersimpan"), exc.strerror or str(exc))
            return
        self.changed.emit(self.tr("PDF disimpan ke {p}").format(p=path))

    def attach_scan(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas pindaian"),
            "",
            self.tr("Pindaian (*.pdf *.png *.jpg *.jpeg)"),
        )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Berkas tidak terbaca"), exc.strerror or str(exc))
            return
        store, user, letter_id = self.store, self.user, self.letter.id
        self._act(lambda: workflow.attach_scan(store, user, letter_id, data),
                  self.tr("Pindaian dilampirkan."))  # fmt: skip
