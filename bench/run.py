"""Measure Naskah on a realistic store and compare each figure with its target.

    .venv/bin/python -m bench.run [--letters 100000] [--only NAME[,NAME...]]

NAME is one of: cold_start, memory, lists, search, save_draft, render, signing, libreoffice,
incoming, agenda_import, cli, registers, hub_lan, hub, link_lab (``naskah sync`` over an emulated
rural link: 200 letters + 4 scans, or the issue's 1,000 + 20 with ``--link-lab-full``), access_gate
(what the server's access check by sifat costs on a pull page of an office of 100,000 records),
upload_bytes (the link lab's 1,000 letters + 20 scans synced up over loopback, every request's
bytes taken apart: ``bench/upload_bytes.py``), pruning (what ack pruning saves in the server's
database), server (mutations/s one ``naskah-server serve`` process accepts:
``bench/server_bench.py``). The store comes from ``bench.generate`` (built once,
cached under bench/out/) and is copied to a scratch folder for each run, so the logins, saves and
signatures a run makes never change the cached store (``libreoffice``, the comparison with a .docx
template converted by LibreOffice, ``incoming``, ``agenda_import`` and ``registers``, which write
their own stores, ``cli``, the command line's start-up on a store with one signed letter, and
``hub_lan``/``hub``, an office hub and PCs as processes, need no store).
Prints a markdown table and writes bench/out/results.json. See docs/benchmarks.md for what each
figure means.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import bytecode, generate

GROUPS = (
    "cold_start", "memory", "lists", "search", "save_draft", "render", "signing", "libreoffice",
    "incoming", "agenda_import", "cli", "registers", "hub_lan", "hub", "link_lab", "access_gate",
    "upload_bytes", "pruning", "server",
)  # fmt: skip
NO_STORE = (
    "libreoffice", "incoming", "agenda_import", "cli", "registers", "hub_lan", "hub", "link_lab",
    "access_gate", "upload_bytes", "pruning", "server",
)  # fmt: skip
ROOT = Path(__file__).resolve().parents[1]
RESULTS = generate.OUT_DIR / "results.json"
COLD_RUNS = 5
CHILD_TIMEOUT_S = 60.0
LIST_RUNS = 30
SAVE_RUNS = 50
RENDER_RUNS = 20
LIST_TARGET_MS = 30.0  # every list, filter and search (issue 11)
SAVE_TARGET_MS = 15.0
QUEUE_COUNTS_TARGET_MS = 50.0
TYPING_CAP = 1000  # while the person types, a count stops here ("1.000+")
BUDGET_S = 30.0  # per figure: a pathologically slow query is timed fewer times, not for hours
CALL_LIMIT_S = 20.0  # one call past this is stopped (its SQL interrupted) and reported as ">="


@dataclass
class Figure:
    name: str
    measured: float | None  # in ``unit``; None when it could not be measured
    unit: str
    stat: str  # "p95", "median", ...
    target: float | None = None  # None: reported, no target
    target_text: str = ""
    runs: int = 0
    note: str = ""
    samples: list[float] = field(default_factory=list)
    lower_bound: bool = False  # the call was stopped: the real figure is higher
    higher_better: bool = False  # a rate: the target is a floor, not a ceiling

    @property
    def verdict(self) -> str:
        if self.measured is None:
            return "MISS" if self.target is not None else "-"
        if self.target is None:
            return "-"
        if self.higher_better:
            return "PASS" if self.measured >= self.target else "MISS"
        return "PASS" if self.measured <= self.target else "MISS"


# -- timing helpers --------------------------------------------------------------------------------


def p95(samples: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


class Interrupted(Exception):
    """A call ran past ``CALL_LIMIT_S`` and its SQL statement was interrupted."""


_deadline = math.inf


def install_watchdog(engine: Any) -> None:
    """Let ``timed`` stop a runaway statement: every connection checked out of ``engine`` gets a
    progress handler that aborts the statement once the current call's deadline has passed."""
    from sqlalchemy import event

    def abort() -> int:
        return int(time.perf_counter() > _deadline)

    def on_checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_progress_handler(abort, 20_000)

    event.listen(engine, "checkout", on_checkout)


