"""Two languages: complete catalogues, matching placeholders, an English UI that works, letters
that stay in Bahasa Indonesia, Qt's own words in Indonesian, and no clipped label when every
string is 40% longer (1366 x 768)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from desktop import i18n
from desktop.letters import accounts, esign, signer_keys
from desktop.letters.errors import ServiceError
from desktop.letters.templates import letter_types
from desktop.signing.keys import PassphraseGuard
from desktop.store.blobs import BlobStore
from desktop.store.models import Letter
from desktop.ui import i18n as ui_i18n
from desktop.ui.login import LoginDialog
from desktop.ui.people import PeopleDialog, PersonDialog
from desktop.ui.qt import (
    QAbstractButton,
    QApplication,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPrintDialog,
    QPrinter,
    QSize,
    QTabWidget,
    QTranslator,
    QWidget,
)
from desktop.ui.settings import LanguageDialog, OfficeSettingsDialog
from desktop.ui.sync_settings import SyncSettingsDialog
from desktop.ui.wizard import SetupWizard
from tests.conftest import Office
from tests.letters.office_pki import PASSPHRASE, OfficePki
from tests.letters.test_esign import awaiting
from tests.stores import new_store
from tests.ui.driver import Driver

ROOT = Path(__file__).resolve().parents[2]
SCREEN = QSize(1366, 768)  # the stretched-strings run
I18N = ROOT / "resources" / "i18n"
sys.path.insert(0, str(ROOT / "packaging"))
import i18n as catalogue_tool  # noqa: E402  (packaging/i18n.py)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert ui_i18n.use_language("en")
    yield
    ui_i18n.reset()


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    assert ui_i18n.use_language("id")
    yield
    ui_i18n.reset()


# -- the catalogues ----------------------------------------------------------------------------


def test_catalogues_are_current_and_complete() -> None:
    """Every string in the code is in both catalogues, translated, and the .qm files match the
    .ts files (packaging/i18n.py --check says what to run otherwise)."""
    assert catalogue_tool.main(["--check"]) == 0


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d")


@pytest.mark.parametrize("name", ["naskah_en.ts", "naskah_id.ts", "qtbase_id.ts"])
def test_placeholders_and_accelerators_match(name: str) -> None:
    entries = catalogue_tool.read_ts(I18N / name)
    assert len(entries) > 200
    for message, text in entries.items():
        assert text, f"{name}: [{message.context}] {message.source!r} is untranslated"
        source = message.source
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
            f"{name}: placeholders differ in {source!r} -> {text!r}"
        )
        accelerators = lambda s: len(re.findall(r"&[^&\s]", s))  # noqa: E731
        assert accelerators(text) == accelerators(source), (
            f"{name}: the keyboard accelerator (&) differs in {source!r} -> {text!r}"
        )
        assert text.count("\n") == source.count("\n") or name.startswith("qtbase")


def test_the_catalogue_holds_every_string_lupdate_finds(tmp_path: Path) -> None:
    """A cross-check of our extractor against Qt's own: nothing lupdate sees is missing."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    files = [str(p) for p in sorted((ROOT / "desktop").rglob("*.py"))]
    out = tmp_path / "lupdate.ts"
    subprocess.run([str(lupdate), "-silent", "-locations", "none", *files, "-ts", str(out)],
                   check=True, capture_output=True)  # fmt: skip
    theirs = {m.source for m in catalogue_tool.read_ts(out)}
    ours = {m.source for m in catalogue_tool.read_ts(I18N / "naskah_en.ts")}
    assert len(theirs) > 300
    assert theirs <= ours, sorted(theirs - ours)


def test_language_choice_is_kept_per_data_folder(tmp_path: Path) -> None:
    assert i18n.read_language(tmp_path) == "id"
    i18n.save_language(tmp_path, "en")
    assert i18n.read_language(tmp_path) == "en"
    (tmp_path / i18n.PREFERENCES).write_bytes(b"\xff\xfe rusak")
    assert i18n.read_language(tmp_path) == "id"  # a damaged file falls back, never fails


