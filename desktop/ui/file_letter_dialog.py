""" "Berkaskan..." on one letter (the outgoing letter view and the incoming one): where to file
the letter shown, among the berkas of its classification code and year, or a new berkas.

``start_filing`` asks the filing service where the letter belongs first; a letter that is not
done (an outgoing letter not signed, a voided agenda number) or is filed already is refused
there with the service's message, before any dialog opens.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.letters import filing
from desktop.letters.accounts import CurrentUser
from desktop.letters.filing import Suggestion
from desktop.store.db import Store
from desktop.store.filing_models import BerkasItem
from desktop.ui import ops
from desktop.ui.filing import NEW, file_buttons, filing_call, fill_berkas
from desktop.ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)


class FileOneLetterDialog(QDialog):
    """The letter, the berkas to file it in ("+ Berkas baru" last), the new berkas' title.
    ``filed`` carries the label of the berkas once the letter is in it."""

    filed = Signal(str)

    def __init__(
        self, store: Store, user: CurrentUser, suggestion: Suggestion, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.user, self.suggestion = store, user, suggestion
        self.setWindowTitle(self.tr("Berkaskan Surat"))
        letter = QLabel(
            f"{suggestion.label}\n"
            + self.tr("Klasifikasi {code}, tahun {year}").format(
                code=suggestion.classification_code or "-", year=suggestion.year
            )
        )
        letter.setWordWrap(True)
        self.berkas = QComboBox()
        fill_berkas(self.berkas, suggestion)
        self.berkas.currentIndexChanged.connect(self._berkas_chosen)
        self.new_title = QLineEdit(suggestion.new_title)
        self.new_title.setMaxLength(filing.MAX_TITLE)
        self.new_title_label = QLabel(self.tr("&Judul berkas baru"))
        self.new_title_label.setBuddy(self.new_title)
        berkas_label = QLabel(self.tr("&Berkas"))
        berkas_label.setBuddy(self.berkas)
        form = QFormLayout()
        form.addRow(self.tr("Surat"), letter)
        form.addRow(berkas_label, self.berkas)
        form.addRow(self.new_title_label, self.new_title)
        self.message, self.file_button, buttons = file_buttons(self, self.file_it, stays_open=False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setTabOrder(self.berkas, self.new_title)
        self.setTabOrder(self.new_title, self.file_button)
        self.berkas.setFocus()
        self.resize(560, self.sizeHint().height())
        self._berkas_chosen()

    def _berkas_chosen(self) -> None:
        new = self.berkas.currentData() == NEW
        self.new_title.setVisible(new)
        self.new_title_label.setVisible(new)

    def file_it(self) -> None:
        store = self.store
        chosen, title = self.berkas.currentData(), self.new_title.text()
        fn = filing_call(store, self.user, self.suggestion, chosen, title)
        ops.WriteOp(self, lambda: _label_after(store, fn)).success(self._filed).message_in(
            self.message
        ).disable(self.file_button).run()

    def _filed(self, label: str) -> None:
        self.filed.emit(label)
        self.accept()


def _label_after(store: Store, fn: Callable[[], BerkasItem]) -> str:
    item = fn()
    return filing.berkas_label(filing.get_berkas(store, item.berkas_id))


def start_filing(
    parent: QWidget,
    store: Store,
    user: CurrentUser,
    kind: str,
    letter_id: str,
    on_filed: Callable[[str], None],
) -> None:
    """Ask where the letter belongs (off the GUI thread), then open the dialog; a refusal (the
    letter is not done, or the person may not file) is shown as the service's message."""

    def opened(suggestion: Suggestion) -> None:
        dialog = FileOneLetterDialog(store, user, suggestion, parent)
        dialog.filed.connect(on_filed)
        dialog.open()

    ops.ReadOp(parent, lambda: filing.suggest(store, user, kind, letter_id)).success(opened).run()
