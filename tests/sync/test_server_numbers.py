"""Number leases: granted and topped up inside sync answers; numbers checked against them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tests.clocks import start_instant

YEAR = start_instant().astimezone(UTC).year  # the server's year at the suite's instant


def _number(pc, seq: int, series: str = "keluar", year: int = YEAR) -> dict[str, object]:
    return pc.mutation(
        "issued_number",
        str(uuid.uuid4()),
        {
            "series": series,
            "year": year,
            "seq": seq,
            "text": f"005/{seq:03d}/Kec/{year}",
            "issued_by": "camat",
        },
    )


def _lease(answer, series: str = "keluar", year: int = YEAR) -> dict[str, int]:
    (lease,) = [g for g in answer["leases"] if g["series"] == series and g["year"] == year]
    return lease


def test_first_sync_grants_the_default_series(module_sync_server) -> None:
    office, _ = module_sync_server.new_office()
    pc1, pc2 = module_sync_server.enrol(office, "PC-1"), module_sync_server.enrol(office, "PC-2")
    g1, g2 = _lease(pc1.sync()), _lease(pc2.sync())
    assert (g1["start"], g1["end"], g1["epoch"]) == (1, 50, 1)
    assert (g2["start"], g2["end"], g2["epoch"]) == (51, 100, 1)  # blocks never overlap
    assert pc1.sync(lease_epoch=1)["leases"] == []  # plenty left: nothing new


def test_in_lease_accepted_out_of_lease_and_duplicates_rejected(module_sync_server) -> None:
    office, _ = module_sync_server.new_office()
    pc1, pc2 = module_sync_server.enrol(office, "PC-1"), module_sync_server.enrol(office, "PC-2")
    lease1, lease2 = _lease(pc1.sync()), _lease(pc2.sync())
    first = _number(pc1, lease1["start"])
    r = pc1.sync(
        lease_epoch=1,
        mutations=[
            first,
            _number(pc1, lease1["start"] + 1),
            _number(pc1, lease2["start"]),  # PC-2's block
            _number(pc1, lease1["end"] + 500),  # nobody's block
            _number(pc1, lease1["start"] + 1),  # the same number again, new record
            _number(pc1, 1, series="keluar/undangan"),  # a series it has no lease for yet
            pc1.mutation("issued_number", str(uuid.uuid4()), {"series": "keluar", "year": "x"}),
        ],
    )
    statuses = [a["status"] for a in r["acks"]]
    assert statuses == [
        "applied",
        "applied",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
    ]
    assert all(a["reason"] for a in r["acks"][2:])
    # It used a new series: this same answer leases it a block there.
    assert _lease(r, "keluar/undangan")["start"] == 1
    assert (
        pc2.sync(lease_epoch=1, mutations=[_number(pc2, lease1["start"])])["acks"][0]["status"]
        == "rejected"
    )
    # Voiding a number is an edit (allowed); changing the number itself is not.
    voided = {**first["fields"], "voided_at": "2026-03-04T08:00:00", "void_reason": "salah"}
    renum = {**first["fields"], "seq": lease1["start"] + 2}
    r = pc1.sync(
        lease_epoch=1,
        mutations=[
            pc1.mutation("issued_number", first["entity_id"], voided, base_version=1),
            pc1.mutation("issued_number", first["entity_id"], renum, base_version=2),
            pc1.mutation("issued_number", first["entity_id"], op="delete", base_version=2),
        ],
    )
    assert [a["status"] for a in r["acks"]] == ["applied", "rejected", "rejected"]


def test_leases_topped_up_when_running_low(module_sync_server) -> None:
    office, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(office)
    lease = _lease(pc.sync())
    used = [_number(pc, s) for s in range(lease["start"], lease["end"] - 9)]  # 10 left
    r = pc.sync(lease_epoch=1, mutations=used)
    assert all(a["status"] == "applied" for a in r["acks"]) and r["leases"] == []
    r = pc.sync(lease_epoch=1, mutations=[_number(pc, lease["end"] - 9)])  # 9 left
    new = _lease(r)
    assert new["epoch"] == 2 and new["start"] == lease["end"] + 1
    # The rest of the old block stays usable alongside the new one.
    r = pc.sync(lease_epoch=2, mutations=[_number(pc, lease["end"]), _number(pc, new["start"])])
    assert [a["status"] for a in r["acks"]] == ["applied", "applied"]


def test_grants_the_device_never_received_are_void(module_sync_server) -> None:
    office, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(office)
    first = _lease(pc.sync())
    batch = [_number(pc, s) for s in range(1, 45)]
    lost = _lease(pc.sync(lease_epoch=1, mutations=batch))  # this answer never arrives ...
    assert lost["epoch"] == 2
    r = pc.sync(lease_epoch=1, mutations=[*batch, _number(pc, 45)])  # ... so it replays, at 1
    assert {a["status"] for a in r["acks"]} == {"applied"}  # its old block still counts
    fresh = _lease(r)
    assert fresh["epoch"] == 3 and fresh["start"] > lost["end"]
    r = pc.sync(lease_epoch=3, mutations=[_number(pc, lost["start"]), _number(pc, fresh["start"])])
    assert [a["status"] for a in r["acks"]] == ["rejected", "applied"]
    # A PC restored from a backup voids its own leases and says so with epoch 0: nothing it
    # held before counts any more, and it gets a fresh block.
    r = pc.sync(lease_epoch=0)
    restored = _lease(r)
    assert restored["epoch"] == 4 and restored["start"] > fresh["end"]
    r = pc.sync(
        lease_epoch=4, mutations=[_number(pc, first["start"] + 46), _number(pc, restored["start"])]
    )
    assert [a["status"] for a in r["acks"]] == ["rejected", "applied"]


def _sync_wanting(pc, series: list[str], lease_epoch: int = 0, mutations=None):
    r = pc.post(
        "/api/v1/sync",
        json={
            "cursor": 0,
            "mutations": mutations or [],
            "lease_epoch": lease_epoch,
            "series_wanted": series,
        },
    )
    assert r.status_code == 200, r.text
    return r.json()


def test_series_wanted_gets_the_first_number_of_a_new_type(module_sync_server) -> None:
    office, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(office)
    r = _sync_wanting(
        pc,
        [
            "keluar",
            "keluar/surat_undangan",
            "keluar/surat_undangan",
            "Keluar/X",
            "keluar/a/b",
            "../etc",
            "",
            "x" * 80,
        ],
    )
    assert {(g["series"], g["year"]) for g in r["leases"] if g["year"] == YEAR} == {
        ("keluar", YEAR),
        ("keluar/surat_undangan", YEAR),
    }
    lease = _lease(r, "keluar/surat_undangan")
    assert lease["start"] == 1 and lease["epoch"] == 1
    r = _sync_wanting(
        pc,
        ["keluar/surat_undangan"],
        lease_epoch=1,
        mutations=[_number(pc, 1, series="keluar/surat_undangan")],
    )
    assert r["acks"][0]["status"] == "applied" and r["leases"] == []
    # A request without the field (an older client) still gets the default series.
    other = module_sync_server.enrol(office, "PC-2")
    assert {g["series"] for g in other.sync()["leases"]} == {"keluar"}


def test_series_wanted_is_capped(module_sync_server) -> None:
    from sync.protocol import MAX_SERIES_WANTED

    office, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(office)
    r = _sync_wanting(pc, [f"keluar/jenis_{i}" for i in range(MAX_SERIES_WANTED * 3)])
    series = {g["series"] for g in r["leases"]}
    assert "keluar" in series and len(series) == MAX_SERIES_WANTED + 1


def test_december_also_grants_next_year(module_sync_server, monkeypatch) -> None:
    from sync.server import db

    office, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(office)
    monkeypatch.setattr(db, "utcnow", lambda: datetime(YEAR, 12, 20, 9, tzinfo=UTC))
    r = _sync_wanting(pc, ["keluar/nota_dinas"])
    assert {(g["series"], g["year"]) for g in r["leases"]} == {
        (s, y) for s in ("keluar", "keluar/nota_dinas") for y in (YEAR, YEAR + 1)
    }
    assert _lease(r, "keluar", YEAR + 1)["start"] == 1
    # In January (offline over new year) the PC numbers from next year's block.
    monkeypatch.setattr(db, "utcnow", lambda: datetime(YEAR + 1, 1, 2, 8, tzinfo=UTC))
    r = _sync_wanting(
        pc, ["keluar/nota_dinas"], lease_epoch=1, mutations=[_number(pc, 1, year=YEAR + 1)]
    )
    assert r["acks"][0]["status"] == "applied" and r["leases"] == []


def test_wanted_series_rules() -> None:
    from pathlib import Path

    from sync.server.leases import wanted_series
    from sync.server.settings import Settings

    settings = Settings(db_url="sqlite://", blob_dir=Path("."))
    november = datetime(2026, 11, 30, tzinfo=UTC)
    assert wanted_series(settings, [], november) == {("keluar", 2026)}
    assert wanted_series(settings, ["keluar/sk", "KELUAR", "keluar//x"], november) == {
        ("keluar", 2026),
        ("keluar/sk", 2026),
    }
    assert wanted_series(settings, [], datetime(2026, 12, 1, tzinfo=UTC)) == {
        ("keluar", 2026),
        ("keluar", 2027),
    }
