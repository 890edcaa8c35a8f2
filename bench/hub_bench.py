"""Measure the office hub on a LAN-like link (issue 16; docs/office-hub.md).

    .venv/bin/python -m bench.hub_bench [--letters 1000]

Starts the central server and the hub as real ``naskah-server`` processes on 127.0.0.1, with a
throttling proxy in front of the hub shaped like an office LAN (100 Mbit/s each way, 0.5 ms
one-way: 1 ms RTT; bench/sync_bench.py's proxy with other figures). Two PCs of an office enrol
and sync once with central; PC1 then makes the letters (services, not timed), syncs them to the
hub ("up") and PC2 syncs them from the hub ("down"); their sum is the figure. Then the hub's
resident memory after 5 s idle. Prints a markdown table and writes bench/out/hub_results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"

from bench import sync_bench

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "out" / "hub_results.json"
LAN_BANDWIDTH = 100_000_000 // 8  # bytes per second, each way
LAN_ONE_WAY_S = 0.0005
TARGET_LETTERS_S = 10.0  # 1,000 letters from PC1 reach PC2 through the hub
TARGET_IDLE_MB = 150.0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_s() -> float:
    times = os.times()
    return times.user + times.system


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(root: Path, letters: int) -> dict[str, Any]:
    import keyring

    from desktop.seam import install
    from desktop.store.db import open_store
    from sync.client.server_address import HUB, set_hub_address, sync_by_best_path
    from tests import stores
    from tests.hub.conftest import Central, Hub
    from tests.memory_keyring import MemoryKeyring
    from tests.sync.pcs import draft, enrol, open_pc, set_up_office

    keyring.set_keyring(MemoryKeyring())
    install()
    open_store(root / "template").close()  # the migrated empty store the PCs are copied from
    stores.TEMPLATES["empty"] = root / "template"
    sync_bench.BANDWIDTH = LAN_BANDWIDTH  # the proxy reads these at run time
    sync_bench.ONE_WAY_S = LAN_ONE_WAY_S
    central = Central(root)
    central.init()
    central.start()
    hub = None
    proxy = None
    try:
        central.add_office("KEC-BENCH")
        pc1, pc2 = open_pc(root, "pc1"), open_pc(root, "pc2")
        set_up_office(pc1)
        for pc in (pc1, pc2):
            enrol(pc, central, "KEC-BENCH")
            pc.sync()
        pc1.sync()
        hub = Hub(root / "hub", central, "KEC-BENCH")
        hub.root.mkdir()
        hub.enrol()
        hub.start()
        proxy = sync_bench.ThrottleProxy(hub.port)
        for pc in (pc1, pc2):
            set_hub_address(pc.store, proxy.url)
            path, _ = sync_by_best_path(pc.store)
            assert path == HUB
        started = time.perf_counter()
        for n in range(letters):
            draft(pc1, f"Undangan rapat koordinasi nomor {n + 1}")
        create_s = time.perf_counter() - started
        assert hub.proc is not None and central.proc is not None
        cpu_before = (own_cpu_s(), cpu_s(hub.proc.pid), cpu_s(central.proc.pid))
        started = time.perf_counter()
        path, up = sync_by_best_path(pc1.store)
        up_s = time.perf_counter() - started
        started = time.perf_counter()
        path2, down = sync_by_best_path(pc2.store)
        down_s = time.perf_counter() - started
        cpu_after = (own_cpu_s(), cpu_s(hub.proc.pid), cpu_s(central.proc.pid))
        pcs_cpu, hub_cpu, central_cpu = (b - a for a, b in zip(cpu_before, cpu_after, strict=True))
        assert path == path2 == HUB and up.pending == 0
        with pc2.store.engine.connect() as conn:
            from sqlalchemy import text

            held: int = conn.execute(text("SELECT count(*) FROM letter")).scalar_one()
        assert held >= letters, held
        # Not timed: the hub relays everything to central and takes central's versions back.
        started = time.perf_counter()
        office_id = central.query("SELECT id FROM offices WHERE code = 'KEC-BENCH'")[0][0]
        hub.wait_caught_up(office_id)
        caught_up_s = time.perf_counter() - started
        at_central = central.query(
            "SELECT count(*) FROM records WHERE office_id = :o AND entity = 'letter'", o=office_id
        )[0][0]
        assert at_central == held, (at_central, held)
        time.sleep(5.0)
        idle_mb = rss_mb(hub.proc.pid)
        return {
            "letters": letters,
            "create_s": create_s,
            "up_s": up_s,
            "down_s": down_s,
            "through_hub_s": up_s + down_s,
            "cpu_s": {"pcs": pcs_cpu, "hub": hub_cpu, "central": central_cpu},
            "central_caught_up_s": caught_up_s,
            "up_batches": up.batches,
            "down_batches": down.batches,
            "hub_idle_mb": idle_mb,
            "link": {"bandwidth_bytes_s": LAN_BANDWIDTH, "one_way_s": LAN_ONE_WAY_S},
            "proxy": proxy.snapshot(),
        }
    finally:
        if proxy is not None:
            proxy.close()
        if hub is not None:
            hub.stop()
        central.stop()


def table(r: dict[str, Any]) -> str:
    ok = "yes" if r["through_hub_s"] <= TARGET_LETTERS_S else "NO"
    mem = "yes" if r["hub_idle_mb"] <= TARGET_IDLE_MB else "NO"
    return "\n".join(
        [
            "| figure | measured | target | met |",
            "|---|---|---|---|",
            f"| {r['letters']} letters PC1 -> hub -> PC2 (up + down) | "
            f"{r['through_hub_s']:.1f} s ({r['up_s']:.1f} + {r['down_s']:.1f}) | "
            f"<= {TARGET_LETTERS_S:.0f} s | {ok} |",
            f"| CPU meanwhile: PCs / hub / central | {r['cpu_s']['pcs']:.1f} / "
            f"{r['cpu_s']['hub']:.1f} / {r['cpu_s']['central']:.1f} s | | |",
            f"| then central holds them all (relay + adoption) | "
            f"{r['central_caught_up_s']:.1f} s more | | |",
            f"| hub resident memory, idle | {r['hub_idle_mb']:.0f} MB | "
            f"<= {TARGET_IDLE_MB:.0f} MB | {mem} |",
        ]
    )


def figures(letters: int = 1000, log: Callable[[str], None] = print) -> list[Any]:
    """The figures for ``bench/run.py --only hub``."""
    from bench.run import Figure

    with tempfile.TemporaryDirectory(prefix="naskah-hub-bench-") as tmp:
        r = run(Path(tmp), letters)
    log(table(r))
    cpu = r["cpu_s"]
    note = (
        f"up {r['up_s']:.1f} s + down {r['down_s']:.1f} s; CPU meanwhile PCs {cpu['pcs']:.1f} s, "
        f"hub {cpu['hub']:.1f} s, central {cpu['central']:.1f} s; central held all "
        f"{r['central_caught_up_s']:.1f} s later"
    )
    seconds, mb = r["through_hub_s"], r["hub_idle_mb"]
    return [
        Figure(f"hub: {letters} letters PC1 -> hub -> PC2", seconds, "s", "one run",
               TARGET_LETTERS_S, f"<= {TARGET_LETTERS_S:g} s", 1, note, [seconds]),
        Figure("hub: resident memory, idle", mb, "MB", "one run", TARGET_IDLE_MB,
               f"<= {TARGET_IDLE_MB:g} MB", 1, "5 s after central held everything", [mb]),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--letters", type=int, default=1000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="naskah-hub-bench-") as tmp:
        result = run(Path(tmp), args.letters)
    print(table(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
