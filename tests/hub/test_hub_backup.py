"""A hub's backup and restore (sync/hub/restore.py) and the hub program's automatic backups
(sync/hub/program.py, ``AutoBackup``), on real SQLite files made as a hub makes them
(``sync.hub.mirror.create_schema``). The running hub's lock is proved with real processes in
test_hub_backup_program.py."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.hub import mirror, program, restore, tables
from sync.protocol import Entity, LeaseClaim, Mutation, Op
from sync.server import db
from sync.server.auth import Device
from tests.clocks import TestClock

SERIES = "sk"
YEAR = 2026
BLOB = "ab" * 32


class HubFiles:
    """A hub's database (with an office, two devices, records, a number block and a lease)
    and blob folder, as the hub's own code writes them."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.db_file = root / "hub.db"
        self.blob_dir = root / "blobs"
        self.office = str(uuid.uuid4())
        self.pc_a = Device(str(uuid.uuid4()), self.office, "PC A")
        self.pc_b = Device(str(uuid.uuid4()), self.office, "PC B")
        self.letters = [str(uuid.uuid4()) for _ in range(3)]
        self.engine = db.make_engine(str(self.db_file))
        mirror.create_schema(self.engine)
        now = db.utcnow()
        with db.write_tx(self.engine) as conn:
            conn.execute(
                db.offices.insert().values(
                    id=self.office, code="KEC-UJI", name="Kecamatan Uji", created_at=now
                )
            )
            tables.put(conn, "office_id", self.office)
            for device in (self.pc_a, self.pc_b):
                conn.execute(
                    db.devices.insert().values(
                        id=device.id, office_id=self.office, name=device.name,
                        token_hash=uuid.uuid4().hex, created_at=now, lease_epoch=1,
                    )
                )  # fmt: skip
            for version, letter in enumerate(self.letters, start=2):
                self.put_record(conn, letter, version)
            conn.execute(
                tables.blocks.insert().values(
                    series=SERIES, year=YEAR, start_seq=1, end_seq=100, next_seq=31
                )
            )
            conn.execute(
                tables.blocks.insert().values(
                    series=SERIES, year=YEAR, start_seq=201, end_seq=250, next_seq=201
                )
            )
            self.lease(conn, self.pc_b, 21, 30)
        (self.blob_dir / BLOB[:2]).mkdir(parents=True)
        (self.blob_dir / BLOB[:2] / BLOB).write_bytes(b"%PDF-1.7 surat")

    def put_record(self, conn: Any, entity_id: str, version: int) -> None:
        conn.execute(
            db.records.insert().values(
                office_id=self.office, entity="letter", entity_id=entity_id, version=version,
                deleted=False, fields={"subject": "Undangan"}, updated_at=db.utcnow(),
            )
        )  # fmt: skip

    def lease(self, conn: Any, device: Device, start: int, end: int) -> None:
        conn.execute(
            db.leases.insert().values(
                office_id=self.office, device_id=device.id, series=SERIES, year=YEAR,
                start_seq=start, end_seq=end, epoch=1, created_at=db.utcnow(),
            )
        )  # fmt: skip

    def state(self, key: str) -> str:
        with db.read_tx(self.engine) as conn:
            return tables.get(conn, key)

    def put_state(self, key: str, value: str) -> None:
        with db.write_tx(self.engine) as conn:
            tables.put(conn, key, value)

    def query(self, sql: str) -> list[Any]:
        with db.read_tx(self.engine) as conn:
            return list(conn.exec_driver_sql(sql).all())

    def close(self) -> None:
        """Every connection closed: the WAL checkpointed into hub.db, so its bytes are all."""
        self.engine.dispose()


@pytest.fixture
def hub(tmp_path: Path) -> Any:
    files = HubFiles(tmp_path / "hub")
    yield files
    files.close()


def restored(hub: HubFiles) -> HubFiles:
    hub.engine.dispose()  # the restored file is a new one: no pooled connection to the old
    return hub


# -- backup ---------------------------------------------------------------------------------

WRITER = """
import sqlite3, sys, pathlib
con = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
stop = pathlib.Path(sys.argv[2])
n = 0
while not stop.exists():
    n += 1
    con.execute("BEGIN IMMEDIATE")
    con.execute(
        "INSERT INTO hub_relay (device_id, request_seq, mutations, created_at, failed)"
        " VALUES ('pc', ?, ?, '2026-12-15 00:30:00', '')", (n, '["' + "x" * 2000 + '"]'))
    con.execute("UPDATE hub_state SET value = ? WHERE key = 'written'", (str(n),))
    con.execute("COMMIT")
"""


