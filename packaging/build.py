"""Build the frozen Naskah app with PyInstaller and smoke-test the result.

    python packaging/build.py               build dist/Naskah, check its contents, smoke-test it
    python packaging/build.py --smoke-only  only check and smoke-test an existing dist/Naskah
    python packaging/build.py --installer   ... and make dist/Naskah-<version>-setup.exe (NSIS)

Run it with the project's venv Python (the one that has ``pip install -e .``); PyInstaller is
installed into that venv when missing. Works the same on Linux (the dev machine, CI) and Windows
(the real target); only the executable names differ.

The smoke test is in the spirit of qutebrowser's build_release: start the frozen programs the
way an office would, and fail on a traceback or an early exit, not only on a bad exit status.
  1. ``naskah-cli --help``
  2. ``naskah-cli --data-dir D setup --profile office.toml`` (packaging/office.example.toml with a
     generated logo; NASKAH_ADMIN_PASSWORD set), ``audit verify``, ``backup``, and a second setup
     that must refuse
  3. ``naskah-cli setup --sample-data`` on another data dir: drafts, signs and renders letters to
     PDF inside the bundle (fonts, Qt platform plugin, PDF writer); ``naskah-cli verify`` of a
     signed PDF; ``naskah-cli --self-test`` (desktop/ui/self_test.py)
  4. the GUI on the set-up data dir and on an empty one, with QT_QPA_PLATFORM=offscreen: it must
     still run after a few seconds; it is then terminated; stderr and its log files must hold no
     traceback. (Skipped, loudly, while desktop/ui/app.py is not in the bundle yet.)
Everything runs in a temporary folder; on Linux the XDG folders point there too, so the smoke
test never touches the user's real Naskah data.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))  # freezing.py, also under Wine (see there)
from freezing import app_version, run_pyinstaller, say

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "naskah.spec"
EXAMPLE_PROFILE = ROOT / "packaging" / "office.example.toml"
APP_NAME = "Naskah"  # the COLLECT folder and the GUI executable
CLI_NAME = "naskah-cli"

# Verified with 6.22 on Python 3.11 + PySide6 6.12; PyInstaller 7 may change the spec API.
PYINSTALLER_REQ = "pyinstaller>=6.22,<7"
PYINSTALLER_MIN, PYINSTALLER_MAX = (6, 22), (7, 0)

IS_WIN = sys.platform == "win32"
EXE = ".exe" if IS_WIN else ""

SMOKE_PASSWORD = "smoke-test-123"
# The smallest valid PNG, for the profile's logo.
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944"
    "4154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)

# Signs of a crash in a frozen program's output or logs.
CRASH = re.compile(
    r"Traceback \(most recent call last\)|\[PYI-\d+:ERROR\]|Fatal Python error|"
    r"Segmentation fault|ModuleNotFoundError|ImportError|qt\.qpa\.plugin: Could not",
)

# Files the bundle must hold (relative to the contents folder) and folders it must not.
REQUIRED_FILES = (
    "resources/fonts/LiberationSans-Regular.ttf",
    "resources/fonts/LiberationSans-Bold.ttf",
    "resources/templates/letter_types.toml",
    "resources/classification/klasifikasi-permendagri-83-2022.csv",
    "resources/retention/jra-pemda-83-2022.csv",
    "desktop/store/migrations/env.py",
    "desktop/store/migrations/script.py.mako",
    "docx/templates/default.docx",  # python-docx's Document() starts from it
)
FORBIDDEN_TOP = ("fastapi", "starlette", "uvicorn", "psycopg", "psycopg2", "psycopg_binary",
                 "tkinter", "_tkinter", "PyInstaller", "pytest")  # fmt: skip
# Modules that must be in the frozen archive (found at run time only, so easy to lose) and
# prefixes that must not.
REQUIRED_MODULES = (
    "desktop.__main__",
    "desktop.store.migrate",
    "desktop.store.models",
    "alembic.op",
    "alembic.context",
    "alembic.ddl.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlmodel.sql.sqltypes",
    "keyring.backends.Windows",
    "keyring.backends.fail",
    "pycparser",  # cffi's cdef() at run time (pywin32-ctypes' cffi backend, for keyring)
    "platformdirs.windows" if IS_WIN else "platformdirs.unix",
    "filelock",
    "openpyxl.reader.excel",  # .xlsx agenda books (read-only mode)
    "xlsxwriter.workbook",  # the agenda book's .xlsx export (desktop/render/agenda.py)
    "zeroconf",  # "Cari server kantor": the office hub found over mDNS (sync/client/discover.py)
    "et_xmlfile",
    "xlrd",  # old .xls agenda books (imported when one is read)
    "docx",  # python-docx: the SRIKANDI hand-off
)
# xlwt and msoffcrypto-tool write the import tests' books (an .xls, a locked .xlsx): test-only.
FORBIDDEN_MODULES = ("sync.server", "sync.hub", "fastapi", "starlette", "uvicorn", "psycopg",
                     "psycopg2", "tkinter", "pytest", "PyInstaller", "xlwt",
                     "msoffcrypto")  # fmt: skip
# PyInstaller's run-time hooks that naskah-cli runs after parsing its command line (the spec's
# DEFERRED_RTHOOKS folder; naskah_cli_entry.py).
DEFERRED_RTHOOKS = "pyi_deferred_rthooks"
PROBE_NAME = "naskah-probe"  # the smoke test's unshipped probe (bundle_probe_entry.py)
BUNDLE_CHECKS = ROOT / "packaging" / "bundle_checks.py"
SMOKE_FIXTURES = ROOT / "packaging" / "smoke"


# --- building ---------------------------------------------------------------------------------


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:2])


def ensure_pyinstaller() -> None:
    """Install PyInstaller into this interpreter's environment unless a suitable one is there."""
    try:
        import PyInstaller

        have = _version_tuple(PyInstaller.__version__)
    except ImportError:
        have = None
    if have is not None and PYINSTALLER_MIN <= have < PYINSTALLER_MAX:
        return
    if sys.prefix == sys.base_prefix:
        say("warning: not running in a virtual environment; PyInstaller goes into this Python")
    say(f"installing {PYINSTALLER_REQ} (found {have or 'none'})")
    subprocess.run([sys.executable, "-m", "pip", "install", PYINSTALLER_REQ], check=True)


