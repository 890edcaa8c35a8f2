"""``naskah-hub backup`` and ``restore`` (sync/hub/program.py) as real processes: a backup while
the hub serves, a restore refused while ``naskah-hub run`` holds the hub's lock (nothing
changed), and, the hub stopped, a restore that gives it a new change log; the restored hub
serves again."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import requests

from tests.hub.conftest import ROOT, Central, cli, free_port, wait_up
from tests.hub.test_hub_program import hub_command, naskah_hub, ok, refused


def _state(home: Path, key: str) -> str:
    import sqlite3

    con = sqlite3.connect(home / "hub.db")
    try:
        row = con.execute("SELECT value FROM hub_state WHERE key = ?", (key,)).fetchone()
    finally:
        con.close()
    return str(row[0]) if row else ""


def _start(home: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        hub_command(home, "run"), cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def test_restore_is_refused_while_the_hub_runs_and_restores_it_once_stopped(
    central: Central, tmp_path: Path
) -> None:
    central.add_office("KEC-BAK")
    home = tmp_path / "Naskah Hub"
    out = ok(home, "enroll", "--central", central.url, "--office", "KEC-BAK",
             "--code", central.enrol_code("KEC-BAK"))  # fmt: skip
    cli("hub", "allow", out.splitlines()[0].strip(), "--db", central.db)
    port = free_port()
    ok(home, "configure", "--port", str(port), "--interval", "0.5")
    url = f"http://127.0.0.1:{port}"
    backup = tmp_path / "cadangan"

    hub = _start(home)
    try:
        wait_up(url, hub)
        made = ok(home, "backup", "--to", str(backup))  # while it serves
        manifest = json.loads((backup / "backup.json").read_text(encoding="utf-8"))
        assert f"backup of log {manifest['log_id']} in {backup}" in made
        log_id = _state(home, "log_id")
        assert manifest["log_id"] == log_id

        for args in (("restore", "--from", str(backup)), ("restore",)):
            message = refused(home, *args)
            assert f"the hub is running (pid {hub.pid})" in message
            assert "naskah-hub stop" in message and "Nothing was changed" in message
        assert _state(home, "log_id") == log_id and not _state(home, "restored_from")
        assert not (home / "hub.db.restoring").exists()
        assert requests.get(f"{url}/api/v1/hello", timeout=30).status_code == 200
        assert hub.poll() is None  # still serving

        ok(home, "stop")
        assert hub.wait(60) == 0
    finally:
        if hub.poll() is None:
            hub.kill()
            hub.wait(60)

    out = ok(home, "restore", "--from", str(backup))
    assert "restored the backup made" in out and "new change log" in out
    assert _state(home, "log_id") not in ("", log_id)
    assert _state(home, "restored_from") == log_id

    again = _start(home)  # the restored hub serves (and holds the lock again)
    try:
        wait_up(url, again)
        status = ok(home, "status")
        assert f"hub: running (pid {again.pid})" in status
        assert "newest backup: " in status
        assert f"the hub is running (pid {again.pid})" in refused(home, "restore")
    finally:
        again.terminate()
        again.wait(60)
    assert naskah_hub(home, "status").returncode == 3
