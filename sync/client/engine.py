"""The sync engine: enrol this PC, and run one full sync (signing housekeeping, blobs up, outbox
up, changes down, wanted blobs down, a newer revocation list).

Speed on a slow link (docs/sync-protocol.md, "Batches by bytes"): each request is filled up to
the server's announced limits; blobs travel several per request, on a second connection beside
the sync exchange (``sync.client.lanes``): records naming a blob still going up wait for it.

Guarantees:
- Every answer is applied in ONE local transaction (acks, outbox deletions, changes, leases,
  cursor); a crash or a lost answer leaves the store as before the request, and the replayed
  request gets the server's stored acks, so nothing is lost or applied twice.
- Nothing is sent to anything that has not answered ``hello`` as a Naskah server: enrolment
  asks it first; a sync of an enrolled PC goes straight to the sync exchange (one request for a
  sync with nothing to send or fetch), whose answer must carry the marker header, parse as the
  protocol's JSON and name the server this PC enrolled with (``server_id``), or nothing of it
  is applied. The token only travels over verified TLS (plain HTTP only to this machine), and
  only a server whose database holds this device's token answers anything but ``401``.
- The device token lives only in the OS keyring, never in the store or any file.
- Nothing here imports Qt; call it from any thread (one sync at a time per store).
- Nothing here imports the domain: what only the domain knows comes through the handlers it
  registered (``sync.client.domain``); without them nothing is sent or changed.
"""

from __future__ import annotations

import logging
import math
import platform
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import select

from desktop.i18n import _
from desktop.store import clock, sync_models
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.ids import uuid7
from desktop.store.models import Outbox
from desktop.store.sync_models import SyncState
from sync import sealing
from sync.client import blobs, delivery, domain, lanes, pki, reconcile, records
from sync.client.apply import Applied, apply_response
from sync.client.errors import (
    BadServerUrl,
    EnrolRefused,
    NoKeyring,
    NotEnrolled,
    RequestTooLarge,
    SyncError,
)
from sync.client.outbox import Batch, build_batch
from sync.client.transport import HelloResult, Transport, check_server_url, skew_of
from sync.protocol import (
    BATCH_SIZE,
    MAX_MUTATIONS,
    MAX_PAGE,
    PAGE_BYTES,
    REQUEST_BYTES,
    EnrollRequest,
    Limits,
    Op,
    SyncResponse,
    TrustMaterial,
)

Progress = Callable[[int, int], None]  # (batches done, batches expected)
MAX_BATCHES = 10_000
# What a client assumes of a server it has not heard from in this process: a server of this
# version announces (at least) these; an older one answers the first request with 413 when it
# carries more than BATCH_SIZE mutations, and the client goes on with PROTOCOL_1.
# It also sends audit entries as a short run; an older server ignores it and announces no
# ``audit_run``, and the client sends them again as mutations.
ASSUMED = Limits(max_mutations=MAX_MUTATIONS, max_page=MAX_PAGE, audit_run=True)
PROTOCOL_1 = Limits()

log = logging.getLogger("naskah.sync")


@dataclass
class SyncReport:
    """What one ``sync_once`` did."""

    batches: int = 0
    pushed: int = 0  # outbox mutations acknowledged
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    copies: int = 0
    pulled: int = 0  # changes written locally
    audit: int = 0
    blob_bytes_up: int = 0
    blobs_down: int = 0  # blobs fetched and verified
    signing: pki.PkiReport | None = None  # trust, certificates and timestamps
    delivery: delivery.DeliveryReport | None = None  # letters sent to other offices
    pending: int = 0  # outbox rows still waiting afterwards
    skew: timedelta | None = None
    finished_at: datetime | None = None
    log_id: str = ""  # the change log the cursor now counts in, as the server named it

    def add(self, applied: Applied) -> None:
        self.batches += 1
        self.pushed += applied.acked
        self.merged += applied.merged
        self.conflicts += applied.conflicts
        self.rejected += applied.rejected
        self.copies += applied.copies
        self.pulled += applied.changes
        self.audit += applied.audit


def state_of(store: Store) -> SyncState | None:
    with store.read() as session:
        return sync_models.enrolment(session)


def pending_count(store: Store) -> int:
    with store.read() as session:
        return int(session.exec(select(func.count()).select_from(Outbox)).one())