def check_dependencies() -> None:
    import importlib.util

    missing = [
        m for m in ("desktop", "PySide6", "sqlmodel", "alembic", "platformdirs", "keyring",
                    "filelock", "requests")
        if importlib.util.find_spec(m) is None
    ]  # fmt: skip
    if missing:
        raise SystemExit(
            f"missing in this Python: {', '.join(missing)}. Activate the project's venv and run "
            "`pip install -e .` first."
        )


def build(dist: Path, work: Path) -> None:
    ensure_pyinstaller()
    check_dependencies()
    run_pyinstaller(SPEC, dist, work)


# --- checking the bundle ----------------------------------------------------------------------


@dataclass
class Bundle:
    folder: Path

    @property
    def gui(self) -> Path:
        return self.folder / f"{APP_NAME}{EXE}"

    @property
    def cli(self) -> Path:
        return self.folder / f"{CLI_NAME}{EXE}"

    @property
    def contents(self) -> Path:
        # PyInstaller >= 6 puts everything but the executables in _internal/.
        internal = self.folder / "_internal"
        return internal if internal.is_dir() else self.folder

    def files(self, under: Path | None = None) -> list[Path]:
        # Symlinks (PyInstaller makes them for Qt libraries on Linux) would count twice.
        root = under or self.folder
        if root.is_file():
            return [root]
        return [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.files())

    def biggest(self, n: int = 6) -> list[tuple[int, str]]:
        sizes = []
        for child in self.contents.iterdir():
            if not child.is_symlink():
                sizes.append((sum(p.stat().st_size for p in self.files(child)), child.name))
        return sorted(sizes, reverse=True)[:n]

    def modules(self) -> set[str] | None:
        """Frozen module names: the .pyc files in the contents folder (the spec collects every
        module as a file there, shared by both executables) and whatever the executable's own
        archive holds; None if that archive cannot be read."""
        try:
            from PyInstaller.archive.readers import pkg_archive_contents
        except ImportError:
            return None
        try:
            names = set(pkg_archive_contents(str(self.cli), recursive=True))
        except Exception as exc:  # an internal API: a change there must not block a release
            say(f"note: cannot list the frozen archive ({exc}); module checks skipped")
            return None
        for pyc in self.contents.rglob("*.pyc"):
            rel = pyc.relative_to(self.contents).with_suffix("")
            if "__pycache__" not in rel.parts:
                names.add(".".join(rel.parts).removesuffix(".__init__"))
        return names


