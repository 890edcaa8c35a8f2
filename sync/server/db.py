"""The server's own store: SQLAlchemy Core tables, engines for SQLite and PostgreSQL, transactions.

The schema is created with ``metadata.create_all`` by ``init_db`` (no Alembic for the server yet:
the first release has nothing to migrate from). Every table is office-scoped where it holds office
data; records live in a per-office namespace keyed by ``(office_id, entity, entity_id)``, so a
device of office B writing an id that exists in office A only ever touches its own office's copy.

Write transactions and the "safe watermark" problem (DESIGN.md, Sync): a client pages through the
change log with ``seq > cursor``. If sequence numbers could commit out of order (transaction T1
takes seq 7, T2 takes seq 8 and commits first), a client reading after T2's commit would move its
cursor to 8 and never see 7. We avoid that by serialising every writer of an office: each write
transaction first locks the office's counter row (``SELECT ... FOR UPDATE`` on PostgreSQL; on
SQLite ``BEGIN IMMEDIATE`` takes the single database write lock), then assigns seqs from that row
and commits before the lock is released. So within an office, seq order == commit order, and any
reader that sees seq N also sees every seq < N. Offices never wait for each other on PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, ProgrammingError

from sync import clock

metadata = MetaData()

ID = String(36)

server_identity = Table(
    "server_identity",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("server_id", ID, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

offices = Table(
    "offices",
    metadata,
    Column("id", ID, primary_key=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# One row per office: the lock every writer of the office takes, and the last change-log seq.
office_counters = Table(
    "office_counters",
    metadata,
    Column("office_id", ID, ForeignKey("offices.id"), primary_key=True),
    Column("last_seq", BigInteger, nullable=False, default=0),
)

devices = Table(
    "devices",
    metadata,
    Column("id", ID, primary_key=True),
    Column("office_id", ID, ForeignKey("offices.id"), nullable=False, index=True),
    Column("name", String(120), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("lease_epoch", Integer, nullable=False, default=0),  # newest epoch granted
)

# The highest request number taken from each device (SyncRequest.request_seq): a request at or
# below it arrived late and applies nothing new. Its own table, so that servers made before it
# gain it with ``init_db``.
device_requests = Table(
    "device_requests",
    metadata,
    Column("device_id", ID, ForeignKey("devices.id"), primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
)

# Each device's bundle-signing public key (sync.sealing), learnt over its authenticated sync.
device_keys = Table(
    "device_keys",
    metadata,
    Column("device_id", ID, ForeignKey("devices.id"), primary_key=True),
    Column("public_key", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Each office's verification-code key (sync.protocol.office_verify_code), made on first use.
office_keys = Table(
    "office_keys",
    metadata,
    Column("office_id", ID, ForeignKey("offices.id"), primary_key=True),
    Column("code_key", String(64), nullable=False),  # hex
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# The server's own key pair: it signs bundle replies (the PCs hold its public key).
server_keys = Table(
    "server_keys",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("private_key", Text, nullable=False),
    Column("public_key", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

enrol_codes = Table(
    "enrol_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("office_id", ID, ForeignKey("offices.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("device_id", ID),
)

records = Table(
    "records",
    metadata,
    Column("office_id", ID, ForeignKey("offices.id"), primary_key=True),
    Column("entity", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("fields", JSON, nullable=False),
    Column("updated_by_device", ID),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Every version of every record: the bases of three-way merges, and who wrote what.
history = Table(
    "history",
    metadata,
    Column("office_id", ID, primary_key=True),
    Column("entity", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("deleted", Boolean, nullable=False),
    Column("fields", JSON, nullable=False),
    Column("device_id", ID),
    Column("mutation_id", String(64)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# The per-office change feed. Only the newest entry of a record is kept (older ones are
# superseded: the newest carries the full row), so a client never downloads dead versions.
change_log = Table(
    "change_log",
    metadata,
    Column("office_id", ID, primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Index("ix_change_log_record", "office_id", "entity", "entity_id"),
)

applied_mutations = Table(
    "applied_mutations",
    metadata,
    Column("mutation_id", String(64), primary_key=True),
    Column("device_id", ID, nullable=False),
    Column("office_id", ID, nullable=False),
    Column("ack", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # The request number of the newest answer that carried this ack to a device that confirms
    # answers (``SyncRequest.answered_seq``); null: never pruned (sync.server.pruning).
    Column("delivered_seq", BigInteger, nullable=True),
    Index("ix_applied_mutations_delivered", "device_id", "delivered_seq"),
)

# Per device, the newest answer whose acks were pruned: a request that confirms less (a store
# restored from an older backup) may carry mutations whose acks are gone (sync.server.pruning).
ack_pruning = Table(
    "ack_pruning",
    metadata,
    Column("device_id", ID, primary_key=True),
    Column("pruned_seq", BigInteger, nullable=False),
)

leases = Table(
    "leases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("office_id", ID, nullable=False),
    Column("device_id", ID, ForeignKey("devices.id"), nullable=False),
    Column("series", String(64), nullable=False),
    Column("year", Integer, nullable=False),
    Column("start_seq", Integer, nullable=False),
    Column("end_seq", Integer, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("voided_at", DateTime(timezone=True)),
    Index("ix_leases_device", "device_id", "series", "year"),
)

# Next unleased sequence number per office, series and year: blocks never overlap.
lease_counters = Table(
    "lease_counters",
    metadata,
    Column("office_id", ID, primary_key=True),
    Column("series", String(64), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("next_seq", Integer, nullable=False),
)

issued_numbers = Table(
    "issued_numbers",
    metadata,
    Column("office_id", ID, nullable=False),
    Column("series", String(64), nullable=False),
    Column("year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("device_id", ID, nullable=False),
    UniqueConstraint("office_id", "series", "year", "seq", name="uq_issued_number"),
)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Which offices may see a blob: one of their devices uploaded it in full.
blob_offices = Table(
    "blob_offices",
    metadata,
    Column("sha256", String(64), ForeignKey("blobs.sha256"), primary_key=True),
    Column("office_id", ID, primary_key=True),
    Column("device_id", ID),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Devices the administrator made office hubs (``naskah-server hub allow``, docs/office-hub.md):
# only they may read the office's devices and relay other devices' requests.
hub_devices = Table(
    "hub_devices",
    metadata,
    Column("device_id", ID, ForeignKey("devices.id"), primary_key=True),
    Column("office_id", ID, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# -- signing (sync/server/pki.py) ---------------------------------------------------------------

# Server-wide settings kept in the database (e.g. ``public_url``), so that ``serve`` and the
# bundle import agree on them.
server_config = Table(
    "server_config",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# The organisation's CA: "root" and "tsa", each a certificate and its private key as PKCS#8 PEM
# encrypted under the CA passphrase (never stored in clear).
pki_keys = Table(
    "pki_keys",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("cert_pem", Text, nullable=False),
    Column("key_pem", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Every revocation list the root signed; the one with the highest number is current.
crls = Table(
    "crls",
    metadata,
    Column("crl_number", BigInteger, primary_key=True, autoincrement=False),
    Column("crl_pem", Text, nullable=False),
    Column("this_update", DateTime(timezone=True), nullable=False),
    Column("next_update", DateTime(timezone=True), nullable=False),
)

# Every signer certificate the root issued.
certificates = Table(
    "certificates",
    metadata,
    Column("serial", String(40), primary_key=True),  # lowercase hex, no leading zeros
    Column("office_id", ID, ForeignKey("offices.id"), nullable=False, index=True),
    Column("person_id", String(64), nullable=False),
    Column("device_id", ID),
    Column("subject", String(500), nullable=False),
    Column("not_before", DateTime(timezone=True), nullable=False),
    Column("not_after", DateTime(timezone=True), nullable=False),
    Column("cert_pem", Text, nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    Column("revocation_reason", String(32)),
    Index("ix_certificates_person", "office_id", "person_id"),
)

# The public verification page's index: a letter's ``verify_code`` -> the letter.
verify_codes = Table(
    "verify_codes",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("office_id", ID, nullable=False),
    Column("letter_id", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Which ``letter_signature`` records belong to which letter (the verification page lists them).
letter_signatures = Table(
    "letter_signatures",
    metadata,
    Column("office_id", ID, primary_key=True),
    Column("letter_id", String(64), primary_key=True),
    Column("signature_id", String(64), primary_key=True),
)

# Letters delivered between offices (sync/server/delivery.py): the server's own account of each
# delivery. ``rev`` grows with every change; ``sender_rev``/``recipient_rev`` say which
# ``rev`` each office's ``delivery`` record shows, so that each office's copy is written under
# its own lock at its own next sync (no request ever takes two offices' locks).
deliveries = Table(
    "deliveries",
    metadata,
    Column("id", String(64), primary_key=True),  # the sender's delivery record id
    Column("sender_office_id", ID, ForeignKey("offices.id"), nullable=False, index=True),
    Column("recipient_office_id", ID, ForeignKey("offices.id"), nullable=False, index=True),
    Column("letter_id", String(64), nullable=False),
    Column("pdf_hash", String(64), nullable=False),
    Column("fields", JSON, nullable=False),  # what the recipient receives about the letter
    Column("state", String(16), nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True)),
    Column("read_at", DateTime(timezone=True)),
    Column("rev", Integer, nullable=False),
    Column("sender_rev", Integer, nullable=False),
    Column("recipient_rev", Integer, nullable=False),
    UniqueConstraint("sender_office_id", "letter_id", "recipient_office_id", name="uq_delivery"),
)

# Access by sifat (sync/server/access.py): the people a review step or disposition puts on a
# letter, and the records held back from a device whose users may not see them (yet).
access_readers = Table(
    "access_readers",
    metadata,
    Column("office_id", ID, primary_key=True),
    Column("root_entity", String(32), primary_key=True),
    Column("root_id", String(64), primary_key=True),
    Column("person_id", String(64), primary_key=True),
)
withheld = Table(
    "withheld",
    metadata,
    Column("device_id", ID, ForeignKey("devices.id"), primary_key=True),
    Column("entity", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
)


def utcnow() -> datetime:
    return clock.now()


def aware(value: datetime) -> datetime:
    """SQLite hands timestamps back naive; every timestamp we store is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def new_id() -> str:
    """A UUIDv7 string (time-ordered, like the ids the PCs make)."""
    ms = int(utcnow().timestamp() * 1000)
    rand = int.from_bytes(uuid.uuid4().bytes[6:], "big") & ((1 << 74) - 1)
    rand_a, rand_b = rand >> 62, rand & ((1 << 62) - 1)
    value = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return str(uuid.UUID(int=value))


