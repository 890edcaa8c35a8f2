"""The hub's side towards central: one round = mirror the office, blobs up, relay the queue,
number blocks, pull and adopt the office's changes, blobs down (docs/office-hub.md).

Every step commits in the hub's database only after central answered, and each is safe to
repeat: a hub killed anywhere sends the same relay entry again and central answers with the
acks it stored; a page pulled twice is adopted once (equal records are skipped).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Engine, delete, select

from sync import sealing
from sync.hub import mirror, tables
from sync.protocol import (
    CLIENT_PROTOCOL_HEADER,
    PAGE_BYTES,
    PROTOCOL_VERSION,
    TIMESTAMP_QUERY_TYPE,
    AckStatus,
    OfficeDirectory,
    SyncRequest,
    SyncResponse,
    TrustMaterial,
    body_image_refs,
)
from sync.server import db, keys
from sync.server.blobs import blob_path, valid_hash
from sync.server.bundle import BLOB_FIELDS
from sync.server.hubs import HubOffice, NumbersResponse, RelayResponse, stale_rest

log = logging.getLogger("naskah.hub")
API = "/api/v1"
CHUNK = 4 * 1024 * 1024
BLOCK_LOW_WATER = 20  # ask central for another block when fewer unleased numbers remain
MAX_BLOCK_REQUESTS = 10  # per round


class CentralUnreachable(Exception):
    """Central did not answer (link down, server stopped): the round stops, nothing lost."""


@dataclass
class RoundReport:
    relayed: int = 0  # queue entries relayed
    adopted: int = 0  # records written from central
    blobs_up: int = 0
    blobs_down: int = 0


class Upstream:
    def __init__(
        self,
        engine: Engine,
        blob_dir: Path,
        central_url: str,
        token: str,
        *,
        ca_bundle: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.engine = engine
        self.blob_dir = blob_dir
        self.url = central_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.verify = ca_bundle or True
        self.session.headers.update(
            {"Authorization": f"Bearer {token}", CLIENT_PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        )
        self.lock = threading.Lock()  # one round at a time
        self.central_max_mutations = 0
        self.office_count = 0  # offices at central, as its last sync answer counted them
        self.crl_number = 0  # central's newest revocation list, as its last answer named it
        self._view = ""  # the office view last mirrored (a round writes only what changed)
        self.known_devices: set[str] = set()  # the office's devices central listed last
        self._last: HubOffice | None = None  # central's view of the office, and its ETag
        self._etag = ""

    # -- HTTP ---------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            response = self.session.request(method, self.url + path, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise CentralUnreachable(f"{type(exc).__name__}: {exc}"[:300]) from exc
        if response.status_code >= 500:
            raise CentralUnreachable(f"central answered {response.status_code}")
        return response

    def _post(self, path: str, body: Any) -> requests.Response:
        """POST ``body`` as gzip-compressed JSON (the upstream link is the slow one)."""
        data = gzip.compress(json.dumps(body).encode(), compresslevel=6)
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        return self._call("POST", path, data=data, headers=headers)

    def _json(self, method: str, path: str, body: Any = None) -> Any:
        response = self._post(path, body) if body is not None else self._call(method, path)
        if response.status_code != 200:
            raise CentralUnreachable(
                f"central refused {path}: {response.status_code} {response.text[:200]}"
            )
        return response.json()

    # -- a round ------------------------------------------------------------------------------

    def office(self) -> HubOffice:
        """Central's view of the office; the one held when central says it has not changed
        (``If-None-Match``: a 304 of a few bytes on most rounds)."""
        headers = {"If-None-Match": self._etag} if self._etag and self._last else {}
        response = self._call("GET", f"{API}/hub/office", headers=headers)
        if response.status_code == 304 and self._last is not None:
            return self._last
        if response.status_code != 200:
            raise CentralUnreachable(f"central refused /hub/office: {response.status_code}")
        self._last = HubOffice.model_validate(response.json())
        self._etag = response.headers.get("ETag", "")
        return self._last

    def round(self) -> RoundReport:
        """Everything once; CentralUnreachable when central cannot be reached (nothing lost)."""
        with self.lock:
            report = RoundReport()
            view = self.office()
            # The hub's own request number moves with every round: not a change to mirror.
            seen = view.model_dump_json(
                exclude={
                    "devices": {i for i, d in enumerate(view.devices) if d.id == view.hub_device_id}
                }
            )
            if seen != self._view:  # most rounds: nothing changed, no write transaction
                mirror.mirror_office(self.engine, view)
                self._view = seen
            self.known_devices = {d.id for d in view.devices}
            report.blobs_up = self.blobs_up(view.office_id)
            report.relayed = self.relay_all()
            self.numbers()
            report.adopted, wanted = self.pull(view.office_id)
            report.blobs_down = self.blobs_down(view.office_id, wanted)
            self.directory()
            self.trust()
            return report

    # -- what central answers for the PCs (docs/office-hub.md, "Through the hub") -------------

    def directory(self, force: bool = False) -> int:
        """Mirror central's directory of offices when central counts another number of them
        than the hub holds (or ``force``); the number held."""
        with db.read_tx(self.engine) as conn:
            held = len(conn.execute(select(tables.directory.c.id)).all())
        if held and held == self.office_count and not force:
            return held
        answer = OfficeDirectory.model_validate(self._json("GET", f"{API}/offices"))
        return keep_directory(self.engine, answer)

    def trust(self) -> bool:
        """Keep central's trust material (root, TSA certificate, newest CRL) for the PCs when
        central's revocation list is newer than the one held; True if it changed."""
        with db.read_tx(self.engine) as conn:
            held = int(tables.get(conn, "crl_number", "0"))
        if not self.crl_number or held >= self.crl_number:
            return False  # central has no CA (no revocation list), or nothing newer
        response = self._call("GET", f"{API}/pki/trust")
        if response.status_code == 503:
            return False  # central has no CA (or it is locked): nothing to hand on
        if response.status_code != 200:
            raise CentralUnreachable(f"central refused its trust material: {response.status_code}")
        return keep_trust(self.engine, TrustMaterial.model_validate(response.json()))

    def forward_delivery(self, device_id: str, delivery_id: str) -> requests.Response:
        """Send a PC's delivery through central as that PC: first everything the hub holds
        goes up (the delivery record, the letter, its signatures and PDF), then central sends
        it, then the hub takes central's records back (the sender's ``terkirim``), so the PC
        sees its delivery sent at once. CentralUnreachable when central cannot be reached."""
        with self.lock:
            office = mirror.office_id(self.engine)
            assert office is not None
            self.blobs_up(office)
            self.relay_all()
            response = self._post(
                f"{API}/hub/deliveries", {"device_id": device_id, "delivery_id": delivery_id}
            )
            if response.status_code == 200:
                _adopted, wanted = self.pull(office)
                self.blobs_down(office, wanted)
            return response

    def forward_certificate(self, device_id: str, body: dict[str, Any]) -> requests.Response:
        """A PC's certificate request, issued by central as to that PC (after the hub relayed
        what it holds: the signer's person record must be at central)."""
        with self.lock:
            office = mirror.office_id(self.engine)
            assert office is not None
            self.relay_all()
            return self._post(f"{API}/hub/certificates", {"device_id": device_id, "request": body})

    def forward_timestamp(self, query: bytes) -> requests.Response:
        """An RFC 3161 timestamp query answered by central's TSA (any device may ask)."""
        return self._call(
            "POST",
            f"{API}/pki/timestamp",
            data=query,
            headers={"Content-Type": TIMESTAMP_QUERY_TYPE},
        )

    def blobs_up(self, office: str) -> int:
        held = unsent_blobs(self.engine, office)
        sent = 0
        for start in range(0, len(held), 10_000):
            part = held[start : start + 10_000]
            answer = self._json("POST", f"{API}/blobs/missing", {"hashes": part})
            missing = set(answer["missing"])
            offsets = answer.get("offsets", {})
            for sha in part:
                if sha in missing:
                    self._upload(sha, int(offsets.get(sha, 0)))
                    sent += 1
                mark_up(self.engine, [sha])
        return sent

    def _upload(self, sha: str, offset: int) -> None:
        data = blob_path(self.blob_dir, sha).read_bytes()
        for _attempt in range(1000):
            chunk = data[offset : offset + CHUNK]
            response = self._call(
                "PUT",
                f"{API}/blobs/{sha}/upload",
                params={"offset": offset},
                data=chunk,
                headers={
                    "Content-Type": "application/octet-stream",
                    "X-Chunk-Sha256": hashlib.sha256(chunk).hexdigest(),
                    "X-Blob-Size": str(len(data)),
                },
            )
            if response.status_code == 409:
                offset = int(response.json()["offset"])
                continue
            if response.status_code != 200:
                raise CentralUnreachable(f"blob upload refused: {response.status_code}")
            state = response.json()
            if state["complete"]:
                return
            offset = int(state["offset"])
        raise CentralUnreachable("blob upload did not finish")

    def confirm_enrolments(self) -> int:
        """Confirm to central each PC the hub enrolled with its own code and that has synced
        with the hub since (it kept its token), before any of its requests is relayed."""
        new = unconfirmed(self.engine, self.known_devices)
        for body in new:
            response = self._post(f"{API}/hub/devices", body)
            if response.status_code != 200:
                log.error("central refused device %s enrolled here: %s", body["id"], response.text)
                continue
            self.known_devices.add(body["id"])
        return len(new)

    def relay_all(self) -> int:
        self.confirm_enrolments()
        done = 0
        while True:
            with db.read_tx(self.engine) as conn:
                entry = next(iter(queued(conn, limit=1)), None)
            if entry is None:
                return done
            seq, body = entry
            response = self._post(f"{API}/hub/relay", body)
            failed = ""
            if response.status_code == 200:
                answer = RelayResponse.model_validate(response.json())
                rest = stale_rest(body, answer)
                if rest is not None:
                    again = self._post(f"{API}/hub/relay", rest)
                    if again.status_code != 200:
                        failed = f"{again.status_code} {again.text[:300]}"
                note_rejected(body["device_id"], answer)
            elif response.status_code in (401, 403, 404, 413, 422):
                if response.status_code == 401:
                    raise CentralUnreachable(f"central refused the hub: {response.text[:200]}")
                failed = f"{response.status_code} {response.text[:300]}"
            else:
                raise CentralUnreachable(f"relay answered {response.status_code}")
            settle(self.engine, seq, failed)
            done += 1

    def numbers(self) -> None:
        """Top the hub's blocks up until every wanted series holds ``BLOCK_LOW_WATER`` unleased
        numbers (a few requests at most: each block is several PC blocks)."""
        for _ in range(MAX_BLOCK_REQUESTS):
            if not self._numbers_once():
                return

    def _numbers_once(self) -> bool:
        """Ask central for a block of every series and year whose unleased remainder at the hub
        is low."""
        low = low_series(self.engine)
        for year, names in sorted(low.items()):
            answer = NumbersResponse.model_validate(
                self._json("POST", f"{API}/hub/numbers", {"series": names, "year": year})
            )
            mirror.add_blocks(self.engine, answer.leases)
        return bool(low)

    def pull(self, office: str) -> tuple[int, set[str]]:
        """The office's changes since the hub's cursor, adopted page by page."""
        written = 0
        wanted: set[str] = set()
        while True:
            cursor, seq, own_key = next_pull(self.engine)
            # Pages of up to PAGE_BYTES, as a PC asks: a few requests and adoptions for
            # thousands of records, not one per 200.
            request = SyncRequest(cursor=cursor, request_seq=seq, page_bytes=PAGE_BYTES)
            if own_key:  # tell central our key to learn its keys, which the PCs need
                request.device_key = own_key
            answer = SyncResponse.model_validate(
                self._json("POST", f"{API}/sync", request.model_dump(mode="json"))
            )
            if answer.late:
                with db.write_tx(self.engine) as conn:
                    tables.put(conn, "request_seq", str(answer.request_seq or seq))
                continue
            if answer.limits is not None:
                self.central_max_mutations = answer.limits.max_mutations
            self.office_count = answer.office_count
            self.crl_number = answer.crl_number
            page_written, page_wanted = adopt_page(self.engine, office, answer)
            written += page_written
            wanted |= page_wanted
            if not answer.more:
                return written, wanted

    def blobs_down(self, office: str, wanted: set[str]) -> int:
        bo = db.blob_offices.c
        fetched = 0
        for sha in sorted(wanted):
            with db.read_tx(self.engine) as conn:
                held = conn.execute(
                    select(bo.sha256).where(bo.sha256 == sha, bo.office_id == office)
                ).first()
            if held:
                continue
            response = self._call("GET", f"{API}/blobs/{sha}")
            if response.status_code == 404:
                continue  # not at central yet (the record came first): a later round
            if response.status_code != 200:
                raise CentralUnreachable(f"blob download answered {response.status_code}")
            data = response.content
            if keep_blob(self.engine, self.blob_dir, office, sha, data):
                fetched += 1
        return fetched