def app_modules() -> tuple[str, ...]:
    """The app's own modules in the source tree (all must be frozen), server side excluded."""
    names = []
    for package in ("desktop", "sync"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            if not all((ROOT / Path(*rel.parts[:i]) / "__init__.py").is_file()
                       for i in range(1, len(rel.parts))):  # fmt: skip
                continue  # not importable as a module: Alembic's migration scripts
            name = ".".join(rel.parts).removesuffix(".__init__")
            if server_side(name):
                continue
            names.append(name)
    return tuple(names)


def server_side(name: str) -> bool:
    """The central server's and the office hub's modules: never in the clerk's app."""
    return any(name == top or name.startswith(top + ".") for top in ("sync.server", "sync.hub"))


def excluded_but_imported(work: Path) -> list[str]:
    """Modules the spec excludes that the app's own code imports (they would fail at run time).

    Read from PyInstaller's warnings file of the last build in ``work``; empty if there is none.
    """
    warn = work / "naskah" / "warn-naskah.txt"
    if not warn.is_file():
        return []
    found = []
    for line in warn.read_text("utf-8", "replace").splitlines():
        m = re.match(r"excluded module named (\S+) - imported by (.*)$", line)
        if not m:
            continue
        importers = [re.sub(r" \(.*\)$", "", part.strip()) for part in m.group(2).split(", ")]
        ours = [
            i for i in importers
            if i.split(".")[0] in ("desktop", "sync")
            and not server_side(i)
        ]  # fmt: skip
        if ours:
            found.append(f"{m.group(1)} (imported by {', '.join(ours)})")
    return found


def _migration_files(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.suffix in (".py", ".mako") and "__pycache__" not in p.parts
    }


def check_bundle(bundle: Bundle) -> list[str]:
    """Return problems with the bundle's layout and contents (empty = fine)."""
    problems = []
    for exe in (bundle.gui, bundle.cli):
        if not exe.is_file():
            problems.append(f"missing executable {exe}")
    for rel in REQUIRED_FILES:
        if not (bundle.contents / rel).is_file():
            problems.append(f"missing data file {rel}")
    frozen_migrations = _migration_files(bundle.contents / "desktop/store/migrations")
    if not any(name.startswith("versions/") for name in frozen_migrations):
        problems.append("no migration scripts in desktop/store/migrations/versions")
    source_migrations = _migration_files(ROOT / "desktop/store/migrations")
    if source_migrations and frozen_migrations != source_migrations:
        problems.append(
            "migrations differ from the source tree: missing "
            f"{sorted(source_migrations - frozen_migrations)}, extra "
            f"{sorted(frozen_migrations - source_migrations)}"
        )
    for name in FORBIDDEN_TOP:
        if (bundle.contents / name).exists():
            problems.append(f"{name}/ must not be in the desktop bundle")
    # QtPdf (the scan viewer) links only Qt6Network beside the Qt the app uses anyway. Qt Quick
    # and QML came with the on-screen keyboard plugin of PySide6-Addons; the spec drops them.
    qt_libs = [p.name for p in bundle.contents.rglob("*") if re.search(
        r"Qt6?(WebEngine|3D|Multimedia|Charts|PdfWidgets|VirtualKeyboard|Quick|Qml)",
        p.name)]  # fmt: skip
    if qt_libs:
        problems.append(f"unused Qt modules bundled: {sorted(qt_libs)[:5]}")
    deferred = bundle.contents / DEFERRED_RTHOOKS
    hooks = sorted(p.name for p in deferred.glob("*.py")) if deferred.is_dir() else []
    if not any(name.endswith("_pyi_rth_pyside6.py") for name in hooks):
        # naskah-cli would start Qt without PyInstaller's PySide6 set-up (plugins, qt.conf).
        problems.append(f"no PySide6 run-time hook in {DEFERRED_RTHOOKS}/ (found {hooks})")
    modules = bundle.modules()
    if modules is not None:
        for name in REQUIRED_MODULES + app_modules():
            if name not in modules:
                problems.append(f"module {name} is not in the frozen archive")
        if "requests" in modules and not (bundle.contents / "certifi" / "cacert.pem").is_file():
            # Without it every HTTPS request (sync) fails certificate verification.
            problems.append("requests is bundled but certifi/cacert.pem is not")
        for name in FORBIDDEN_MODULES:
            leaked = [m for m in modules if m == name or m.startswith(name + ".")]
            if leaked:
                problems.append(f"module {leaked[0]} must not be in the desktop bundle")
    return problems


# --- smoke test -------------------------------------------------------------------------------


@dataclass
class Smoke:
    bundle: Bundle
    tmp: Path
    gui_seconds: float
    gui_timeout: float
    probe: Path  # naskah-probe as the spec left it in the work folder
    results: list[tuple[str, str, str]] = field(default_factory=list)  # (status, step, detail)

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        for key in ("NASKAH_DATA_DIR", "NASKAH_ADMIN_PASSWORD", "PYTHONPATH", "PYTHONHOME"):
            env.pop(key, None)
        if not IS_WIN:
            # Keep platformdirs (logs, default data dir) inside the smoke folder.
            for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
                env[var] = str(self.tmp / "xdg" / var.lower())
        env.update(extra)
        return env

    def record(self, status: str, step: str, detail: str = "") -> bool:
        self.results.append((status, step, detail))
        return self.say_status(status, step, detail)

    @staticmethod
    def say_status(status: str, step: str, detail: str = "") -> bool:
        say(f"[{status}] {step}" + (f": {detail}" if detail else ""))
        return status != "FAIL"

    def cli(self, step: str, args: Sequence[str], *, rc: int = 0, expect: str = "",
            env: dict[str, str] | None = None, timeout: float = 180) -> bool:  # fmt: skip
        cmd = [str(self.bundle.cli), *args]
        started = time.monotonic()
        try:
            proc = subprocess.run(cmd, cwd=self.tmp, env=env or self.env(), capture_output=True,
                                  stdin=subprocess.DEVNULL, timeout=timeout)  # fmt: skip
        except subprocess.TimeoutExpired:
            return self.record("FAIL", step, f"no answer within {timeout:.0f} s")
        out = proc.stdout.decode("utf-8", "replace")
        err = proc.stderr.decode("utf-8", "replace")
        took = f"{time.monotonic() - started:.1f} s"
        if CRASH.search(out + err):
            return self.record("FAIL", step, f"crash ({took})\n{_indent(out + err)}")
        if proc.returncode != rc:
            return self.record(
                "FAIL", step, f"exit status {proc.returncode}, expected {rc}\n{_indent(out + err)}"
            )
        if expect and expect not in out + err:
            return self.record("FAIL", step, f"{expect!r} not in the output\n{_indent(out + err)}")
        first = (out.strip() or err.strip()).splitlines()[:1]
        return self.record("ok", step, f"{took}; {first[0] if first else ''}")

    def gui(self, step: str, exe: Path, data_dir: Path) -> bool:
        """Start the GUI, wait until it is up, let it run, terminate it.

        "Up" is seen from outside, without help from the app: its log file exists (the crash
        handler is installed, so Qt and the UI modules loaded) and SQLite's WAL file exists (the
        store is open and migrated: the next thing is the first dialog). Then it must survive
        ``gui_seconds`` more. Fails on an exit before that, on not coming up within
        ``gui_timeout``, and on a traceback in its output or its log files.
        """
        out_path = self.tmp / f"{step.replace(' ', '_')}.out"
        err_path = self.tmp / f"{step.replace(' ', '_')}.err"
        env = self.env(QT_QPA_PLATFORM="offscreen")
        signs = (data_dir / "logs" / "naskah.log", data_dir / "naskah.sqlite3-wal")
        started = time.monotonic()
        up_after: float | None = None
        with out_path.open("wb") as out, err_path.open("wb") as err:
            proc = subprocess.Popen([str(exe), "--data-dir", str(data_dir)], cwd=self.tmp, env=env,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=err)  # fmt: skip
            while proc.poll() is None:
                now = time.monotonic() - started
                if up_after is None and all(p.exists() for p in signs):
                    up_after = now
                if up_after is not None and now >= up_after + self.gui_seconds:
                    break
                if up_after is None and now >= self.gui_timeout:
                    break
                if CRASH.search(_log_texts(data_dir)):
                    break  # the crash dialog would keep it running: no need to wait
                time.sleep(0.2)
            exited = proc.poll()
            if exited is None:
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        text = err_path.read_text("utf-8", "replace") + out_path.read_text("utf-8", "replace")
        logs = _log_texts(data_dir, self.tmp / "xdg")
        details = _indent(text + logs)
        if exited is not None:
            return self.record("FAIL", step, f"exited with status {exited} after "
                               f"{time.monotonic() - started:.1f} s\n{details}")  # fmt: skip
        if CRASH.search(text) or CRASH.search(logs):
            return self.record("FAIL", step, f"traceback while running\n{details}")
        if up_after is None:
            missing = ", ".join(p.name for p in signs if not p.exists())
            return self.record("FAIL", step, f"not up after {self.gui_timeout:.0f} s (no "
                               f"{missing})\n{details}")  # fmt: skip
        noise = [line for line in text.splitlines() if line.strip()]
        note = f"; stderr: {len(noise)} line(s), first: {noise[0][:100]}" if noise else ""
        return self.record(
            "ok", step, f"up after {up_after:.1f} s, ran {self.gui_seconds:.0f} s more, "
            f"terminated{note}",
        )  # fmt: skip

    def verify_signed_pdf(self) -> bool:
        """A letter signed by the source tree, checked by the frozen ``verify`` (pyHanko and
        asn1crypto in the bundle): intact, signer named, issuer unknown on a fresh PC (exit 1)."""
        signed = self.tmp / "surat-bertanda-tangan.pdf"
        made = subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "signed_sample.py"), str(signed)],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        if made.returncode != 0:
            return self.record("FAIL", "cli verify", "could not make the signed sample:\n"
                               + _indent(made.stderr))  # fmt: skip
        empty = self.tmp / "verify-data"
        return self.cli("cli verify (signed PDF)", ["--data-dir", str(empty), "verify",
                        str(signed)], rc=1, expect="Keutuhan: utuh")  # fmt: skip

    def bundle_checks(self) -> bool:
        """packaging/bundle_checks.py inside the bundle, through naskah-probe (Excel and Word
        files, QtPdf, pyHanko's deferred imports): what no command reaches on its own.

        The probe is copied into the bundle's folder for the run (a onedir program finds
        ``_internal`` beside itself) and always removed again: it is never shipped."""
        step = "bundle checks (xlsx, xls, docx, QtPdf, pyHanko)"
        if not self.probe.is_file():
            return self.record("FAIL", step, f"no {self.probe} (build the bundle first)")
        signed = self.tmp / "surat-bertanda-tangan.pdf"  # made by verify_signed_pdf
        out = self.tmp / "bundle-checks"
        out.mkdir(exist_ok=True)
        inside = self.bundle.folder / self.probe.name
        shutil.copy2(self.probe, inside)
        try:
            cmd = [str(inside), str(BUNDLE_CHECKS), str(SMOKE_FIXTURES), str(signed), str(out)]
            started = time.monotonic()
            try:
                proc = subprocess.run(cmd, cwd=self.tmp, env=self.env(QT_QPA_PLATFORM="offscreen"),
                                      capture_output=True, stdin=subprocess.DEVNULL,
                                      timeout=300)  # fmt: skip
            except subprocess.TimeoutExpired:
                return self.record("FAIL", step, "no answer within 300 s")
        finally:
            inside.unlink(missing_ok=True)
        text = (proc.stdout + proc.stderr).decode("utf-8", "replace")
        took = f"{time.monotonic() - started:.1f} s"
        for line in text.splitlines():
            if line.startswith("[ok]") or line.startswith("[FAIL]"):
                say("    " + line)
        if proc.returncode != 0 or "BUNDLE CHECKS: PASS" not in text or CRASH.search(text):
            return self.record("FAIL", step, f"exit status {proc.returncode} ({took})\n"
                               + _indent(text))  # fmt: skip
        return self.record("ok", step, took)

    def run(self) -> bool:
        profile_dir = self.tmp / "profile"
        profile_dir.mkdir()
        profile = profile_dir / "office.toml"
        shutil.copyfile(EXAMPLE_PROFILE, profile)
        (profile_dir / "logo-kabupaten.png").write_bytes(PNG_1PX)
        office = self.tmp / "office-data"
        sample = self.tmp / "sample-data"
        with_password = self.env(NASKAH_ADMIN_PASSWORD=SMOKE_PASSWORD)
        dd = ["--data-dir", str(office)]

        ok = self.cli("cli --help", ["--help"], expect="setup")
        ok &= self.cli("cli setup --profile", [*dd, "setup", "--profile", str(profile)],
                       expect="Wamena", env=with_password)  # fmt: skip
        ok &= self.cli("cli audit verify", [*dd, "audit", "verify"], expect="utuh")
        ok &= self.cli("cli backup", [*dd, "backup"], expect="backups")
        ok &= self.cli("cli setup again refuses", [*dd, "setup", "--profile", str(profile)],
                       rc=1, env=with_password)  # fmt: skip
        ok &= self.cli("cli setup --sample-data (renders PDFs)",
                       ["--data-dir", str(sample), "setup", "--sample-data", "--profile",
                        str(profile)], expect="Wamena", env=with_password)  # fmt: skip
        ok &= self.cli("cli audit verify (sample data)",
                       ["--data-dir", str(sample), "audit", "verify"], expect="utuh")  # fmt: skip
        ok &= self.verify_signed_pdf()
        ok &= self.bundle_checks()
        # The installation check an IT officer runs: a temporary store, letters signed by hand
        # and electronically, fonts, keyring, translations, the main window, a clean log.
        ok &= self.cli("cli --self-test", ["--self-test"], expect="SELF-TEST: PASS", timeout=300)

        modules = self.bundle.modules()
        has_gui = (
            "desktop.ui.app" in modules if modules is not None
            else (ROOT / "desktop" / "ui" / "app.py").is_file()
        )  # fmt: skip
        if not has_gui:
            self.record("SKIP", "gui", "desktop.ui.app is not in the bundle (not written yet?)")
        elif not office.joinpath("naskah.sqlite3").is_file():
            self.record("FAIL", "gui", "no set-up data dir to start on (setup failed)")
            ok = False
        else:
            # Each run gets its own copy of the cleanly closed office: a terminated GUI leaves
            # its WAL file behind, which would look like the next one being up at once.
            runs = [("gui on a set-up office", self.bundle.gui, True),
                    ("gui first run", self.bundle.gui, False)]  # fmt: skip
            if IS_WIN:
                # The windowed exe has no stderr (and shows a crash in a message box): run the
                # same code through the console exe to see a traceback if there is one.
                runs.append(("gui via console exe", self.bundle.cli, True))
            for i, (step, exe, set_up) in enumerate(runs):
                data = self.tmp / f"gui-{i}-data"
                if set_up:
                    shutil.copytree(office, data)
                ok &= self.gui(step, exe, data)
        return ok


