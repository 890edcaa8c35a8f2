"""A hub restored from its own backup while central is unreachable (docs/office-hub.md,
"Restoring a hub from its backup"). The hub the office worked through after the backup dies
with everything it acknowledged and had not relayed; the copy put back has a new change log,
and the PCs, seeing that it continues their old one, send back what it lacks. Nothing is lost,
a number issued from a sub-lease the copy forgot still passes, a field changed both ways
becomes one visible conflict, and central, once back, holds exactly what the PCs hold."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.letters import workflow
from desktop.letters.drafting import get_letter
from sync.client import engine
from sync.client.errors import Offline, SyncError
from sync.client.server_address import HUB, set_hub_address, sync_by_best_path
from sync.client.transport import Transport
from tests.hub.conftest import Central, Hub, cli
from tests.hub.helpers import central_versions, numbers, pc_blobs, pc_versions, unsynced
from tests.hub.test_offline_office import office_of_three, via
from tests.hub.test_roaming import hals
from tests.sync.pcs import PC, count, draft, save, snapshot


def _office_with_hub(
    central: Central, hubs: list[Hub], root: Path, code: str
) -> tuple[list[PC], Hub, str]:
    """Three PCs syncing through a hub with small sub-leases (2 numbers), caught up with
    central; then central goes away for the rest of the story."""
    pcs = office_of_three(central, root, code)
    state = engine.state_of(pcs[0].store)
    assert state is not None
    hub = Hub(root / "hub", central, code, lease_block=2)
    hub.root.mkdir()
    hubs.append(hub)
    hub.enrol()
    hub.start()
    for pc in pcs:
        set_hub_address(pc.store, hub.url)
    return pcs, hub, state.office_id


def _a_letter_backed_up(
    central: Central, hubs: list[Hub], root: Path, code: str, hal: str
) -> tuple[list[PC], Hub, str, str, Path]:
    """An office of three with a hub; PC1's letter ``hal`` everywhere; central stopped; the
    hub backed up. Returns the PCs, the hub, the office's id, the letter and the backup."""
    pcs, hub, office_id = _office_with_hub(central, hubs, root, code)
    letter = draft(pcs[0], hal)
    for pc in pcs:
        via(pc, HUB)
    hub.wait_caught_up(office_id)
    central.stop()
    backup = root / "cadangan"
    _backup(hub, backup)
    return pcs, hub, office_id, letter, backup


def _backup(hub: Hub, folder: Path) -> None:
    cli("hub", "backup", "--db", hub.db, "--blobs", str(hub.root / "hub-blobs"), "--to",
        str(folder))  # fmt: skip


def _restore(hub: Hub, folder: Path) -> None:
    """The hub PC dies; the administrator puts the backup back and starts the hub again."""
    hub.kill()
    out = cli("hub", "restore", "--db", hub.db, "--blobs", str(hub.root / "hub-blobs"),
              "--from", str(folder))  # fmt: skip
    assert "restored" in out
    hub.start()


def _signed(pc: PC, hal: str) -> tuple[str, str]:
    letter = draft(pc, hal)
    camat = pc.user("camat")
    workflow.send(pc.store, pc.user("budi"), letter, [], camat.id)
    return letter, workflow.sign_by_hand(pc.store, camat, letter).number


def _converged(pcs: list[PC], conflicts: int) -> None:
    for pc in pcs:
        state = engine.state_of(pc.store)
        assert state is not None and state.reconcile_log == ""
        assert count(pc.store, "SELECT count(*) FROM reconcile_record") == 0
        assert count(pc.store, "SELECT count(*) FROM conflict") == conflicts
        assert unsynced(pc) == 0
    first = snapshot(pcs[0].store)
    for pc in pcs[1:]:
        assert snapshot(pc.store) == first


def central_agrees(central: Central, hub: Hub, pcs: list[PC], office_id: str) -> None:
    """Central comes back: once the hub has relayed and caught up, it holds exactly what the
    PCs hold, each number once and each mutation once."""
    central.start()
    hub.wait_caught_up(office_id)
    for pc in pcs:
        via(pc, HUB)
    for pc in pcs:
        assert central_versions(central, office_id) == pc_versions(pc)
    issued = numbers(central, office_id)
    keys = [(s, y, n) for s, y, n, _ in issued]
    assert len(keys) == len(set(keys)) == len(pc_versions(pcs[0])["issued_number"])
    assert (
        central.query(
            "SELECT mutation_id FROM applied_mutations WHERE office_id = :o"
            " GROUP BY mutation_id HAVING count(*) > 1",
            o=office_id,
        )
        == []
    )


