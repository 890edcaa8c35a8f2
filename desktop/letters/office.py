"""The office profile (kop data, paper, numbering pattern) and first-run setup."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from desktop.i18n import _
from desktop.letters import classification, journal
from desktop.letters.accounts import (
    CurrentUser,
    PersonInput,
    Role,
    new_person,
    require,
    validate_person,
)
from desktop.letters.errors import NotFound, ValidationError
from desktop.letters.numbering import pattern_problem
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.models import Office, Person
from sync.protocol import Entity

_UNIT_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9.\-]{1,23}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@dataclass
class OfficeInput:
    kabupaten: str
    kecamatan: str
    unit_code: str
    address: str
    place_name: str = ""  # defaults to the kecamatan name
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: bytes | None = None
    paper_size: str = "F4"
    number_pattern: str = "{kode}/{urut}/{unit}/{tahun}"


def is_image(data: bytes) -> bool:
    return any(data.startswith(m) for m in _IMAGE_MAGIC)


def validate_office(data: OfficeInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.kabupaten.strip():
        errors["kabupaten"] = _("Nama kabupaten wajib diisi.")
    if not data.kecamatan.strip():
        errors["kecamatan"] = _("Nama kecamatan wajib diisi.")
    if not _UNIT_CODE.match(data.unit_code.strip()):
        errors["unit_code"] = _(
            "Kode unit harus diawali huruf, 2-24 karakter huruf/angka/titik/strip, tanpa garis "
            "miring (contoh: Kec.SKM)."
        )
    if not data.address.strip():
        errors["address"] = _("Alamat kantor wajib diisi.")
    if data.email.strip() and not _EMAIL.match(data.email.strip()):
        errors["email"] = _("Alamat e-mail tidak valid.")
    if data.logo is not None and not is_image(data.logo):
        errors["logo"] = _("Berkas logo bukan gambar PNG atau JPEG.")
    if data.paper_size not in ("F4", "A4"):
        errors["paper_size"] = _("Ukuran kertas harus F4 atau A4.")
    problem = pattern_problem(data.number_pattern)
    if problem:
        errors["number_pattern"] = problem
    return errors


def is_set_up(store: Store) -> bool:
    with store.read() as session:
        office = session.exec(select(Office.id).limit(1)).first()
        person = session.exec(select(Person.id).limit(1)).first()
        return office is not None and person is not None


def get_office(store: Store) -> Office:
    with store.read() as session:
        office = session.exec(select(Office).where(col(Office.deleted_at).is_(None))).first()
        if office is None:
            raise NotFound(_("Profil kantor"))
        return office


def setup(store: Store, office: OfficeInput, admin: PersonInput) -> tuple[Office, Person]:
    """First run: office profile, reference codes and the first administrator, all or nothing.

    Raises ValidationError with every field problem of both parts at once.
    """
    admin.roles = frozenset(admin.roles | {Role.ADMIN})
    errors = validate_office(office)
    errors.update({f"admin.{k}": v for k, v in validate_person(admin, new=True).items()})
    if errors:
        raise ValidationError(errors)
    logo_hash = BlobStore(store.blob_dir).put(office.logo) if office.logo else None
    with store.write() as session:
        if session.exec(select(Office.id).limit(1)).first() is not None:
            raise ValidationError({"office": _("Kantor ini sudah disiapkan sebelumnya.")})
        row = Office(
            kabupaten=office.kabupaten.strip(),
            kecamatan=office.kecamatan.strip(),
            place_name=(office.place_name or office.kecamatan).strip(),
            unit_code=office.unit_code.strip(),
            address=office.address.strip(),
            phone=office.phone.strip(),
            email=office.email.strip(),
            website=office.website.strip(),
            logo_hash=logo_hash,
            paper_size=office.paper_size,
            number_pattern=office.number_pattern,
        )
        person = new_person(admin)
        journal.record(
            session,
            person.id,
            "person.add",
            Entity.PERSON,
            person,
            detail={"username": person.username, "roles": person.roles},
        )
        journal.record(session, person.id, "office.setup", Entity.OFFICE, row)
        classification.load_reference(session)
        return row, person


SETTABLE = {
    "kabupaten", "kecamatan", "place_name", "unit_code", "address", "phone", "email", "website",
    "paper_size", "number_pattern", "number_padding", "series_per_type", "font_pt",
    "margin_top_mm", "margin_left_mm", "margin_right_mm", "margin_bottom_mm", "language",
}  # fmt: skip


def update_office(
    store: Store, user: CurrentUser, changes: dict[str, Any], logo: bytes | None = None
) -> Office:
    """Change office settings (administrator only); validated as a whole, audited."""
    require(user, Role.ADMIN)
    unknown = set(changes) - SETTABLE
    if unknown:
        raise ValueError(f"unknown office settings: {sorted(unknown)}")
    current = get_office(store)
    merged = {f.name: getattr(current, f.name) for f in fields(OfficeInput) if f.name != "logo"}
    merged.update({k: v for k, v in changes.items() if k in merged})
    errors = validate_office(OfficeInput(**merged, logo=logo))
    if "number_padding" in changes and not 1 <= int(changes["number_padding"]) <= 6:
        errors["number_padding"] = _("Jumlah digit nomor urut 1 sampai 6.")
    if errors:
        raise ValidationError(errors)
    logo_hash = BlobStore(store.blob_dir).put(logo) if logo else None
    with store.write() as session:
        office = session.get(Office, current.id)
        assert office is not None
        for key, value in changes.items():
            setattr(office, key, value)
        if logo_hash:
            office.logo_hash = logo_hash
        office.updated_at = clock.now()
        journal.record(
            session,
            user.id,
            "office.update",
            Entity.OFFICE,
            office,
            detail={"fields": sorted(changes) + (["logo"] if logo else [])},
        )
        return office


PROFILE_KEYS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "office": {"kabupaten": str, "kecamatan": str, "unit_code": str, "address": str,
               "place_name": str, "phone": str, "email": str, "website": str, "logo": str,
               "paper_size": str, "number_pattern": str},
    "admin": {"name": str, "nip": (str, int), "pangkat": str, "jabatan": str, "username": str,
              "roles": list, "password": str},
}  # fmt: skip
_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _profile_problem(key: str, message: str) -> ValidationError:
    return ValidationError({key: message})


def _profile_text(path: Path) -> str:
    """The profile's text: UTF-8 (with or without a BOM) or UTF-16 with a BOM, as Windows
    Notepad saves it; anything else is refused naming the first line that is not text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _profile_problem("profile", _("Profil tidak dapat dibaca: {e}").format(
            e=exc.strerror or exc)) from exc  # fmt: skip
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    bad = data.find(b"\x00")
    if bad < 0:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = exc.start
    line = data[: max(bad, 0)].count(b"\n") + 1
    raise _profile_problem("profile", _(
        "Profil bukan teks UTF-8 (baris {n}). Simpan ulang profil sebagai teks UTF-8, misalnya "
        "di Notepad: Simpan sebagai, Encoding UTF-8."
    ).format(n=line))  # fmt: skip