# -- the steps' halves that do not talk to central: shared with the hub's USB bundle -----------
# (sync/hub/bundle.py): what a round sends, and how the hub takes what central answered.


def keep_directory(engine: Engine, directory: OfficeDirectory) -> int:
    """Hold central's directory of offices (replacing the one held); the number held."""
    with db.write_tx(engine) as conn:
        conn.execute(delete(tables.directory))
        if directory.offices:
            conn.execute(
                tables.directory.insert(),
                [dict(id=o.id, code=o.code, name=o.name) for o in directory.offices],
            )
    return len(directory.offices)


def keep_trust(engine: Engine, material: TrustMaterial) -> bool:
    """Hold central's trust material for the PCs unless the one held has a newer revocation
    list; True if it changed."""
    with db.write_tx(engine) as conn:
        if int(tables.get(conn, "crl_number", "0")) > material.crl_number:
            return False
        tables.put(conn, "trust", material.model_dump_json())
        tables.put(conn, "crl_number", str(material.crl_number))
    return True


def unsent_blobs(engine: Engine, office: str) -> list[str]:
    """The office's blobs the hub holds and does not know central to hold."""
    bo, up = db.blob_offices.c, tables.blobs_up.c
    with db.read_tx(engine) as conn:
        known = {r.sha256 for r in conn.execute(select(up.sha256))}
        return [
            r.sha256
            for r in conn.execute(select(bo.sha256).where(bo.office_id == office))
            if r.sha256 not in known
        ]