def test_a_hub_restored_from_its_backup_loses_nothing_the_pcs_hold(
    hubs: list[Hub], tmp_path: Path
) -> None:
    central = Central(tmp_path, lease_block=2)  # small blocks: numbers need new sub-leases
    central.init()
    central.start()
    try:
        _story(central, hubs, tmp_path)
    finally:
        central.stop()


def _story(central: Central, hubs: list[Hub], tmp_path: Path) -> None:
    (pc1, pc2, pc3), hub, office_id = _office_with_hub(central, hubs, tmp_path, "KEC-PULIH")
    early = draft(pc1, "Surat sebelum cadangan")
    _first, first_number = _signed(pc3, "Surat bernomor sebelum cadangan")
    for pc in (pc3, pc1, pc2):
        via(pc, HUB)
    hub.wait_caught_up(office_id)
    central.stop()  # no internet from here until the end
    backup = tmp_path / "cadangan"
    _backup(hub, backup)

    # After the backup the office goes on through the hub: an edit, a new letter given paraf
    # and signed with a number, more numbers from a sub-lease granted after the backup.
    save(pc1, early, hal="Surat sebelum cadangan, diperbaiki")
    budi = pc1.user("budi")
    letter = draft(pc1, "Undangan setelah cadangan")
    workflow.send(pc1.store, budi, letter, [pc1.user("sari").id], pc1.user("camat").id)
    via(pc1, HUB)
    via(pc2, HUB)
    workflow.initial(pc2.store, pc2.user("sari"), letter)
    via(pc2, HUB)
    via(pc3, HUB)
    signed = workflow.sign_by_hand(pc3.store, pc3.user("camat"), letter)
    via(pc3, HUB)
    later = [_signed(pc3, f"Surat bernomor setelah cadangan {i}") for i in range(6)]
    for _letter, _number in later:
        via(pc3, HUB)
    via(pc1, HUB)
    via(pc2, HUB)
    assert get_letter(pc1.store, budi, letter).status == "signed"
    numbered = sorted({first_number, signed.number, *(n for _, n in later)})
    assert len(numbered) == 8
    # Some of them lie in a sub-lease the backup does not know.
    pc3_id = engine.state_of(pc3.store).device_id  # type: ignore[union-attr]
    with pc3.store.engine.connect() as conn:
        from sqlalchemy import text

        issued = conn.execute(text("SELECT series, year, seq FROM issued_number")).all()
    with sqlite3.connect(backup / "hub.db") as copy:
        unknown = [
            n
            for n in issued
            if not copy.execute(
                "SELECT count(*) FROM leases WHERE device_id = ? AND series = ? AND year = ?"
                " AND start_seq <= ? AND end_seq >= ? AND voided_at IS NULL",
                (pc3_id, n.series, n.year, n.seq, n.seq),
            ).fetchone()[0]
        ]
    assert unknown

    _restore(hub, backup)
    assert hub.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter) == [(0,)]
    # PC2 edits the early letter before it syncs with the restored hub: its base is a version
    # of the dead hub's log, which the restored one never gave.
    save(pc2, early, body_html="<p>Isi diubah di PC2.</p>")

    for _ in range(2):  # each PC reconciles, then takes what the others sent back
        for pc in (pc1, pc2, pc3):
            via(pc, HUB)
    _converged([pc1, pc2, pc3], conflicts=0)
    for pc in (pc1, pc2, pc3):
        budi_here = pc.user("budi")
        assert hals(pc) == sorted(
            ["Surat sebelum cadangan, diperbaiki", "Surat bernomor sebelum cadangan",
             "Undangan setelah cadangan", *(f"Surat bernomor setelah cadangan {i}"
                                             for i in range(6))]
        )  # fmt: skip
        assert "Isi diubah di PC2" in get_letter(pc.store, budi_here, early).body_html
        assert get_letter(pc.store, budi_here, letter).number == signed.number
        for other, number in later:
            assert get_letter(pc.store, budi_here, other).number == number
    assert count(pc1.store, "SELECT count(*) FROM issued_number") == 8

    central_agrees(central, hub, [pc1, pc2, pc3], office_id)
    for sha in pc_blobs(pc1):
        assert hub.query("SELECT count(*) FROM blob_offices WHERE sha256 = :s", s=sha) == [(1,)]


