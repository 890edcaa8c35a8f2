"""Measure sync over a rural link: a throttling proxy, a real server, two real PCs.

    .venv/bin/python -m bench.sync_bench [--letters 1000] [--pdfs 20] [--skip-chunks]
                                         [--skip-throughput]

Starts a sync server (SQLite in a temp dir, uvicorn in a thread on 127.0.0.1) and a throttling
TCP proxy in front of it: 512 kbit/s each way (one token bucket on bytes per direction, shared
by every connection), 150 ms one-way delay each
direction (300 ms RTT), 16 KB kernel buffers on the proxy's sockets so loopback cannot swallow
megabytes and hide the throttling. PC1 sets up an office, enrols through the proxy, creates the
letters (services, before timing) and the signed letters with their 200 KB scans; its
``sync_once`` is timed ("up"); then PC2 of the same office enrols and its ``sync_once`` is timed
("down"). Then an idle sync, the chunk-size comparison, and the server's throughput with 20
concurrent devices (SQLite; PostgreSQL too when NASKAH_TEST_PG_URL is set). Prints a markdown
table and writes bench/out/sync_results.json. See docs/benchmarks.md, "Sync over a rural link".
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import os
import platform
import queue
import random
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"

import keyring
import requests

from tests.memory_keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "out" / "sync_results.json"
BANDWIDTH = 512_000 // 8  # bytes per second, each way
ONE_WAY_S = 0.150
RTT_S = 2 * ONE_WAY_S
PROXY_BUFFER = 16 * 1024
PIECE = 4096  # bytes the proxy reads at a time
KB = 1024
PDF_BYTES = 200 * KB
THROUGHPUT_DEVICES = 20
THROUGHPUT_REQUESTS = 5  # per device
REFERENCE = {"desktop_app_time_x": 1.07, "couchdb_up_time_x": 2.0, "couchdb_down_time_x": 1.23}


# --- the throttling proxy -------------------------------------------------------------------


class Link:
    """One direction of the link: serialisation at ``BANDWIDTH`` then ``ONE_WAY_S`` of delay.

    Pieces read from the sender wait in a bounded queue (about one bandwidth-delay product plus
    the kernel buffer), so a sender that outruns the link blocks, as on a real line."""

    def __init__(self, proxy: ThrottleProxy, direction: str) -> None:
        self.proxy, self.direction = proxy, direction
        in_flight = BANDWIDTH * ONE_WAY_S + PROXY_BUFFER
        self.queue: queue.Queue[tuple[float, bytes] | None] = queue.Queue(
            maxsize=max(2, math.ceil(in_flight / PIECE))
        )

    def pump(self, src: socket.socket, dst: socket.socket) -> None:
        reader = threading.Thread(target=self._read, args=(src,), daemon=True)
        reader.start()
        try:
            while (item := self.queue.get()) is not None:
                arrived, data = item
                # One link per direction shared by every connection (token bucket: bytes at
                # the rate), so a second connection shares the line instead of adding one.
                done = self.proxy.serialise(self.direction, arrived, len(data))
                _sleep_until(done + ONE_WAY_S)
                dst.sendall(data)
                self.proxy.count(self.direction, data)
        except OSError:
            pass
        finally:
            _close(dst, socket.SHUT_WR)

    def _read(self, src: socket.socket) -> None:
        try:
            while data := src.recv(PIECE):
                self.queue.put((time.monotonic(), data))
        except OSError:
            pass
        finally:
            self.queue.put(None)


@dataclass
class ThrottleProxy:
    target_port: int
    bytes: dict[str, int] = field(default_factory=lambda: {"up": 0, "down": 0})
    requests: int = 0
    connections: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._free_at = {"up": 0.0, "down": 0.0}  # when each direction has sent all it took
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        _small_buffers(self._listener)  # inherited by accepted sockets
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.bytes = {"up": 0, "down": 0}
            self.requests = 0

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return {**self.bytes, "requests": self.requests}

    def serialise(self, direction: str, arrived: float, size: int) -> float:
        """When ``size`` bytes that reached the proxy at ``arrived`` have gone through the
        direction's line (every connection queues on the same line)."""
        with self._lock:
            start = max(arrived, self._free_at[direction])
            self._free_at[direction] = start + size / BANDWIDTH
            return self._free_at[direction]

    def count(self, direction: str, data: bytes) -> None:
        with self._lock:
            self.bytes[direction] += len(data)
            if direction == "up":  # request lines (bodies are binary gzip/blob bytes: rare)
                self.requests += sum(data.count(m) for m in _METHODS)

    def close(self) -> None:
        _close(self._listener)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        _small_buffers(upstream)
        _small_buffers(client)
        try:
            upstream.connect(("127.0.0.1", self.target_port))
        except OSError:
            _close(client)
            return
        with self._lock:
            self.connections += 1
        up = threading.Thread(target=Link(self, "up").pump, args=(client, upstream), daemon=True)
        up.start()
        Link(self, "down").pump(upstream, client)
        up.join()
        _close(client)
        _close(upstream)


