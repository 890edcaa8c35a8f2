"""An office with the people incoming letters pass through: the registrar (agendaris) who
records them, the camat who disposes them, two kasi and a staffer below one of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from desktop.letters import accounts, incoming
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.incoming import IncomingInput
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.incoming_models import IncomingLetter
from tests.conftest import PASSWORD, Office, person_input


@dataclass
class IncomingOffice:
    store: Store
    admin: CurrentUser
    registrar: CurrentUser
    camat: CurrentUser
    kasi_pem: CurrentUser  # Kepala Seksi Pemerintahan (the office's "kasi" reviewer)
    kasi_kesra: CurrentUser  # Kepala Seksi Kesejahteraan Rakyat
    staffer: CurrentUser  # a drafter under the kasi pemerintahan
    drafter: CurrentUser
    sekcam: CurrentUser


def staff_incoming(o: Office) -> IncomingOffice:
    extra = [
        ("Rina Wenda", "199203032018012001", "rina", {Role.REGISTRAR}, "Agendaris"),
        ("Yosef Lokobal", "198111112006041002", "yosef", {Role.REVIEWER},
         "Kepala Seksi Kesejahteraan Rakyat"),
        ("Maria Itlay", "199506062020122004", "maria", {Role.DRAFTER}, "Staf Pemerintahan"),
    ]  # fmt: skip
    for name, nip, username, roles, jabatan in extra:
        accounts.add_person(o.store, o.admin, person_input(name, nip, username, roles, jabatan))
    login = lambda u: accounts.login(o.store, u, PASSWORD)  # noqa: E731
    return IncomingOffice(
        o.store, o.admin, login("rina"), o.camat, o.kasi, login("yosef"), login("maria"),
        o.drafter, o.sekcam,
    )  # fmt: skip


def letter_input(scans: list[Path], **overrides: object) -> IncomingInput:
    today = clock.today()
    values: dict[str, object] = dict(
        sender_name="Dinas Pemberdayaan Masyarakat dan Kampung",
        sender_number="400.10/123/DPMK/2026",
        sender_date=today - timedelta(days=3),
        received_date=today,
        hal="Undangan Rapat Evaluasi Dana Kampung",
        classification_code="400.10.2.2",
        scans=scans,
    )
    values.update(overrides)
    return IncomingInput(**values)  # type: ignore[arg-type]


def register(o: IncomingOffice, scans: list[Path], **overrides: object) -> IncomingLetter:
    return incoming.register(o.store, o.registrar, letter_input(scans, **overrides))


def days(n: int) -> date:
    return clock.today() + timedelta(days=n)