def call(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and thread-CPU seconds of one call; Interrupted past ``CALL_LIMIT_S``."""
    from sqlalchemy.exc import OperationalError

    global _deadline
    t = time.perf_counter()
    c = time.thread_time()
    _deadline = t + CALL_LIMIT_S
    try:
        fn()
    except OperationalError as exc:
        if "interrupted" in str(exc):
            raise Interrupted() from exc
        raise
    finally:
        _deadline = math.inf
    return time.perf_counter() - t, time.thread_time() - c


def timed(
    fn: Callable[[], object], runs: int, *, warmup: int = 2
) -> tuple[list[float], list[float], str]:
    """Wall and thread-CPU times of ``runs`` calls in ms, after ``warmup`` calls; fewer runs when
    they would take over ``BUDGET_S``. CPU time shows how much of the wall time was this work and
    how much was waiting (another process on a busy CPU, the disk). Raises Interrupted."""
    started = time.perf_counter()
    first = 0.0
    for _ in range(warmup):
        first, cpu = call(fn)
        if time.perf_counter() - started > BUDGET_S:
            return [first * 1000], [cpu * 1000], "too slow to repeat: one call timed"
    budget_runs = runs if first <= 0 else max(1, min(runs, int(BUDGET_S / first)))
    wall: list[float] = []
    cpus: list[float] = []
    for _ in range(budget_runs):
        w, c = call(fn)
        wall.append(w * 1000)
        cpus.append(c * 1000)
    note = "" if budget_runs == runs else f"{budget_runs} runs (time budget)"
    return wall, cpus, note


def ms_figure(
    name: str,
    fn: Callable[[], object],
    target: float | None,
    *,
    stat: str = "p95",
    runs: int = LIST_RUNS,
    note: str = "",
) -> Figure:
    text = f"{stat} <= {target:g} ms" if target is not None else "report"
    try:
        wall, cpu, budget_note = timed(fn, runs)
    except Interrupted:
        return Figure(
            name,
            CALL_LIMIT_S * 1000,
            "ms",
            stat,
            target,
            text,
            1,
            f"stopped after {CALL_LIMIT_S:g} s (a lower bound)",
            lower_bound=True,
        )

    def summary(samples: list[float]) -> float:
        return p95(samples) if stat == "p95" else statistics.median(samples)

    notes = "; ".join(n for n in (note, f"cpu {stat} {summary(cpu):.1f} ms", budget_note) if n)
    return Figure(name, summary(wall), "ms", stat, target, text, len(wall), notes, wall)


def failed(name: str, target: float | None, unit: str, exc: BaseException) -> Figure:
    text = f"<= {target:g} {unit}" if target is not None else "report"
    return Figure(name, None, unit, "-", target, text, 0, f"{type(exc).__name__}: {exc}")


# -- the store -------------------------------------------------------------------------------------


def scratch_copy(source: Path, letters: int, what_if: list[str]) -> Path:
    """A fresh copy of the cached store for this run (the cache itself is never written), with
    the ``what_if`` SQL statements applied to it (to measure a proposed index before migrating)."""
    import sqlite3

    from desktop.store.db import DB_NAME

    work = generate.OUT_DIR / f"work-n{letters}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(source, work, ignore=shutil.ignore_patterns("*.lock", "backups"))
    if what_if:
        con = sqlite3.connect(work / DB_NAME)
        try:
            for statement in what_if:
                con.execute(statement)
            con.commit()
        finally:
            con.close()
    return work


@dataclass
class Bench:
    data_dir: Path
    manifest: dict[str, Any]

    @property
    def username(self) -> str:
        return str(self.manifest["bench_user"])

    @property
    def password(self) -> str:
        return str(self.manifest["password"])


@contextmanager
def opened(bench: Bench) -> Iterator[tuple[Any, Any]]:
    from desktop.letters import accounts
    from desktop.store.db import open_store

    store = open_store(bench.data_dir)
    install_watchdog(store.engine)
    try:
        yield store, accounts.login(store, bench.username, bench.password)
    finally:
        store.close()


# -- cold start and memory (child processes) -------------------------------------------------------


class ChildTimeout(RuntimeError):
    pass


def child(args: list[str]) -> dict[str, Any]:
    """Run ``bench.coldstart``; its report plus ``wall_s``, the time from spawn to first paint
    as seen from this process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.coldstart", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    wall: float | None = None
    report: dict[str, Any] | None = None
    # The child is killed if it has not reported in time (a runaway query, a hang).
    killer = threading.Timer(CHILD_TIMEOUT_S, proc.kill)
    killer.start()
    try:
        for line in proc.stdout:
            if line.startswith("PAINTED") and wall is None:
                wall = time.perf_counter() - started
            elif line.startswith("BENCH "):
                report = json.loads(line[6:])
                break
        proc.wait(timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
    finally:
        killer.cancel()
    stderr = proc.stderr.read() if proc.stderr else ""
    proc.wait()
    if wall is None and time.perf_counter() - started >= CHILD_TIMEOUT_S:
        raise ChildTimeout(f"no first paint within {CHILD_TIMEOUT_S:g} s")
    if report is None or wall is None:
        tail = "\n".join(stderr.strip().splitlines()[-6:])
        raise RuntimeError(f"exit {proc.returncode}: {tail}")
    report["wall_s"] = wall
    return report


@dataclass
class ColdRuns:
    """The cold-start children's reports, by kind, and the first error of each kind (a failed
    or runaway kind is not repeated)."""

    bare: list[dict[str, Any]] = field(default_factory=list)
    main: list[dict[str, Any]] = field(default_factory=list)
    login: list[dict[str, Any]] = field(default_factory=list)
    enter: list[dict[str, Any]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    def run(self, kind: str, args: list[str]) -> None:
        if kind in self.errors:
            return
        try:
            getattr(self, kind).append(child(args))
        except ChildTimeout as exc:
            self.errors[kind] = f"timeout: {exc}"
        except Exception as exc:
            self.errors[kind] = f"{type(exc).__name__}: {exc}"


def cold_start(bench: Bench, runs: int, *, memory_only: bool = False) -> ColdRuns:
    """Alternate bare-window, main-window, log-in-screen and log-in-then-Enter children (only
    the first two for the memory figure)."""
    found = ColdRuns()
    who = [bench.username, bench.password]
    for _ in range(runs):
        found.bare.append(child(["bare"]))
        found.run("main", ["main", str(bench.data_dir), *who])
        if not memory_only:
            found.run("login", ["login", str(bench.data_dir)])
            found.run("enter", ["enter", str(bench.data_dir), *who])
    return found


def median_marks(reports: list[dict[str, Any]]) -> str:
    """The children's start-up marks, each the median over the runs, as "name seconds, ..."."""
    marks = {k: statistics.median(r["marks"][k] for r in reports) for k in reports[0]["marks"]}
    return ", ".join(f"{k} {v:.2f}" for k, v in marks.items())


def login_figures(
    bare: list[dict[str, Any]], login: list[dict[str, Any]], error: str
) -> list[Figure]:
    name = "cold start: log-in dialog on screen (store opening behind it)"
    if not login:
        return [Figure(name, None, "s", "median", 0.6, "median <= 0.6 s", 0, error or "no run")]
    login_s = [float(r["wall_s"]) for r in login]
    med = statistics.median(login_s)
    bare_med = statistics.median(float(r["wall_s"]) for r in bare)
    cpu = statistics.median(float(r["cpu_s"]) for r in login)
    stages = median_marks(login)
    opened = statistics.median(float(r.get("store_opened_s", 0)) for r in login)
    note = (
        f"{med / bare_med:.1f}x the bare window; process CPU {cpu:.2f} s; marks: {stages}; "
        f"store open and main window loaded by {opened:.2f} s"
    )
    if error:
        note += f"; later run failed: {error}"
    return [Figure(name, med, "s", "median", 0.6, "median <= 0.6 s", len(login_s), note, login_s)]


def enter_figures(
    bare: list[dict[str, Any]], enter: list[dict[str, Any]], error: str
) -> list[Figure]:
    """The clerk's own path to the list: the log-in dialog up, the store opened behind it while
    the password is typed, then Enter -> Surat Keluar's first page painted."""
    name = "cold start: log-in, Enter -> Surat Keluar's first page painted"
    if not enter:
        return [Figure(name, None, "s", "median", 1.0, "median <= 1.0 s", 0, error or "no run")]
    after = [float(r["after_enter_s"]) for r in enter]
    med = statistics.median(after)
    bare_med = statistics.median(float(r["wall_s"]) for r in bare)
    stages = median_marks(enter)
    note = f"{enter[0].get('rows')} rows; marks (s after the child's first line): {stages}"
    if error:
        note += f"; later run failed: {error}"
    return [
        Figure(name, med, "s", "median", 1.0, "median <= 1.0 s", len(after), note, after),
        Figure(
            "cold start: Enter -> list painted / bare window",
            med / bare_med,
            "x",
            "ratio",
            3.0,
            "<= 3x",
            len(after),
            "the bare window from its process's spawn; the list from the clerk's Enter",
        ),
    ]


def cold_start_figures(
    bare: list[dict[str, Any]], main: list[dict[str, Any]], error: str
) -> list[Figure]:
    bare_s = [float(r["wall_s"]) for r in bare]
    bare_med = statistics.median(bare_s)
    bare_cpu = statistics.median(float(r["cpu_s"]) for r in bare)
    figures = [
        Figure(
            "cold start: bare Qt window, first paint",
            bare_med,
            "s",
            "median",
            None,
            "report (baseline)",
            len(bare_s),
            f"process CPU {bare_cpu:.2f} s",
            bare_s,
        ),
    ]
    if not main:
        timeout = error.startswith("timeout")
        figures.append(
            Figure(
                "cold start: MainWindow on Surat Keluar, first page painted",
                CHILD_TIMEOUT_S if timeout else None,
                "s",
                "median",
                1.0,
                "median <= 1.0 s",
                1 if timeout else 0,
                error or "no run",
                lower_bound=timeout,
            )
        )
        return figures
    main_s = [float(r["wall_s"]) for r in main]
    med = statistics.median(main_s)
    stages = median_marks(main)
    cpu = statistics.median(float(r["cpu_s"]) for r in main)
    note = (
        f"{main[0].get('rows')} rows; process CPU {cpu:.2f} s; "
        f"marks (s after the child's first line): {stages}"
    )
    if error:
        note += f"; later run failed: {error}"
    figures += [
        Figure(
            "cold start: MainWindow on Surat Keluar, first page painted",
            med,
            "s",
            "median",
            1.0,
            "median <= 1.0 s",
            len(main_s),
            note,
            main_s,
        ),
        Figure(
            "cold start: MainWindow / bare window",
            med / bare_med,
            "x",
            "ratio",
            3.0,
            "<= 3x",
            len(main_s),
            f"by process CPU time: {cpu / bare_cpu:.1f}x",
        ),
    ]
    return figures


def memory_figures(main: list[dict[str, Any]], error: str) -> list[Figure]:
    name = "memory: RSS with the store open, MainWindow on Surat Keluar"
    if not main:
        return [Figure(name, None, "MB", "median", 300, "<= 300 MB", 0, error or "no run")]
    settled = [r["VmRSS_settled_kb"] / 1024 for r in main if "VmRSS_settled_kb" in r]
    peak = max(r.get("VmHWM_settled_kb", 0) for r in main) / 1024
    at_paint = statistics.median(r.get("VmRSS_paint_kb", 0) for r in main) / 1024
    note = f"at first paint {at_paint:.0f} MB; peak (VmHWM) {peak:.0f} MB"
    return [
        Figure(
            name,
            statistics.median(settled),
            "MB",
            "median",
            300,
            "<= 300 MB",
            len(settled),
            note,
            settled,
        )
    ]


# -- list operations and search (in process) -------------------------------------------------------


def guarded(fn: Callable[[], int]) -> int | None:
    """``fn()``, or None if it ran past ``CALL_LIMIT_S``."""
    result: list[int] = []
    try:
        call(lambda: result.append(fn()))
    except Interrupted:
        return None
    return result[0]


def plain_count(store: Any) -> int:
    """Signed and voided letters, without the visibility rule (an offset for the last page)."""
    from sqlalchemy import text

    with store.read() as session:
        sql = text("SELECT count(*) FROM letter WHERE status IN ('signed', 'voided')")
        return int(session.execute(sql).scalar_one())


def list_figures(bench: Bench) -> list[Figure]:
    from desktop.letters import queries
    from desktop.letters.queries import ListFilter, Queue

    figures: list[Figure] = []
    out = Queue.OUTGOING
    with opened(bench) as (store, user):
        # Setup counts run under the watchdog too; a runaway one is replaced by a plain count.
        total = guarded(lambda: queries.count(store, user, out)) or plain_count(store)

        def first_page(filt: ListFilter | None = None) -> None:
            queries.count(store, user, out, filt)
            queries.page(store, user, out, filt)

        figures.append(
            ms_figure(
                "list: Surat Keluar count + first page",
                first_page,
                LIST_TARGET_MS,
                note=f"{total} letters; exact count: the list opens on the capped count below "
                "and reads this one on a reading thread once the filter is idle",
            )
        )

        def typing_page() -> None:
            queries.count(store, user, out, at_most=TYPING_CAP)
            queries.page(store, user, out)

        figures.append(
            ms_figure(
                f"list: Surat Keluar count capped at {TYPING_CAP} + first page (as the list opens)",
                typing_page,
                LIST_TARGET_MS,
            )
        )
        for key in queries.SORTABLE:
            flip = iter(range(10**6))

            def sorted_page(key: str = key, flip: Iterator[int] = flip) -> None:
                # Alternate directions: clicking a header toggles between them.
                queries.page(store, user, out, sort=key, descending=next(flip) % 2 == 0)

            figures.append(
                ms_figure(f"list: sort by {key} (first page)", sorted_page, LIST_TARGET_MS)
            )
        last_offset = max(0, total - 100)
        figures.append(
            ms_figure(
                "list: last page, reverse order (as LetterListModel)",
                lambda: queries.page(store, user, out, descending=False, limit=total - last_offset),
                LIST_TARGET_MS,
            )
        )
        figures.append(
            ms_figure(
                "list: last page, OFFSET (queries.page only)",
                lambda: queries.page(store, user, out, offset=last_offset),
                None,
                note="the list model does not page this way",
            )
        )
        today = date.today()
        quarter = ListFilter(date_from=today - timedelta(days=91), date_to=today)
        n = guarded(lambda: queries.count(store, user, out, quarter))
        figures.append(
            ms_figure(
                "list: date range (last 3 months) count + first page",
                lambda: first_page(quarter),
                LIST_TARGET_MS,
                note=f"{n if n is not None else '?'} letters",
            )
        )
        figures.append(
            ms_figure(
                f"list: queue counts (sidebar: Surat Keluar capped at {TYPING_CAP})",
                lambda: queries.queue_counts(store, user, outgoing_at_most=TYPING_CAP),
                QUEUE_COUNTS_TARGET_MS,
                note="what the main window reads, off the GUI thread, after start-up and "
                "every action",
            )
        )
        figures.append(
            ms_figure(
                "list: queue counts, Surat Keluar exact",
                lambda: queries.queue_counts(store, user),
                QUEUE_COUNTS_TARGET_MS,
                note="the window no longer asks for this; for comparison with earlier runs",
            )
        )
    return figures


def search_figures(bench: Bench) -> list[Figure]:
    from desktop.letters import queries
    from desktop.letters.queries import ListFilter, Queue

    figures: list[Figure] = []
    with opened(bench) as (store, user):
        for kind in ("common", "rare"):
            word = str(bench.manifest[f"{kind}_word"])
            filt = ListFilter(search=word)
            hits = guarded(lambda f=filt: queries.count(store, user, Queue.OUTGOING, f))

            def search(filt: ListFilter = filt) -> None:
                queries.count(store, user, Queue.OUTGOING, filt)
                queries.page(store, user, Queue.OUTGOING, filt)

            figures.append(
                ms_figure(
                    f"search: {kind} word '{word}' count + first page",
                    search,
                    LIST_TARGET_MS,
                    note=f"{hits if hits is not None else '?'} hits",
                )
            )
    return figures


# -- writing and rendering -------------------------------------------------------------------------


def save_figures(bench: Bench) -> list[Figure]:
    from sqlmodel import col, select

    from desktop.letters import drafting
    from desktop.store.models import Letter

    with opened(bench) as (store, user):
        with store.read() as session:
            letter = session.exec(
                select(Letter)
                .where(
                    Letter.drafter_id == user.id,
                    Letter.status == "draft",
                    col(Letter.deleted_at).is_(None),
                )
                .order_by(col(Letter.updated_at).desc())
                .limit(1)
            ).one()
        data = drafting.input_of(letter)
        body = data.body_html
        sync = store.engine.connect().exec_driver_sql("PRAGMA synchronous").scalar()
        counter = iter(range(10**6))

        def save() -> None:
            # What the editor's autosave does: the whole draft, with a small edit each time.
            i = next(counter)
            data.body_html = body + f"<p>Catatan perbaikan ke-{i}.</p>"
            data.hal = f"{letter.hal} ({i})"
            drafting.save_draft(store, user, letter.id, data)

        note = f"synchronous={'FULL' if sync == 2 else sync}; {len(body)} chars of body"
        return [
            ms_figure(
                "save draft (save_draft, one transaction)",
                save,
                SAVE_TARGET_MS,
                runs=SAVE_RUNS,
                note=note,
            )
        ]


def render_figures(bench: Bench) -> list[Figure]:
    from sqlalchemy import func
    from sqlmodel import col, select

    from desktop.letters.document import document_for
    from desktop.render import page_count, render_pages, render_pdf
    from desktop.render.fonts import ensure_gui_app
    from desktop.store.models import Letter, LetterBody

    ensure_gui_app()
    with opened(bench) as (store, _user), store.read() as session:
        candidates = session.exec(
            select(Letter)
            .join(LetterBody, col(LetterBody.letter_id) == col(Letter.id))
            .where(
                Letter.letter_type == "surat_dinas",
                Letter.status == "signed",
                func.length(LetterBody.body_html).between(900, 1400),
            )
            .order_by(col(Letter.seq).desc())
            .limit(20)
        ).all()
        docs = [document_for(session, letter, store.blob_dir) for letter in candidates]
    doc = next(d for d in docs if page_count(d) == 1)
    t = time.perf_counter()
    render_pdf(doc)
    first = (time.perf_counter() - t) * 1000
    pdf = ms_figure(
        "render: one-page letter to PDF (render_pdf)",
        lambda: render_pdf(doc),
        100,
        stat="median",
        runs=RENDER_RUNS,
        note=f"first call in the process {first:.0f} ms",
    )
    preview = ms_figure(
        "render: preview page images at 96 dpi (render_pages)",
        lambda: render_pages(doc, 96),
        None,
        stat="median",
        runs=RENDER_RUNS,
    )
    return [pdf, preview]


def signing_figures(bench: Bench) -> list[Figure]:
    from bench import signing_bench

    return signing_bench.figures(bench.data_dir, log=lambda line: print(line, flush=True))[0]


def registers_figures(_bench: Bench | None) -> list[Figure]:
    from bench import registers_bench

    return list(registers_bench.figures(log=lambda line: print(line, flush=True)))


def hub_lan_figures(_bench: Bench | None) -> list[Figure]:
    from bench import hub_lan_bench

    return list(hub_lan_bench.figures(log=lambda line: print(line, flush=True)))


def incoming_figures(_bench: Bench | None) -> list[Figure]:
    from bench import incoming_bench

    return list(incoming_bench.figures(log=lambda line: print(line, flush=True)))


def agenda_import_figures(_bench: Bench | None) -> list[Figure]:
    from bench import agenda_import_bench

    return list(agenda_import_bench.figures(log=lambda line: print(line, flush=True)))


def cli_figures(_bench: Bench | None) -> list[Figure]:
    from bench import cli_bench

    return cli_bench.figures(log=lambda line: print(line, flush=True))


def hub_figures(_bench: Bench | None) -> list[Figure]:
    from bench import hub_bench

    return hub_bench.figures(log=lambda line: print(line, flush=True))


def link_lab_figures(full: bool) -> Callable[[Bench | None], list[Figure]]:
    def run(_bench: Bench | None) -> list[Figure]:
        from bench import link_lab

        return link_lab.figures(full, log=lambda line: print(line, flush=True))

    return run


def upload_bytes_figures(_bench: Bench | None) -> list[Figure]:
    from bench import upload_bytes

    return upload_bytes.figures(log=lambda line: print(line, flush=True))


def access_gate_figures(_bench: Bench | None) -> list[Figure]:
    from bench import access_bench

    return access_bench.figures(log=lambda line: print(line, flush=True))


def server_figures(_bench: Bench | None) -> list[Figure]:
    from bench import server_bench

    return server_bench.figures(log=lambda line: print(line, flush=True))


def pruning_figures(_bench: Bench | None) -> list[Figure]:
    from bench import pruning_bench

    return pruning_bench.figures(log=lambda line: print(line, flush=True))


def libreoffice_figures(_bench: Bench | None) -> list[Figure]:
    from bench import libreoffice_compare

    return libreoffice_compare.figures(log=lambda line: print(line, flush=True))[0]


# -- the report ------------------------------------------------------------------------------------


def fmt_value(f: Figure) -> str:
    if f.measured is None:
        return "error"
    if f.lower_bound:
        return f">= {f.measured / 1000:g} s" if f.unit == "ms" else f">= {f.measured:g} {f.unit}"
    if f.unit == "ms":
        return f"{f.measured:.1f} ms"
    if f.unit == "s":
        return f"{f.measured:.2f} s"
    if f.unit == "x":
        return f"{f.measured:.1f}x"
    if f.unit == "%":
        return f"{f.measured:.1f} %"
    return f"{f.measured:.0f} {f.unit}"


def table(figures: list[Figure]) -> str:
    lines = ["| figure | measured | target | result | notes |", "|---|---|---|---|---|"]
    for f in figures:
        note = f.note.replace("|", "/")
        lines.append(f"| {f.name} | {fmt_value(f)} | {f.target_text} | {f.verdict} | {note} |")
    return "\n".join(lines)


def environment(letters: int) -> dict[str, Any]:
    import sqlite3

    import PySide6

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "letters": letters,
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "commit": commit,
        "cpus": os.cpu_count(),
        "load_avg_start": os.getloadavg(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "pyside6": PySide6.__version__,
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.run", description=__doc__.split("\n")[0])
    p.add_argument("--letters", type=int, default=generate.DEFAULT_LETTERS)
    p.add_argument("--only", default="", help=f"comma-separated: {', '.join(GROUPS)}")
    p.add_argument(
        "--what-if",
        action="append",
        default=[],
        metavar="SQL",
        help="SQL to run on the scratch copy first, e.g. a proposed CREATE INDEX (repeatable)",
    )
    p.add_argument(
        "--link-lab-full",
        action="store_true",
        help="link_lab with the issue's workload: 1,000 letters + 20 scans (about 10 minutes)",
    )
    args = p.parse_args(argv)
    bytecode.ensure()  # time the installed app, not a compile (bench/bytecode.py)
    only = [g.strip() for g in args.only.split(",") if g.strip()] or list(GROUPS)
    unknown = sorted(set(only) - set(GROUPS))
    if unknown:
        p.error(f"unknown NAME {unknown}; choose from {', '.join(GROUPS)}")

    bench: Any = None
    if any(g not in NO_STORE for g in only):
        cached = generate.ensure_store(args.letters)
        bench = Bench(scratch_copy(cached, args.letters, args.what_if), generate.manifest(cached))
    env = environment(args.letters)
    env["what_if"] = args.what_if
    for statement in args.what_if:
        print(f"what-if: {statement}", flush=True)
    print(
        f"store: {args.letters} letters, scratch copy {bench.data_dir if bench else '-'}; "
        f"load average {env['load_avg_start'][0]:.2f} on {env['cpus']} CPUs",
        flush=True,
    )
    figures: list[Figure] = []

    # Children first: the store's lock admits one process at a time.
    if "cold_start" in only or "memory" in only:
        runs = COLD_RUNS if "cold_start" in only else 3
        print(f"cold start: {runs} x (bare window, MainWindow) ...", flush=True)
        cold = cold_start(bench, runs, memory_only="cold_start" not in only)
        errors = cold.errors
        if "cold_start" in only:
            figures += cold_start_figures(cold.bare, cold.main, errors.get("main", ""))
            figures += login_figures(cold.bare, cold.login, errors.get("login", ""))
            figures += enter_figures(cold.bare, cold.enter, errors.get("enter", ""))
        if "memory" in only:
            figures += memory_figures(cold.main, errors.get("main", ""))
    steps: list[tuple[str, Callable[[Bench], list[Figure]], str, float | None]] = [
        ("lists", list_figures, "list operations", LIST_TARGET_MS),
        ("search", search_figures, "full-text search", LIST_TARGET_MS),
        ("save_draft", save_figures, "save draft", SAVE_TARGET_MS),
        ("render", render_figures, "render", 100),
        ("signing", signing_figures, "signing", 150),
        ("libreoffice", libreoffice_figures, "LibreOffice comparison", None),
        ("incoming", incoming_figures, "incoming letters", 300),
        ("agenda_import", agenda_import_figures, "agenda book import", 10_000),
        ("cli", cli_figures, "command line", None),
        ("registers", registers_figures, "agenda books", 5000),
        ("hub_lan", hub_lan_figures, "office hub on the LAN", 3000),
        ("hub", hub_figures, "office hub", 10),
        ("link_lab", link_lab_figures(args.link_lab_full), "link lab", None),
        ("access_gate", access_gate_figures, "access gate by sifat", 10),
        ("upload_bytes", upload_bytes_figures, "upload bytes", None),
        ("pruning", pruning_figures, "ack pruning", None),
        ("server", server_figures, "server throughput", None),
    ]
    for group, fn, label, target in steps:
        if group not in only:
            continue
        print(f"{label} ...", flush=True)
        try:
            figures += fn(bench)
        except Exception as exc:
            figures.append(failed(label, target, "ms", exc))

    env["load_avg_end"] = os.getloadavg()
    print()
    print(table(figures))
    print(
        f"\nload average at start {env['load_avg_start'][0]:.2f}, at end "
        f"{env['load_avg_end'][0]:.2f} ({env['cpus']} CPUs)"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {"environment": env, "figures": [asdict(f) | {"verdict": f.verdict} for f in figures]},
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"results written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