def test_a_field_changed_on_both_sides_of_a_restore_is_one_visible_conflict(
    central: Central, hubs: list[Hub], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pcs, hub, office_id, letter, backup = _a_letter_backed_up(
        central, hubs, tmp_path, "KEC-DUA", "Surat yang diubah dua kali"
    )
    pc1, pc2, pc3 = pcs

    save(pc1, letter, hal="Perihal dari PC1")  # acknowledged by the hub that dies
    via(pc1, HUB)
    _restore(hub, backup)
    save(pc2, letter, hal="Perihal dari PC2")  # on the version the backup holds
    via(pc2, HUB)
    # PC1's first sync with the restored hub is cut after it began to reconcile: the next one
    # goes on with it.
    real_sync, calls = Transport.sync, []

    def cut(link: Transport, request: Any) -> Any:
        calls.append(request)
        if len(calls) == 2:
            raise Offline("jaringan putus")
        return real_sync(link, request)

    monkeypatch.setattr(Transport, "sync", cut)
    with pytest.raises(SyncError):
        sync_by_best_path(pc1.store)
    monkeypatch.setattr(Transport, "sync", real_sync)
    state = engine.state_of(pc1.store)
    assert state is not None and state.reconcile_log and state.cursor == 0
    assert count(pc1.store, "SELECT count(*) FROM reconcile_record") > 0
    for _ in range(2):
        for pc in (pc2, pc1, pc3):
            via(pc, HUB)
    _converged([pc1, pc2, pc3], conflicts=1)
    with pc3.store.engine.connect() as conn:
        from sqlalchemy import text

        row = conn.execute(
            text("SELECT entity_id, fields, server_values, client_values FROM conflict")
        ).one()
    assert row.entity_id == letter and json.loads(row.fields) == ["hal"]
    both = {json.loads(row.server_values)["hal"], json.loads(row.client_values)["hal"]}
    assert both == {"Perihal dari PC1", "Perihal dari PC2"}
    central_agrees(central, hub, [pc1, pc2, pc3], office_id)


def test_a_copy_sent_back_after_an_edit_of_the_same_version_is_taken_as_older(
    central: Central, hubs: list[Hub], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PC2 holds PC1's edit from the dead hub and is about to send it back when PC1's newer
    edit of that same version reaches the restored hub first: PC2's copy adds nothing, PC2
    takes PC1's text, and nobody sees a conflict (found by the campaign, seed 5076)."""
    pcs, hub, office_id, letter, backup = _a_letter_backed_up(
        central, hubs, tmp_path, "KEC-TIGA", "Surat awal"
    )
    pc1, pc2, pc3 = pcs
    save(pc1, letter, hal="Perbaikan pertama")
    via(pc1, HUB)
    via(pc2, HUB)  # PC2 holds the first edit, at a version of the dead hub's log
    _restore(hub, backup)
    save(pc1, letter, hal="Perbaikan kedua")  # based on that same version

    real_sync, calls = Transport.sync, []

    def cut(link: Transport, request: Any) -> Any:
        calls.append(request)
        if request.mutations and any(m.copy_of for m in request.mutations):
            raise Offline("jaringan putus")  # PC2's copies wait in its outbox
        return real_sync(link, request)

    monkeypatch.setattr(Transport, "sync", cut)
    with pytest.raises(SyncError):
        sync_by_best_path(pc2.store)
    monkeypatch.setattr(Transport, "sync", real_sync)
    assert unsynced(pc2) > 0
    via(pc1, HUB)  # PC1's second edit is applied first
    for _ in range(2):
        for pc in (pc2, pc3, pc1):
            via(pc, HUB)
    _converged([pc1, pc2, pc3], conflicts=0)
    for pc in (pc1, pc2, pc3):
        assert get_letter(pc.store, pc.user("budi"), letter).hal == "Perbaikan kedua"
    central_agrees(central, hub, [pc1, pc2, pc3], office_id)