_METHODS = tuple(f"{m} /api/".encode() for m in ("GET", "POST", "PUT", "HEAD"))


def _small_buffers(sock: socket.socket) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, PROXY_BUFFER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, PROXY_BUFFER)


def _close(sock: socket.socket, how: int | None = None) -> None:
    try:
        if how is None:
            sock.close()
        else:
            sock.shutdown(how)
    except OSError:
        pass


def _sleep_until(when: float) -> None:
    left = when - time.monotonic()
    if left > 0:
        time.sleep(left)


# --- what the client sent and received -------------------------------------------------------


class PayloadSession(requests.Session):
    """Logs each request's body bytes (gzip JSON or blob chunk) and the answer's body bytes as
    they came over the wire (still gzip-compressed when the server compressed them)."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[dict[str, Any]] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        body = request.body
        if isinstance(body, io.BytesIO):
            sent = len(body.getbuffer())
        elif isinstance(body, bytes | str):
            sent = len(body)
        else:
            sent = 0
        response = super().send(request, **kwargs)
        content = response.content
        received = _wire_body(response, content)
        path = (request.path_url or "").split("?")[0]
        self.log.append({"method": request.method, "path": path, "sent": sent,
                         "received": received, "json_sent": "blobs" not in path
                         or path.endswith("/missing"),
                         "blob_down": request.method == "GET"
                         and len(path.rsplit("/", 1)[-1]) == 64})  # fmt: skip
        return response

    def totals(self) -> dict[str, int]:
        out = {"requests": len(self.log), "sent": 0, "received": 0}
        for entry in self.log:
            out["sent"] += entry["sent"]
            out["received"] += entry["received"]
        return out


def _wire_body(response: requests.Response, content: bytes) -> int:
    """Bytes of the answer's body on the wire: the gzip size when it came compressed."""
    if "gzip" in response.headers.get("Content-Encoding", ""):
        try:
            read = int(response.raw.tell())
            if read > 0:
                return read
        except (AttributeError, TypeError, ValueError):
            pass
        return len(gzip.compress(content, compresslevel=6))
    return len(content)


# --- scenario helpers ------------------------------------------------------------------------


def _pdf(seed: int, size: int = PDF_BYTES) -> bytes:
    return b"%PDF-1.4\n" + random.Random(seed).randbytes(size - 9)


def _transport(store: Any, session: requests.Session) -> Any:
    from sync.client import engine
    from sync.client.transport import Transport

    state = engine.state_of(store)
    assert state is not None
    return Transport(state.server_url, engine.sync_models.token(state.device_id), session=session)


def _outbox_count(store: Any) -> int:
    from sync.client import engine

    return engine.pending_count(store)