def test_a_backup_taken_while_another_process_writes_is_a_sound_copy(
    hub: HubFiles, tmp_path: Path
) -> None:
    hub.put_state("written", "0")
    with db.write_tx(hub.engine) as conn:  # several MB, so that the copy takes a while
        for n in range(3000):
            conn.execute(
                tables.relay_queue.insert().values(
                    device_id="old", request_seq=n, mutations=["y" * 2000],
                    created_at=db.utcnow(),
                )
            )  # fmt: skip
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(hub.db_file), str(stop)])
    try:
        while int(hub.state("written")) < 50:  # writing (pytest-timeout ends a hang)
            assert writer.poll() is None
            time.sleep(0.05)
        made = restore.backup(hub.db_file, hub.blob_dir, tmp_path / "backup")
        written = int(hub.state("written"))
        assert writer.poll() is None  # it wrote on while the backup was taken
    finally:
        stop.touch()
        assert writer.wait(60) == 0
    assert int(hub.state("written")) > written  # and after

    copy = sqlite3.connect(tmp_path / "backup" / "hub.db")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        held = int(copy.execute("SELECT value FROM hub_state WHERE key = 'written'").fetchone()[0])
        seqs = [r[0] for r in copy.execute(
            "SELECT request_seq FROM hub_relay WHERE device_id = 'pc' ORDER BY seq")]  # fmt: skip
        log_id = copy.execute("SELECT value FROM hub_state WHERE key = 'log_id'").fetchone()[0]
    finally:
        copy.close()
    assert held >= 50 and seqs == list(range(1, held + 1))  # one whole transaction at a time
    assert made.log_id == log_id == hub.state("log_id")
    assert made.made_at == restore._manifest(tmp_path / "backup")["made_at"]
    assert (tmp_path / "backup" / "blobs" / BLOB[:2] / BLOB).read_bytes() == b"%PDF-1.7 surat"


def test_a_backup_into_a_folder_with_an_older_one_adds_only_the_new_files(
    hub: HubFiles, tmp_path: Path, test_clock: TestClock
) -> None:
    folder = tmp_path / "backup"
    first = restore.backup(hub.db_file, hub.blob_dir, folder)
    assert first.blobs == 1
    test_clock.advance(timedelta(hours=1))
    other = "cd" * 32
    (hub.blob_dir / other[:2]).mkdir()
    (hub.blob_dir / other[:2] / other).write_bytes(b"lampiran")
    second = restore.backup(hub.db_file, hub.blob_dir, folder)
    assert second.blobs == 1 and second.made_at > first.made_at
    assert program.slot_made_at(folder) is not None


# -- restore refused --------------------------------------------------------------------------


def _no_manifest(folder: Path, hub: HubFiles) -> None:
    (folder / restore.MANIFEST).unlink()


def _garbage(folder: Path, hub: HubFiles) -> None:
    (folder / restore.DB_NAME).write_bytes(b"\x00rusak\xff" * 5000)


def _not_a_hub(folder: Path, hub: HubFiles) -> None:
    (folder / restore.DB_NAME).unlink()
    other = sqlite3.connect(folder / restore.DB_NAME)
    other.execute("CREATE TABLE surat (id TEXT)")
    other.execute("INSERT INTO surat VALUES ('x')")
    other.commit()
    other.close()