def enroll(
    store: Store,
    server_url: str,
    office_code: str,
    code: str,
    device_name: str | None = None,
    *,
    transport: Transport | None = None,
    root_pem: str | None = None,
    roam: bool = False,
) -> SyncState:
    """Enrol this PC with the server as a device of ``office_code`` using a one-time ``code``.

    Checks the server with ``hello`` first. The token goes to the OS keyring, then the state
    row is written in one transaction (a fresh PC also gets the shipped classification codes;
    pending outbox rows get new mutation ids, since none was ever sent by this device; the
    organisation's ``root_pem``, when the caller proved it (``server_address.enroll``), is
    pinned). With ``roam``, when an office hub's answer names central (``central_url``), the
    state keeps central's address and the hub's is the caller's to remember
    (``server_address.enroll``); without it the state keeps the address enrolled at.
    Raises EnrolRefused (already enrolled, wrong/used/expired code), NoServer, Offline,
    UpgradeRequired, BadServerUrl; DomainMissing (a bug) before anything is sent when the
    domain's handlers were not registered (``desktop.seam.install``)."""
    handlers = domain.handlers()
    if state_of(store) is not None:
        raise EnrolRefused(_("PC ini sudah terdaftar ke server."))
    problem = sync_models.keyring_problem()
    if problem:  # before the server spends the code on a token this PC could not keep
        raise NoKeyring(problem)
    own = transport is None
    link = transport or Transport(server_url)
    # The bundle key pair is made before enrolling: the server keeps the public half with the
    # new device (a PC that only ever syncs by USB stick has its bundles checked against it).
    bundle_key = sealing.new_private_key()
    try:
        hello = link.hello()
        answer = link.enroll(
            EnrollRequest(
                office_code=office_code.strip(),
                enrol_code=code.strip(),
                device_name=(device_name or platform.node() or "PC")[:120],
                device_key=sealing.public_pem(bundle_key),
            )
        )
    finally:
        if own:
            link.close()
    try:
        sync_models.save_token(answer.device_id, answer.token)
        sync_models.save_bundle_key(answer.device_id, sealing.private_pem(bundle_key))
    except Exception as exc:
        # The server accepts the same code again until this device has synced once.
        raise NoKeyring(f"{type(exc).__name__}: {exc}"[:300], after_enrolment=True) from exc
    state = SyncState(
        server_url=(roam and central_of(answer.central_url)) or link.base_url,
        server_id=hello.hello.server_id,
        device_id=answer.device_id,
        device_name=device_name or "",
        office_id=answer.office_id,
        office_code=answer.office_code,
        lease_epoch=sync_models.keyring_epoch(answer.device_id),
    )
    with store.write() as session:
        session.add(state)
        # Nothing was ever sent as this device: fresh mutation ids keep a copied or re-enrolled
        # store from colliding with ids another device already used.
        for row in session.exec(select(Outbox)).all():
            row.mutation_id = uuid7()
            session.add(row)
        handlers.load_reference_data(session)
        if root_pem:  # checked by its fingerprint: pinned before any other server answers
            handlers.save_trust(
                session,
                TrustMaterial(root_pem=root_pem, tsa_pem="", crl_pem="", crl_number=0,
                              public_url=""),
            )  # fmt: skip
    return state


def central_of(url: str | None) -> str | None:
    """The central server's address a hub's enrolment answer named, as kept (None when it named
    none, or one this client would never use: it is then given later by an administrator)."""
    if not url:
        return None
    try:
        return check_server_url(url)
    except BadServerUrl:
        log.warning("the hub named a central address this PC cannot use: %r", url[:200])
        return None


def connect(store: Store, state: SyncState | None = None) -> Transport:
    """A transport to the enrolled server with this device's token. NotEnrolled if there is
    no enrolment or the keyring lost the token."""
    state = state or state_of(store)
    if state is None:
        raise NotEnrolled()
    token = sync_models.token(state.device_id)
    if not token:
        raise NotEnrolled(_("token tidak ada di keyring"))
    return Transport(state.server_url, token)


