"""A draft the clerk saw saved survives the process being killed (SIGKILL, like a power cut)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.letters import drafting
from desktop.store.db import open_store
from desktop.store.models import Letter, LetterRevision
from tests.conftest import Office

ROOT = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop.letters import accounts, drafting
    from desktop.store.db import open_store
    store = open_store(Path(sys.argv[1]))
    user = accounts.login(store, "budi", sys.argv[2])
    letter_id = sys.argv[3]
    data = drafting.input_of(drafting.get_letter(store, user, letter_id))
    i = 0
    while True:
        i += 1
        data.hal = f"Revisi ke-{i}"
        data.body_html = "<p>" + ("isi surat " * 200) + f"{i}</p>"
        drafting.save_draft(store, user, letter_id, data)
        print(i, flush=True)  # acknowledged: the clerk saw "Tersimpan"
        if len(sys.argv) > 4:
            time.sleep(60)
    """
)


@pytest.mark.parametrize("mode", ["idle", "busy"])
def test_saved_draft_survives_sigkill(office_staff: Office, mode: str) -> None:
    from tests.conftest import PASSWORD

    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    data_dir = o.store.data_dir
    o.store.close()
    args = [sys.executable, "-c", CHILD, str(data_dir), PASSWORD, letter.id]
    if mode == "idle":
        args.append("sleep-after-first-save")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert child.stdout is not None
    acknowledged = 0
    target = 1 if mode == "idle" else 25
    while acknowledged < target:
        line = child.stdout.readline()
        assert line, "child died before saving"
        acknowledged = int(line)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    # Whatever it printed before the kill was durable; it may have saved one more after.
    store = open_store(data_dir)
    try:
        with store.read() as s:
            row = s.exec(select(Letter).where(Letter.id == letter.id)).one()
            revs = s.exec(select(LetterRevision).where(LetterRevision.letter_id == letter.id)).all()
        saved = int(row.hal.rsplit("-", 1)[1])
        assert saved >= acknowledged
        assert row.revision_no == len(revs) == saved + 1  # no revision lost or half-written
        import sqlite3

        with sqlite3.connect(store.path) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()
