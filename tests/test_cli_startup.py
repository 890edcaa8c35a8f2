"""The command line starts light: ``naskah verify`` checks a letter without SQLAlchemy, the
models, pydantic, Alembic or Qt in the process, and ``--help`` loads nothing beyond argparse.
Each check runs the real command in a new process (the test process has everything loaded).
The store reader ``naskah verify`` uses refuses what ``open_for_reading`` refuses, with the
same messages, and reads the same values the ORM does."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.letters import trust
from desktop.store.db import open_for_reading
from desktop.store.errors import StoreDamaged, StoreError
from desktop.store.files import DB_NAME
from desktop.store.models import LetterSignature
from desktop.store.reading import StoreQueries, open_reader, parse_datetime
from tests.conftest import Office
from tests.letters.office_pki import OfficePki
from tests.letters.test_esign import pdf_of
from tests.letters.test_verification import signed

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "PySide6", "desktop.store.models")

# Runs ``main(argv)`` and prints which of the given modules ended up imported.
PROBE = """
import json, sys
from desktop.__main__ import main
argv, names = json.loads(sys.argv[1]), json.loads(sys.argv[2])
try:
    code = main(argv)
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "loaded": sorted(n for n in names if n in sys.modules)}))
"""


def run_probe(argv: list[str], names: list[str]) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv), json.dumps(names)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def bare_modules() -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", "import json, sys; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(json.loads(out))


def test_verify_runs_without_the_orm_pydantic_or_qt(office_staff: Office, tmp_path: Path) -> None:
    pki = OfficePki.create()
    pki.install_trust(office_staff.store)
    letter, _cert = signed(office_staff, pki)
    path = tmp_path / "surat.pdf"
    path.write_bytes(pdf_of(office_staff, letter))
    data_dir = str(office_staff.store.data_dir)
    probe = [*HEAVY, "aiohttp", "pyhanko.sign"]  # aiohttp: nothing is fetched (deferred_http)
    result = run_probe(["verify", str(path), "--data-dir", data_dir], probe)
    assert result["code"] == 0  # valid, our letter found in the store
    assert result["loaded"] == ["pyhanko.sign"]  # the check itself ran, nothing heavy beside it


def test_help_loads_only_argparse() -> None:
    avoidable = ["shutil", "getpass", "typing", "pathlib", "desktop.store", "desktop.seam"]
    result = run_probe(["--help"], avoidable)
    assert result["code"] == 0
    # What a bare interpreter loads by itself (site, a .pth file) is not the command's doing.
    assert set(result["loaded"]) <= bare_modules()  # type: ignore[arg-type]


def test_reader_refuses_what_open_for_reading_refuses(tmp_path: Path) -> None:
    missing = tmp_path / "kosong"
    with pytest.raises(StoreDamaged, match="tidak ada basis data"):
        open_reader(missing)
    foreign = tmp_path / "lain"
    foreign.mkdir()
    (foreign / DB_NAME).write_bytes(b"bukan sqlite" * 100)
    with pytest.raises(StoreDamaged, match="bukan berkas SQLite"):
        open_reader(foreign)
    other_app = tmp_path / "aplikasi-lain"
    other_app.mkdir()
    con = sqlite3.connect(other_app / DB_NAME)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreDamaged, match="milik aplikasi lain"):
        open_reader(other_app)


def test_reader_refuses_a_store_that_needs_a_migration(office_staff: Office) -> None:
    data_dir = office_staff.store.data_dir
    office_staff.store.close()
    con = sqlite3.connect(data_dir / DB_NAME)
    con.execute("UPDATE alembic_version SET version_num = '0007'")
    con.commit()
    con.close()
    for opener in (open_reader, open_for_reading):
        with pytest.raises(StoreError, match="perlu diperbarui"):
            opener(data_dir)


def test_plain_reads_give_what_the_orm_gives(office_staff: Office) -> None:
    store = office_staff.store
    pki = OfficePki.create()
    pki.install_trust(store)
    signed(office_staff, pki)
    with store.read() as session:
        by_orm = trust.load(session)
        row = session.exec(select(LetterSignature)).one()
    with StoreQueries(store).reading() as query:
        by_sql = trust.read(query)
        (signed_at,) = query("SELECT signed_at FROM letter_signature", ())[0]
    assert by_sql == by_orm and by_sql is not None
    assert by_sql.updated_at.tzinfo is not None
    assert parse_datetime(signed_at) == row.signed_at
    reader = open_reader(store.data_dir)  # the same through sqlite3 alone
    try:
        with reader.reading() as query:
            assert trust.read(query) == by_orm
    finally:
        reader.close()
