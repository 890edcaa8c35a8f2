"""People, roles, passwords and log-in.

Passwords are hashed with scrypt (a slow, memory-hard KDF). Five wrong passwords in a row lock
the account for 15 minutes. Every service checks roles itself through ``require``: the GUI hiding
a button is a courtesy, not the control.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from functools import cache

from sqlmodel import Session, col, select

from desktop import costs
from desktop.i18n import N_, _
from desktop.letters import journal
from desktop.letters.errors import AuthError, NotFound, PermissionDenied, ValidationError
from desktop.letters.nip import nip_problem, normalise
from desktop.store import clock
from desktop.store.access_models import PcUser
from desktop.store.db import Store
from desktop.store.models import Person
from sync.protocol import Entity

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[a-z0-9._-]{3,32}$")


class Role(StrEnum):
    DRAFTER = "drafter"  # pengonsep
    REVIEWER = "reviewer"  # pemaraf
    SIGNER = "signer"  # penandatangan
    REGISTRAR = "registrar"  # agendaris
    ADMIN = "admin"  # administrator


ROLE_LABELS: dict[Role, str] = {
    Role.DRAFTER: N_("Pengonsep"),
    Role.REVIEWER: N_("Pemaraf"),
    Role.SIGNER: N_("Penandatangan"),
    Role.REGISTRAR: N_("Agendaris"),
    Role.ADMIN: N_("Administrator"),
}


def role_label(role: Role) -> str:
    return _(ROLE_LABELS[role])


@dataclass(frozen=True)
class CurrentUser:
    """The person logged in on this PC; services take it to check roles and to audit."""

    id: str
    name: str
    roles: frozenset[Role]

    def has(self, role: Role) -> bool:
        return role in self.roles


def require(user: CurrentUser, role: Role) -> None:
    if not user.has(role):
        raise PermissionDenied(
            _("Tindakan ini memerlukan peran {role}.").format(role=role_label(role))
        )


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    cost = costs.current()
    n, r, p = cost.scrypt_n, cost.scrypt_r, cost.scrypt_p
    key = hashlib.scrypt(password.encode(), salt=salt, dklen=32, n=n, r=r, p=p)
    params = f"{n}:{r}:{p}"
    return f"scrypt${params}${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, params, salt_b64, key_b64 = stored.split("$")
        n, r, p = (int(x) for x in params.split(":"))
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    key = hashlib.scrypt(
        password.encode(), salt=base64.b64decode(salt_b64), dklen=32, n=n, r=r, p=p
    )
    return hmac.compare_digest(key, base64.b64decode(key_b64))


@cache
def _dummy_hash() -> str:
    # Made on first use, not at import: one scrypt costs ~50 ms of the app's start.
    return hash_password("naskah-dummy")


def parse_roles(text: str) -> frozenset[Role]:
    return frozenset(Role(r) for r in text.split(",") if r)


@dataclass
class PersonInput:
    name: str
    nip: str
    pangkat: str
    jabatan: str
    username: str
    roles: frozenset[Role]
    password: str | None = None  # required for a new person


def validate_person(data: PersonInput, *, new: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("Nama wajib diisi.")
    problem = nip_problem(data.nip, clock.today())
    if problem:
        errors["nip"] = problem
    if not data.jabatan.strip():
        errors["jabatan"] = _("Jabatan wajib diisi.")
    if not _USERNAME.match(data.username):
        errors["username"] = _(
            "Nama pengguna 3-32 karakter: huruf kecil, angka, titik, garis bawah atau strip."
        )
    if not data.roles:
        errors["roles"] = _("Pilih setidaknya satu peran.")
    too_short = data.password is None or len(data.password) < MIN_PASSWORD
    if (new or data.password is not None) and too_short:
        errors["password"] = _("Kata sandi minimal {n} karakter.").format(n=MIN_PASSWORD)
    return errors


def new_person(data: PersonInput) -> Person:
    """A Person row from validated input with a password (not yet added to any session)."""
    assert data.password is not None
    return Person(
        name=data.name.strip(),
        nip=normalise(data.nip),
        pangkat=data.pangkat.strip(),
        jabatan=data.jabatan.strip(),
        username=data.username,
        password_hash=hash_password(data.password),
        roles=",".join(sorted(r.value for r in data.roles)),
    )


def add_person(store: Store, user: CurrentUser | None, data: PersonInput) -> Person:
    """Create an account (administrator only, or the very first one at setup).

    One transaction with its outbox row and audit entry. Raises ValidationError (per field),
    including for a username or NIP already in use.
    """
    with store.write() as session:
        if user is not None:
            require(user, Role.ADMIN)
        elif session.exec(select(Person.id).limit(1)).first() is not None:
            raise PermissionDenied()
        errors = validate_person(data, new=True)
        if session.exec(select(Person.id).where(Person.username == data.username)).first():
            errors["username"] = _("Nama pengguna sudah dipakai.")
        nip = normalise(data.nip)
        if session.exec(select(Person.id).where(Person.nip == nip)).first():
            errors["nip"] = _("NIP sudah terdaftar.")
        if errors:
            raise ValidationError(errors)
        person = new_person(data)
        actor = user.id if user else person.id
        journal.record(
            session,
            actor,
            "person.add",
            Entity.PERSON,
            person,
            detail={"username": person.username, "roles": person.roles},
        )
        return person


def update_person(store: Store, user: CurrentUser, person_id: str, data: PersonInput) -> Person:
    """Change a person's details, roles, or (if given) password. Administrator only."""
    require(user, Role.ADMIN)
    with store.write() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("Pegawai"))
        errors = validate_person(data, new=False)
        taken = session.exec(
            select(Person.id).where(Person.username == data.username, Person.id != person_id)
        ).first()
        if taken:
            errors["username"] = _("Nama pengguna sudah dipakai.")
        if errors:
            raise ValidationError(errors)
        person.name = data.name.strip()
        person.nip = normalise(data.nip)
        person.pangkat = data.pangkat.strip()
        person.jabatan = data.jabatan.strip()
        person.username = data.username
        person.roles = ",".join(sorted(r.value for r in data.roles))
        if data.password:
            person.password_hash = hash_password(data.password)
            person.failed_logins = 0
            person.locked_until = None
        person.updated_at = clock.now()
        journal.record(
            session,
            user.id,
            "person.update",
            Entity.PERSON,
            person,
            detail={"roles": person.roles, "password_changed": bool(data.password)},
        )
        return person


