"""Command-line start-up: ``naskah verify FILE.pdf`` and ``naskah-cli --help``, each a whole
process timed from outside, against a bare Python started the same way in the same rounds.

    .venv/bin/python -m bench.cli_bench [--rounds 9]

Set-up, through the real code (``bench.signing_bench.workspace``): a fresh store for Kecamatan
Komodo with the organisation's trust material, the camat's key, and one letter signed
electronically; its PDF is written to a file. Then, in interleaved rounds (verify, ``python -c
pass``, ``--help``, a hello-world, ...), each a new process: its wall time (spawn to exit, seen
from here) and its CPU time (user + sys, the kernel's accounting of the finished child, so load
from other processes does not count). The ratios are taken pair by pair
(each run over the reference run beside it), so a machine that gets busier during the rounds
moves both alike. Verify must say "valid" and name our letter, or the figure is an error.

``bench.run`` prints these figures with the others (group ``cli``). See docs/benchmarks.md,
"Command line".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import bytecode
from bench.run import Figure, table

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 9
VERIFY_TARGET_S = 0.5  # issue 10: "naskah verify" <= 0.5 s on this machine
HELP_TARGET_X = 2.0  # issue 17: "naskah-cli --help" <= 2x a hello-world in the same rounds
CHILD_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float  # user + sys of the child, from the kernel
    code: int
    out: str


def run_child(argv: list[str]) -> Run:
    """Start ``argv`` and wait for it; wall and CPU time of that process alone."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert proc.stdout is not None
    try:
        out = proc.stdout.read()
        if hasattr(os, "wait4"):
            _pid, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
            # (Not ru_maxrss: the forked child counts the parent's pages before its exec.)
            cpu = usage.ru_utime + usage.ru_stime
        else:  # no per-child accounting (Windows): wall time only
            proc.wait(timeout=CHILD_TIMEOUT_S)
            wall = time.perf_counter() - started
            cpu = float("nan")
    finally:
        if proc.returncode is None:
            proc.kill()
            proc.wait()
    return Run(wall, cpu, proc.returncode, out.decode("utf-8", "replace"))


def cli_command() -> list[str]:
    """``naskah-cli`` as installed beside this Python (the console script), else ``-m desktop``
    (the same ``main``)."""
    script = Path(sys.executable).with_name("naskah-cli")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop"]


def signed_letter(tmp: Path) -> tuple[Path, Path]:
    """A store with one electronically signed letter, and that letter's PDF in a file."""
    # Before anything builds asn1crypto's ContentType table (see bench.signing_bench).
    import sync.pki.tsa  # noqa: F401
    from bench import signing_bench
    from desktop import seam
    from desktop.letters import esign
    from desktop.render.fonts import ensure_gui_app
    from desktop.store.blobs import BlobStore

    seam.install()
    ensure_gui_app()
    ws = signing_bench.workspace(tmp, None, 1)
    try:
        letter = esign.sign_electronically(ws.store, ws.camat, ws.take(1)[0], ws.signer)
        assert letter.pdf_hash is not None
        pdf = tmp / "surat.pdf"
        pdf.write_bytes(BlobStore(ws.store.blob_dir).get(letter.pdf_hash))
    finally:
        ws.close()  # the command reads it like any other process would
    return ws.data_dir, pdf


def rounds(commands: dict[str, list[str]], n: int) -> dict[str, list[Run]]:
    """One warm-up of each, then ``n`` rounds running each command once, in turn."""
    for argv in commands.values():
        run_child(argv)
    runs: dict[str, list[Run]] = {key: [] for key in commands}
    for _ in range(n):
        for key, argv in commands.items():
            runs[key].append(run_child(argv))
    return runs


def _med(runs: list[Run], what: Callable[[Run], float]) -> float:
    return statistics.median(what(r) for r in runs)


def _ratios(a: list[Run], b: list[Run], what: Callable[[Run], float]) -> list[float]:
    return [what(x) / what(y) for x, y in zip(a, b, strict=True)]


