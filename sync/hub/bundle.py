"""The hub's upstream round by USB stick, for an office whose hub never reaches central
(docs/office-hub.md, "Hub bundles"; the format in docs/sync-protocol.md).

    naskah-server hub bundle export --db hub.db --blobs DIR --out FILE
    naskah-server hub bundle import-reply --db hub.db --blobs DIR --in FILE

``export`` writes what the hub's HTTP round (``sync.hub.upstream``) would send: every live
relay queue entry as the relay request the round posts (the PCs' own device, request and
mutation ids), the enrolments central has not confirmed, the office's blobs central is not
known to hold, the series whose blocks run low, and the hub's cursor with a request number
taken for its pull. It is signed with the hub's device key (the one central learnt over the
hub's sync, as a PC's bundle is signed with its own). Nothing leaves the queue at export.

``import-reply`` checks the reply (this server, this hub, the newest bundle exported, signed
by central, sealed for this hub) and takes it with the functions the HTTP round uses: the
office view (``mirror.mirror_office``), each relay outcome (``settle``), the blocks, every
pulled page (``adopt_page``), then the blobs (``keep_blob``). A reply imported again changes
nothing.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import Engine, select

from sync import sealing
from sync.container import (
    BUNDLE_FORMAT,
    MAX_CONTAINER_BYTES,
    REPLY_FORMAT,
    ContainerRefused,
    read_container,
)
from sync.container import write_container as write_file
from sync.hub import mirror, tables, waiting
from sync.hub.cli import HubRefused
from sync.hub.upstream import (
    adopt_page,
    keep_blob,
    keep_directory,
    keep_trust,
    low_series,
    mark_up,
    next_pull,
    note_rejected,
    queued,
    settle,
    unconfirmed,
    unsent_blobs,
)
from sync.protocol import (
    PROTOCOL_VERSION,
    LeaseGrant,
    OfficeDirectory,
    SyncResponse,
    TrustMaterial,
    body_image_refs,
)
from sync.server import db
from sync.server.blobs import blob_path, valid_hash
from sync.server.bundle import BLOB_FIELDS
from sync.server.hub_bundle import entry_digest
from sync.server.hubs import HubAnswer, HubOffice, RelayResponse

log = logging.getLogger("naskah.hub")
# What one bundle carries at most (JSON, files in base64): well inside what central opens
# (sync.container.MAX_CONTAINER_BYTES); a longer queue goes in the next bundle.
MAX_BYTES = MAX_CONTAINER_BYTES * 3 // 4
HUB_KIND = "hub"  # the header's ``kind`` central recognises (sync/server/hub_bundle.py)


class HubBundleRefused(HubRefused):
    """A bundle that cannot be made, or a reply that is not taken; the message says why."""


@dataclass
class Exported:
    entries: int
    mutations: int
    enrolments: int
    blobs: int
    sha256: str
    left: int = 0  # queue entries left for the next bundle (this one is full)
    requests: int = 0  # certificate requests and deliveries held for central


@dataclass
class Replied:
    relayed: int  # queue entries done (or refused by central, kept as failed)
    failed: int
    adopted: int  # records written from central
    blobs: int
    blocks: int
    enrolments_refused: int = 0
    answers: int = 0  # central's answers kept for the PCs (certificates, deliveries)
    already: bool = False  # this reply was taken before: nothing changed


class _Outcome(BaseModel):
    seq: int
    device_id: str = ""
    entry: str = ""  # entry_digest of the entry central relayed
    failed: str
    answer: RelayResponse | None = None


class _ReplyBody(BaseModel):
    office: HubOffice
    enrolments: list[dict[str, str]] = Field(default_factory=list)
    relay: list[_Outcome] = Field(default_factory=list)
    blocks: list[LeaseGrant] = Field(default_factory=list)
    pages: list[SyncResponse]
    blobs_held: list[str] = Field(default_factory=list)
    blobs: dict[str, str] = Field(default_factory=dict)
    offices: OfficeDirectory | None = None  # older servers: none
    answers: list[HubAnswer] = Field(default_factory=list)  # to requests held for central
    trust: TrustMaterial | None = None  # none: central has no CA


def _identity(engine: Engine) -> dict[str, str]:
    """The hub's office, device, central's id and the hub's key pair, as its rounds learnt
    them; HubBundleRefused for a hub that never completed a round with central."""
    with db.read_tx(engine) as conn:
        office = tables.get(conn, "office_id")
        code = conn.execute(select(db.offices.c.code).where(db.offices.c.id == office)).scalar()
        server = conn.execute(select(db.server_identity.c.server_id)).scalar()
        found = {
            "office_id": office,
            "office_code": str(code or ""),
            "server_id": str(server or ""),
            "device_id": tables.get(conn, "hub_device_id"),
            "device_key": tables.get(conn, "device_key"),
            "server_key": tables.get(conn, "server_key"),
        }
    if not all(found.values()):
        raise HubBundleRefused(
            "Server kantor ini belum pernah bersinkron penuh dengan server pusat, jadi server "
            "pusat belum mengenal kuncinya; bundel tidak dapat dibuat. Sambungkan server kantor "
            "ke server pusat sekali."
        )
    return found


def held_blobs(engine: Engine, office: str) -> list[str]:
    """The office's blobs the hub holds."""
    bo = db.blob_offices.c
    with db.read_tx(engine) as conn:
        return sorted(
            {r.sha256 for r in conn.execute(select(bo.sha256).where(bo.office_id == office))}
        )


