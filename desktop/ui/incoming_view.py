"""One incoming letter: its scans in the viewer, its details, its disposition tree and thread,
and what this person may do next (dispose, forward, report, finish, cancel, reply, print the
disposition sheet, save the scans).

The buttons shown depend on who is looking; the services check again and refuse the rest.
Opening the letter marks the person's unread dispositions on it as read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.letters import disposition, incoming
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.disposition import OPEN_STATES, SENT, Node
from desktop.letters.incoming import ThreadItem
from desktop.render.dates import format_date_id
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.incoming_models import Disposition, IncomingLetter, IncomingScan
from desktop.store.models import Letter
from desktop.ui import ops
from desktop.ui.incoming_dialogs import DispositionDialog, TextDialog
from desktop.ui.letter_model import date_text, time_text
from desktop.ui.qt import (
    QAbstractItemView,
    QColor,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.ui.scan_viewer import ScanSource, ScanViewer, pages_pdf, paint_pages

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class Loaded:
    letter: IncomingLetter
    scans: list[IncomingScan]
    missing: int  # scans whose file has not come down by sync yet
    tree: list[Node]
    thread: list[ThreadItem]
    classification_title: str
    # For a letter delivered by another office: this PC's verdict on its signed PDF.
    signature: str = "-"
    berkas: str = ""  # the berkas it is filed in ("" while not filed)


def load(store: Store, user: CurrentUser, incoming_id: str) -> Loaded:
    letter = incoming.get_incoming(store, user, incoming_id)
    disposition.mark_read_on(store, user, incoming_id)
    from desktop.letters import delivery

    delivery.note_opened(store, user, incoming_id)  # a delivered letter: "dibaca" for its sender
    scans = incoming.scans_of(store, user, incoming_id)
    blobs = BlobStore(store.blob_dir)
    missing = sum(1 for s in scans if not blobs.has(s.sha256))
    from desktop.letters import classification

    found = classification.get(store, letter.classification_code)
    delivered = delivery.delivered_letter_of(store, incoming_id)
    signature = delivered.check_text if delivered is not None and delivered.check_text else "-"
    from desktop.letters import filing

    filed = filing.filed_in(store, filing.INCOMING, incoming_id)
    return Loaded(
        letter, scans, missing, disposition.tree(store, user, incoming_id),
        incoming.thread(store, user, incoming.INCOMING, incoming_id), found.title if found else "",
        signature, filing.berkas_label(filed) if filed is not None else "",
    )  # fmt: skip


def _flatten(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        out += _flatten(node.children)
    return out


class IncomingView(QWidget):
    """``closed`` asks to go back to the list; ``changed`` (with a message) after an action;
    ``reply_started`` carries the new draft of "Balas"."""

    closed = Signal()
    changed = Signal(str)
    loaded = Signal()
    reply_started = Signal(object)

    def __init__(
        self, store: Store, user: CurrentUser, incoming_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.user, self.incoming_id = store, user, incoming_id
        self.data: Loaded | None = None
        self.dialog: QDialog | None = None
        self.back_button = QPushButton(self.tr("← Daftar surat"))
        self.title = QLabel()
        self.title.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        self.viewer = ScanViewer()
        self.scan_note = QLabel()
        self.scan_note.hide()

        self.details = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("agenda", self.tr("Nomor agenda")), ("received", self.tr("Diterima")),
            ("sender", self.tr("Pengirim")), ("number", self.tr("Nomor surat")),
            ("date", self.tr("Tanggal surat")), ("hal", self.tr("Hal")),
            ("sifat", self.tr("Sifat")), ("classification", self.tr("Klasifikasi")),
            ("state", self.tr("Status")), ("signature", self.tr("Tanda tangan")),
            ("berkas", self.tr("Berkas")),
        ):  # fmt: skip
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            self.details.addRow(f"<b>{label}</b>", value)

        self.dispose_button = QPushButton(self.tr("Disposisi..."))
        self.forward_button = QPushButton(self.tr("Teruskan..."))
        self.note_button = QPushButton(self.tr("Catatan Tindak Lanjut..."))
        self.done_button = QPushButton(self.tr("Selesaikan..."))
        self.cancel_button = QPushButton(self.tr("Batalkan Disposisi"))
        self.reply_button = QPushButton(self.tr("Balas"))
        self.void_button = QPushButton(self.tr("Batalkan Nomor Agenda..."))
        self.print_sheet_button = QPushButton(self.tr("Cetak Lembar Disposisi..."))
        self.save_sheet_button = QPushButton(self.tr("Simpan Lembar Disposisi..."))
        self.save_scan_button = QPushButton(self.tr("Simpan Pindaian..."))
        self.print_scan_button = QPushButton(self.tr("Cetak Pindaian..."))
        self.file_button = QPushButton(self.tr("&Berkaskan..."))
        self.file_button.setToolTip(self.tr("Berkaskan surat ini (Alt+B)"))
        actions = QHBoxLayout()
        grid = [self.action_buttons()[i : i + 3] for i in range(0, 12, 3)]
        columns = [QVBoxLayout() for _ in range(3)]
        for row in grid:
            for column, button in zip(columns, row, strict=False):
                column.addWidget(button)
        for column in columns:
            actions.addLayout(column)

        self.tree_model = QStandardItemModel(self)
        self.tree_model.setHorizontalHeaderLabels([self.tr("Disposisi"), self.tr("Status")])
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setMinimumHeight(110)
        self.tree.setColumnWidth(0, 330)
        self.thread_list = QListWidget()
        self.thread_list.setMaximumHeight(80)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(self.details)
        side_layout.addLayout(actions)
        side_layout.addWidget(QLabel(f"<b>{self.tr('Alur disposisi')}</b>"))
        side_layout.addWidget(self.tree, 1)
        side_layout.addWidget(QLabel(f"<b>{self.tr('Surat terkait')}</b>"))
        side_layout.addWidget(self.thread_list)
        side_scroll = QScrollArea()
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.scan_note)
        left_layout.addWidget(self.viewer, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(side_scroll)
        splitter.setSizes([560, 520])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self.back_button.clicked.connect(self.closed)
        self.dispose_button.clicked.connect(lambda: self.ask_dispose(None))
        self.forward_button.clicked.connect(lambda: self.ask_dispose(self._my_open_id()))
        self.note_button.clicked.connect(self.ask_note)
        self.done_button.clicked.connect(self.ask_done)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.reply_button.clicked.connect(self.reply)
        self.void_button.clicked.connect(self.ask_void)
        self.print_sheet_button.clicked.connect(self.print_sheet)
        self.save_sheet_button.clicked.connect(self.save_sheet)
        self.save_scan_button.clicked.connect(self.save_scans)
        self.print_scan_button.clicked.connect(self.print_scans)
        self.file_button.clicked.connect(self.ask_file)
        for button in self.action_buttons():
            button.hide()
        self.reload()

    def action_buttons(self) -> list[QPushButton]:
        return [
            self.dispose_button, self.forward_button, self.note_button, self.done_button,
            self.cancel_button, self.reply_button, self.print_sheet_button,
            self.save_sheet_button, self.save_scan_button, self.print_scan_button,
            self.void_button, self.file_button,
        ]  # fmt: skip

    # -- showing ------------------------------------------------------------------------------

    def reload(self, message: str = "") -> None:
        store, user, incoming_id = self.store, self.user, self.incoming_id

        def shown(data: Loaded) -> None:
            self._show(data)
            if message:
                self.changed.emit(message)

        ops.ReadOp(self, lambda: load(store, user, incoming_id)).success(shown).run()

    def watermark_text(self) -> str:
        return self.tr("Dilihat oleh {name}, {at}").format(
            name=self.user.name, at=time_text(clock.now())
        )

    def _show(self, data: Loaded) -> None:
        first_time = self.data is None
        self.data = data
        letter = data.letter
        self.title.setText(f"<b>{letter.agenda_number}/{letter.agenda_year}</b> — "
                           f"{letter.sender_name}: {letter.hal}")  # fmt: skip
        values = {
            "agenda": f"{letter.agenda_number}/{letter.agenda_year}"
            + (" " + self.tr("(dari buku agenda yang diimpor)") if letter.import_batch_id else "")
            + (
                " · " + self.tr("ID SRIKANDI: {r}").format(r=letter.external_ref)
                if letter.external_ref
                else ""
            ),
            "received": f"{format_date_id(letter.received_date)} "
            f"({incoming.CHANNELS.get(letter.channel, letter.channel)})",
            "sender": letter.sender_name,
            "number": letter.sender_number,
            "date": format_date_id(letter.sender_date) if letter.sender_date else "-",
            "hal": letter.hal,
            "sifat": f"{letter.sifat} / {letter.urgency}",
            "classification": f"{letter.classification_code} {data.classification_title}".strip()
            or "-",
            "state": incoming.STATE_LABELS.get(letter.state, letter.state),
            "signature": data.signature,
            "berkas": data.berkas or self.tr("Belum diberkaskan"),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        if first_time:
            blobs = BlobStore(self.store.blob_dir)
            self.viewer.watermark = self.watermark_text() if letter.sifat != "Biasa" else ""
            self.viewer.show_sources(
                [ScanSource(blobs.path(s.sha256), s.media_type, s.filename)
                 for s in data.scans if blobs.has(s.sha256)]
            )  # fmt: skip
        self.scan_note.setVisible(bool(data.missing))
        self.scan_note.setText(
            self.tr("{n} pindaian menyusul (belum diunduh dari server).").format(n=data.missing)
        )
        self._show_tree(data.tree)
        self.thread_list.clear()
        for item in data.thread:
            relation = incoming.RELATION_LABELS.get(item.relation, item.relation)
            self.thread_list.addItem(f"{relation}: {item.label}")
        self._show_actions(data)
        self.loaded.emit()

    def _show_tree(self, roots: list[Node]) -> None:
        self.tree_model.removeRows(0, self.tree_model.rowCount())

        def add(parent: QStandardItem, node: Node) -> None:
            d = node.disposition
            what = "; ".join(
                node.instructions + ([d.instruction_text] if d.instruction_text else [])
            )
            text = f"{node.from_name} → {node.to_name}: {what}"
            if d.due_date:
                text += self.tr(" (batas {d})").format(d=date_text(d.due_date))
            lines = [text]
            lines += [f"  · {name}: {note.text}" for note, name in node.notes]
            if d.result:
                lines.append(self.tr("  Hasil: {r}").format(r=d.result))
            item = QStandardItem("\n".join(lines))
            item.setData(d.id, ID_ROLE)
            status = QStandardItem(disposition.STATE_LABELS.get(d.state, d.state))
            if disposition.is_overdue(d):
                status.setText(status.text() + self.tr(" · terlambat"))
                for cell in (item, status):
                    cell.setForeground(QColor("#b00020"))
            parent.appendRow([item, status])
            for child in node.children:
                add(item, child)

        root = self.tree_model.invisibleRootItem()
        for node in roots:
            add(root, node)
        self.tree.expandAll()

    def _dispositions(self) -> list[Disposition]:
        return [n.disposition for n in _flatten(self.data.tree)] if self.data else []

    def _my_open_id(self) -> str | None:
        mine = [
            d for d in self._dispositions() if d.to_id == self.user.id and d.state in OPEN_STATES
        ]
        return mine[-1].id if mine else None

    def _cancellable(self) -> list[Disposition]:
        return [d for d in self._dispositions() if d.from_id == self.user.id and d.state == SENT]

    def _show_actions(self, data: Loaded) -> None:
        me = self.user
        mine_open = self._my_open_id() is not None
        self.dispose_button.setVisible(me.has(Role.SIGNER) or data.letter.addressed_to_id == me.id)
        for button in (self.forward_button, self.note_button, self.done_button):
            button.setVisible(mine_open)
        self.cancel_button.setVisible(bool(self._cancellable()))
        self.reply_button.setVisible(me.has(Role.DRAFTER))
        for button in (self.print_sheet_button, self.save_sheet_button):
            button.setVisible(True)
        self.save_scan_button.setVisible(bool(data.scans) and not data.missing)
        self.print_scan_button.setVisible(bool(data.scans) and not data.missing)
        voided = data.letter.state == "dibatalkan"
        self.void_button.setVisible(not voided and (me.has(Role.REGISTRAR) or me.has(Role.ADMIN)))
        self.file_button.setVisible(
            not voided and not data.berkas and (me.has(Role.REGISTRAR) or me.has(Role.ADMIN))
        )
        if voided:
            for button in (self.dispose_button, self.forward_button, self.reply_button):
                button.setVisible(False)

    def ask_file(self) -> None:
        """ "Berkaskan...": into a berkas of the letter's code and year."""
        from desktop.letters.filing import INCOMING
        from desktop.ui.file_letter_dialog import start_filing

        message = self.tr("Surat diberkaskan dalam berkas {b}.")
        start_filing(
            self, self.store, self.user, INCOMING, self.incoming_id,
            lambda label: self.reload(message.format(b=label)),
        )  # fmt: skip

    def ask_void(self) -> None:
        if self.data is None:
            return
        from desktop.ui.review_dialogs import void_dialog

        letter = self.data.letter
        dialog = void_dialog(f"{letter.agenda_number}/{letter.agenda_year}", self)
        dialog.accepted.connect(lambda: self._void(dialog.text()))
        self.void_dialog = dialog
        dialog.open()

    def _void(self, reason: str) -> None:
        store, user, incoming_id = self.store, self.user, self.incoming_id
        ops.WriteOp(self, lambda: incoming.void_agenda(store, user, incoming_id, reason)).success(
            lambda _l: self.reload(self.tr("Nomor agenda dibatalkan."))
        ).run()

    # -- dispositions ---------------------------------------------------------------------------

    def ask_dispose(self, parent_id: str | None) -> None:
        if self.data is None:
            return
        dialog = DispositionDialog(self.store, self.user, self.data.letter, parent_id, self)
        message = self.tr("Disposisi diteruskan.") if parent_id else self.tr("Disposisi dikirim.")
        dialog.sent.connect(lambda _rows: self.reload(message))
        self.dialog = dialog
        dialog.open()

    def ask_note(self) -> None:
        dialog = TextDialog(
            self.tr("Catatan tindak lanjut"), self.tr("Laporkan perkembangan:"), self
        )
        target = self._my_open_id() or ""
        store, user = self.store, self.user
        dialog.accepted.connect(
            lambda: (
                ops.WriteOp(self, lambda: disposition.add_note(store, user, target, dialog.text()))
                .success(lambda _n: self.reload(self.tr("Catatan tindak lanjut disimpan.")))
                .run()
            )
        )
        self.dialog = dialog
        dialog.open()

    def ask_done(self) -> None:
        replies = [
            (item.label, item.id) for item in (self.data.thread if self.data else [])
            if item.kind == incoming.OUTGOING
        ]  # fmt: skip
        dialog = TextDialog(
            self.tr("Selesaikan disposisi"), self.tr("Hasil tindak lanjut:"), self,
            choices=replies, choice_caption=self.tr("Surat balasan"),
        )  # fmt: skip
        target = self._my_open_id() or ""
        store, user = self.store, self.user
        dialog.accepted.connect(
            lambda: (
                ops.WriteOp(
                    self,
                    lambda: disposition.complete(
                        store, user, target, dialog.text(), dialog.choice.currentData()
                    ),
                )
                .success(lambda _d: self.reload(self.tr("Disposisi selesai.")))
                .run()
            )
        )
        self.dialog = dialog
        dialog.open()

    def ask_cancel(self) -> None:
        candidates = self._cancellable()
        selected = self.tree.currentIndex().siblingAtColumn(0).data(ID_ROLE)
        chosen = next(
            (d for d in candidates if d.id == selected), candidates[0] if candidates else None
        )
        if chosen is None:
            return
        names = {n.disposition.id: n.to_name for n in _flatten(self.data.tree)} if self.data else {}
        answer = QMessageBox.question(
            self, self.tr("Batalkan disposisi"),
            self.tr("Batalkan disposisi kepada {n}? Penerima belum membacanya.").format(
                n=names.get(chosen.id, "?")),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, user, target = self.store, self.user, chosen.id
        ops.WriteOp(self, lambda: disposition.cancel(store, user, target)).success(
            lambda _d: self.reload(self.tr("Disposisi dibatalkan."))
        ).run()

    def reply(self) -> None:
        store, user, incoming_id = self.store, self.user, self.incoming_id
        ops.WriteOp(self, lambda: incoming.start_reply(store, user, incoming_id)).success(
            self._replied
        ).run()

    def _replied(self, letter: Letter) -> None:
        self.reply_started.emit(letter)

    # -- files ----------------------------------------------------------------------------------

    def _stem(self) -> str:
        letter = self.data.letter if self.data else None
        return f"agenda-{letter.agenda_number}-{letter.agenda_year}" if letter else "surat-masuk"

    def print_sheet(self) -> None:
        from desktop.render.disposition_sheet import page_size, print_sheet

        sheet = disposition.sheet(self.store, self.user, self.incoming_id)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size())
        printer.setDocName(self.tr("Lembar Disposisi"))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_sheet(sheet, printer)
        self.changed.emit(self.tr("Lembar disposisi dicetak."))

    def save_sheet(self) -> None:
        from desktop.render.disposition_sheet import sheet_pdf

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan lembar disposisi"), f"disposisi-{self._stem()}.pdf",
            self.tr("PDF (*.pdf)"),
        )  # fmt: skip
        if path:
            sheet = disposition.sheet(self.store, self.user, self.incoming_id)
            self._write(Path(path), sheet_pdf(sheet))

    def save_scans(self) -> None:
        if self.data is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan pindaian"), f"{self._stem()}.pdf", self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        blobs = BlobStore(self.store.blob_dir)
        sources = [
            ScanSource(blobs.path(s.sha256), s.media_type, s.filename) for s in self.data.scans
        ]
        confidential = self.data.letter.sifat != "Biasa"
        if len(sources) == 1 and sources[0].media_type == "application/pdf" and not confidential:
            data = blobs.get(self.data.scans[0].sha256)
        else:
            data = pages_pdf(sources, self.watermark_text() if confidential else "")
        self._write(Path(path), data)

    def _sources(self) -> list[ScanSource]:
        blobs = BlobStore(self.store.blob_dir)
        scans = self.data.scans if self.data else []
        return [ScanSource(blobs.path(s.sha256), s.media_type, s.filename) for s in scans]

    def print_scans(self) -> None:
        """Print the scans; a confidential letter's print carries the watermark."""
        if self.data is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._stem())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        confidential = self.data.letter.sifat != "Biasa"
        paint_pages(self._sources(), self.watermark_text() if confidential else "", printer)
        self.changed.emit(self.tr("Pindaian dicetak."))

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Berkas tidak tersimpan"), exc.strerror or str(exc))
            return
        self.changed.emit(self.tr("Disimpan ke {p}").format(p=path))
