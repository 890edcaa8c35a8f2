"""What the server's access gate by sifat (``sync/server/access.py``) costs on a pull page.

    .venv/bin/python -m bench.access_bench [--records 100000]
    bash packaging/dev.sh bench --only access_gate

A server database (SQLite, a file) with one office of ``--records`` records, as an office's
outgoing letters make them: per letter the letter, two revisions, a review step and its issued
number (20,000 letters for 100,000 records), in a change log whose order is shuffled, as rewrites
leave it (a letter signed later moves behind its revisions, so a page holds children of letters
that are not on it: the gate then looks the letter up). Two offices of the same shape: every
letter Biasa, and one in ten Rahasia, a third of those drafted by the device's user (the others
held back, with their reviewers indexed and the records the device may not see already in
``withheld``, so that each request also looks at 200 of them again).

For pages of the size the app asks for (``MAX_PAGE`` changes or ``PAGE_BYTES`` of JSON) at
cursors spread over the log: the page's own read (``records.changes_after``) and the gate
(``Gate`` made, ``filter`` over the page, ``reoffer``), each timed, the gate's writes rolled back.
Target (docs/benchmarks.md): the gate costs at most 10 % of the page's read, p95 over the pages.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DEFAULT_RECORDS = 100_000
PER_LETTER = 5  # letter, 2 revisions, review step, issued number
RESTRICTED_SHARE = 0.10  # letters above Biasa, in the restricted office
MINE_SHARE = 1 / 3  # of those, drafted by the device's user
PAGES = 12
TARGET_PCT = 10.0
BODY = (
    "<p>Dalam rangka pelaksanaan kegiatan pemerintahan di wilayah Kecamatan, dengan hormat "
    "kami sampaikan bahwa rapat koordinasi akan dilaksanakan sesuai jadwal terlampir.</p>"
) * 4


def _people(n: int) -> list[str]:
    return [str(uuid.UUID(int=i + 1)) for i in range(n)]


def fill(engine: Any, office_id: str, letters: int, restricted: bool, user: str, seed: int) -> int:
    """Write ``letters`` letters' records and change log straight into the tables (what
    ``handle_sync`` would leave, without applying 100,000 mutations one by one)."""
    from sync.protocol import Entity
    from sync.server import db

    rng = random.Random(seed)
    people = [p for p in _people(40) if p != user]
    now = datetime(2026, 12, 1, tzinfo=UTC)
    records: list[dict[str, Any]] = []
    readers: list[dict[str, Any]] = []
    for n in range(letters):
        letter_id = str(uuid.UUID(int=rng.getrandbits(128)))
        secret = restricted and rng.random() < RESTRICTED_SHARE
        drafter = user if secret and rng.random() < MINE_SHARE else rng.choice(people)
        reviewer = rng.choice(people)
        letter = {
            "id": letter_id, "letter_type": "surat_dinas", "status": "signed",
            "hal": f"Undangan rapat koordinasi {n}", "sifat": "Rahasia" if secret else "Biasa",
            "drafter_id": drafter, "signer_id": rng.choice(people), "holder_id": None,
            "body_html": BODY, "number": f"400.10/{n + 1:05d}/Kec.UJI/2026",
        }  # fmt: skip
        rows = [(Entity.LETTER, letter)]
        for r in range(2):
            rows.append((Entity.LETTER_REVISION, {
                "id": str(uuid.UUID(int=rng.getrandbits(128))), "letter_id": letter_id,
                "revision_no": r + 1, "snapshot": {"hal": letter["hal"], "body_html": BODY},
            }))  # fmt: skip
        step = {
            "id": str(uuid.UUID(int=rng.getrandbits(128))), "letter_id": letter_id,
            "round": 1, "position": 1, "kind": "paraf", "reviewer_id": reviewer,
            "state": "done",
        }  # fmt: skip
        rows.append((Entity.REVIEW_STEP, step))
        rows.append((Entity.ISSUED_NUMBER, {
            "id": str(uuid.UUID(int=rng.getrandbits(128))), "letter_id": letter_id,
            "series": "keluar", "year": 2026, "seq": n + 1, "text": letter["number"],
        }))  # fmt: skip
        if restricted:  # what access.index writes when the step is applied
            readers.append(dict(office_id=office_id, root_entity=Entity.LETTER.value,
                                root_id=letter_id, person_id=reviewer))  # fmt: skip
        for entity, fields in rows:
            records.append(dict(
                office_id=office_id, entity=entity.value, entity_id=fields["id"], version=1,
                deleted=False, fields=fields, updated_by_device=None, updated_at=now,
            ))  # fmt: skip
    order = list(range(len(records)))
    rng.shuffle(order)
    log = [
        dict(office_id=office_id, seq=seq + 1, entity=records[i]["entity"],
             entity_id=records[i]["entity_id"], version=1)
        for seq, i in enumerate(order)
    ]  # fmt: skip
    with db.write_tx(engine) as conn:
        for start in range(0, len(records), 5000):
            conn.execute(db.records.insert(), records[start : start + 5000])
            conn.execute(db.change_log.insert(), log[start : start + 5000])
        if readers:
            conn.execute(db.access_readers.insert(), readers)
        conn.execute(
            db.office_counters.update()
            .where(db.office_counters.c.office_id == office_id)
            .values(last_seq=len(log))
        )
    return len(records)


def _device(engine: Any, office_id: str, name: str) -> str:
    from sync.server import db

    device_id = str(uuid.uuid4())
    with db.write_tx(engine) as conn:
        conn.execute(db.devices.insert().values(
            id=device_id, office_id=office_id, name=name, token_hash=uuid.uuid4().hex,
            created_at=datetime(2026, 12, 1, tzinfo=UTC), lease_epoch=0,
        ))  # fmt: skip
    return device_id


def withhold_all(engine: Any, office_id: str, device_id: str, user: str) -> int:
    """Put in ``withheld`` every record the device's user may not see (what earlier pulls of
    the whole office would have left there)."""
    from sync.protocol import Change, Entity, Op
    from sync.server import access, db

    r = db.records.c
    with db.write_tx(engine) as conn:
        gate = access.Gate(conn, office_id, device_id, [user])
        rows = conn.execute(select_records(r, office_id)).all()
        changes = [
            Change(seq=0, entity=Entity(row.entity), entity_id=row.entity_id, version=1,
                   op=Op.UPSERT, fields=dict(row.fields))
            for row in rows
        ]  # fmt: skip
        kept = gate.filter(changes)
        return len(changes) - len(kept)


def select_records(r: Any, office_id: str) -> Any:
    from sqlalchemy import select

    return select(r.entity, r.entity_id, r.fields).where(r.office_id == office_id)


def measure(
    engine: Any, office_id: str, device_id: str, user: str, total: int, pages: int
) -> tuple[list[float], list[float], int, int]:
    """(page ms, gate ms, changes seen, changes withheld) for ``pages`` pages at cursors
    spread over the log."""
    from sync.protocol import MAX_PAGE, PAGE_BYTES
    from sync.server import access, records

    page_ms: list[float] = []
    gate_ms: list[float] = []
    seen = held = 0
    step = max(1, total // pages)
    for cursor in range(0, total, step)[:pages]:
        with engine.connect() as conn:
            trans = conn.begin()
            try:
                started = time.perf_counter()
                page, _more, _cursor = records.changes_after(
                    conn, office_id, cursor, MAX_PAGE, {}, PAGE_BYTES
                )
                middle = time.perf_counter()
                gate = access.Gate(conn, office_id, device_id, [user])
                gate.reoffer()
                passed = gate.filter(page)
                done = time.perf_counter()
            finally:
                trans.rollback()
        page_ms.append((middle - started) * 1000)
        gate_ms.append((done - middle) * 1000)
        seen += len(page)
        held += len(page) - len(passed)
    return page_ms, gate_ms, seen, held


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def run(records_n: int, root: Path, log: Callable[[str], None]) -> dict[str, Any]:
    from sync.server import admin, db

    url = f"sqlite:///{root / 'server.db'}"
    engine = db.make_engine(url)
    db.init_db(engine)
    letters = records_n // PER_LETTER
    user = _people(1)[0]
    result: dict[str, Any] = {"records": records_n}
    for name, restricted, seed in (("biasa", False, 1), ("restricted", True, 2)):
        office_id = admin.add_office(engine, f"KEC-{name.upper()}", f"Kecamatan {name}")
        started = time.perf_counter()
        total = fill(engine, office_id, letters, restricted, user, seed)
        device_id = _device(engine, office_id, f"pc-{name}")
        withheld = withhold_all(engine, office_id, device_id, user) if restricted else 0
        log(f"access gate: office {name}: {total:,} records, {withheld:,} withheld for the "
            f"device ({time.perf_counter() - started:.1f} s to build)")  # fmt: skip
        page_ms, gate_ms, seen, held = measure(engine, office_id, device_id, user, total, PAGES)
        share = [100 * g / p for g, p in zip(gate_ms, page_ms, strict=True)]
        result[name] = {
            "page_ms": page_ms, "gate_ms": gate_ms, "share_pct": share, "pages": len(page_ms),
            "changes_per_page": seen / max(1, len(page_ms)), "held": held, "withheld": withheld,
        }  # fmt: skip
        log(f"access gate: {name}: page p95 {_p95(page_ms):.0f} ms, gate p95 "
            f"{_p95(gate_ms):.1f} ms, gate/page p95 {_p95(share):.1f} % over {len(page_ms)} "
            f"pages of {seen // max(1, len(page_ms)):,} changes")  # fmt: skip
    engine.dispose()
    return result


def figures(records_n: int = DEFAULT_RECORDS, log: Callable[[str], None] = print) -> list[Any]:
    from bench.run import Figure

    with tempfile.TemporaryDirectory(prefix="naskah-access-bench-") as tmp:
        result = run(records_n, Path(tmp), log)
    out: list[Figure] = []
    for name, label in (("biasa", "all Biasa"), ("restricted", "10% Rahasia")):
        r = result[name]
        note = (
            f"page p95 {_p95(r['page_ms']):.0f} ms, gate p95 {_p95(r['gate_ms']):.1f} ms "
            f"(median {statistics.median(r['gate_ms']):.1f}); "
            f"{r['changes_per_page']:.0f} changes a page"
        )
        if r["withheld"]:
            note += f"; {r['withheld']:,} records withheld, 200 looked at again per request"
        out.append(Figure(
            f"access gate on a pull page, {records_n // 1000}k records, {label}",
            _p95(r["share_pct"]), "%", "p95", target=TARGET_PCT,
            target_text=f"<= {TARGET_PCT:g} % of the page's read", runs=r["pages"], note=note,
            samples=r["share_pct"],
        ))  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=DEFAULT_RECORDS)
    args = parser.parse_args(argv)
    from bench.run import table

    print(table(figures(args.records)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