def normalise_url(url: str) -> str:
    """``postgresql://`` -> the psycopg 3 driver; a bare path -> a SQLite file."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


WAL_SIZE_LIMIT = 64 * 1024 * 1024
CHECKPOINT_EVERY_S = 300.0


def checkpoint(engine: Engine) -> tuple[int, int] | None:
    """SQLite: copy the WAL into the database and truncate it (``wal_checkpoint(TRUNCATE)``,
    waiting up to the busy timeout for readers of older snapshots), so that a server that never
    pauses does not grow its WAL without end. Returns (WAL pages, pages checkpointed), or None
    on PostgreSQL or when readers kept it busy (it is tried again later)."""
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as conn:
        row = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    busy, pages, done = (int(value) for value in row)
    return None if busy else (pages, done)


def make_engine(
    url: str,
    *,
    lock_timeout_s: float | None = None,
    idle_transaction_timeout_s: float | None = None,
    **kwargs: Any,
) -> Engine:
    """An engine for ``url``. SQLite: WAL, synchronous=FULL, a busy timeout, and write
    transactions that start with ``BEGIN IMMEDIATE`` (see ``write_tx``). PostgreSQL: the
    given ``lock_timeout`` and ``idle_in_transaction_session_timeout`` (Settings), so that one
    stalled process cannot make every other request wait without end."""
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        kwargs.setdefault("pool_pre_ping", True)
        options = []
        if lock_timeout_s is not None:
            options.append(f"-c lock_timeout={int(lock_timeout_s * 1000)}")
        if idle_transaction_timeout_s is not None:
            ms = int(idle_transaction_timeout_s * 1000)
            options.append(f"-c idle_in_transaction_session_timeout={ms}")
        if options:
            kwargs.setdefault("connect_args", {})["options"] = " ".join(options)
        return create_engine(url, **kwargs)
    if ":memory:" in url or url in {"sqlite://", "sqlite:///"}:
        raise ValueError("the server needs a SQLite file, not an in-memory database")
    engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        # After a checkpoint has reset it, the WAL file is cut back to this size (by default
        # it stays as large as it ever grew: 1.24 GB, 6x the data, was seen).
        cur.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("naskah_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back on an exception.

    On SQLite it holds the database write lock from its first statement (``BEGIN IMMEDIATE``),
    so reads inside it are never stale. On PostgreSQL callers that write office data must call
    ``lock_office`` first."""
    with engine.connect() as conn:
        conn = conn.execution_options(naskah_write=True)
        with conn.begin():
            yield conn


@contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction (never takes the SQLite write lock)."""
    with engine.connect() as conn, conn.begin():
        yield conn


def lock_office(conn: Connection, office_id: str) -> int:
    """Take the office's writer lock for the rest of the transaction; return its last seq."""
    query = select(office_counters.c.last_seq).where(office_counters.c.office_id == office_id)
    if conn.dialect.name != "sqlite":
        query = query.with_for_update()
    last = conn.execute(query).scalar_one_or_none()
    if last is None:
        raise LookupError(f"unknown office {office_id}")
    return int(last)


# Columns added to tables that exist on servers made by an older version: (table, column).
ADDED_COLUMNS = (("applied_mutations", "delivered_seq"),)


def create_tables(engine: Engine) -> None:
    """Create every table that does not exist yet, and add the columns of ``ADDED_COLUMNS``
    that an existing table lacks (nullable, so existing rows stay as they are)."""
    from sqlalchemy import inspect
    from sqlalchemy.schema import CreateIndex

    metadata.create_all(engine)
    inspector = inspect(engine)
    for table_name, column_name in ADDED_COLUMNS:
        if column_name in {c["name"] for c in inspector.get_columns(table_name)}:
            continue
        table = metadata.tables[table_name]
        column = table.c[column_name]
        kind = column.type.compile(dialect=engine.dialect)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"ALTER TABLE {table_name} ADD COLUMN {column_name} {kind}")
            for index in table.indexes:
                if column_name in index.columns:
                    conn.execute(CreateIndex(index, if_not_exists=True))


def init_db(engine: Engine) -> str:
    """Create every table that does not exist yet; return the server id (made once)."""
    create_tables(engine)
    with write_tx(engine) as conn:
        existing = conn.execute(select(server_identity.c.server_id)).scalar_one_or_none()
        if existing:
            return str(existing)
        server_id = new_id()
        conn.execute(
            server_identity.insert().values(id=1, server_id=server_id, created_at=utcnow())
        )
        return server_id


def server_id(engine: Engine) -> str:
    """The server's id; RuntimeError with a clear message if the database is not initialised."""
    try:
        with read_tx(engine) as conn:
            value = conn.execute(select(server_identity.c.server_id)).scalar_one_or_none()
    except (OperationalError, ProgrammingError):  # no such table
        value = None
    if value is None:
        raise RuntimeError("the server database is not initialised (naskah-server init)")
    return str(value)


def insert_ignore(conn: Connection, table: Table, **values: Any) -> None:
    """INSERT that does nothing if the primary key exists (safe under concurrent writers)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(table).values(**values).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        conn.execute(sqlite_insert(table).values(**values).on_conflict_do_nothing())
