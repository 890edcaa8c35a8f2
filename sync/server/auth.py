"""Devices: enrolment with a one-time code, bearer tokens, and the rate limit on enrolment.

A token is 32 random bytes (urlsafe base64) handed out once; the server stores only its SHA-256,
so a copy of the database does not let anyone act as a device. Tokens are never logged.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

from sqlalchemy import Engine, select

from sync.protocol import EnrollRequest, EnrollResponse
from sync.server import db
from sync.server.admin import hash_code


@dataclass(frozen=True)
class Device:
    id: str
    office_id: str
    name: str


class EnrolRefused(Exception):
    """A wrong, used or expired code, or a code of another office (HTTP 403)."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def enrol(engine: Engine, request: EnrollRequest) -> EnrollResponse:
    """Exchange a valid one-time code for a new device and its token.

    The code is consumed in the same transaction that creates the device, so it works once even
    under concurrent attempts. Raises ``EnrolRefused`` with a message a person can act on."""
    token = secrets.token_urlsafe(32)
    now = db.utcnow()
    with db.write_tx(engine) as conn:
        office = conn.execute(
            select(db.offices.c.id, db.offices.c.code).where(
                db.offices.c.code == request.office_code.strip()
            )
        ).first()
        code_hash = hash_code(request.enrol_code)
        code = conn.execute(
            select(db.enrol_codes).where(db.enrol_codes.c.code_hash == code_hash).with_for_update()
        ).first()
        if office is None or code is None or code.office_id != office.id:
            raise EnrolRefused("Kode pendaftaran atau kode kantor salah.")
        if code.used_at is not None:
            raise EnrolRefused("Kode pendaftaran sudah dipakai; minta kode baru.")
        if db.aware(code.expires_at) <= now:
            raise EnrolRefused("Kode pendaftaran sudah kedaluwarsa; minta kode baru.")
        device_id = db.new_id()
        conn.execute(
            db.devices.insert().values(
                id=device_id,
                office_id=office.id,
                name=request.device_name.strip() or "PC",
                token_hash=hash_token(token),
                created_at=now,
                lease_epoch=0,
            )
        )
        conn.execute(
            db.enrol_codes.update()
            .where(db.enrol_codes.c.code_hash == code.code_hash)
            .values(used_at=now, device_id=device_id)
        )
    return EnrollResponse(
        device_id=device_id, office_id=office.id, office_code=office.code, token=token
    )


def authenticate(engine: Engine, authorization: str | None) -> Device | None:
    """The live (not revoked) device owning the bearer token in ``authorization``, or None."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        return None
    with db.read_tx(engine) as conn:
        row = conn.execute(
            select(db.devices.c.id, db.devices.c.office_id, db.devices.c.name).where(
                db.devices.c.token_hash == hash_token(token), db.devices.c.revoked_at.is_(None)
            )
        ).first()
    return Device(row.id, row.office_id, row.name) if row else None


class AttemptLimiter:
    """At most ``limit`` failed attempts per key within ``window`` seconds (in this process)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._recent(key, time.monotonic())) >= self.limit

    def failed(self, key: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._recent(key, now).append(now)
            if len(self._failures) > 10_000:  # forget idle keys; never grow without bound
                for stale in [k for k, v in self._failures.items() if not v]:
                    del self._failures[stale]
