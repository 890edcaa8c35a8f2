"""Devices: enrolment with a one-time code, bearer tokens, and the limits on failed attempts.

A token is 32 random bytes (urlsafe base64) handed out once; the server stores only its SHA-256,
so a copy of the database does not let anyone act as a device. Tokens are never logged.

Failed enrolments are counted per client address, per office code named and per code presented
(``EnrolLimits``). The counters never refuse a valid unused code: a code of about 74 random bits
is what keeps guessers out, and a limit that refused good codes would let anyone who sends wrong
ones lock real PCs out (behind a proxy every PC may share one address). Past a limit a failure
is answered 429 without its reason, and the server logs a warning once per window.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import unicodedata
from collections import deque
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, select

from sync import clock
from sync.protocol import EnrollRequest, EnrollResponse
from sync.server import db
from sync.server.admin import hash_code

log = logging.getLogger("naskah.server")


@dataclass(frozen=True)
class Device:
    id: str
    office_id: str
    name: str


class EnrolRefused(Exception):
    """A wrong, used or expired code, or a code of another office (HTTP 403)."""


class Unauthorised(Exception):
    """No token, an unknown one, or the token of a revoked device (HTTP 401); the message says
    which, in Bahasa Indonesia."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def enrol(engine: Engine, request: EnrollRequest) -> EnrollResponse:
    """Exchange a valid one-time code for a new device and its token.

    The code is consumed in the same transaction that creates the device, so it makes one device
    even under concurrent attempts. Until that device confirms (its first sync), the same code
    may be presented again: it enrols the same device with a new token (the old one stops
    working), so a PC that lost the answer or could not store the token can simply retry.
    Raises ``EnrolRefused`` with a message a person can act on."""
    token = secrets.token_urlsafe(32)
    now = db.utcnow()
    office_code = request.office_code.strip()
    if _unstorable(office_code):  # no office has one (PostgreSQL text cannot even hold a NUL)
        raise EnrolRefused("Kode pendaftaran atau kode kantor salah.")
    device_name = "".join(ch for ch in request.device_name if not _unstorable(ch)).strip()
    with db.write_tx(engine) as conn:
        office = conn.execute(
            select(db.offices.c.id, db.offices.c.code).where(db.offices.c.code == office_code)
        ).first()
        code_hash = hash_code(request.enrol_code)
        code = conn.execute(
            select(db.enrol_codes).where(db.enrol_codes.c.code_hash == code_hash).with_for_update()
        ).first()
        if office is None or code is None or code.office_id != office.id:
            raise EnrolRefused("Kode pendaftaran atau kode kantor salah.")
        if db.aware(code.expires_at) <= now:
            raise EnrolRefused("Kode pendaftaran sudah kedaluwarsa; minta kode baru.")
        if code.used_at is not None:
            device_id = _unconfirmed_device(conn, code.device_id)
            if device_id is None:
                raise EnrolRefused("Kode pendaftaran sudah dipakai; minta kode baru.")
            # The PC never confirmed (it lost the answer, or could not keep the token): the
            # same code enrols it again, as the same device with a new token.
            conn.execute(
                db.devices.update()
                .where(db.devices.c.id == device_id)
                .values(token_hash=hash_token(token), name=device_name or "PC")
            )
        else:
            device_id = db.new_id()
            conn.execute(
                db.devices.insert().values(
                    id=device_id,
                    office_id=office.id,
                    name=device_name or "PC",
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
        if request.device_key:
            # The device's bundle key, kept with the device in the same transaction. A device
            # enrolling again with its unused code (it never synced) may bring a new key pair:
            # the code proves it is the same PC, so the new key replaces the one never used.
            conn.execute(db.device_keys.delete().where(db.device_keys.c.device_id == device_id))
            conn.execute(
                db.device_keys.insert().values(
                    device_id=device_id, public_key=request.device_key, created_at=now
                )
            )
    return EnrollResponse(
        device_id=device_id, office_id=office.id, office_code=office.code, token=token
    )


def _unconfirmed_device(conn: Connection, device_id: str | None) -> str | None:
    """``device_id`` if that device exists, is not revoked and has never synced."""
    if device_id is None:
        return None
    d = db.devices.c
    row = conn.execute(
        select(d.id).where(d.id == device_id, d.last_seen.is_(None), d.revoked_at.is_(None))
    ).first()
    return None if row is None else str(row.id)


MAX_TOKEN = 200  # characters; a real token has 43


def _unstorable(text: str) -> bool:
    """Does ``text`` hold a control character (NUL included) or a lone surrogate, which a
    database column should never get from a request?"""
    return any(unicodedata.category(ch) in {"Cc", "Cs"} for ch in text)


def authenticate(engine: Engine, authorization: str | None) -> Device:
    """The live device owning the bearer token in ``authorization``. Raises ``Unauthorised``
    with a message a person can act on (a revoked device is told so)."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Unauthorised("Permintaan tanpa token perangkat (Authorization: Bearer ...).")
    if len(token) > MAX_TOKEN:
        raise Unauthorised("Token perangkat tidak dikenal server ini; daftarkan ulang PC ini.")
    with db.read_tx(engine) as conn:
        row = conn.execute(
            select(
                db.devices.c.id, db.devices.c.office_id, db.devices.c.name, db.devices.c.revoked_at
            ).where(db.devices.c.token_hash == hash_token(token))
        ).first()
    if row is None:
        raise Unauthorised("Token perangkat tidak dikenal server ini; daftarkan ulang PC ini.")
    if row.revoked_at is not None:
        raise Unauthorised(
            f"Perangkat ini sudah dicabut oleh pengelola server pada "
            f"{db.aware(row.revoked_at):%d-%m-%Y}; daftarkan ulang PC ini dengan kode "
            "pendaftaran baru."
        )
    return Device(row.id, row.office_id, row.name)


class AttemptLimiter:
    """Failed attempts per key within ``window`` seconds, in this process, on the server's
    clock (``sync.clock``). Remembers at most ``max_keys`` keys: the stalest are forgotten."""

    def __init__(self, limit: int, window: float, max_keys: int = 10_000) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._failures: dict[str, deque[datetime]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: datetime) -> deque[datetime]:
        failures = self._failures.get(key)
        if failures is None:
            return deque()
        while failures and (now - failures[0]).total_seconds() >= self.window:
            failures.popleft()
        if not failures:
            del self._failures[key]
        return failures

    def count(self, key: str) -> int:
        """Failures of ``key`` within the window."""
        with self._lock:
            return len(self._recent(key, clock.now()))

    def blocked(self, key: str) -> bool:
        """Has ``key`` reached the limit within the window?"""
        return self.count(key) >= self.limit

    def failed(self, key: str) -> bool:
        """Count a failure of ``key``; True when this one reached the limit (log it once)."""
        with self._lock:
            now = clock.now()
            failures = self._recent(key, now)
            if not failures:
                self._failures[key] = failures
            failures.append(now)
            if len(self._failures) > self.max_keys:
                self._forget(now)
            return len(failures) == self.limit

    def _forget(self, now: datetime) -> None:
        for key in list(self._failures):
            self._recent(key, now)
        if len(self._failures) > self.max_keys:  # still full: drop the least recently failed
            keep = self.max_keys * 3 // 4
            by_last = sorted(self._failures, key=lambda k: self._failures[k][-1])
            for key in by_last[: len(by_last) - keep]:
                del self._failures[key]


class EnrolLimits:
    """The counters of failed enrolments: per client address, per office code, per code."""

    def __init__(self, per_address: int, per_office: int, per_code: int, window: float) -> None:
        self.address = AttemptLimiter(per_address, window)
        self.office = AttemptLimiter(per_office, window)
        self.code = AttemptLimiter(per_code, window)

    @staticmethod
    def _keys(client: str, request: EnrollRequest) -> tuple[str, str, str]:
        return client, request.office_code.strip(), hash_code(request.enrol_code)

    def exceeded(self, client: str, request: EnrollRequest) -> bool:
        """Has any counter of this attempt reached its limit?"""
        address, office, code = self._keys(client, request)
        return (
            self.address.blocked(address)
            or self.office.blocked(office)
            or (self.code.blocked(code))
        )

    def failed(self, client: str, request: EnrollRequest) -> None:
        """Count a failed attempt under each of its keys; warn when one reaches its limit."""
        address, office, code = self._keys(client, request)
        window = int(self.address.window)
        if self.address.failed(address):
            log.warning(
                "enrolment: %d failed attempts from address %s within %d s; further failures "
                "are answered 429",
                self.address.limit, address, window,
            )  # fmt: skip
        if self.office.failed(office):
            log.warning(
                "enrolment: %d failed attempts naming office code %r within %d s; further "
                "failures are answered 429",
                self.office.limit, office[:64], window,
            )  # fmt: skip
        if self.code.failed(code):
            log.warning(
                "enrolment: one code (sha256 %s...) failed %d times within %d s; further "
                "failures are answered 429",
                code[:12], self.code.limit, window,
            )  # fmt: skip