# -- the languages at work ---------------------------------------------------------------------


def test_english_ui_and_domain_messages(
    driver: Driver, office_staff: Office, english: None
) -> None:
    dialog = driver.show(LoginDialog(office_staff.store))
    assert dialog.windowTitle() == "Log in - Naskah"
    texts = {b.text() for b in dialog.findChildren(QAbstractButton)}
    assert "Log in" in texts and "Quit" in texts
    with pytest.raises(ServiceError) as refused:
        accounts.login(office_staff.store, "budi", "salah sekali")
    assert refused.value.message == "Wrong user name or password."
    window = driver.log_in(office_staff.store, office_staff.drafter)
    assert driver.sidebar()[0].startswith("Drafts")
    assert [item for item in driver.sidebar() if item.startswith("Incoming")]  # incoming queues
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Letters", "A&rchive", "&Reports", "&Administration",
    ]  # fmt: skip
    assert driver.menu_item("Administration", "Bahasa / Language...").isEnabled()


def test_language_is_chosen_in_the_settings(driver: Driver, office_staff: Office) -> None:
    def choose_english(dialog: LanguageDialog) -> None:
        driver.pick(dialog.choice, "English")
        driver.click("Simpan", within=dialog)

    chosen = driver.when_opened(LanguageDialog, choose_english)
    driver.log_in(office_staff.store, office_staff.drafter)  # not only administrators
    driver.click("Administrasi", "Bahasa / Language...")
    assert len(chosen) == 1 and chosen[0].result() == QDialog.DialogCode.Accepted
    assert i18n.read_language(office_staff.store.data_dir) == "en"


def test_qt_own_words_speak_indonesian(driver: Driver, indonesian: None) -> None:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", buttons)
    assert {b.text() for b in box.buttons()} == {"&Ya", "Batal"}
    edit = driver.show(QLineEdit("teks"))
    menu = edit.createStandardContextMenu()
    words = {a.text().split("\t")[0] for a in menu.actions()}
    assert {"&Salin", "&Tempel", "Po&tong", "Pilih semua"} <= words
    files = QFileDialog(None, "Pilih", str(ROOT))
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = {label.text() for label in files.findChildren(QLabel)}
    assert {"&Lihat di:", "&Nama berkas:", "&Jenis berkas:"} <= labels
    files.deleteLater()
    printer = QPrinter()
    printing = QPrintDialog(printer)
    printing.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    shown = {w.text() for w in printing.findChildren(QAbstractButton)}
    assert "&Cetak" in shown or "Cetak" in shown
    printing.deleteLater()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext)")
def test_letters_stay_indonesian_in_an_english_ui(
    office_staff: Office, english: None, tmp_path: Path
) -> None:
    o = office_staff
    pki = OfficePki.create()
    pki.install_trust(o.store)
    pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    letter = esign.sign_electronically(o.store, o.camat, awaiting(o), signer)
    with o.store.read() as s:
        stored = s.exec(select(Letter).where(Letter.id == letter.id)).one()
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(BlobStore(o.store.blob_dir).get(stored.pdf_hash or ""))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip
    assert "Ditandatangani secara elektronik" in text
    assert "Dokumen ini ditandatangani secara elektronik" in " ".join(text.split())
    assert not re.search(r"\b(Signed|Subject|Number|Attachments|electronically)\b", text)
    reason = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
    assert "Menandatangani naskah dinas nomor" in reason or "Reason" not in reason


# -- every string 40% longer -------------------------------------------------------------------