def _indent(text: str, limit: int = 4000) -> str:
    text = text.strip()
    if len(text) > limit:
        text = "...\n" + text[-limit:]
    return "\n".join("    " + line for line in text.splitlines())


def _log_texts(*folders: Path) -> str:
    parts = []
    for folder in folders:
        if folder.is_dir():
            for log in sorted(folder.rglob("*.log")):
                parts.append(f"--- {log.name}\n" + log.read_text("utf-8", "replace"))
    return "\n".join(parts)


def smoke(bundle: Bundle, work: Path, gui_seconds: float, gui_timeout: float, keep: bool) -> bool:
    tmp = Path(tempfile.mkdtemp(prefix="naskah-smoke-"))
    say(f"smoke test in {tmp}")
    probe = work / "naskah" / f"{PROBE_NAME}{EXE}"
    test = Smoke(bundle, tmp, gui_seconds, gui_timeout, probe)
    ok = test.run()
    counts = {s: sum(1 for r in test.results if r[0] == s) for s in ("ok", "FAIL", "SKIP")}
    say(f"smoke: {counts['ok']} ok, {counts['FAIL']} failed, {counts['SKIP']} skipped")
    if ok and not keep:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        say(f"smoke files kept in {tmp}")
    return ok


# --- installer --------------------------------------------------------------------------------

