"""Signing figures on this machine (not a test): ``python -m tests.signing.bench_signing``.

Prints the median of N runs for: PAdES signing of a rendered one-page letter with the key
already unlocked, rendering + signing, unlocking the key file, verifying, and adding a
document timestamp.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(wall, CPU) medians in ms; CPU time is what to compare when other work shares the
    machine."""
    fn()  # warm up (imports, font parsing, caches)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main(runs: int = 41) -> None:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from desktop.render import render_pdf
    from desktop.signing import keys, pades, verify
    from sync.pki import ca
    from tests.signing.signing_support import ANDI, ORG, VERIFY_URL, Pki, letter, note_box

    root_key, root = ca.create_root_ca(ORG)
    tsa_key, tsa_cert = ca.create_tsa(root_key, root, ORG)
    pki = Pki(root_key, root, tsa_key, tsa_cert)
    signer = pki.signer(ANDI)
    doc = letter()
    pdf = render_pdf(doc)
    box = note_box(pdf)
    crl = ca.build_crl(root_key, root, [], crl_number=1)

    def sign(data: bytes) -> bytes:
        return pades.sign_pdf(
            data, signer, reason="Persetujuan", location="Sukamaju", signer_name=signer.name,
            position=ANDI.jabatan, date_text="3 Maret 2026", verify_url=VERIFY_URL,
            field_box=box, crls=[crl],
        )  # fmt: skip

    signed = sign(pdf)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kunci.p12"
        keys.save_key_file(path, signer.key, signer.cert, [root], "Kopi-Wamena 2026")
        figures = {
            "render one-page letter (PDF/A)": _median_ms(lambda: render_pdf(doc), runs),
            "PAdES sign, key unlocked": _median_ms(lambda: sign(pdf), runs),
            "render + sign": _median_ms(lambda: sign(render_pdf(doc)), runs),
            f"unlock key file ({keys.KDF_ROUNDS} rounds)": _median_ms(
                lambda: keys.load_key_file(path, "Kopi-Wamena 2026"), 7
            ),
            "first signature: unlock + render + sign": _median_ms(
                lambda: (keys.load_key_file(path, "Kopi-Wamena 2026"), sign(render_pdf(doc))), 7
            ),
            "verify (1 signature, CRL)": _median_ms(
                lambda: verify.verify_pdf(signed, [root], [crl]), runs
            ),
            "add document timestamp": _median_ms(
                lambda: pades.add_document_timestamp(signed, pki.timestamper()), runs
            ),
        }
    print(f"{'median of runs':45s} {'wall ms':>8s} {'CPU ms':>8s}")
    for name, (wall, cpu) in figures.items():
        print(f"{name:45s} {wall:8.1f} {cpu:8.1f}")
    print(f"letter {len(pdf)} bytes, signed {len(signed)} bytes")
    del app


if __name__ == "__main__":
    main()
