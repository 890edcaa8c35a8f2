"""A record lookup by id finds each row by the whole primary key on PostgreSQL even when the
planner's statistics do not know the office (issue 13: a new office joining a big server, or an
office grown since the last ANALYZE): ``records.by_whole_key``, used by a push's prefetch and by
a pull page's records."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from sync.server import admin, db, records
from tests.sync.conftest import running_server

OTHER_OFFICE_ROWS = 30_000
OFFICE_ROWS = 4_000


def _fill(engine: Any) -> None:
    """Two offices' records written after ANALYZE saw the table empty: stale statistics."""
    with engine.begin() as conn:
        for office in ("big", "new"):
            row = dict(id=office, code=office.upper(), name=office, created_at=db.utcnow())
            conn.execute(db.offices.insert().values(**row))
    with engine.begin() as conn:
        conn.execute(text("ANALYZE records"))
    rows = [("big", str(uuid.uuid4())) for _ in range(OTHER_OFFICE_ROWS)]
    rows += [("new", f"n{i:06d}") for i in range(OFFICE_ROWS)]
    with engine.begin() as conn:
        for start in range(0, len(rows), 5_000):
            conn.execute(
                db.records.insert(),
                [dict(office_id=o, entity="person", entity_id=i, version=1, deleted=False,
                      fields={"id": i}, updated_at=db.utcnow())
                 for o, i in rows[start : start + 5_000]],
            )  # fmt: skip


def test_postgresql_looks_records_up_by_the_whole_key_with_stale_statistics(
    tmp_path: Path,
) -> None:
    with running_server("postgresql", tmp_path) as server:  # skipped without NASKAH_TEST_PG_URL
        engine = db.make_engine(server.db_url)
        try:
            _fill(engine)
            wanted = [f"n{i:06d}" for i in range(0, OFFICE_ROWS, 20)] + ["absent"]
            sent: list[tuple[str, Any]] = []

            def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
                sent.append((statement, parameters))

            t = db.records
            with engine.connect() as conn:
                event.listen(conn, "before_cursor_execute", keep)
                rows = records.by_whole_key(
                    conn, [t.c.entity_id, t.c.version], "new", "person", wanted
                )
                event.remove(conn, "before_cursor_execute", keep)
                [(statement, parameters)] = sent
                cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
                cursor.execute("EXPLAIN " + statement, parameters)
                plan = "\n".join(line for (line,) in cursor.fetchall())
            assert sorted(r.entity_id for r in rows) == wanted[:-1]
            conditions = [line for line in plan.splitlines() if "Index Cond" in line]
            assert conditions, plan
            assert all("entity_id" in line for line in conditions), plan
            assert "Filter" not in plan, plan
        finally:
            engine.dispose()


def test_sqlite_looks_records_up_by_the_primary_key(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    admin.init_server(url, tmp_path / "blobs")
    engine = db.make_engine(url)
    try:
        _fill(engine)
        t = db.records
        with engine.connect() as conn:
            rows = records.by_whole_key(
                conn, [t.c.entity_id, t.c.version], "new", "person", ["n000001", "absent"]
            )
            plan = conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT entity_id FROM records WHERE office_id = 'new'"
                    " AND entity = 'person' AND entity_id IN ('n000001', 'absent')"
                )
            ).all()
        assert [r.entity_id for r in rows] == ["n000001"]
        assert "entity_id=?" in " ".join(str(p[-1]) for p in plan)
    finally:
        engine.dispose()