NSIS_SCRIPT = ROOT / "packaging" / "installer.nsi"


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found or not IS_WIN:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def installer(bundle: Bundle) -> bool:
    """Make dist/Naskah-<version>-setup.exe with NSIS (Windows), or compile-check the script.

    Off Windows there is no Windows payload, so the script is compiled against a stub folder
    with the same layout: that catches NSIS errors and warnings (-WX), not runtime behaviour.
    """
    makensis = find_makensis()
    if makensis is None:
        return Smoke.say_status("FAIL" if IS_WIN else "SKIP", "installer", "makensis not found")
    flag = "/" if IS_WIN else "-"
    version = app_version()
    if IS_WIN:
        dist, out = bundle.folder, bundle.folder.parent
        what = f"{out / f'Naskah-{version}-setup.exe'}"
    else:
        stub = Path(tempfile.mkdtemp(prefix="naskah-nsis-"))
        dist, out = stub / APP_NAME, stub
        (dist / "_internal").mkdir(parents=True)
        for name in (f"{APP_NAME}.exe", f"{CLI_NAME}.exe", "_internal/stub.txt"):
            (dist / name).write_bytes(b"stub")
        what = "script compiles (stub payload; a real installer needs the Windows build)"
    cmd = [makensis, f"{flag}WX", f"{flag}V2", f"{flag}DVERSION={version}", f"{flag}DDIST={dist}",
           f"{flag}DOUTDIR={out}", str(NSIS_SCRIPT)]  # fmt: skip
    say("$ " + " ".join(cmd))
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    if not IS_WIN:
        shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        return Smoke.say_status("FAIL", "installer", _indent(proc.stdout + proc.stderr))
    return Smoke.say_status("ok", "installer", what)