def _timed_sync(store: Any, proxy: ThrottleProxy, *, blob_chunk: int | None = None
                ) -> dict[str, Any]:  # fmt: skip
    from sync.client import blobs, engine

    session = PayloadSession()
    link = _transport(store, session)
    proxy.reset()
    started = time.perf_counter()
    report = engine.sync_once(store, transport=link, blob_chunk=blob_chunk or blobs.CHUNK_SIZE)
    wall = time.perf_counter() - started
    time.sleep(0.05)
    wire = proxy.snapshot()
    link.close()
    return {
        "wall_s": wall,
        "wire": wire,
        "client": session.totals(),
        "log": session.log,
        "batches": report.batches,
        "blob_bytes_up": report.blob_bytes_up,
        "blobs_down": report.blobs_down,
        "pending_after": report.pending,
        "pushed": report.pushed,
        "pulled": report.pulled,
        "audit": report.audit,
    }


def _figures(run: dict[str, Any], *, direction: str, records: int, batch: int,
             chunks: int) -> dict[str, Any]:  # fmt: skip
    """Requests, bytes and time against the issue's bounds for one direction."""
    client, wire = run["client"], run["wire"]
    payload_up, payload_down = client["sent"], client["received"]
    payload = payload_up + payload_down
    wire_total = wire["up"] + wire["down"]
    main = payload_up if direction == "up" else payload_down  # the direction that carries data
    ideal = main / BANDWIDTH + RTT_S
    bound_requests = math.ceil(records / batch) + chunks + 2
    by_kind: dict[str, int] = {}
    for entry in run["log"]:
        kind = f"{entry['method']} {_kind(entry['path'])}"
        by_kind[kind] = by_kind.get(kind, 0) + 1
    return {
        "records": records, "blob_chunks": chunks,
        "requests": client["requests"], "requests_at_proxy": wire["requests"],
        "requests_bound": bound_requests, "requests_by_kind": by_kind,
        "payload_up": payload_up, "payload_down": payload_down,
        "wire_up": wire["up"], "wire_down": wire["down"],
        "bytes_x": wire_total / payload if payload else None,
        "wall_s": run["wall_s"], "ideal_s": ideal, "time_x": run["wall_s"] / ideal,
        "batches": run["batches"], "pending_after": run["pending_after"],
    }  # fmt: skip


def _kind(path: str) -> str:
    parts = path.split("/")
    if "blobs" in parts:
        return "blobs/" + parts[-1] if parts[-1] in ("missing", "upload") else "blobs/{sha}"
    return parts[-1] or path


def _make_letters(pc: Any, letters: int, pdfs: int) -> dict[str, Any]:
    from desktop.letters import workflow
    from tests.sync.pcs import draft, sign

    started = time.perf_counter()
    for n in range(letters - pdfs):
        draft(pc, f"Undangan rapat koordinasi nomor {n + 1}")
    for n in range(pdfs):
        letter_id = draft(pc, f"Undangan bertanda tangan basah {n + 1}")
        sign(pc, letter_id)
        workflow.attach_scan(pc.store, pc.user("camat"), letter_id, _pdf(n))
    return {"letters": letters, "signed_with_scan": pdfs, "create_s": time.perf_counter() - started}


def _blob_sizes(store: Any) -> list[int]:
    from desktop.store.blobs import BlobStore
    from sync.client.blobs import outbox_blobs

    local = BlobStore(store.blob_dir)
    return [local.path(h).stat().st_size for h in outbox_blobs(store)]


# --- scenarios -------------------------------------------------------------------------------


