"""``naskah-hub``: the office hub as a program of its own, for a Windows PC that stays on
(docs/office-hub.md, docs/admin-guide.md section 11).

    naskah-hub enroll --central URL --office KEC-WMN --code CODE [--central-ca FILE]
    naskah-hub configure [--host 0.0.0.0] [--port 8751] [--certfile F --keyfile F] [--announce]
    naskah-hub run                         (what the session's autostart starts: no arguments)
    naskah-hub status | stop
    naskah-hub backup --to FOLDER | restore [--from FOLDER]   (restore: the hub stopped)
    naskah-hub autostart on|off|status     (Windows: HKCU\\...\\Run; no admin rights)
    naskah-hub enroll-code | serve ...     (as ``naskah-server hub``; files from the data folder)

Everything lives in one data folder (``--data-dir``; by default platformdirs' user data folder,
``%LOCALAPPDATA%\\Naskah Hub`` on Windows): ``hub.toml`` (the settings, no secrets), the device
token ``hub-token`` (written by ``enroll``, readable only by its user), ``hub.db`` and
``blobs/``, ``logs/hub.log`` (rotated), ``hub.lock`` (held while the hub runs, and while a
backup is restored: one at a time), ``status.json`` (the last upstream round and backup, for
``status``) and ``backups/a`` and ``backups/b`` (the running hub's automatic backups, the two
slots taken in turn, so that a backup cut short leaves the other whole; ``backup_dir``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import signal
import socket
import sqlite3
import sys
import threading
import tomllib
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime, timedelta
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sync import clock
from sync.hub import cli

if TYPE_CHECKING:
    from sync.hub.restore import Backup
    from sync.hub.upstream import RoundReport

APP_DIR = "Naskah Hub"
SETTINGS_FILE = "hub.toml"
LOCK_FILE = "hub.lock"
PID_FILE = "hub.pid"
STATUS_FILE = "status.json"
LOG_FILE = "hub.log"
LOG_MAX_BYTES = 1024 * 1024
LOG_BACKUPS = 5
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Naskah Hub"
LOOPBACK = ("127.0.0.1", "::1", "localhost")
BACKUP_DIR = "backups"
BACKUP_SLOTS = ("a", "b")
BACKUP_MAX_HOURS = 24 * 366
BACKUP_FIRST_S = 30.0  # after start: whether a backup is due (none, or the newest too old)
BACKUP_CHECK_S = 60.0  # then every minute, by the project's clock
BACKUP_RETRY = timedelta(hours=1)  # after a failed backup (at most backup_hours)

log = logging.getLogger("naskah.hub")


class SettingsError(cli.HubRefused):
    """hub.toml cannot be used; the message names the file and what to fix."""


@dataclass
class HubSettings:
    """What ``run`` needs besides the data folder's own files. No secrets: the token stays in
    its own file."""

    central: str = ""
    central_ca: str = ""
    host: str = "127.0.0.1"
    port: int = 8751
    certfile: str = ""
    keyfile: str = ""
    interval: float = 5.0
    lease_block: int = 10
    announce: bool = False
    backup_dir: str = ""  # "": the data folder's backups/
    backup_hours: float = 24.0  # 0: no automatic backups

    @property
    def address(self) -> str:
        scheme = "https" if self.certfile else "http"
        return f"{scheme}://{self.host}:{self.port}"


def default_home() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR, appauthor=False, roaming=False))


# -- the settings file ---------------------------------------------------------------------------


def load_settings(home: Path) -> HubSettings:
    """The settings of ``home``'s hub.toml; SettingsError saying what is wrong with it."""
    path = home / SETTINGS_FILE
    if not path.is_file():
        raise SettingsError(
            f"{path} does not exist: enrol the hub first (naskah-hub enroll --central URL "
            "--office CODE --code CODE)"
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path} is not a valid settings file: {exc}") from exc
    known = {f.name: f for f in fields(HubSettings)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise SettingsError(
            f"{path}: unknown setting {', '.join(unknown)} (known: {', '.join(known)})"
        )
    settings = HubSettings()
    for name, value in data.items():
        wanted = type(getattr(settings, name))
        if wanted is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not wanted:
            raise SettingsError(f"{path}: {name} = {value!r} must be {_TYPE_WORDS[wanted]}")
        setattr(settings, name, value)
    check_settings(settings, path)
    return settings


_TYPE_WORDS = {str: "text in quotes", int: "a whole number", float: "a number",
               bool: "true or false"}  # fmt: skip


def check_settings(settings: HubSettings, path: Path) -> None:
    if not settings.central.startswith(("http://", "https://")):
        raise SettingsError(f"{path}: central = {settings.central!r} must be an http(s) address")
    if not 1 <= settings.port <= 65535:
        raise SettingsError(f"{path}: port = {settings.port} must be between 1 and 65535")
    if settings.interval <= 0:
        raise SettingsError(f"{path}: interval must be more than 0 seconds")
    if not 0 <= settings.backup_hours <= BACKUP_MAX_HOURS:
        raise SettingsError(
            f"{path}: backup_hours = {settings.backup_hours} must be between 0 (no automatic "
            f"backups) and {BACKUP_MAX_HOURS}"
        )
    if bool(settings.certfile) != bool(settings.keyfile):
        raise SettingsError(f"{path}: certfile and keyfile go together")
    if settings.host not in LOOPBACK and not settings.certfile:
        raise SettingsError(
            f"{path}: a hub on the LAN (host = {settings.host!r}) serves TLS only: set certfile "
            "and keyfile (naskah-hub configure --certfile F --keyfile F)"
        )


def save_settings(home: Path, settings: HubSettings) -> Path:
    """Write hub.toml (atomically). Strings are written as JSON strings, which are valid TOML
    basic strings (Windows paths' backslashes escaped); tomllib reads it back."""
    lines = ["# Naskah Hub settings (naskah-hub configure). The device token is not here."]
    for name, value in asdict(settings).items():
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, int | float):
            text = repr(value)
        else:
            text = json.dumps(value, ensure_ascii=False)
        lines.append(f"{name} = {text}")
    home.mkdir(parents=True, exist_ok=True)
    path = home / SETTINGS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


