"""Comparing what the PCs hold with what central holds (ids, versions, blobs, numbers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.store.blobs import BlobStore
from tests.hub.conftest import Central
from tests.sync.pcs import PC, count

ENTITY_TABLES = (
    "office",
    "person",
    "letter",
    "letter_revision",
    "review_step",
    "issued_number",
    "disposition_instruction",
)


def pc_versions(pc: PC) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    with pc.store.engine.connect() as conn:
        from sqlalchemy import text

        for table in ENTITY_TABLES:
            rows = conn.execute(text(f"SELECT id, version FROM {table} WHERE version > 0")).all()
            out[table] = {str(r[0]): int(r[1]) for r in rows}
    return out


def central_versions(central: Central, office_id: str) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for table in ENTITY_TABLES:
        rows = central.query(
            "SELECT entity_id, version FROM records WHERE office_id = :o AND entity = :e",
            o=office_id,
            e=table,
        )
        out[table] = {str(r[0]): int(r[1]) for r in rows}
    return out


def unsynced(pc: PC) -> int:
    return count(pc.store, "SELECT count(*) FROM outbox")


def pc_blobs(pc: PC) -> set[str]:
    with pc.store.engine.connect() as conn:
        from sqlalchemy import text

        rows = conn.execute(
            text("SELECT pdf_hash FROM letter WHERE pdf_hash IS NOT NULL AND pdf_hash != ''")
        ).all()
    hashes = {str(r[0]) for r in rows}
    for sha in hashes:  # the PC holds each file it names
        assert BlobStore(Path(pc.store.blob_dir)).has(sha)
    return hashes


def central_holds_blob(central: Central, office_id: str, sha: str) -> bool:
    rows = central.query(
        "SELECT count(*) FROM blob_offices WHERE office_id = :o AND sha256 = :s", o=office_id, s=sha
    )
    path = central.root / "central-blobs" / sha[:2] / sha
    return int(rows[0][0]) == 1 and path.exists()


def numbers(central: Central, office_id: str) -> list[Any]:
    return central.query(
        "SELECT series, year, seq, entity_id FROM issued_numbers WHERE office_id = :o", o=office_id
    )