def mark_up(engine: Engine, hashes: list[str]) -> None:
    """Central holds these blobs (never offered again)."""
    up = tables.blobs_up.c
    with db.write_tx(engine) as conn:
        for sha in hashes:
            if conn.execute(select(up.sha256).where(up.sha256 == sha)).first() is None:
                conn.execute(tables.blobs_up.insert().values(sha256=sha))


def unconfirmed(engine: Engine, known: set[str]) -> list[dict[str, Any]]:
    """The confirmation (``HubEnrolment``) of each live PC of the office that has synced with
    the hub and that central did not list (``known``)."""
    d = db.devices.c
    with db.read_tx(engine) as conn:
        office = tables.get(conn, "office_id")
        rows = conn.execute(
            select(d.id, d.name, d.token_hash).where(
                d.office_id == office, d.last_seen.is_not(None), d.revoked_at.is_(None)
            )
        ).all()
        return [
            {"id": r.id, "name": r.name, "token_hash": r.token_hash,
             "device_key": keys.device_key(conn, r.id)}
            for r in rows
            if r.id not in known
        ]  # fmt: skip


def queued(conn: Any, limit: int | None = None) -> list[tuple[int, dict[str, Any]]]:
    """The relay queue's live entries in order, each with the body of its relay request."""
    q = tables.relay_queue.c
    rows = conn.execute(
        select(q.seq, q.device_id, q.request_seq, q.mutations)
        .where(q.failed == "")
        .order_by(q.seq)
        .limit(limit)
    ).all()
    return [
        (
            int(entry.seq),
            {
                "device_id": entry.device_id,
                "request_seq": entry.request_seq,
                "mutations": entry.mutations,
                "subleases": subleases(conn, entry.device_id),
                "device_key": keys.device_key(conn, entry.device_id),
            },
        )
        for entry in rows
    ]


