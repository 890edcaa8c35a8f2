"""How many mutations one server process accepts (issue 13, "the server's own cost").

    .venv/bin/python -m bench.server_bench [--devices 1,50] [--requests 25] [--kinds KINDS]
    bash packaging/dev.sh bench --only server

For each database (PostgreSQL when ``NASKAH_TEST_PG_URL`` is set: ``eval "$(bash
.ci/postgres.sh)"``): a fresh server database, its devices enrolled over HTTP (each device in
an office of its own: the issue's case is a regency's offices syncing together), then
``naskah-server serve`` in its own process, measured from outside as the issue did: every
device a thread with its own HTTP session, all starting together, each posting ``--requests``
sync requests of 200 new records as a PC sends them (its cursor from the previous answer, so the
office's other devices' new records come down in the answers; its request number and the last
answer it applied, so the server prunes those acks; gzip JSON). On
PostgreSQL the same load also goes to two server processes on the one database (devices split
between them). Printed: applied mutations per second (wall time of the whole load) and the p95
of one request.

The issue's figures before (its machine): SQLite 2,900 mutations/s for one device, 2,300 for 50
devices at once (p95 7.2 s); PostgreSQL 1,660 and 1,330 (p95 9.8 s). Target: twice those per
process, and near-linear gain from a second process on PostgreSQL. On this 2-core machine the
load generator shares the cores with the server processes (one core each for one process), so
the two-process figure says how the server scales only as far as the cores allow.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

BATCH = 200  # mutations per request, as the issue measured
DEFAULT_DEVICES = (1, 50)
DEFAULT_REQUESTS = 25  # per device for one device; 50 devices post 3 each
BEFORE = {  # the figures (mutations/s, one process)
    ("sqlite", 1): 2900, ("sqlite", 50): 2300, ("postgresql", 1): 1660, ("postgresql", 50): 1330,
}  # fmt: skip


def _mutations(n: int) -> bytes:
    """``n`` new person records as the ``mutations`` of a sync request (JSON)."""
    mutations = []
    for _ in range(n):
        person = str(uuid.uuid4())
        mutations.append({
            "mutation_id": str(uuid.uuid4()), "entity": "person", "entity_id": person,
            "op": "upsert", "base_version": 0,
            "fields": {"id": person, "name": "Pegawai Baru", "nip": "199001012015031001",
                       "jabatan": "Pengadministrasi Umum", "pangkat": "Penata (III/c)"},
        })  # fmt: skip
    return json.dumps(mutations).encode()


def _request(mutations: bytes, cursor: int, seq: int) -> bytes:
    """A sync request as the client makes it: its cursor, its request number, the answer it
    applied last (so the server prunes those acks), pages by bytes; gzip (level 1: the load
    generator shares the machine's cores with the server)."""
    head = {"cursor": cursor, "lease_epoch": 1, "request_seq": seq, "page_bytes": 4 << 20}
    if seq > 1:
        head["answered_seq"] = seq - 1
    raw = json.dumps(head).encode()[:-1] + b', "mutations": ' + mutations + b"}"
    return gzip.compress(raw, compresslevel=1)


def load(devices: list[Any], ports: list[int], requests_each: int) -> dict[str, Any]:
    """Every device posts ``requests_each`` requests at once; devices take the ports in turn.
    A device goes on from its own last request number and cursor (kept on it), as a PC does."""
    barrier = threading.Barrier(len(devices))

    def run(n: int, dev: Any) -> tuple[int, list[float], float, float]:
        session = requests.Session()
        session.headers.update(dev.session.headers)
        session.headers.update({"Content-Type": "application/json", "Content-Encoding": "gzip"})
        url = f"http://127.0.0.1:{ports[n % len(ports)]}/api/v1/sync"
        batches = [_mutations(BATCH) for _ in range(requests_each)]
        barrier.wait()
        began = time.perf_counter()
        applied, took = 0, []
        for batch in batches:
            dev.bench_seq = getattr(dev, "bench_seq", 0) + 1
            cursor = getattr(dev, "bench_cursor", 0)
            t0 = time.perf_counter()
            r = session.post(url, data=_request(batch, cursor, dev.bench_seq), timeout=600)
            took.append(time.perf_counter() - t0)
            r.raise_for_status()
            answer = r.json()
            dev.bench_cursor = answer["cursor"]  # what the office's other devices wrote comes too
            applied += sum(1 for a in answer["acks"] if a["status"] == "applied")
        session.close()
        return applied, took, began, time.perf_counter()

    with ThreadPoolExecutor(len(devices)) as pool:
        results = list(pool.map(run, range(len(devices)), devices))
    wall = max(r[3] for r in results) - min(r[2] for r in results)
    took = sorted(t for r in results for t in r[1])
    applied = sum(r[0] for r in results)
    return {"applied": applied, "wall_s": wall, "per_s": applied / wall,
            "p95_s": took[min(len(took) - 1, int(0.95 * len(took)))]}  # fmt: skip


@contextlib.contextmanager
def _processes(server: Any, count: int) -> Iterator[list[int]]:
    from bench.link_lab import serve_process

    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(serve_process(server.db_url, server.blob_dir, None))
            for _ in range(count)
        ]