def push_pull(
    store: Store,
    link: Transport,
    state: SyncState,
    *,
    limit: int = BATCH_SIZE,
    max_bytes: int | None = None,
    page_bytes: int | None = None,
    held_blobs: frozenset[str] = frozenset(),
    audit_run: bool = False,
    log_id: str | None = None,
) -> tuple[Batch, SyncResponse]:
    """Build the next request from the store (at most ``limit`` mutations and about
    ``max_bytes`` of JSON; answer pages of ``page_bytes``; audit entries as a short run with
    ``audit_run``) and send it (no local change). ``log_id``: the hub's change log the cursor
    counts in (None: central), named as the log of the request's base versions; while this PC
    reconciles with a restored hub, the hub's old log is named and the number leases too.
    Exposed for tests that lose or repeat answers."""
    restored = sync_models.leases_void(state)
    with store.write() as session:  # taken before sending: a retry is a new, later request
        request_seq = sync_models.take_request_seqs(session)
    with store.read() as session:
        lease_epoch = 0 if restored else state.lease_epoch
        batch = build_batch(
            session, state, lease_epoch=lease_epoch, limit=limit, max_bytes=max_bytes,
            held_blobs=held_blobs, audit_run=audit_run,
        )  # fmt: skip
        if state.reconcile_log:
            batch.request.leases_held = reconcile.claims(session)
    batch.request.base_log = state.reconcile_log or log_id or None
    batch.request.request_seq = request_seq
    batch.request.page_bytes = page_bytes
    if not state.server_key:  # until the server's key is held: tell it ours, learn its
        batch.request.device_key = device_public_key(state.device_id)
    return batch, link.sync(batch.request)


def device_public_key(device_id: str) -> str:
    """This device's bundle-signing public key; the key pair is made (and its private half
    kept in the OS keyring) the first time it is needed."""
    pem = sync_models.bundle_key(device_id)
    if pem is None:
        pem = sealing.private_pem(sealing.new_private_key())
        sync_models.save_bundle_key(device_id, pem)
    return sealing.public_pem(sealing.load_private(pem))


def apply(
    store: Store, batch: Batch, response: SyncResponse, *, at_hub: bool = False
) -> tuple[SyncState, Applied]:
    """Apply one answer in one transaction; then raise the keyring's lease epoch to match.
    ``at_hub``: the answer is an office hub's (a reconciliation with it compares records by
    content, ``sync.client.reconcile``)."""
    with store.replica_write() as session:
        state = sync_models.enrolment(session)
        assert state is not None
        restored = sync_models.leases_void(state)
        reconciling = at_hub and bool(state.reconcile_log)
        applied = apply_response(
            session, state, batch, response, restored=restored, reconciling=reconciling
        )
        if reconciling and not response.more and not response.late:
            applied.requeued = reconcile.queue_rest(session, state)
        for row in blobs.want(store.blob_dir, applied.blobs):
            session.merge(row)
    sync_models.remember_epoch(state.device_id, state.lease_epoch)
    return state, applied


