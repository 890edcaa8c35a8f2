"""The naskah-server command: init, office add, enroll-code, serve."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from sync.server.cli import main


def test_admin_commands(sync_server, capsys: pytest.CaptureFixture[str]) -> None:
    url = sync_server.db_url
    assert main(["init", "--db", url, "--blobs", str(sync_server.blob_dir)]) == 0
    assert "ready" in capsys.readouterr().out
    assert (
        main(["office", "add", "--db", url, "--code", "KEC-WMN", "--name", "Kecamatan Wamena"]) == 0
    )
    assert "KEC-WMN" in capsys.readouterr().out
    assert main(["office", "add", "--db", url, "--code", "KEC-WMN", "--name", "Lagi"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["enroll-code", "--db", url, "--office", "KEC-WMN", "--hours", "2"]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code) == 17
    assert main(["enroll-code", "--db", url, "--office", "KEC-XXX"]) == 1
    r = requests.post(
        sync_server.url + "/api/v1/enroll",
        timeout=10,
        json={"office_code": "KEC-WMN", "enrol_code": code, "device_name": "PC"},
    )
    assert r.status_code == 200


@pytest.mark.parametrize("sync_engine_kind", ["sqlite"], indirect=True)
def test_serve_runs_a_working_server(
    tmp_path: Path, sync_engine_kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db, blobs = tmp_path / "naskah.db", tmp_path / "blobs"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    base = [sys.executable, "-m", "sync.server.cli"]
    assert main(["serve", "--db", str(db), "--blobs", str(blobs)]) == 1  # not initialised
    assert main(["init", "--db", str(db), "--blobs", str(blobs)]) == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [*base, "serve", "--db", str(db), "--blobs", str(blobs), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        while True:  # until it listens (one that never does: pytest-timeout)
            try:
                r = requests.get(f"http://127.0.0.1:{port}/api/v1/hello", timeout=60)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, "the server exited"
                time.sleep(0.1)
        assert r.json()["service"] == "naskah-sync"
        assert "not initialised" in capsys.readouterr().err
    finally:
        proc.terminate()
        proc.wait(60)
