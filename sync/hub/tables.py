"""The hub's own tables, beside the server's (``sync.server.db``) in the hub's database."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, DateTime, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Connection

metadata = MetaData()

# Requests the hub accepted from its PCs and has not yet relayed to central, in apply order:
# each the PC's own request number and the mutations it newly applied, as the PC sent them.
# ``failed``: central refused the whole entry (the origin device is unknown or revoked there);
# it stays here for the administrator and no longer blocks the queue.
relay_queue = Table(
    "hub_relay",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("device_id", String(36), nullable=False),
    Column("request_seq", BigInteger),
    Column("mutations", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("failed", Text, nullable=False, default=""),
)

# Number blocks central granted to the hub device; PCs get sub-leases cut from them in order.
blocks = Table(
    "hub_blocks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("series", String(64), nullable=False),
    Column("year", Integer, nullable=False),
    Column("start_seq", Integer, nullable=False),
    Column("end_seq", Integer, nullable=False),
    Column("next_seq", Integer, nullable=False),
)

# Small values: the hub's cursor and request number at central, series the PCs asked for.
state = Table(
    "hub_state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Blobs central is known to hold for the office (asked once, then never again).
blobs_up = Table(
    "hub_blobs_up",
    metadata,
    Column("sha256", String(64), primary_key=True),
)


# The organisation's offices as central listed them (``GET /api/v1/offices``): the hub answers
# its PCs' ``/offices`` from here, so a letter can be addressed to another office offline.
directory = Table(
    "hub_directory",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(64), nullable=False),
    Column("name", String(200), nullable=False),
)

# A PC's request only central can answer (a signer certificate, a delivery to another office),
# held while central is unreachable so that a hub bundle can carry it (``sync.hub.waiting``).
# ``status`` 0: waiting for central; otherwise central's answer (HTTP status and JSON body),
# kept until the PC asks again and takes it.
waiting = Table(
    "hub_waiting",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("device_id", String(36), primary_key=True),
    Column("key", String(64), primary_key=True),  # the person id / the delivery id
    Column("request", Text, nullable=False),  # the PC's request body (JSON)
    Column("status", Integer, nullable=False, default=0),
    Column("answer", Text, nullable=False, default=""),
)


# Set by ``naskah-server hub restore`` (sync.hub.restore): per record, its version when the
# backup was put back (``version``, 0: a record the backup lacked), the newest version of the
# old log whose changes the record now holds (``old_version``), and the newest version of the
# old log that a PC's whole copy put here as it was (``copy_old``), at this hub's version
# ``copy_new``. A PC that read its versions in the old log (the request's ``base_log``) gets
# its bases taken to a version this hub really holds: what the old log gave after the backup
# is not this database's history.
restore_base = Table(
    "hub_restore_base",
    metadata,
    Column("entity", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("old_version", Integer, nullable=False),
    Column("copy_old", Integer, nullable=False),
    Column("copy_new", Integer, nullable=False),
)


def get(conn: Connection, key: str, default: str = "") -> str:
    from sqlalchemy import select

    value = conn.execute(select(state.c.value).where(state.c.key == key)).scalar()
    return default if value is None else str(value)


def put(conn: Connection, key: str, value: str) -> None:
    from sqlalchemy import select

    if conn.execute(select(state.c.key).where(state.c.key == key)).first() is None:
        conn.execute(state.insert().values(key=key, value=value))
    else:
        conn.execute(state.update().where(state.c.key == key).values(value=value))