def rural(server: Any, root: Path, letters: int, pdfs: int) -> dict[str, Any]:
    from sync.client import blobs, engine
    from sync.protocol import BATCH_SIZE
    from tests.sync.pcs import open_pc, set_up_office

    proxy = ThrottleProxy(server.port)
    code, _ = server.new_office()
    pc1 = open_pc(root, "pc1")
    set_up_office(pc1)
    engine.enroll(pc1.store, proxy.url, code, server.enrol_code(code), "pc1")
    pc1.sync()  # the office itself goes up first (untimed)
    made = _make_letters(pc1, letters, pdfs)
    records = _outbox_count(pc1.store)
    sizes = _blob_sizes(pc1.store)
    chunks_up = sum(max(1, math.ceil(s / blobs.CHUNK_SIZE)) for s in sizes)
    print(
        f"  PC1: {records} outbox rows, {len(sizes)} blobs ({sum(sizes) // KB} KB); "
        f"created in {made['create_s']:.0f} s; syncing up...",
        flush=True,
    )
    up_run = _timed_sync(pc1.store, proxy)
    # What went up: coalesced mutations plus the audit entries that fill each batch's room.
    sent = up_run["pushed"] + up_run["audit"]
    up = _figures(up_run, direction="up", records=sent, batch=BATCH_SIZE, chunks=chunks_up)
    up["outbox_rows"] = records
    up["blob_bytes"] = up_run["blob_bytes_up"]
    up["pushed"] = up_run["pushed"]
    up["audit"] = up_run["audit"]
    up["blobs"] = len(sizes)

    pc2 = open_pc(root, "pc2")
    engine.enroll(pc2.store, proxy.url, code, server.enrol_code(code), "pc2")
    print("  PC2: syncing down...", flush=True)
    down_run = _timed_sync(pc2.store, proxy)
    down_blobs = [e for e in down_run["log"] if e["blob_down"]]
    down = _figures(
        down_run,
        direction="down",
        records=down_run["pulled"],
        batch=BATCH_SIZE,
        chunks=len(down_blobs),
    )
    down["blob_bytes"] = sum(e["received"] for e in down_blobs)
    down["blobs"] = down_run["blobs_down"]

    idle_run = _timed_sync(pc2.store, proxy)
    idle = {
        "requests": idle_run["client"]["requests"],
        "wire_bytes": idle_run["wire"]["up"] + idle_run["wire"]["down"],
        "wire_up": idle_run["wire"]["up"],
        "wire_down": idle_run["wire"]["down"],
        "wall_s": idle_run["wall_s"],
    }
    idle1 = _timed_sync(pc1.store, proxy)
    idle["pc1_requests"] = idle1["client"]["requests"]
    idle["pc1_wire_bytes"] = idle1["wire"]["up"] + idle1["wire"]["down"]
    pc1.close()
    pc2.close()
    proxy.close()
    return {**made, "up": up, "down": down, "idle": idle}


def chunk_sizes(server: Any, root: Path, blobs_n: int, sizes_kb: list[int]) -> list[dict[str, Any]]:
    """Upload ``blobs_n`` fresh 200 KB PDFs through the proxy with each chunk size."""
    from desktop.store.blobs import BlobStore
    from sync.client import blobs
    from sync.client.transport import Transport

    proxy = ThrottleProxy(server.port)
    code, _ = server.new_office()
    device = server.enrol(code, "chunks")
    out = []
    for i, size_kb in enumerate(sizes_kb):
        local = BlobStore(root / f"chunk-blobs-{size_kb}")
        hashes = [local.put(_pdf(10_000 * (i + 1) + n)) for n in range(blobs_n)]
        session = PayloadSession()
        link = Transport(proxy.url, device.token, session=session)
        proxy.reset()
        started = time.perf_counter()
        sent = sum(blobs.upload(link, local.path(h), h, chunk_size=size_kb * KB) for h in hashes)
        wall = time.perf_counter() - started
        link.close()
        per_blob = math.ceil(PDF_BYTES / (size_kb * KB))
        lost = min(size_kb * KB, PDF_BYTES)  # a cut loses at most the chunk on the wire
        out.append({
            "chunk_kb": size_kb, "blobs": blobs_n, "bytes": sent,
            "requests": len(session.log), "puts": per_blob * blobs_n,
            "wall_s": wall, "ideal_s": sent / BANDWIDTH + RTT_S,
            "time_x": wall / (sent / BANDWIDTH + RTT_S),
            "cut_cost_max_s": lost / BANDWIDTH, "cut_cost_mean_s": lost / 2 / BANDWIDTH,
            "wire_up": proxy.snapshot()["up"],
        })  # fmt: skip
        print(f"  chunk {size_kb} KB: {len(session.log)} requests, {wall:.1f} s", flush=True)
    proxy.close()
    return out