def _refs(mutations: list[dict[str, Any]]) -> set[str]:
    """The blobs a relayed request's mutations name."""
    found: set[str] = set()
    for m in mutations:
        fields = m.get("fields") or {}
        for name in BLOB_FIELDS.get(str(m.get("entity")), ()):
            value = fields.get(name)
            if isinstance(value, str) and valid_hash(value):
                found.add(value)
        found |= body_image_refs(str(m.get("entity")), fields)
    return found


def _pack(
    entries: list[tuple[int, dict[str, Any]]], unsent: list[str], blob_dir: Path, limit: int
) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """The queue's first entries and the blobs they name (then other blobs central may lack)
    that fit in about ``limit`` bytes; at least the first entry. The rest waits for the next
    bundle: an entry's blobs always travel with it or before it."""
    held = {sha for sha in unsent if blob_path(blob_dir, sha).is_file()}

    def cost(sha: str) -> int:
        return blob_path(blob_dir, sha).stat().st_size * 4 // 3 + 100  # base64

    taken: list[tuple[int, dict[str, Any]]] = []
    blobs: list[str] = []
    used = 0
    for seq, body in entries:
        needed = sorted((_refs(body["mutations"]) & held) - set(blobs))
        size = len(json.dumps(body)) + sum(cost(sha) for sha in needed)
        if taken and used + size > limit:
            return taken, blobs
        taken.append((seq, body))
        blobs += needed
        used += size
    for sha in sorted(held - set(blobs)):
        if used + cost(sha) <= limit:
            blobs.append(sha)
            used += cost(sha)
    return taken, blobs


