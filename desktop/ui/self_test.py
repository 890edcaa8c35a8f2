"""``naskah --self-test``: does this installation work? For the IT officer and the release build.

Starts the app offscreen on a temporary store (never the office's data), and checks in turn:
  store        a store is made and an office set up in it
  letter       a sample letter is drafted, sent, signed by hand and rendered to PDF, the letter
               font embedded
  signature    a letter is signed electronically (PAdES, with a throwaway CA) and verified
  fonts        the shipped letter font is registered and resolves to itself
  keyring      the OS keyring backend (on Windows: Credential Manager, with a write, a read and a
               delete of a throwaway entry)
  translations every resources/i18n/*.qm loads (skipped while there are none)
  main window  the main window opens, shows and closes
Any log line at warning level or above that is not on the list of known harmless ones (Python
logging, Python warnings, Qt's message handler) fails the run. Prints one line per check and
``SELF-TEST: PASS`` or ``SELF-TEST: FAIL``; exit status 0 or 1.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from desktop.letters.accounts import CurrentUser
    from desktop.store.db import Store

# Offscreen Qt says these on every run; they say nothing about the installation.
HARMLESS_QT = (
    "This plugin does not support propagateSizeHints",
    "QFont::setPointSizeF: Point size <= 0",
)
SELF_TEST_PASSWORD = "uji-mandiri-123"
# The smallest valid PNG, for the office's logo.
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944"
    "4154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)
KEYRING_SERVICE = "naskah-self-test"


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.name}: {record.getMessage()}")


class SelfTest:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.failed = 0
        self.tmp = Path(tempfile.mkdtemp(prefix="naskah-self-test-"))
        self.data_dir = self.tmp / "data"
        self.collector = _Collector()
        self.store: Store | None = None
        self.user: CurrentUser | None = None
        self.checks: list[tuple[str, Callable[[], str]]] = [
            ("store", self.make_store),
            ("letter", self.letter),
            ("signature", self.signature),
            ("fonts", self.fonts),
            ("keyring", self.keyring),
            ("translations", self.translations),
            ("main window", self.main_window),
        ]

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def check(self, name: str, func: Callable[[], str]) -> None:
        started = time.monotonic()
        try:
            detail = func()
        except Exception as exc:  # a self-test reports every failure and goes on
            self.failed += 1
            trace = traceback.format_exception(type(exc), exc, exc.__traceback__)
            self.say(f"[FAIL] {name}: {type(exc).__name__}: {exc}")
            for line in "".join(trace[-6:]).splitlines():
                self.say(f"    {line}")
            return
        took = time.monotonic() - started
        if detail.startswith("skipped: "):
            self.say(f"[skip] {name}: {detail.removeprefix('skipped: ')}")
        else:
            self.say(f"[ok] {name} ({took:.1f} s): {detail}")

    # --- checks ------------------------------------------------------------------------------

    def make_store(self) -> str:
        from desktop.letters import accounts, office
        from desktop.letters.accounts import CurrentUser, PersonInput, Role
        from desktop.store.db import open_store

        self.store = store = open_store(self.data_dir)
        office_in = office.OfficeInput(
            kabupaten="Jayawijaya", kecamatan="Wamena", unit_code="Kec.WMN",
            address="Jl. Yos Sudarso No. 1, Wamena", logo=PNG_1PX,
        )  # fmt: skip
        admin_in = PersonInput(
            "Yakobus Wetipo, S.Kom", "198503122010011002", "Penata (III/c)", "Camat", "admin",
            frozenset({Role.DRAFTER, Role.SIGNER}), SELF_TEST_PASSWORD,
        )  # fmt: skip
        _, admin = office.setup(store, office_in, admin_in)
        self.user = CurrentUser(admin.id, admin.name, accounts.parse_roles(admin.roles))
        return f"office set up in {self.data_dir}"

    def letter(self) -> str:
        from desktop.letters import drafting, workflow
        from desktop.letters.drafting import AddresseeInput
        from desktop.store.blobs import BlobStore

        store, user = self.store, self.user
        assert store is not None and user is not None, "no store (the store check failed)"
        draft = drafting.new_draft(store, user, "surat_dinas")
        data = drafting.input_of(draft)
        data.classification_code = "000.1.5"
        data.hal = "Uji mandiri aplikasi"
        data.body_html = "<p>Surat ini dibuat oleh uji mandiri Naskah.</p>"
        data.addressees = [AddresseeInput("Kepala Kampung Sinakma", "Sinakma")]
        data.signer_id = user.id
        drafting.save_draft(store, user, draft.id, data)
        workflow.send(store, user, draft.id, [], user.id)
        signed = workflow.sign_by_hand(store, user, draft.id)
        assert signed.pdf_hash, "the signed letter has no PDF"
        pdf = BlobStore(store.blob_dir).path(signed.pdf_hash).read_bytes()
        assert pdf.startswith(b"%PDF-"), "the stored letter is not a PDF"
        assert b"LiberationSans" in pdf, "the letter font is not embedded in the PDF"
        return f"letter {signed.number} signed by hand, PDF {len(pdf) // 1024} KiB"

    def signature(self) -> str:
        from desktop.render.document import Layout, LetterDocument, Letterhead, SignatureBlock
        from desktop.render.pdf import render_signable_pdf
        from desktop.signing import keys, pades
        from desktop.signing.verify import verify_pdf
        from sync.pki import ca
        from sync.pki.identity import SignerIdentity, office_label

        name, nip, jabatan = "Agustinus Mabel, S.IP", "197008171994031006", "Camat Wamena"
        doc = LetterDocument(
            letterhead=Letterhead("Jayawijaya", "Wamena", "Jl. Yos Sudarso No. 1, Wamena"),
            layout=Layout.CORRESPONDENCE, title="Surat", place="Wamena",
            letter_date=date.today(), number="000.1.5/001/Kec.WMN/2026",
            hal="Uji mandiri aplikasi",
            body_html="<p>Surat ini dibuat oleh uji mandiri Naskah.</p>",
            signature=SignatureBlock(position=jabatan, name=name, nip=nip,
                                     signed_note="Ditandatangani secara elektronik"),
        )  # fmt: skip
        pdf, spaces = render_signable_pdf(doc)
        root_key, root = ca.create_root_ca("Pemerintah Kabupaten Uji Mandiri")
        key = keys.generate_key()
        identity = SignerIdentity(name, nip, jabatan, office_label("Wamena", "Jayawijaya"))
        cert = ca.issue_signer_certificate(keys.build_csr(key, identity), root_key, root)
        space = spaces[0]
        box = pades.StampBox(space.page, space.x + 8, space.y + 2, space.width - 16,
                             space.height - 4)  # fmt: skip
        signed = pades.sign_pdf(
            pdf, keys.LoadedSigner(key, cert, [root]), reason="Uji mandiri", location="Wamena",
            signer_name=name, position=jabatan, date_text=date.today().isoformat(),
            verify_url="https://naskah.example.go.id/v/abcdefghijklmnopqrst", field_box=box,
        )  # fmt: skip
        report = verify_pdf(signed, trust_roots=[root])
        assert report.valid, f"the signed letter does not verify: {report.summary()}"
        return f"PAdES signature made and verified ({len(signed) // 1024} KiB)"

    def fonts(self) -> str:
        from desktop.render.fonts import font_family
        from desktop.ui.qt import QFont, QFontInfo

        family = font_family()
        resolved = QFontInfo(QFont(family, 12)).family()
        assert resolved == family, f"the letter font {family!r} resolves to {resolved!r}"
        return f"{family} registered from the installation"

    def keyring(self) -> str:
        import keyring
        import keyring.backends.fail

        backend = keyring.get_keyring()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        if sys.platform == "win32":
            assert type(backend).__module__ == "keyring.backends.Windows", (
                f"the keyring backend is {name}, not Windows Credential Manager"
            )
            user = f"self-test-{os.getpid()}"
            keyring.set_password(KEYRING_SERVICE, user, "rahasia")
            try:
                got = keyring.get_password(KEYRING_SERVICE, user)
            finally:
                keyring.delete_password(KEYRING_SERVICE, user)
            assert got == "rahasia", "the keyring returned another secret than it was given"
            assert keyring.get_password(KEYRING_SERVICE, user) is None, "the entry stayed"
            return f"{name}: write, read and delete work"
        if isinstance(backend, keyring.backends.fail.Keyring):
            return (f"skipped: no OS keyring on this machine ({name}); BSrE's client secret "
                    "cannot be kept here")  # fmt: skip
        return f"{name} (not written to off Windows)"

    def translations(self) -> str:
        from desktop.resources import resource_path
        from desktop.ui.qt import QTranslator

        catalogues = sorted(resource_path("i18n").glob("*.qm"))
        if not catalogues:
            return "skipped: no resources/i18n/*.qm in this build"
        for path in catalogues:
            translator = QTranslator()
            assert translator.load(str(path)), f"{path.name} does not load"
            assert not translator.isEmpty(), f"{path.name} is empty"
        return ", ".join(p.name for p in catalogues)

    def main_window(self) -> str:
        from desktop.ui import ops
        from desktop.ui.app import show_main_window
        from desktop.ui.qt import QApplication

        store, user = self.store, self.user
        assert store is not None and user is not None, "no store (the store check failed)"
        window = show_main_window(store, user)
        try:
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline:
                QApplication.processEvents()
                time.sleep(0.02)
            assert window.isVisible(), "the main window is not visible"
            title = window.windowTitle()
        finally:
            sync = getattr(window, "sync", None)
            if sync is not None:
                sync.stop()
            window.close()
            ops.wait_idle()
            QApplication.processEvents()
            window.deleteLater()
            QApplication.processEvents()
        return f"opened and closed ({title})"

    # --- all ---------------------------------------------------------------------------------

    def run(self) -> int:
        import warnings

        from desktop.ui.app import make_app
        from desktop.ui.qt import QtMsgType, qInstallMessageHandler

        root = logging.getLogger()
        root.addHandler(self.collector)
        logging.captureWarnings(True)
        warnings.simplefilter("default")

        def on_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
            if kind == QtMsgType.QtDebugMsg or kind == QtMsgType.QtInfoMsg:
                return
            if any(text in message for text in HARMLESS_QT):
                return
            self.collector.lines.append(f"Qt {kind.name}: {message}")

        previous = qInstallMessageHandler(on_qt_message)
        try:
            make_app(["naskah", "--self-test"])
            self.say(f"Naskah self-test on a temporary store in {self.tmp}")
            for name, func in self.checks:
                self.check(name, func)
        finally:
            if self.store is not None:
                self.store.close()
            qInstallMessageHandler(previous)
            root.removeHandler(self.collector)
            logging.captureWarnings(False)
            shutil.rmtree(self.tmp, ignore_errors=True)
        if self.collector.lines:
            self.failed += 1
            self.say(f"[FAIL] log: {len(self.collector.lines)} unexpected line(s) at warning "
                     "level or above:")  # fmt: skip
            for line in self.collector.lines[:20]:
                self.say(f"    {line}")
        else:
            self.say("[ok] log: no warning or error")
        self.say("SELF-TEST: " + ("PASS" if not self.failed else f"FAIL ({self.failed})"))
        return 0 if not self.failed else 1


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check; 0 when all passed. Qt runs offscreen whatever the environment says."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if sys.platform == "win32":
        # Offscreen Qt on Windows has no system font database: it reads fonts from a folder,
        # by default one Qt does not ship (and warns). Point it at the letter fonts we ship.
        from desktop.resources import resource_path

        os.environ.setdefault("QT_QPA_FONTDIR", str(resource_path("fonts")))
    stream = out or sys.stdout or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return SelfTest(stream).run()
