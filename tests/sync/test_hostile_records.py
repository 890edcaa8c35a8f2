"""A hostile or broken device cannot jam its office: raw HTTP, records no table can hold,
integers out of range, ids no column takes. Every answer is a clear refusal, never a 500, and
the office's other PCs keep syncing. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import select, update

from sync.protocol import office_verify_code
from sync.server import admin, cli, db
from tests.conftest import LogErrors
from tests.sync.conftest import DeviceClient

LETTER = {
    "letter_type": "surat_dinas",
    "status": "draft",
    "hal": "Undangan Rapat",
    "drafter_id": str(uuid.uuid4()),
    "created_at": "2026-12-15T00:30:00+00:00",
    "updated_at": "2026-12-15T00:30:00+00:00",
}


def raw_sync(pc: DeviceClient, body: str) -> Any:
    """POST a hand-written JSON body (what no well-behaved client would send)."""
    return pc.post("/api/v1/sync", data=body.encode(), headers={"Content-Type": "application/json"})


def mutation_json(entity: str, entity_id: str, fields_json: str, **overrides: Any) -> str:
    """A sync request body with one mutation whose fields are the raw JSON ``fields_json``."""
    m = {"mutation_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id,
         "op": "upsert", "base_version": 0, "fields": "@FIELDS@", **overrides}  # fmt: skip
    body = json.dumps({"cursor": 0, "lease_epoch": 0, "mutations": [m]})
    return body.replace('"@FIELDS@"', fields_json)


def office_pcs(server: Any) -> tuple[DeviceClient, DeviceClient]:
    code, _ = server.new_office()
    return server.enrol(code, "PC-jahat"), server.enrol(code, "PC-kantor")


def pulls_everything(pc: DeviceClient) -> list[dict[str, Any]]:
    """The office's whole change feed as ``pc`` pulls it (asserting 200 every time)."""
    cursor, changes = 0, []
    while True:
        answer = pc.sync(cursor=cursor, lease_epoch=1)
        changes += answer["changes"]
        cursor = answer["cursor"]
        if not answer["more"]:
            return changes


DEEP = "[" * 600 + '"x"' + "]" * 600


@pytest.mark.parametrize(
    ("entity", "fields_json", "reason"),
    [
        (
            "letter",
            json.dumps({**LETTER, "hal": "x"})[:-1] + ', "body_html": ' + DEEP + "}",
            "body_html",
        ),
        ("letter", json.dumps({**LETTER, "hal": "\udfff"}), "kolom hal: bukan teks Unicode"),
        ("letter", json.dumps({**LETTER, "hal": "a\x00b"}), "kolom hal: berisi karakter NUL"),
        ("letter", json.dumps({**LETTER, "status": ["signed"]}), "kolom status: harus teks"),
        ("office", '{"kecamatan": "Wamena", "font_pt": NaN}', "kolom font_pt"),
        ("office", '{"kecamatan": "Wamena", "font_pt": Infinity}', "kolom font_pt"),
        ("office", '{"kecamatan": "Wamena", "font_pt": 1e400}', "kolom font_pt"),
        ("letter", json.dumps({**LETTER, "revision_no": 2**63}), "kolom revision_no"),
        ("letter", json.dumps({**LETTER, "revision_no": 2**31}), "kolom revision_no"),
        ("issued_number", '{"series": "keluar", "year": 9223372036854775808, "seq": 1}', "year"),
    ],
    ids=[
        "deep",
        "surrogate",
        "nul",
        "status-list",
        "nan",
        "infinity",
        "1e400",
        "2^63",
        "2^31",
        "year-2^63",
    ],
)
def test_a_record_no_table_can_hold_is_refused_and_the_office_keeps_syncing(
    module_sync_server: Any, entity: str, fields_json: str, reason: str
) -> None:
    hostile, other = office_pcs(module_sync_server)
    entity_id = str(uuid.uuid4())
    r = raw_sync(hostile, mutation_json(entity, entity_id, fields_json))
    assert r.status_code == 200, r.text
    (ack,) = r.json()["acks"]
    assert ack["status"] == "rejected" and reason in ack["reason"], ack
    assert ack["reason"].startswith("data tidak sah")
    # Nothing was stored: the office's feed is whole and served to every PC.
    assert [c["entity_id"] for c in pulls_everything(other)] == []
    # The record can still be written properly afterwards (nothing was jammed).
    ack = hostile.push("letter", entity_id, LETTER) if entity == "letter" else None
    assert ack is None or ack["status"] == "applied"


@pytest.mark.parametrize(
    "body",
    [
        '{"cursor": 9223372036854775808, "mutations": []}',
        '{"cursor": -1, "mutations": []}',
        '{"cursor": 0, "lease_epoch": 9223372036854775807, "mutations": []}',
        '{"cursor": 0, "lease_epoch": 2147483648, "mutations": []}',
        mutation_json("letter", "a\x00b", "{}"),
        mutation_json("letter", "x" * 65, "{}"),
        mutation_json("letter", "l1", "{}", base_version=99999999999),
    ],
    ids=[
        "cursor-2^63",
        "cursor-negative",
        "epoch-2^63-1",
        "epoch-2^31",
        "id-nul",
        "id-65",
        "base-version",
    ],
)
def test_integers_and_ids_out_of_range_get_422_and_change_nothing(
    module_sync_server: Any, body: str
) -> None:
    hostile, other = office_pcs(module_sync_server)
    hostile.sync(lease_epoch=0)
    r = raw_sync(hostile, body)
    assert r.status_code == 422, r.text
    # The device itself still syncs, and so does the rest of its office.
    assert hostile.sync(lease_epoch=1)["acks"] == []
    assert other.sync()["cursor"] >= 0