def _profile_tables(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    text = _profile_text(path)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))
        line = where.group(1) if where else "?"
        reason = _TOML_WHERE.sub("", str(exc)).strip()
        raise _profile_problem("profile", _(
            "Profil tidak sah pada baris {n}: {e}. Periksa tanda kutip, tanda = dan nama tabel."
        ).format(n=line, e=reason)) from exc  # fmt: skip
    for key in raw:
        if key not in PROFILE_KEYS:
            raise _profile_problem(key, _(
                "Bagian [{k}] tidak dikenal; profil hanya memakai [office] dan [admin]."
            ).format(k=key))  # fmt: skip
    tables: list[dict[str, Any]] = []
    for name, allowed in PROFILE_KEYS.items():
        table = raw.get(name, {})
        if not isinstance(table, dict):
            raise _profile_problem(name, _("{k} harus berupa tabel [{k}].").format(k=name))
        for key, value in table.items():
            if key not in allowed:
                raise _profile_problem(f"{name}.{key}", _(
                    "Kunci {k} tidak dikenal di [{t}]; yang dikenal: {known}."
                ).format(k=key, t=name, known=", ".join(allowed)))  # fmt: skip
            if not isinstance(value, allowed[key]) or isinstance(value, bool):
                want, got = _kind(allowed[key]), _kind(type(value))
                raise _profile_problem(f"{name}.{key}", _(
                    "{k} harus berupa {want}, bukan {got}."
                ).format(k=f"{name}.{key}", want=want, got=got))  # fmt: skip
        tables.append(table)
    roles = tables[1].get("roles", [])
    if not all(isinstance(r, str) for r in roles):
        raise _profile_problem("admin.roles", _("admin.roles harus berupa daftar teks."))
    return tables[0], tables[1]


def _kind(kind: type | tuple[type, ...]) -> str:
    first = kind[0] if isinstance(kind, tuple) else kind
    names = {str: _("teks dalam tanda kutip"), list: _("daftar [...]"), int: _("angka"),
             float: _("angka"), bool: _("true/false"), dict: _("tabel")}  # fmt: skip
    return names.get(first, first.__name__)


def read_profile(path: Path) -> tuple[OfficeInput, PersonInput]:
    """Parse a provisioning profile (TOML with [office] and [admin] tables).

    The admin password is never read from the file; the caller supplies it. A file that is not
    text, not TOML, has an unknown key or a value of the wrong type raises ValidationError with
    one message naming the line or the key.
    """
    o, a = _profile_tables(path)
    if "password" in a:
        raise ValidationError(
            {
                "admin.password": _(
                    "Jangan simpan kata sandi di berkas profil; berikan lewat "
                    "NASKAH_ADMIN_PASSWORD atau ketik saat diminta."
                )
            }
        )
    logo = None
    if o.get("logo"):
        logo_path = (path.parent / o["logo"]).resolve()
        try:
            logo = logo_path.read_bytes()
        except OSError as exc:
            raise ValidationError(
                {"logo": _("Logo tidak dapat dibaca: {e}").format(e=exc)}
            ) from exc
    office = OfficeInput(
        kabupaten=o.get("kabupaten", ""),
        kecamatan=o.get("kecamatan", ""),
        unit_code=o.get("unit_code", ""),
        address=o.get("address", ""),
        place_name=o.get("place_name", ""),
        phone=o.get("phone", ""),
        email=o.get("email", ""),
        website=o.get("website", ""),
        logo=logo,
        paper_size=o.get("paper_size", "F4"),
        number_pattern=o.get("number_pattern", "{kode}/{urut}/{unit}/{tahun}"),
    )
    try:
        roles = frozenset(Role(r) for r in a.get("roles", ["admin"]))
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise ValidationError(
            {"admin.roles": _("Peran tidak dikenal; pilih dari: {k}.").format(k=known)}
        ) from None
    admin = PersonInput(
        name=a.get("name", ""),
        nip=str(a.get("nip", "")),
        pangkat=a.get("pangkat", ""),
        jabatan=a.get("jabatan", ""),
        username=a.get("username", ""),
        roles=roles,
    )
    return office, admin