def note_rejected(device_id: str, answer: RelayResponse) -> None:
    for ack in answer.acks:
        if ack.status == AckStatus.REJECTED:
            log.warning(
                "central rejected %s %s relayed for %s: %s",
                ack.entity.value,
                ack.entity_id,
                device_id,
                ack.reason,
            )


def settle(engine: Engine, seq: int, failed: str) -> None:
    """A relayed entry is done: gone from the queue, or kept as ``failed`` (central refused
    it whole) for the administrator."""
    q = tables.relay_queue.c
    with db.write_tx(engine) as conn:
        if failed:
            log.error("relay entry %s refused by central: %s", seq, failed)
            conn.execute(tables.relay_queue.update().where(q.seq == seq).values(failed=failed))
        else:
            conn.execute(delete(tables.relay_queue).where(q.seq == seq))


def subleases(conn: Any, device_id: str) -> list[dict[str, Any]]:
    """The device's live leases cut from the hub's blocks."""
    le, b = db.leases.c, tables.blocks.c
    blocks = conn.execute(select(b.series, b.year, b.start_seq, b.end_seq)).all()
    out = []
    for lease in conn.execute(
        select(le.series, le.year, le.start_seq, le.end_seq, le.epoch).where(
            le.device_id == device_id, le.voided_at.is_(None)
        )
    ):
        if any(
            k.series == lease.series
            and k.year == lease.year
            and k.start_seq <= lease.start_seq
            and lease.end_seq <= k.end_seq
            for k in blocks
        ):
            out.append(
                dict(
                    series=lease.series,
                    year=lease.year,
                    start=lease.start_seq,
                    end=lease.end_seq,
                    epoch=lease.epoch,
                )
            )
    return out