@pytest.mark.parametrize(
    ("spoil", "says"),
    [
        (_no_manifest, "is not a whole hub backup (no backup.json)"),
        (_garbage, "is not a sound database"),
        (_not_a_hub, "is not a sound hub database"),
    ],
)
def test_restore_refuses_what_is_not_a_whole_hub_backup_and_changes_nothing(
    hub: HubFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str], spoil: Any, says: str
) -> None:
    folder = tmp_path / "backup"
    restore.backup(hub.db_file, hub.blob_dir, folder)
    spoil(folder, hub)
    hub.close()
    before = hub.db_file.read_bytes()
    with pytest.raises(restore.RestoreRefused, match=says.replace("(", r"\(").replace(")", r"\)")):
        restore.restore(hub.db_file, hub.blob_dir, folder)
    home = hub.db_file.parent
    assert program.main(["--data-dir", str(home), "restore", "--from", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("naskah-hub: ") and says in err and "Traceback" not in err
    assert hub.db_file.read_bytes() == before
    assert not Path(str(hub.db_file) + ".restoring").exists()
    assert not Path(str(hub.db_file) + "-wal").exists()


def test_a_full_disk_during_a_restore_or_a_backup_is_said_and_loses_nothing(
    hub: HubFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backup"
    restore.backup(hub.db_file, hub.blob_dir, folder)
    (hub.blob_dir / BLOB[:2] / BLOB).unlink()  # the restore has a file to put back
    hub.close()
    before = hub.db_file.read_bytes()
    real_copy = shutil.copyfile

    def full(src: Any, dst: Any, *args: Any, **kw: Any) -> Any:
        if Path(src).name == BLOB:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_copy(src, dst, *args, **kw)

    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(restore.RestoreRefused, match=r"database is unchanged: .*No space left"):
        restore.restore(hub.db_file, hub.blob_dir, folder)
    assert hub.db_file.read_bytes() == before
    # A backup that runs out of room is no backup: restore refuses the folder it left.
    (hub.blob_dir / BLOB[:2]).mkdir(exist_ok=True)
    (hub.blob_dir / BLOB[:2] / BLOB).write_bytes(b"%PDF-1.7 surat")
    other = tmp_path / "backup-penuh"
    with pytest.raises(restore.RestoreRefused, match=r"backup into .* failed: .*No space left"):
        restore.backup(hub.db_file, hub.blob_dir, other)
    with pytest.raises(restore.RestoreRefused, match=r"no backup\.json"):
        restore.restore(hub.db_file, hub.blob_dir, other)
    assert hub.db_file.read_bytes() == before


# -- restore ------------------------------------------------------------------------------------


def test_a_restored_hub_has_a_new_log_the_versions_it_restored_and_no_block_remainders(
    hub: HubFiles, tmp_path: Path
) -> None:
    folder = tmp_path / "backup"
    made = restore.backup(hub.db_file, hub.blob_dir, folder)
    versions = sorted(hub.query("SELECT entity, entity_id, version FROM records"))
    # After the backup the hub went on (and then died): a record, a newer version, a number.
    with db.write_tx(hub.engine) as conn:
        hub.put_record(conn, str(uuid.uuid4()), 1)
        conn.execute(db.records.update().values(version=db.records.c.version + 5))
        conn.execute(tables.blocks.update().values(next_seq=41))
    (hub.blob_dir / BLOB[:2] / BLOB).unlink()  # and its disk lost a file
    hub.close()

    put = restore.restore(hub.db_file, hub.blob_dir, folder)
    assert put.log_id == made.log_id and put.made_at == made.made_at
    hub = restored(hub)
    assert hub.state("log_id") not in ("", made.log_id)
    assert hub.state("restored_from") == made.log_id
    assert sorted(hub.query("SELECT entity, entity_id, version FROM records")) == versions
    assert sorted(hub.query("SELECT entity, entity_id, version FROM hub_restore_base")) == versions
    blocks = hub.query("SELECT start_seq, end_seq, next_seq FROM hub_blocks")
    assert len(blocks) == 2 and all(next_seq == end + 1 for _, end, next_seq in blocks)
    assert hub.state("restored_blocks_upto") == str(max(r[0] for r in hub.query(
        "SELECT id FROM hub_blocks")))  # fmt: skip
    assert (hub.blob_dir / BLOB[:2] / BLOB).read_bytes() == b"%PDF-1.7 surat"
    assert not Path(str(hub.db_file) + ".restoring").exists()


def test_a_restore_stopped_midway_leaves_no_journal_that_a_second_restore_replays(
    hub: HubFiles, tmp_path: Path
) -> None:
    """A killed restore leaves ``hub.db.restoring`` and its WAL; SQLite would replay that WAL
    onto the next restore's fresh copy."""
    folder = tmp_path / "backup"
    made = restore.backup(hub.db_file, hub.blob_dir, folder)
    hub.close()
    part = Path(str(hub.db_file) + ".restoring")
    stale = sqlite3.connect(folder / restore.DB_NAME)  # a different history, in a WAL
    stale.execute("PRAGMA wal_autocheckpoint=0")
    stale.execute("CREATE TABLE not_from_the_backup (x)")
    stale.commit()
    Path(str(part) + "-wal").write_bytes(Path(str(folder / restore.DB_NAME) + "-wal").read_bytes())
    stale.execute("DROP TABLE not_from_the_backup")
    stale.commit()
    stale.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stale.close()
    restore.restore(hub.db_file, hub.blob_dir, folder)
    hub = restored(hub)
    names = [r[0] for r in hub.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert "not_from_the_backup" not in names
    assert hub.state("restored_from") == made.log_id


# -- claims and bases after a restore ------------------------------------------------------------


def _claim(start: int, end: int, epoch: int = 3) -> LeaseClaim:
    return LeaseClaim(series=SERIES, year=YEAR, start=start, end=end, epoch=epoch)


def _restore_in_place(hub: HubFiles) -> None:
    with db.write_tx(hub.engine) as conn:
        restore.mark_restored(conn)


def test_a_never_restored_hub_takes_no_claims_and_rebases_nothing(hub: HubFiles) -> None:
    mutation = _mutation(hub.letters[0], 9)
    with db.write_tx(hub.engine) as conn:
        assert restore.take_claims(conn, hub.pc_a, [_claim(11, 20)]) == 0
        assert restore.rebased(conn, hub.state("log_id"), [mutation]) == [mutation]
    assert hub.query("SELECT count(*) FROM leases")[0][0] == 1


def test_a_claim_inside_a_voided_block_is_taken_once_and_only_there(hub: HubFiles) -> None:
    _restore_in_place(hub)
    with db.write_tx(hub.engine) as conn:  # a block central granted after the restore
        conn.execute(
            tables.blocks.insert().values(
                series=SERIES, year=YEAR, start_seq=301, end_seq=400, next_seq=301
            )
        )
    with db.write_tx(hub.engine) as conn:
        assert restore.take_claims(conn, hub.pc_a, [_claim(11, 20)]) == 1
    with db.write_tx(hub.engine) as conn:
        assert restore.take_claims(conn, hub.pc_a, [_claim(11, 20)]) == 0  # held already
        assert restore.take_claims(conn, hub.pc_a, [_claim(25, 35)]) == 0  # PC B's 21..30
        assert restore.take_claims(conn, hub.pc_a, [_claim(95, 105)]) == 0  # past the block
        assert restore.take_claims(conn, hub.pc_a, [_claim(150, 160)]) == 0  # in no block
        assert restore.take_claims(conn, hub.pc_a, [_claim(311, 320)]) == 0  # a newer block
        assert restore.take_claims(conn, hub.pc_a, [_claim(40, 39)]) == 0  # empty
        other = LeaseClaim(series="nd", year=YEAR, start=11, end=20, epoch=3)
        assert restore.take_claims(conn, hub.pc_a, [other]) == 0  # another series
        # Two claims of one request that overlap each other: the first only.
        assert restore.take_claims(conn, hub.pc_b, [_claim(201, 210), _claim(205, 215)]) == 1
    leases = hub.query("SELECT device_id, start_seq, end_seq, epoch FROM leases ORDER BY start_seq")
    assert leases == [
        (hub.pc_a.id, 11, 20, 3),
        (hub.pc_b.id, 21, 30, 1),
        (hub.pc_b.id, 201, 210, 3),
    ]
    epochs = dict(hub.query("SELECT id, lease_epoch FROM devices"))
    assert epochs == {hub.pc_a.id: 3, hub.pc_b.id: 3}  # raised, so the claims are not voided
    assert hub.query("SELECT next_seq, end_seq FROM hub_blocks WHERE id <= 2") == [
        (101, 100),
        (251, 250),
    ]  # the voided remainders stay voided


def _mutation(entity_id: str, base: int) -> Mutation:
    return Mutation(
        mutation_id=str(uuid.uuid4()), entity=Entity.LETTER, entity_id=entity_id,
        op=Op.UPSERT, base_version=base, fields={"subject": "Undangan rapat"},
    )  # fmt: skip


def test_bases_read_in_the_old_log_are_taken_back_to_the_versions_at_the_restore(
    hub: HubFiles,
) -> None:
    old_log = hub.state("log_id")
    _restore_in_place(hub)
    with db.write_tx(hub.engine) as conn:  # the restored hub goes on: newer versions
        conn.execute(db.records.update().values(version=db.records.c.version + 10))
    at_restore = {r[0]: r[1] for r in hub.query("SELECT entity_id, version FROM hub_restore_base")}
    assert at_restore == dict(zip(hub.letters, (2, 3, 4), strict=True))
    new = str(uuid.uuid4())
    sent = [
        _mutation(hub.letters[0], 7),  # pulled from the old log after the backup: 2
        _mutation(hub.letters[1], 1),  # older than the restore: as it was
        _mutation(hub.letters[2], 4),  # the same
        _mutation(new, 5),  # the backup lacked it: 0
    ]
    with db.read_tx(hub.engine) as conn:
        bases = [m.base_version for m in restore.rebased(conn, old_log, sent)]
        assert bases == [2, 1, 4, 0]
        assert restore.rebased(conn, hub.state("log_id"), sent) == sent  # the new log's
        assert restore.rebased(conn, str(uuid.uuid4()), sent) == sent  # another log's
        assert restore.rebased(conn, None, sent) == sent


# -- the program's automatic backups ------------------------------------------------------------


def _home(hub: HubFiles, **settings: Any) -> Path:
    home = hub.db_file.parent
    program.save_settings(home, program.HubSettings(central="http://127.0.0.1:1", **settings))
    return home


def test_the_running_hub_backs_up_into_two_slots_in_turn_and_restore_takes_the_newest_whole(
    hub: HubFiles,
    test_clock: TestClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    log_errors: Any,
) -> None:
    home = _home(hub)
    settings = program.load_settings(home)
    status = program.StatusFile(home, settings)
    slot_a, slot_b = home / "backups" / "a", home / "backups" / "b"
    test_clock.freeze(test_clock.now())
    job = program.AutoBackup(home, settings, status)

    hub.put_state("marker", "1")
    first = job.tick()
    assert first is not None and first.folder == slot_a  # soon after start: none yet
    assert job.tick() is None  # not due
    test_clock.advance(timedelta(hours=23, minutes=59))
    assert job.tick() is None
    test_clock.advance(timedelta(minutes=1))
    hub.put_state("marker", "2")
    second = job.tick()
    assert second is not None and second.folder == slot_b
    assert program.newest_backup(home / "backups") == (program.slot_made_at(slot_b), slot_b)
    assert program.read_status(home)["last_backup_folder"] == str(slot_b)

    # The next backup (into a) is cut short: a keeps no manifest, b stays whole.
    test_clock.advance(timedelta(hours=24))
    hub.put_state("marker", "3")

    def disk_full(*_: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(restore, "_copy_files", disk_full)
    assert job.tick() is None
    monkeypatch.undo()
    assert not (slot_a / restore.MANIFEST).exists() and program.slot_made_at(slot_a) is None
    noted = program.read_status(home)
    assert "No space left on device" in noted["backup_error"] and noted["backup_failed_at"]
    assert any("backup into" in m for m in log_errors.messages)
    assert job.tick() is None  # tried again after an hour, not at every check

    # status names the newest whole backup and the failure.
    assert program.main(["--data-dir", str(home), "status"]) == 3
    out = capsys.readouterr().out
    made_b = program.slot_made_at(slot_b)
    assert made_b is not None
    assert f"newest backup: {made_b.isoformat(timespec='seconds')} in {slot_b}" in out
    assert "last backup FAILED at " in out and "No space left on device" in out

    # restore without --from takes b (marker 2), the newest whole one.
    hub.close()
    assert program.main(["--data-dir", str(home), "restore"]) == 0
    assert f"the newest backup: {slot_b}" in capsys.readouterr().out
    hub = restored(hub)
    assert hub.state("marker") == "2"
    assert hub.state("restored_from") == second.log_id

    # An hour after the failure the backup is tried again, into the same slot.
    test_clock.advance(timedelta(hours=1))
    retried = job.tick()
    assert retried is not None and retried.folder == slot_a
    assert program.read_status(home)["backup_error"] == ""


def test_a_new_start_writes_the_other_slot_and_a_slot_left_without_manifest_is_skipped(
    hub: HubFiles, test_clock: TestClock, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _home(hub, backup_hours=6.0)
    slot_a, slot_b = home / "backups" / "a", home / "backups" / "b"
    test_clock.freeze(test_clock.now())
    hub.put_state("marker", "1")
    job = program.AutoBackup(home, program.load_settings(home), None)
    assert job.tick() is not None
    test_clock.advance(timedelta(hours=6))
    hub.put_state("marker", "2")
    assert job.tick() is not None
    test_clock.advance(timedelta(hours=6))
    hub.put_state("marker", "3")
    third = job.tick()
    assert third is not None and third.folder == slot_a

    # A new start of the hub writes into the slot that is not the newest.
    assert program.AutoBackup(home, program.load_settings(home), None).slot() == slot_b
    # A crash in the middle of a backup into a: restore takes b.
    (slot_a / restore.MANIFEST).unlink()
    assert program.AutoBackup(home, program.load_settings(home), None).slot() == slot_a
    hub.close()
    assert program.main(["--data-dir", str(home), "restore"]) == 0
    assert f"the newest backup: {slot_b}" in capsys.readouterr().out
    assert restored(hub).state("marker") == "2"


def test_the_backup_thread_backs_up_without_blocking_and_stops_when_told(hub: HubFiles) -> None:
    home = _home(hub)
    job = program.AutoBackup(home, program.load_settings(home), None)
    stop = threading.Event()
    thread = threading.Thread(target=job.loop, args=(stop, 0.0, 3600.0), daemon=True)
    thread.start()
    while program.slot_made_at(home / "backups" / "a") is None:  # pytest-timeout ends a hang
        assert thread.is_alive()
        hub.put_state("serving", str(uuid.uuid4()))  # the hub writes on meanwhile
        time.sleep(0.05)
    stop.set()
    thread.join(30)
    assert not thread.is_alive()


def test_a_hub_that_is_not_enrolled_yet_has_nothing_to_back_up(tmp_path: Path) -> None:
    settings = program.HubSettings(central="http://127.0.0.1:1")
    job = program.AutoBackup(tmp_path, settings, None)
    assert job.tick() is None
    assert not (tmp_path / "backups").exists()


def test_restore_without_a_whole_backup_names_where_it_looked(
    hub: HubFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _home(hub, backup_dir="elsewhere")
    (home / "elsewhere" / "a").mkdir(parents=True)  # cut short before its manifest
    hub.close()
    before = hub.db_file.read_bytes()
    assert program.main(["--data-dir", str(home), "restore"]) == 1
    err = capsys.readouterr().err
    assert f"no whole backup in {home / 'elsewhere'}" in err and "--from" in err
    assert hub.db_file.read_bytes() == before


def test_the_backup_settings_are_checked_and_configured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "hub"
    settings = program.HubSettings(central="http://127.0.0.1:1", backup_dir=r"D:\cadangan hub",
                                   backup_hours=0.5)  # fmt: skip
    program.save_settings(home, settings)
    assert program.load_settings(home) == settings
    assert program.main(["--data-dir", str(home), "configure", "--backup-hours", "0",
                         "--backup-dir", str(tmp_path / "usb")]) == 0  # fmt: skip
    saved = program.load_settings(home)
    assert saved.backup_hours == 0 and saved.backup_dir == str((tmp_path / "usb").resolve())
    assert program.backup_folder(home, saved) == (tmp_path / "usb").resolve()
    assert program.main(["--data-dir", str(home), "configure", "--backup-dir", ""]) == 0
    assert program.backup_folder(home, program.load_settings(home)) == home / "backups"
    capsys.readouterr()
    assert program.main(["--data-dir", str(home), "configure", "--backup-hours", "-1"]) == 1
    assert "backup_hours = -1.0 must be between 0" in capsys.readouterr().err
    assert program.load_settings(home).backup_hours == 0  # the refused change left it
    (home / program.SETTINGS_FILE).write_text(
        'central = "http://127.0.0.1:1"\nbackup_hours = "sehari"\n', encoding="utf-8"
    )
    with pytest.raises(program.SettingsError, match="backup_hours = 'sehari' must be a number"):
        program.load_settings(home)
    # An old hub.toml, without the backup settings: daily into the data folder's backups/.
    (home / program.SETTINGS_FILE).write_text('central = "http://127.0.0.1:1"\n', "utf-8")
    old = program.load_settings(home)
    assert old.backup_hours == 24 and program.backup_folder(home, old) == home / "backups"


def test_a_backup_is_restored_without_writing_into_it_from_a_folder_with_any_name(
    tmp_path: Path,
) -> None:
    """A ``#`` in a folder's name once cut the read-only URI short: SQLite opened (and made)
    another, empty file. And restoring wrote ``-wal`` and ``-shm`` into the backup."""
    hub = HubFiles(tmp_path / "Naskah Hub #2")
    try:
        folder = tmp_path / "cadangan 100% #1"
        made = restore.backup(hub.db_file, hub.blob_dir, folder)
        assert made.log_id == hub.state("log_id")
        hub.put_state("x", "y")
        assert program.pending_relay(hub.db_file.parent) == 0
        before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        hub.close()
        restore.restore(hub.db_file, hub.blob_dir, folder)
        assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
        assert restored(hub).state("restored_from") == made.log_id
        assert (
            not (tmp_path / "cadangan 100% ").exists() and not (tmp_path / "Naskah Hub ").exists()
        )
    finally:
        hub.close()
