"""A store that notices damage: checked backups, a rotation that keeps the last good one, and
clear errors for a damaged, unwritable or too new store."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.letters import drafting
from desktop.store import db, migrate
from desktop.store.errors import DiskFull, StoreDamaged, StoreTooNew
from tests.clocks import TestClock
from tests.conftest import Office

PAGE = 4096
ROOT = Path(__file__).resolve().parents[2]


def letters_page(path: Path) -> int:
    """The number of the first page of the ``letter`` table's b-tree (1-based)."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        assert page_size == PAGE
        row = con.execute("SELECT rootpage FROM sqlite_master WHERE name='letter'").fetchone()
        return int(row[0])
    finally:
        con.close()


def damage_page(path: Path, page: int, seed: int = 17) -> None:
    """Overwrite one 4 KiB page in place with noise (the SQLite header stays intact)."""
    noise = random.Random(seed).randbytes(PAGE)
    with path.open("r+b") as f:
        f.seek((page - 1) * PAGE)
        f.write(noise)
        f.flush()
        os.fsync(f.fileno())


def some_letters(o: Office, n: int = 12) -> list[str]:
    ids = []
    for i in range(n):
        letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
        data = drafting.input_of(letter)
        data.hal = f"Laporan Kegiatan Posyandu {i}"
        drafting.save_draft(o.store, o.drafter, letter.id, data)
        ids.append(letter.id)
    return ids


def test_backup_of_a_damaged_store_is_refused_and_rotates_nothing(office_staff: Office) -> None:
    o = office_staff
    some_letters(o)
    good = db.backup_file(o.store.path, db.DAILY)
    o.store.close()
    damage_page(o.store.path, letters_page(o.store.path))

    with pytest.raises(StoreDamaged):
        db.backup_file(o.store.path, db.DAILY)

    assert db.backups(o.store.data_dir) == [good]  # the good one stays, nothing was rotated
    aside = list((o.store.data_dir / db.BACKUP_DIR).glob("rusak-naskah-*"))
    assert len(aside) == 1  # the damaged copy is kept for the IT officer, never as a backup
    assert db.latest_backup(o.store.data_dir) == good


def test_a_small_damaged_store_is_noticed_when_it_opens(office_staff: Office) -> None:
    """The page the issue damaged went unnoticed by the header probe; quick_check finds it."""
    o = office_staff
    some_letters(o)
    o.store.close()
    damage_page(o.store.path, letters_page(o.store.path))
    with pytest.raises(StoreDamaged) as found:
        db.open_store(o.store.data_dir)
    assert "Berkas data rusak" in found.value.message


def test_reading_a_damaged_page_raises_store_damaged(office_staff: Office) -> None:
    o = office_staff
    some_letters(o)
    page = letters_page(o.store.path)
    o.store.engine.dispose()  # no page of the letter table left in a cache
    damage_page(o.store.path, page)
    with pytest.raises(StoreDamaged), o.store.read() as s:
        s.execute(text("SELECT * FROM letter NOT INDEXED")).all()


def test_rotation_keeps_daily_weekly_monthly_and_the_newest(
    office_staff: Office, test_clock: TestClock
) -> None:
    """Two years of daily backups: what stays is the last 7 days, the newest of 5 weeks and of
    12 months; every kept file is a backup that passed its check when written."""
    o = office_staff
    start = test_clock.now()
    written = []
    for day in range(0, 400, 3):
        test_clock.freeze(start + timedelta(days=day))
        written.append(db.backup_file(o.store.path, db.DAILY))
    kept = db.backups(o.store.data_dir)
    assert written[-1] in kept
    days = sorted({p.name[7:15] for p in kept})
    months = sorted({d[:6] for d in days})
    assert len(kept) == len(days)  # one per day at most
    assert 12 <= len(months) <= 13 and len(kept) <= 7 + 5 + 12
    newest_days = [p.name[7:15] for p in kept[-7:]]
    assert newest_days == sorted({p.name[7:15] for p in written})[-7:]
    for path in kept:
        db.check_file(path, thorough=True)


def test_kept_backups_never_drops_the_newest_nor_foreign_files() -> None:
    names = [Path(f"naskah-2026{m:02d}01-100000-000000-harian.sqlite3") for m in range(1, 13)]
    names.append(Path("naskah-lama.sqlite3"))
    kept = db.kept_backups(sorted(names))
    assert names[-2] in kept and Path("naskah-lama.sqlite3") in kept
    assert db.kept_backups([names[0]]) == {names[0]}


def test_daily_backup_once_a_day(office_staff: Office, test_clock: TestClock) -> None:
    o = office_staff
    first = db.daily_backup(o.store.data_dir)
    assert first is not None and db.daily_backup(o.store.data_dir) is None
    test_clock.at(test_clock.now() + timedelta(days=1))
    assert db.daily_backup(o.store.data_dir) not in (None, first)


def test_a_store_from_a_newer_naskah_is_named_as_such(office_staff: Office) -> None:
    o = office_staff
    with o.store.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    o.store.close()
    assert migrate.is_newer("0099")
    with pytest.raises(StoreTooNew) as refused:
        db.open_store(o.store.data_dir)
    assert "versi Naskah yang lebih baru" in refused.value.message
    assert not db.backups(o.store.data_dir)  # nothing written, nothing migrated


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0,
                    reason="needs root and setpriv to open the store as another user")  # fmt: skip
def test_a_read_only_data_folder_is_named_not_called_damaged(tmp_path: Path) -> None:
    """As an ordinary user on a folder it may only read (root may write anywhere, so the
    store is opened by user 65534 in a real read-only folder)."""
    folder = tmp_path / "kantor"
    db.open_store(folder).close()
    tmp_path.chmod(0o755)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    script = (
        "import sys\nfrom pathlib import Path\nfrom desktop.store import db\n"
        "from desktop.store.errors import StoreError\n"
        "try:\n    db.open_store(Path(sys.argv[1]))\n"
        "except StoreError as e:\n    print(type(e).__name__, e.message)\n"
    )
    result = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-c", script, str(folder)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("DataFolderError Folder data tidak dapat ditulis"), (
        result.stdout
    )
    assert str(folder) in result.stdout and "rusak" not in result.stdout.replace(
        "Data tidak rusak", ""
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_while_backing_up_is_disk_full(
    office_staff: Office, test_clock: TestClock
) -> None:
    """The copy lands on Linux's always-full device (the backup's name is known at a frozen
    instant): DiskFull, no half-written backup left, the older backups kept."""
    o = office_staff
    good = db.backup_file(o.store.path, db.DAILY)
    moment = test_clock.now() + timedelta(days=1)
    test_clock.freeze(moment)
    stamp = moment.astimezone().strftime("%Y%m%d-%H%M%S-%f")
    part = o.store.data_dir / db.BACKUP_DIR / f"naskah-{stamp}-{db.DAILY}.sqlite3.part"
    part.symlink_to("/dev/full")
    with pytest.raises(DiskFull):
        db.backup_file(o.store.path, db.DAILY)
    assert db.backups(o.store.data_dir) == [good]
    assert not part.exists() and not part.is_symlink()


def test_backup_command_on_a_damaged_store_says_so(
    office_staff: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop import __main__ as cli

    o = office_staff
    some_letters(o)
    o.store.close()
    damage_page(o.store.path, letters_page(o.store.path))
    assert cli.main(["--data-dir", str(o.store.data_dir), "backup"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Berkas data rusak atau bukan berkas Naskah") and "Traceback" not in err
    assert db.backups(o.store.data_dir) == []
