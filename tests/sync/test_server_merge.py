"""Three-way merge, conflicts, and the immutable records."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from sync.server import db

LETTER = {
    "status": "draft",
    "hal": "Undangan rapat",
    "body_html": "<p>Isi</p>",
    "lampiran": "-",
    "holder_id": "budi",
    "updated_at": "2026-03-01T08:00:00+00:00",
}


def _pair(server):
    office, office_id = server.new_office()
    return office_id, server.enrol(office, "PC-1"), server.enrol(office, "PC-2")


def _conflicts(changes):
    return [c for c in changes if c["entity"] == "conflict"]


def test_different_fields_are_merged(module_sync_server) -> None:
    _, pc1, pc2 = _pair(module_sync_server)
    lid = str(uuid.uuid4())
    assert pc1.sync(mutations=[pc1.mutation("letter", lid, LETTER)])["acks"][0]["version"] == 1
    r1 = pc1.sync(
        mutations=[
            pc1.mutation(
                "letter",
                lid,
                {**LETTER, "hal": "Undangan (revisi)", "updated_at": "2026-03-01T09:00:00"},
                base_version=1,
            )
        ]
    )
    assert r1["acks"][0]["status"] == "applied"
    r2 = pc2.sync(
        mutations=[
            pc2.mutation(
                "letter",
                lid,
                {**LETTER, "lampiran": "1 berkas", "updated_at": "2026-03-01T09:05:00"},
                base_version=1,
            )
        ]
    )
    ack = r2["acks"][0]
    assert ack["status"] == "merged" and ack["version"] == 3
    assert ack["record"]["hal"] == "Undangan (revisi)" and ack["record"]["lampiran"] == "1 berkas"
    assert ack["record"]["updated_at"] == "2026-03-01T09:05:00"  # MERGE_IGNORED: never conflicts
    assert _conflicts(r2["changes"]) == []


def test_same_field_makes_one_conflict_seen_by_both(module_sync_server) -> None:
    _, pc1, pc2 = _pair(module_sync_server)
    lid = str(uuid.uuid4())
    pc1.sync(mutations=[pc1.mutation("letter", lid, LETTER)])
    pc1.sync(
        mutations=[pc1.mutation("letter", lid, {**LETTER, "hal": "Versi PC-1"}, base_version=1)]
    )
    edit = pc2.mutation(
        "letter", lid, {**LETTER, "hal": "Versi PC-2", "body_html": "<p>Baru</p>"}, base_version=1
    )
    r2 = pc2.sync(mutations=[edit])
    ack = r2["acks"][0]
    assert ack["status"] == "conflict" and ack["conflict_id"]
    assert ack["record"]["hal"] == "Versi PC-1"  # the server keeps its value ...
    assert ack["record"]["body_html"] == "<p>Baru</p>"  # ... and writes the rest
    assert pc2.sync(mutations=[edit])["acks"][0] == ack  # a replay makes no second conflict
    for pc in (pc1, pc2):
        conflicts = _conflicts(pc.sync()["changes"])
        assert len(conflicts) == 1
        fields = conflicts[0]["fields"]
        assert conflicts[0]["entity_id"] == ack["conflict_id"]
        assert fields["entity"] == "letter" and fields["entity_id"] == lid
        assert fields["fields"] == ["hal"] and fields["base_version"] == 1
        assert fields["server_values"] == {"hal": "Versi PC-1"}
        assert fields["client_values"] == {"hal": "Versi PC-2"}
        assert fields["device_id"] == pc2.device_id and fields["resolved_at"] is None
    # The resolution is an ordinary edit of the conflict record.
    resolved = {**conflicts[0]["fields"], "resolved_at": "2026-03-02T10:00:00+00:00"}
    r = pc1.sync(mutations=[pc1.mutation("conflict", ack["conflict_id"], resolved, base_version=1)])
    assert r["acks"][0]["status"] == "applied" and r["acks"][0]["version"] == 2
    made_up = pc1.sync(mutations=[pc1.mutation("conflict", str(uuid.uuid4()), {"x": 1})])
    assert made_up["acks"][0]["status"] == "rejected"


def test_same_device_changes_since_base_do_not_conflict(module_sync_server) -> None:
    _, pc1, pc2 = _pair(module_sync_server)
    lid = str(uuid.uuid4())
    pc1.sync(mutations=[pc1.mutation("letter", lid, LETTER)])
    pc2.sync(
        mutations=[pc2.mutation("letter", lid, {**LETTER, "lampiran": "2 lembar"}, base_version=1)]
    )
    # PC-1 pushed v3 earlier but never got the ack for it; its next edit still names base 1.
    pc1.sync(mutations=[pc1.mutation("letter", lid, {**LETTER, "hal": "A"}, base_version=1)])
    r = pc1.sync(mutations=[pc1.mutation("letter", lid, {**LETTER, "hal": "B"}, base_version=1)])
    ack = r["acks"][0]
    assert ack["status"] == "merged" and ack["record"]["hal"] == "B"
    assert ack["record"]["lampiran"] == "2 lembar"
    assert _conflicts(r["changes"]) == []


def test_edit_against_delete_and_delete_against_edit(module_sync_server) -> None:
    _, pc1, pc2 = _pair(module_sync_server)
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    pc1.sync(
        mutations=[
            pc1.mutation("person", a, {"name": "Ani"}),
            pc1.mutation("person", b, {"name": "Budi"}),
        ]
    )
    # a: PC-1 deletes, PC-2 edits from the old base -> conflict, the tombstone stays.
    pc1.sync(mutations=[pc1.mutation("person", a, {"name": "Ani"}, op="delete", base_version=1)])
    r = pc2.sync(mutations=[pc2.mutation("person", a, {"name": "Ani S."}, base_version=1)])
    ack = r["acks"][0]
    assert ack["status"] == "conflict" and ack["version"] == 2 and ack["conflict_id"]
    assert all(c["entity_id"] != a for c in r["changes"])  # the ack carries it: no echo
    change = next(c for c in pc2.sync(cursor=0)["changes"] if c["entity_id"] == a)
    assert change["op"] == "delete"
    conflict = next(c for c in _conflicts(r["changes"]) if c["entity_id"] == ack["conflict_id"])
    assert conflict["fields"]["fields"] == ["deleted"]
    assert conflict["fields"]["client_values"] == {"name": "Ani S."}
    # b: PC-1 edits, PC-2 deletes from the old base -> conflict, the record stays.
    pc1.sync(mutations=[pc1.mutation("person", b, {"name": "Budi S."}, base_version=1)])
    r = pc2.sync(
        mutations=[pc2.mutation("person", b, {"name": "Budi"}, op="delete", base_version=1)]
    )
    ack = r["acks"][0]
    assert ack["status"] == "conflict" and ack["record"]["name"] == "Budi S."
    assert all(c["entity_id"] != b for c in r["changes"])
    change = next(c for c in pc2.sync(cursor=0)["changes"] if c["entity_id"] == b)
    assert change["op"] == "upsert" and change["version"] == 2
    # A restore of the tombstone from its current version is an ordinary edit.
    r = pc2.sync(mutations=[pc2.mutation("person", a, {"name": "Ani"}, base_version=2)])
    assert r["acks"][0]["status"] == "applied" and r["acks"][0]["version"] == 3


def test_signed_letter_rejects_edits_but_allows_voiding(module_sync_server) -> None:
    _, pc1, pc2 = _pair(module_sync_server)
    lid = str(uuid.uuid4())
    signed = {**LETTER, "status": "signed", "number": "005/001/Kec.WMN/2026", "pdf_hash": "ab" * 32}
    pc1.sync(mutations=[pc1.mutation("letter", lid, LETTER)])
    assert (
        pc1.sync(mutations=[pc1.mutation("letter", lid, signed, base_version=1)])["acks"][0][
            "status"
        ]
        == "applied"
    )
    r = pc2.sync(
        mutations=[pc2.mutation("letter", lid, {**signed, "hal": "Diubah"}, base_version=2)]
    )
    ack = r["acks"][0]
    assert ack["status"] == "rejected" and ack["reason"]
    assert ack["record"]["hal"] == LETTER["hal"] and ack["version"] == 2
    stale = pc2.mutation("letter", lid, {**LETTER, "body_html": "<p>PC-2</p>"}, base_version=1)
    assert pc2.sync(mutations=[stale])["acks"][0]["status"] == "rejected"
    deleted = pc2.mutation("letter", lid, signed, op="delete", base_version=2)
    assert pc2.sync(mutations=[deleted])["acks"][0]["status"] == "rejected"
    void = pc2.mutation(
        "letter",
        lid,
        {**signed, "status": "voided", "updated_at": "2026-03-03T08:00:00"},
        base_version=2,
    )
    r = pc2.sync(mutations=[void])
    assert r["acks"][0]["status"] == "applied" and r["acks"][0]["version"] == 3
    back = pc2.mutation("letter", lid, {**signed, "status": "signed"}, base_version=3)
    assert pc2.sync(mutations=[back])["acks"][0]["status"] == "rejected"


def test_signing_wins_over_an_older_edit_and_shows_it(module_sync_server) -> None:
    _, pc1, pc2 = _pair(module_sync_server)
    lid = str(uuid.uuid4())
    pc1.sync(mutations=[pc1.mutation("letter", lid, LETTER)])
    pc2.sync(
        mutations=[
            pc2.mutation("letter", lid, {**LETTER, "body_html": "<p>Edit</p>"}, base_version=1)
        ]
    )
    signed = {**LETTER, "status": "signed", "number": "005/002/Kec.WMN/2026"}
    r = pc1.sync(mutations=[pc1.mutation("letter", lid, signed, base_version=1)])
    ack = r["acks"][0]
    assert ack["status"] == "conflict"
    assert ack["record"]["body_html"] == LETTER["body_html"]  # what was signed
    conflict = next(c for c in _conflicts(r["changes"]) if c["entity_id"] == ack["conflict_id"])
    assert conflict["fields"]["server_values"] == {"body_html": "<p>Edit</p>"}


def test_audit_and_revisions_are_insert_only(module_sync_server) -> None:
    office_id, pc1, _ = _pair(module_sync_server)
    pc1.sync(
        mutations=[
            pc1.mutation("audit", "au1", {"action": "sign", "hash": "h1"}),
            pc1.mutation("letter_revision", "rv1", {"revision_no": 1}),
        ]
    )
    r = pc1.sync(
        mutations=[
            pc1.mutation("audit", "au1", {"action": "sign", "hash": "h1"}, base_version=1),
            pc1.mutation("audit", "au1", {"action": "forged", "hash": "h1"}, base_version=1),
            pc1.mutation("letter_revision", "rv1", {"revision_no": 2}, base_version=1),
            pc1.mutation("letter_revision", "rv1", op="delete", base_version=1),
        ]
    )
    assert [a["status"] for a in r["acks"]] == ["applied", "rejected", "rejected", "rejected"]
    assert r["changes"] == []  # each ack carries the device's version or the stored record
    pulled = {c["entity"]: c["fields"] for c in pc1.sync(cursor=0)["changes"]}
    assert pulled["letter_revision"]["revision_no"] == 1
    with db.read_tx(module_sync_server.engine) as conn:
        audit = conn.execute(
            select(db.records.c.fields).where(
                db.records.c.office_id == office_id, db.records.c.entity == "audit"
            )
        ).scalar_one()
        versions = conn.execute(
            select(func.count()).select_from(db.history).where(db.history.c.office_id == office_id)
        ).scalar_one()
    assert audit["action"] == "sign" and versions == 2


def test_revision_no_merges_to_the_larger_and_never_conflicts(module_sync_server) -> None:
    _, pc1, pc2 = _pair(module_sync_server)
    lid = str(uuid.uuid4())
    pc1.sync(mutations=[pc1.mutation("letter", lid, {**LETTER, "revision_no": 1})])
    pc2.sync(
        mutations=[
            pc2.mutation(
                "letter", lid, {**LETTER, "lampiran": "1 berkas", "revision_no": 2}, base_version=1
            )
        ]
    )
    r = pc1.sync(
        mutations=[
            pc1.mutation(
                "letter", lid, {**LETTER, "hal": "Rapat Siang", "revision_no": 3}, base_version=1
            )
        ]
    )
    ack = r["acks"][0]
    assert ack["status"] == "merged" and ack["conflict_id"] is None
    assert ack["record"]["revision_no"] == 3 and ack["record"]["lampiran"] == "1 berkas"
    assert _conflicts(r["changes"]) == []
    # The lower counter of a stale edit does not move it back.
    r = pc2.sync(
        mutations=[
            pc2.mutation(
                "letter",
                lid,
                {**LETTER, "lampiran": "1 berkas", "body_html": "<p>B</p>", "revision_no": 2},
                base_version=2,
            )
        ]
    )
    ack = r["acks"][0]
    assert ack["status"] == "merged" and ack["record"]["revision_no"] == 3
    assert ack["record"]["hal"] == "Rapat Siang" and _conflicts(r["changes"]) == []


def test_revision_no_is_not_a_loophole_for_immutable_records(module_sync_server) -> None:
    _, pc1, pc2 = _pair(module_sync_server)
    lid = str(uuid.uuid4())
    signed = {**LETTER, "status": "signed", "revision_no": 2}
    pc1.sync(
        mutations=[
            pc1.mutation("letter", lid, {**LETTER, "revision_no": 2}),
            pc1.mutation("letter_revision", "rv1", {"revision_no": 1}),
        ]
    )
    pc1.sync(mutations=[pc1.mutation("letter", lid, signed, base_version=1)])
    r = pc2.sync(
        mutations=[
            pc2.mutation("letter", lid, {**signed, "revision_no": 5}, base_version=2),
            pc2.mutation("letter_revision", "rv1", {"revision_no": 9}, base_version=1),
        ]
    )
    assert [a["status"] for a in r["acks"]] == ["rejected", "rejected"]
