"""The office hub's Windows release, built and proven under Wine (steps 8 of packaging/windows.py).

8a. hub wheels: the server's dependencies (FastAPI, uvicorn; not psycopg: a hub keeps SQLite)
    as win_amd64 wheels, added to the Windows Python beside the app's (the clerk's spec
    excludes them; its bundle check still proves they stay out of dist/Naskah)
8b. hub build: ``packaging/build_hub.py`` under Wine: dist/NaskahHub (naskah-hub.exe,
    naskah-hub-cli.exe, _internal), its check (server code in, no Qt, no desktop app) and
    smoke test
8c. hub installer: NaskahHub-<version>-setup.exe (packaging/hub_installer.nsi)
8d. hub story: the real central server on Linux (127.0.0.1, the project's .venv); the hub
    installed silently (its Run entry written); ``naskah-hub-cli enroll`` under Wine against
    central; ``naskah-server hub allow``; ``naskah-hub.exe run`` (windowless) under Wine, its
    ``/api/v1/hello`` answered to Linux over its address; a second ``run`` says it is already
    running; ``status``; ``autostart off``/``on`` read back with ``wine reg query``; ``stop``;
    started again, then the silent uninstall stops it, removes the program and the Run entry,
    and keeps %LOCALAPPDATA%\\Naskah Hub.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import requests

if TYPE_CHECKING:
    from windows import Release

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
RUN_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Naskah Hub"
OFFICE = "KEC-WIN"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HubRelease:
    def __init__(self, release: Release) -> None:
        self.r = release
        self.dist = release.dist
        self.installed = release.local_appdata / "Programs" / "NaskahHub"
        self.data = release.local_appdata / "Naskah Hub"

    # --- 8a. wheels --------------------------------------------------------------------------

    def requirements(self) -> list[str]:
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        server = project["project"]["optional-dependencies"]["server"]
        return [r for r in server if not r.lower().startswith("psycopg")]

    def wheels(self) -> str:
        from windows import EMBED_PYTHON, PY_TAG, Failed, windows_only_requirements

        reqs = self.requirements()
        constraints = self.r.constraints()
        want = hashlib.sha256(("\n".join(reqs) + constraints).encode()).hexdigest()
        stamp = self.r.site / ".naskah-hub-wheels"
        if stamp.is_file() and stamp.read_text() == want:
            return "kept (same requirements and pins)"
        if not self.r.site.is_dir():
            raise Failed(f"no {self.r.site}: run the app's wheels step (2) first")
        staging = self.r.work / "hub-wheels"
        shutil.rmtree(staging, ignore_errors=True)
        cfile = self.r.work / "constraints.txt"
        cfile.write_text(constraints, encoding="utf-8")
        batch = reqs
        added: list[str] = []
        for _ in range(5):
            subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 "--target", str(staging), "--platform", "win_amd64", "--python-version",
                 EMBED_PYTHON, "--implementation", "cp", "--abi", PY_TAG, "--only-binary=:all:",
                 "-c", str(cfile), *batch],
                check=True,
            )  # fmt: skip
            # What the app's wheels already hold stays theirs (same pins): only the new ones.
            for child in sorted(staging.iterdir()):
                if child.name != "bin" and not (self.r.site / child.name).exists():
                    shutil.move(str(child), self.r.site / child.name)
                    if child.name.endswith(".dist-info"):
                        added.append(child.name.removesuffix(".dist-info"))
            shutil.rmtree(staging, ignore_errors=True)
            batch = windows_only_requirements(self.r.site)
            if not batch:
                break
        stamp.write_text(want)
        return f"added {', '.join(added) or 'nothing'}"

    # --- 8b. build -----------------------------------------------------------------------------

    def build(self) -> str:
        from windows import NATIVE, Failed, folder_size, mib, winpath

        python = sys.executable if NATIVE else winpath(self.r.python / "python.exe")
        proc = self.r.run_wine(
            [python, winpath(PACKAGING / "build_hub.py"), "--dist", winpath(self.dist),
             "--work", winpath(self.r.work / "pyinstaller-hub")],
            capture=False, check=False, timeout=3600,
        )  # fmt: skip
        if proc.returncode != 0:
            raise Failed(f"build_hub.py under Wine: exit status {proc.returncode} (output above)")
        bundle = self.dist / "NaskahHub"
        if not NATIVE:
            unmet = self.r.unmet_imports(
                [p for p in bundle.rglob("*") if p.suffix.lower() in (".dll", ".pyd", ".exe")]
            )
            if unmet:
                raise Failed(f"the hub bundle imports DLLs it does not carry: {unmet[:8]}")
        size, count = folder_size(bundle)
        self.r.figures.append(f"hub bundle dist/NaskahHub: {mib(size)} in {count} files (no Qt)")
        return f"{mib(size)} in {count} files"

    # --- 8c. installer -------------------------------------------------------------------------

    @property
    def setup_exe(self) -> Path:
        return self.dist / f"NaskahHub-{self.r.version()}-setup.exe"

    def installer(self) -> str:
        from windows import makensis, mib

        makensis(PACKAGING / "hub_installer.nsi", self.dist / "NaskahHub", self.dist,
                 self.r.version())  # fmt: skip
        size = self.setup_exe.stat().st_size
        self.r.figures.append(f"hub installer {self.setup_exe.name}: {mib(size)}")
        return f"{self.setup_exe.name}, {mib(size)}"

    # --- 8d. the story -------------------------------------------------------------------------

    def hub_cli(self, *args: str, rc: int = 0, expect: str = "") -> str:
        from windows import Failed

        proc = self.r.run_wine([self._win(self.installed / "naskah-hub-cli.exe"), *args],
                               check=False, timeout=600)  # fmt: skip
        out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
        if proc.returncode != rc or (expect and expect not in out):
            raise Failed(f"naskah-hub-cli {' '.join(args)}: exit {proc.returncode} (expected "
                         f"{rc}), {expect!r} wanted\n{out[-3000:]}")  # fmt: skip
        for line in out.strip().splitlines():
            print("    " + line, flush=True)
        return out

    def run_value(self) -> str:
        """The Run entry as ``reg query`` reads it ('' when there is none)."""
        proc = self.r.run_wine(["reg", "query", RUN_KEY, "/v", RUN_VALUE], check=False,
                               timeout=120)  # fmt: skip
        out = proc.stdout.decode("utf-8", "replace")
        return out if proc.returncode == 0 and RUN_VALUE in out else ""

    def start_hub(self, port: int) -> subprocess.Popen[bytes]:
        from windows import Failed

        cmd = [self._win(self.installed / "naskah-hub.exe"), "run"]
        hub = subprocess.Popen([self.r.wine, *cmd], env=self.r.wine_env(), cwd=self.r.work,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 300
        while True:
            try:
                if requests.get(f"http://127.0.0.1:{port}/api/v1/hello", timeout=10).ok:
                    return hub
            except requests.ConnectionError:
                pass
            if hub.poll() is not None or time.monotonic() > deadline:
                log = self.data / "logs" / "hub.log"
                tail = log.read_text("utf-8", "replace")[-3000:] if log.is_file() else "(no log)"
                raise Failed(f"naskah-hub.exe run did not answer on port {port}\n{tail}")
            time.sleep(0.5)

    def wait_exit(self, hub: subprocess.Popen[bytes], what: str) -> None:
        from windows import Failed

        try:
            hub.wait(120)
        except subprocess.TimeoutExpired as exc:
            hub.kill()
            raise Failed(f"the hub still runs after {what}") from exc

    def story(self) -> str:
        from windows import NATIVE, Failed

        if NATIVE:
            raise Failed("the hub story runs under Wine only (it starts central on Linux)")
        timings: list[str] = []
        central_dir = self.r.work / "hub-central"
        shutil.rmtree(central_dir, ignore_errors=True)
        central_dir.mkdir(parents=True)
        server = str(Path(sys.executable).with_name("naskah-server"))
        db, blobs = str(central_dir / "central.db"), str(central_dir / "blobs")

        def central(*args: str) -> str:
            done = subprocess.run([server, *args], capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise Failed(f"naskah-server {' '.join(args[:2])}: {done.stderr[-2000:]}")
            return done.stdout.strip()

        central("init", "--db", db, "--blobs", blobs, "--no-ca")
        central("office", "add", "--db", db, "--code", OFFICE, "--name", "Kecamatan Uji Wine")
        port = free_port()
        live = subprocess.Popen([server, "serve", "--db", db, "--blobs", blobs, "--port",
                                 str(port)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        hub: subprocess.Popen[bytes] | None = None
        try:
            url = f"http://127.0.0.1:{port}"
            while True:
                try:
                    requests.get(f"{url}/api/v1/hello", timeout=10)
                    break
                except requests.ConnectionError:
                    if live.poll() is not None:
                        raise Failed("central did not start") from None
                    time.sleep(0.2)
            for folder in (self.installed, self.data):
                if folder.exists():
                    shutil.rmtree(folder)
            started = time.monotonic()
            proc = self.r.run_wine([self._win(self.setup_exe), "/S"], check=False, timeout=900)
            if proc.returncode != 0:
                raise Failed(f"NaskahHub setup.exe /S: exit status {proc.returncode}")
            timings.append(f"install {time.monotonic() - started:.0f} s")
            for name in ("naskah-hub.exe", "naskah-hub-cli.exe", "uninstall.exe", "_internal"):
                if not (self.installed / name).exists():
                    raise Failed(f"{name} not in {self.installed} after the silent install")
            registered = self.run_value()
            if "naskah-hub.exe" not in registered:
                raise Failed("the installer did not register the hub in the Run key")

            code = central("enroll-code", "--db", db, "--office", OFFICE)
            started = time.monotonic()
            out = self.hub_cli("enroll", "--central", url, "--office", OFFICE, "--code", code)
            device = out.strip().splitlines()[0].strip()
            timings.append(f"enroll {time.monotonic() - started:.0f} s")
            central("hub", "allow", device, "--db", db)
            hub_port = free_port()
            self.hub_cli("configure", "--port", str(hub_port), "--interval", "1")

            started = time.monotonic()
            hub = self.start_hub(hub_port)
            timings.append(f"run until /hello answers {time.monotonic() - started:.0f} s")
            hello = requests.get(f"http://127.0.0.1:{hub_port}/api/v1/hello", timeout=10).json()
            self.hub_cli("run", expect="already running")
            self.hub_cli("status", expect="hub: running")
            self.hub_cli("status", expect="(answers)")
            # A backup while it serves; a restore refused while it runs (the lock).
            copy = self.r.work / "hub-cadangan #1"  # a '#' once made SQLite copy nothing
            shutil.rmtree(copy, ignore_errors=True)
            started = time.monotonic()
            self.hub_cli("backup", "--to", self._win(copy), expect="backup of log")
            timings.append(f"backup {time.monotonic() - started:.0f} s")
            made = json.loads((copy / "backup.json").read_text("utf-8"))
            self.hub_cli("restore", "--from", self._win(copy), rc=1, expect="stop it first")
            self.hub_cli("autostart", "off", expect="autostart off")
            if self.run_value():
                raise Failed("autostart off left the Run entry")
            self.hub_cli("autostart", "on", expect="naskah-hub.exe")
            value = self.run_value()
            if value != registered:  # the installer's entry, as naskah-hub writes it
                raise Failed(f"reg query after autostart on: {value!r}, installer: {registered!r}")
            print("    reg query: " + " ".join(value.split()), flush=True)
            self.hub_cli("stop", expect="stopped the hub")
            self.wait_exit(hub, "naskah-hub-cli stop")
            self.hub_cli("status", rc=3, expect="NOT RUNNING")
            started = time.monotonic()
            self.hub_cli("restore", "--from", self._win(copy), expect="restored the backup")
            timings.append(f"restore {time.monotonic() - started:.0f} s")
            with sqlite3.connect(self.data / "hub.db") as conn:
                state = dict(
                    conn.execute(
                        "SELECT key, value FROM hub_state WHERE key IN ('log_id', 'restored_from')"
                    ).fetchall()
                )
            if state.get("restored_from") != made["log_id"] or state.get("log_id") in (
                None,
                made["log_id"],
            ):
                raise Failed(f"the restored hub's logs: {state}, the backup's: {made['log_id']}")

            hub = self.start_hub(hub_port)  # the restored hub serves; the uninstaller stops it
            started = time.monotonic()
            self.r.run_wine([self._win(self.installed / "uninstall.exe"), "/S",
                             f"_?={self._win(self.installed)}"], timeout=600)  # fmt: skip
            self.wait_exit(hub, "the uninstall")
            timings.append(f"uninstall {time.monotonic() - started:.0f} s")
            left = [p.name for p in self.installed.iterdir()] if self.installed.exists() else []
            if [n for n in left if n != "uninstall.exe"]:
                raise Failed(f"left in {self.installed}: {left}")
            shutil.rmtree(self.installed, ignore_errors=True)
            if self.run_value():
                raise Failed("the uninstaller left the Run entry")
            kept = [n for n in ("hub.toml", "hub-token", "hub.db", "logs/hub.log")
                    if (self.data / n).is_file()]  # fmt: skip
            if len(kept) != 4:
                raise Failed(f"the hub's data folder lost files: only {kept} in {self.data}")
            log = (self.data / "logs" / "hub.log").read_text("utf-8", "replace")
            token = (self.data / "hub-token").read_text("utf-8").strip()
            if token in log or "Traceback" in log:
                raise Failed(f"the hub's log holds its token or a traceback:\n{log[-3000:]}")
        finally:
            if hub is not None and hub.poll() is None:
                hub.kill()
            live.terminate()
            live.wait(60)
        office = hello.get("server_id", "?")
        return (f"enrolled, served /hello (central {office}), single instance, autostart "
                f"on/off in the Run key, stopped; uninstalled with data kept; "
                f"{', '.join(timings)}")  # fmt: skip

    def _win(self, path: Path) -> str:
        """The Windows name of ``path``; under the prefix's drive_c as C:, the name Windows
        itself gives an installed program (the Run entries then read the same)."""
        from windows import NATIVE, winpath

        drive_c = self.r.prefix / "drive_c"
        if not NATIVE and path.resolve().is_relative_to(drive_c.resolve()):
            return "C:\\" + str(path.resolve().relative_to(drive_c.resolve())).replace("/", "\\")
        return winpath(path)
