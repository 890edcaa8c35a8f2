"""The server's key pair and the devices' public keys (sync.sealing): who made a bundle, and
the signature on a reply."""

from __future__ import annotations

import logging
import secrets

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select
from sqlalchemy.engine import Connection

from sync import sealing
from sync.server import db
from sync.server.auth import Device

log = logging.getLogger("naskah.server")


def server_key(conn: Connection) -> tuple[ec.EllipticCurvePrivateKey, str]:
    """The server's private key and public PEM, made on first use (safe under concurrency:
    the first one stored wins)."""
    t = db.server_keys
    row = conn.execute(select(t.c.private_key, t.c.public_key).where(t.c.id == 1)).first()
    if row is None:
        key = sealing.new_private_key()
        db.insert_ignore(
            conn,
            t,
            id=1,
            private_key=sealing.private_pem(key),
            public_key=sealing.public_pem(key),
            created_at=db.utcnow(),
        )
        row = conn.execute(select(t.c.private_key, t.c.public_key).where(t.c.id == 1)).one()
    return sealing.load_private(str(row.private_key)), str(row.public_key)


def office_code_key(conn: Connection, office_id: str) -> bytes:
    """The office's verification-code key, made on first use (the first one stored wins)."""
    t = db.office_keys
    found = conn.execute(select(t.c.code_key).where(t.c.office_id == office_id)).scalar()
    if found is None:
        db.insert_ignore(
            conn,
            t,
            office_id=office_id,
            code_key=secrets.token_hex(32),
            created_at=db.utcnow(),
        )
        found = conn.execute(select(t.c.code_key).where(t.c.office_id == office_id)).scalar_one()
    return bytes.fromhex(str(found))


def device_key(conn: Connection, device_id: str) -> str | None:
    """The device's public key PEM, or None if it never told the server."""
    t = db.device_keys
    found = conn.execute(select(t.c.public_key).where(t.c.device_id == device_id)).scalar()
    return str(found) if found is not None else None


def remember_device_key(conn: Connection, device: Device, public_pem: str) -> None:
    """Keep the first key a device sends over its authenticated sync; a different one later is
    ignored (logged): a device's key never changes without the administrator."""
    known = device_key(conn, device.id)
    if known is None:
        db.insert_ignore(
            conn,
            db.device_keys,
            device_id=device.id,
            public_key=public_pem,
            created_at=db.utcnow(),
        )
    elif known.strip() != public_pem.strip():
        log.warning("device %s sent a different bundle key; the first one stays", device.id)
