"""What goes up, byte by byte: the link lab's workload synced over loopback, every request kept.

    .venv/bin/python -m bench.upload_bytes [--letters 1000] [--scans 20] [--keep DIR]
    .venv/bin/python -m bench.upload_bytes --from DIR      (analyse requests kept earlier)

The same workload and set-up as ``bench.link_lab`` (a real server process, PC1 makes the
letters, ``python -m desktop sync`` runs as its own process), but with no emulated link: a plain
TCP proxy in front of the server keeps every byte the client sends, and the requests are then
taken apart. Byte counts, not seconds (they vary a little with the random ids of the workload):
what the lab's up figure pays for, measurable on a loaded machine.

The breakdown (bytes as sent, i.e. compressed):
- per request kind: request line + headers, and bodies, per path;
- the sync bodies: per entity kind, the gzip bytes its mutations cost (the body with and without
  them, both compressed as the client does), and the raw JSON bytes; per field of the largest
  kinds the same marginal cost; the mutation envelope (ids, kind, op, base version); JSON keys;
- the blob bodies: manifest lines and chunk bytes;
- other encodings of the same sync bodies (gzip levels), with their CPU time.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import socket
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "out" / "upload_bytes.json"


# --- a proxy that keeps what the client sends ------------------------------------------------


@dataclass
class RecordingProxy:
    """A TCP proxy on 127.0.0.1 that forwards both ways and keeps each connection's upstream
    bytes (the client's requests, as they crossed the wire)."""

    target_port: int
    streams: list[bytearray] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port = int(self._listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.streams = []

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            kept = bytearray()
            with self._lock:
                self.streams.append(kept)
            threading.Thread(target=self._serve, args=(client, kept), daemon=True).start()

    def _serve(self, client: socket.socket, kept: bytearray) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        up = threading.Thread(target=_pump, args=(client, upstream, kept), daemon=True)
        up.start()
        _pump(upstream, client, None)
        up.join()
        client.close()
        upstream.close()


def _pump(src: socket.socket, dst: socket.socket, kept: bytearray | None) -> None:
    try:
        while data := src.recv(65536):
            if kept is not None:
                kept += data
            dst.sendall(data)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)


# --- the requests ----------------------------------------------------------------------------


@dataclass
class Request:
    method: str
    path: str
    head: bytes  # request line and headers, with the blank line
    body: bytes  # as sent

    @property
    def encoding(self) -> str:
        for line in self.head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-encoding":
                return value.strip().decode()
        return ""

    def decoded(self) -> bytes:
        return gzip.decompress(self.body) if self.encoding == "gzip" else self.body


def parse_requests(stream: bytes) -> list[Request]:
    """The HTTP/1.1 requests in one connection's upstream bytes (bodies with Content-Length)."""
    out: list[Request] = []
    pos = 0
    while pos < len(stream):
        end = stream.index(b"\r\n\r\n", pos) + 4
        head = bytes(stream[pos:end])
        lines = head.split(b"\r\n")
        method, target, _ = lines[0].decode().split(" ", 2)
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
            if name.strip().lower() == b"transfer-encoding":
                raise SystemExit(f"chunked request bodies are not parsed ({method} {target})")
        out.append(Request(method, target.split("?")[0], head, bytes(stream[end : end + length])))
        pos = end + length
    return out


def save(requests: list[Request], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, r in enumerate(requests):
        (folder / f"{n:04d}.head").write_bytes(r.head)
        (folder / f"{n:04d}.body").write_bytes(r.body)


def load(folder: Path) -> list[Request]:
    out = []
    for head_file in sorted(folder.glob("*.head")):
        head = head_file.read_bytes()
        method, target, _ = head.split(b"\r\n")[0].decode().split(" ", 2)
        out.append(Request(method, target, head, head_file.with_suffix(".body").read_bytes()))
    return out


# --- taking the sync bodies apart ------------------------------------------------------------

LEVEL = 9  # what the client uses (sync.client.transport.GZIP_LEVEL)


def _gz(data: dict[str, Any], level: int = LEVEL) -> int:
    """Bytes of ``data`` as the client would send it (pydantic's compact JSON, gzip)."""
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    return len(gzip.compress(raw, compresslevel=level))


def _without(
    body: dict[str, Any], keep: Callable[[dict[str, Any]], dict[str, Any] | None]
) -> dict[str, Any]:
    mutations = [m2 for m in body["mutations"] if (m2 := keep(m)) is not None]
    return {**body, "mutations": mutations}


def _key_bytes(value: Any) -> int:
    if isinstance(value, dict):
        return sum(len(json.dumps(k)) + 1 + _key_bytes(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(_key_bytes(v) for v in value)
    return 0


def sync_breakdown(bodies: list[dict[str, Any]], top_fields: int = 12) -> dict[str, Any]:
    """Marginal gzip bytes per entity kind, per field of the largest kinds, per envelope key."""
    full = sum(_gz(b) for b in bodies)
    kinds: dict[str, dict[str, int]] = defaultdict(lambda: {"count": 0, "raw": 0, "gz": 0})
    field_raw: dict[tuple[str, str], int] = defaultdict(int)
    for b in bodies:
        for m in b["mutations"]:
            k = kinds[m["entity"]]
            k["count"] += 1
            k["raw"] += len(json.dumps(m, separators=(",", ":"), ensure_ascii=False).encode())
            for name, value in m["fields"].items():
                field_raw[(m["entity"], name)] += (
                    len(
                        json.dumps(
                            {name: value}, separators=(",", ":"), ensure_ascii=False
                        ).encode()
                    )
                    - 2
                )
    for entity, k in kinds.items():

        def other(m: dict[str, Any], e: str = entity) -> dict[str, Any] | None:
            return None if m["entity"] == e else m

        k["gz"] = full - sum(_gz(_without(b, other)) for b in bodies)
    runs = [b["audit"] for b in bodies if b.get("audit")]
    if runs:
        kinds["audit (short run)"] = {
            "count": sum(len(r["entries"]) for r in runs),
            "raw": sum(len(json.dumps(r, separators=(",", ":")).encode()) for r in runs),
            "gz": full - sum(_gz({k: v for k, v in b.items() if k != "audit"}) for b in bodies),
            "explicit_hashes": sum(
                ("hash" in e) + ("prev_hash" in e) for r in runs for e in r["entries"]
            ),
        }
    fields: list[dict[str, Any]] = []
    for (entity, name), raw in sorted(field_raw.items(), key=lambda kv: -kv[1])[:top_fields]:

        def drop(m: dict[str, Any], e: str = entity, f: str = name) -> dict[str, Any]:
            if m["entity"] != e:
                return m
            return {**m, "fields": {k: v for k, v in m["fields"].items() if k != f}}

        gz = full - sum(_gz(_without(b, drop)) for b in bodies)
        fields.append({"entity": entity, "field": name, "raw": raw, "gz": gz})
    envelope: list[dict[str, Any]] = []
    for key in ("mutation_id", "entity_id", "entity", "op", "base_version"):

        def drop_key(m: dict[str, Any], key: str = key) -> dict[str, Any]:
            return {k: v for k, v in m.items() if k != key}

        raw = sum(
            len(json.dumps({key: m[key]}, separators=(",", ":")).encode()) - 2
            for b in bodies
            for m in b["mutations"]
        )
        gz = full - sum(_gz(_without(b, drop_key)) for b in bodies)
        envelope.append({"key": key, "raw": raw, "gz": gz})
    rest = sum(_gz({k: v for k, v in b.items() if k not in ("mutations", "audit")}) for b in bodies)
    return {
        "bodies": len(bodies),
        "gz": full,
        "raw": sum(len(json.dumps(b, separators=(",", ":")).encode()) for b in bodies),
        "key_raw": sum(_key_bytes(b) for b in bodies),
        "request_fields_gz": rest,
        "kinds": dict(sorted(kinds.items(), key=lambda kv: -kv[1]["gz"])),
        "fields": fields,
        "envelope": envelope,
    }


def encodings(raws: list[bytes]) -> list[dict[str, Any]]:
    """The sync bodies under other encodings: bytes and the CPU seconds to compress them."""
    out = []
    for name, fn in (
        ("gzip 6 (now)", lambda d: gzip.compress(d, compresslevel=6)),
        ("gzip 9", lambda d: gzip.compress(d, compresslevel=9)),
        ("zlib 9, memLevel 9", _deflate_max),
    ):
        started = time.process_time()
        size = sum(len(fn(d)) for d in raws)
        out.append({"encoding": name, "bytes": size, "cpu_s": time.process_time() - started})
    return out


def _deflate_max(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31, 9)
    return c.compress(data) + c.flush()


def analyse(requests: list[Request], payload: int = 0) -> dict[str, Any]:
    per_path: dict[str, dict[str, int]] = defaultdict(lambda: {"requests": 0, "head": 0, "body": 0})
    for r in requests:
        p = per_path[f"{r.method} {r.path}"]
        p["requests"] += 1
        p["head"] += len(r.head)
        p["body"] += len(r.body)
    syncs = [r for r in requests if r.path.endswith("/sync")]
    raws = [r.decoded() for r in syncs]
    bodies = [json.loads(raw) for raw in raws]
    chunks = [r for r in requests if r.path.endswith("/blobs/chunks")]
    manifest = sum(len(r.decoded().split(b"\n", 1)[0]) + 1 for r in chunks)
    return {
        "payload": payload,
        "total": sum(len(r.head) + len(r.body) for r in requests),
        "requests": len(requests),
        "head": sum(len(r.head) for r in requests),
        "per_path": dict(per_path),
        "sync_wire": sum(len(r.body) for r in syncs),
        "sync": sync_breakdown(bodies) if bodies else {},
        "blob_manifest_raw": manifest,
        "blob_body_wire": sum(len(r.body) for r in chunks),
        "encodings": encodings(raws),
    }


def report(result: dict[str, Any]) -> str:
    payload = result.get("payload") or 0
    over = f"; payload {payload:,} B, {result['total'] / payload:.3f}x" if payload else ""
    lines = [
        f"Upload: {result['requests']} requests, {result['total']:,} B on the wire "
        f"({result['head']:,} B request lines + headers){over}",
        "",
        "| request | count | headers B | bodies B |",
        "|---|---|---|---|",
    ]
    for path, p in sorted(result["per_path"].items(), key=lambda kv: -kv[1]["body"]):
        lines.append(f"| {path} | {p['requests']} | {p['head']:,} | {p['body']:,} |")
    s = result["sync"]
    if s:
        lines += [
            "",
            f"Sync bodies: {s['bodies']}, {result['sync_wire']:,} B sent (recompressed: "
            f"{s['gz']:,} B), {s['raw']:,} B of JSON of which {s['key_raw']:,} B are keys; "
            f"the request's own fields (cursor, users, ...) {s['request_fields_gz']:,} B gzip",
            "",
            "| entity | mutations | JSON B | gzip B (marginal) | gzip B each |",
            "|---|---|---|---|---|",
        ]
        for entity, k in s["kinds"].items():
            each = k["gz"] / max(1, k["count"])
            lines.append(f"| {entity} | {k['count']:,} | {k['raw']:,} | {k['gz']:,} | {each:.0f} |")
        lines += ["", "| field | JSON B | gzip B (marginal) |", "|---|---|---|"]
        for f in s["fields"]:
            lines.append(f"| {f['entity']}.{f['field']} | {f['raw']:,} | {f['gz']:,} |")
        for e in s["envelope"]:
            lines.append(f"| (mutation) {e['key']} | {e['raw']:,} | {e['gz']:,} |")
    lines += [
        "",
        f"Blob bodies: {result['blob_body_wire']:,} B ({result['blob_manifest_raw']:,} B of "
        "manifest lines)",
        "",
        "| sync bodies as | bytes | CPU s |",
        "|---|---|---|",
    ]
    for e in result["encodings"]:
        lines.append(f"| {e['encoding']} | {e['bytes']:,} | {e['cpu_s']:.2f} |")
    return "\n".join(lines)


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Upload:
    requests: list[Request]
    letters_gz: int  # the letters' gzip JSON (as the link lab counts the payload)
    blob_bytes: int

    @property
    def payload(self) -> int:
        return self.letters_gz + self.blob_bytes


def run(root: Path, letters: int, scans: int, *, own_process: bool = True) -> Upload:
    """The link lab's set-up and workload; PC1's ``naskah sync`` through the recording proxy."""
    import contextlib

    from bench import link_lab

    with contextlib.ExitStack() as stack:
        lab = link_lab.office(
            stack, root, letters, scans, own_process=own_process, proxy_for=RecordingProxy
        )
        proxy = lab.proxy
        time.sleep(0.2)
        proxy.reset()
        print("  up: naskah sync (PC1) over loopback...", flush=True)
        started = time.perf_counter()
        link_lab.cli_sync(lab.pc1_dir, lab.env)
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
        time.sleep(0.2)
        sent = [r for stream in proxy.streams for r in parse_requests(bytes(stream))]
        return Upload(sent, lab.letters_gz, lab.blob_bytes)


TARGET_X = 1.05  # ours: bytes up within 5 % of the payload (the rest of 1.15x is round trips)
FULL = (1000, 20)  # the link lab's full workload


def figures(log: Callable[[str], None] = print) -> list[Any]:
    """``bench.run`` figures: bytes up against the payload, the records' and an audit entry's
    share; the workload of the full link lab (deterministic, no emulated link)."""
    from bench import link_lab
    from bench.run import Figure

    letters, scans = FULL
    log(f"upload bytes: {letters} letters + {scans} scans, naskah sync over loopback...")
    upload = link_lab.lab(letters, scans, runner=run)
    result = analyse(upload.requests, upload.payload)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    for line in report(result).splitlines():
        log(line)
    x = result["total"] / upload.payload
    sync = result["sync"]
    run_row = sync.get("kinds", {}).get("audit (short run)") or sync.get("kinds", {}).get("audit")
    each = run_row["gz"] / max(1, run_row["count"]) if run_row else None
    return [
        Figure(
            f"upload bytes: {letters} letters + {scans} scans, all requests / payload", x, "x",
            "ratio", target=TARGET_X, target_text=f"<= {TARGET_X}x", runs=1,
            note=f"{result['total']:,} B up, payload {upload.payload:,} B, "
            f"{result['requests']} requests",
        ),
        Figure(
            "upload bytes: sync request bodies", result["sync_wire"] / 1024, "KB", "bytes",
            runs=1, note=f"{sync.get('raw', 0):,} B of JSON",
        ),
        Figure(
            "upload bytes: one audit entry (gzip, marginal)", each, "B", "bytes", runs=1,
            note=f"{run_row['count'] if run_row else 0:,} entries",
        ),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--scans", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="write the requests (head and body) here")
    parser.add_argument("--from", dest="source", type=Path, help="analyse requests kept earlier")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.source:
        result = analyse(load(args.source))
    else:
        from bench import link_lab

        upload = link_lab.lab(args.letters, args.scans, runner=run)
        if args.keep:
            save(upload.requests, args.keep)
        result = analyse(upload.requests, upload.payload)
    print()
    print(report(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