def low_series(engine: Engine) -> dict[int, list[str]]:
    """Per year, the series whose unleased remainder at the hub is below ``BLOCK_LOW_WATER``
    (the series the PCs asked for; ``keluar`` of this year from the start)."""
    b = tables.blocks.c
    with db.read_tx(engine) as conn:
        wanted = {(str(s), int(y)) for s, y in json.loads(tables.get(conn, "series", "[]"))}
        wanted.add(("keluar", db.utcnow().year))
        low: dict[int, list[str]] = {}
        for name, year in sorted(wanted):
            left = sum(
                int(r.end_seq) - int(r.next_seq) + 1
                for r in conn.execute(
                    select(b.end_seq, b.next_seq).where(
                        b.series == name, b.year == year, b.next_seq <= b.end_seq
                    )
                )
            )
            if left < BLOCK_LOW_WATER:
                low.setdefault(year, []).append(name)
    return low


def next_pull(engine: Engine) -> tuple[int, int, str]:
    """The hub's cursor at central and a fresh request number for its next pull (taken now:
    a pull never reuses one), and its public key when central has not answered with its own
    keys yet ("" otherwise; the key pair is made on first use)."""
    with db.write_tx(engine) as conn:
        cursor = int(tables.get(conn, "cursor", "0"))
        seq = int(tables.get(conn, "request_seq", "0")) + 1
        tables.put(conn, "request_seq", str(seq))
        learnt = bool(tables.get(conn, "office_key"))
        own_key = tables.get(conn, "device_key")
        if not own_key:
            own_key = sealing.private_pem(sealing.new_private_key())
            tables.put(conn, "device_key", own_key)
    return cursor, seq, "" if learnt else sealing.public_pem(sealing.load_private(own_key))


def adopt_page(engine: Engine, office: str, answer: SyncResponse) -> tuple[int, set[str]]:
    """Take one page of central's answer to the hub's pull (over HTTP, or out of a bundle
    reply): central's keys and limit, the records, the hub's blocks, then the cursor. Returns
    the records written and the blobs the page's records name."""
    with db.write_tx(engine) as conn:
        if answer.server_key and answer.office_key:
            tables.put(conn, "server_key", answer.server_key)
            tables.put(conn, "office_key", answer.office_key)
        if answer.limits is not None and tables.get(conn, "central_max_mutations") != str(
            answer.limits.max_mutations
        ):
            tables.put(conn, "central_max_mutations", str(answer.limits.max_mutations))
    written = mirror.adopt(engine, office, answer.changes)
    if answer.leases:
        mirror.add_blocks(engine, answer.leases)
    wanted: set[str] = set()
    for change in answer.changes:
        for name in BLOB_FIELDS.get(change.entity.value, ()):
            value = change.fields.get(name)
            if isinstance(value, str) and valid_hash(value):
                wanted.add(value)
        wanted |= body_image_refs(change.entity, change.fields)
    with db.write_tx(engine) as conn:
        tables.put(conn, "cursor", str(answer.cursor))
    return written, wanted


def keep_blob(engine: Engine, blob_dir: Path, office: str, sha: str, data: bytes) -> bool:
    """Store a blob central sent for the office (False, nothing kept, when ``data`` is not
    the blob ``sha`` names or the hub holds it already)."""
    if hashlib.sha256(data).hexdigest() != sha:
        return False
    bo = db.blob_offices.c
    with db.read_tx(engine) as conn:
        held = conn.execute(
            select(bo.sha256).where(bo.sha256 == sha, bo.office_id == office)
        ).first()
    if held:
        return False
    path = blob_path(blob_dir, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".hubpart")
    tmp.write_bytes(data)
    tmp.replace(path)
    now = db.utcnow()
    with db.write_tx(engine) as conn:
        if conn.execute(select(db.blobs.c.sha256).where(db.blobs.c.sha256 == sha)).first() is None:
            conn.execute(db.blobs.insert().values(sha256=sha, size=len(data), created_at=now))
        conn.execute(
            db.blob_offices.insert().values(
                sha256=sha, office_id=office, device_id=None, created_at=now
            )
        )
    mark_up(engine, [sha])
    return True
