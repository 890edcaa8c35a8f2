"""Migration 0008: letter bodies move to their own table, and search still finds them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desktop.letters import drafting, queries
from desktop.letters.queries import ListFilter, Queue
from desktop.store import migrate
from desktop.store.db import DB_NAME, make_engine, open_store
from tests.conftest import Office

LETTERS = [
    ("l1", 1, "Jadwal Posyandu", "<p>Posyandu balita di dusun Nanga.</p>", "posyandu balita"),
    ("l2", 2, "Abrasi pantai", "<p>Laporan abrasi pantai Labuan.</p>", "laporan abrasi pantai"),
]


def _store_at_0006_with_letters(data_dir: Path) -> None:
    engine = make_engine(data_dir / DB_NAME)
    migrate.upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO person (id, version, updated_at, name, nip, pangkat, jabatan,"
                " username, password_hash, roles, active, failed_logins)"
                " VALUES ('p1', 0, '2026-01-01', 'A',"
                " '198503122010011002', '', 'Staf', 'a', 'x', 'drafter', 1, 0)"
            )
        )
        for letter_id, seq, hal, html, body_text in LETTERS:
            conn.execute(
                text(
                    "INSERT INTO letter (seq, id, version, created_at, updated_at, letter_type,"
                    " status, classification_code, sifat, urgency, lampiran, hal,"
                    " addressees_json, addressees_text, body_html, body_text, tembusan_json,"
                    " drafter_id, signer_capacity, signer_on_behalf_of, number, signature_kind,"
                    " verify_code, revision_no, return_note) VALUES"
                    " (:seq, :id, 0, '2026-01-01', '2026-01-01', 'surat_dinas', 'signed', '',"
                    " 'Biasa', 'Biasa', '-', :hal, '[]', '', :html, :text, '[]', 'p1', '', '',"
                    " '', '', '', 0, '')"
                ),
                {"seq": seq, "id": letter_id, "hal": hal, "html": html, "text": body_text},
            )
    engine.dispose()


def _matches(conn, word: str) -> list[int]:  # type: ignore[no-untyped-def]
    sql = text("SELECT rowid FROM letter_fts WHERE letter_fts MATCH :w ORDER BY rowid")
    return [r[0] for r in conn.execute(sql, {"w": word})]


def test_upgrade_moves_bodies_and_keeps_them_searchable(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    _store_at_0006_with_letters(data_dir)
    store = open_store(data_dir)  # migrates to head
    try:
        with store.engine.connect() as conn:
            columns = {r[1] for r in conn.execute(text("PRAGMA table_info(letter)"))}
            assert not {"body_html", "body_text"} & columns  # narrow letter rows
            bodies = conn.execute(
                text("SELECT letter_id, body_html, body_text FROM letter_body ORDER BY letter_id")
            ).all()
            assert bodies == [(i, html, t) for i, _, _, html, t in LETTERS]
            assert _matches(conn, "posyandu") == [1]
            assert _matches(conn, "abrasi") == [2]  # a word only in the body
            assert _matches(conn, "pantai") == [2]
            check = "INSERT INTO letter_fts(letter_fts, rank) VALUES ('integrity-check', 1)"
            conn.execute(text(check))  # the index agrees with its content
    finally:
        store.close()


def test_downgrade_puts_bodies_back(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    _store_at_0006_with_letters(data_dir)
    engine = make_engine(data_dir / DB_NAME)
    migrate.upgrade(engine, "0008")
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, body_html, body_text FROM letter ORDER BY id")).all()
        assert rows == [(i, html, t) for i, _, _, html, t in LETTERS]
        assert _matches(conn, "abrasi") == [2]
    engine.dispose()


def test_saving_a_draft_keeps_the_index_in_step(office_staff: Office) -> None:
    store, budi = office_staff.store, office_staff.drafter
    letter = drafting.new_draft(store, budi, "surat_dinas")
    data = drafting.input_of(letter)
    data.hal = "Undangan rapat"
    data.body_html = "<p>Rapat membahas abrasi pantai.</p>"
    drafting.save_draft(store, budi, letter.id, data)

    def found(word: str) -> int:
        return queries.count(store, budi, Queue.DRAFTS, ListFilter(search=word))

    assert found("abrasi") == 1
    data.body_html = "<p>Rapat membahas jalan desa.</p>"
    drafting.save_draft(store, budi, letter.id, data)
    assert found("abrasi") == 0
    assert found("jalan") == 1
    assert drafting.get_letter(store, budi, letter.id).body_html == data.body_html
    drafting.delete_draft(store, budi, letter.id)
    with store.engine.connect() as conn:
        conn.execute(text("INSERT INTO letter_fts(letter_fts, rank) VALUES ('integrity-check', 1)"))