# --- main -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build and smoke-test the frozen Naskah app.")
    p.add_argument("--smoke-only", action="store_true", help="do not build; test dist/Naskah")
    p.add_argument("--no-smoke", action="store_true", help="build and check, but do not run it")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="PyInstaller --distpath")
    p.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller --workpath")
    p.add_argument(
        "--gui-seconds", type=float, default=3.0, help="how long the GUI must live once up"
    )
    p.add_argument(
        "--gui-timeout", type=float, default=120.0, help="how long the GUI may take to come up"
    )
    p.add_argument("--keep", action="store_true", help="keep the smoke test's temp folder")
    p.add_argument(
        "--installer",
        action="store_true",
        help="also run makensis: the setup.exe on Windows, a compile check elsewhere",
    )
    args = p.parse_args(argv)

    if not args.smoke_only:
        build(args.dist.resolve(), args.work.resolve())
    bundle = Bundle(args.dist.resolve() / APP_NAME)
    if not bundle.folder.is_dir():
        say(f"no bundle at {bundle.folder}; build it first")
        return 1

    problems = check_bundle(bundle)
    problems += [
        f"excluded in naskah.spec but imported by the app: {m}"
        for m in excluded_but_imported(args.work.resolve())
    ]
    size = bundle.size()
    say(f"bundle {bundle.folder}: {size / 2**20:.1f} MiB in "
        f"{len(bundle.files())} files")  # fmt: skip
    for nbytes, name in bundle.biggest():
        say(f"    {nbytes / 2**20:7.1f} MiB  {name}")
    for problem in problems:
        say(f"[FAIL] bundle: {problem}")
    if not problems:
        say("[ok] bundle contents")

    ok = not problems
    if not args.no_smoke:
        ok &= smoke(bundle, args.work.resolve(), args.gui_seconds, args.gui_timeout, args.keep)
    if args.installer:
        ok &= installer(bundle)
    say("RESULT: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
