"""``naskah-hub``, the hub as a program of its own (sync/hub/program.py): an office's IT officer
enrols it, it runs from its settings file with no arguments (what the Windows session starts),
one at a time, logs to a rotated file, and says over the phone whether it is up and when it
last reached central. Driven as real processes against a real central on loopback."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from sync.client import engine
from sync.hub import program
from tests.hub.conftest import ROOT, Central, cli, free_port, server_command, wait_up
from tests.hub.helpers import unsynced
from tests.sync.pcs import draft, open_pc, set_up_office


def hub_command(home: Path, *args: str) -> list[str]:
    return server_command("naskah-hub", "--data-dir", str(home), *args)


def naskah_hub(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        hub_command(home, *args),
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def ok(home: Path, *args: str) -> str:
    done = naskah_hub(home, *args)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def refused(home: Path, *args: str) -> str:
    """A command that must refuse with a message a person can act on, not a traceback."""
    done = naskah_hub(home, *args)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("naskah-hub: "), done.stderr
    return done.stderr


def test_the_settings_file_holds_what_run_needs_and_reads_back_the_same(tmp_path: Path) -> None:
    home = tmp_path / "Naskah Hub"
    settings = program.HubSettings(
        central="https://naskah.kab.go.id",
        central_ca=r"C:\Users\Operator Kantor\AppData\Local\Naskah Hub\ca \"org\".pem",
        host="0.0.0.0",
        port=8443,
        certfile=r"C:\Users\Operator Kantor\hub-cert.pem",
        keyfile=r"C:\Users\Operator Kantor\hub-key.pem",
        interval=2.5,
        lease_block=20,
        announce=True,
    )
    program.save_settings(home, settings)
    assert program.load_settings(home) == settings
    text = (home / program.SETTINGS_FILE).read_text(encoding="utf-8")
    assert "token" not in text.lower().replace("the device token is not here", "")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('central = "http://x\nport = 1', "is not a valid settings file"),
        ('central = "http://127.0.0.1:1"\nport = "delapan"\n', "'delapan' must be a whole"),
        ('central = "http://127.0.0.1:1"\nprot = 8751\n', "unknown setting prot"),
        ('central = "ftp://pusat"\n', "must be an http(s) address"),
        ('central = "http://127.0.0.1:1"\nhost = "0.0.0.0"\n', "serves TLS only"),
        (b"\xff\xfe rusak", "is not a valid settings file"),
    ],
)
def test_a_bad_settings_file_is_a_clear_message_and_is_left_as_it_was(
    tmp_path: Path, content: str | bytes, says: str
) -> None:
    home = tmp_path / "hub"
    home.mkdir()
    path = home / program.SETTINGS_FILE
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = path.read_bytes()
    message = refused(home, "run")
    assert str(path) in message and says in message
    assert path.read_bytes() == before
    assert not (home / program.LOCK_FILE).exists() or program.running_pid(home) is None


def test_run_before_enrolment_says_to_enrol_first(tmp_path: Path) -> None:
    assert "enrol the hub first" in refused(tmp_path / "baru", "run")
    assert "NOT RUNNING" in naskah_hub(tmp_path / "baru", "status").stdout


def test_autostart_is_refused_politely_off_windows(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("on Windows autostart writes the Run key (packaging/windows.py proves it)")
    for action in ("on", "off", "status"):
        message = refused(tmp_path, "autostart", action)
        assert "Windows only" in message and "systemd" in message


def test_enrolment_with_central_unreachable_is_a_message(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    message = refused(tmp_path, "enroll", "--central", url, "--office", "KEC-X", "--code", "ABC")
    assert "did not answer" in message
    assert not (tmp_path / "hub-token").exists()


def test_the_log_is_a_rotated_file_in_the_data_folder(tmp_path: Path) -> None:
    root = logging.getLogger()
    saved = (sys.stdout, sys.stderr, list(root.handlers), root.level)
    try:
        handler = program.setup_logging(tmp_path)
        assert handler.maxBytes == program.LOG_MAX_BYTES and handler.backupCount == 5
        print("naskah hub serving office X")  # what the hub prints goes to the log
        line = "x" * 1000
        for _ in range(program.LOG_MAX_BYTES // 1000 + 10):
            logging.getLogger("naskah.hub").info(line)
        handler.flush()
    finally:
        root.removeHandler(handler)
        handler.close()
        for extra in set(root.handlers) - set(saved[2]):
            root.removeHandler(extra)
        sys.stdout, sys.stderr = saved[0], saved[1]
        root.setLevel(saved[3])
    logs = tmp_path / "logs"
    assert (logs / "hub.log.1").is_file()
    assert "naskah hub serving office X" in (logs / "hub.log.1").read_text(encoding="utf-8")
    assert (logs / "hub.log.1").stat().st_size <= program.LOG_MAX_BYTES


def test_the_hub_program_enrols_runs_once_serves_the_office_and_reports_status(
    central: Central, tmp_path: Path
) -> None:
    central.add_office("KEC-PRG")
    home = tmp_path / "Naskah Hub"
    out = ok(home, "enroll", "--central", central.url, "--office", "KEC-PRG",
             "--code", central.enrol_code("KEC-PRG"))  # fmt: skip
    device_id = out.splitlines()[0].strip()
    token = (home / "hub-token").read_text(encoding="utf-8")
    assert token and token not in (home / program.SETTINGS_FILE).read_text(encoding="utf-8")
    assert (home / "hub-token").stat().st_mode & 0o077 == 0
    cli("hub", "allow", device_id, "--db", central.db)
    port = free_port()
    ok(home, "configure", "--port", str(port), "--interval", "0.5")
    assert "must be between" in refused(home, "configure", "--port", "70000")
    assert program.load_settings(home).port == port  # the refused change left the file alone

    hub = subprocess.Popen(
        hub_command(home, "run"), cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        wait_up(url, hub)
        assert requests.get(f"{url}/api/v1/hello", timeout=30).status_code == 200
        second = naskah_hub(home, "run")
        assert second.returncode == 0, second.stderr
        assert f"already running (pid {hub.pid})" in second.stdout + second.stderr

        # A PC enrolled through the hub (the hub's own code) works and reaches central.
        code = ok(home, "enroll-code").splitlines()[0]
        pc = open_pc(tmp_path, "pc1")
        set_up_office(pc)
        engine.enroll(pc.store, url, "KEC-PRG", code, "pc1")
        letter = draft(pc, "Surat lewat server kantor")
        assert pc.sync().pending == 0 and unsynced(pc) == 0
        while not central.query("SELECT 1 FROM records WHERE entity_id = :i", i=letter):
            assert hub.poll() is None
            time.sleep(0.1)

        status = ok(home, "status")
        assert f"hub: running (pid {hub.pid})" in status
        assert f"address: {url} (answers)" in status
        assert "last upstream round: " in status and "(ok)" in status
        assert "waiting to go to central: 0 request(s)" in status

        assert f"stopped the hub (pid {hub.pid})" in ok(home, "stop")
        assert hub.wait(60) == 0
    finally:
        if hub.poll() is None:
            hub.kill()
            hub.wait(60)
    after = naskah_hub(home, "status")
    assert after.returncode == 3 and "hub: NOT RUNNING" in after.stdout
    assert "last good round with central: " in after.stdout
    log = (home / "logs" / "hub.log").read_text(encoding="utf-8")
    assert f"starting on {url}" in log and "naskah hub serving office" in log
    assert "naskah-hub stopped" in log
    assert token not in log
    # It starts again from the same folder (the lock was released).
    again = subprocess.Popen(
        hub_command(home, "run"), cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_up(url, again)
    finally:
        again.terminate()
        again.wait(60)