def sync_once(
    store: Store,
    *,
    transport: Transport | None = None,
    progress: Progress | None = None,
    batch_size: int | None = None,
    blob_chunk: int | None = None,
    log_id: str | None = None,
) -> SyncReport:
    """One full sync: batches until the outbox is empty and the server has no more.

    ``log_id``: the change log the stored cursor counts in, where the server's log can be
    replaced (an office hub: ``SyncResponse.log_id``); when an answer names another one, that
    answer is applied but the cursor goes back to 0 and the pull goes on from there, so nothing
    written in the new log is skipped. None: not checked (central: one log). The log the cursor
    counts in afterwards is ``report.log_id``.

    A PC that has met its server (``server_id`` known) sends no hello: the first sync answer
    names the server and its limits (an idle sync is one request). Each request is filled up to
    the server's limits (``batch_size`` mutations at most when given, as tests do) and about
    ``REQUEST_BYTES`` of JSON; answer pages of up to ``PAGE_BYTES``. Blob data goes up in
    requests of ``blob_chunk`` bytes (default ``blobs.REQUEST_BYTES``), several blobs each.

    Raises a SyncError (Offline, NoServer, UpgradeRequired, NotEnrolled, ServerFailed...) after
    noting its message in ``sync_state.last_error``; batches applied before the error stay.
    DomainMissing (a bug) before anything is sent when the domain's handlers were not
    registered (``desktop.seam.install``)."""
    domain.handlers()
    state = state_of(store)
    if state is None:
        raise NotEnrolled()
    link = transport or connect(store, state)
    report = SyncReport()
    uploader: lanes.Uploader | None = None
    fetcher: lanes.Fetcher | None = None
    try:
        limits = ASSUMED
        if not state.server_id:  # never met (an enrolment without hello): ask first
            hello = _hello(link, state)
            report.skew = hello.skew
            limits = hello.hello.limits or PROTOCOL_1
        sync_models.remember_epoch(state.device_id, state.lease_epoch)
        report.signing = pki.sync_signing(store, link)
        chunk = blob_chunk or blobs.REQUEST_BYTES
        todo = blobs.missing_on_server(store, link)
        twin = link.twin() if todo else None
        if twin is None:
            report.blob_bytes_up = blobs.upload_todo(store, link, todo, chunk_size=chunk)
        else:  # blobs on a second connection while the records that need none go up
            uploader = lanes.Uploader(store, twin, todo, chunk)
        crl_number = office_count = 0
        while report.batches < MAX_BATCHES:
            limit = min(batch_size or limits.max_mutations, limits.max_mutations)
            max_bytes = min(REQUEST_BYTES, limits.max_body // 2)
            held = uploader.held() if uploader else frozenset()
            before = clock.now()
            try:
                batch, response = push_pull(
                    store, link, state, limit=limit, max_bytes=max_bytes, page_bytes=PAGE_BYTES,
                    held_blobs=held, audit_run=limits.audit_run, log_id=log_id,
                )  # fmt: skip
            except RequestTooLarge:
                if limits == PROTOCOL_1:
                    raise
                limits = PROTOCOL_1  # an older server: its limits are protocol 1's
                continue
            _same_server(link, state, response)
            if log_id and response.log_from == log_id and response.log_id != log_id:
                _begin_reconcile(store, log_id)  # the hub was restored from a backup
            restart = log_id is not None and _other_log(response, log_id, batch.request.cursor)
            if restart:  # its acks and changes are real; its cursor skipped the log's start
                move_cursor(store, 0)
                response = response.model_copy(update={"cursor": 0, "more": True})
            if log_id is not None:
                log_id = report.log_id = response.log_id
            fetcher = _fetch_early(store, link, response, fetcher)
            if report.skew is None:
                report.skew = skew_of(response.server_time, before, clock.now())
            limits = response.limits or PROTOCOL_1
            state, applied = apply(store, batch, response, at_hub=log_id is not None)
            report.add(applied)
            crl_number = max(crl_number, response.crl_number)
            office_count = max(office_count, response.office_count)
            if progress:
                left = pending_count(store)
                expected = report.batches + math.ceil(left / limit) + int(response.more)
                progress(report.batches, expected)
            if batch.held and uploader and (not batch.sent or batch.held == _left(store)):
                report.blob_bytes_up = uploader.wait()  # only records naming its blobs are left
            if response.late:
                continue  # our request number was behind the server's (a restored store)
            if restart:
                continue  # the pull goes on from the start of the server's new log
            if applied.requeued:  # records a restored hub lacks: their files first, then them
                report.blob_bytes_up += blobs.upload_missing(store, link, chunk_size=chunk)
                continue
            if batch.request.audit and not limits.audit_run:
                continue  # an older server ignored the short run: its entries go as mutations
            if not (response.more or batch.more_local or applied.copies):
                break
            if batch.held and not batch.sent and not response.changes:
                continue  # the records held back go now that their blobs are up
            if not (applied.acked or applied.audit or response.changes):
                raise SyncError(_("Sinkronisasi tidak maju; coba lagi nanti."))
        if uploader:
            report.blob_bytes_up = uploader.wait()
        report.delivery = delivery.send_ready(store, link, state.office_id, office_count)
        if report.delivery.sent:  # the sent deliveries' records come back at once
            _pull(store, link, state, report, limit, max_bytes, limits.audit_run, log_id)
        early: list[str] = []
        if fetcher:
            fetcher.wait()
            early = fetcher.fetched
        report.blobs_down = len(set(early) | set(blobs.download_wanted(store, link)))
        if crl_number:
            pki.newer_trust(store, link, crl_number, report.signing)
    except SyncError as exc:
        detail = getattr(exc, "detail", "")
        log.info("sync failed: %s%s", exc.message, f" ({detail})" if detail else "")
        _note_error(store, exc.message)
        raise
    finally:
        for lane in (uploader, fetcher):
            if lane:
                lane.stop()
        if transport is None:
            link.close()
    report.pending = pending_count(store)
    report.finished_at = state.last_sync_at
    return report


def move_cursor(store: Store, cursor: int) -> None:
    """Set the change-log cursor (which answers only ever raise) to ``cursor``: the place of
    another log, or 0 to pull one from its start."""
    with store.write() as session:
        current = sync_models.enrolment(session)
        if current is not None:
            current.cursor = cursor
            session.add(current)


def _begin_reconcile(store: Store, old_log: str) -> None:
    """Start reconciling with a hub restored from a backup of the log ``old_log``."""
    with store.write() as session:
        current = sync_models.enrolment(session)
        if current is not None and current.reconcile_log != old_log:
            reconcile.begin(session, current, old_log)


def _other_log(response: SyncResponse, log_id: str, cursor: int) -> bool:
    """Did the cursor sent (``cursor``, counted in the change log ``log_id``) reach a server
    whose log is another one (a hub rebuilt from central at the same address)? Then the answer's
    cursor is that of a pull that skipped the new log's beginning. A pull from 0 is whole in any
    log."""
    if response.log_id == log_id or cursor == 0:
        return False
    log.info("the server's change log is another one now: pulling it from the start")
    return True


def _pull(
    store: Store,
    link: Transport,
    state: SyncState,
    report: SyncReport,
    limit: int,
    max_bytes: int,
    audit_run: bool,
    log_id: str | None,
) -> None:
    for _round in range(MAX_BATCHES):
        batch, response = push_pull(
            store, link, state, limit=limit, max_bytes=max_bytes, page_bytes=PAGE_BYTES,
            audit_run=audit_run, log_id=log_id,
        )  # fmt: skip
        _same_server(link, state, response)
        state, applied = apply(store, batch, response, at_hub=log_id is not None)
        report.add(applied)
        ignored = batch.request.audit is not None and not (
            response.limits and response.limits.audit_run
        )
        audit_run = audit_run and not ignored
        if not (response.more or response.late or batch.more_local or ignored):
            return


def _fetch_early(
    store: Store, link: Transport, response: SyncResponse, fetcher: lanes.Fetcher | None
) -> lanes.Fetcher | None:
    """Start fetching the blobs an answer's changes name that this PC lacks, on a second
    connection, before the answer is applied (the fetch overlaps the apply and the next pages);
    ``download_wanted`` at the end picks up whatever this did not finish."""
    names: set[str] = set()
    for change in response.changes:
        if change.op == Op.UPSERT:
            names |= records.blob_hashes(change.entity, change.fields)
    local = BlobStore(store.blob_dir)
    wanted = sorted(h for h in names if not local.has(h))
    if not wanted:
        return fetcher
    if fetcher is None:
        twin = link.twin()
        if twin is None:
            return None
        fetcher = lanes.Fetcher(local, twin)
    fetcher.add(wanted)
    return fetcher


def _left(store: Store) -> int:
    """Records (outbox groups) still waiting to go up."""
    with store.read() as session:
        return len(session.exec(select(Outbox.entity, Outbox.entity_id).distinct()).all())


def _same_server(link: Transport, state: SyncState, response: SyncResponse) -> None:
    """Refuse an answer from another server than the one this PC enrolled with (a reinstalled
    server at the same address): nothing of it is applied."""
    if state.server_id and response.server_id and response.server_id != state.server_id:
        raise _other_server(link)


def _other_server(link: Transport) -> SyncError:
    error = SyncError(
        _("Server di {url} bukan server tempat PC ini terdaftar.").format(url=link.base_url)
    )
    error.retry = False
    return error


def _hello(link: Transport, state: SyncState) -> HelloResult:
    hello = link.hello()
    if state.server_id and hello.hello.server_id != state.server_id:
        raise _other_server(link)
    return hello


def _note_error(store: Store, message: str) -> None:
    with store.write() as session:
        state = sync_models.enrolment(session)
        if state is not None:
            state.last_error = message[:500]
            session.add(state)