def set_active(store: Store, user: CurrentUser, person_id: str, active: bool) -> None:
    require(user, Role.ADMIN)
    if person_id == user.id and not active:
        raise ValidationError({"active": _("Anda tidak dapat menonaktifkan akun sendiri.")})
    with store.write() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("Pegawai"))
        person.active = active
        person.updated_at = clock.now()
        journal.record(
            session,
            user.id,
            "person.activate" if active else "person.deactivate",
            Entity.PERSON,
            person,
        )


def login(store: Store, username: str, password: str) -> CurrentUser:
    """Check a password; count failures and lock the account after too many.

    Raises AuthError with a message that does not reveal whether the username exists, except
    for a locked account, which says when to try again. A failure is committed (and audited)
    before the error is raised.
    """
    outcome: CurrentUser | AuthError
    with store.write() as session:
        outcome = _attempt(session, username.strip(), password)
    if isinstance(outcome, AuthError):
        raise outcome
    return outcome


def _attempt(session: Session, username: str, password: str) -> CurrentUser | AuthError:
    person = session.exec(select(Person).where(Person.username == username)).first()
    wrong = AuthError(_("Nama pengguna atau kata sandi salah."))
    if person is None or not person.active or person.deleted_at is not None:
        check_password(password, _dummy_hash())  # same cost either way
        return wrong
    now = clock.now()
    if person.locked_until is not None and person.locked_until > now:
        minutes = max(1, int((person.locked_until - now).total_seconds() // 60) + 1)
        return AuthError(
            _("Akun terkunci karena terlalu banyak percobaan. Coba lagi dalam {m} menit.").format(
                m=minutes
            )
        )
    if not check_password(password, person.password_hash):
        person.failed_logins += 1
        detail: dict[str, object] = {"failed": person.failed_logins}
        if person.failed_logins >= MAX_FAILED_LOGINS:
            person.locked_until = now + LOCKOUT
            person.failed_logins = 0
            detail["locked"] = True
        session.add(person)
        journal.audit_only(session, person.id, "login.failed", Entity.PERSON, person.id, detail)
        return wrong
    person.failed_logins = 0
    person.locked_until = None
    session.add(person)
    if session.get(PcUser, person.id) is None:  # a user of this PC (access by sifat in sync)
        session.add(PcUser(person_id=person.id))
    journal.audit_only(session, person.id, "login", Entity.PERSON, person.id)
    return CurrentUser(person.id, person.name, parse_roles(person.roles))


def list_people(store: Store, *, include_inactive: bool = True) -> list[Person]:
    with store.read() as session:
        q = select(Person).where(col(Person.deleted_at).is_(None))
        if not include_inactive:
            q = q.where(Person.active == True)  # noqa: E712
        return list(session.exec(q.order_by(Person.name)).all())


def people_with_role(store: Store, role: Role) -> list[Person]:
    return [p for p in list_people(store, include_inactive=False) if role in parse_roles(p.roles)]


def get_person(store: Store, person_id: str) -> Person:
    with store.read() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("Pegawai"))
        return person


def refreshed(store: Store, user: CurrentUser) -> CurrentUser:
    """``user`` as the store now says (roles given or taken while logged in apply at once).

    Raises NotFound if the person no longer exists; an inactive person keeps no role.
    """
    person = get_person(store, user.id)
    roles = parse_roles(person.roles) if person.active else frozenset()
    return CurrentUser(person.id, person.name, roles)
