"""What ack pruning saves on the server (issue 13: ``applied_mutations`` was 24 % of the
database and never pruned; ``sync/server/pruning.py``).

    .venv/bin/python -m bench.pruning_bench [--letters 1000]
    bash packaging/dev.sh bench --only pruning

A real server on 127.0.0.1 (SQLite, a file) per office, two offices with the same work: a PC makes
``--letters`` draft letters (each with its revisions and audit entries, as the app writes them)
and syncs them up, then syncs once more (an idle sync, which confirms the last answer). Office A
is an office like any: its PC confirms each answer it applied, and the server forgets the acks it
confirmed. Office B has an office hub registered at central, where acks are never pruned (a
hub's late relay must find them): it stands for the server before pruning, in the same run.
Each office has its own server database, so that the share of the file ``applied_mutations``
takes (its table and indexes, ``dbstat``, after ``VACUUM``) is the office's own. Printed: the
acks kept (rows, and bytes of their columns) and that share, with and without pruning.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

DEFAULT_LETTERS = 1000


def _office(server: Any, root: Path, name: str, letters: int, hub: bool) -> dict[str, Any]:
    from desktop.store.db import open_store
    from sync.client import engine
    from sync.server import hubs
    from tests.sync.pcs import PC, draft, set_up_office

    code, office_id = server.new_office(f"Kecamatan {name}")
    if hub:  # a hub device of the office, allowed at central: its office's acks are kept
        hub_device = server.enrol(code, "Server kantor")
        hubs.allow(server.engine, hub_device.device_id)
    pc = PC(name, open_store(root / name))
    set_up_office(pc)
    engine.enroll(pc.store, server.url, code, server.enrol_code(code), name)
    pc.sync()
    for n in range(letters):
        draft(pc, f"Undangan rapat koordinasi nomor {n + 1}")
    pushed = pc.sync().pushed
    pc.sync()  # idle: confirms the last answer it applied
    pc.close()
    return {"office_id": office_id, "pushed": pushed}


def _kept(path: Path, office_id: str) -> tuple[int, int]:
    """Rows of ``applied_mutations`` kept for the office, and the bytes of their columns."""
    with sqlite3.connect(path) as conn:
        rows, size = conn.execute(
            "SELECT count(*), coalesce(sum(length(mutation_id) + length(device_id)"
            " + length(office_id) + length(ack) + 16), 0)"
            " FROM applied_mutations WHERE office_id = ?",
            (office_id,),
        ).fetchone()
    return int(rows), int(size)


def _table_share(path: Path) -> tuple[float, int]:
    """The share of the database file's pages ``applied_mutations`` and its indexes take, and
    the file's size in bytes."""
    with sqlite3.connect(path) as conn:
        conn.execute("VACUUM")
        total = conn.execute("SELECT sum(pgsize) FROM dbstat").fetchone()[0]
        acks = conn.execute(
            "SELECT coalesce(sum(s.pgsize), 0) FROM dbstat s JOIN sqlite_master m"
            " ON m.name = s.name WHERE m.tbl_name = 'applied_mutations'"
        ).fetchone()[0]
    return 100.0 * acks / total, int(total)


def measure(letters: int = DEFAULT_LETTERS, log: Any = print) -> dict[str, Any]:
    import keyring

    from desktop import seam
    from tests.memory_keyring import MemoryKeyring
    from tests.sync.conftest import running_server

    keyring.set_keyring(MemoryKeyring())
    seam.install()
    result: dict[str, Any] = {"letters": letters}
    with tempfile.TemporaryDirectory(prefix="naskah-pruning-") as tmp:
        root = Path(tmp)
        for name, hub in (("pruned", False), ("kept", True)):
            log(f"  {name}: {letters} letters up ({'a hub: acks kept' if hub else 'acks pruned'})")
            with running_server("sqlite", root / f"server-{name}") as server:
                office = _office(server, root, name, letters, hub)
                db_file = Path(server.db_url.removeprefix("sqlite:///"))
                office["rows"], office["bytes"] = _kept(db_file, office["office_id"])
            office["share_pct"], office["db_bytes"] = _table_share(db_file)
            result[name] = office
    return result


def figures(letters: int = DEFAULT_LETTERS, log: Any = print) -> list[Any]:
    from bench.run import Figure

    r = measure(letters, log)
    a, b = r["pruned"], r["kept"]
    saved = 100.0 * (1 - a["bytes"] / b["bytes"]) if b["bytes"] else 0.0
    return [
        Figure("acks kept after syncing (ack pruning)", a["rows"], "rows", "count",
               note=f"{letters} letters, {a['pushed']} mutations: {a['bytes'] // 1024} KB kept, "
               f"{saved:.0f} % less than without pruning ({b['rows']} rows, "
               f"{b['bytes'] // 1024} KB; an office with a hub)"),
        Figure("applied_mutations share of the server database", a["share_pct"], "%", "dbstat",
               note=f"database {a['db_bytes'] // 1024} KB; without pruning {b['share_pct']:.1f} "
               f"% of {b['db_bytes'] // 1024} KB (issue 13 measured 24 %)"),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.pruning_bench", description=__doc__.split("\n")[0])
    p.add_argument("--letters", type=int, default=DEFAULT_LETTERS)
    args = p.parse_args(argv)
    r = measure(args.letters)
    for name in ("pruned", "kept"):
        o = r[name]
        print(f"{name}: {o['pushed']} mutations in the letters' sync; {o['rows']} acks kept "
              f"({o['bytes'] // 1024} KB); applied_mutations {o['share_pct']:.1f} % of the "
              f"{o['db_bytes'] // 1024} KB database")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