def test_an_epoch_the_server_never_granted_voids_nothing(module_sync_server: Any) -> None:
    code, _ = module_sync_server.new_office()
    pc = module_sync_server.enrol(code)
    (grant,) = [g for g in pc.sync(lease_epoch=0)["leases"] if g["series"] == "keluar"][:1]
    assert grant["epoch"] == 1
    for claim in (5, 2**31 - 1, None):
        body: dict[str, Any] = {"cursor": 0, "mutations": []}
        if claim is not None:
            body["lease_epoch"] = claim
        r = pc.post("/api/v1/sync", json=body)
        assert r.status_code == 200 and r.json()["leases"] == [], r.text
    # The first grant is still good: a number from it is accepted.
    number = {"series": "keluar", "year": grant["year"], "seq": grant["start"], "text": "1",
              "issued_by": str(uuid.uuid4()), "issued_at": "2026-12-15T01:00:00+00:00"}  # fmt: skip
    assert pc.push("issued_number", str(uuid.uuid4()), number)["status"] == "applied"


def test_a_record_stored_before_the_checks_is_skipped_and_logged_not_a_500(
    module_sync_server: Any, log_errors: LogErrors, capsys: pytest.CaptureFixture[str]
) -> None:
    """Records an older server accepted (or a damaged row) must not stop the office's pull."""
    code, _ = module_sync_server.new_office()
    hostile, other = module_sync_server.enrol(code, "PC-jahat"), module_sync_server.enrol(code)
    bad_id, good_id = str(uuid.uuid4()), str(uuid.uuid4())
    assert hostile.push("letter", bad_id, LETTER)["status"] == "applied"
    assert hostile.push("letter", good_id, {**LETTER, "hal": "Surat yang baik"})["status"] == (
        "applied"
    )
    deep: Any = "x"
    for _ in range(600):
        deep = [deep]
    with db.write_tx(module_sync_server.engine) as conn:
        conn.execute(
            update(db.records)
            .where(db.records.c.entity_id == bad_id)
            .values(fields={**LETTER, "id": bad_id, "body_html": deep})
        )
    served = [c["entity_id"] for c in pulls_everything(other)]
    assert good_id in served and bad_id not in served
    assert any(bad_id in m and "cannot be served" in m for m in log_errors.messages)
    # The administrator is told which records those are, by office, and nothing else is named.
    listed = admin.unservable_records(module_sync_server.engine, code)
    assert [(r.office_code, r.entity, r.entity_id) for r in listed] == [(code, "letter", bad_id)]
    assert "depth" in listed[0].reason  # what the pull meets, named
    check = ["records", "check", "--db", module_sync_server.db_url, "--office", code]
    assert cli.main(check) == 1
    out = capsys.readouterr().out
    assert bad_id in out and good_id not in out and "1 record(s) cannot be served" in out
    with db.write_tx(module_sync_server.engine) as conn:  # repaired: the check passes again
        conn.execute(update(db.records).where(db.records.c.entity_id == bad_id).values(
            fields={**LETTER, "id": bad_id}))  # fmt: skip
    assert cli.main(check) == 0
    assert "every stored record can be served" in capsys.readouterr().out


def _code_owner(server: Any, code: str) -> tuple[str, str] | None:
    with server.engine.connect() as conn:
        row = conn.execute(
            select(db.verify_codes.c.office_id, db.verify_codes.c.letter_id).where(
                db.verify_codes.c.code == code
            )
        ).first()
    return (row.office_id, row.letter_id) if row else None


def test_a_verification_code_squatted_by_another_office_goes_to_its_letter(
    module_sync_server: Any,
) -> None:
    """Office A's PC claims the code printed on office B's paper letter before B syncs; B's
    code is made with B's key, so B's letter takes it and A can never take it back."""
    code_a, _ = module_sync_server.new_office()
    code_b, office_b = module_sync_server.new_office()
    squatter, real = module_sync_server.enrol(code_a), module_sync_server.enrol(code_b)
    real.register_bundle_key()  # B's PC learns its office's key in a sync, as the app does
    letter_b = str(uuid.uuid4())
    code = office_verify_code(real.office_key, letter_b)
    fake, signed = str(uuid.uuid4()), {**LETTER, "status": "signed", "verify_code": code}
    assert squatter.push("letter", fake, signed)["status"] == "applied"  # nobody held it yet
    assert real.push("letter", letter_b, signed)["status"] == "applied"
    assert _code_owner(module_sync_server, code) == (office_b, letter_b)
    again = squatter.push("letter", str(uuid.uuid4()), signed)
    assert again["status"] == "rejected" and "sudah dipakai" in again["reason"]
    assert _code_owner(module_sync_server, code) == (office_b, letter_b)
    # Between random codes (PCs without the key yet) the first one keeps it, as before.
    other = "abcdefghijklmnopqrst"
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    assert real.push("letter", first, {**signed, "verify_code": other})["status"] == "applied"
    late = squatter.push("letter", second, {**signed, "verify_code": other})
    assert late["status"] == "rejected"
    assert _code_owner(module_sync_server, other) == (office_b, first)