def export_bundle(engine: Engine, blob_dir: Path, out: Path, *, limit: int = MAX_BYTES) -> Exported:
    """Write the hub's bundle to ``out``: the relay queue in order, as much of it (with the
    files it names) as fits in about ``limit`` bytes."""
    me = _identity(engine)
    cursor, seq, _key = next_pull(engine)  # a request number of its own for the pull
    with db.read_tx(engine) as conn:
        queue = queued(conn)
        known = set(json.loads(tables.get(conn, "central_devices", "[]")))
    enrolments = unconfirmed(engine, known)
    held_requests = waiting.carried(engine)
    entries, hashes = _pack(queue, unsent_blobs(engine, me["office_id"]), blob_dir, limit)
    blobs = {
        sha: base64.b64encode(blob_path(blob_dir, sha).read_bytes()).decode() for sha in hashes
    }
    header = {
        "protocol": PROTOCOL_VERSION,
        "kind": HUB_KIND,
        "device_id": me["device_id"],
        "office_id": me["office_id"],
        "office_code": me["office_code"],
        "server_id": me["server_id"],
        "created": db.utcnow().isoformat(),
        "cursor": cursor,
        "request_seq": seq,
        "numbers": {str(year): names for year, names in low_series(engine).items()},
    }
    body = {
        "relay": [{"seq": s, "body": b} for s, b in entries],
        "enrolments": enrolments,
        "blobs": blobs,
        "held": held_blobs(engine, me["office_id"]),  # central sends none of these back
        "waiting": held_requests,
    }
    key = sealing.load_private(me["device_key"])
    digest = write_file(out, BUNDLE_FORMAT, header, body, sign=lambda d: sealing.sign(key, d))
    with db.write_tx(engine) as conn:
        # The reply taken is the one to this bundle (an older one would roll records back).
        tables.put(conn, "bundle_out", digest)
        tables.put(conn, "bundle_out_cursor", str(cursor))
    return Exported(
        entries=len(entries),
        mutations=sum(len(b["mutations"]) for _s, b in entries),
        enrolments=len(enrolments),
        blobs=len(blobs),
        sha256=digest,
        left=len(queue) - len(entries),
        requests=len(held_requests),
    )


def _open(engine: Engine, path: Path) -> tuple[dict[str, Any], _ReplyBody, str]:
    """The reply's header, body and bundle digest, once it proves to be central's answer to
    this hub's newest bundle; HubBundleRefused otherwise (nothing taken)."""
    me = _identity(engine)
    try:
        container = read_container(path, REPLY_FORMAT)
    except ContainerRefused as exc:
        raise HubBundleRefused(exc.message) from exc
    header = container.header
    if header.get("kind") != HUB_KIND:
        raise HubBundleRefused(
            "Berkas ini balasan untuk sebuah PC, bukan untuk server kantor; balasan ditolak."
        )
    if header.get("server_id") != me["server_id"]:
        raise HubBundleRefused(
            "Balasan ini dari server pusat lain, bukan server pusat kantor ini; balasan ditolak."
        )
    if header.get("device_id") != me["device_id"] or header.get("office_id") != me["office_id"]:
        raise HubBundleRefused("Balasan ini untuk server kantor lain; balasan ditolak.")
    try:
        sealing.verify(me["server_key"], container.sha256, container.signature)
        raw = sealing.unseal(sealing.load_private(me["device_key"]), container.body.get("sealed"))
    except sealing.SealBroken as exc:
        raise HubBundleRefused(
            "Balasan ini tidak ditandatangani server pusat atau tidak dapat dibuka dengan kunci "
            "server kantor ini (dipalsukan atau diubah); balasan ditolak."
        ) from exc
    try:
        body = _ReplyBody.model_validate(raw)
    except ValidationError as exc:
        raise HubBundleRefused("Isi balasan tidak sesuai format Naskah; balasan ditolak.") from exc
    return header, body, str(header.get("bundle_sha256", ""))


