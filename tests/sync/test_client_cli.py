"""``naskah enroll`` and ``naskah sync`` from the command line (an IT officer's way in)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.__main__ import main
from tests.sync.pcs import open_pc, set_up_office

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


def test_enroll_then_sync(module_sync_server: Any, tmp_path: Path, capsys: Any) -> None:
    server = module_sync_server
    code, _ = server.new_office()
    pc = open_pc(tmp_path, "pc1")
    set_up_office(pc)
    pc.close()
    data = ["--data-dir", str(tmp_path / "pc1")]

    assert main(["sync", *data]) == 1
    assert "belum terdaftar" in capsys.readouterr().err

    wrong = ["--server", server.url, "--office", code, "--code", "SALAH-123"]
    assert main(["enroll", *data, *wrong]) == 1
    assert "Kode pendaftaran" in capsys.readouterr().err

    good = ["--server", server.url, "--office", code, "--code", server.enrol_code(code)]
    assert main(["enroll", *data, *good, "--name", "PC Sekretariat"]) == 0
    assert f"untuk kantor {code}" in capsys.readouterr().out

    assert main(["sync", *data]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tersinkron lewat server pusat:") and "0 menunggu" in out

    plain = ["--server", "http://naskah.example.go.id", "--office", code, "--code", "X"]
    assert main(["enroll", "--data-dir", str(tmp_path / "pc2"), *plain]) == 1
    assert "https://" in capsys.readouterr().err
