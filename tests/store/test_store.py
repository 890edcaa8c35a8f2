"""The store file: migrations, health checks, a second copy of the app, disk full, backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel, select

from desktop.letters import drafting
from desktop.letters.errors import ValidationError
from desktop.store import migrate
from desktop.store.db import (
    DB_NAME,
    backup_file,
    latest_backup,
    make_engine,
    open_store,
    restore_backup,
)
from desktop.store.errors import DiskFull, StoreDamaged, StoreLocked
from desktop.store.models import Letter, Outbox
from tests.conftest import Office


def test_empty_file_migrates_to_head_and_matches_models(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision() == migrate.HEAD
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    # The FTS5 shadow tables are the migration's own, not models.
    diff = [
        d
        for d in diff
        if not (d[0] == "remove_table" and d[1].name.startswith(("letter_fts", "incoming_fts")))
    ]
    assert diff == []  # the migrations build exactly the tables the models describe
    with sqlite3.connect(store.path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA application_id").fetchone()[0] != 0


def test_upgrade_from_previous_revision_keeps_data_and_backs_up(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    engine = make_engine(data_dir / DB_NAME)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO person (id, version, updated_at, name, nip, pangkat, jabatan,"
                " username, password_hash, roles, active, failed_logins)"
                " VALUES ('p1', 0, '2026-01-01', 'A',"
                " '198503122010011002', '', 'Staf', 'a', 'x', 'drafter', 1, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO letter (id, version, created_at, updated_at, letter_type, status,"
                " classification_code, sifat, urgency, lampiran, hal, addressees_json,"
                " addressees_text, body_html, body_text, tembusan_json, drafter_id,"
                " signer_capacity, signer_on_behalf_of, number, signature_kind, revision_no,"
                " return_note) VALUES"
                " ('l1', 0, '2026-01-01', '2026-01-01', 'surat_dinas', 'draft', '', 'Biasa',"
                " 'Biasa', '-', 'Pemberitahuan Jadwal Posyandu', '[]', '', '', 'jadwal posyandu',"
                " '[]', 'p1', '', '', '', '', 0, '')"
            )
        )
    engine.dispose()
    store = open_store(data_dir)
    try:
        with store.read() as s:
            hit = s.execute(text("SELECT rowid FROM letter_fts WHERE letter_fts MATCH 'posyandu'"))
            assert len(hit.all()) == 1  # the new FTS index covers rows made before it
        backups = list((data_dir / "backups").glob("*sebelum-migrasi-0001*"))
        assert len(backups) == 1
    finally:
        store.close()


def test_second_copy_on_same_data_dir_is_refused(store, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreLocked) as err:
        open_store(data_dir)
    assert "sudah berjalan" in err.value.message


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"This is not a database at all" * 10, "bukan berkas SQLite"),
        (b"SQLite format 3\x00" + b"\xff" * 2000, ""),
    ],
)
def test_damaged_file_gives_clear_error(data_dir: Path, content: bytes, detail: str) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(content)
    with pytest.raises(StoreDamaged) as err:
        open_store(data_dir)
    assert "rusak" in err.value.message and detail in err.value.message
    open_store_again = pytest.raises(StoreDamaged)
    with open_store_again:  # the lock was released: trying again gives the same answer
        open_store(data_dir)


def test_foreign_sqlite_file_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    con = sqlite3.connect(data_dir / DB_NAME)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreDamaged, match="aplikasi lain"):
        open_store(data_dir)


def test_restore_last_backup_after_damage(office_staff: Office) -> None:
    o = office_staff
    data_dir = o.store.data_dir
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    backup_file(o.store.path, "harian")
    o.store.close()
    (data_dir / DB_NAME).write_bytes(b"garbage" * 100)
    for side in ("-wal", "-shm"):
        (data_dir / f"{DB_NAME}{side}").unlink(missing_ok=True)
    with pytest.raises(StoreDamaged):
        open_store(data_dir)
    backup = latest_backup(data_dir)
    assert backup is not None
    restore_backup(data_dir, backup)
    assert list(data_dir.glob(f"{DB_NAME}.rusak-*"))  # the damaged file is kept aside
    store = open_store(data_dir)
    try:
        with store.read() as s:
            assert s.exec(select(Letter).where(Letter.id == letter.id)).first() is not None
    finally:
        store.close()


def test_disk_full_keeps_previous_state(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    data = drafting.input_of(letter)
    data.hal = "Versi yang tersimpan"
    drafting.save_draft(o.store, o.drafter, letter.id, data)
    with o.store.read() as s:
        outbox_before = len(s.exec(select(Outbox)).all())
    # Make SQLite run out of pages exactly as on a full disk (SQLITE_FULL).
    pool = o.store.engine.pool
    o.store.engine.dispose()
    with sqlite3.connect(o.store.path) as con:
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    from sqlalchemy import event

    def cap(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    event.listen(o.store.engine, "connect", cap)
    data.hal = "Versi baru " + "x" * 4000
    data.body_html = "<p>" + "isi panjang " * 20000 + "</p>"
    with pytest.raises(DiskFull) as err:
        drafting.save_draft(o.store, o.drafter, letter.id, data)
    assert "Disk penuh" in err.value.message
    event.remove(o.store.engine, "connect", cap)
    o.store.engine.dispose()
    del pool
    with o.store.read() as s:
        row = s.exec(select(Letter).where(Letter.id == letter.id)).one()
        assert row.hal == "Versi yang tersimpan"
        assert len(s.exec(select(Outbox)).all()) == outbox_before
    with sqlite3.connect(o.store.path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_invalid_office_input_saves_nothing(store) -> None:  # type: ignore[no-untyped-def]
    from desktop.letters import office
    from tests.conftest import office_input, person_input

    with pytest.raises(ValidationError) as err:
        office.setup(
            store,
            office_input(unit_code="Kec/SKM", logo=b"GIF89a not allowed", email="bukan-email"),
            person_input("Admin", "123", "admin", set()),
        )
    assert {"unit_code", "logo", "email", "admin.nip"} <= set(err.value.fields)
    assert not office.is_set_up(store)
    assert not (store.blob_dir).exists() or not any(store.blob_dir.rglob("*"))