def figures(*, n: int = ROUNDS, log: Callable[[str], None] = print) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="naskah-clibench-") as tmp_name:
        tmp = Path(tmp_name)
        log("cli: a store with one signed letter ...")
        data_dir, pdf = signed_letter(tmp)
        cli = cli_command()
        commands = {
            "verify": [*cli, "verify", str(pdf), "--data-dir", str(data_dir)],
            "pass": [sys.executable, "-c", "pass"],
            "help": [*cli, "--help"],
            "hello": [sys.executable, "-c", "print('hello')"],
        }
        log(f"cli: {n} rounds of verify, python -c pass, --help, hello-world ...")
        runs = rounds(commands, n)
    return verify_figures(runs["verify"], runs["pass"]) + help_figures(runs["help"], runs["hello"])


def _wall(r: Run) -> float:
    return r.wall_s


def _cpu(r: Run) -> float:
    return r.cpu_s


def verify_figures(verify: list[Run], bare: list[Run]) -> list[Figure]:
    name = "cli: naskah verify FILE.pdf (our signed letter, the store present), whole process"
    bad = [r for r in verify if r.code != 0 or "SAH:" not in r.out or "Arsip: surat" not in r.out]
    if bad:
        tail = bad[0].out.strip().splitlines()[-3:]
        note = f"exit {bad[0].code}, not reported valid with its record: {' / '.join(tail)}"
        return [Figure(name, None, "s", "median", VERIFY_TARGET_S, "median <= 0.5 s", 0, note)]
    wall = [r.wall_s for r in verify]
    note = (
        f"CPU (user+sys) median {_med(verify, _cpu):.3f} s; "
        f"python -c pass in the same rounds: wall {_med(bare, _wall):.3f} s, CPU "
        f"{_med(bare, _cpu):.3f} s; pair by pair verify / pass: wall "
        f"{statistics.median(_ratios(verify, bare, _wall)):.1f}x, CPU "
        f"{statistics.median(_ratios(verify, bare, _cpu)):.1f}x"
    )
    return [
        Figure(name, statistics.median(wall), "s", "median", VERIFY_TARGET_S,
               f"median <= {VERIFY_TARGET_S:g} s", len(wall), note, wall),
        Figure("cli: naskah verify, CPU time (user+sys) of the process",
               _med(verify, _cpu), "s", "median", VERIFY_TARGET_S,
               f"median <= {VERIFY_TARGET_S:g} s", len(verify),
               "the same runs; CPU time is what the load of other processes does not inflate",
               [r.cpu_s for r in verify]),
    ]  # fmt: skip


def help_figures(help_runs: list[Run], hello: list[Run]) -> list[Figure]:
    name = "cli: naskah-cli --help / python hello-world, pair by pair (wall)"
    if any(r.code != 0 or "verify" not in r.out for r in help_runs):
        return [
            Figure(name, None, "x", "median", HELP_TARGET_X, "median <= 2x", 0, "--help failed")
        ]
    ratios = _ratios(help_runs, hello, _wall)
    cpu_ratios = _ratios(help_runs, hello, _cpu)
    note = (
        f"--help wall median {_med(help_runs, _wall) * 1000:.0f} ms, CPU "
        f"{_med(help_runs, _cpu) * 1000:.0f} ms; hello-world wall "
        f"{_med(hello, _wall) * 1000:.0f} ms, CPU {_med(hello, _cpu) * 1000:.0f} ms; by CPU "
        f"time {statistics.median(cpu_ratios):.2f}x; dev install (the frozen build adds "
        "PyInstaller's runtime hooks to both: packaging/README.md)"
    )
    return [
        Figure(name, statistics.median(ratios), "x", "median", HELP_TARGET_X,
               f"median <= {HELP_TARGET_X:g}x", len(ratios), note, ratios),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.cli_bench", description=__doc__.split("\n")[0])
    p.add_argument("--rounds", type=int, default=ROUNDS)
    args = p.parse_args(argv)
    bytecode.ensure()  # time the installed app, not a compile (bench/bytecode.py)
    load: Any = os.getloadavg()
    print(f"load average {load[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    out = figures(n=args.rounds)
    print()
    print(table(out))
    print(f"\nload average at start {load[0]:.2f}, at end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