# -- status ------------------------------------------------------------------------------------


class StatusFile:
    """status.json: who runs, where, and how the last upstream round went."""

    def __init__(self, home: Path, settings: HubSettings) -> None:
        self.path = home / STATUS_FILE
        self.lock = threading.Lock()  # the upstream round and the backup job both write it
        self.data: dict[str, Any] = {
            "pid": os.getpid(),
            "started": clock.now().isoformat(timespec="seconds"),
            "address": settings.address,
            "last_round": "",
            "last_ok": "",
            "last_error": "",
            "relayed": 0,
            "last_backup": "",
            "last_backup_folder": "",
            "backup_failed_at": "",
            "backup_error": "",
        }
        self.write()

    def round(self, report: RoundReport | None, error: str) -> None:
        now = clock.now().isoformat(timespec="seconds")
        with self.lock:
            self.data["last_round"] = now
            self.data["last_error"] = error
            if report is not None:
                self.data["last_ok"] = now
                self.data["relayed"] += report.relayed
        self.write()

    def backup(self, made: Backup | None, error: str) -> None:
        with self.lock:
            if made is not None:
                self.data["last_backup"] = made.made_at
                self.data["last_backup_folder"] = str(made.folder)
            if error:
                self.data["backup_failed_at"] = clock.now().isoformat(timespec="seconds")
            self.data["backup_error"] = error
        self.write()

    def write(self) -> None:
        with self.lock:
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.data, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)


