"""The audit chain: every action leaves an entry; any change to the log is detected."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from desktop.letters import audit, drafting, workflow
from tests.conftest import Office
from tests.letters.test_lifecycle import fill_invitation


def make_history(o: Office) -> str:
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [o.kasi.id], o.camat.id)
    workflow.initial(o.store, o.kasi, letter.id)
    return letter.id


def test_chain_intact_after_real_work(office_staff: Office) -> None:
    make_history(office_staff)
    report = audit.verify(office_staff.store)
    assert report.ok and report.checked > 15


def test_every_action_is_audited_with_actor(office_staff: Office) -> None:
    o = office_staff
    letter_id = make_history(o)
    con = sqlite3.connect(o.store.path)
    rows = con.execute(
        "SELECT action, actor_id FROM audit_entry WHERE entity_id = ? ORDER BY seq", (letter_id,)
    ).fetchall()
    actions = [a for a, _ in rows]
    assert actions[0] == "letter.create" and "letter.send" in actions
    assert ("letter.initialled", o.kasi.id) in rows


def _tamper(o: Office, sql: str) -> int:
    con = sqlite3.connect(o.store.path)
    with con:
        con.execute(sql)
    seq = con.execute("SELECT min(seq) FROM audit_entry WHERE action = 'letter.send'").fetchone()
    con.close()
    return int(seq[0]) if seq[0] else 0


def test_edited_entry_is_detected(office_staff: Office) -> None:
    o = office_staff
    make_history(o)
    seq = _tamper(o, "UPDATE audit_entry SET actor_id = 'someone-else' WHERE action='letter.send'")
    report = audit.verify(o.store)
    assert not report.ok and report.broken_at == seq


def test_deleted_entry_is_detected(office_staff: Office) -> None:
    o = office_staff
    make_history(o)
    con = sqlite3.connect(o.store.path)
    with con:
        victim = con.execute("SELECT seq FROM audit_entry ORDER BY seq LIMIT 1 OFFSET 5").fetchone()
        con.execute("DELETE FROM audit_entry WHERE seq = ?", victim)
    con.close()
    report = audit.verify(o.store)
    assert report.broken_at == victim[0] + 1 and report.checked == 5


def test_cli_reports_first_broken_link(office_staff: Office) -> None:
    o = office_staff
    make_history(o)
    o.store.close()
    cmd = [sys.executable, "-m", "desktop", "--data-dir", str(o.store.data_dir), "audit", "verify"]
    ok = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "utuh" in ok.stdout
    con = sqlite3.connect(o.store.path)
    with con:
        con.execute("UPDATE audit_entry SET detail_json = '{\"forged\": 1}' WHERE seq = 3")
    con.close()
    bad = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and "#3" in bad.stdout
