"""PCs for sync tests: real stores in their own data dirs, enrolled with a real server.

``PC`` bundles a store with its people; ``snapshot`` reads the synced tables of a store without
its local-only columns, so PCs of one office can be compared for convergence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from desktop.letters import accounts, drafting, office, workflow
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import AddresseeInput, DraftInput
from desktop.store.db import DB_NAME, Store, open_store
from desktop.store.entities import LOCAL_ONLY
from sync.client import engine
from sync.client.engine import SyncReport
from tests.conftest import PASSWORD, office_input, person_input
from tests.stores import copy_store, new_store

# Tables every PC of an office must agree on, and the columns that stay on one PC.
SYNCED_TABLES = (
    "office",
    "person",
    "letter",
    "letter_revision",
    "review_step",
    "issued_number",
    "conflict",
)
STAFF = [
    ("Budi Santoso", "199001012015031001", "budi", {Role.DRAFTER}, "Pengadministrasi Umum"),
    ("Sari Wulandari", "198705052012022003", "sari", {Role.REVIEWER}, "Kepala Seksi"),
    ("Agustinus Mabel, S.IP", "197008171994031006", "camat", {Role.SIGNER}, "Camat Wamena"),
]


@dataclass
class PC:
    name: str
    store: Store
    users: dict[str, CurrentUser] = field(default_factory=dict)

    def login(self, username: str) -> CurrentUser:
        user = accounts.login(self.store, username, PASSWORD)
        self.users[username] = user
        return user

    def user(self, username: str) -> CurrentUser:
        return self.users.get(username) or self.login(username)

    def sync(self) -> SyncReport:
        return engine.sync_once(self.store)

    def close(self) -> None:
        self.store.close()


def open_pc(root: Path, name: str) -> PC:
    """The PC ``name`` under ``root``: its store reopened, or a new one (the migrated template)."""
    data_dir = root / name
    if (data_dir / DB_NAME).exists():
        return PC(name, open_store(data_dir))
    return PC(name, new_store(data_dir))


def clone_pc(template: PC, root: Path, name: str) -> PC:
    """A new PC whose data dir is a copy of ``template``'s (SQLite backup + blobs)."""
    copy_store(template.store.data_dir, root / name)
    return PC(name, open_store(root / name))


def set_up_office(pc: PC, kecamatan: str = "Wamena") -> None:
    """First run on this PC: the office, its administrator and three staff."""
    office.setup(
        pc.store,
        office_input(kecamatan=kecamatan),
        person_input("Admin Kantor", "198503122010011002", "admin", {Role.ADMIN}, "Admin"),
    )
    admin = pc.login("admin")
    for name, nip, username, roles, jabatan in STAFF:
        accounts.add_person(pc.store, admin, person_input(name, nip, username, roles, jabatan))


def enrol(pc: PC, server: Any, office_code: str) -> None:
    engine.enroll(pc.store, server.url, office_code, server.enrol_code(office_code), pc.name)


def office_with_pcs(server: Any, root: Path, *names: str) -> tuple[str, list[PC]]:
    """A new office on the server; the first PC sets it up, every PC enrols and syncs once."""
    code, _ = server.new_office()
    pcs = [open_pc(root, name) for name in names]
    set_up_office(pcs[0])
    for pc in pcs:
        enrol(pc, server, code)
        pc.sync()
    return code, pcs


def office_with_registrar(server: Any, root: Path) -> tuple[PC, PC]:
    """Two PCs of a new office ("pc1" and "pc2"), with a registrar (rina) added on the first
    and known to both."""
    _, (pc1, pc2) = office_with_pcs(server, root, "pc1", "pc2")
    accounts.add_person(
        pc1.store, pc1.user("admin"),
        person_input("Rina Wenda", "199203032018012001", "rina", {Role.REGISTRAR}, "Agendaris"),
    )  # fmt: skip
    pc1.sync()
    pc2.sync()
    return pc1, pc2


def draft(pc: PC, hal: str, username: str = "budi") -> str:
    user = pc.user(username)
    letter = drafting.new_draft(pc.store, user, "surat_undangan")
    save(pc, letter.id, hal=hal, username=username)
    return letter.id


def save(pc: PC, letter_id: str, username: str = "budi", **changes: Any) -> None:
    user = pc.user(username)
    current = drafting.input_of(drafting.get_letter(pc.store, user, letter_id))
    values = {
        "classification_code": current.classification_code or "000.1.5",
        "addressees": current.addressees or [AddresseeInput("Lurah Sinakma", "Wamena")],
        "body_html": current.body_html or "<p>Dengan hormat, kami mengundang Bapak.</p>",
        **changes,
    }
    data = DraftInput(**{**current.__dict__, **values})
    drafting.save_draft(pc.store, user, letter_id, data)


def sign(pc: PC, letter_id: str, on: date | None = None) -> str:
    camat = pc.user("camat")
    workflow.send(pc.store, pc.user("budi"), letter_id, [], camat.id)
    return workflow.sign_by_hand(pc.store, camat, letter_id, on=on).number


def snapshot(
    store: Store, tables: tuple[str, ...] = SYNCED_TABLES
) -> dict[str, list[tuple[Any, ...]]]:
    """Synced tables (server-made conflicts only), rows sorted, local-only columns left out."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for table in tables:
            cols = [
                r[1]
                for r in conn.execute(text(f"PRAGMA table_info({table})")).all()
                if r[1] not in LOCAL_ONLY.get(table, ())
            ]
            where = " WHERE version > 0" if table == "conflict" else ""
            rows = conn.execute(text(f"SELECT {', '.join(cols)} FROM {table}{where}")).all()
            out[table] = sorted((tuple(_norm(v) for v in r) for r in rows), key=repr)
    return out


def _norm(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.dumps(json.loads(value), sort_keys=True)
        except ValueError:
            return value
    return value


def count(store: Store, sql: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())
