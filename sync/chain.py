"""The audit chain's hash, and the short form in which a device sends a run of its entries.

Each audit entry's hash covers its own fields and the previous entry's hash
(``desktop.letters.audit`` appends the entries). The PC that makes the chain and the server
that keeps a copy compute it here, so a sync request can leave out what the server recomputes
(docs/sync-protocol.md, "Audit entries in short form"):

- ``hash``, when it is the digest of the entry as sent (always, unless the PC's own copy of the
  entry was changed after it was made);
- ``prev_hash``, when it is the ``hash`` of the entry before it in the run (the run names the
  first entry's ``prev_hash`` once);
- the mutation around each entry: its id is derived from the device and the entry's id
  (``audit_mutation_id``, as before), its kind is ``audit``, ``op`` upsert, base version 0.

The short form is lossless: ``lengthen(shorten(entries))`` gives back every field as the PC
holds it, a broken link or a damaged entry included (those travel with their values), so the
server stores what it stored before and can check the chain as the PC can.

No pydantic here: ``desktop.letters.audit`` imports this on every action.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

GENESIS = "0" * 64
# The fields of an entry that its hash covers (besides ``prev_hash``), in the hash's order.
CONTENT = ("id", "at", "actor_id", "action", "entity", "entity_id", "detail_json")


def entry_hash(
    prev_hash: str,
    entry_id: str,
    at: datetime,
    actor_id: str | None,
    action: str,
    entity: str,
    entity_id: str,
    detail_json: str,
) -> str:
    """The SHA-256 (hex) of one entry chained to ``prev_hash``."""
    canonical = json.dumps(
        [prev_hash, entry_id, at.isoformat(), actor_id, action, entity, entity_id, detail_json],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def wire_hash(fields: Mapping[str, Any]) -> str | None:
    """The hash of an entry from its fields as they travel (``at`` an ISO 8601 string, as the
    PC sends it); None when they are not of the types the hash needs."""
    at = fields.get("at")
    texts = (fields.get(k) for k in ("prev_hash", "id", "action", "entity", "entity_id",
                                     "detail_json"))  # fmt: skip
    actor = fields.get("actor_id")
    if not isinstance(at, str) or not all(isinstance(t, str) for t in texts):
        return None
    if actor is not None and not isinstance(actor, str):
        return None
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        return None
    return entry_hash(
        fields["prev_hash"], fields["id"], when, actor, fields["action"], fields["entity"],
        fields["entity_id"], fields["detail_json"],
    )  # fmt: skip


def audit_mutation_id(device_id: str, entry_id: str) -> str:
    """The mutation id of a device's audit entry: the same on every replay; another device with
    a copy of this store (a cloned PC) pushes its entries under other ids."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"naskah:{device_id}:audit:{entry_id}"))


def shorten(entries: Iterable[Mapping[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """A run of entries (their full fields, in chain order) in short form: the first entry's
    ``prev_hash`` and, per entry, its ``CONTENT`` plus ``prev_hash`` / ``hash`` only where they
    cannot be derived."""
    first: str | None = None
    before: str | None = None  # the hash of the previous entry of the run
    items: list[dict[str, Any]] = []
    for fields in entries:
        item = {k: fields.get(k) for k in CONTENT}
        if first is None:
            first = fields["prev_hash"]
        elif fields["prev_hash"] != before:
            item["prev_hash"] = fields["prev_hash"]
        if wire_hash(fields) != fields["hash"]:
            item["hash"] = fields["hash"]
        before = fields["hash"]
        items.append(item)
    return first or GENESIS, items


def lengthen(prev_hash: str, items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The full fields of each entry of a short run (the inverse of ``shorten``). An item that
    leaves out ``hash`` must have fields the hash can be computed from (``wire_hash``);
    ValueError names the first that has not."""
    out: list[dict[str, Any]] = []
    before = prev_hash
    for n, item in enumerate(items):
        fields = {k: item.get(k) for k in CONTENT}
        given = item.get("prev_hash")
        fields["prev_hash"] = given if given is not None else before
        given_hash = item.get("hash")
        if given_hash is None:
            given_hash = wire_hash(fields)
            if given_hash is None:
                raise ValueError(f"audit entry {n}: no hash, and its fields cannot make one")
        fields["hash"] = given_hash
        before = given_hash
        out.append(fields)
    return out
