"""Sync state kept by the store: enrolment and cursors, conflicts, number leases, and the few
values that live in the OS keyring instead of the file.

Tables (migration 0003):
- ``sync_state``: one row (id 1) once the PC is enrolled; absent on a standalone PC.
- ``conflict``: conflict records as the server made them (they sync down like any record), plus
  rows this PC made itself for a refused write (``version`` 0, never pushed).
- ``number_lease``: blocks of sequence numbers the server granted this device.
- ``blob_wanted``: blobs that synced records refer to and this PC still lacks.
- ``reconcile_record`` (migration 0016): records to reconcile with a hub restored from a backup.

Secrets never touch the data dir: the device token, the newest lease epoch and the highest
number issued per series live in the OS keyring (service ``naskah-sync``), keyed by device id.
A store restored from an old backup therefore holds less than the keyring remembers, and
``take_leased_number`` refuses to hand out anything it may already have used.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Index, Integer, Text, event
from sqlmodel import Field, Session, SQLModel, col, select

from desktop.store import clock
from desktop.store.ids import uuid7

KEYRING_SERVICE = "naskah-sync"


class SyncState(SQLModel, table=True):
    __tablename__ = "sync_state"
    id: int = Field(default=1, primary_key=True)
    server_url: str
    server_id: str = ""
    device_id: str
    device_name: str = ""
    office_id: str
    office_code: str
    cursor: int = 0  # the server change-log seq applied up to
    audit_cursor: int = 0  # audit_entry.seq pushed up to (audit goes up, never down)
    lease_epoch: int = 0  # newest lease epoch this store holds
    # The last sync request number taken (each request and bundle batch takes the next one;
    # the server applies nothing from a request older than one it already took from us).
    request_seq: int = 0
    # Unused numbers per series the administrator asked the server for (before a long time
    # offline); sent with every request until an answer has granted it, then 0.
    lease_reserve: int = 0
    # The request number of the newest answer applied here: sent with every request so that
    # the server can forget the acks that answer carried (docs/sync-protocol.md).
    answered_seq: int = 0
    # The server's public key (PEM): replies to this PC's bundles must carry its signature.
    server_key: str = ""
    enrolled_at: datetime = Field(default_factory=clock.now)
    last_sync_at: datetime | None = None
    last_error: str = ""
    # While this PC reconciles with an office hub restored from a backup: the hub's change log
    # before the restore, which the versions in ``reconcile_record`` count in ("": not).
    reconcile_log: str = ""


class Conflict(SQLModel, table=True):
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    version: int = 0  # 0: made on this PC for a refused write; never sent
    deleted_at: datetime | None = None
    entity: str
    entity_id: str = Field(index=True)
    base_version: int = 0
    fields: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    server_values: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON
    client_values: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON
    device_id: str | None = None
    reason: str = ""
    created_at: datetime = Field(default_factory=clock.now)
    resolved_at: datetime | None = Field(default=None, index=True)
    resolved_by: str | None = None


class NumberLease(SQLModel, table=True):
    __tablename__ = "number_lease"
    __table_args__ = (Index("ix_number_lease_series_year", "series", "year"),)
    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    series: str
    year: int
    start: int
    end: int
    next: int  # the next unused number of this block (end + 1 when used up)
    epoch: int


class ReconcileRecord(SQLModel, table=True):
    """A record whose local version counts in the change log of an office hub before the hub
    was restored from a backup (``sync.client.reconcile``): until a version of the new log
    reaches it, this PC's copy is compared with the hub's and sent back where they differ."""

    __tablename__ = "reconcile_record"
    entity: str = Field(primary_key=True)
    entity_id: str = Field(primary_key=True)
    # The outbox row that sends this PC's whole copy back (None: none queued): while it is the
    # record's only pending row, the mutation says it is a copy (``Mutation.copy_of``).
    copy_seq: int | None = None


class BlobWanted(SQLModel, table=True):
    """A blob a synced record refers to that this PC does not hold yet ("lampiran menyusul")."""

    __tablename__ = "blob_wanted"
    sha256: str = Field(primary_key=True, max_length=64)
    since: datetime = Field(default_factory=clock.now)


# --- the OS keyring ------------------------------------------------------------------------


def _keyring() -> Any:
    # Imported on first use: loading keyring's backends costs start-up ~50 ms it does not need.
    import keyring

    return keyring


def keyring_problem() -> str | None:
    """None when the OS keyring can keep, give back and forget a secret; otherwise why not
    (the backend's own words, for the log). Tried with a throwaway entry, before enrolment
    asks the server for a token that could not be kept."""
    probe, value = "keyring-check", uuid7()
    try:
        _keyring().set_password(KEYRING_SERVICE, probe, value)
        readable = _keyring().get_password(KEYRING_SERVICE, probe) == value
        _keyring().delete_password(KEYRING_SERVICE, probe)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"[:300]
    return None if readable else "the keyring did not give back what was stored"


def token(device_id: str) -> str | None:
    return _keyring().get_password(KEYRING_SERVICE, device_id)


def save_token(device_id: str, value: str) -> None:
    _keyring().set_password(KEYRING_SERVICE, device_id, value)


def bundle_key(device_id: str) -> str | None:
    """The device's bundle-signing private key (PEM), kept in the OS keyring like the token."""
    return _keyring().get_password(KEYRING_SERVICE, f"{device_id}:bundle-key")


def save_bundle_key(device_id: str, private_pem: str) -> None:
    _keyring().set_password(KEYRING_SERVICE, f"{device_id}:bundle-key", private_pem)


def office_key(device_id: str) -> bytes | None:
    """The office's verification-code key the server gave this PC (OS keyring), or None."""
    found = _keyring().get_password(KEYRING_SERVICE, f"{device_id}:office-key")
    return bytes.fromhex(found) if found else None


def save_office_key(device_id: str, key_hex: str) -> None:
    _keyring().set_password(KEYRING_SERVICE, f"{device_id}:office-key", key_hex)


def keyring_epoch(device_id: str) -> int:
    raw = _keyring().get_password(KEYRING_SERVICE, f"{device_id}:lease-epoch")
    return int(raw) if raw and raw.isdigit() else 0


def remember_epoch(device_id: str, epoch: int) -> None:
    """Raise the keyring's lease epoch to ``epoch`` (it never goes down)."""
    if epoch > keyring_epoch(device_id):
        _keyring().set_password(KEYRING_SERVICE, f"{device_id}:lease-epoch", str(epoch))


def _hwm_key(device_id: str, series: str, year: int) -> str:
    return f"{device_id}:issued:{series}:{year}"


def issued_high_water(device_id: str, series: str, year: int) -> int:
    raw = _keyring().get_password(KEYRING_SERVICE, _hwm_key(device_id, series, year))
    return int(raw) if raw and raw.isdigit() else 0


def remember_issued(device_id: str, series: str, year: int, seq: int) -> None:
    if seq > issued_high_water(device_id, series, year):
        _keyring().set_password(KEYRING_SERVICE, _hwm_key(device_id, series, year), str(seq))


# --- reading the state ---------------------------------------------------------------------


def enrolment(session: Session) -> SyncState | None:
    """The sync state row, or None on a standalone (never enrolled) PC."""
    return session.get(SyncState, 1)


def take_request_seqs(session: Session, count: int = 1) -> int:
    """Reserve ``count`` request numbers (caller's write transaction); return the first."""
    state = enrolment(session)
    assert state is not None, "not enrolled"
    first = state.request_seq + 1
    state.request_seq += count
    session.add(state)
    return first


def leases_void(state: SyncState) -> bool:
    """True when the store holds an older lease epoch than the keyring: it was restored from a
    backup, so its leases may already have been used; they stay void until the next sync."""
    return state.lease_epoch < keyring_epoch(state.device_id)


def take_leased_number(session: Session, state: SyncState, series: str, year: int) -> int | None:
    """Take the next number of ``series``/``year`` from this device's leases, in the caller's
    transaction; None when no usable lease is left (the caller tells the user to sync).

    Numbers only move upward: never at or below the highest one the keyring says this device
    issued (which survives a restore of the store from a backup). The keyring learns the new
    number after the transaction commits; a failed signing therefore leaves no gap.
    """
    if leases_void(state):
        return None
    floor = issued_high_water(state.device_id, series, year)
    leases = session.exec(
        select(NumberLease)
        .where(
            NumberLease.series == series,
            NumberLease.year == year,
            col(NumberLease.next) <= col(NumberLease.end),
        )
        .order_by(col(NumberLease.start))
    ).all()
    for lease in leases:
        seq = max(lease.next, floor + 1)
        lease.next = min(seq, lease.end) + 1
        session.add(lease)
        if seq <= lease.end:
            _after_commit(
                session, functools.partial(remember_issued, state.device_id, series, year, seq)
            )
            return seq
    return None


def _after_commit(session: Session, fn: Callable[[], None]) -> None:
    event.listen(session, "after_commit", lambda _s: fn(), once=True)


class SignerCredential(SQLModel, table=True):
    """A signer's certificate on this PC and where their passphrase-protected key lives.

    Local only: the key never leaves this PC, and the server keeps its own record of every
    certificate it issued. ``key_file`` is relative to the data dir. While an offline request
    waits for the server (bundle), the key sits encrypted in ``pending_key_file`` and
    ``cert_pem`` is empty."""

    __tablename__ = "signer_credential"
    id: str = Field(default_factory=uuid7, primary_key=True, max_length=36)
    person_id: str = Field(index=True)
    csr_pem: str = Field(default="", sa_column=Column(Text, nullable=False))
    cert_pem: str = Field(default="", sa_column=Column(Text, nullable=False))
    chain_pem: str = Field(default="", sa_column=Column(Text, nullable=False))
    serial: str = ""
    not_before: datetime | None = None
    not_after: datetime | None = None
    key_file: str = ""
    pending_key_file: str = ""
    created_at: datetime = Field(default_factory=clock.now)
    replaced_at: datetime | None = None  # a newer credential of the same person took over
    error: str = ""  # why the server refused the last request


class TrustMaterial(SQLModel, table=True):
    """The organisation's root and TSA certificates and newest CRL, as the server sent them
    (one row, id 1). Signatures are checked offline against these."""

    __tablename__ = "trust_material"
    id: int = Field(default=1, primary_key=True)
    root_pem: str = Field(sa_column=Column(Text, nullable=False))
    tsa_pem: str = Field(default="", sa_column=Column(Text, nullable=False))
    crl_pem: str = Field(default="", sa_column=Column(Text, nullable=False))
    crl_number: int = 0
    public_url: str = ""
    updated_at: datetime = Field(default_factory=clock.now)