def import_reply(engine: Engine, blob_dir: Path, path: Path) -> Replied:
    """Take central's reply to the hub's bundle (see the module's docstring)."""
    header, body, answered = _open(engine, path)
    with db.read_tx(engine) as conn:
        out = tables.get(conn, "bundle_out")
        taken = tables.get(conn, "bundle_in")
        applying = tables.get(conn, "bundle_applying")
        cursor = tables.get(conn, "cursor", "0")
        sent_at = tables.get(conn, "bundle_out_cursor")
    if answered and answered == taken:
        return Replied(0, 0, 0, 0, 0, already=True)
    if not answered or answered != out:
        raise HubBundleRefused(
            "Balasan ini bukan untuk bundel terakhir yang dibuat server kantor ini (bundel lama "
            "atau bundel lain); balasan ditolak. Impor balasan dari bundel terakhir."
        )
    if applying != answered and (cursor != sent_at or str(header.get("cursor")) != sent_at):
        raise HubBundleRefused(
            "Server kantor ini sudah bersinkron langsung dengan server pusat sejak bundel dibuat; "
            "balasan ini tidak diperlukan lagi dan tidak diterapkan (tidak ada yang hilang)."
        )
    blobs: dict[str, bytes] = {}
    for sha, text in body.blobs.items():
        try:
            blobs[sha] = base64.b64decode(text, validate=True)
        except binascii.Error as exc:
            raise HubBundleRefused(
                f"Lampiran {sha[:12]} di dalam balasan rusak; balasan ditolak."
            ) from exc
    with db.write_tx(engine) as conn:  # taken again whole if cut off from here
        tables.put(conn, "bundle_applying", answered)
    # The HTTP round's order: the office, blobs up, the relay queue, blocks, pull, blobs down.
    office = body.office.office_id
    mirror.mirror_office(engine, body.office)
    mark_up(engine, body.blobs_held)
    failed = settled = 0
    with db.read_tx(engine) as conn:
        live = {seq: entry_digest(entry) for seq, entry in queued(conn)}
    for outcome in body.relay:
        if live.get(outcome.seq) != outcome.entry:
            continue  # gone (relayed online meanwhile), or its number is another entry's now
        if outcome.answer is not None:
            note_rejected(outcome.device_id, outcome.answer)
        settle(engine, outcome.seq, outcome.failed)
        settled += 1
        failed += bool(outcome.failed)
    refused = [e for e in body.enrolments if e.get("error")]
    for enrolment in refused:
        log.error("central refused device %s enrolled here: %s", enrolment.get("id"),
                  enrolment.get("error"))  # fmt: skip
    mirror.add_blocks(engine, body.blocks)
    adopted = 0
    for page in body.pages:
        written, _wanted = adopt_page(engine, office, page)
        adopted += written
    kept = sum(keep_blob(engine, blob_dir, office, sha, data) for sha, data in blobs.items())
    if body.offices is not None:
        keep_directory(engine, body.offices)
    if body.trust is not None:
        keep_trust(engine, body.trust)
    for_pcs = waiting.keep_answers(engine, body.answers)
    with db.write_tx(engine) as conn:
        tables.put(conn, "bundle_in", answered)
        tables.put(conn, "bundle_out", "")
        tables.put(conn, "bundle_applying", "")
    return Replied(
        relayed=settled - failed,
        failed=failed,
        adopted=adopted,
        blobs=kept,
        blocks=len(body.blocks),
        enrolments_refused=len(refused),
        answers=for_pcs,
    )


# -- the commands ------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    if not Path(args.db).is_file():
        raise HubBundleRefused(f"{args.db} does not exist: the hub has not run yet")
    engine = db.make_engine(args.db)
    try:
        mirror.create_schema(engine)
        if mirror.office_id(engine) is None:
            raise HubBundleRefused(
                "Server kantor ini belum pernah tersambung ke server pusat: belum ada kantor."
            )
        blob_dir = Path(args.blobs)
        if args.hub_bundle_command == "export":
            done = export_bundle(engine, blob_dir, args.out)
            print(
                f"hub bundle {args.out}: {done.entries} requests ({done.mutations} mutations), "
                f"{done.enrolments} enrolments, {done.blobs} blobs, {done.requests} certificate "
                "requests or deliveries"
            )
            if done.left:
                print(
                    f"{done.left} requests did not fit: import this bundle's reply, then "
                    "export again"
                )
        else:
            got = import_reply(engine, blob_dir, args.reply)
            if got.already:
                print(f"reply {args.reply} was imported before: nothing changed")
            else:
                print(
                    f"reply {args.reply}: {got.relayed} requests relayed, {got.failed} refused, "
                    f"{got.adopted} records adopted, {got.blobs} blobs, {got.blocks} blocks, "
                    f"{got.answers} answers for the PCs"
                )
    finally:
        engine.dispose()
    return 0
