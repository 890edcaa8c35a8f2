"""The organisation's certificate authority on the central server (docs/sync-protocol.md,
"Signing"; docs/admin-guide.md, "The organisation's CA").

The root and the TSA certificate live in ``pki_keys`` with their private keys as PKCS#8 PEM
encrypted under the CA passphrase; the passphrase itself is never stored. ``create_ca`` makes
them once (``naskah-server init``); ``load_keys`` unlocks them (``serve``, ``cert revoke``, the
bundle import). Everything public (root, TSA certificate, the newest CRL) can be read without
the passphrase, so a server started without it still publishes its trust material.

Certificates are issued only for a person the server knows as a record of the asking device's
office, active, with the ``signer`` role, and only for exactly the identity built from the
server's own person and office records (``SignerIdentity``). Every issued certificate is kept in
``certificates``; revoking one signs a new CRL with the next number, which devices learn from
``SyncResponse.crl_number``.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography import x509
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import Connection

from sync.pki import ca
from sync.pki.identity import SignerIdentity, office_label
from sync.pki.tsa import TSA_POLICY_PATTERN, LocalTimeStamper
from sync.protocol import CertificateIssued, CertificateRequest, Entity, TrustMaterial
from sync.server import db
from sync.server.auth import Device

log = logging.getLogger("naskah.server")

ROOT = "root"
TSA = "tsa"
DEFAULT_ORGANISATION = "Pemerintah Kabupaten"
PASSPHRASE_ENV = "NASKAH_CA_PASSPHRASE"
CREDENTIAL_NAME = "naskah-ca-passphrase"  # systemd LoadCredential= name (admin guide)
MIN_PASSPHRASE = 12
SIGNER_ROLE = "signer"
# A CRL is valid for CRL_VALIDITY; a server holding the key signs a fresh one (next number)
# once the newest is older than CRL_REFRESH_AFTER, so devices never hold an expired list.
CRL_VALIDITY = timedelta(days=30)
CRL_REFRESH_AFTER = timedelta(days=7)
PUBLIC_URL_KEY = "public_url"
TSA_POLICY_KEY = "tsa_policy_oid"

# ``cert revoke --reason`` values; "unspecified" puts no reason code in the CRL (RFC 5280 5.3.1).
REASONS: dict[str, x509.ReasonFlags | None] = {
    "unspecified": None,
    "key_compromise": x509.ReasonFlags.key_compromise,
    "superseded": x509.ReasonFlags.superseded,
    "cessation_of_operation": x509.ReasonFlags.cessation_of_operation,
    "affiliation_changed": x509.ReasonFlags.affiliation_changed,
}

NO_CA = "Server belum memiliki CA untuk tanda tangan elektronik; hubungi pengelola server."
NO_KEY = (
    "CA server sedang tidak aktif (kuncinya tidak dibuka saat server dijalankan); "
    "hubungi pengelola server."
)
PERSON_UNKNOWN = "Data pegawai belum tersinkron; sinkronkan dulu lalu coba lagi."
OFFICE_UNKNOWN = "Data kantor belum tersinkron; sinkronkan dulu lalu coba lagi."
NOT_A_SIGNER = "Pegawai ini tidak terdaftar sebagai penanda tangan aktif di kantor ini."


class PkiRefused(Exception):
    """A PKI request that cannot be served; ``status`` is the HTTP status, the message (Bahasa
    Indonesia) says why and what to do."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class WrongCaPassphrase(ValueError):
    """The passphrase does not open the stored CA keys."""


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` is not good enough for the CA keys, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"the CA passphrase must have at least {MIN_PASSPHRASE} characters"
    if passphrase != passphrase.strip():
        return "the CA passphrase must not start or end with spaces"
    return None


@dataclass(frozen=True)
class PublicMaterial:
    """What anyone may see: the root, the TSA certificate and the newest CRL."""

    root_pem: str
    tsa_pem: str
    crl_pem: str
    crl_number: int

    def trust(self, public_url: str) -> TrustMaterial:
        return TrustMaterial(
            root_pem=self.root_pem,
            tsa_pem=self.tsa_pem,
            crl_pem=self.crl_pem,
            crl_number=self.crl_number,
            public_url=public_url.rstrip("/"),
        )


class CaKeys:
    """The unlocked root and TSA keys with their certificates (never printed)."""

    def __init__(
        self,
        root_key: ca.CaKey,
        root_cert: x509.Certificate,
        tsa_key: ca.CaKey,
        tsa_cert: x509.Certificate,
        tsa_policy: str,
    ) -> None:
        self.root_key = root_key
        self.root_cert = root_cert
        self.tsa_key = tsa_key
        self.tsa_cert = tsa_cert
        self.timestamper = LocalTimeStamper(
            tsa_cert, tsa_key, [root_cert], clock=db.utcnow, policy_oid=tsa_policy
        )

    def __repr__(self) -> str:
        return f"<CaKeys {ca.common_name(self.root_cert.subject)!r}>"


@dataclass(frozen=True)
class CertificateRow:
    serial: str
    office_code: str
    person_id: str
    device_id: str | None
    subject: str
    not_before: datetime
    not_after: datetime
    issued_at: datetime
    revoked_at: datetime | None
    reason: str | None

    @property
    def name(self) -> str:
        match = re.search(r"(?:^|,)CN=((?:[^,\\]|\\.)*)", self.subject)
        return match.group(1).replace("\\", "") if match else self.subject


def serial_hex(serial: int) -> str:
    return format(serial, "x")


def normalise_serial(text: str) -> str:
    """A serial as typed (any case, with colons or spaces, leading zeros) -> ``serial_hex``."""
    cleaned = re.sub(r"[\s:]", "", text.strip().lower()).removeprefix("0x")
    if not cleaned or not re.fullmatch(r"[0-9a-f]{1,64}", cleaned):
        raise ValueError(f"not a certificate serial number: {text!r}")
    return serial_hex(int(cleaned, 16))


# -- the CA --------------------------------------------------------------------------------------


def ca_exists(conn: Connection) -> bool:
    row = conn.execute(select(db.pki_keys.c.kind).where(db.pki_keys.c.kind == ROOT)).first()
    return row is not None


def _lock_ca(conn: Connection) -> Any:
    """Take the CA's lock for the rest of the transaction (CRL numbers never collide); return
    the root row or None."""
    query = select(db.pki_keys).where(db.pki_keys.c.kind == ROOT)
    if conn.dialect.name != "sqlite":
        query = query.with_for_update()
    return conn.execute(query).first()


def _unlock(pem: str, passphrase: str) -> ca.CaKey:
    try:
        return ca.key_from_pem(pem.encode(), passphrase)
    except (ValueError, TypeError) as exc:
        raise WrongCaPassphrase("the CA passphrase is wrong") from exc


def create_ca(
    engine: Engine,
    organisation: str,
    passphrase: str,
    *,
    now: datetime | None = None,
) -> bool:
    """Make the root CA, the TSA certificate and the first (empty) CRL, each only if missing.
    Returns True when the root was created now, False when it existed (then the passphrase
    must open it: ``WrongCaPassphrase`` otherwise)."""
    if problem := passphrase_problem(passphrase):
        raise ValueError(problem)
    when = now or db.utcnow()
    with db.write_tx(engine) as conn:
        root_row = _lock_ca(conn)
        created = root_row is None
        if created:
            root_key, root_cert = ca.create_root_ca(organisation, now=when)
            conn.execute(
                db.pki_keys.insert().values(
                    kind=ROOT,
                    cert_pem=ca.cert_to_pem(root_cert).decode(),
                    key_pem=ca.key_to_pem(root_key, passphrase).decode(),
                    created_at=when,
                )
            )
        else:
            root_key = _unlock(root_row.key_pem, passphrase)
            root_cert = ca.cert_from_pem(root_row.cert_pem.encode())
        org = ca.organisation_of(root_cert)
        has_tsa = conn.execute(select(db.pki_keys.c.kind).where(db.pki_keys.c.kind == TSA)).first()
        if has_tsa is None:
            tsa_key, tsa_cert = ca.create_tsa(root_key, root_cert, org, now=when)
            conn.execute(
                db.pki_keys.insert().values(
                    kind=TSA,
                    cert_pem=ca.cert_to_pem(tsa_cert).decode(),
                    key_pem=ca.key_to_pem(tsa_key, passphrase).decode(),
                    created_at=when,
                )
            )
        if _newest_crl_row(conn) is None:
            _sign_crl(conn, root_key, root_cert, 1, when)
        if not tsa_policy(conn):
            conn.execute(
                db.server_config.insert().values(key=TSA_POLICY_KEY, value=new_tsa_policy())
            )
    return created


def load_keys(engine: Engine, passphrase: str) -> CaKeys:
    """Unlock the stored CA. ``PkiRefused(503)`` when there is none, ``WrongCaPassphrase``."""
    with db.read_tx(engine) as conn:
        rows = {r.kind: r for r in conn.execute(select(db.pki_keys))}
        policy = tsa_policy(conn)
    if ROOT not in rows or TSA not in rows:
        raise PkiRefused(503, NO_CA)
    if not policy:  # a CA made before the policy was configurable: give it its own now
        policy = store_tsa_policy(engine, new_tsa_policy())
    return CaKeys(
        _unlock(rows[ROOT].key_pem, passphrase),
        ca.cert_from_pem(rows[ROOT].cert_pem.encode()),
        _unlock(rows[TSA].key_pem, passphrase),
        ca.cert_from_pem(rows[TSA].cert_pem.encode()),
        policy,
    )


def public_material(conn: Connection) -> PublicMaterial | None:
    """The root, TSA certificate and newest CRL, or None when there is no CA yet."""
    rows = {
        r.kind: r.cert_pem for r in conn.execute(select(db.pki_keys.c.kind, db.pki_keys.c.cert_pem))
    }
    crl = _newest_crl_row(conn)
    if ROOT not in rows or TSA not in rows or crl is None:
        return None
    return PublicMaterial(rows[ROOT], rows[TSA], crl.crl_pem, int(crl.crl_number))


def crl_number(conn: Connection) -> int:
    """The number of the newest CRL (0: no CA)."""
    return int(conn.execute(select(func.coalesce(func.max(db.crls.c.crl_number), 0))).scalar_one())


def _newest_crl_row(conn: Connection) -> Any:
    return conn.execute(select(db.crls).order_by(db.crls.c.crl_number.desc()).limit(1)).first()


def _revocations(conn: Connection) -> list[ca.Revocation]:
    t = db.certificates
    rows = conn.execute(
        select(t.c.serial, t.c.revoked_at, t.c.revocation_reason)
        .where(t.c.revoked_at.is_not(None))
        .order_by(t.c.revoked_at)
    )
    return [
        ca.Revocation(int(r.serial, 16), db.aware(r.revoked_at), REASONS.get(r.revocation_reason))
        for r in rows
    ]


def _sign_crl(
    conn: Connection, root_key: ca.CaKey, root_cert: x509.Certificate, number: int, now: datetime
) -> int:
    crl = ca.build_crl(
        root_key,
        root_cert,
        _revocations(conn),
        crl_number=number,
        now=now,
        next_update=CRL_VALIDITY,
    )
    conn.execute(
        db.crls.insert().values(
            crl_number=number,
            crl_pem=ca.crl_to_pem(crl).decode(),
            this_update=crl.last_update_utc,
            next_update=crl.next_update_utc,
        )
    )
    return number


def refresh_crl(
    engine: Engine, keys: CaKeys, *, force: bool = False, now: datetime | None = None
) -> int:
    """Sign a new CRL (next number) when forced or when the newest is older than
    ``CRL_REFRESH_AFTER``; return the newest number."""
    when = now or db.utcnow()
    with db.write_tx(engine) as conn:
        _lock_ca(conn)
        newest = _newest_crl_row(conn)
        if (
            not force
            and newest is not None
            and db.aware(newest.this_update) > when - CRL_REFRESH_AFTER
        ):
            return int(newest.crl_number)
        number = int(newest.crl_number) + 1 if newest is not None else 1
        return _sign_crl(conn, keys.root_key, keys.root_cert, number, when)


def revoke(
    engine: Engine,
    keys: CaKeys,
    serial: str,
    reason: str = "unspecified",
    *,
    now: datetime | None = None,
) -> int:
    """Revoke the certificate ``serial`` and sign a new CRL; return its number.
    LookupError for an unknown serial, ValueError for a bad reason or one already revoked."""
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r} (one of: {', '.join(REASONS)})")
    serial = normalise_serial(serial)
    when = now or db.utcnow()
    t = db.certificates
    with db.write_tx(engine) as conn:
        _lock_ca(conn)
        row = conn.execute(select(t.c.revoked_at).where(t.c.serial == serial)).first()
        if row is None:
            raise LookupError(f"no certificate with serial {serial}")
        if row.revoked_at is not None:
            raise ValueError(f"certificate {serial} was already revoked at {row.revoked_at}")
        conn.execute(
            t.update().where(t.c.serial == serial).values(revoked_at=when, revocation_reason=reason)
        )
        newest = _newest_crl_row(conn)
        number = int(newest.crl_number) + 1 if newest is not None else 1
        return _sign_crl(conn, keys.root_key, keys.root_cert, number, when)


# -- server configuration --------------------------------------------------------------------


def new_tsa_policy() -> str:
    """A policy OID of this organisation's own: under the UUID arc 2.25 (ITU-T X.667), which
    needs no registration. An organisation with a registered arc sets that instead."""
    return f"2.25.{uuid.uuid4().int}"


def tsa_policy(conn: Connection) -> str:
    """The TSA policy OID its tokens name ("" when none is stored yet)."""
    value = conn.execute(
        select(db.server_config.c.value).where(db.server_config.c.key == TSA_POLICY_KEY)
    ).scalar_one_or_none()
    return str(value or "")


def store_tsa_policy(engine: Engine, oid: str) -> str:
    """Set the TSA policy OID (``naskah-server init --tsa-policy``); ValueError if malformed."""
    oid = oid.strip()
    if not re.fullmatch(TSA_POLICY_PATTERN, oid) or len(oid) > 200:
        raise ValueError(f"not an object identifier (e.g. 2.25.123...): {oid!r}")
    return _set_config(engine, TSA_POLICY_KEY, oid)


def stored_public_url(conn: Connection) -> str:
    value = conn.execute(
        select(db.server_config.c.value).where(db.server_config.c.key == PUBLIC_URL_KEY)
    ).scalar_one_or_none()
    return str(value or "")


def store_public_url(engine: Engine, url: str) -> str:
    """Remember the public base URL (``https://host[/prefix]``) for verification addresses."""
    url = url.strip().rstrip("/")
    if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
        raise ValueError(f"not an http(s) base URL: {url!r}")
    return _set_config(engine, PUBLIC_URL_KEY, url)


def _set_config(engine: Engine, key: str, value: str) -> str:
    with db.write_tx(engine) as conn:
        t = db.server_config
        if conn.execute(select(t.c.key).where(t.c.key == key)).first():
            conn.execute(t.update().where(t.c.key == key).values(value=value))
        else:
            conn.execute(t.insert().values(key=key, value=value))
    return value


# -- signer certificates ---------------------------------------------------------------------


def _record(conn: Connection, office_id: str, entity: Entity, entity_id: str) -> Any:
    t = db.records
    return conn.execute(
        select(t.c.deleted, t.c.fields).where(
            t.c.office_id == office_id, t.c.entity == entity.value, t.c.entity_id == entity_id
        )
    ).first()


def office_record(conn: Connection, office_id: str) -> dict[str, Any] | None:
    """The office's own ``office`` record (the newest live one), or None."""
    t = db.records
    row = conn.execute(
        select(t.c.fields)
        .where(t.c.office_id == office_id, t.c.entity == Entity.OFFICE.value, ~t.c.deleted)
        .order_by(t.c.updated_at.desc())
        .limit(1)
    ).first()
    return dict(row.fields) if row else None


def _roles(value: Any) -> set[str]:
    if isinstance(value, list):
        return {str(v).strip().lower() for v in value}
    return {part.strip().lower() for part in str(value or "").split(",")}


def signer_identity(conn: Connection, office_id: str, person_id: str) -> SignerIdentity:
    """The identity a certificate for ``person_id`` must carry, from the server's own records of
    the office. ``PkiRefused`` 404 (not synced yet), 403 (not an active signer), 422."""
    person = _record(conn, office_id, Entity.PERSON, person_id)
    if person is None:
        raise PkiRefused(404, PERSON_UNKNOWN)
    fields = dict(person.fields)
    if (
        person.deleted
        or fields.get("deleted_at")
        or fields.get("active", True) is False
        or SIGNER_ROLE not in _roles(fields.get("roles"))
    ):
        raise PkiRefused(403, NOT_A_SIGNER)
    office = office_record(conn, office_id)
    if office is None:
        raise PkiRefused(404, OFFICE_UNKNOWN)
    name, nip, jabatan = (str(fields.get(k) or "").strip() for k in ("name", "nip", "jabatan"))
    kecamatan, kabupaten = (str(office.get(k) or "").strip() for k in ("kecamatan", "kabupaten"))
    if not (name and re.fullmatch(r"\d{18}", nip.replace(" ", "")) and jabatan):
        raise PkiRefused(
            422, "Data pegawai belum lengkap (nama, NIP 18 angka, jabatan); lengkapi dulu."
        )
    if not (kecamatan and kabupaten):
        raise PkiRefused(422, "Data kantor belum lengkap (kecamatan, kabupaten); lengkapi dulu.")
    return SignerIdentity(name, nip, jabatan, office_label(kecamatan, kabupaten))


def issue_certificate(
    engine: Engine,
    keys: CaKeys,
    device: Device,
    request: CertificateRequest,
    *,
    days: int,
    crl_url: str | None = None,
    now: datetime | None = None,
) -> CertificateIssued:
    """A signer certificate for ``request`` from ``device`` (checks in ``signer_identity`` and
    ``sync.pki.ca.check_csr``); recorded in ``certificates``. ``PkiRefused`` otherwise."""
    with db.read_tx(engine) as conn:
        expected = signer_identity(conn, device.office_id, request.person_id)
    try:
        csr = ca.csr_from_pem(request.csr_pem.encode())
        cert = ca.issue_signer_certificate(
            csr,
            keys.root_key,
            keys.root_cert,
            days=days,
            expected=expected,
            crl_url=crl_url,
            now=now,
        )
    except ca.CsrRejected as exc:
        raise PkiRefused(422, str(exc)) from exc
    serial = serial_hex(cert.serial_number)
    with db.write_tx(engine) as conn:
        conn.execute(
            db.certificates.insert().values(
                serial=serial,
                office_id=device.office_id,
                person_id=request.person_id,
                device_id=device.id,
                subject=cert.subject.rfc4514_string()[:500],
                not_before=cert.not_valid_before_utc,
                not_after=cert.not_valid_after_utc,
                cert_pem=ca.cert_to_pem(cert).decode(),
                issued_at=db.utcnow(),
            )
        )
    return CertificateIssued(
        person_id=request.person_id,
        certificate_pem=ca.cert_to_pem(cert).decode(),
        chain_pem=ca.cert_to_pem(keys.root_cert).decode(),
        serial=serial,
        not_after=cert.not_valid_after_utc,
    )


def list_certificates(engine: Engine, office_code: str | None = None) -> list[CertificateRow]:
    """Every issued certificate (of one office when ``office_code`` is given), oldest first."""
    t, o = db.certificates, db.offices
    query = (
        select(
            t.c.serial,
            o.c.code,
            t.c.person_id,
            t.c.device_id,
            t.c.subject,
            t.c.not_before,
            t.c.not_after,
            t.c.issued_at,
            t.c.revoked_at,
            t.c.revocation_reason,
        )
        .join(o, o.c.id == t.c.office_id)
        .order_by(t.c.issued_at, t.c.serial)
    )
    if office_code is not None:
        query = query.where(o.c.code == office_code)
    with db.read_tx(engine) as conn:
        rows = conn.execute(query).all()
    return [
        CertificateRow(
            serial=r.serial,
            office_code=r.code,
            person_id=r.person_id,
            device_id=r.device_id,
            subject=r.subject,
            not_before=db.aware(r.not_before),
            not_after=db.aware(r.not_after),
            issued_at=db.aware(r.issued_at),
            revoked_at=db.aware(r.revoked_at) if r.revoked_at else None,
            reason=r.revocation_reason,
        )
        for r in rows
    ]


def revocation_times(conn: Connection, serials: Iterable[str]) -> dict[str, datetime]:
    """When each of ``serials`` (as stored: ``serial_hex``) was revoked, for the revoked ones."""
    wanted = list(dict.fromkeys(serials))
    if not wanted:
        return {}
    t = db.certificates
    rows = conn.execute(
        select(t.c.serial, t.c.revoked_at).where(
            t.c.serial.in_(wanted), t.c.revoked_at.is_not(None)
        )
    )
    return {r.serial: db.aware(r.revoked_at) for r in rows}


def issued_to(conn: Connection, serials: Iterable[str]) -> dict[str, str]:
    """The office each of ``serials`` (as stored: ``serial_hex``) was issued to, for those this
    server's CA issued (an unknown serial is absent)."""
    wanted = list(dict.fromkeys(serials))
    if not wanted:
        return {}
    t = db.certificates
    rows = conn.execute(select(t.c.serial, t.c.office_id).where(t.c.serial.in_(wanted)))
    return {r.serial: str(r.office_id) for r in rows}


# -- the running server's view -----------------------------------------------------------------


class PkiService:
    """The CA as a running server (or a bundle import) uses it: keys unlocked once with the
    configured passphrase, retried now and then when the CA appears later (``init`` run while
    serving), the CRL kept fresh, the public base URL resolved."""

    RETRY_S = 10.0
    REFRESH_CHECK_S = 3600.0

    def __init__(self, engine: Engine, passphrase: str | None, public_url: str = "") -> None:
        self.engine = engine
        self._passphrase = passphrase
        self._configured_url = public_url.strip().rstrip("/")
        self._keys: CaKeys | None = None
        self._problem = NO_CA
        self._next_try = 0.0
        self._next_refresh = 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<PkiService keys={'loaded' if self._keys else 'none'}>"

    def keys(self) -> CaKeys:
        """The unlocked CA keys; ``PkiRefused(503)`` with the reason when unavailable."""
        with self._lock:
            if self._keys is None and time.monotonic() >= self._next_try:
                self._next_try = time.monotonic() + self.RETRY_S
                self._load()
            if self._keys is None:
                raise PkiRefused(503, self._problem)
            return self._keys

    def _load(self) -> None:
        with db.read_tx(self.engine) as conn:
            exists = ca_exists(conn)
        if not exists:
            self._problem = NO_CA
        elif not self._passphrase:
            self._problem = NO_KEY
        else:
            try:
                self._keys = load_keys(self.engine, self._passphrase)
            except WrongCaPassphrase:
                log.error("the CA passphrase given to the server does not open the CA keys")
                self._passphrase = None  # it never will: stop trying (and logging)
                self._problem = NO_KEY
            except PkiRefused as exc:
                self._problem = exc.message

    def available(self) -> bool:
        try:
            self.keys()
        except PkiRefused:
            return False
        return True

    def maybe_refresh(self) -> None:
        """Sign a fresh CRL when the newest is getting old (checked at most hourly)."""
        now = time.monotonic()
        if now < self._next_refresh:
            return
        try:
            keys = self.keys()
        except PkiRefused:
            return
        self._next_refresh = now + self.REFRESH_CHECK_S
        try:
            refresh_crl(self.engine, keys)
        except Exception:  # never fail a sync over it; tried again in an hour
            log.exception("could not sign a fresh CRL")

    def material(self) -> PublicMaterial:
        """The public trust material; ``PkiRefused(503)`` when there is no CA."""
        self.maybe_refresh()
        with db.read_tx(self.engine) as conn:
            found = public_material(conn)
        if found is None:
            raise PkiRefused(503, NO_CA)
        return found

    def configured_url(self) -> str:
        """``--public-url`` or the stored one ("" when neither is set)."""
        if self._configured_url:
            return self._configured_url
        with db.read_tx(self.engine) as conn:
            return stored_public_url(conn)

    def public_url(self, request_base: str = "") -> str:
        return self.configured_url() or request_base.rstrip("/")

    def crl_url(self) -> str | None:
        """The CRL distribution point put in new certificates: only with a configured public
        address (a request's own base URL may be a private one)."""
        url = self.configured_url()
        return f"{url}/pki/crl.pem" if url else None