def throughput(server: Any, devices: int = THROUGHPUT_DEVICES,
               per_device: int = THROUGHPUT_REQUESTS) -> dict[str, Any]:  # fmt: skip
    """Devices (threads, own HTTP session each) posting batches of new records directly."""
    from sync.protocol import BATCH_SIZE

    code, _ = server.new_office()
    pcs = [server.enrol(code, f"PC-{n}") for n in range(devices)]
    barrier = threading.Barrier(devices)

    def batch() -> bytes:
        muts = [
            {
                "mutation_id": str(uuid.uuid4()),
                "entity": "person",
                "entity_id": (i := str(uuid.uuid4())),
                "op": "upsert",
                "base_version": 0,
                "fields": {
                    "id": i,
                    "name": "Pegawai Baru",
                    "nip": "199001012015031001",
                    "jabatan": "Pengadministrasi Umum",
                    "pangkat": "Penata (III/c)",
                },
            }
            for _ in range(BATCH_SIZE)
        ]
        raw = json.dumps({"cursor": 0, "mutations": muts, "lease_epoch": 1}).encode()
        return gzip.compress(raw, compresslevel=6)

    def run(pc: Any) -> tuple[int, list[float]]:
        session = requests.Session()
        session.headers.update(pc.session.headers)
        session.headers.update({"Content-Type": "application/json", "Content-Encoding": "gzip"})
        bodies = [batch() for _ in range(per_device)]
        barrier.wait()
        applied, latencies = 0, []
        for body in bodies:
            t0 = time.perf_counter()
            r = session.post(pc.url + "/api/v1/sync", data=body, timeout=300)
            latencies.append(time.perf_counter() - t0)
            r.raise_for_status()
            applied += sum(1 for a in r.json()["acks"] if a["status"] == "applied")
        return applied, latencies

    with ThreadPoolExecutor(devices) as pool:
        futures = [pool.submit(run, pc) for pc in pcs]
        started = time.perf_counter()
        results = [f.result() for f in futures]
    wall = time.perf_counter() - started
    applied = sum(r[0] for r in results)
    lat = sorted(x for r in results for x in r[1])
    return {"kind": server.kind, "devices": devices, "mutations": devices * per_device *
            BATCH_SIZE, "applied": applied, "wall_s": wall, "per_s": applied / wall,
            "request_p50_s": lat[len(lat) // 2], "request_max_s": lat[-1]}  # fmt: skip


# --- report ----------------------------------------------------------------------------------


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def table(results: dict[str, Any]) -> str:
    rows = ["| Figure | Measured | Target | Verdict |", "|---|---|---|---|"]

    def row(name: str, measured: str, target: str, ok: bool | None) -> None:
        verdict = "-" if ok is None else ("pass" if ok else "MISS")
        rows.append(f"| {name} | {measured} | {target} | {verdict} |")

    r = results.get("rural")
    if r:
        for d in ("up", "down"):
            f = r[d]
            row(
                f"{d}: requests",
                f"{f['requests']} ({_kinds(f['requests_by_kind'])})",
                f"<= {f['requests_bound']} (ceil({f['records']}/200) + {f['blob_chunks']} "
                f"chunks + 2)",
                f["requests"] <= f["requests_bound"],
            )
            row(
                f"{d}: bytes on the wire",
                f"{_kb(f['wire_up'] + f['wire_down'])} = {_x(f['bytes_x'])} of payload "
                f"{_kb(f['payload_up'] + f['payload_down'])}",
                "<= 1.10x",
                f["bytes_x"] is not None and f["bytes_x"] <= 1.1,
            )
            row(
                f"{d}: wall time",
                f"{f['wall_s']:.1f} s = {_x(f['time_x'])} of ideal {f['ideal_s']:.1f} s",
                f"<= 1.20x (ref. 1.07x; CouchDB {REFERENCE['couchdb_' + d + '_time_x']}x)",
                f["time_x"] <= 1.2,
            )
        i = r["idle"]
        row(
            "idle sync: requests",
            f"{i['requests']} (PC1: {i['pc1_requests']})",
            "<= 2",
            max(i["requests"], i["pc1_requests"]) <= 2,
        )
        row(
            "idle sync: bytes on the wire",
            f"{i['wire_bytes']} B (PC1: {i['pc1_wire_bytes']} B)",
            "< 4096 B",
            max(i["wire_bytes"], i["pc1_wire_bytes"]) < 4096,
        )
    for t in results.get("throughput", []):
        row(
            f"server {t['kind']}: applied mutations/s, {t['devices']} devices",
            f"{t['per_s']:.0f}/s ({t['applied']} in {t['wall_s']:.1f} s)",
            ">= 1000/s",
            t["per_s"] >= 1000 if t["kind"] == "sqlite" else None,
        )
    for c in results.get("chunks", []):
        row(
            f"blob upload, chunk {c['chunk_kb']} KB ({c['blobs']} x 200 KB)",
            f"{c['requests']} requests, {c['wall_s']:.1f} s = {_x(c['time_x'])}; a cut "
            f"costs <= {c['cut_cost_max_s']:.1f} s",
            "-",
            None,
        )
    return "\n".join(rows)


def _kinds(by_kind: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items()))


def _kb(n: int) -> str:
    return f"{n / KB:,.0f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--chunk-blobs", type=int, default=5)
    parser.add_argument("--chunk-sizes", default="64,256,1024", help="KB, comma-separated")
    parser.add_argument("--skip-rural", action="store_true")
    parser.add_argument("--skip-chunks", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the JSON goes")
    args = parser.parse_args(argv)
    keyring.set_keyring(MemoryKeyring())

    from desktop import seam
    from tests.sync.conftest import PG_ENV, running_server

    seam.install()  # the domain's handlers for the sync client, as the app registers them

    results: dict[str, Any] = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "commit": _commit()},
        "link": {"bandwidth_bytes_s": BANDWIDTH, "one_way_s": ONE_WAY_S,
                 "proxy_buffer": PROXY_BUFFER},
        "reference": REFERENCE,
    }  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="naskah-syncbench-") as tmp:
        root = Path(tmp)
        with running_server("sqlite", root / "server") as server:
            if not args.skip_rural:
                print("rural link: up and down", flush=True)
                results["rural"] = rural(server, root / "pcs", args.letters, args.pdfs)
            if not args.skip_chunks:
                print("chunk sizes", flush=True)
                results["chunks"] = chunk_sizes(
                    server, root, args.chunk_blobs, [int(s) for s in args.chunk_sizes.split(",")]
                )
            if not args.skip_throughput:
                print("throughput: sqlite", flush=True)
                results["throughput"] = [throughput(server)]
        if not args.skip_throughput and os.environ.get(PG_ENV):
            print("throughput: postgresql", flush=True)
            with running_server("postgresql", root / "pg") as server:
                results["throughput"].append(throughput(server))
    out = table(results)
    print()
    print(out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=_json) + "\n")
    print(f"\nwrote {args.out}")
    return 0


def _json(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    return asdict(value) if hasattr(value, "__dataclass_fields__") else str(value)


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
