"""Show the SQL behind each benchmarked list operation, its query plan and its time.

    .venv/bin/python -m bench.explain [--letters 100000] [--what-if SQL ...] [--match TEXT]

Each operation is run once through the real services (``desktop.letters.queries``) while the
statements they send are captured; each statement is then planned (EXPLAIN QUERY PLAN) and timed
on its own. ``--what-if`` applies SQL (a proposed index, ANALYZE) to the scratch copy first, so a
fix can be judged before it becomes a migration.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from bench import generate
from bench.run import Bench, opened, scratch_copy

SLOW_MS = 10_000.0  # a statement slower than this is timed once


def operations(store: Any, user: Any, words: tuple[str, str]) -> dict[str, Callable[[], object]]:
    from desktop.letters import queries
    from desktop.letters.queries import ListFilter, Queue

    out = Queue.OUTGOING
    today = date.today()
    quarter = ListFilter(date_from=today - timedelta(days=91), date_to=today)
    ops: dict[str, Callable[[], object]] = {
        "count Surat Keluar": lambda: queries.count(store, user, out),
        "first page Surat Keluar": lambda: queries.page(store, user, out),
    }
    for key in queries.SORTABLE:
        ops[f"sort by {key} desc"] = lambda k=key: queries.page(store, user, out, sort=k)
        ops[f"sort by {key} asc"] = lambda k=key: queries.page(
            store, user, out, sort=k, descending=False
        )
    ops["date range count"] = lambda: queries.count(store, user, out, quarter)
    ops["date range page"] = lambda: queries.page(store, user, out, quarter)
    for word in words:
        filt = ListFilter(search=word)
        ops[f"search '{word}' count"] = lambda f=filt: queries.count(store, user, out, f)
        ops[f"search '{word}' page"] = lambda f=filt: queries.page(store, user, out, f)
    ops["queue counts"] = lambda: queries.queue_counts(store, user)
    return ops


def capture(engine: Any, fn: Callable[[], object]) -> list[tuple[str, Any]]:
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    def listener(_conn: Any, _cur: Any, statement: str, params: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", listener)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return seen


def explain(con: sqlite3.Connection, statement: str, params: Any) -> tuple[list[str], float, int]:
    plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + statement, params)]
    best = float("inf")
    rows = 0
    for _ in range(3):
        t = time.perf_counter()
        rows = len(con.execute(statement, params).fetchall())
        elapsed = (time.perf_counter() - t) * 1000
        best = min(best, elapsed)
        if elapsed > SLOW_MS:
            break
    return plan, best, rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.explain", description=__doc__.split("\n")[0])
    p.add_argument("--letters", type=int, default=generate.DEFAULT_LETTERS)
    p.add_argument("--what-if", action="append", default=[], metavar="SQL")
    p.add_argument("--match", default="", help="only operations whose name contains this")
    args = p.parse_args(argv)
    cached = generate.ensure_store(args.letters)
    manifest = generate.manifest(cached)
    bench = Bench(scratch_copy(cached, args.letters, args.what_if), manifest)
    for statement in args.what_if:
        print(f"what-if: {statement}")
    words = (str(manifest["common_word"]), str(manifest["rare_word"]))
    with opened(bench) as (store, user):
        con = sqlite3.connect(store.path)
        con.execute("PRAGMA cache_size=-32000")  # as the app's connections
        try:
            for name, fn in operations(store, user, words).items():
                if args.match not in name:
                    continue
                for statement, params in capture(store.engine, fn):
                    plan, ms, rows = explain(con, statement, params)
                    print(f"\n== {name}: {ms:.1f} ms, {rows} rows")
                    print(" ".join(statement.split()))
                    for step in plan:
                        print(f"   {step}")
        finally:
            con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
