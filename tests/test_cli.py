"""Provisioning a PC without the GUI: ``naskah setup --profile office.toml``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __main__ as cli
from desktop.letters import accounts, office
from desktop.store.db import open_store
from tests.conftest import PNG_1PX

ROOT = Path(__file__).resolve().parents[1]

PROFILE = """
[office]
kabupaten = "Jayawijaya"
kecamatan = "Wamena"
unit_code = "Kec.WMN"
address = "Jl. Yos Sudarso No. 1, Wamena"
email = "kecamatan.wamena@jayawijayakab.go.id"
logo = "logo.png"
paper_size = "F4"

[admin]
name = "Admin Kantor"
nip = "198503122010011002"
jabatan = "Pengelola Sistem"
username = "admin"
"""


def run_cli(*args: str, password: str | None = "sandi-admin-1") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("NASKAH_ADMIN_PASSWORD", None)
    if password:
        env["NASKAH_ADMIN_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_setup_from_profile(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG_1PX)
    profile = tmp_path / "office.toml"
    profile.write_text(PROFILE)
    data = tmp_path / "data"
    result = run_cli("--data-dir", str(data), "setup", "--profile", str(profile))
    assert result.returncode == 0, result.stderr
    again = run_cli("--data-dir", str(data), "setup", "--profile", str(profile))
    assert again.returncode == 1 and "sudah disiapkan" in again.stderr
    store = open_store(data)
    try:
        assert office.get_office(store).unit_code == "Kec.WMN"
        assert office.get_office(store).logo_hash
        assert accounts.login(store, "admin", "sandi-admin-1").has(accounts.Role.ADMIN)
    finally:
        store.close()


def test_setup_refuses_bad_profile_and_plain_password(tmp_path: Path) -> None:
    profile = tmp_path / "office.toml"
    profile.write_text(PROFILE.replace("Kec.WMN", "Kec/WMN").replace('logo = "logo.png"\n', ""))
    result = run_cli("--data-dir", str(tmp_path / "d1"), "setup", "--profile", str(profile))
    assert result.returncode == 2 and "unit_code" in result.stderr
    profile.write_text(PROFILE.replace('username = "admin"', 'username = "admin"\npassword = "x"'))
    result = run_cli("--data-dir", str(tmp_path / "d2"), "setup", "--profile", str(profile))
    assert result.returncode == 2 and "NASKAH_ADMIN_PASSWORD" in result.stderr
    profile.write_text("this is [not toml")
    result = run_cli("--data-dir", str(tmp_path / "d3"), "setup", "--profile", str(profile))
    assert result.returncode == 2 and "Profil tidak sah pada baris 1" in result.stderr


BAD_PROFILES = {
    # what is wrong -> (file bytes, the key or line the one message must name)
    "a binary file": (
        b"PK\x03\x04\x00\x00" + bytes(range(256)),
        "profile: Profil bukan teks UTF-8 (baris 1)",
    ),
    "Latin-1 text": (PROFILE.replace("Wamena", "Wamená").encode("latin-1"), "(baris 4)"),
    "a number for a name": (
        PROFILE.replace('"Jayawijaya"', "12").encode(),
        "office.kabupaten: office.kabupaten harus berupa teks",
    ),
    "true for a NIP": (
        PROFILE.replace('"198503122010011002"', "true").encode(),
        "admin.nip: admin.nip harus berupa teks",
    ),
    "an unknown key": (
        PROFILE.replace("email =", 'alamat = "x"\nemail =').encode(),
        "office.alamat: Kunci alamat tidak dikenal di [office]",
    ),
    "an unknown table": (
        (PROFILE + "\n[kantor]\nx = 1\n").encode(),
        "kantor: Bagian [kantor] tidak dikenal",
    ),
    "roles not text": (
        PROFILE.replace('username = "admin"', 'username = "admin"\nroles = [1]').encode(),
        "admin.roles: admin.roles harus berupa daftar teks",
    ),
    "a value without quotes": (
        PROFILE.replace('"Wamena"', "Wamena").encode(),
        "profile: Profil tidak sah pada baris 4",
    ),
}


def test_bad_profiles_get_one_message_naming_the_line_or_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NASKAH_ADMIN_PASSWORD", "sandi-admin-1")
    profile = tmp_path / "office.toml"
    for what, (data, named) in BAD_PROFILES.items():
        profile.write_bytes(data)
        code = cli.main(["--data-dir", str(tmp_path / "d"), "setup", "--profile", str(profile)])
        err = capsys.readouterr().err
        lines = err.strip().splitlines()
        assert code == 2, (what, err)
        assert len(lines) == 1 and named in lines[0], (what, err)
        assert not (tmp_path / "d" / "naskah.sqlite3").exists(), what  # nothing half-made


def test_profiles_saved_by_windows_notepad_are_read(tmp_path: Path) -> None:
    """UTF-16 with a BOM ("Unicode" in older Notepad) and UTF-8 with a BOM both work."""
    (tmp_path / "logo.png").write_bytes(PNG_1PX)
    for n, encoding in enumerate(("utf-16", "utf-8-sig")):
        profile = tmp_path / f"office-{n}.toml"
        profile.write_bytes(PROFILE.replace("\n", "\r\n").encode(encoding))
        office_in, admin_in = office.read_profile(profile)
        assert (office_in.kecamatan, admin_in.username) == ("Wamena", "admin")


def test_setup_without_password_and_no_terminal_says_how(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG_1PX)
    profile = tmp_path / "office.toml"
    profile.write_text(PROFILE)
    result = run_cli(
        "--data-dir", str(tmp_path / "d"), "setup", "--profile", str(profile), password=None
    )
    assert result.returncode == 2 and "NASKAH_ADMIN_PASSWORD" in result.stderr


def test_data_dir_after_subcommand_and_unknown_role(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG_1PX)
    profile = tmp_path / "office.toml"
    bad_role = PROFILE.replace('username = "admin"', 'username = "admin"\nroles = ["raja"]')
    profile.write_text(bad_role)
    result = run_cli("setup", "--profile", str(profile), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 2 and "admin.roles" in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_and_audit_verify_while_the_app_has_the_store_open(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG_1PX)
    profile = tmp_path / "office.toml"
    profile.write_text(PROFILE)
    data = tmp_path / "data"
    assert run_cli("setup", "--profile", str(profile), "--data-dir", str(data)).returncode == 0
    store = open_store(data)  # the app is running and holds the lock
    try:
        verify = run_cli("--data-dir", str(data), "audit", "verify")
        assert verify.returncode == 0 and "utuh" in verify.stdout
        backup = run_cli("backup", "--data-dir", str(data))
        assert backup.returncode == 0, backup.stderr
        copies = list((data / "backups").glob("*manual*"))
        assert len(copies) == 1 and copies[0].stat().st_size > 0
    finally:
        store.close()
    empty = run_cli("--data-dir", str(tmp_path / "kosong"), "audit", "verify")
    assert empty.returncode == 1 and "tidak ada basis data" in empty.stderr
