"""Applying one mutation: insert, update with a three-way merge, delete, and the refusals.

The rules are docs/sync-protocol.md, "Applying a mutation (server)". The caller's ``Batch``
holds the office writer lock; the caller stores the returned ack under the mutation id in the
same transaction.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sync.protocol import (
    IMMUTABLE_ENTITIES,
    IMMUTABLE_LETTER_STATUSES,
    MERGE_IGNORED,
    MERGE_IGNORED_BY_ENTITY,
    VERIFY_CODE_PATTERN,
    Ack,
    AckStatus,
    Entity,
    Mutation,
    Op,
    SignatureKind,
    letter_write_allowed,
    merge_ignored,
    office_verify_code,
    pdf_extension_allowed,
)
from sync.schema import record_problem
from sync.server import access, db, delivery, keys, leases
from sync.server.auth import Device
from sync.server.blobs import blob_path, office_holds, valid_hash
from sync.server.records import Batch, Version

# ``version`` belongs to the server: the one in a payload is the client's copy of it.
SERVER_OWNED = frozenset({"version"})
# The namespace of conflict record ids (uuid5 of office and mutation id).
CONFLICT_IDS = uuid.UUID("6f1d2a52-7c3e-4d0b-9a51-3b8f4e2c9d17")
_IGNORED = MERGE_IGNORED | SERVER_OWNED
_FINAL = frozenset(s.value for s in IMMUTABLE_LETTER_STATUSES)
_NUMBER_KEY = ("series", "year", "seq")
_SIGNATURE_KINDS = frozenset(k.value for k in SignatureKind)


@dataclass
class Outcome:
    ack: Ack
    number: tuple[str, int] | None = None  # (series, year) the device used, for lease top-ups


@dataclass
class _Ctx:
    batch: Batch
    device: Device
    m: Mutation
    fields: dict[str, Any]
    blob_dir: Path | None = None

    @property
    def conn(self) -> Connection:
        return self.batch.conn

    def ack(
        self,
        status: AckStatus,
        version: int,
        record: dict[str, Any] | None = None,
        reason: str = "",
        conflict_id: str | None = None,
    ) -> Ack:
        return Ack(
            mutation_id=self.m.mutation_id,
            status=status,
            entity=self.m.entity,
            entity_id=self.m.entity_id,
            version=version,
            record=record,
            conflict_id=conflict_id,
            reason=reason,
        )

    def write(self, fields: dict[str, Any], deleted: bool) -> int:
        return self.batch.write(
            self.m.entity.value,
            self.m.entity_id,
            fields=fields,
            deleted=deleted,
            device_id=self.device.id,
            mutation_id=self.m.mutation_id,
        )


def apply_mutation(
    batch: Batch, device: Device, m: Mutation, blob_dir: Path | None = None
) -> Outcome:
    """Apply ``m`` for ``device`` in its office's namespace (``batch``) and say how. Never
    raises for bad client data: a mutation that may not be applied is acked ``rejected`` with a
    reason. ``blob_dir`` (the server's blob store) is needed to accept a signed letter's
    timestamped PDF; without it such a change is refused."""
    fields = {k: v for k, v in m.fields.items() if k not in SERVER_OWNED}
    ctx = _Ctx(batch, device, m, fields, blob_dir)
    if problem := record_problem(m.entity, m.fields):
        return Outcome(ctx.ack(AckStatus.REJECTED, 0, reason=f"data tidak sah: {problem}"))
    if fields.get("id", m.entity_id) != m.entity_id:
        return Outcome(
            ctx.ack(AckStatus.REJECTED, 0, reason="id dalam data berbeda dari entity_id")
        )
    number = None
    if m.entity == Entity.ISSUED_NUMBER and (key := leases.number_key(fields)):
        number = (key[0], key[1])
    cur = batch.current(m.entity.value, m.entity_id)
    if cur is None:
        outcome = _insert(ctx)
    elif m.op == Op.DELETE:
        outcome = _delete(ctx, cur)
    else:
        outcome = _update(ctx, cur)
    outcome.number = number
    return outcome


def _insert(ctx: _Ctx) -> Outcome:
    m = ctx.m
    if m.op == Op.DELETE:  # made and deleted on the PC before it ever synced
        return Outcome(ctx.ack(AckStatus.APPLIED, 0))
    if m.entity == Entity.CONFLICT:
        return Outcome(
            ctx.ack(AckStatus.REJECTED, 0, reason="catatan konflik hanya dibuat oleh server")
        )
    key = None
    if m.entity == Entity.ISSUED_NUMBER:
        key = leases.number_key(ctx.fields)
        if key is None:
            return Outcome(
                ctx.ack(
                    AckStatus.REJECTED, 0, reason="nomor tanpa seri, tahun atau urutan yang sah"
                )
            )
        adopt = False
        if reason := leases.check_number(ctx.conn, ctx.device, key):
            # A PC that worked standalone before it was enrolled brings its numbers: the
            # office adopts those that collide with nothing (docs/sync-protocol.md).
            if not leases.issued_before_enrolment(ctx.conn, ctx.device, ctx.fields):
                return Outcome(ctx.ack(AckStatus.REJECTED, 0, reason=reason))
            if reason := leases.adoption_problem(ctx.conn, ctx.device, key):
                return Outcome(ctx.ack(AckStatus.REJECTED, 0, reason=reason))
            adopt = True
    if reason := _signature_problem(ctx) or _verify_code_problem(ctx, ctx.fields):
        return Outcome(ctx.ack(AckStatus.REJECTED, 0, reason=reason))
    if m.entity == Entity.DELIVERY and (
        reason := delivery.write_problem(ctx.conn, ctx.device.office_id, None, ctx.fields)
    ):
        return Outcome(ctx.ack(AckStatus.REJECTED, 0, reason=reason))
    version = ctx.write(ctx.fields, False)
    if key is not None:
        leases.record_number(ctx.conn, ctx.device, key, m.entity_id)
        if adopt:
            leases.adopt_number(ctx.conn, ctx.device, key)
    _index(ctx, ctx.fields)
    return Outcome(ctx.ack(AckStatus.APPLIED, version))


# -- signing records (docs/sync-protocol.md, "Signing") -----------------------------------------


def _signature_problem(ctx: _Ctx) -> str:
    """Why a new ``letter_signature`` record is malformed ("" if it is not one, or fine)."""
    if ctx.m.entity != Entity.LETTER_SIGNATURE:
        return ""
    letter_id = ctx.fields.get("letter_id")
    if not isinstance(letter_id, str) or not letter_id or len(letter_id) > 64:
        return "tanda tangan tanpa surat yang sah"
    if ctx.fields.get("kind") not in _SIGNATURE_KINDS:
        return "jenis tanda tangan tidak dikenal"
    return ""


def _verify_code_problem(ctx: _Ctx, fields: dict[str, Any]) -> str:
    """Why a letter's ``verify_code`` cannot be indexed ("" if absent or fine)."""
    code = fields.get("verify_code") if ctx.m.entity == Entity.LETTER else None
    if not code:
        return ""
    if not isinstance(code, str) or not re.fullmatch(VERIFY_CODE_PATTERN, code):
        return "kode verifikasi surat tidak sah"
    t = db.verify_codes
    owner = ctx.conn.execute(select(t.c.office_id, t.c.letter_id).where(t.c.code == code)).first()
    if owner is None or (owner.office_id, owner.letter_id) == (
        ctx.batch.office_id,
        ctx.m.entity_id,
    ):
        return ""
    # A code made with the office's key belongs to that letter: it takes the code over from
    # a random one (made by a PC without the key), and nothing can take it from it.
    if _keyed(ctx.conn, ctx.batch.office_id, ctx.m.entity_id, code) and not _keyed(
        ctx.conn, owner.office_id, owner.letter_id, code
    ):
        return ""
    return "kode verifikasi sudah dipakai surat lain"


def _keyed(conn: Connection, office_id: str, letter_id: str, code: str) -> bool:
    """Is ``code`` the one the office's key gives this letter?"""
    return office_verify_code(keys.office_code_key(conn, office_id), letter_id) == code


def _index(ctx: _Ctx, fields: dict[str, Any]) -> None:
    index_record(ctx.conn, ctx.batch.office_id, ctx.m.entity, ctx.m.entity_id, fields)


def index_record(
    conn: Connection, office_id: str, entity: Entity, entity_id: str, fields: dict[str, Any]
) -> None:
    """Keep the verification page's indexes for a record written in ``office_id``: a letter's
    code, a signature's letter; and the people a review step or disposition puts on its letter
    (access by sifat). Run for every record written here, and by an office hub for every
    record it adopts from central (docs/office-hub.md)."""
    access.index(conn, office_id, entity, fields)
    if entity == Entity.LETTER and fields.get("verify_code"):
        t, code = db.verify_codes, fields["verify_code"]
        db.insert_ignore(
            conn, t, code=code, office_id=office_id, letter_id=entity_id, created_at=db.utcnow()
        )
        # The keyed code taking over from a random one (see _verify_code_problem).
        conn.execute(
            t.update().where(t.c.code == code).values(office_id=office_id, letter_id=entity_id)
        )
    elif entity == Entity.LETTER_SIGNATURE and isinstance(fields.get("letter_id"), str):
        db.insert_ignore(
            conn,
            db.letter_signatures,
            office_id=office_id,
            letter_id=str(fields["letter_id"]),
            signature_id=entity_id,
        )


def _pdf_problem(ctx: _Ctx, cur: Version, proposed: dict[str, Any]) -> str:
    """A signed letter's ``pdf_hash`` may change once, to the same PDF with its document
    timestamp appended: both PDFs must be on the server, the new one extending the old."""
    if (
        ctx.m.entity != Entity.LETTER
        or cur.deleted
        or cur.fields.get("status") not in _FINAL
        or "pdf_hash" not in proposed
        or proposed["pdf_hash"] == cur.fields.get("pdf_hash")
    ):
        return ""
    old, new = cur.fields.get("pdf_hash"), proposed["pdf_hash"]
    if not (isinstance(old, str) and valid_hash(old) and isinstance(new, str) and valid_hash(new)):
        return "berkas PDF surat yang sudah ditandatangani tidak dapat diganti"
    if ctx.blob_dir is None:
        return "berkas PDF bertanda waktu tidak dapat diperiksa"
    office = ctx.batch.office_id
    if not office_holds(ctx.conn, ctx.blob_dir, office, new):
        return "berkas PDF bertanda waktu belum diterima server; unggah dulu lalu sinkronkan lagi"
    if not office_holds(ctx.conn, ctx.blob_dir, office, old):
        return "berkas PDF yang ditandatangani belum diterima server; unggah dulu"
    old_bytes = blob_path(ctx.blob_dir, old).read_bytes()
    new_bytes = blob_path(ctx.blob_dir, new).read_bytes()
    if not pdf_extension_allowed(old_bytes, new_bytes):
        return "berkas PDF baru bukan tambahan cap waktu atas berkas yang ditandatangani"
    return ""


def _changed(a: dict[str, Any], b: dict[str, Any], ignored: frozenset[str] = _IGNORED) -> set[str]:
    return {k for k in a.keys() | b.keys() if k not in ignored and a.get(k) != b.get(k)}


def _larger(server: Any, client: Any) -> Any:
    """The merged value of a counter in MERGE_IGNORED_BY_ENTITY: the larger of the two."""
    if all(isinstance(v, int) and not isinstance(v, bool) for v in (server, client)):
        return max(server, client)
    return client if server is None else server


def _others_since_base(ctx: _Ctx, cur: Version) -> tuple[Version, set[str], bool]:
    """The merge base, the fields other devices changed since it, and whether another device
    deleted the record since it. Changes by this same device since the base do not count."""
    m = ctx.m
    if m.base_version >= cur.version:
        return cur, set(), False
    chain = ctx.batch.versions_from(m.entity.value, m.entity_id, max(m.base_version, 1))
    if m.base_version >= 1 and chain and chain[0].version == m.base_version:
        base, later = chain[0], chain[1:]
    else:  # base 0 (never synced) or a missing base: compare with an empty record
        base, later = Version(0, False, {}), chain
    ignored = merge_ignored(m.entity) | SERVER_OWNED  # per-entity counters: merged, below
    others: set[str] = set()
    deleter: str | None = None  # the device whose delete made the record a tombstone
    prev = base
    for v in later:
        if v.device_id != ctx.device.id:
            others |= _changed(prev.fields, v.fields, ignored)
        if v.deleted and not prev.deleted:
            deleter = v.device_id
        elif not v.deleted:
            deleter = None
        prev = v
    deleted_by_other = cur.deleted and deleter is not None and deleter != ctx.device.id
    return base, others, deleted_by_other


def _conflict(ctx: _Ctx, names: list[str], server: dict[str, Any], client: dict[str, Any]) -> str:
    """Store a conflict record (it syncs down to every PC of the office); return its id.

    The id follows from the office and the mutation, so an office hub that relays the mutation
    to central makes central's conflict the same record as its own (docs/office-hub.md): the
    conflict surfaces once."""
    conflict_id = str(uuid.uuid5(CONFLICT_IDS, f"{ctx.device.office_id}/{ctx.m.mutation_id}"))
    fields = {
        "id": conflict_id,
        "entity": ctx.m.entity.value,
        "entity_id": ctx.m.entity_id,
        "base_version": ctx.m.base_version,
        "fields": names,
        "server_values": server,
        "client_values": client,
        "device_id": ctx.device.id,
        "created_at": db.utcnow().isoformat(),
        "resolved_at": None,
    }
    ctx.batch.write(
        Entity.CONFLICT.value,
        conflict_id,
        fields=fields,
        deleted=False,
        device_id=ctx.device.id,
        mutation_id=ctx.m.mutation_id,
    )
    return conflict_id


def _refusal(ctx: _Ctx, cur: Version, client_changes: dict[str, Any]) -> str:
    """Why this write to an immutable record is refused ("" if it is allowed)."""
    m = ctx.m
    if m.entity in IMMUTABLE_ENTITIES:
        # An identical resend (even one from a device that never saw the record) is fine.
        differs = any(cur.fields.get(k) != v for k, v in client_changes.items())
        return "catatan ini tidak dapat diubah" if differs else ""
    if m.entity == Entity.ISSUED_NUMBER and any(k in client_changes for k in _NUMBER_KEY):
        return "nomor yang sudah terbit tidak dapat diubah"
    if m.entity == Entity.LETTER and not cur.deleted and cur.fields.get("status") in _FINAL:
        try:
            allowed = letter_write_allowed(cur.fields, client_changes)
        except ValueError:  # an unknown status value
            allowed = False
        if not allowed:
            return "surat sudah ditandatangani; perubahan ditolak"
    if m.entity == Entity.DELIVERY and not cur.deleted:
        new = {**cur.fields, **client_changes}
        return delivery.write_problem(ctx.conn, ctx.device.office_id, cur.fields, new)
    return ""


def _update(ctx: _Ctx, cur: Version) -> Outcome:
    m, sent = ctx.m, ctx.fields
    base, others, deleted_by_other = _others_since_base(ctx, cur)
    client = {k for k in sent if k not in _IGNORED and sent[k] != base.fields.get(k)}
    if m.base_version >= cur.version:
        client = _changed(cur.fields, sent) & sent.keys()
    proposed = {k: sent[k] for k in client}
    if reason := _refusal(ctx, cur, proposed) or _pdf_problem(ctx, cur, proposed):
        return Outcome(ctx.ack(AckStatus.REJECTED, cur.version, cur.fields, reason))
    if m.entity in IMMUTABLE_ENTITIES:  # a resend: never a new version, not even updated_at
        if _changed(cur.fields, sent):
            return Outcome(ctx.ack(AckStatus.MERGED, cur.version, cur.fields))
        return Outcome(ctx.ack(AckStatus.APPLIED, cur.version))
    if cur.deleted and deleted_by_other:  # an edit against someone else's delete
        if not client:  # nothing of its own to keep: it just learns of the delete
            return Outcome(
                ctx.ack(AckStatus.MERGED, cur.version, cur.fields, "catatan sudah dihapus")
            )
        cid = _conflict(ctx, ["deleted"], {"deleted": True}, proposed)
        return Outcome(
            ctx.ack(
                AckStatus.CONFLICT,
                cur.version,
                cur.fields,
                "catatan sudah dihapus di perangkat lain",
                cid,
            )
        )
    signing = (
        m.entity == Entity.LETTER
        and sent.get("status") in _FINAL
        and cur.fields.get("status") not in _FINAL
    )
    if signing:
        # The signed row is what was signed: it wins whole. Edits others made since the base
        # are kept visible in a conflict record instead of being lost silently.
        conflicts = sorted(k for k in others if k in sent and sent[k] != cur.fields.get(k))
        new = {**cur.fields, **sent}
        server_values = {k: cur.fields.get(k) for k in conflicts}
    else:
        conflicts = sorted(k for k in client & others if sent[k] != cur.fields.get(k))
        keep = client - set(conflicts)
        new = {**cur.fields, **{k: sent[k] for k in keep}}
        if keep:
            new.update({k: sent[k] for k in MERGE_IGNORED if k in sent})
        server_values = {k: cur.fields.get(k) for k in conflicts}
    for k in MERGE_IGNORED_BY_ENTITY.get(m.entity, frozenset()):
        if k in sent and k in client | others:
            new[k] = _larger(cur.fields.get(k), sent[k])
    if reason := _verify_code_problem(ctx, new):
        return Outcome(ctx.ack(AckStatus.REJECTED, cur.version, cur.fields, reason))
    version = cur.version
    if new != cur.fields or cur.deleted:
        version = ctx.write(new, False)
        _index(ctx, new)
        if m.entity == Entity.DELIVERY:
            delivery.after_write(ctx.conn, ctx.device.office_id, new)
    if conflicts:
        cid = _conflict(ctx, conflicts, server_values, {k: sent[k] for k in conflicts})
        return Outcome(ctx.ack(AckStatus.CONFLICT, version, new, conflict_id=cid))
    if _changed(new, sent):
        return Outcome(ctx.ack(AckStatus.MERGED, version, new))
    return Outcome(ctx.ack(AckStatus.APPLIED, version))


def _delete(ctx: _Ctx, cur: Version) -> Outcome:
    m = ctx.m
    if m.entity in IMMUTABLE_ENTITIES or m.entity == Entity.ISSUED_NUMBER:
        return Outcome(
            ctx.ack(AckStatus.REJECTED, cur.version, cur.fields, "catatan ini tidak dapat dihapus")
        )
    # An imported outgoing agenda book is undone whole: its letters were recorded signed, but
    # never signed here (no issued number, no PDF), and ``import_batch_id`` cannot be set later.
    imported = bool(cur.fields.get("import_batch_id")) and not (
        cur.fields.get("number_id") or cur.fields.get("pdf_hash")
    )
    if m.entity == Entity.LETTER and cur.fields.get("status") in _FINAL and not imported:
        return Outcome(
            ctx.ack(
                AckStatus.REJECTED,
                cur.version,
                cur.fields,
                "surat sudah ditandatangani; tidak dapat dihapus",
            )
        )
    if m.entity == Entity.DELIVERY and cur.fields.get("state") != "menunggu":
        return Outcome(
            ctx.ack(AckStatus.REJECTED, cur.version, cur.fields, "kiriman sudah dikirim")
        )
    if cur.deleted:
        return Outcome(ctx.ack(AckStatus.APPLIED, cur.version))
    _base, others, _ = _others_since_base(ctx, cur)
    if others:  # a delete against someone else's edit: keep the record, show both
        cid = _conflict(
            ctx, ["deleted"], {k: cur.fields.get(k) for k in sorted(others)}, {"deleted": True}
        )
        return Outcome(
            ctx.ack(
                AckStatus.CONFLICT, cur.version, cur.fields, "catatan diubah di perangkat lain", cid
            )
        )
    version = ctx.write({**cur.fields, **ctx.fields}, True)
    return Outcome(ctx.ack(AckStatus.APPLIED, version))