def read_status(home: Path) -> dict[str, Any]:
    try:
        data = json.loads((home / STATUS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def running_pid(home: Path) -> int | None:
    """The pid of the hub that holds the lock, or None when none runs."""
    from filelock import FileLock, Timeout

    if not (home / LOCK_FILE).exists():
        return None
    probe = FileLock(home / LOCK_FILE)
    try:
        probe.acquire(timeout=0)
    except Timeout:
        try:
            return int((home / PID_FILE).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return -1  # held, pid not written yet
    probe.release()
    return None


def pending_relay(home: Path) -> int | None:
    from sync.hub.restore import read_only_uri

    db = home / cli.DB_FILE
    if not db.is_file():
        return None
    try:
        con = sqlite3.connect(read_only_uri(db), uri=True, timeout=5)
        try:
            query = "SELECT count(*) FROM hub_relay WHERE failed = ''"
            return int(con.execute(query).fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return None


def port_answers(settings: HubSettings) -> bool:
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "", "localhost") else settings.host
    host = "::1" if host == "::" else host
    try:
        with socket.create_connection((host, settings.port), timeout=3):
            return True
    except OSError:
        return False


# -- backups -------------------------------------------------------------------------------------


def backup_folder(home: Path, settings: HubSettings) -> Path:
    """Where the automatic backups go (``backup_dir``; relative to the data folder)."""
    return home / (settings.backup_dir or BACKUP_DIR)


def backup_settings(home: Path) -> HubSettings:
    """hub.toml's settings, or the defaults where there is none yet (a hub being restored on
    a new PC); SettingsError for a file that cannot be used."""
    return load_settings(home) if (home / SETTINGS_FILE).is_file() else HubSettings()


def slot_made_at(slot: Path) -> datetime | None:
    """When the backup in ``slot`` was made, or None when it is not a whole backup (no
    manifest: cut short, or never made)."""
    from sync.hub import restore

    try:
        manifest = json.loads((slot / restore.MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != restore.FORMAT:
            return None
        made = datetime.fromisoformat(str(manifest.get("made_at")))
    except (OSError, ValueError):
        return None
    if not (slot / restore.DB_NAME).is_file():
        return None
    return made if made.tzinfo else made.replace(tzinfo=UTC)


def newest_backup(folder: Path) -> tuple[datetime, Path] | None:
    """The newest whole backup among ``folder``'s slots (by its manifest's ``made_at``)."""
    whole = [
        (made, folder / slot)
        for slot in BACKUP_SLOTS
        if (made := slot_made_at(folder / slot)) is not None
    ]
    return max(whole) if whole else None


class AutoBackup:
    """The running hub's backups: every ``backup_hours`` into the slot it did not write last
    (``backup_dir``/a and /b in turn), so that a backup cut short (a crash, a full disk) leaves
    the other slot whole. The first comes soon after start unless the newest backup is younger
    than ``backup_hours``. A failure is logged and noted in status.json, and tried again after
    an hour; it never stops the hub. Times are the project's clock (``sync.clock``)."""

    def __init__(self, home: Path, settings: HubSettings, status: StatusFile | None) -> None:
        self.db_file = home / cli.DB_FILE
        self.blob_dir = home / cli.BLOB_DIR
        self.folder = backup_folder(home, settings)
        self.every = timedelta(hours=settings.backup_hours)
        self.status = status
        newest = newest_backup(self.folder)
        self.last_slot = newest[1].name if newest else ""
        now = clock.now()
        # A newest backup dated after now (the clock was put back) does not put the next off.
        self.next_at = newest[0] + self.every if newest and newest[0] <= now else now

    def slot(self) -> Path:
        """The slot the next backup goes to: not the one written last."""
        return self.folder / ("b" if self.last_slot == "a" else "a")

    def tick(self) -> Backup | None:
        """A backup, if one is due: the backup, or None (not due, no database yet, failed)."""
        from sync.hub import restore

        now = clock.now()
        if now < self.next_at or not self.db_file.is_file():  # no database: not enrolled yet
            return None
        slot = self.slot()
        try:
            made = restore.backup(self.db_file, self.blob_dir, slot)
        except Exception as exc:
            log.exception("backup into %s failed", slot)
            self.next_at = now + min(self.every, BACKUP_RETRY)
            if self.status is not None:
                self.status.backup(None, f"{slot}: {exc}")
            return None
        self.last_slot = slot.name
        self.next_at = datetime.fromisoformat(made.made_at) + self.every
        log.info("backup of the hub in %s (%d new files)", slot, made.blobs)
        if self.status is not None:
            self.status.backup(made, "")
        return made

    def loop(
        self,
        stop: threading.Event,
        first_s: float = BACKUP_FIRST_S,
        check_s: float = BACKUP_CHECK_S,
    ) -> None:
        """The backup thread: whether a backup is due ``first_s`` after start, then every
        ``check_s`` seconds, until ``stop`` is set."""
        wait = first_s
        while not stop.wait(wait):
            try:
                self.tick()
            except Exception:  # the thread must outlive anything (tick logs its own failures)
                log.exception("backup check failed")
            wait = check_s


def restore_hub(home: Path, args: argparse.Namespace) -> int:
    """``restore``: holds the hub's lock throughout, so it is refused while the hub runs and no
    hub starts while it restores. Without ``--from``, the newest whole automatic backup."""
    from filelock import FileLock, Timeout

    home.mkdir(parents=True, exist_ok=True)
    lock = FileLock(home / LOCK_FILE)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise cli.HubRefused(
            f"the hub is running (pid {running_pid(home)}) in {home}: stop it first "
            "(naskah-hub stop), then restore. Nothing was changed."
        ) from None
    try:
        if args.source is None:
            folder = backup_folder(home, backup_settings(home))
            newest = newest_backup(folder)
            if newest is None:
                raise cli.HubRefused(
                    f"no whole backup in {folder} (slots {' and '.join(BACKUP_SLOTS)}): name "
                    "one with --from FOLDER. Nothing was changed."
                )
            args.source = newest[1]
            print(f"the newest backup: {newest[1]} (made {newest[0].isoformat()})")
        return cli.run(args)
    finally:
        lock.release()


# -- run -----------------------------------------------------------------------------------------


class LogStream(io.TextIOBase):
    """``sys.stdout``/``sys.stderr`` of the running hub: each line goes to the log. Without a
    console (naskah-hub.exe from the Run key) Python has no streams at all, and uvicorn asks
    them ``isatty()``."""

    def __init__(self, logger: logging.Logger, level: int) -> None:
        self.logger, self.level, self.pending = logger, level, ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if line.strip():
                self.logger.log(self.level, line.rstrip())
        return len(text)

    def isatty(self) -> bool:
        return False


def setup_logging(home: Path) -> RotatingFileHandler:
    """The hub's log: logs/hub.log, rotated at 1 MiB, 5 old files kept; and the console, when
    there is one. What the hub prints goes there too."""
    folder = home / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / LOG_FILE, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    console = sys.__stderr__
    if console is not None:
        stream = logging.StreamHandler(console)
        stream.setFormatter(logging.Formatter("%(message)s"))
        root.addHandler(stream)
    printed = logging.getLogger("naskah.hub.output")
    sys.stdout = LogStream(printed, logging.INFO)
    sys.stderr = LogStream(printed, logging.WARNING)
    return handler


def serve_args(home: Path, settings: HubSettings) -> argparse.Namespace:
    token = home / cli.TOKEN_FILE
    if not token.is_file():
        raise SettingsError(f"{token} does not exist: enrol the hub first (naskah-hub enroll)")
    return argparse.Namespace(
        hub_command="serve",
        central=settings.central,
        token_file=token,
        db=str(home / cli.DB_FILE),
        blobs=str(home / cli.BLOB_DIR),
        host=settings.host,
        port=settings.port,
        certfile=settings.certfile or None,
        keyfile=settings.keyfile or None,
        central_ca=settings.central_ca or None,
        interval=settings.interval,
        lease_block=settings.lease_block,
        announce=settings.announce,
    )


def run(home: Path) -> int:
    """Serve with hub.toml's settings until stopped; a second ``run`` says so and exits 0."""
    from filelock import FileLock, Timeout

    # The log first: started from the Run key there is no console, and a refusal (no
    # settings yet, a bad hub.toml) must be readable somewhere.
    setup_logging(home)
    settings = load_settings(home)
    args = serve_args(home, settings)
    lock = FileLock(home / LOCK_FILE)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        pid = running_pid(home)
        print(f"naskah-hub: the hub is already running (pid {pid}) in {home}")
        return 0
    stopping = threading.Event()
    try:
        (home / PID_FILE).write_text(str(os.getpid()), encoding="ascii")
        log.info("naskah-hub %s starting on %s (data %s)", hub_version(), settings.address, home)
        status = StatusFile(home, settings)
        if settings.backup_hours > 0:
            backups = AutoBackup(home, settings, status)
            threading.Thread(
                target=backups.loop, args=(stopping,), name="hub-backup", daemon=True
            ).start()
        # uvicorn stops gracefully on SIGTERM/SIGINT, then raises the signal again for the
        # handler it found: this one, so the lock and pid file are released and the exit is 0.
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, stop_requested)
        return cli.serve(args, on_round=status.round)
    except SystemExit as stopped:
        return int(stopped.code or 0)
    except cli.HubRefused:  # a message for a person: main prints it (into the log too)
        raise
    except Exception:
        log.exception("naskah-hub stopped by an error")
        raise
    finally:
        stopping.set()  # a backup under way is cut short: the other slot stays whole
        log.info("naskah-hub stopped")
        (home / PID_FILE).unlink(missing_ok=True)
        lock.release()


def stop_requested(signum: int, _frame: object) -> None:
    log.info("stop requested (signal %d)", signum)
    raise SystemExit(0)


def hub_version() -> str:
    from sync import __version__

    return __version__


# -- commands ------------------------------------------------------------------------------------


def enroll(home: Path, args: argparse.Namespace) -> int:
    import requests

    home.mkdir(parents=True, exist_ok=True)
    try:
        cli.run(args)  # the token into its own file (owner-only), the device id printed
    except requests.RequestException as exc:
        raise cli.HubRefused(f"central at {args.central} did not answer: {exc}") from exc
    path = home / SETTINGS_FILE
    settings = load_settings(home) if path.is_file() else HubSettings()
    settings.central = args.central.rstrip("/")
    settings.central_ca = str(Path(args.central_ca).resolve()) if args.central_ca else ""
    save_settings(home, settings)
    print(f"settings: {path}")
    print("next: the administrator of central runs: naskah-server hub allow DEVICE_ID --db ...")
    return 0


def configure(home: Path, args: argparse.Namespace) -> int:
    path = home / SETTINGS_FILE
    settings = load_settings(home) if path.is_file() else HubSettings()
    for name in ("central", "host", "port", "interval", "lease_block", "backup_hours"):
        value = getattr(args, name)
        if value is not None:
            setattr(settings, name, value.rstrip("/") if name == "central" else value)
    for name in ("certfile", "keyfile", "central_ca"):
        value = getattr(args, name)
        if value is not None:  # an empty value clears it
            setattr(settings, name, str(Path(value).resolve()) if value else "")
    if args.announce is not None:
        settings.announce = args.announce
    if args.backup_dir is not None:  # an empty value: the data folder's backups/ again
        settings.backup_dir = str(Path(args.backup_dir).resolve()) if args.backup_dir else ""
    check_settings(settings, path)
    for name in ("certfile", "keyfile", "central_ca"):
        value = getattr(settings, name)
        if value and not Path(value).is_file():
            raise SettingsError(f"{name}: no such file {value}")
    save_settings(home, settings)
    print(f"settings saved in {path}:")
    for name, value in asdict(settings).items():
        print(f"  {name} = {value}")
    if running_pid(home) is not None:
        print("the hub is running: they apply when it starts again (naskah-hub stop, then run)")
    return 0


def status(home: Path) -> int:
    """What an IT officer asks a clerk to read out over the phone."""
    pid = running_pid(home)
    settings: HubSettings | None = None
    try:
        settings = load_settings(home)
    except SettingsError as exc:
        print(f"settings: {exc}")
    print(f"data folder: {home}")
    if pid is None:
        print("hub: NOT RUNNING")
    else:
        print(f"hub: running (pid {pid})")
    if settings is not None:
        answers = port_answers(settings) if pid is not None else False
        print(f"address: {settings.address} ({'answers' if answers else 'not answering'})")
        print(f"central: {settings.central}")
    state = read_status(home)
    if state.get("last_round"):
        print(f"last upstream round: {state['last_round']} "
              f"({state['last_error'] or 'ok'})")  # fmt: skip
        print(f"last good round with central: {state.get('last_ok') or 'none yet'}")
    else:
        print("last upstream round: none yet")
    pending = pending_relay(home)
    if pending is not None:
        print(f"waiting to go to central: {pending} request(s)")
    folder = backup_folder(home, settings or HubSettings())
    newest = newest_backup(folder)
    if newest is None:
        print(f"newest backup: none yet (in {folder})")
    else:
        print(f"newest backup: {newest[0].isoformat(timespec='seconds')} in {newest[1]}")
    if settings is not None and settings.backup_hours == 0:
        print("automatic backups: off (naskah-hub configure --backup-hours 24)")
    if state.get("backup_error"):
        print(f"last backup FAILED at {state.get('backup_failed_at')}: {state['backup_error']}")
    print(f"log: {home / 'logs' / LOG_FILE}")
    return 0 if pid is not None else 3


def stop(home: Path) -> int:
    pid = running_pid(home)
    if pid is None:
        print("the hub is not running")
        return 0
    if pid < 0:
        raise cli.HubRefused(f"the hub is starting, its pid is not known yet: try again ({home})")
    # On Windows this is TerminateProcess: the hub's SQLite (WAL) survives it like a power cut,
    # and every PC request is acknowledged only once committed.
    os.kill(pid, signal.SIGTERM)
    print(f"stopped the hub (pid {pid})")
    return 0


def autostart_command(home: Path, default: bool) -> str:
    exe = Path(sys.executable)
    if getattr(sys, "frozen", False):
        windowless = exe.with_name("naskah-hub.exe")  # beside naskah-hub-cli.exe
        line = f'"{windowless if windowless.is_file() else exe}" run'
    else:
        line = f'"{exe}" -m sync.hub.program run'
    return line if default else f'{line} --data-dir "{home}"'


def autostart(home: Path, action: str, default: bool) -> int:
    if sys.platform != "win32":
        raise cli.HubRefused(
            "autostart is for Windows only (the per-user Run key). On Linux run the hub as a "
            "systemd user service: docs/admin-guide.md section 11"
        )
    import winreg

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
        if action == "on":
            line = autostart_command(home, default)
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, line)
            print(f"autostart on: HKCU\\{RUN_KEY}\\{RUN_VALUE} = {line}")
        elif action == "off":
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, RUN_VALUE)
            print("autostart off")
        else:
            try:
                line = str(winreg.QueryValueEx(key, RUN_VALUE)[0])
                print(f"autostart on: {line}")
            except FileNotFoundError:
                print("autostart off")
    return 0


# -- the command line ------------------------------------------------------------------------------


def parser(home: Path) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="naskah-hub", description="Naskah office hub: serves the office's PCs on the LAN."
    )
    p.add_argument("--data-dir", type=Path, help=f"data folder (default {default_home()})")
    sub = p.add_subparsers(dest="hub_command", required=True)
    cli.add_commands(sub, home)
    conf = sub.add_parser("configure", help="change hub.toml (only what is given)")
    conf.add_argument("--central", help="central server's address")
    conf.add_argument("--host", help="address to listen on (0.0.0.0: the LAN; needs TLS)")
    conf.add_argument("--port", type=int)
    conf.add_argument("--certfile", help="TLS certificate (naskah-server hub cert); '' clears")
    conf.add_argument("--keyfile", help="its private key; '' clears")
    conf.add_argument("--central-ca", help="CA bundle to verify central; '' clears")
    conf.add_argument("--interval", type=float, help="seconds between upstream rounds")
    conf.add_argument("--lease-block", type=int, help="numbers per PC sub-lease")
    conf.add_argument("--announce", action=argparse.BooleanOptionalAction, default=None,
                      help="announce it on the LAN (mDNS)")  # fmt: skip
    conf.add_argument("--backup-dir", help="where the automatic backups go; '' : the default")
    conf.add_argument("--backup-hours", type=float, help="hours between them (0: none)")
    # Here restore's backup may be left out: the newest whole automatic backup.
    for action in sub.choices["restore"]._actions:
        if action.dest == "source":
            action.required = False
            action.help = "a backup folder (default: the newest whole one in backup_dir)"
    sub.add_parser("run", help="serve with hub.toml's settings (what autostart starts)")
    sub.add_parser("status", help="is it running, where, the last round with central")
    sub.add_parser("stop", help="stop the running hub")
    auto = sub.add_parser("autostart", help="start with the Windows session (no admin rights)")
    auto.add_argument("action", choices=("on", "off", "status"))
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir", type=Path)
    known, _ = pre.parse_known_args(argv)
    home = (known.data_dir or default_home()).resolve()
    args = parser(home).parse_args(argv)
    try:
        if args.hub_command == "enroll":
            return enroll(home, args)
        if args.hub_command == "configure":
            return configure(home, args)
        if args.hub_command == "run":
            return run(home)
        if args.hub_command == "status":
            return status(home)
        if args.hub_command == "stop":
            return stop(home)
        if args.hub_command == "autostart":
            return autostart(home, args.action, known.data_dir is None)
        if args.hub_command == "restore":
            return restore_hub(home, args)
        if args.hub_command == "serve":
            Path(args.blobs).parent.mkdir(parents=True, exist_ok=True)
        elif args.hub_command == "enroll-code" and not Path(args.db).is_file():
            raise cli.HubRefused(f"{args.db} does not exist: the hub has not run yet")
        return cli.run(args)
    except cli.HubRefused as exc:
        print(f"naskah-hub: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