class Stretched(QTranslator):
    """Every app string 40% longer (its own letters repeated), marked with a leading "‹" so a
    string that never went through the catalogue shows up too."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context.startswith("Q"):  # Qt's own widgets: not ours to stretch
            return None
        extra = math.ceil(len(source) * 0.4)
        letters = "".join(c for c in source if c.isalpha()) or "x"
        pad = (letters * (extra // len(letters) + 1))[:extra]
        lines = source.split("\n")
        lines[0] = lines[0] + pad
        return "‹" + "\n".join(lines)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def stretched(qapp: QApplication) -> Iterator[None]:
    ui_i18n.reset()
    ui_i18n.install_translator(Stretched())
    i18n.install(lambda text: QCoreApplication.translate(i18n.CONTEXT, text))
    yield
    ui_i18n.reset()


def clipped(window: QWidget) -> list[str]:
    """Labels and buttons on screen whose text does not fit the space they were given."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.contentsRect().width())
                if needed > widget.contentsRect().height() + 1:
                    problems.append(f"label {widget.text()[:50]!r}: {needed}px tall, has "
                                    f"{widget.contentsRect().height()}")  # fmt: skip
            elif widget.width() + 1 < widget.minimumSizeHint().width():
                problems.append(f"label {widget.text()[:50]!r}: {widget.width()}px wide, needs "
                                f"{widget.minimumSizeHint().width()}")  # fmt: skip
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.width() + 1 < widget.minimumSizeHint().width()
        ):
            problems.append(f"button {widget.text()!r}: {widget.width()}px wide, needs "
                                f"{widget.minimumSizeHint().width()}")  # fmt: skip
    return problems


def unmarked(window: QWidget) -> list[str]:
    """Fixed texts on screen that did not come through the translation catalogue."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
        if isinstance(widget.parent(), QDialogButtonBox) or not re.search(r"[A-Za-z]{3}", text):
            continue  # Qt's standard buttons speak Qt's catalogue
        if re.fullmatch(r"\S*\d\S*", text):
            continue  # a number or code (the example letter number) is data
        if not text.lstrip("&<b>").startswith("‹") and "‹" not in text:
            found.append(text)
    return found


def check_fits(dialog: QWidget, allowed_data: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    dialog.show()  # at the size the app gives it
    QApplication.processEvents()
    assert dialog.width() <= SCREEN.width() and dialog.height() <= SCREEN.height(), (
        f"{type(dialog).__name__} needs {dialog.width()}x{dialog.height()} with longer strings"
    )
    tabs = dialog.findChildren(QTabWidget)
    pages = [(t, i) for t in tabs for i in range(t.count())] or [(None, 0)]
    for tab, index in pages:
        if tab is not None:
            tab.setCurrentIndex(index)
            QApplication.processEvents()
        assert clipped(dialog) == [], type(dialog).__name__
        assert [t for t in unmarked(dialog) if t not in allowed_data] == [], type(dialog).__name__


def test_no_clipped_label_with_stretched_strings(
    driver: Driver, office_staff: Office, stretched: None, tmp_path: Path
) -> None:
    store, admin = office_staff.store, office_staff.admin
    check_fits(driver.show(LoginDialog(store)))
    window = driver.log_in(store, admin)
    window.resize(SCREEN)
    QApplication.processEvents()
    assert clipped(window) == []
    assert all(a.text().startswith("‹") for a in window.menuBar().actions())
    check_fits(driver.show(OfficeSettingsDialog(store, admin)), {"Kec.SKM"})
    check_fits(driver.show(PeopleDialog(store, admin)))
    check_fits(driver.show(PersonDialog(store, admin)))
    check_fits(driver.show(SyncSettingsDialog(store, window.sync)))
    check_fits(driver.show(LanguageDialog(store.data_dir)), {"Bahasa Indonesia", "English"})
    fresh = new_store(tmp_path / "baru")
    try:
        wizard = driver.show(SetupWizard(fresh))
        for _page in range(3):
            check_fits(wizard, {"Kec.", "Kec.SKM"})
            wizard.next()
        wizard.close()
    finally:
        fresh.close()
    window = driver.log_in(store, office_staff.drafter)
    window.new_letter("surat_dinas")
    editor = driver.editor_page()
    QApplication.processEvents()
    assert clipped(editor) == []
    # Letter types are official names from the templates: they stay as the letters print them.
    kinds = {kind.label for kind in letter_types().values()}
    assert [t for t in unmarked(editor) if re.sub(r"<[^>]+>", "", t) not in kinds] == []