def measure(kinds: list[str], device_counts: list[int], requests_each: int,
            log: Any = print) -> list[dict[str, Any]]:  # fmt: skip
    from tests.sync.conftest import running_server

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="naskah-serverbench-") as tmp:
        for kind in kinds:
            for count in device_counts:
                with running_server(kind, Path(tmp) / f"{kind}-{count}") as server:
                    # A regency's offices syncing together: each device its own office's.
                    devices = [server.enrol(server.new_office()[0], f"PC-{n}")
                               for n in range(count)]  # fmt: skip
                    each = max(2, requests_each * 2 // count) if count > 1 else requests_each
                    # A second process serves other devices: with one device it idles.
                    for processes in (1, 2) if kind == "postgresql" and count > 1 else (1,):
                        with _processes(server, processes) as ports:
                            log(f"  {kind}, {count} device(s), {processes} process(es): "
                                f"{count * each * BATCH} mutations...")  # fmt: skip
                            row = load(devices, ports, each)
                        row.update(kind=kind, devices=count, processes=processes,
                                   mutations=count * each * BATCH)  # fmt: skip
                        log(f"    {row['per_s']:.0f}/s, p95 {row['p95_s']:.2f} s")
                        rows.append(row)
    return rows


def _kinds(requested: str | None) -> list[str]:
    if requested:
        return [k.strip() for k in requested.split(",") if k.strip()]
    return ["sqlite"] + (["postgresql"] if os.environ.get("NASKAH_TEST_PG_URL") else [])


def figures(log: Any = print) -> list[Any]:
    from bench.run import Figure

    out = []
    for row in measure(_kinds(None), list(DEFAULT_DEVICES), DEFAULT_REQUESTS, log):
        before = BEFORE[(row["kind"], row["devices"])]
        name = (f"server {row['kind']}: mutations/s, {row['devices']} device(s), "
                f"{row['processes']} process(es)")  # fmt: skip
        target = 2 * before * row["processes"]
        out.append(
            Figure(name, row["per_s"], "/s", "wall", target=target, higher_better=True,
                   target_text=f">= {target:,}/s (2x the issue's {before:,} per process)",
                   note=f"{row['mutations']} mutations; p95 of a request {row['p95_s']:.2f} s")
        )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.server_bench", description=__doc__.split("\n")[0])
    p.add_argument("--devices", default=",".join(map(str, DEFAULT_DEVICES)))
    p.add_argument("--requests", type=int, default=DEFAULT_REQUESTS)
    p.add_argument("--kinds", default=None, help="sqlite,postgresql (default: what is set up)")
    args = p.parse_args(argv)
    rows = measure(_kinds(args.kinds), [int(d) for d in args.devices.split(",")], args.requests)
    print()
    print("| database | devices | processes | mutations | per second | before (issue) | p95 |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        before = BEFORE.get((r["kind"], r["devices"]))
        was = f"{before:,}" if before else "-"
        print(f"| {r['kind']} | {r['devices']} | {r['processes']} | {r['mutations']:,} | "
              f"{r['per_s']:,.0f} | {was} | {r['p95_s']:.2f} s |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
